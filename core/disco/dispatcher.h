// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "protocol.h"
#include "registry.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <map>
#include <optional>

namespace Disco::Internal {

/**
 * The server's command handling without sockets: binds connections to
 * sessions, checks arguments, runs commands against the Registry and writes
 * the answers and notifications through a Transport. The Server gives it real
 * sockets; the tests and the fuzz target give it fakes.
 */
class Dispatcher
{
public:
    using ConnectionId = quint64;

    class Transport
    {
    public:
        virtual ~Transport() = default;
        virtual void send(ConnectionId connection, const QByteArray &data) = 0;
        virtual void notificationSent(const NotificationInfo &) {}
    };

    Dispatcher(Registry &registry, Transport &transport);

    void connectionOpened(ConnectionId connection, const QString &remote);
    /** The socket is gone: its session (if any) is detached. */
    void connectionClosed(ConnectionId connection, TimePoint now);
    void handleLine(ConnectionId connection, const Protocol::Line &line, TimePoint now);
    /** Timed work: session timeouts, `wait` timeouts, delayed pings. */
    void expire(TimePoint now);
    [[nodiscard]] std::optional<TimePoint> nextDeadline() const;
    /** Ends every session, notifying the others (server shutdown). */
    void shutdown(TimePoint now);

    [[nodiscard]] QString sessionOf(ConnectionId connection) const;
    [[nodiscard]] qsizetype connectionCount() const { return m_connections.size(); }

private:
    struct Connection
    {
        QString remote;
        QString session;
    };
    struct DelayedPing
    {
        ConnectionId connection;
        QByteArray msgid;
        QJsonObject result;
    };

    void runCommand(ConnectionId connection, Connection &state, const Protocol::Line &line,
                    TimePoint now);
    void reply(ConnectionId connection, const QByteArray &msgid, const QJsonObject &result);
    void fail(ConnectionId connection, const QByteArray &msgid, const Scs::Error &error);
    void deliver(const QString &session, const Notification &notification);
    void apply(const Registry::Effects &effects);
    void bind(ConnectionId connection, const QString &session);
    Registry::Token defer(ConnectionId connection, const QByteArray &msgid);

    Registry &m_registry;
    Transport &m_transport;
    QHash<ConnectionId, Connection> m_connections;
    QHash<QString, ConnectionId> m_sessionConnections;
    QHash<Registry::Token, std::pair<ConnectionId, QByteArray>> m_deferred;
    Registry::Token m_nextToken = 0;
    std::multimap<TimePoint, DelayedPing> m_pings;
};

} // namespace Disco::Internal
