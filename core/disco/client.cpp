// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "client.h"

#include "discolog.h"
#include "discotr.h"
#include "protocol.h"

#include <QJsonArray>
#include <QPromise>
#include <QTcpSocket>
#include <QTimer>

#include <cmath>

namespace Disco {

struct Client::ProvisionEntry
{
    ProvisionSpec spec;
    QString serverId;
    bool inFlight = false;
    bool dropRequested = false;
    Wait dropWait;
    std::shared_ptr<QPromise<Scs::Result<void>>> dropPromise;
};

struct Client::RequirementEntry
{
    RequirementSpec spec;
    QString serverId;
    bool inFlight = false;
    QList<Endpoint> current;
    bool everRegistered = false;
    QPointer<QObject> context;
    bool hasCallback = false;
    Callback callback;
};

struct Client::PendingCall
{
    QString command;
    std::optional<QJsonObject> arguments;
    ReplyHandler handler;
};

namespace {

template<typename T>
QFuture<Scs::Result<T>> readyFuture(const Scs::Result<T> &result)
{
    QPromise<Scs::Result<T>> promise;
    QFuture<Scs::Result<T>> future = promise.future();
    promise.start();
    promise.addResult(result);
    promise.finish();
    return future;
}

Scs::Error networkError(const QString &message)
{
    return Scs::Error{Scs::Error::Kind::Network, message};
}

Scs::Error remoteError(const QJsonObject &error)
{
    const QString name = error.value(QStringLiteral("name")).toString();
    const QString message = error.value(QStringLiteral("message")).toString();
    return Scs::Error{name == Protocol::SyntaxErrorName ? Scs::Error::Kind::InvalidInput
                                                        : Scs::Error::Kind::Remote,
                      name + u": " + message};
}

int milliseconds(double seconds)
{
    return int(std::clamp(std::ceil(seconds * 1000), 1.0, 24.0 * 3600 * 1000));
}

} // namespace

Client::Client(QObject *parent)
    : QObject(parent)
    , m_heartbeatTimer(new QTimer(this))
    , m_reconnectTimer(new QTimer(this))
{
    qRegisterMetaType<Disco::RequirementEvent>();
    qRegisterMetaType<Scs::Error>();
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &Client::connectNow);
    connect(m_heartbeatTimer, &QTimer::timeout, this, &Client::handleHeartbeatTimer);
    setHeartbeatInterval(m_heartbeatInterval);
}

Client::~Client()
{
    closeSocket();
    failAllPending(networkError(Tr::tr("the disco client was destroyed")));
}

void Client::setServer(const QString &host, quint16 port)
{
    m_host = host;
    m_port = port;
}

void Client::setAttributes(const QJsonObject &attributes)
{
    m_attributes = attributes;
}

void Client::setSessionTimeout(double seconds)
{
    m_sessionTimeout = seconds;
}

void Client::setHeartbeatInterval(double seconds)
{
    m_heartbeatInterval = seconds;
    // The same tick checks liveness, so it must also come often enough for that.
    m_heartbeatTimer->setInterval(
        milliseconds(std::min(seconds, std::max(0.01, m_livenessTimeout / 10))));
}

void Client::setLivenessTimeout(double seconds)
{
    m_livenessTimeout = seconds;
    setHeartbeatInterval(m_heartbeatInterval);
}

void Client::setReconnectBackoff(double initial, double maximum)
{
    m_backoffInitial = initial;
    m_backoffMaximum = std::max(initial, maximum);
    m_backoff = initial;
}

void Client::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void Client::start()
{
    if (m_state != State::Stopped)
        return;
    m_backoff = m_backoffInitial;
    setState(State::Connecting);
    connectNow();
}

void Client::resume(const QString &sessionId)
{
    if (m_state != State::Stopped)
        return;
    m_sessionId = sessionId;
    m_resumed = !sessionId.isEmpty();
    start();
}

void Client::stop()
{
    m_reconnectTimer->stop();
    m_heartbeatTimer->stop();
    const bool wasConnected = m_socket != nullptr;
    closeSocket();
    setState(State::Stopped);
    failAllPending(networkError(Tr::tr("the disco client was stopped")));
    if (wasConnected)
        emit disconnected();
}

