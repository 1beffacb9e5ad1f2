// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"

#include <QHashFunctions>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

#include <optional>
#include <tuple>

namespace Disco {

/** The default addresses of the three listeners (disco-protocol.md). */
inline constexpr quint16 DefaultPort = 9640;
inline constexpr quint16 DefaultHttpPort = 9641;
inline constexpr quint16 DefaultDnsPort = 9653;

/** A lookup key: environment/service/role/endpoint. */
struct Key
{
    QString environment;
    QString service;
    QString role;
    QString endpoint;

    /** "dev/blog/mysqlmaster/mysql". */
    [[nodiscard]] QString toString() const;
    /** Parses "env/service/role/endpoint" (exactly four non-empty parts). */
    [[nodiscard]] static Scs::Result<Key> fromString(const QString &text);

    friend bool operator==(const Key &, const Key &) = default;
    friend bool operator<(const Key &a, const Key &b)
    {
        return std::tie(a.environment, a.service, a.role, a.endpoint)
               < std::tie(b.environment, b.service, b.role, b.endpoint);
    }
};

inline size_t qHash(const Key &key, size_t seed = 0)
{
    return qHashMulti(seed, key.environment, key.service, key.role, key.endpoint);
}

struct Address
{
    QString host;
    int port = 0;

    /** "host:port" ("[v6]:port" for IPv6 literals). */
    [[nodiscard]] QString toString() const;
    friend bool operator==(const Address &, const Address &) = default;
};

/** One provision as the protocol shows it: `{"id", "address", "attributes"}`. */
struct Endpoint
{
    QString id;
    Address address;
    QMap<QString, QString> attributes;

    [[nodiscard]] QJsonObject toJson() const;
    /** Parses the protocol's `<endpoint>` object. */
    [[nodiscard]] static Scs::Result<Endpoint> fromJson(const QJsonObject &object);
    friend bool operator==(const Endpoint &, const Endpoint &) = default;
};

enum class Action { Add, Drop };

[[nodiscard]] QString actionName(Action action);

/** What a client offers: `provision.add`. */
struct ProvisionSpec
{
    Key key;
    Address address;
    QMap<QString, QString> attributes;
};

/** What a client looks for: `requirement.add`; attributes map a key to an ECMAScript regex. */
struct RequirementSpec
{
    Key key;
    QMap<QString, QString> attributes;
};

/**
 * How long a dropper waits for the notified clients' acknowledgements
 * (`wait` of `provision.drop` and `registry.leave`).
 */
struct Wait
{
    enum class Mode {
        None,       ///< `wait: null`: answer {"ack": true} at once
        UntilAcked, ///< `wait: 0` (the default): answer {"timed_out": false} when all acked
        Bounded,    ///< `wait > 0`: as UntilAcked, or {"timed_out": true} after `seconds`
    };
    Mode mode = Mode::UntilAcked;
    double seconds = 0;
};

// Value types the server's signals carry (the dashboard's discovery timeline).

struct SessionInfo
{
    QString id;
    QJsonObject attributes;
    double timeout = 0;
    bool attached = false;
    QString remote; ///< "ip:port" of the bound socket, empty while detached
};

struct ProvisionInfo
{
    QString id;
    QString sessionId;
    Key key;
    Address address;
    QMap<QString, QString> attributes;

    [[nodiscard]] Endpoint endpoint() const { return Endpoint{id, address, attributes}; }
};

struct RequirementInfo
{
    QString id;
    QString sessionId;
    Key key;
    QMap<QString, QString> attributes;
    /**
     * In Server::requirementAdded: the endpoints that matched at once, which the answer
     * to requirement.add carries (no notification, so nothing to acknowledge). Empty in
     * Registry::requirements().
     */
    QList<Endpoint> endpoints;
};

struct NotificationInfo
{
    QString sessionId; ///< the subscriber
    QString requirementId;
    QString msgid;
    Action action = Action::Add;
    QList<Endpoint> endpoints;
};

} // namespace Disco

Q_DECLARE_METATYPE(Disco::Key)
Q_DECLARE_METATYPE(Disco::Endpoint)
Q_DECLARE_METATYPE(Disco::SessionInfo)
Q_DECLARE_METATYPE(Disco::ProvisionInfo)
Q_DECLARE_METATYPE(Disco::RequirementInfo)
Q_DECLARE_METATYPE(Disco::NotificationInfo)
