// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "bytepipe.h"

#include <cstring>

namespace Docker::Internal {

BytePipe::Push BytePipe::push(const char *data, qsizetype size)
{
    std::lock_guard lock(m_mutex);
    if (m_readerGone)
        return Push::ReaderGone;
    const qsizetype held = m_buffer.size() - m_readOffset;
    if (held > 0 && held + size > capacity) {
        m_writerWaiting = true; // the writer pauses until the reader has drained half
        return Push::Full;      // an empty pipe takes any piece, so a large one never stalls
    }
    if (m_readOffset >= capacity / 4) { // drop what was read now and then, not per piece
        m_buffer.remove(0, m_readOffset);
        m_readOffset = 0;
    }
    m_buffer.append(data, size);
    wakeReaderLocked();
    return Push::Accepted;
}

void BytePipe::finishWriting(bool ok)
{
    std::lock_guard lock(m_mutex);
    m_writerDone = true;
    m_writerOk = ok;
    m_readerWaiting = true; // whatever it does now, the reader must hear of the end
    wakeReaderLocked();
}

BytePipe::Pull BytePipe::pull(char *buffer, qsizetype max, qsizetype &copied)
{
    std::lock_guard lock(m_mutex);
    copied = 0;
    if (m_writerDone && !m_writerOk)
        return Pull::WriterFailed;
    const qsizetype held = m_buffer.size() - m_readOffset;
    if (held == 0) {
        if (m_writerDone)
            return Pull::End;
        m_readerWaiting = true;
        return Pull::Empty;
    }
    copied = std::min(max, held);
    std::memcpy(buffer, m_buffer.constData() + m_readOffset, size_t(copied));
    m_readOffset += copied;
    const qint64 delivered = m_delivered.fetch_add(copied) + copied;
    if (m_onDelivered)
        m_onDelivered(delivered);
    if (m_readOffset == m_buffer.size()) {
        m_buffer.clear();
        m_readOffset = 0;
    }
    if (m_writerWaiting && m_buffer.size() - m_readOffset <= capacity / 2) {
        m_writerWaiting = false;
        if (m_wakeWriter)
            m_wakeWriter();
    }
    return Pull::Data;
}

void BytePipe::closeReader()
{
    std::lock_guard lock(m_mutex);
    m_readerGone = true;
    m_buffer.clear();
    m_readOffset = 0;
    m_writerWaiting = false;
    if (m_wakeWriter)
        m_wakeWriter();
}

void BytePipe::wakeReaderLocked()
{
    if (!m_readerWaiting)
        return;
    m_readerWaiting = false;
    if (m_wakeReader)
        m_wakeReader();
}

void BytePipe::setWakeWriter(std::function<void()> wake)
{
    std::lock_guard lock(m_mutex);
    m_wakeWriter = std::move(wake);
}

void BytePipe::setWakeReader(std::function<void()> wake)
{
    std::lock_guard lock(m_mutex);
    m_wakeReader = std::move(wake);
}

void BytePipe::setOnDelivered(std::function<void(qint64)> report)
{
    std::lock_guard lock(m_mutex);
    m_onDelivered = std::move(report);
}

} // namespace Docker::Internal