QFuture<Scs::Result<void>> Client::leave(const Wait &wait)
{
    if (m_state != State::Joined) {
        m_sessionId.clear();
        m_resumed = false;
        stop();
        return readyFuture<void>({});
    }
    auto promise = std::make_shared<QPromise<Scs::Result<void>>>();
    promise->start();
    const QJsonObject arguments{{QStringLiteral("wait"), Protocol::waitToJson(wait)}};
    send(QStringLiteral("registry.leave"), &arguments,
         [this, promise](const Scs::Result<QJsonObject> &result) {
             m_sessionId.clear();
             m_resumed = false;
             if (result)
                 promise->addResult(Scs::Result<void>{});
             else
                 promise->addResult(Scs::Result<void>(std::unexpected(result.error())));
             promise->finish();
             QTimer::singleShot(0, this, [this] { stop(); });
         });
    // Nothing of this session may be registered again on a reconnect.
    m_provisions.clear();
    m_requirements.clear();
    m_requirementIds.clear();
    return promise->future();
}

Client::ProvisionHandle Client::provide(const ProvisionSpec &spec)
{
    const ProvisionHandle handle = ++m_nextHandle;
    auto entry = std::make_unique<ProvisionEntry>();
    entry->spec = spec;
    m_provisions.emplace(handle, std::move(entry));
    if (m_state == State::Joined)
        registerProvision(handle);
    return handle;
}

Client::ProvisionHandle Client::adoptProvision(const ProvisionSpec &spec,
                                               const QString &provisionId)
{
    const ProvisionHandle handle = ++m_nextHandle;
    auto entry = std::make_unique<ProvisionEntry>();
    entry->spec = spec;
    // Registered already: registerAll() skips it while the session lasts, and a new
    // session (sendJoin clears the id) registers the spec again.
    entry->serverId = provisionId;
    m_provisions.emplace(handle, std::move(entry));
    return handle;
}

QFuture<Scs::Result<void>> Client::drop(ProvisionHandle handle, const Wait &wait)
{
    const auto it = m_provisions.find(handle);
    if (it == m_provisions.end())
        return readyFuture<void>(std::unexpected(Scs::Error{
            Scs::Error::Kind::NotFound, Tr::tr("unknown provision handle %1").arg(handle)}));
    ProvisionEntry &entry = *it->second;
    if (entry.dropRequested && entry.dropPromise)
        return entry.dropPromise->future();
    if (entry.serverId.isEmpty() && !entry.inFlight) {
        m_provisions.erase(it);
        return readyFuture<void>({});
    }
    if (m_state != State::Joined || entry.inFlight) {
        // Not connected: forget it here and drop it on the server once back in the session
        // (a new session never had it). In flight: drop as soon as the add is answered.
        if (!entry.inFlight) {
            m_dropAfterAttach.append(entry.serverId);
            m_provisions.erase(it);
            return readyFuture<void>({});
        }
        entry.dropRequested = true;
        entry.dropWait = wait;
        entry.dropPromise = std::make_shared<QPromise<Scs::Result<void>>>();
        entry.dropPromise->start();
        return entry.dropPromise->future();
    }
    auto promise = std::make_shared<QPromise<Scs::Result<void>>>();
    promise->start();
    const QJsonObject arguments{{QStringLiteral("id"), entry.serverId},
                                {QStringLiteral("wait"), Protocol::waitToJson(wait)}};
    m_provisions.erase(it);
    send(QStringLiteral("provision.drop"), &arguments,
         [promise](const Scs::Result<QJsonObject> &result) {
             if (result)
                 promise->addResult(Scs::Result<void>{});
             else
                 promise->addResult(Scs::Result<void>(std::unexpected(result.error())));
             promise->finish();
         });
    return promise->future();
}

std::optional<QString> Client::provisionId(ProvisionHandle handle) const
{
    const auto it = m_provisions.find(handle);
    if (it == m_provisions.end() || it->second->serverId.isEmpty())
        return std::nullopt;
    return it->second->serverId;
}

