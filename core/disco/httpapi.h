// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "types.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QTcpServer>

namespace Disco {

class Server;

/**
 * The read-only HTTP API of a disco Server (disco-protocol.md, extensions):
 * `GET /v1/discovery`, `/v1/discovery/{environment}/{service}/{role}/{endpoint}`,
 * `/v1/sessions` and `/v1/health`, answered with JSON. A small HTTP/1.1
 * handler (keep-alive, GET and HEAD only) on the event loop.
 */
class HttpApi final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpApi)

public:
    explicit HttpApi(const Server *server, QObject *parent = nullptr);
    ~HttpApi() override;

    [[nodiscard]] Scs::Result<void> start(const QHostAddress &address = QHostAddress::LocalHost,
                                          quint16 port = DefaultHttpPort);

    struct Response
    {
        int status = 200;
        QByteArray body;
    };
    /** The answer to `GET path` (public for tests). */
    [[nodiscard]] Response handleGet(const QString &path) const;

    /** A connection without a whole request for this long is closed (408 if it sent part). */
    void setIdleTimeout(int milliseconds) { m_idleTimeoutMs = milliseconds; }
    [[nodiscard]] int idleTimeout() const { return m_idleTimeoutMs; }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    const Server *m_server;
    QElapsedTimer m_uptime;
    int m_idleTimeoutMs = 30'000;
};

} // namespace Disco
