// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "types.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>

namespace Disco {

/** Monotonic time in microseconds; injected so tests control the clock. */
using TimePoint = qint64;

/**
 * The longest duration a peer can ask for (a session timeout, a ping delay, a drop's wait):
 * about 31 years. Peers may send any non-negative number; longer ones mean "practically
 * never", and clamping keeps every deadline representable, so no arithmetic overflows.
 */
inline constexpr double MaxDurationSeconds = 1e9;

/** \p now plus \p seconds (clamped to MaxDurationSeconds; NaN and negatives count as 0). */
[[nodiscard]] constexpr TimePoint deadlineAfter(TimePoint now, double seconds)
{
    const double clamped
        = seconds > 0 ? (seconds < MaxDurationSeconds ? seconds : MaxDurationSeconds) : 0.0;
    const auto duration = TimePoint(clamped * 1e6);
    constexpr TimePoint latest = std::numeric_limits<TimePoint>::max();
    return now > latest - duration ? latest : now + duration;
}

/** One `requirement.changed` for one subscriber; `msgid` is unique within its session. */
struct Notification
{
    QString msgid;
    QString requirementId;
    Action action = Action::Add;
    QList<Endpoint> endpoints;
};

/** Hears every change of a Registry (the server turns these into signals and log lines). */
class RegistryObserver
{
public:
    virtual ~RegistryObserver() = default;
    virtual void sessionJoined(const SessionInfo &) {}
    virtual void sessionAttached(const SessionInfo &) {}
    virtual void sessionDetached(const SessionInfo &) {}
    virtual void sessionEnded(const SessionInfo &) {}
    virtual void provisionAdded(const ProvisionInfo &) {}
    virtual void provisionDropped(const ProvisionInfo &) {}
    virtual void requirementAdded(const RequirementInfo &) {}
    virtual void requirementDropped(const RequirementInfo &) {}
    virtual void notificationAcknowledged(const NotificationInfo &, qint64 /*latencyUs*/) {}
};

namespace Internal {
struct Session;
struct Provision;
struct Requirement;
struct Bucket;
struct Waiter;
} // namespace Internal

/**
 * The state of a disco server, without sockets: sessions, provisions,
 * requirements, notifications and their acknowledgements.
 *
 * The server drives it: every call says what time it is, and calls that change
 * something append to an Effects: the notifications to write now (to attached
 * sessions; those for detached sessions are queued here and handed back by
 * attach()), and the deferred answers (`wait`) that became due. A change of
 * one key costs work proportional to that key's provisions and requirements.
 */
class Registry
{
public:
    /** The caller's handle for a deferred answer (provision.drop / registry.leave). */
    using Token = quint64;

    struct Delivery
    {
        QString sessionId;
        Notification notification;
    };
    struct Completion
    {
        Token token = 0;
        QJsonObject result; ///< {"ack": true} or {"timed_out": bool}
    };
    struct Effects
    {
        QList<Delivery> deliveries;
        QList<Completion> completions;
        [[nodiscard]] bool isEmpty() const { return deliveries.isEmpty() && completions.isEmpty(); }
    };
    struct RequirementResult
    {
        QString id;
        QList<Endpoint> endpoints;
    };

    Registry();
    ~Registry();
    Registry(const Registry &) = delete;
    Registry &operator=(const Registry &) = delete;

    void setObserver(RegistryObserver *observer) { m_observer = observer; }

    /** Creates an attached session; \p timeout is how long (s) it outlives a detach. */
    QString join(const QJsonObject &attributes, double timeout, const QString &remote,
                 TimePoint now);
    /**
     * Re-binds a session; returns its notifications not yet acknowledged, in
     * order (queued while detached, and sent but unanswered before the detach).
     */
    [[nodiscard]] Scs::Result<QList<Notification>> attach(const QString &sessionId,
                                                          const QString &remote, TimePoint now);
    /** Unbinds a session; it ends at once when its timeout is 0, or later in expire(). */
    void detach(const QString &sessionId, TimePoint now, Effects &effects);
    /** registry.leave: drops everything and destroys the session; answers \p token per \p wait. */
    void leave(const QString &sessionId, const Wait &wait, Token token, TimePoint now,
               Effects &effects);