Client::RequirementHandle Client::require(const RequirementSpec &spec)
{
    const RequirementHandle handle = ++m_nextHandle;
    auto entry = std::make_unique<RequirementEntry>();
    entry->spec = spec;
    m_requirements.emplace(handle, std::move(entry));
    if (m_state == State::Joined)
        registerRequirement(handle);
    return handle;
}

Client::RequirementHandle Client::require(const RequirementSpec &spec, QObject *context,
                                          Callback callback)
{
    const RequirementHandle handle = ++m_nextHandle;
    auto entry = std::make_unique<RequirementEntry>();
    entry->spec = spec;
    entry->context = context;
    entry->hasCallback = true;
    entry->callback = std::move(callback);
    m_requirements.emplace(handle, std::move(entry));
    if (m_state == State::Joined)
        registerRequirement(handle);
    return handle;
}

QFuture<Scs::Result<void>> Client::unrequire(RequirementHandle handle)
{
    const auto it = m_requirements.find(handle);
    if (it == m_requirements.end())
        return readyFuture<void>(std::unexpected(Scs::Error{
            Scs::Error::Kind::NotFound, Tr::tr("unknown requirement handle %1").arg(handle)}));
    const QString serverId = it->second->serverId;
    m_requirements.erase(it);
    if (serverId.isEmpty())
        return readyFuture<void>({});
    m_requirementIds.remove(serverId);
    if (m_state != State::Joined)
        return readyFuture<void>({}); // a new session will not have it; an attach keeps it
                                      // but its notifications are ignored
    auto promise = std::make_shared<QPromise<Scs::Result<void>>>();
    promise->start();
    const QJsonObject arguments{{QStringLiteral("id"), serverId}};
    send(QStringLiteral("requirement.drop"), &arguments,
         [promise](const Scs::Result<QJsonObject> &result) {
             if (result)
                 promise->addResult(Scs::Result<void>{});
             else
                 promise->addResult(Scs::Result<void>(std::unexpected(result.error())));
             promise->finish();
         });
    return promise->future();
}

QList<Endpoint> Client::endpoints(RequirementHandle handle) const
{
    const auto it = m_requirements.find(handle);
    return it == m_requirements.end() ? QList<Endpoint>() : it->second->current;
}

QFuture<Scs::Result<QList<Endpoint>>> Client::lookup(const Key &key)
{
    auto promise = std::make_shared<QPromise<Scs::Result<QList<Endpoint>>>>();
    promise->start();
    const QJsonObject arguments = Protocol::requirementAddArguments(RequirementSpec{key, {}});
    ReplyHandler handler = [this, promise](const Scs::Result<QJsonObject> &result) {
        if (!result) {
            promise->addResult(Scs::Result<QList<Endpoint>>(std::unexpected(result.error())));
            promise->finish();
            return;
        }
        const QString id = result->value(QStringLiteral("id")).toString();
        QList<Endpoint> endpoints;
        const QJsonArray array = result->value(QStringLiteral("endpoints")).toArray();
        for (const QJsonValue &value : array) {
            if (const auto endpoint = Endpoint::fromJson(value.toObject()))
                endpoints.append(*endpoint);
        }
        // Only the answer was wanted: a change before the drop is acknowledged and ignored.
        m_knownRequirementIds.insert(id);
        const QJsonObject dropArguments{{QStringLiteral("id"), id}};
        send(QStringLiteral("requirement.drop"), &dropArguments,
             [](const Scs::Result<QJsonObject> &) {});
        promise->addResult(Scs::Result<QList<Endpoint>>(endpoints));
        promise->finish();
    };
    if (m_state == State::Joined)
        send(QStringLiteral("requirement.add"), &arguments, std::move(handler));
    else
        m_queuedCalls.push_back(
            PendingCall{QStringLiteral("requirement.add"), arguments, std::move(handler)});
    return promise->future();
}

QFuture<Scs::Result<QJsonObject>> Client::call(const QString &command, const QJsonObject &arguments)
{
    auto promise = std::make_shared<QPromise<Scs::Result<QJsonObject>>>();
    promise->start();
    ReplyHandler handler = [promise](const Scs::Result<QJsonObject> &result) {
        promise->addResult(result);
        promise->finish();
    };
    if (m_state == State::Joined)
        send(command, &arguments, std::move(handler));
    else
        m_queuedCalls.push_back(PendingCall{command, arguments, std::move(handler)});
    return promise->future();
}

