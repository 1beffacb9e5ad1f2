// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "runtime/topology.h"

#include <QDateTime>

/**
 * Fills a Runtime::Topology the way the container manager does for the example
 * stack (WordPress + MySQL master + replica) on three hosts, and the large
 * synthetic stacks the benchmark uses.
 */
namespace TopologyFixture {

inline Runtime::HostInfo host(const QString &name, const QString &address, const QString &zone)
{
    Runtime::HostInfo info;
    info.name = name;
    info.address = address;
    info.dockerEndpoint = QStringLiteral("tcp://%1:2375").arg(address);
    info.attributes.insert(QStringLiteral("zone"), zone);
    info.health = Runtime::HostHealth::Up;
    info.engineVersion = QStringLiteral("20.10.24");
    return info;
}

inline Runtime::ContainerInfo container(const QString &role, const QString &host,
                                        const QString &address, const QString &provide, int port)
{
    Runtime::ContainerInfo info;
    info.id = role + u'@' + host;
    info.role = role;
    info.host = host;
    info.dockerId = QStringLiteral("c0ffee%1").arg(qHash(info.id) % 100000);
    info.image
        = QStringLiteral("scs/%1:3f2a9c1d0b7e")
              .arg(role.startsWith(QStringLiteral("mysql")) ? QStringLiteral("mysql") : role);
    info.state = Runtime::ContainerState::Running;
    info.health = Runtime::ContainerHealth::Healthy;
    if (!provide.isEmpty())
        info.endpoints.append({provide, address, port});
    return info;
}

inline Runtime::VolumeInfo volume(const QString &containerId, const QString &name,
                                  const QString &mountPath)
{
    return Runtime::VolumeInfo{containerId + u'/' + name,
                               containerId,
                               name,
                               QStringLiteral("local"),
                               QStringLiteral("/var/lib/scs/volumes/") + containerId + u'/' + name,
                               mountPath};
}

inline Runtime::LinkInfo link(const QString &containerId, const QString &require,
                              const Runtime::ContainerInfo &provider)
{
    Runtime::LinkInfo info;
    info.id = containerId + u'/' + require;
    info.containerId = containerId;
    info.requireName = require;
    info.providerContainerId = provider.id;
    if (!provider.endpoints.isEmpty())
        info.boundTo = provider.endpoints.first();
    info.state = Runtime::LinkState::Bound;
    return info;
}

/** The example stack on three hosts, as it runs after `Start`. */
inline void fillExampleStack(Runtime::Topology &topology)
{
    topology.setHost(
        host(QStringLiteral("db-1"), QStringLiteral("10.231.0.1"), QStringLiteral("eu-west-1a")));
    topology.setHost(
        host(QStringLiteral("db-2"), QStringLiteral("10.231.0.2"), QStringLiteral("eu-west-1b")));
    topology.setHost(
        host(QStringLiteral("web-1"), QStringLiteral("10.231.0.3"), QStringLiteral("eu-west-1a")));
    const auto master = container(QStringLiteral("mysqlmaster"), QStringLiteral("db-1"),
                                  QStringLiteral("10.231.0.1"), QStringLiteral("mysql"), 3306);
    const auto replica = container(QStringLiteral("mysqlslave"), QStringLiteral("db-2"),
                                   QStringLiteral("10.231.0.2"), QStringLiteral("mysql"), 3306);
    const auto wordpress = container(QStringLiteral("wordpress"), QStringLiteral("web-1"),
                                     QStringLiteral("10.231.0.3"), QStringLiteral("http"), 8080);
    topology.setContainer(master);
    topology.setContainer(replica);
    topology.setContainer(wordpress);
    topology.setVolume(volume(master.id, QStringLiteral("data"), QStringLiteral("/var/lib/mysql")));
    topology.setVolume(
        volume(replica.id, QStringLiteral("data"), QStringLiteral("/var/lib/mysql")));
    topology.setVolume(volume(wordpress.id, QStringLiteral("uploads"),
                              QStringLiteral("/var/lib/wordpress/wp-content/uploads")));
    topology.setLink(link(wordpress.id, QStringLiteral("mysql"), master));
    Runtime::LinkInfo replication = link(replica.id, QStringLiteral("mysql"), master);
    replication.liveUpdates.append({QDateTime::currentDateTimeUtc(), 0,
                                    QStringLiteral("CHANGE MASTER TO MASTER_HOST='10.231.0.1'")});
    topology.setLink(replication);
    topology.flush(); // observers attached later see the state, not a stale batch
}

/**
 * \p hosts hosts with \p containersPerHost containers each; every container but the
 * first on a host requires the first one, and every container has a volume.
 */
inline void fillLarge(Runtime::Topology &topology, int hosts, int containersPerHost)
{
    for (int h = 0; h < hosts; ++h) {
        const QString name = QStringLiteral("host-%1").arg(h, 2, 10, QLatin1Char('0'));
        const QString address = QStringLiteral("10.231.0.%1").arg(h + 1);
        topology.setHost(host(name, address, QStringLiteral("zone-%1").arg(h % 3)));
        Runtime::ContainerInfo first;
        for (int c = 0; c < containersPerHost; ++c) {
            const QString role = QStringLiteral("role%1").arg(c, 3, 10, QLatin1Char('0'));
            auto info = container(role, name, address, QStringLiteral("svc"), 20000 + c);
            topology.setContainer(info);
            topology.setVolume(volume(info.id, QStringLiteral("data"), QStringLiteral("/data")));
            if (c == 0)
                first = info;
            else
                topology.setLink(link(info.id, QStringLiteral("svc"), first));
        }
    }
    topology.flush();
}

} // namespace TopologyFixture
