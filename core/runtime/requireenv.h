// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QMap>
#include <QString>

namespace Runtime {

/** One endpoint a requirement is bound to (a disco provision or a static address). */
struct ServiceEndpoint
{
    QString id; ///< the disco provision id; empty for static endpoints
    QString host;
    int port = 0;
    QMap<QString, QString> attributes;

    [[nodiscard]] QString hostPort() const;
    friend bool operator==(const ServiceEndpoint &, const ServiceEndpoint &) = default;
};

/** "mysql" → "MYSQL", "my-db.x" → "MY_DB_X": upper case, anything outside [A-Z0-9] → '_'. */
[[nodiscard]] QString requireVariableStem(const QString &requireName);

/**
 * The SCS_REQUIRE_* variables of one requirement (disco-protocol.md, "Container
 * manager environment"): SCS_REQUIRE_<N>=host:port of the first endpoint, _HOST,
 * _PORT, and _ENDPOINTS=host:port,... . With no endpoint the four variables are
 * present and empty, so a liveupdate learns that the endpoint went away.
 */
[[nodiscard]] QMap<QString, QString> requireEnvironment(const QString &requireName,
                                                        const QList<ServiceEndpoint> &endpoints);

} // namespace Runtime