void Client::connectNow()
{
    if (m_state == State::Stopped)
        return;
    closeSocket();
    setState(State::Connecting);
    m_socket = new QTcpSocket(this);
    connect(m_socket, &QTcpSocket::connected, this, &Client::handleConnected);
    connect(m_socket, &QTcpSocket::disconnected, this, &Client::handleDisconnected);
    connect(m_socket, &QTcpSocket::readyRead, this, &Client::handleReadyRead);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_socket && m_socket->state() != QAbstractSocket::ConnectedState)
            handleDisconnected();
    });
    m_socket->connectToHost(m_host, m_port);
}

void Client::closeSocket()
{
    if (!m_socket)
        return;
    QTcpSocket *socket = std::exchange(m_socket, nullptr);
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
    m_buffer.clear();
}

void Client::handleConnected()
{
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_sinceReceived.start();
    m_heartbeatTimer->start();
    setState(State::Joining);
    // A resumed session's timeout is its joiner's, unknown here: try it, sendAttach falls
    // back to joining when it is gone.
    const bool canAttach
        = !m_sessionId.isEmpty()
          && (m_resumed
              || (m_sinceDisconnect.isValid()
                  && m_sinceDisconnect.elapsed() < qint64(m_sessionTimeout * 1000)));
    if (canAttach)
        sendAttach();
    else
        sendJoin();
}

void Client::handleDisconnected()
{
    if (!m_socket)
        return;
    closeSocket();
    m_heartbeatTimer->stop();
    if (m_state == State::Joined || m_state == State::Joining)
        m_sinceDisconnect.start();
    failAllPending(networkError(
        Tr::tr("the connection to the disco server %1:%2 was lost").arg(m_host).arg(m_port)));
    // Whatever was in flight is unknown now: registrations are redone after the reconnect.
    for (auto &[handle, entry] : m_provisions)
        entry->inFlight = false;
    for (auto &[handle, entry] : m_requirements)
        entry->inFlight = false;
    emit disconnected();
    if (m_state != State::Stopped)
        scheduleReconnect();
}

void Client::scheduleReconnect()
{
    setState(State::Connecting);
    m_reconnectTimer->start(milliseconds(m_backoff));
    m_backoff = std::min(m_backoff * 2, m_backoffMaximum);
}

void Client::handleHeartbeatTimer()
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (m_sinceReceived.isValid() && m_sinceReceived.elapsed() > qint64(m_livenessTimeout * 1000)) {
        qCInfo(discoLog).noquote() << Tr::tr("the disco server %1:%2 sent nothing for %3 s; "
                                             "reconnecting")
                                          .arg(m_host)
                                          .arg(m_port)
                                          .arg(m_livenessTimeout);
        handleDisconnected();
        return;
    }
    m_socket->write(Protocol::encodeHeartbeat());
}

void Client::handleReadyRead()
{
    if (!m_socket)
        return;
    m_buffer.append(m_socket->readAll());
    m_sinceReceived.start();
    qsizetype offset = 0;
    const quint64 generation = m_generation;
    while (m_socket) {
        const Protocol::ParseResult parsed
            = Protocol::parse(QByteArrayView(m_buffer).sliced(offset));
        if (parsed.status == Protocol::ParseStatus::Incomplete)
            break;
        if (parsed.status == Protocol::ParseStatus::TooLong) {
            emit errorOccurred(networkError(Tr::tr("the disco server sent a line longer than %1 "
                                                   "bytes")
                                                .arg(Protocol::MaxLineLength)));
            handleDisconnected();
            return;
        }
        const QByteArray content = m_buffer.mid(offset, parsed.frameSize);
        offset += parsed.frameSize;
        handleLine(content);
        if (generation != m_generation || !m_socket)
            break; // the buffer was reset (reconnect)
    }
    if (m_socket && generation == m_generation)
        m_buffer.remove(0, offset);
    if (m_socket)
        m_socket->flush();
}

