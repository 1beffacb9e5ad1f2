// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "protocol.h"
#include "types.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QTcpServer>

#include <memory>

class QTimer;

namespace Disco {

class Registry;
class ServerConnection;
namespace Internal {
class Dispatcher;
class ServerPrivate;
} // namespace Internal

/**
 * The disco server (disco-protocol.md) on the event loop.
 *
 * Each accepted socket gets a ServerConnection that frames lines; commands go
 * to the Registry. Heartbeats are sent every heartbeatInterval() seconds and a
 * peer silent for livenessTimeout() seconds is closed as if it had
 * disconnected. Every change is announced by a signal carrying value types
 * (the dashboard's discovery timeline, the CLI's log lines).
 *
 * \code
 * Disco::Server server;
 * if (auto listening = server.start(QHostAddress::LocalHost, 9640); !listening)
 *     qWarning() << listening.error().message;
 * \endcode
 */
class Server final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Server)

public:
    explicit Server(QObject *parent = nullptr);
    ~Server() override;

    /** Listens on \p address:\p port (0: any free port, see serverPort()). */
    [[nodiscard]] Scs::Result<void> start(const QHostAddress &address = QHostAddress::LocalHost,
                                          quint16 port = DefaultPort);
    /**
     * Stops listening and ends every session, with the drop notifications that
     * entails (written before the sockets close), then closes every socket.
     */
    void shutdown();

    /** Seconds between heartbeats sent to each peer (default 22). */
    void setHeartbeatInterval(double seconds);
    [[nodiscard]] double heartbeatInterval() const { return m_heartbeatInterval; }
    /** Seconds of silence after which a peer is dead (default 60). */
    void setLivenessTimeout(double seconds);
    [[nodiscard]] double livenessTimeout() const { return m_livenessTimeout; }

    /** The state, read-only (HTTP API, DNS responder, dashboard snapshot). */
    [[nodiscard]] const Registry &registry() const;
    [[nodiscard]] qsizetype connectionCount() const;

signals:
    void sessionJoined(const Disco::SessionInfo &session);
    void sessionAttached(const Disco::SessionInfo &session);
    void sessionDetached(const Disco::SessionInfo &session);
    void sessionEnded(const Disco::SessionInfo &session);
    void provisionAdded(const Disco::ProvisionInfo &provision);
    void provisionDropped(const Disco::ProvisionInfo &provision);
    void requirementAdded(const Disco::RequirementInfo &requirement);
    void requirementDropped(const Disco::RequirementInfo &requirement);
    void notificationSent(const Disco::NotificationInfo &notification);
    /** A subscriber acknowledged; \p latencyUs is from sending to the answer. */
    void notificationAcknowledged(const Disco::NotificationInfo &notification, qint64 latencyUs);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    friend class ServerConnection;
    friend class Internal::ServerPrivate;

    void handleLine(ServerConnection *connection, const Protocol::Line &line);
    void handleDisconnected(ServerConnection *connection);
    void handleHeartbeatTimer();
    void handleLivenessTimer();
    void handleDeadlineTimer();
    void scheduleDeadline();
    void markDirty(ServerConnection *connection);
    void flushDirty();
    void dropDirty(ServerConnection *connection);
    [[nodiscard]] qint64 now() const;

    std::unique_ptr<Registry> m_registry;
    std::unique_ptr<Internal::ServerPrivate> m_transport;
    std::unique_ptr<Internal::Dispatcher> m_dispatcher;
    QElapsedTimer m_clock;
    QTimer *m_heartbeatTimer;
    QTimer *m_livenessTimer;
    QTimer *m_deadlineTimer;
    qint64 m_scheduledDeadline = -1;
    double m_heartbeatInterval = 22;
    double m_livenessTimeout = 60;
    quint64 m_nextConnectionId = 0;
    QSet<ServerConnection *> m_dirty;
    bool m_shuttingDown = false;
};

} // namespace Disco
