// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "enginestream.h"

#include "dockertr.h"
#include "engineclient.h"
#include "enginejson.h"

namespace Docker {

using Scs::Error;

EngineStream::EngineStream(QObject *parent)
    : QObject(parent)
{}

EngineStream::~EngineStream()
{
    if (m_running && m_client)
        m_client->cancelRequest(m_id);
}

void EngineStream::cancel()
{
    if (!m_running)
        return;
    if (m_client)
        m_client->cancelRequest(m_id);
    end(Scs::makeError(
        Tr::tr("host %1: stream cancelled").arg(m_client ? m_client->hostName() : QString()),
        Error::Kind::Cancelled));
}

QString EngineStream::hostName() const
{
    return m_client ? m_client->hostName() : QString();
}

void EngineStream::end(const Scs::Result<void> &result)
{
    if (!m_running)
        return;
    m_running = false;
    const Scs::Result<void> final = handleEnd(result);
    if (final) {
        emit completed();
    } else {
        m_error = final.error();
        emit failed(final.error());
    }
}

void LogStream::handleChunk(const QByteArray &chunk)
{
    if (!m_decoder) {
        // A multiplexed stream starts with a header {0|1|2, 0, 0, 0, size}; a TTY's is raw.
        const bool multiplexed = chunk.size() >= 4 && uchar(chunk[0]) <= 2 && chunk[1] == 0
                                 && chunk[2] == 0 && chunk[3] == 0;
        m_decoder.emplace(!multiplexed);
    }
    const QList<LogFrame> frames = m_decoder->feed(chunk);
    if (!frames.isEmpty())
        emit framesReceived(frames);
}

void StatsStream::handleChunk(const QByteArray &chunk)
{
    const QList<QJsonObject> objects = m_decoder.feed(chunk);
    for (const QJsonObject &o : objects)
        emit sampleReceived(Internal::statsFromJson(o));
}

void EventStream::handleChunk(const QByteArray &chunk)
{
    const QList<QJsonObject> objects = m_decoder.feed(chunk);
    QList<Event> events;
    events.reserve(objects.size());
    for (const QJsonObject &o : objects)
        events.append(Internal::eventFromJson(o));
    if (!events.isEmpty())
        emit eventsReceived(events);
}

void BuildJob::handleChunk(const QByteArray &chunk)
{
    const QList<QJsonObject> lines = m_decoder.feed(chunk);
    for (const QJsonObject &line : lines)
        handleLine(line);
}

void BuildJob::handleLine(const QJsonObject &line)
{
    const BuildProgress progress = parseBuildProgress(line);
    if (!progress.imageId.isEmpty())
        m_imageId = progress.imageId;
    if (!progress.error.isEmpty())
        m_error = progress.error;
    if (progress.step > 0) {
        m_step = progress.step;
        m_totalSteps = progress.totalSteps;
        m_stepHeader = progress.text.trimmed();
        m_stepOutput.clear();
        emit stepStarted(progress.step, progress.totalSteps, m_stepHeader);
    } else if (!progress.text.isEmpty() && progress.error.isEmpty()) {
        m_stepOutput += progress.text;
        if (!progress.text.endsWith(u'\n'))
            m_stepOutput += u'\n';
    }
    if (!progress.text.isEmpty()) {
        m_output += progress.text;
        if (!progress.text.endsWith(u'\n'))
            m_output += u'\n';
    }
    emit progressed(progress);
}

Scs::Result<void> BuildJob::handleEnd(Scs::Result<void> result)
{
    for (const QJsonObject &line : m_decoder.finish())
        handleLine(line);
    if (!result)
        return result;
    const QString host = hostName();
    if (!m_error.isEmpty()) {
        // The engine answers 200 and reports a failing step inside the stream.
        QString text = Tr::tr("host %1: POST /build: %2 failed: %3")
                           .arg(host, m_stepHeader.isEmpty() ? Tr::tr("the build") : m_stepHeader,
                                m_error.trimmed());
        const QString output = m_stepOutput.trimmed();
        if (!output.isEmpty())
            text += u'\n' + Tr::tr("Output of the step:") + u'\n' + output;
        return Scs::makeError(text, Error::Kind::Remote);
    }
    if (m_imageId.isEmpty())
        return Scs::makeError(
            Tr::tr("host %1: POST /build: the engine reported no image id").arg(host),
            Error::Kind::Remote);
    return {};
}

} // namespace Docker
