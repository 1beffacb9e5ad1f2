// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "registry.h"

#include "discotr.h"
#include "protocol.h"

#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>
#include <string>
#include <vector>

namespace Disco {
namespace Internal {

// Longest attribute value and pattern accepted: every add is matched against every
// requirement of its key, so one peer's sizes bound everyone's matching work.
constexpr qsizetype MaxAttributeValue = 4096;
constexpr qsizetype MaxPattern = 1024;

// Patterns are peers' input run on the server's only thread. PCRE2 (behind
// QRegularExpression) gives the ECMAScript subset the protocol uses, refuses absurd
// repeat counts at compile time and stops a catastrophic backtrack at its match limit
// (counted as no match). std::regex did neither: its compiler overflowed on
// "a{2222222222222222222}" and its matcher recursed per character.
QRegularExpression compilePattern(const QString &pattern)
{
    QRegularExpression expression(pattern);
    expression.optimize();
    return expression;
}

struct Pending
{
    Notification notification;
    TimePoint sentAt = 0;
    bool sent = false;
    quint64 waiter = 0; // 0: nobody waits for this acknowledgement
};

struct Session
{
    QString id;
    QJsonObject attributes;
    double timeout = 0;
    bool attached = true;
    QString remote;
    TimePoint expiresAt = 0;
    quint64 nextMessage = 0;
    // Lists, not sets: most sessions hold one or two of each, and an empty-but-used QSet
    // costs half a kilobyte.
    QList<QString> provisions;
    QList<QString> requirements;
    std::map<quint64, Pending> pending; // by message number: the delivery order
};

struct Provision
{
    QString id;
    QString sessionId;
    Key key;
    Address address;
    QMap<QString, QString> attributes;
    quint64 seq = 0;

    Endpoint endpoint() const { return Endpoint{id, address, attributes}; }
};

struct Requirement
{
    QString id;
    QString sessionId;
    Key key;
    QMap<QString, QString> attributes;
    std::vector<std::pair<QString, QRegularExpression>> patterns; // compiled once
    quint64 seq = 0;