    [[nodiscard]] Scs::Result<QString> addProvision(const QString &sessionId,
                                                    const ProvisionSpec &spec, TimePoint now,
                                                    Effects &effects);
    [[nodiscard]] Scs::Result<void> dropProvision(const QString &sessionId,
                                                  const QString &provisionId, const Wait &wait,
                                                  Token token, TimePoint now, Effects &effects);
    [[nodiscard]] Scs::Result<RequirementResult>
    addRequirement(const QString &sessionId, const RequirementSpec &spec, TimePoint now);
    [[nodiscard]] Scs::Result<void> dropRequirement(const QString &sessionId,
                                                    const QString &requirementId);
    /** A client answered notification \p msgid; unknown ids are ignored. */
    void acknowledge(const QString &sessionId, const QString &msgid, TimePoint now,
                     Effects &effects);

    /** Ends sessions whose timeout ran out and answers waits that timed out. */
    void expire(TimePoint now, Effects &effects);
    /** When expire() has something to do next. */
    [[nodiscard]] std::optional<TimePoint> nextDeadline() const;
    /** Destroys every session, with the drop notifications that entails (server shutdown). */
    void endAll(TimePoint now, Effects &effects);

    // Read side (HTTP API, DNS, dashboard).
    [[nodiscard]] bool hasSession(const QString &sessionId) const;
    [[nodiscard]] bool isAttached(const QString &sessionId) const;
    [[nodiscard]] std::optional<SessionInfo> session(const QString &sessionId) const;
    [[nodiscard]] QList<SessionInfo> sessions() const;
    [[nodiscard]] QList<ProvisionInfo> provisions(const QString &sessionId) const;
    [[nodiscard]] QList<RequirementInfo> requirements(const QString &sessionId) const;
    [[nodiscard]] std::optional<ProvisionInfo> provision(const QString &provisionId) const;
    /** The provisions of \p key, oldest first. */
    [[nodiscard]] QList<Endpoint> endpoints(const Key &key) const;
    /** Every key that has a provision or a requirement, sorted. */
    [[nodiscard]] QList<Key> keys() const;
    [[nodiscard]] qsizetype sessionCount() const;
    [[nodiscard]] qsizetype provisionCount() const;
    [[nodiscard]] qsizetype requirementCount() const;
    /** Notifications not yet acknowledged, over all sessions. */
    [[nodiscard]] qsizetype pendingNotificationCount() const;

private:
    QString newId(char kind);
    Internal::Session *findSession(const QString &sessionId) const;
    SessionInfo info(const Internal::Session &session) const;
    void notify(Internal::Session &session, const Internal::Requirement &requirement, Action action,
                const Endpoint &endpoint, quint64 waiter, TimePoint now, Effects &effects);
    int dropProvisionNow(Internal::Provision *provision, quint64 waiter, TimePoint now,
                         Effects &effects);
    void removeRequirement(Internal::Requirement *requirement);
    void destroySession(const QString &sessionId, TimePoint now, Effects &effects);
    quint64 newWaiter(const Wait &wait, Token token, TimePoint now);
    void finishWaiter(quint64 waiterId, int notified, const Wait &wait, Token token,
                      Effects &effects);
    void releaseWaiter(quint64 waiterId, Effects &effects);

    QString m_epoch;
    quint64 m_counter = 0;
    quint64 m_waiterCounter = 0;
    RegistryObserver *m_observer = nullptr;
    std::unordered_map<QString, std::unique_ptr<Internal::Session>> m_sessions;
    std::unordered_map<QString, std::unique_ptr<Internal::Provision>> m_provisions;
    std::unordered_map<QString, std::unique_ptr<Internal::Requirement>> m_requirements;
    QHash<Key, std::shared_ptr<Internal::Bucket>> m_buckets;
    std::unordered_map<quint64, std::unique_ptr<Internal::Waiter>> m_waiters;
    std::multimap<TimePoint, QString> m_sessionDeadlines; // lazily cleaned
    std::multimap<TimePoint, quint64> m_waiterDeadlines;  // lazily cleaned
    qsizetype m_pendingCount = 0;
};

} // namespace Disco
