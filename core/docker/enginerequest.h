// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

// Internal: one HTTP exchange with an engine, as the worker performs it.

#include "bytepipe.h"
#include "common/result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <functional>
#include <memory>

namespace Docker::Internal {

struct Response
{
    int status = 0;
    QByteArray contentType;
    QByteArray body; ///< empty for streamed requests and downloads to a file
};

struct Request
{
    QByteArray method = "GET";
    QString path; ///< without the version prefix: "/containers/json"
    QUrlQuery query;
    QByteArray body;
    QByteArray contentType; ///< of body / uploadFile
    QList<QPair<QByteArray, QByteArray>> headers;
    QString uploadFile;   ///< send this file as the body (chunked)
    QString downloadFile; ///< write a 2xx body into this file
    /** Send what this pipe delivers as the body (chunked; the upload pauses while it is empty). */
    std::shared_ptr<BytePipe> uploadPipe;
    /** Write a 2xx body into this pipe (the download pauses while it is full). */
    std::shared_ptr<BytePipe> downloadPipe;
    bool versioned = true; ///< prefix the path with /v<negotiated>
    int timeoutMs = -1;    ///< -1 = the host's default, 0 = none (streams)

    /** Called on the I/O thread with every piece of a 2xx body (streams); the body is not kept. */
    std::function<void(const QByteArray &)> onChunk;
    /** Called once on the I/O thread when the exchange ends. */
    std::function<void(Scs::Result<Response>)> onDone;
    /** Polled on the I/O thread; true aborts the transfer with Kind::Cancelled. */
    std::function<bool()> isCanceled;

    /** "POST /containers/create" for messages. */
    [[nodiscard]] QString operation() const { return QString::fromLatin1(method) + u' ' + path; }
};

} // namespace Docker::Internal
