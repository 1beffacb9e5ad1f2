// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "server.h"

#include "discolog.h"
#include "discotr.h"
#include "dispatcher.h"
#include "registry.h"
#include "serverconnection.h"

#include <QHash>
#include <QTcpSocket>
#include <QTimer>

#include <cmath>

namespace Disco {
namespace Internal {

/** The Dispatcher's transport (sockets by id) and the Registry's observer (signals). */
class ServerPrivate final : public Dispatcher::Transport, public RegistryObserver
{
public:
    explicit ServerPrivate(Server *server)
        : q(server)
    {}

    void send(Dispatcher::ConnectionId connection, const QByteArray &data) override
    {
        if (ServerConnection *c = connections.value(connection))
            c->send(data);
    }
    void notificationSent(const NotificationInfo &n) override { emit q->notificationSent(n); }

    void sessionJoined(const SessionInfo &s) override { emit q->sessionJoined(s); }
    void sessionAttached(const SessionInfo &s) override { emit q->sessionAttached(s); }
    void sessionDetached(const SessionInfo &s) override { emit q->sessionDetached(s); }
    void sessionEnded(const SessionInfo &s) override { emit q->sessionEnded(s); }
    void provisionAdded(const ProvisionInfo &p) override { emit q->provisionAdded(p); }
    void provisionDropped(const ProvisionInfo &p) override { emit q->provisionDropped(p); }
    void requirementAdded(const RequirementInfo &r) override { emit q->requirementAdded(r); }
    void requirementDropped(const RequirementInfo &r) override { emit q->requirementDropped(r); }
    void notificationAcknowledged(const NotificationInfo &n, qint64 latencyUs) override
    {
        emit q->notificationAcknowledged(n, latencyUs);
    }

    Server *q;
    QHash<Dispatcher::ConnectionId, ServerConnection *> connections;
};

} // namespace Internal

namespace {

int toMilliseconds(double seconds)
{
    return int(std::clamp(std::ceil(seconds * 1000.0), 1.0, 24.0 * 3600 * 1000));
}

} // namespace

Server::Server(QObject *parent)
    : QTcpServer(parent)
    , m_registry(std::make_unique<Registry>())
    , m_transport(std::make_unique<Internal::ServerPrivate>(this))
    , m_dispatcher(std::make_unique<Internal::Dispatcher>(*m_registry, *m_transport))
    , m_heartbeatTimer(new QTimer(this))
    , m_livenessTimer(new QTimer(this))
    , m_deadlineTimer(new QTimer(this))
{
    qRegisterMetaType<Disco::SessionInfo>();
    qRegisterMetaType<Disco::ProvisionInfo>();
    qRegisterMetaType<Disco::RequirementInfo>();
    qRegisterMetaType<Disco::NotificationInfo>();
    m_clock.start();
    m_registry->setObserver(m_transport.get());
    m_deadlineTimer->setSingleShot(true);
    m_deadlineTimer->setTimerType(Qt::PreciseTimer);
    connect(m_heartbeatTimer, &QTimer::timeout, this, &Server::handleHeartbeatTimer);
    connect(m_livenessTimer, &QTimer::timeout, this, &Server::handleLivenessTimer);
    connect(m_deadlineTimer, &QTimer::timeout, this, &Server::handleDeadlineTimer);
    setHeartbeatInterval(m_heartbeatInterval);
    setLivenessTimeout(m_livenessTimeout);
}

Server::~Server()
{
    // Sessions end without notifications here: shutdown() is the clean way.
    m_registry->setObserver(nullptr);
}

Scs::Result<void> Server::start(const QHostAddress &address, quint16 port)
{
    setListenBacklogSize(1024); // bursts of connects (a host's containers all at once)
    if (!listen(address, port))
        return Scs::makeError(Tr::tr("cannot listen on %1:%2: %3")
                                  .arg(address.toString())
                                  .arg(port)
                                  .arg(errorString()),
                              Scs::Error::Kind::Network);
    m_shuttingDown = false;
    m_heartbeatTimer->start();
    m_livenessTimer->start();
    qCInfo(discoLog).noquote() << Tr::tr("disco server listening on %1:%2")
                                      .arg(serverAddress().toString())
                                      .arg(serverPort());
    return {};
}

void Server::shutdown()
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    close();
    m_dispatcher->shutdown(now());
    flushDirty();
    const auto connections = m_transport->connections;
    for (ServerConnection *connection : connections)
        connection->closeGracefully();
    m_heartbeatTimer->stop();
    m_livenessTimer->stop();
    m_deadlineTimer->stop();
}

