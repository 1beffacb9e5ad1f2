// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "topology.h"

#include "runtimetr.h"

#include <QTimer>

namespace Runtime {

namespace {

QStringList &listFor(TopologyChange &change, int kind, int which)
{
    // which: 0 added, 1 updated, 2 removed
    QStringList *table[4][3] = {
        {&change.hostsAdded, &change.hostsUpdated, &change.hostsRemoved},
        {&change.containersAdded, &change.containersUpdated, &change.containersRemoved},
        {&change.volumesAdded, &change.volumesUpdated, &change.volumesRemoved},
        {&change.linksAdded, &change.linksUpdated, &change.linksRemoved},
    };
    return *table[kind][which];
}

template<typename Map>
QList<typename Map::mapped_type> valuesOf(const Map &map)
{
    return QList<typename Map::mapped_type>(map.cbegin(), map.cend());
}

} // namespace

bool TopologyChange::isEmpty() const
{
    for (const QStringList *list :
         {&hostsAdded, &hostsUpdated, &hostsRemoved, &containersAdded, &containersUpdated,
          &containersRemoved, &volumesAdded, &volumesUpdated, &volumesRemoved, &linksAdded,
          &linksUpdated, &linksRemoved}) {
        if (!list->isEmpty())
            return false;
    }
    return true;
}

Topology::Topology(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Runtime::TopologyChange>();
}

Topology::~Topology() = default;

void Topology::setHost(const HostInfo &host)
{
    auto it = m_hosts.find(host.name);
    if (it == m_hosts.end()) {
        m_hosts.insert(host.name, host);
        noteAdded(Kind::Host, host.name);
    } else if (!(*it == host)) {
        *it = host;
        noteUpdated(Kind::Host, host.name);
    }
}

void Topology::removeHost(const QString &name)
{
    if (!m_hosts.contains(name))
        return;
    for (const ContainerInfo &container : containersOn(name))
        removeContainer(container.id);
    m_hosts.remove(name);
    noteRemoved(Kind::Host, name);
}

void Topology::setContainer(const ContainerInfo &container)
{
    auto it = m_containers.find(container.id);
    if (it == m_containers.end()) {
        m_containers.insert(container.id, container);
        noteAdded(Kind::Container, container.id);
    } else if (!(*it == container)) {
        *it = container;
        noteUpdated(Kind::Container, container.id);
    }
}

void Topology::removeContainer(const QString &id)
{
    if (!m_containers.contains(id))
        return;
    for (const VolumeInfo &volume : volumesOf(id))
        removeVolume(volume.id);
    for (const LinkInfo &link : linksOf(id))
        removeLink(link.id);
    // Links of others that pointed at this container become unresolved, not removed:
    // the dependent still requires the service.
    for (auto it = m_links.begin(); it != m_links.end(); ++it) {
        if (it->providerContainerId == id) {
            it->providerContainerId.clear();
            noteUpdated(Kind::Link, it.key());
        }
    }
    m_containers.remove(id);
    noteRemoved(Kind::Container, id);
}

void Topology::setVolume(const VolumeInfo &volume)
{
    auto it = m_volumes.find(volume.id);
    if (it == m_volumes.end()) {
        m_volumes.insert(volume.id, volume);
        noteAdded(Kind::Volume, volume.id);
    } else if (!(*it == volume)) {
        *it = volume;
        noteUpdated(Kind::Volume, volume.id);
    }
}

void Topology::removeVolume(const QString &id)
{
    if (m_volumes.remove(id) > 0)
        noteRemoved(Kind::Volume, id);
}

void Topology::setLink(const LinkInfo &link)
{
    auto it = m_links.find(link.id);
    if (it == m_links.end()) {
        m_links.insert(link.id, link);
        noteAdded(Kind::Link, link.id);
    } else if (!(*it == link)) {
        *it = link;
        noteUpdated(Kind::Link, link.id);
    }
}

void Topology::removeLink(const QString &id)
{
    if (m_links.remove(id) > 0)
        noteRemoved(Kind::Link, id);
}

void Topology::clear()
{
    for (const QString &name : m_hosts.keys())
        removeHost(name);
    // Containers whose host was never declared.
    for (const QString &id : m_containers.keys())
        removeContainer(id);
    for (const QString &id : m_volumes.keys())
        removeVolume(id);
    for (const QString &id : m_links.keys())
        removeLink(id);
}

QList<HostInfo> Topology::hosts() const
{
    return valuesOf(m_hosts);
}

QList<ContainerInfo> Topology::containers() const
{
    return valuesOf(m_containers);
}

QList<VolumeInfo> Topology::volumes() const
{
    return valuesOf(m_volumes);
}

QList<LinkInfo> Topology::links() const
{
    return valuesOf(m_links);
}

const HostInfo *Topology::host(const QString &name) const
{
    const auto it = m_hosts.constFind(name);
    return it == m_hosts.cend() ? nullptr : &*it;
}

const ContainerInfo *Topology::container(const QString &id) const
{
    const auto it = m_containers.constFind(id);
    return it == m_containers.cend() ? nullptr : &*it;
}

const VolumeInfo *Topology::volume(const QString &id) const
{
    const auto it = m_volumes.constFind(id);
    return it == m_volumes.cend() ? nullptr : &*it;
}

const LinkInfo *Topology::link(const QString &id) const
{
    const auto it = m_links.constFind(id);
    return it == m_links.cend() ? nullptr : &*it;
}

QList<ContainerInfo> Topology::containersOn(const QString &hostName) const
{
    QList<ContainerInfo> result;
    for (const ContainerInfo &container : m_containers) {
        if (container.host == hostName)
            result.append(container);
    }
    return result;
}

QList<VolumeInfo> Topology::volumesOf(const QString &containerId) const
{
    QList<VolumeInfo> result;
    for (const VolumeInfo &volume : m_volumes) {
        if (volume.containerId == containerId)
            result.append(volume);
    }
    return result;
}

QList<LinkInfo> Topology::linksOf(const QString &containerId) const
{
    QList<LinkInfo> result;
    for (const LinkInfo &link : m_links) {
        if (link.containerId == containerId)
            result.append(link);
    }
    return result;
}

void Topology::noteAdded(Kind kind, const QString &id)
{
    const int k = int(kind);
    // Removed then added again in one batch: observers see an update of the same id.
    if (listFor(m_pending, k, 2).removeAll(id) > 0)
        listFor(m_pending, k, 1).append(id);
    else
        listFor(m_pending, k, 0).append(id);
    scheduleFlush();
}

void Topology::noteUpdated(Kind kind, const QString &id)
{
    const int k = int(kind);
    if (!listFor(m_pending, k, 0).contains(id) && !listFor(m_pending, k, 1).contains(id))
        listFor(m_pending, k, 1).append(id);
    scheduleFlush();
}

void Topology::noteRemoved(Kind kind, const QString &id)
{
    const int k = int(kind);
    listFor(m_pending, k, 1).removeAll(id);
    // Added and removed within one batch: observers never saw it.
    if (listFor(m_pending, k, 0).removeAll(id) == 0)
        listFor(m_pending, k, 2).append(id);
    scheduleFlush();
}

void Topology::scheduleFlush()
{
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    QTimer::singleShot(0, this, &Topology::flush);
}

void Topology::flush()
{
    m_flushScheduled = false;
    if (m_pending.isEmpty())
        return;
    const TopologyChange change = std::exchange(m_pending, TopologyChange{});
    emit changed(change);
}

QString toString(HostHealth health)
{
    switch (health) {
    case HostHealth::Unknown:
        return Tr::tr("unknown");
    case HostHealth::Up:
        return Tr::tr("up");
    case HostHealth::Down:
        return Tr::tr("down");
    }
    return {};
}

QString toString(ContainerState state)
{
    switch (state) {
    case ContainerState::Planned:
        return Tr::tr("planned");
    case ContainerState::Loading:
        return Tr::tr("loading");
    case ContainerState::Starting:
        return Tr::tr("starting");
    case ContainerState::Running:
        return Tr::tr("running");
    case ContainerState::Stopping:
        return Tr::tr("stopping");
    case ContainerState::Stopped:
        return Tr::tr("stopped");
    case ContainerState::Exited:
        return Tr::tr("exited");
    case ContainerState::Failed:
        return Tr::tr("failed");
    }
    return {};
}

QString toString(ContainerHealth health)
{
    switch (health) {
    case ContainerHealth::None:
        return Tr::tr("no health check");
    case ContainerHealth::Starting:
        return Tr::tr("starting");
    case ContainerHealth::Healthy:
        return Tr::tr("healthy");
    case ContainerHealth::Unhealthy:
        return Tr::tr("unhealthy");
    }
    return {};
}

QString toString(LinkState state)
{
    switch (state) {
    case LinkState::Unresolved:
        return Tr::tr("unresolved");
    case LinkState::Bound:
        return Tr::tr("bound");
    case LinkState::LiveUpdateRunning:
        return Tr::tr("liveupdate running");
    case LinkState::LiveUpdateFailed:
        return Tr::tr("liveupdate failed");
    }
    return {};
}

} // namespace Runtime