    bool matches(const Provision &provision) const
    {
        for (const auto &[name, pattern] : patterns) {
            const auto value = provision.attributes.constFind(name);
            if (value == provision.attributes.constEnd() || !pattern.match(*value).hasMatch())
                return false;
        }
        return true;
    }
};

struct Bucket
{
    std::map<quint64, Provision *> provisions;
    std::map<quint64, Requirement *> requirements;
};

struct Waiter
{
    Registry::Token token = 0;
    int outstanding = 0;
};

} // namespace Internal

using namespace Internal;

namespace {

QString sessionNotFound(const QString &id)
{
    return Tr::tr("unknown session '%1'").arg(id);
}

} // namespace

Registry::Registry()
    : m_epoch(QString::number(QRandomGenerator::global()->generate() & 0xffffff, 16)
                  .rightJustified(6, u'0'))
{}

Registry::~Registry() = default;

QString Registry::newId(char kind)
{
    // A per-registry epoch keeps a restarted server from handing out the ids a
    // client still remembers from the previous one (session.attach).
    return QChar::fromLatin1(kind) + m_epoch + u'-' + QString::number(++m_counter, 16);
}

Session *Registry::findSession(const QString &sessionId) const
{
    const auto it = m_sessions.find(sessionId);
    return it == m_sessions.end() ? nullptr : it->second.get();
}

SessionInfo Registry::info(const Session &session) const
{
    return SessionInfo{session.id, session.attributes, session.timeout, session.attached,
                       session.remote};
}

QString Registry::join(const QJsonObject &attributes, double timeout, const QString &remote,
                       TimePoint)
{
    auto session = std::make_unique<Session>();
    session->id = newId('s');
    session->attributes = attributes;
    session->timeout = timeout;
    session->remote = remote;
    const QString id = session->id;
    m_sessions.emplace(id, std::move(session));
    if (m_observer)
        m_observer->sessionJoined(info(*m_sessions.at(id)));
    return id;
}

Scs::Result<QList<Notification>> Registry::attach(const QString &sessionId, const QString &remote,
                                                  TimePoint now)
{
    Session *session = findSession(sessionId);
    if (!session)
        return Protocol::plainError(sessionNotFound(sessionId));
    session->attached = true;
    session->remote = remote;
    QList<Notification> notifications;
    notifications.reserve(qsizetype(session->pending.size()));
    for (auto &[number, pending] : session->pending) {
        pending.sent = true;
        pending.sentAt = now;
        notifications.append(pending.notification);
    }
    if (m_observer)
        m_observer->sessionAttached(info(*session));
    return notifications;
}

void Registry::detach(const QString &sessionId, TimePoint now, Effects &effects)
{
    Session *session = findSession(sessionId);
    if (!session || !session->attached)
        return;
    session->attached = false;
    session->remote.clear();
    if (m_observer)
        m_observer->sessionDetached(info(*session));
    if (session->timeout <= 0) {
        destroySession(sessionId, now, effects);
        return;
    }
    session->expiresAt = deadlineAfter(now, session->timeout);
    m_sessionDeadlines.emplace(session->expiresAt, sessionId);
}

void Registry::leave(const QString &sessionId, const Wait &wait, Token token, TimePoint now,
                     Effects &effects)
{
    Session *session = findSession(sessionId);
    if (!session) {
        effects.completions.append(
            Completion{token, QJsonObject{{QStringLiteral("timed_out"), false}}});
        return;
    }
    // Requirements first, so the session is not notified about its own provisions.
    const QList<QString> requirements(session->requirements.cbegin(), session->requirements.cend());
    for (const QString &id : requirements) {
        const auto it = m_requirements.find(id);
        if (it != m_requirements.end())
            removeRequirement(it->second.get());
    }
    const quint64 waiter = newWaiter(wait, token, now);
    int notified = 0;
    const QList<QString> provisions(session->provisions.cbegin(), session->provisions.cend());
    for (const QString &id : provisions) {
        const auto it = m_provisions.find(id);
        if (it != m_provisions.end())
            notified += dropProvisionNow(it->second.get(), waiter, now, effects);
    }
    destroySession(sessionId, now, effects);
    finishWaiter(waiter, notified, wait, token, effects);
}

Scs::Result<QString> Registry::addProvision(const QString &sessionId, const ProvisionSpec &spec,
                                            TimePoint now, Effects &effects)
{
    Session *session = findSession(sessionId);
    if (!session)
        return Protocol::plainError(sessionNotFound(sessionId));
    auto provision = std::make_unique<Provision>();
    for (auto it = spec.attributes.constBegin(); it != spec.attributes.constEnd(); ++it) {
        if (it.value().size() > MaxAttributeValue)
            return Protocol::syntaxError(
                Tr::tr("argument 'attributes.%1' is longer than %2 characters")
                    .arg(it.key())
                    .arg(MaxAttributeValue));
    }
    provision->id = newId('p');
    provision->sessionId = sessionId;
    provision->key = spec.key;
    provision->address = spec.address;
    provision->attributes = spec.attributes;
    provision->seq = m_counter;
    Provision *raw = provision.get();
    const QString id = provision->id;
    m_provisions.emplace(id, std::move(provision));
    session->provisions.append(id);
    auto &bucket = m_buckets[spec.key];
    if (!bucket)
        bucket = std::make_shared<Bucket>();
    bucket->provisions.emplace(raw->seq, raw);
    if (m_observer)
        m_observer->provisionAdded(
            ProvisionInfo{id, sessionId, raw->key, raw->address, raw->attributes});

    const Endpoint endpoint = raw->endpoint();
    for (const auto &[seq, requirement] : bucket->requirements) {
        if (!requirement->matches(*raw))
            continue;
        if (Session *subscriber = findSession(requirement->sessionId))
            notify(*subscriber, *requirement, Action::Add, endpoint, 0, now, effects);
    }
    return id;
}

Scs::Result<void> Registry::dropProvision(const QString &sessionId, const QString &provisionId,
                                          const Wait &wait, Token token, TimePoint now,
                                          Effects &effects)
{
    const auto it = m_provisions.find(provisionId);
    if (it == m_provisions.end() || it->second->sessionId != sessionId)
        return Protocol::plainError(Tr::tr("unknown provision '%1'").arg(provisionId));
    const quint64 waiter = newWaiter(wait, token, now);
    const int notified = dropProvisionNow(it->second.get(), waiter, now, effects);
    finishWaiter(waiter, notified, wait, token, effects);
    return {};
}

Scs::Result<Registry::RequirementResult>
Registry::addRequirement(const QString &sessionId, const RequirementSpec &spec, TimePoint)
{
    Session *session = findSession(sessionId);
    if (!session)
        return Protocol::plainError(sessionNotFound(sessionId));
    auto requirement = std::make_unique<Requirement>();
    for (auto it = spec.attributes.constBegin(); it != spec.attributes.constEnd(); ++it) {
        if (it.value().size() > MaxPattern)
            return Protocol::syntaxError(
                Tr::tr("attributes '%1': the regular expression is longer than %2 characters")
                    .arg(it.key())
                    .arg(MaxPattern));
        QRegularExpression pattern = compilePattern(it.value());
        if (!pattern.isValid())
            return Protocol::syntaxError(
                Tr::tr("attributes '%1': the regular expression /%2/ does not compile: %3 "
                       "at offset %4")
                    .arg(it.key(), it.value(), pattern.errorString())
                    .arg(pattern.patternErrorOffset()));
        requirement->patterns.emplace_back(it.key(), std::move(pattern));
    }
    requirement->id = newId('r');
    requirement->sessionId = sessionId;
    requirement->key = spec.key;
    requirement->attributes = spec.attributes;
    requirement->seq = m_counter;
    Requirement *raw = requirement.get();
    const QString id = requirement->id;
    m_requirements.emplace(id, std::move(requirement));
    session->requirements.append(id);
    auto &bucket = m_buckets[spec.key];
    if (!bucket)
        bucket = std::make_shared<Bucket>();
    bucket->requirements.emplace(raw->seq, raw);

    RequirementResult result{id, {}};
    for (const auto &[seq, provision] : bucket->provisions) {
        if (raw->matches(*provision))
            result.endpoints.append(provision->endpoint());
    }
    if (m_observer)
        m_observer->requirementAdded(
            RequirementInfo{id, sessionId, raw->key, raw->attributes, result.endpoints});
    return result;
}

Scs::Result<void> Registry::dropRequirement(const QString &sessionId, const QString &requirementId)
{
    const auto it = m_requirements.find(requirementId);
    if (it == m_requirements.end() || it->second->sessionId != sessionId)
        return Protocol::plainError(Tr::tr("unknown requirement '%1'").arg(requirementId));
    removeRequirement(it->second.get());
    return {};
}

void Registry::acknowledge(const QString &sessionId, const QString &msgid, TimePoint now,
                           Effects &effects)
{
    Session *session = findSession(sessionId);
    if (!session)
        return;
    bool ok = false;
    const quint64 number = msgid.startsWith(u'n') ? msgid.mid(1).toULongLong(&ok, 16) : 0;
    if (!ok)
        return;
    const auto it = session->pending.find(number);
    if (it == session->pending.end() || !it->second.sent)
        return;
    const Pending pending = std::move(it->second);
    session->pending.erase(it);
    --m_pendingCount;
    if (m_observer) {
        const Notification &n = pending.notification;
        m_observer->notificationAcknowledged(
            NotificationInfo{sessionId, n.requirementId, n.msgid, n.action, n.endpoints},
            now - pending.sentAt);
    }
    if (pending.waiter)
        releaseWaiter(pending.waiter, effects);
}

void Registry::expire(TimePoint now, Effects &effects)
{
    while (!m_waiterDeadlines.empty() && m_waiterDeadlines.begin()->first <= now) {
        const quint64 waiterId = m_waiterDeadlines.begin()->second;
        m_waiterDeadlines.erase(m_waiterDeadlines.begin());
        const auto it = m_waiters.find(waiterId);
        if (it == m_waiters.end())
            continue;
        effects.completions.append(
            Completion{it->second->token, QJsonObject{{QStringLiteral("timed_out"), true}}});
        m_waiters.erase(it);
    }
    while (!m_sessionDeadlines.empty() && m_sessionDeadlines.begin()->first <= now) {
        const auto [deadline, sessionId] = *m_sessionDeadlines.begin();
        m_sessionDeadlines.erase(m_sessionDeadlines.begin());
        const Session *session = findSession(sessionId);
        if (!session || session->attached || session->expiresAt != deadline)
            continue;
        destroySession(sessionId, now, effects);
    }
}

std::optional<TimePoint> Registry::nextDeadline() const
{
    std::optional<TimePoint> next;
    if (!m_waiterDeadlines.empty())
        next = m_waiterDeadlines.begin()->first;
    if (!m_sessionDeadlines.empty()) {
        const TimePoint session = m_sessionDeadlines.begin()->first;
        next = next ? std::min(*next, session) : session;
    }
    return next;
}

void Registry::endAll(TimePoint now, Effects &effects)
{
    std::vector<QString> ids;
    ids.reserve(m_sessions.size());
    for (const auto &[id, session] : m_sessions)
        ids.push_back(id);
    // Every provision goes first, while every subscriber still exists to hear of it.
    for (const QString &id : ids) {
        Session *session = findSession(id);
        const QList<QString> provisions(session->provisions.cbegin(), session->provisions.cend());
        for (const QString &provisionId : provisions) {
            const auto it = m_provisions.find(provisionId);
            if (it != m_provisions.end())
                dropProvisionNow(it->second.get(), 0, now, effects);
        }
    }
    for (const QString &id : ids)
        destroySession(id, now, effects);
}

void Registry::notify(Session &session, const Requirement &requirement, Action action,
                      const Endpoint &endpoint, quint64 waiter, TimePoint now, Effects &effects)
{
    const quint64 number = ++session.nextMessage;
    Pending pending;
    pending.notification = Notification{u'n' + QString::number(number, 16), requirement.id, action,
                                        QList<Endpoint>{endpoint}};
    pending.waiter = waiter;
    if (session.attached) {
        pending.sent = true;
        pending.sentAt = now;
        effects.deliveries.append(Delivery{session.id, pending.notification});
    }
    session.pending.emplace(number, std::move(pending));
    ++m_pendingCount;
}

int Registry::dropProvisionNow(Provision *provision, quint64 waiter, TimePoint now,
                               Effects &effects)
{
    const QString id = provision->id;
    const Endpoint endpoint = provision->endpoint();
    int notified = 0;
    const auto bucketIt = m_buckets.find(provision->key);
    if (bucketIt != m_buckets.end()) {
        const std::shared_ptr<Bucket> bucket = bucketIt.value();
        bucket->provisions.erase(provision->seq);
        for (const auto &[seq, requirement] : bucket->requirements) {
            if (!requirement->matches(*provision))
                continue;
            Session *subscriber = findSession(requirement->sessionId);
            if (!subscriber)
                continue;
            notify(*subscriber, *requirement, Action::Drop, endpoint, waiter, now, effects);
            ++notified;
        }
        if (bucket->provisions.empty() && bucket->requirements.empty())
            m_buckets.remove(provision->key);
    }
    if (Session *owner = findSession(provision->sessionId))
        owner->provisions.removeOne(id);
    const ProvisionInfo dropped{id, provision->sessionId, provision->key, provision->address,
                                provision->attributes};
    m_provisions.erase(id);
    if (m_observer)
        m_observer->provisionDropped(dropped);
    return notified;
}

void Registry::removeRequirement(Requirement *requirement)
{
    const QString id = requirement->id;
    const auto bucketIt = m_buckets.find(requirement->key);
    if (bucketIt != m_buckets.end()) {
        bucketIt.value()->requirements.erase(requirement->seq);
        if (bucketIt.value()->provisions.empty() && bucketIt.value()->requirements.empty())
            m_buckets.erase(bucketIt);
    }
    if (Session *owner = findSession(requirement->sessionId))
        owner->requirements.removeOne(id);
    const RequirementInfo dropped{id, requirement->sessionId, requirement->key,
                                  requirement->attributes};
    m_requirements.erase(id);
    if (m_observer)
        m_observer->requirementDropped(dropped);
}

void Registry::destroySession(const QString &sessionId, TimePoint now, Effects &effects)
{
    Session *session = findSession(sessionId);
    if (!session)
        return;
    // Requirements first: the session's own provisions must not notify itself.
    const QList<QString> requirements(session->requirements.cbegin(), session->requirements.cend());
    for (const QString &id : requirements) {
        const auto it = m_requirements.find(id);
        if (it != m_requirements.end())
            removeRequirement(it->second.get());
    }
    const QList<QString> provisions(session->provisions.cbegin(), session->provisions.cend());
    for (const QString &id : provisions) {
        const auto it = m_provisions.find(id);
        if (it != m_provisions.end())
            dropProvisionNow(it->second.get(), 0, now, effects);
    }
    // Nobody will acknowledge this session's notifications any more.
    std::vector<quint64> waiters;
    for (const auto &[number, pending] : session->pending) {
        if (pending.waiter)
            waiters.push_back(pending.waiter);
    }
    m_pendingCount -= qsizetype(session->pending.size());
    const SessionInfo ended = info(*session);
    m_sessions.erase(sessionId);
    for (const quint64 waiter : waiters)
        releaseWaiter(waiter, effects);
    if (m_observer)
        m_observer->sessionEnded(ended);
}

quint64 Registry::newWaiter(const Wait &wait, Token token, TimePoint now)
{
    if (wait.mode == Wait::Mode::None)
        return 0;
    const quint64 id = ++m_waiterCounter;
    auto waiter = std::make_unique<Waiter>();
    waiter->token = token;
    m_waiters.emplace(id, std::move(waiter));
    if (wait.mode == Wait::Mode::Bounded)
        m_waiterDeadlines.emplace(deadlineAfter(now, wait.seconds), id);
    return id;
}

void Registry::finishWaiter(quint64 waiterId, int notified, const Wait &wait, Token token,
                            Effects &effects)
{
    if (wait.mode == Wait::Mode::None) {
        effects.completions.append(Completion{token, QJsonObject{{QStringLiteral("ack"), true}}});
        return;
    }
    const auto it = m_waiters.find(waiterId);
    if (it == m_waiters.end())
        return;
    it->second->outstanding += notified;
    if (it->second->outstanding <= 0) {
        effects.completions.append(
            Completion{token, QJsonObject{{QStringLiteral("timed_out"), false}}});
        m_waiters.erase(it);
    }
}

void Registry::releaseWaiter(quint64 waiterId, Effects &effects)
{
    const auto it = m_waiters.find(waiterId);
    if (it == m_waiters.end())
        return;
    // While the drop is still notifying, `outstanding` is not complete yet; finishWaiter()
    // adds the count afterwards, so it may go negative here only transiently.
    if (--it->second->outstanding == 0) {
        effects.completions.append(
            Completion{it->second->token, QJsonObject{{QStringLiteral("timed_out"), false}}});
        m_waiters.erase(it);
    }
}

bool Registry::hasSession(const QString &sessionId) const
{
    return findSession(sessionId) != nullptr;
}

bool Registry::isAttached(const QString &sessionId) const
{
    const Session *session = findSession(sessionId);
    return session && session->attached;
}

std::optional<SessionInfo> Registry::session(const QString &sessionId) const
{
    const Session *session = findSession(sessionId);
    if (!session)
        return std::nullopt;
    return info(*session);
}

QList<SessionInfo> Registry::sessions() const
{
    QList<SessionInfo> list;
    list.reserve(qsizetype(m_sessions.size()));
    for (const auto &[id, session] : m_sessions)
        list.append(info(*session));
    std::sort(list.begin(), list.end(),
              [](const SessionInfo &a, const SessionInfo &b) { return a.id < b.id; });
    return list;
}

QList<ProvisionInfo> Registry::provisions(const QString &sessionId) const
{
    QList<ProvisionInfo> list;
    const Session *session = findSession(sessionId);
    if (!session)
        return list;
    for (const QString &id : session->provisions) {
        const auto it = m_provisions.find(id);
        if (it != m_provisions.end()) {
            const Provision &p = *it->second;
            list.append(ProvisionInfo{p.id, p.sessionId, p.key, p.address, p.attributes});
        }
    }
    std::sort(list.begin(), list.end(),
              [](const ProvisionInfo &a, const ProvisionInfo &b) { return a.id < b.id; });
    return list;
}

QList<RequirementInfo> Registry::requirements(const QString &sessionId) const
{
    QList<RequirementInfo> list;
    const Session *session = findSession(sessionId);
    if (!session)
        return list;
    for (const QString &id : session->requirements) {
        const auto it = m_requirements.find(id);
        if (it != m_requirements.end()) {
            const Requirement &r = *it->second;
            list.append(RequirementInfo{r.id, r.sessionId, r.key, r.attributes});
        }
    }
    std::sort(list.begin(), list.end(),
              [](const RequirementInfo &a, const RequirementInfo &b) { return a.id < b.id; });
    return list;
}

std::optional<ProvisionInfo> Registry::provision(const QString &provisionId) const
{
    const auto it = m_provisions.find(provisionId);
    if (it == m_provisions.end())
        return std::nullopt;
    const Provision &p = *it->second;
    return ProvisionInfo{p.id, p.sessionId, p.key, p.address, p.attributes};
}

QList<Endpoint> Registry::endpoints(const Key &key) const
{
    QList<Endpoint> list;
    const auto it = m_buckets.constFind(key);
    if (it == m_buckets.constEnd())
        return list;
    for (const auto &[seq, provision] : it.value()->provisions)
        list.append(provision->endpoint());
    return list;
}

QList<Key> Registry::keys() const
{
    QList<Key> list = m_buckets.keys();
    std::sort(list.begin(), list.end());
    return list;
}

qsizetype Registry::sessionCount() const
{
    return qsizetype(m_sessions.size());
}

qsizetype Registry::provisionCount() const
{
    return qsizetype(m_provisions.size());
}

qsizetype Registry::requirementCount() const
{
    return qsizetype(m_requirements.size());
}

qsizetype Registry::pendingNotificationCount() const
{
    return m_pendingCount;
}

} // namespace Disco
