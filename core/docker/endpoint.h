// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Docker {

/** Client certificate files for a Docker endpoint behind TLS (tcp://host:2376). */
struct TlsFiles
{
    QString caFile;
    QString certFile;
    QString keyFile;
    bool verifyPeer = true;

    [[nodiscard]] bool isEnabled() const { return !caFile.isEmpty() || !certFile.isEmpty(); }
};

/**
 * Where a Docker engine listens, parsed from a DOCKER_HOST-style address:
 * `unix:///var/run/docker.sock`, `tcp://host:2375`, `tcp://host:2376` (+ TlsFiles),
 * `ssh://user@host[:port]`.
 */
struct Endpoint
{
    enum class Kind { Unix, Tcp, Ssh };

    Kind kind = Kind::Unix;
    QString socketPath; ///< Unix: the socket file
    QString host;       ///< Tcp and Ssh
    int port = 0;       ///< Tcp: 2375 by default (2376 with TLS); Ssh: 0 = ssh's default
    QString user;       ///< Ssh: the remote user, empty = ssh's default
    TlsFiles tls;       ///< Tcp only

    /** Parses \p address; TLS files are set separately (they are not part of the address). */
    [[nodiscard]] static Scs::Result<Endpoint> parse(const QString &address);

    /** The address in the form parse() reads. */
    [[nodiscard]] QString toString() const;
};

/**
 * The ssh command line that reaches the engine of an Ssh endpoint through its stdio
 * (`ssh -o BatchMode=yes [-p PORT] -- [user@]host docker system dial-stdio`).
 * The first element is \p program.
 */
[[nodiscard]] QStringList sshDialCommand(const Endpoint &endpoint,
                                         const QString &program = QStringLiteral("ssh"));

/** One Docker host as the client sees it: a name for messages, and how to reach it. */
struct HostConfig
{
    QString name = QStringLiteral("local");
    Endpoint endpoint;
    /** Timeout of ordinary calls; streams (events, logs follow, build) have none. */
    int timeoutMs = 30000;
    int connectTimeoutMs = 5000;
    /** The ssh program for Ssh endpoints (tests point it at a stand-in). */
    QString sshProgram = QStringLiteral("ssh");

    /** A HostConfig named \p name for \p address; fails on an unparsable address. */
    [[nodiscard]] static Scs::Result<HostConfig> fromAddress(const QString &name,
                                                             const QString &address);
};

} // namespace Docker

Q_DECLARE_METATYPE(Docker::Endpoint)
Q_DECLARE_METATYPE(Docker::HostConfig)
