// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "dispatcher.h"

#include "discolog.h"
#include "discotr.h"

#include <QJsonArray>

namespace Disco::Internal {

using Protocol::Command;

Dispatcher::Dispatcher(Registry &registry, Transport &transport)
    : m_registry(registry)
    , m_transport(transport)
{}

void Dispatcher::connectionOpened(ConnectionId connection, const QString &remote)
{
    m_connections.insert(connection, Connection{remote, {}});
}

void Dispatcher::connectionClosed(ConnectionId connection, TimePoint now)
{
    const auto it = m_connections.find(connection);
    if (it == m_connections.end())
        return;
    const QString session = it->session;
    m_connections.erase(it);
    if (session.isEmpty())
        return;
    m_sessionConnections.remove(session);
    Registry::Effects effects;
    m_registry.detach(session, now, effects);
    apply(effects);
}

QString Dispatcher::sessionOf(ConnectionId connection) const
{
    return m_connections.value(connection).session;
}

void Dispatcher::handleLine(ConnectionId connection, const Protocol::Line &line, TimePoint now)
{
    const auto it = m_connections.find(connection);
    if (it == m_connections.end())
        return;
    switch (line.type) {
    case Protocol::LineType::Heartbeat:
        return;
    case Protocol::LineType::Invalid:
        m_transport.send(connection, Protocol::encodeErrorLine(Protocol::SyntaxErrorName.toString(),
                                                               line.problem));
        return;
    case Protocol::LineType::Error:
        qCDebug(discoLog) << "peer" << it->remote << "reported an error:" << line.object;
        return;
    case Protocol::LineType::Reply:
        // The only commands the server sends are notifications: any answer acknowledges one.
        if (!it->session.isEmpty()) {
            Registry::Effects effects;
            m_registry.acknowledge(it->session, QString::fromUtf8(line.msgid), now, effects);
            apply(effects);
        }
        return;
    case Protocol::LineType::Command:
        runCommand(connection, *it, line, now);
        return;
    }
}

void Dispatcher::runCommand(ConnectionId connection, Connection &state, const Protocol::Line &line,
                            TimePoint now)
{
    const Command command = Protocol::commandFromName(line.command);
    if (command == Command::Unknown) {
        fail(connection, line.msgid,
             Scs::Error{Scs::Error::Kind::Generic,
                        Tr::tr("unknown command '%1'").arg(line.command)});
        return;
    }
    const bool inSession = !state.session.isEmpty();
    if (inSession ? !Protocol::allowedInSession(command)
                  : !Protocol::allowedWithoutSession(command)) {
        fail(connection, line.msgid,
             Scs::Error{
                 Scs::Error::Kind::Generic,
                 inSession
                     ? Tr::tr("command '%1' is not allowed in a session").arg(line.command)
                     : Tr::tr("command '%1' is not allowed without a session").arg(line.command)});
        return;
    }
    const QJsonObject &arguments = line.object;
    const QString session = state.session;
    const QString remote = state.remote;
    Registry::Effects effects;

    switch (command) {
    case Command::RegistryJoin: {
        const auto join = Protocol::parseJoin(arguments);
        if (!join)
            return fail(connection, line.msgid, join.error());
        const QString id = m_registry.join(join->attributes, join->timeout, remote, now);
        bind(connection, id);
        reply(connection, line.msgid, QJsonObject{{QStringLiteral("id"), id}});
        return;
    }
    case Command::SessionAttach: {
        const auto id = Protocol::parseAttach(arguments);
        if (!id)
            return fail(connection, line.msgid, id.error());
        const auto queued = m_registry.attach(*id, remote, now);
        if (!queued)
            return fail(connection, line.msgid, queued.error());
        // A session has one socket: a stale one (half-open, about to time out) loses it.
        if (const auto old = m_sessionConnections.constFind(*id);
            old != m_sessionConnections.constEnd() && old.value() != connection) {
            const auto oldState = m_connections.find(old.value());
            if (oldState != m_connections.end())
                oldState->session.clear();
        }
        bind(connection, *id);
        reply(connection, line.msgid, QJsonObject{{QStringLiteral("ack"), true}});
        for (const Notification &notification : *queued)
            deliver(*id, notification);
        return;
    }
    case Command::Ping: {
        const auto ping = Protocol::parsePing(arguments);
        if (!ping)
            return fail(connection, line.msgid, ping.error());
        QJsonObject result{
            {QStringLiteral("message"),
             ping->reply ? QJsonValue(*ping->reply) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("session"), inSession ? QJsonValue(session) : QJsonValue(false)},
            {QStringLiteral("remote"), remote},
        };
        if (ping->delay <= 0)
            return reply(connection, line.msgid, result);
        m_pings.emplace(deadlineAfter(now, ping->delay),
                        DelayedPing{connection, line.msgid, result});
        return;
    }
    case Command::ProvisionAdd: {
        const auto spec = Protocol::parseProvisionAdd(arguments);
        if (!spec)
            return fail(connection, line.msgid, spec.error());
        const auto id = m_registry.addProvision(session, *spec, now, effects);
        if (!id)
            return fail(connection, line.msgid, id.error());
        reply(connection, line.msgid, QJsonObject{{QStringLiteral("id"), *id}});
        apply(effects);
        return;
    }
    case Command::ProvisionDrop: {
        const auto drop = Protocol::parseProvisionDrop(arguments);
        if (!drop)
            return fail(connection, line.msgid, drop.error());
        const Registry::Token token = defer(connection, line.msgid);
        const auto dropped
            = m_registry.dropProvision(session, drop->id, drop->wait, token, now, effects);
        if (!dropped) {
            m_deferred.remove(token);
            return fail(connection, line.msgid, dropped.error());
        }
        apply(effects);
        return;
    }
    case Command::RequirementAdd: {
        const auto spec = Protocol::parseRequirementAdd(arguments);
        if (!spec)
            return fail(connection, line.msgid, spec.error());
        const auto added = m_registry.addRequirement(session, *spec, now);
        if (!added)
            return fail(connection, line.msgid, added.error());
        QJsonArray endpoints;
        for (const Endpoint &endpoint : added->endpoints)
            endpoints.append(endpoint.toJson());
        reply(connection, line.msgid,
              QJsonObject{{QStringLiteral("id"), added->id},
                          {QStringLiteral("endpoints"), endpoints}});
        return;
    }
    case Command::RequirementDrop: {
        const auto id = Protocol::parseRequirementDrop(arguments);
        if (!id)
            return fail(connection, line.msgid, id.error());
        const auto dropped = m_registry.dropRequirement(session, *id);
        if (!dropped)
            return fail(connection, line.msgid, dropped.error());
        reply(connection, line.msgid, QJsonObject{{QStringLiteral("ack"), true}});
        return;
    }
    case Command::SessionDetach: {
        const auto detach = Protocol::parseDetach(arguments);
        if (!detach)
            return fail(connection, line.msgid, detach.error());
        state.session.clear();
        m_sessionConnections.remove(session);
        reply(connection, line.msgid, QJsonObject{{QStringLiteral("ack"), true}});
        m_registry.detach(session, now, effects);
        apply(effects);
        return;
    }
    case Command::RegistryLeave: {
        const auto wait = Protocol::parseLeave(arguments);
        if (!wait)
            return fail(connection, line.msgid, wait.error());
        state.session.clear();
        m_sessionConnections.remove(session);
        const Registry::Token token = defer(connection, line.msgid);
        m_registry.leave(session, *wait, token, now, effects);
        apply(effects);
        return;
    }
    case Command::RequirementChanged:
    case Command::Unknown:
        break;
    }
}

void Dispatcher::reply(ConnectionId connection, const QByteArray &msgid, const QJsonObject &result)
{
    m_transport.send(connection, Protocol::encodeResult(msgid, result));
}

void Dispatcher::fail(ConnectionId connection, const QByteArray &msgid, const Scs::Error &error)
{
    m_transport.send(connection, Protocol::encodeErrorReply(msgid, error));
}

void Dispatcher::deliver(const QString &session, const Notification &notification)
{
    const auto it = m_sessionConnections.constFind(session);
    if (it == m_sessionConnections.constEnd())
        return; // attached in the registry but its socket is not bound yet: attach() resends
    const Protocol::RequirementChange change{notification.requirementId, notification.action,
                                             notification.endpoints};
    m_transport.send(it.value(),
                     Protocol::encodeCommand(notification.msgid.toUtf8(),
                                             QStringLiteral("requirement.changed"),
                                             Protocol::requirementChangedArguments(change)));
    m_transport.notificationSent(NotificationInfo{session, notification.requirementId,
                                                  notification.msgid, notification.action,
                                                  notification.endpoints});
}

void Dispatcher::apply(const Registry::Effects &effects)
{
    for (const Registry::Delivery &delivery : effects.deliveries)
        deliver(delivery.sessionId, delivery.notification);
    for (const Registry::Completion &completion : effects.completions) {
        const auto deferred = m_deferred.take(completion.token);
        if (deferred.second.isEmpty() || !m_connections.contains(deferred.first))
            continue;
        reply(deferred.first, deferred.second, completion.result);
    }
}

void Dispatcher::bind(ConnectionId connection, const QString &session)
{
    m_connections[connection].session = session;
    m_sessionConnections.insert(session, connection);
}

Registry::Token Dispatcher::defer(ConnectionId connection, const QByteArray &msgid)
{
    const Registry::Token token = ++m_nextToken;
    m_deferred.insert(token, {connection, msgid});
    return token;
}

void Dispatcher::expire(TimePoint now)
{
    while (!m_pings.empty() && m_pings.begin()->first <= now) {
        const DelayedPing ping = m_pings.begin()->second;
        m_pings.erase(m_pings.begin());
        if (m_connections.contains(ping.connection))
            reply(ping.connection, ping.msgid, ping.result);
    }
    Registry::Effects effects;
    m_registry.expire(now, effects);
    apply(effects);
}

std::optional<TimePoint> Dispatcher::nextDeadline() const
{
    std::optional<TimePoint> next = m_registry.nextDeadline();
    if (!m_pings.empty())
        next = next ? std::min(*next, m_pings.begin()->first) : m_pings.begin()->first;
    return next;
}

void Dispatcher::shutdown(TimePoint now)
{
    Registry::Effects effects;
    m_registry.endAll(now, effects);
    apply(effects);
    for (auto &connection : m_connections)
        connection.session.clear();
    m_sessionConnections.clear();
}

} // namespace Disco::Internal
