// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "eventmonitor.h"

#include "dockerlog.h"
#include "dockertr.h"
#include "engineclient.h"
#include "enginestream.h"

#include <QDateTime>

namespace Docker {

EventMonitor::EventMonitor(EngineClient &client, QMap<QString, QString> labels, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_labels(std::move(labels))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &EventMonitor::open);
    m_reconcile.setInterval(30000);
    connect(&m_reconcile, &QTimer::timeout, this, &EventMonitor::reconcile);
}

EventMonitor::~EventMonitor()
{
    stop();
}

void EventMonitor::setReconcileInterval(int milliseconds)
{
    m_reconcile.setInterval(milliseconds);
}

void EventMonitor::start()
{
    if (m_running)
        return;
    m_running = true;
    m_backoffMs = 500;
    m_reconcile.start();
    open();
}

void EventMonitor::stop()
{
    m_running = false;
    m_retry.stop();
    m_reconcile.stop();
    m_connected = false;
    if (m_stream) {
        m_stream->disconnect(this);
        m_stream->cancel();
        delete m_stream;
    }
}

void EventMonitor::open()
{
    if (!m_running)
        return;
    // Resume a second before the last event we saw: duplicates are harmless, gaps are not.
    const qint64 since = m_lastEventSeconds > 0 ? m_lastEventSeconds - 1 : 0;
    m_stream = m_client.streamEvents(since, m_labels, this);
    connect(m_stream, &EventStream::eventsReceived, this, [this](const QList<Event> &events) {
        if (!m_connected) {
            m_connected = true;
            emit connected();
        }
        m_backoffMs = 500;
        for (const Event &e : events)
            m_lastEventSeconds = std::max(m_lastEventSeconds, e.timeNano / 1000000000);
        emit eventsReceived(events);
    });
    connect(m_stream, &EngineStream::completed, this, [this] {
        handleEnd(Scs::Error{
            Scs::Error::Kind::Network,
            Tr::tr("host %1: GET /events: the engine ended the stream").arg(m_client.hostName())});
    });
    connect(m_stream, &EngineStream::failed, this,
            [this](const Scs::Error &error) { handleEnd(error); });
    // The engine sends nothing while idle: a successful list tells us it is reachable.
    m_client.ping().then(this, [this, stream = m_stream](const Scs::Result<void> &pong) {
        if (pong && stream == m_stream && m_stream && m_stream->isRunning() && !m_connected) {
            m_connected = true;
            m_backoffMs = 500;
            emit connected();
            reconcile();
        }
    });
}

void EventMonitor::handleEnd(const std::optional<Scs::Error> &error)
{
    if (m_stream)
        m_stream->deleteLater();
    m_stream = nullptr;
    m_connected = false;
    if (!m_running)
        return;
    const int retryIn = m_backoffMs;
    m_backoffMs = std::min(m_backoffMs * 2, m_maxBackoffMs);
    if (error) {
        qCInfo(dockerLog).noquote() << error->message << "- retrying in" << retryIn << "ms";
        emit disconnected(*error, retryIn);
    }
    m_retry.start(retryIn);
}

void EventMonitor::reconcile()
{
    ContainerFilter filter;
    filter.labels = m_labels;
    m_client.listContainers(filter).then(
        this, [this](const Scs::Result<QList<ContainerSummary>> &list) {
            if (list)
                emit containersReconciled(*list);
            else
                qCInfo(dockerLog).noquote() << "reconcile:" << list.error().message;
        });
}

} // namespace Docker
