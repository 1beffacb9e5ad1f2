// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "types.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QFuture>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

class QTcpSocket;
class QTimer;

namespace Disco {

/** One change of a requirement's endpoints, as a Client's callback sees it. */
struct RequirementEvent
{
    quint64 handle = 0;
    bool initial = false; ///< the answer to requirement.add (after a rejoin too)
    Action action = Action::Add;
    QList<Endpoint> changed; ///< what was added or dropped (for `initial`: every endpoint)
    QList<Endpoint> current; ///< every endpoint that matches now, oldest first
};

/**
 * A disco client for the container manager, the dashboard and the CLI.
 *
 * Provisions and requirements are registered with handles that stay valid
 * across reconnects: the client reconnects with backoff, re-attaches to its
 * session within the session timeout (the server then delivers what it queued)
 * or joins anew after it and registers everything again, reporting the
 * difference of each requirement's endpoints as changes. Notifications are
 * acknowledged automatically after the callbacks ran. Heartbeats are sent and
 * a silent server is treated as disconnected.
 *
 * resume() takes over a session another process joined (and left detached):
 * the client attaches to it instead of joining, adoptProvision() tracks what
 * that process registered, and notifications for its requirements, which no
 * one here listens to, are acknowledged and those requirements dropped.
 *
 * \code
 * auto *client = new Disco::Client(this);
 * client->setServer(QStringLiteral("127.0.0.1"), 9640);
 * client->start();
 * client->provide({{"dev", "blog", "mysqlmaster", "mysql"}, {"10.0.0.5", 3306}, {}});
 * client->require({{"dev", "blog", "mysqlmaster", "mysql"}, {}}, this,
 *                 [](const Disco::RequirementEvent &event) { ... });
 * \endcode
 */
class Client final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Client)

public:
    using ProvisionHandle = quint64;
    using RequirementHandle = quint64;
    using Callback = std::function<void(const RequirementEvent &)>;

    enum class State {
        Stopped,    ///< not started, or stopped / left
        Connecting, ///< connecting or waiting to reconnect
        Joining,    ///< connected, registry.join or session.attach in flight
        Joined,     ///< in a session; commands flow
    };
    Q_ENUM(State)

    explicit Client(QObject *parent = nullptr);
    ~Client() override;

    void setServer(const QString &host, quint16 port = DefaultPort);
    /** registry.join's options.attributes (who this client is). */
    void setAttributes(const QJsonObject &attributes);
    /** Seconds the server keeps the session after the socket is lost (default 0). */
    void setSessionTimeout(double seconds);
    void setHeartbeatInterval(double seconds);
    void setLivenessTimeout(double seconds);
    /** Reconnect delays: start at \p initial seconds, double up to \p maximum. */
    void setReconnectBackoff(double initial, double maximum);

    /** Connects and joins; from now on it reconnects by itself until stop() or leave(). */
    void start();
    /**
     * Like start(), but attaches to the existing session \p sessionId instead of joining
     * (one another process joined and left detached, named in a container label).
     * attached() says it worked; joined() with a new id says that session no longer
     * exists. Until a new session is joined, every reconnect tries \p sessionId first,
     * whatever setSessionTimeout() says: its timeout is the one its joiner chose.
     */
    void resume(const QString &sessionId);
    /** Closes the socket without leaving: the session lives on for its timeout. */
    void stop();
    /** registry.leave: the server drops everything of this session; then stops. */
    QFuture<Scs::Result<void>> leave(const Wait &wait = {});

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isJoined() const { return m_state == State::Joined; }
    [[nodiscard]] QString sessionId() const { return m_sessionId; }
    /** True while the session is one resume() attached to, not one this client joined. */
    [[nodiscard]] bool isResumedSession() const { return m_resumed; }

    /** Registers \p spec now (or once joined) and after every rejoin. */
    ProvisionHandle provide(const ProvisionSpec &spec);
    /** provision.drop; resolves with the server's answer (at once when not registered). */
    QFuture<Scs::Result<void>> drop(ProvisionHandle handle, const Wait &wait = {});
    /**
     * Tracks \p provisionId, a provision the resumed session already has, under a new
     * handle as if provide(\p spec) had registered it: drop() drops it, a reconnect into
     * the same session keeps it, and a new session registers \p spec again.
     */
    ProvisionHandle adoptProvision(const ProvisionSpec &spec, const QString &provisionId);
    /** The server's id of a provision, once registered. */
    [[nodiscard]] std::optional<QString> provisionId(ProvisionHandle handle) const;

    /** Registers a requirement; changes arrive as requirementChanged() signals. */
    RequirementHandle require(const RequirementSpec &spec);
    /** The same, and \p callback runs for every change while \p context lives. */
    RequirementHandle require(const RequirementSpec &spec, QObject *context, Callback callback);
    /** requirement.drop: no more changes for \p handle. */
    QFuture<Scs::Result<void>> unrequire(RequirementHandle handle);
    /** The endpoints that match \p handle now. */
    [[nodiscard]] QList<Endpoint> endpoints(RequirementHandle handle) const;

    /**
     * The endpoints that match \p key now, once joined: a requirement.add that is dropped
     * again at once (notifications for it in between are acknowledged and ignored).
     */
    QFuture<Scs::Result<QList<Endpoint>>> lookup(const Key &key);

    /** Sends any command (e.g. ping) once joined; resolves with its result or error. */
    QFuture<Scs::Result<QJsonObject>> call(const QString &command,
                                           const QJsonObject &arguments = {});