void Client::handleLine(const QByteArray &content)
{
    QByteArrayView view(content);
    if (view.endsWith('\n'))
        view.chop(1);
    if (view.endsWith('\r'))
        view.chop(1);
    const Protocol::Line line = Protocol::parseLine(view);
    switch (line.type) {
    case Protocol::LineType::Heartbeat:
        return;
    case Protocol::LineType::Invalid:
        qCWarning(discoLog).noquote() << Tr::tr("the disco server sent a line that does not "
                                                "parse: %1")
                                             .arg(line.problem);
        if (m_socket)
            m_socket->write(
                Protocol::encodeErrorLine(Protocol::SyntaxErrorName.toString(), line.problem));
        return;
    case Protocol::LineType::Error:
        emit errorOccurred(remoteError(line.object));
        return;
    case Protocol::LineType::Reply: {
        const auto it = m_pending.find(line.msgid);
        if (it == m_pending.end())
            return;
        ReplyHandler handler = std::move(it->second);
        m_pending.erase(it);
        if (line.object.contains(QStringLiteral("error")))
            handler(std::unexpected(
                remoteError(line.object.value(QStringLiteral("error")).toObject())));
        else
            handler(line.object.value(QStringLiteral("result")).toObject());
        return;
    }
    case Protocol::LineType::Command:
        if (line.command == u"requirement.changed") {
            handleNotification(line.msgid, line.object);
        } else if (m_socket) {
            m_socket->write(
                Protocol::encodeErrorReply(line.msgid, Protocol::ErrorName.toString(),
                                           Tr::tr("unknown command '%1'").arg(line.command)));
        }
        return;
    }
}

void Client::handleNotification(const QByteArray &msgid, const QJsonObject &arguments)
{
    const auto change = Protocol::parseRequirementChanged(arguments);
    if (!change) {
        if (m_socket)
            m_socket->write(Protocol::encodeErrorReply(msgid, change.error()));
        return;
    }
    const auto handleIt = m_requirementIds.constFind(change->requirementId);
    if (handleIt != m_requirementIds.constEnd()) {
        const auto it = m_requirements.find(handleIt.value());
        if (it != m_requirements.end()) {
            RequirementEntry &entry = *it->second;
            RequirementEvent event{it->first, false, change->action, {}, {}};
            for (const Endpoint &endpoint : change->endpoints) {
                const auto known
                    = std::find_if(entry.current.begin(), entry.current.end(),
                                   [&endpoint](const Endpoint &e) { return e.id == endpoint.id; });
                if (change->action == Action::Add && known == entry.current.end()) {
                    entry.current.append(endpoint);
                    event.changed.append(endpoint);
                } else if (change->action == Action::Drop && known != entry.current.end()) {
                    entry.current.erase(known);
                    event.changed.append(endpoint);
                }
            }
            event.current = entry.current;
            if (!event.changed.isEmpty())
                deliver(event);
        }
    }
    // Acknowledge after the callbacks ran: a dropper waiting on us knows we have seen it.
    if (m_socket)
        m_socket->write(Protocol::encodeResult(msgid, QJsonObject{{QStringLiteral("ack"), true}}));
    const QString &id = change->requirementId;
    if (m_resumed && handleIt == m_requirementIds.constEnd() && !m_knownRequirementIds.contains(id)
        && m_state == State::Joined) {
        // A requirement the process that joined this resumed session registered. Its handle
        // died with that process and this one registers its own (the same keys, from the
        // same manifest), so nothing listens to it: drop it rather than have every change
        // notified twice for as long as the session lives. The ids of our own requirements
        // are known from requirement.add's answer, which comes before any change of them.
        m_knownRequirementIds.insert(id);
        qCDebug(discoLog) << "dropping requirement" << id << "of the resumed session"
                          << m_sessionId;
        const QJsonObject arguments{{QStringLiteral("id"), id}};
        send(QStringLiteral("requirement.drop"), &arguments,
             [](const Scs::Result<QJsonObject> &) {});
    }
}

void Client::deliver(const RequirementEvent &event)
{
    const auto it = m_requirements.find(event.handle);
    if (it != m_requirements.end() && it->second->hasCallback && it->second->context) {
        const Callback callback = it->second->callback; // it may unrequire itself
        callback(event);
    }
    emit requirementChanged(event);
}