void Server::setHeartbeatInterval(double seconds)
{
    m_heartbeatInterval = seconds;
    m_heartbeatTimer->setInterval(toMilliseconds(seconds));
}

void Server::setLivenessTimeout(double seconds)
{
    m_livenessTimeout = seconds;
    // Scan often enough that a dead peer is found within about a tenth past the timeout.
    m_livenessTimer->setInterval(std::clamp(toMilliseconds(seconds / 10), 10, 1000));
}

const Registry &Server::registry() const
{
    return *m_registry;
}

qsizetype Server::connectionCount() const
{
    return m_transport->connections.size();
}

qint64 Server::now() const
{
    return m_clock.nsecsElapsed() / 1000;
}

void Server::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket;
    // Unbuffered: no 16 KiB read buffer per idle socket, and writes go out at once; the
    // connection batches its own output.
    if (!socket->setSocketDescriptor(socketDescriptor, QAbstractSocket::ConnectedState,
                                     QIODevice::ReadWrite | QIODevice::Unbuffered)) {
        delete socket;
        return;
    }
    if (m_shuttingDown) {
        socket->abort();
        delete socket;
        return;
    }
    const quint64 id = ++m_nextConnectionId;
    auto *connection = new ServerConnection(id, socket, this);
    m_transport->connections.insert(id, connection);
    m_dispatcher->connectionOpened(id, connection->remote());
    qCDebug(discoLog).noquote() << Tr::tr("connection from %1").arg(connection->remote());
}

void Server::handleLine(ServerConnection *connection, const Protocol::Line &line)
{
    m_dispatcher->handleLine(connection->id(), line, now());
    scheduleDeadline();
}

void Server::handleDisconnected(ServerConnection *connection)
{
    if (!m_transport->connections.remove(connection->id()))
        return;
    dropDirty(connection);
    qCDebug(discoLog).noquote() << Tr::tr("connection from %1 closed").arg(connection->remote());
    m_dispatcher->connectionClosed(connection->id(), now());
    connection->deleteLater();
    flushDirty();
    scheduleDeadline();
}

void Server::handleHeartbeatTimer()
{
    const QByteArray heartbeat = Protocol::encodeHeartbeat();
    for (ServerConnection *connection : std::as_const(m_transport->connections))
        connection->send(heartbeat);
    flushDirty();
}

void Server::handleLivenessTimer()
{
    const qint64 limit = now() - qint64(m_livenessTimeout * 1e6);
    QList<ServerConnection *> dead;
    for (ServerConnection *connection : std::as_const(m_transport->connections)) {
        if (connection->lastReceived() < limit)
            dead.append(connection);
    }
    for (ServerConnection *connection : dead) {
        qCInfo(discoLog).noquote() << Tr::tr("%1 sent nothing for %2 s; closing it as dead")
                                          .arg(connection->remote())
                                          .arg(m_livenessTimeout);
        connection->abort();
    }
}

void Server::handleDeadlineTimer()
{
    m_scheduledDeadline = -1;
    m_dispatcher->expire(now());
    flushDirty();
    scheduleDeadline();
}

void Server::scheduleDeadline()
{
    const auto next = m_dispatcher->nextDeadline();
    if (!next) {
        return; // a stale timer firing is harmless: expire() finds nothing to do
    }
    if (m_scheduledDeadline >= 0 && m_scheduledDeadline <= *next && m_deadlineTimer->isActive())
        return;
    m_scheduledDeadline = *next;
    const qint64 delayUs = std::max<qint64>(0, *next - now());
    m_deadlineTimer->start(int(std::min<qint64>((delayUs + 999) / 1000, 24LL * 3600 * 1000)));
}

void Server::markDirty(ServerConnection *connection)
{
    m_dirty.insert(connection);
}

void Server::flushDirty()
{
    const QSet<ServerConnection *> dirty = std::exchange(m_dirty, {});
    for (ServerConnection *connection : dirty)
        connection->flush();
}

void Server::dropDirty(ServerConnection *connection)
{
    m_dirty.remove(connection);
}

} // namespace Disco
