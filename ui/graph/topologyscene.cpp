// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "graph/topologyscene.h"

#include "graph/containeritem.h"
#include "graph/hostitem.h"
#include "graph/linkitem.h"
#include "graph/volumeitem.h"

#include <QEvent>

#include <algorithm>
#include <cmath>

namespace Ui {
namespace Graph {

using namespace Runtime;

namespace {
constexpr qreal HostGap = 90;
} // namespace

TopologyScene::TopologyScene(QObject *parent)
    : QGraphicsScene(parent)
{
    setItemIndexMethod(BspTreeIndex);
    connect(this, &QGraphicsScene::selectionChanged, this, &TopologyScene::handleSelectionChanged);
}

TopologyScene::~TopologyScene()
{
    clearItems();
}

void TopologyScene::setTopology(Topology *topology)
{
    if (m_topology == topology)
        return;
    if (m_topology)
        disconnect(m_topology, nullptr, this, nullptr);
    m_topology = topology;
    if (m_topology)
        connect(m_topology, &Topology::changed, this, &TopologyScene::handleTopologyChanged);
    rebuild();
}

HostItem *TopologyScene::hostItem(const QString &name) const
{
    return m_hosts.value(name);
}

ContainerItem *TopologyScene::containerItem(const QString &id) const
{
    return m_containers.value(id);
}

VolumeItem *TopologyScene::volumeItem(const QString &id) const
{
    return m_volumes.value(id);
}

LinkItem *TopologyScene::linkItem(const QString &id) const
{
    return m_links.value(id);
}

HostItem *TopologyScene::hostAt(const QPointF &scenePos) const
{
    HostItem *found = nullptr;
    for (HostItem *host : m_hosts) {
        if (host->sceneBoundingRect().contains(scenePos)) {
            if (!found || host->zValue() < found->zValue())
                found = host;
        }
    }
    return found;
}

QString TopologyScene::selectedContainerId() const
{
    return m_selectedContainer;
}

void TopologyScene::clearItems()
{
    m_waitingLinks.clear();
    m_dropTarget = nullptr;
    // Links first: they point at containers.
    qDeleteAll(m_links);
    m_links.clear();
    m_volumes.clear();
    m_containers.clear();
    qDeleteAll(m_hosts); // deletes the containers and volumes inside
    m_hosts.clear();
}

void TopologyScene::rebuild()
{
    clearItems();
    if (!m_topology)
        return;
    TopologyChange all;
    for (const HostInfo &host : m_topology->hosts())
        all.hostsAdded << host.name;
    for (const ContainerInfo &container : m_topology->containers())
        all.containersAdded << container.id;
    for (const VolumeInfo &volume : m_topology->volumes())
        all.volumesAdded << volume.id;
    for (const LinkInfo &link : m_topology->links())
        all.linksAdded << link.id;
    handleTopologyChanged(all);
}

HostItem *TopologyScene::ensureHost(const QString &name)
{
    if (HostItem *item = m_hosts.value(name))
        return item;
    // A container may name a host the topology does not list (yet): draw a placeholder.
    HostInfo info;
    info.name = name;
    if (m_topology) {
        if (const HostInfo *known = m_topology->host(name))
            info = *known;
    }
    auto *item = new HostItem(info);
    addItem(item);
    m_hosts.insert(name, item);
    return item;
}

void TopologyScene::handleTopologyChanged(const TopologyChange &change)
{
    if (!m_topology)
        return;
    QSet<HostItem *> dirtyHosts;
    QSet<ContainerItem *> dirtyContainers;
    const int hostsBefore = int(m_hosts.size());

    for (const QString &id : change.linksRemoved) {
        if (LinkItem *link = m_links.take(id)) {
            m_waitingLinks.remove(link->info().providerContainerId, link);
            delete link;
        }
    }
    for (const QString &id : change.volumesRemoved) {
        if (VolumeItem *volume = m_volumes.take(id)) {
            if (auto *container = qgraphicsitem_cast<ContainerItem *>(volume->parentItem())) {
                dirtyContainers.insert(container);
                delete volume;
            } else {
                delete volume;
            }
        }
    }
    for (const QString &id : change.containersRemoved) {
        if (ContainerItem *container = m_containers.value(id))
            dirtyContainers.remove(container);
        removeContainerItem(id, dirtyHosts);
    }
    for (const QString &name : change.hostsRemoved) {
        HostItem *host = m_hosts.value(name);
        if (!host)
            continue;
        for (ContainerItem *container : host->containerItems()) {
            dirtyContainers.remove(container);
            removeContainerItem(container->id(), dirtyHosts);
        }
        m_hosts.remove(name);
        dirtyHosts.remove(host);
        if (m_dropTarget == host)
            m_dropTarget = nullptr;
        delete host;
    }

    for (const QStringList *names : {&change.hostsAdded, &change.hostsUpdated}) {
        for (const QString &name : *names) {
            if (const HostInfo *info = m_topology->host(name))
                ensureHost(name)->setInfo(*info);
        }
    }
    for (const QStringList *ids : {&change.containersAdded, &change.containersUpdated}) {
        for (const QString &id : *ids) {
            if (const ContainerInfo *info = m_topology->container(id))
                addOrUpdateContainer(*info, dirtyHosts);
        }
    }
    for (const QStringList *ids : {&change.volumesAdded, &change.volumesUpdated}) {
        for (const QString &id : *ids) {
            if (const VolumeInfo *info = m_topology->volume(id))
                addOrUpdateVolume(*info, dirtyContainers);
        }
    }
    for (const QStringList *ids : {&change.linksAdded, &change.linksUpdated}) {
        for (const QString &id : *ids) {
            if (const LinkInfo *info = m_topology->link(id))
                addOrUpdateLink(*info);
        }
    }

    relayout(dirtyContainers, dirtyHosts, int(m_hosts.size()) != hostsBefore);
    emit topologyApplied();
}

void TopologyScene::addOrUpdateContainer(const ContainerInfo &info, QSet<HostItem *> &dirtyHosts)
{
    HostItem *host = ensureHost(info.host);
    ContainerItem *item = m_containers.value(info.id);
    if (!item) {
        item = new ContainerItem(info);
        if (m_lowDetail)
            item->setCacheMode(QGraphicsItem::NoCache);
        item->setParentItem(host);
        m_containers.insert(info.id, item);
        dirtyHosts.insert(host);
        resolveWaitingLinks(info.id, item);
        return;
    }
    if (item->hostItem() != host) {
        if (HostItem *old = item->hostItem())
            dirtyHosts.insert(old);
        item->setParentItem(host);
        dirtyHosts.insert(host);
    }
    item->setInfo(info);
}

void TopologyScene::addOrUpdateVolume(const VolumeInfo &info, QSet<ContainerItem *> &dirty)
{
    ContainerItem *container = m_containers.value(info.containerId);
    VolumeItem *item = m_volumes.value(info.id);
    if (!container) {
        // A volume without a drawn container has nowhere to go.
        if (item) {
            m_volumes.remove(info.id);
            delete item;
        }
        return;
    }
    if (!item) {
        item = new VolumeItem(info);
        if (m_lowDetail)
            item->setCacheMode(QGraphicsItem::NoCache);
        item->setParentItem(container);
        m_volumes.insert(info.id, item);
        dirty.insert(container);
        return;
    }
    if (item->parentItem() != container) {
        if (auto *old = qgraphicsitem_cast<ContainerItem *>(item->parentItem()))
            dirty.insert(old);
        item->setParentItem(container);
        dirty.insert(container);
    }
    item->setInfo(info);
}

void TopologyScene::addOrUpdateLink(const LinkInfo &info)
{
    LinkItem *item = m_links.value(info.id);
    if (!item) {
        item = new LinkItem(info);
        addItem(item);
        m_links.insert(info.id, item);
    } else {
        m_waitingLinks.remove(item->info().providerContainerId, item);
        item->setInfo(info);
    }
    ContainerItem *provider = nullptr;
    if (!info.providerContainerId.isEmpty()) {
        provider = m_containers.value(info.providerContainerId);
        if (!provider)
            m_waitingLinks.insert(info.providerContainerId, item);
    }
    item->setEnds(m_containers.value(info.containerId), provider);
}

void TopologyScene::resolveWaitingLinks(const QString &providerId, ContainerItem *provider)
{
    const QList<LinkItem *> waiting = m_waitingLinks.values(providerId);
    m_waitingLinks.remove(providerId);
    for (LinkItem *link : waiting)
        link->setEnds(link->dependent() ? link->dependent()
                                        : m_containers.value(link->info().containerId),
                      provider);
}

void TopologyScene::removeContainerItem(const QString &id, QSet<HostItem *> &dirtyHosts)
{
    ContainerItem *item = m_containers.take(id);
    if (!item)
        return;
    const QList<LinkItem *> links = item->links();
    for (LinkItem *link : links) {
        link->setMoving(false); // removed while dragged: no release will end it
        const bool wasProvider = link->provider() == item;
        link->setEnds(link->dependent() == item ? nullptr : link->dependent(),
                      wasProvider ? nullptr : link->provider());
        if (wasProvider && link->info().providerContainerId == id)
            m_waitingLinks.insert(id, link);
    }
    for (VolumeItem *volume : item->volumeItems())
        m_volumes.remove(volume->id());
    if (HostItem *host = item->hostItem())
        dirtyHosts.insert(host);
    if (m_selectedContainer == id)
        m_selectedContainer.clear();
    delete item;
}

void TopologyScene::relayout(const QSet<ContainerItem *> &dirtyContainers,
                             QSet<HostItem *> dirtyHosts, bool hostsChanged)
{
    for (ContainerItem *container : dirtyContainers) {
        if (container->layoutVolumes()) {
            if (HostItem *host = container->hostItem())
                dirtyHosts.insert(host);
            for (LinkItem *link : container->links())
                link->adjust();
        }
    }
    for (HostItem *host : dirtyHosts) {
        if (host->layoutContainers())
            hostsChanged = true;
    }
    if (hostsChanged)
        layoutHosts(false);
}

void TopologyScene::autoLayout()
{
    for (HostItem *host : std::as_const(m_hosts))
        host->setPlacedByUser(false);
    layoutHosts(true);
}

void TopologyScene::layoutHosts(bool force)
{
    QList<HostItem *> hosts = m_hosts.values();
    std::sort(hosts.begin(), hosts.end(),
              [](const HostItem *a, const HostItem *b) { return a->name() < b->name(); });
    const int count = int(hosts.size());
    const int columns = count <= 4 ? std::max(count, 1) : int(std::ceil(std::sqrt(count * 1.0)));
    qreal y = 0;
    for (int rowStart = 0; rowStart < count; rowStart += columns) {
        qreal x = 0;
        qreal rowHeight = 0;
        for (int i = rowStart; i < std::min(count, rowStart + columns); ++i) {
            HostItem *host = hosts[i];
            if (force || !host->isPlacedByUser())
                host->setPos(x, y);
            const QRectF bounds = host->boundingRect();
            x += bounds.width() + HostGap;
            rowHeight = std::max(rowHeight, bounds.height());
        }
        y += rowHeight + HostGap;
    }
    updateSceneRect();
}

void TopologyScene::updateSceneRect()
{
    QRectF bounds;
    for (HostItem *host : std::as_const(m_hosts))
        bounds |= host->sceneBoundingRect();
    if (bounds.isNull())
        bounds = QRectF(0, 0, 400, 300);
    setSceneRect(bounds.adjusted(-HostGap, -HostGap, HostGap * 2, HostGap));
}

void TopologyScene::setLowDetail(bool low)
{
    if (m_lowDetail == low)
        return;
    m_lowDetail = low;
    // Zoomed out, a box is two plain rectangles: drawing them is cheaper than looking up
    // and blitting a cached pixmap per item. Zoomed in, text makes the cache pay.
    const auto mode = low ? QGraphicsItem::NoCache : QGraphicsItem::DeviceCoordinateCache;
    for (ContainerItem *item : std::as_const(m_containers))
        item->setCacheMode(mode);
    for (VolumeItem *item : std::as_const(m_volumes))
        item->setCacheMode(mode);
}

void TopologyScene::noteLinksChanged(const QRectF &sceneRect)
{
    ++m_linksGeneration;
    // Bounded: a view further behind than this redraws its whole layer, which then costs
    // no more than drawing this many pieces of it.
    constexpr qsizetype MaxDamage = 256;
    if (m_linkDamage.size() == MaxDamage)
        m_linkDamage.removeFirst();
    m_linkDamage.append(sceneRect);
    if (m_linksDrawnByView && !sceneRect.isEmpty())
        update(sceneRect);
}

bool TopologyScene::linksChangedSince(quint64 generation, QList<QRectF> *sceneRects) const
{
    const quint64 behind = m_linksGeneration - generation;
    if (generation > m_linksGeneration || behind > quint64(m_linkDamage.size()))
        return false;
    sceneRects->clear();
    for (qsizetype i = m_linkDamage.size() - qsizetype(behind); i < m_linkDamage.size(); ++i) {
        if (!m_linkDamage[i].isEmpty())
            sceneRects->append(m_linkDamage[i]);
    }
    return true;
}

void TopologyScene::handleContainerDragged(ContainerItem *item, const QPointF &scenePos)
{
    HostItem *target = hostAt(scenePos);
    if (target == item->hostItem())
        target = nullptr;
    if (target == m_dropTarget)
        return;
    if (m_dropTarget)
        m_dropTarget->setDropTarget(false);
    m_dropTarget = target;
    if (m_dropTarget)
        m_dropTarget->setDropTarget(true);
}

void TopologyScene::handleContainerDropped(ContainerItem *item, const QPointF &scenePos)
{
    if (m_dropTarget) {
        m_dropTarget->setDropTarget(false);
        m_dropTarget = nullptr;
    }
    HostItem *target = hostAt(scenePos);
    if (!target || target == item->hostItem())
        return;
    emit moveRequested(item->id(), target->name());
}

void TopologyScene::handleSelectionChanged()
{
    QString selected;
    const QList<QGraphicsItem *> items = selectedItems();
    for (QGraphicsItem *graphicsItem : items) {
        if (auto *container = qgraphicsitem_cast<ContainerItem *>(graphicsItem)) {
            selected = container->id();
            break;
        }
    }
    if (selected == m_selectedContainer)
        return;
    m_selectedContainer = selected;
    emit containerSelected(selected);
}

bool TopologyScene::event(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        // Cached pixmaps hold the old colours.
        const QList<QGraphicsItem *> all = items();
        for (QGraphicsItem *item : all)
            item->update();
    }
    return QGraphicsScene::event(event);
}

} // namespace Graph
} // namespace Ui