void Client::applyEndpoints(RequirementHandle handle, RequirementEntry &entry,
                            const QList<Endpoint> &endpoints)
{
    if (!entry.everRegistered) {
        entry.everRegistered = true;
        entry.current = endpoints;
        deliver(RequirementEvent{handle, true, Action::Add, endpoints, endpoints});
        return;
    }
    // Registered again in a new session: the server's ids are new, so compare by address
    // and attributes too, and report only what really changed.
    auto same = [](const Endpoint &a, const Endpoint &b) {
        return a.id == b.id || (a.address == b.address && a.attributes == b.attributes);
    };
    QList<Endpoint> dropped;
    for (const Endpoint &old : std::as_const(entry.current)) {
        if (std::none_of(endpoints.begin(), endpoints.end(),
                         [&](const Endpoint &e) { return same(e, old); }))
            dropped.append(old);
    }
    QList<Endpoint> added;
    for (const Endpoint &candidate : endpoints) {
        if (std::none_of(entry.current.begin(), entry.current.end(),
                         [&](const Endpoint &e) { return same(e, candidate); }))
            added.append(candidate);
    }
    entry.current = endpoints;
    if (!dropped.isEmpty())
        deliver(RequirementEvent{handle, false, Action::Drop, dropped, endpoints});
    if (!added.isEmpty())
        deliver(RequirementEvent{handle, false, Action::Add, added, endpoints});
}

void Client::sendJoin()
{
    ++m_generation;
    m_sessionId.clear();
    m_resumed = false;
    m_dropAfterAttach.clear();
    m_requirementIds.clear();
    m_knownRequirementIds.clear();
    for (auto &[handle, entry] : m_provisions)
        entry->serverId.clear();
    for (auto &[handle, entry] : m_requirements)
        entry->serverId.clear();
    QJsonObject options;
    if (!m_attributes.isEmpty())
        options.insert(QStringLiteral("attributes"), m_attributes);
    if (m_sessionTimeout > 0)
        options.insert(QStringLiteral("timeout"), m_sessionTimeout);
    const QJsonObject arguments{{QStringLiteral("options"), options}};
    const quint64 generation = m_generation;
    send(QStringLiteral("registry.join"), &arguments,
         [this, generation](const Scs::Result<QJsonObject> &result) {
             if (generation != m_generation)
                 return;
             if (!result) {
                 emit errorOccurred(result.error());
                 handleDisconnected();
                 return;
             }
             m_sessionId = result->value(QStringLiteral("id")).toString();
             m_backoff = m_backoffInitial;
             setState(State::Joined);
             qCDebug(discoLog).noquote() << Tr::tr("joined disco session %1").arg(m_sessionId);
             emit joined(m_sessionId);
             registerAll();
         });
}

void Client::sendAttach()
{
    const QJsonObject arguments{{QStringLiteral("id"), m_sessionId}};
    const quint64 generation = m_generation;
    send(QStringLiteral("session.attach"), &arguments,
         [this, generation](const Scs::Result<QJsonObject> &result) {
             if (generation != m_generation)
                 return;
             if (!result) {
                 // The session is gone: start a new one and register everything again.
                 sendJoin();
                 return;
             }
             m_backoff = m_backoffInitial;
             setState(State::Joined);
             emit attached(m_sessionId);
             for (const QString &id : std::exchange(m_dropAfterAttach, {})) {
                 const QJsonObject arguments{{QStringLiteral("id"), id},
                                             {QStringLiteral("wait"), QJsonValue()}};
                 send(QStringLiteral("provision.drop"), &arguments,
                      [](const Scs::Result<QJsonObject> &) {});
             }
             registerAll();
         });
}

void Client::registerAll()
{
    for (const auto &[handle, entry] : m_provisions) {
        if (entry->serverId.isEmpty() && !entry->inFlight)
            registerProvision(handle);
    }
    for (const auto &[handle, entry] : m_requirements) {
        if (entry->serverId.isEmpty() && !entry->inFlight)
            registerRequirement(handle);
    }
    for (PendingCall &call : std::exchange(m_queuedCalls, {})) {
        const QJsonObject arguments = call.arguments.value_or(QJsonObject());
        send(call.command, &arguments, std::move(call.handler));
    }
}