signals:
    void stateChanged(Disco::Client::State state);
    /** A new session (the first, or after the old one expired). */
    void joined(const QString &sessionId);
    /** Back in the same session after a reconnect, or in the session resume() named. */
    void attached(const QString &sessionId);
    void disconnected();
    void provisionRegistered(Disco::Client::ProvisionHandle handle, const QString &provisionId);
    void provisionFailed(Disco::Client::ProvisionHandle handle, const Scs::Error &error);
    void requirementChanged(const Disco::RequirementEvent &event);
    void requirementFailed(Disco::Client::RequirementHandle handle, const Scs::Error &error);
    void errorOccurred(const Scs::Error &error);

private:
    struct ProvisionEntry;
    struct RequirementEntry;
    struct PendingCall;
    using ReplyHandler = std::function<void(const Scs::Result<QJsonObject> &)>;

    void setState(State state);
    void connectNow();
    void handleConnected();
    void handleDisconnected();
    void handleReadyRead();
    void handleLine(const QByteArray &content);
    void handleHeartbeatTimer();
    void scheduleReconnect();
    void sendJoin();
    void sendAttach();
    void registerAll();
    void registerProvision(ProvisionHandle handle);
    void registerRequirement(RequirementHandle handle);
    void handleNotification(const QByteArray &msgid, const QJsonObject &arguments);
    void applyEndpoints(RequirementHandle handle, RequirementEntry &entry,
                        const QList<Endpoint> &endpoints);
    void deliver(const RequirementEvent &event);
    void send(const QString &command, const QJsonObject *arguments, ReplyHandler handler);
    void failAllPending(const Scs::Error &error);
    void closeSocket();

    QTcpSocket *m_socket = nullptr;
    QTimer *m_heartbeatTimer;
    QTimer *m_reconnectTimer;
    QString m_host = QStringLiteral("127.0.0.1");
    quint16 m_port = DefaultPort;
    QJsonObject m_attributes;
    double m_sessionTimeout = 0;
    double m_heartbeatInterval = 22;
    double m_livenessTimeout = 60;
    double m_backoffInitial = 0.1;
    double m_backoffMaximum = 5;
    double m_backoff = 0.1;
    State m_state = State::Stopped;
    QString m_sessionId;
    bool m_resumed = false; // m_sessionId came from resume(), its timeout is not ours
    QElapsedTimer m_sinceDisconnect;
    QElapsedTimer m_sinceReceived;
    QByteArray m_buffer;
    quint64 m_nextMsgid = 0;
    quint64 m_nextHandle = 0;
    quint64 m_generation = 0; // bumped per session: stale answers are ignored
    std::map<QByteArray, ReplyHandler> m_pending;
    std::map<ProvisionHandle, std::unique_ptr<ProvisionEntry>> m_provisions;
    std::map<RequirementHandle, std::unique_ptr<RequirementEntry>> m_requirements;
    QHash<QString, RequirementHandle> m_requirementIds; // server id → handle
    // Requirement ids of this session that are not orphans of a resumed session: ours
    // (also after unrequire), lookups, and orphans already dropped.
    QSet<QString> m_knownRequirementIds;
    QList<QString> m_dropAfterAttach;       // provisions dropped while detached
    std::vector<PendingCall> m_queuedCalls; // waiting for the session
};

} // namespace Disco

Q_DECLARE_METATYPE(Disco::RequirementEvent)
