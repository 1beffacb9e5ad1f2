// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "manifest/compiled.h"
#include "manifest/diagnostics.h"
#include "manifest/node.h"

#include <QList>
#include <QMap>
#include <QString>

namespace Manifest {

/** A hosts file: which Docker hosts an environment has and what runs where (§3). */
struct HostsFile
{
    QString path; // absolute; empty for the implicit local host
    QString environment;
    QString discoAddress; // host:port
    Origin discoOrigin;
    QList<CompiledHost> hosts; // sorted by name
    QMap<QString, Origin> hostOrigins;
    QMap<QString, QString> placement; // role -> host
    QMap<QString, Origin> placementOrigins;
    Origin placementOrigin;
    Node tree;

    [[nodiscard]] const CompiledHost *host(const QString &name) const;
    [[nodiscard]] QStringList hostNames() const;

    [[nodiscard]] static Scs::Result<HostsFile> load(const QString &path);
    [[nodiscard]] static HostsFile fromNode(const Node &root, const QString &path,
                                            Diagnostics &diagnostics);
    /**
     * The environment used when no hosts file is given: "dev", one host "local"
     * at unix:///var/run/docker.sock, 127.0.0.1, disco at 127.0.0.1:9640, every
     * role placed on it.
     */
    [[nodiscard]] static HostsFile implicitLocal(const QStringList &roles);
};

/** The default disco port (disco-protocol.md). */
inline constexpr int kDefaultDiscoPort = 9640;

} // namespace Manifest