void Client::registerProvision(ProvisionHandle handle)
{
    ProvisionEntry &entry = *m_provisions.at(handle);
    entry.inFlight = true;
    const QJsonObject arguments = Protocol::provisionAddArguments(entry.spec);
    const quint64 generation = m_generation;
    send(QStringLiteral("provision.add"), &arguments,
         [this, handle, generation](const Scs::Result<QJsonObject> &result) {
             const auto it = m_provisions.find(handle);
             if (it == m_provisions.end() || generation != m_generation)
                 return;
             ProvisionEntry &entry = *it->second;
             entry.inFlight = false;
             if (!result) {
                 emit provisionFailed(handle, result.error());
                 if (entry.dropPromise) {
                     entry.dropPromise->addResult(Scs::Result<void>{});
                     entry.dropPromise->finish();
                 }
                 m_provisions.erase(it);
                 return;
             }
             entry.serverId = result->value(QStringLiteral("id")).toString();
             if (entry.dropRequested) {
                 const auto promise = entry.dropPromise;
                 const QJsonObject arguments{
                     {QStringLiteral("id"), entry.serverId},
                     {QStringLiteral("wait"), Protocol::waitToJson(entry.dropWait)}};
                 m_provisions.erase(it);
                 send(QStringLiteral("provision.drop"), &arguments,
                      [promise](const Scs::Result<QJsonObject> &result) {
                          if (result)
                              promise->addResult(Scs::Result<void>{});
                          else
                              promise->addResult(
                                  Scs::Result<void>(std::unexpected(result.error())));
                          promise->finish();
                      });
                 return;
             }
             emit provisionRegistered(handle, entry.serverId);
         });
}

void Client::registerRequirement(RequirementHandle handle)
{
    RequirementEntry &entry = *m_requirements.at(handle);
    entry.inFlight = true;
    const QJsonObject arguments = Protocol::requirementAddArguments(entry.spec);
    const quint64 generation = m_generation;
    send(QStringLiteral("requirement.add"), &arguments,
         [this, handle, generation](const Scs::Result<QJsonObject> &result) {
             const auto it = m_requirements.find(handle);
             if (it == m_requirements.end() || generation != m_generation)
                 return;
             RequirementEntry &entry = *it->second;
             entry.inFlight = false;
             if (!result) {
                 emit requirementFailed(handle, result.error());
                 m_requirements.erase(it);
                 return;
             }
             entry.serverId = result->value(QStringLiteral("id")).toString();
             m_requirementIds.insert(entry.serverId, handle);
             m_knownRequirementIds.insert(entry.serverId);
             QList<Endpoint> endpoints;
             const QJsonArray array = result->value(QStringLiteral("endpoints")).toArray();
             for (const QJsonValue &value : array) {
                 if (const auto endpoint = Endpoint::fromJson(value.toObject()))
                     endpoints.append(*endpoint);
             }
             applyEndpoints(handle, entry, endpoints);
         });
}

void Client::send(const QString &command, const QJsonObject *arguments, ReplyHandler handler)
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState) {
        handler(std::unexpected(networkError(
            Tr::tr("not connected to the disco server %1:%2").arg(m_host).arg(m_port))));
        return;
    }
    const QByteArray msgid = QByteArray::number(++m_nextMsgid);
    m_pending.emplace(msgid, std::move(handler));
    m_socket->write(arguments && !arguments->isEmpty()
                        ? Protocol::encodeCommand(msgid, command, *arguments)
                        : Protocol::encodeCommand(msgid, command));
    m_socket->flush();
}

void Client::failAllPending(const Scs::Error &error)
{
    auto pending = std::exchange(m_pending, {});
    for (auto &[msgid, handler] : pending)
        handler(std::unexpected(error));
    if (m_state == State::Stopped) {
        for (PendingCall &call : std::exchange(m_queuedCalls, {}))
            call.handler(std::unexpected(error));
    }
}

} // namespace Disco
