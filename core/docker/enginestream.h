// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "streamdecoder.h"
#include "types.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <optional>

namespace Docker {

class EngineClient;

/**
 * A long-lived answer of the engine (logs follow, stats, events, build) seen from the
 * caller's thread. Exactly one of completed() or failed() ends it; cancel() ends it with
 * failed(Kind::Cancelled). Deleting a running stream cancels it.
 */
class EngineStream : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineStream)

public:
    ~EngineStream() override;

    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }
    /** Set once the stream has ended with failed(). */
    [[nodiscard]] const std::optional<Scs::Error> &error() const { return m_error; }

signals:
    void completed();
    void failed(const Scs::Error &error);

protected:
    explicit EngineStream(QObject *parent);
    virtual void handleChunk(const QByteArray &chunk) = 0;
    /** The transfer ended: a subclass may turn a success into a failure (a build error). */
    virtual Scs::Result<void> handleEnd(Scs::Result<void> result) { return result; }
    /** The name of the host the stream comes from, for messages. */
    [[nodiscard]] QString hostName() const;

private:
    friend class EngineClient;
    void end(const Scs::Result<void> &result);

    QPointer<EngineClient> m_client;
    quint64 m_id = 0;
    bool m_running = false;
    std::optional<Scs::Error> m_error;
};

/** Frames of GET /containers/{id}/logs?follow=1, demultiplexed. */
class LogStream final : public EngineStream
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogStream)

public:
    explicit LogStream(QObject *parent = nullptr)
        : EngineStream(parent)
    {}

signals:
    void framesReceived(const QList<Docker::LogFrame> &frames);

protected:
    void handleChunk(const QByteArray &chunk) override;

private:
    std::optional<FrameDecoder> m_decoder; // chosen from the first bytes (raw for TTYs)
};

/** Samples of GET /containers/{id}/stats?stream=1. */
class StatsStream final : public EngineStream
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatsStream)

public:
    explicit StatsStream(QObject *parent = nullptr)
        : EngineStream(parent)
    {}

signals:
    void sampleReceived(const Docker::StatsSample &sample);

protected:
    void handleChunk(const QByteArray &chunk) override;

private:
    JsonLineDecoder m_decoder;
};

/** Objects of GET /events, batched per piece received. */
class EventStream final : public EngineStream
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventStream)

public:
    explicit EventStream(QObject *parent = nullptr)
        : EngineStream(parent)
    {}

signals:
    void eventsReceived(const QList<Docker::Event> &events);

protected:
    void handleChunk(const QByteArray &chunk) override;

private:
    JsonLineDecoder m_decoder;
};

/**
 * A running POST /build. Each JSON line of the engine becomes progressed(); step headers
 * also stepStarted(). A failing step ends the job with failed(), whose message names the
 * step and carries its output.
 */
class BuildJob final : public EngineStream
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BuildJob)

public:
    explicit BuildJob(QObject *parent = nullptr)
        : EngineStream(parent)
    {}

    /** The built image's id (after completed()). */
    [[nodiscard]] QString imageId() const { return m_imageId; }
    /** Everything the build printed so far. */
    [[nodiscard]] QString output() const { return m_output; }
    [[nodiscard]] int currentStep() const { return m_step; }
    [[nodiscard]] int totalSteps() const { return m_totalSteps; }

signals:
    void progressed(const Docker::BuildProgress &progress);
    void stepStarted(int step, int totalSteps, const QString &instruction);

protected:
    void handleChunk(const QByteArray &chunk) override;
    Scs::Result<void> handleEnd(Scs::Result<void> result) override;

private:
    void handleLine(const QJsonObject &line);

    JsonLineDecoder m_decoder;
    QString m_output;
    QString m_stepHeader;
    QString m_stepOutput; // output of the current step only
    QString m_error;
    QString m_imageId;
    int m_step = 0;
    int m_totalSteps = 0;
};

} // namespace Docker
