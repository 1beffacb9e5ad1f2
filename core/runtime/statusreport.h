// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>

#include <optional>

namespace Runtime {

/** One row of `scs ps`: a role's container and how it is wired. */
struct StatusRow
{
    struct Endpoint
    {
        QString name; ///< the provide (or require) name
        QString host; ///< empty for an unbound require
        int port = 0;
        friend bool operator==(const Endpoint &, const Endpoint &) = default;
    };

    QString role;
    QString host;                 ///< host name from the hosts file
    QString state;                ///< running, exited, missing, ...
    QString health;               ///< healthy, starting, unhealthy, none
    QList<Endpoint> endpoints;    ///< published provides
    QList<Endpoint> requirements; ///< what each require is bound to (host empty: unbound)

    friend bool operator==(const StatusRow &, const StatusRow &) = default;
};

/**
 * The `scs ps --json` document: an array of
 * {role, host, state, health, endpoints: [{name, address: {host, port}}],
 *  requires: [{name, address: {host, port} | null}]}.
 */
[[nodiscard]] QJsonArray statusToJson(const QList<StatusRow> &rows);

/** The `scs ps` table: aligned columns with a header line, one line per row. */
[[nodiscard]] QString statusToTable(const QList<StatusRow> &rows);

} // namespace Runtime
