// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

// Incremental decoders for the Engine's streamed answers. Pure: fed with the pieces
// as they arrive, they return what is complete and keep the rest.

#include "types.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace Docker {

/** Newline-separated JSON objects (/events, /build, /images/create, stats stream). */
class JsonLineDecoder
{
public:
    /** Complete objects in \p data and what earlier calls left; bad lines go to errors(). */
    [[nodiscard]] QList<QJsonObject> feed(const QByteArray &data);
    /** The last line when the stream ended without a newline. */
    [[nodiscard]] QList<QJsonObject> finish();
    /** Lines that were not JSON objects, since the last call (then cleared). */
    [[nodiscard]] QList<QByteArray> takeErrors();

private:
    void parseLine(const QByteArray &line, QList<QJsonObject> &out);

    QByteArray m_buffer;
    QList<QByteArray> m_errors;
};

/**
 * The multiplexed stdout/stderr stream of logs, attach and exec of a container without a
 * TTY: frames of an 8-byte header {stream, 0, 0, 0, size (big endian u32)} and the payload.
 * With \p raw (a TTY container), every byte is stdout.
 */
class FrameDecoder
{
public:
    explicit FrameDecoder(bool raw = false)
        : m_raw(raw)
    {}

    [[nodiscard]] QList<LogFrame> feed(const QByteArray &data);
    /** Bytes of an incomplete frame left at the end (0 after a clean end). */
    [[nodiscard]] qsizetype pendingBytes() const { return m_buffer.size(); }

private:
    bool m_raw = false;
    QByteArray m_buffer;
};

/** One object of a /build stream → progress ("Step 3/7 : RUN ..." becomes step 3 of 7). */
[[nodiscard]] BuildProgress parseBuildProgress(const QJsonObject &line);

} // namespace Docker
