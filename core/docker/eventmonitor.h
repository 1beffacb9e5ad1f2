// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "types.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace Docker {

class EngineClient;
class EventStream;

/**
 * Watches one engine for good: the /events stream, reopened with a growing backoff
 * (0.5 s doubling to 10 s) when it fails or ends, resuming from the last event seen so
 * that a short outage loses nothing; plus a periodic full container list (reconcile),
 * because a stream can still drop events. Emits value types only.
 */
class EventMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventMonitor)

public:
    /** \p labels filter both the events and the reconcile list (empty = everything). */
    explicit EventMonitor(EngineClient &client, QMap<QString, QString> labels = {},
                          QObject *parent = nullptr);
    ~EventMonitor() override;

    void start();
    void stop();
    [[nodiscard]] bool isConnected() const { return m_connected; }
    void setReconcileInterval(int milliseconds);
    void setMaximumBackoff(int milliseconds) { m_maxBackoffMs = milliseconds; }
    /** Reconciles now (also done on every (re)connect). */
    void reconcile();

signals:
    void eventsReceived(const QList<Docker::Event> &events);
    /** The full list of (labelled) containers, after each reconcile. */
    void containersReconciled(const QList<Docker::ContainerSummary> &containers);
    void connected();
    /** The stream broke; a retry follows after \p retryInMs. */
    void disconnected(const Scs::Error &error, int retryInMs);

private:
    void open();
    void handleEnd(const std::optional<Scs::Error> &error);

    EngineClient &m_client;
    QMap<QString, QString> m_labels;
    QPointer<EventStream> m_stream;
    QTimer m_retry;
    QTimer m_reconcile;
    int m_backoffMs = 500;
    int m_maxBackoffMs = 10000;
    qint64 m_lastEventSeconds = 0;
    bool m_running = false;
    bool m_connected = false;
};

} // namespace Docker
