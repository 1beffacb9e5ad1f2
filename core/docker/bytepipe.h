// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

// Internal: a bounded, thread-safe byte buffer between the download of one engine and the
// upload to another (save → load, get archive → put archive), so that an image or a volume
// goes from host to host without a temporary file. Each side runs on its own client's I/O
// thread and never blocks: a full pipe pauses the download, an empty one pauses the upload,
// and the other side resumes it through the wake function it registered.

#include <QByteArray>

#include <atomic>
#include <functional>
#include <mutex>

namespace Docker::Internal {

class BytePipe
{
public:
    /** Bytes held before the writer is paused. */
    static constexpr qsizetype capacity = 8 * 1024 * 1024;

    enum class Push { Accepted, Full, ReaderGone };
    enum class Pull { Data, Empty, End, WriterFailed };

    // Writer side (the download).
    /** Takes all of \p data, or none of it when the pipe is full or the reader has gone. */
    [[nodiscard]] Push push(const char *data, qsizetype size);
    /** No more data; \p ok = false: the download failed, the reader must abort. */
    void finishWriting(bool ok);

    // Reader side (the upload).
    /** Copies at most \p max bytes into \p buffer; \p copied tells how many. */
    [[nodiscard]] Pull pull(char *buffer, qsizetype max, qsizetype &copied);
    /** The reader stopped (failed or cancelled): the writer must abort. */
    void closeReader();

    /**
     * Called (from any thread, under the pipe's lock) when the other side made progress
     * after this side found the pipe full (writer) or empty (reader);
     * each side registers one while its transfer runs and clears it (nullptr) when it ends.
     */
    void setWakeWriter(std::function<void()> wake);
    void setWakeReader(std::function<void()> wake);

    /** Bytes the reader has taken so far (what reached the upload). Any thread. */
    [[nodiscard]] qint64 delivered() const { return m_delivered.load(); }
    /**
     * Called (on the reader's thread, under the pipe's lock) with delivered() after every
     * piece the reader takes; for progress reports. Must not call back into the pipe.
     */
    void setOnDelivered(std::function<void(qint64)> report);

private:
    void wakeReaderLocked();

    std::mutex m_mutex;
    QByteArray m_buffer;
    qsizetype m_readOffset = 0;
    bool m_writerDone = false;
    bool m_writerOk = true;
    bool m_readerGone = false;
    bool m_readerWaiting = false; // paused on an empty pipe
    bool m_writerWaiting = false; // paused on a full pipe
    std::function<void()> m_wakeWriter;
    std::function<void()> m_wakeReader;
    std::function<void(qint64)> m_onDelivered;
    std::atomic<qint64> m_delivered{0};
};

} // namespace Docker::Internal
