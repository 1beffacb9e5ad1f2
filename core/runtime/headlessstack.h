// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "containermanager.h"
#include "topology.h"

#include <QObject>
#include <QString>

#include <functional>

namespace Disco {
class Server;
}

namespace Runtime {

/**
 * A stack opened by a headless tool (the `scs` verbs): compiled from its files, with a
 * ContainerManager on its hosts and a disco server to talk to.
 *
 * The disco server is the one at the hosts file's `disco.address` if it answers a ping
 * within a second. Otherwise one is started in this process for as long as it runs (on
 * that port when the address is a loopback one, else on a free loopback port): the
 * registrations then last only as long as the command, which is right for a laptop and
 * for tests; production points `disco.address` at a `scs disco serve` that outlives it.
 *
 * Containers' disco sessions outlive the process by sessionTimeout seconds (default 30
 * days), so what `scs up` registered stays registered after it exits, and a later `scs
 * down`/`scs move` ends those sessions (they are named in the containers' labels).
 */
class HeadlessStack final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeadlessStack)

public:
    static constexpr double DefaultSessionTimeout = 30.0 * 24 * 3600;

    explicit HeadlessStack(QObject *parent = nullptr);
    ~HeadlessStack() override;

    /** Compiles \p stackFile against \p hostsFile (empty: the implicit local host). */
    [[nodiscard]] Scs::Result<void> open(const QString &stackFile, const QString &hostsFile,
                                         double sessionTimeout = DefaultSessionTimeout);
    /**
     * Finds the disco server, or starts one when \p startOwnServer (else the manager is told
     * that none is available), then gives the manager its stack; async.
     */
    void connect(std::function<void(Scs::Result<void>)> done, bool startOwnServer = true);

    /** The host that builds missing images (see ContainerManager::Options::buildHost). */
    void setBuildHost(const QString &host) { m_buildHost = host; }

    [[nodiscard]] ContainerManager *manager() const { return m_manager; }
    [[nodiscard]] Topology *topology() const { return m_topology; }
    [[nodiscard]] const Manifest::CompiledStack &stack() const { return m_stack; }
    /** True when this process runs its own disco server (none answered). */
    [[nodiscard]] bool ownsDiscoServer() const { return m_server != nullptr; }
    [[nodiscard]] QString discoAddress() const;

signals:
    void message(const QString &text);

private:
    void startOwnServer(std::function<void(Scs::Result<void>)> done);
    void finishConnect(std::function<void(Scs::Result<void>)> done, bool discoAvailable = true);

    Topology *m_topology;
    ContainerManager *m_manager;
    Manifest::CompiledStack m_stack;
    Disco::Server *m_server = nullptr;
    QString m_discoHost;
    quint16 m_discoPort = 9640;
    double m_sessionTimeout = DefaultSessionTimeout;
    QString m_buildHost;
};

/** Splits "host:port" ("[v6]:port"); fails with a message naming \p text. */
[[nodiscard]] Scs::Result<QPair<QString, quint16>> parseHostPort(const QString &text);

} // namespace Runtime
