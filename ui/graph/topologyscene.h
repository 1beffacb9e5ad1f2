// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "runtime/topology.h"

#include <QGraphicsScene>
#include <QHash>
#include <QPointer>
#include <QSet>

namespace Ui {
namespace Graph {

class ContainerItem;
class HostItem;
class LinkItem;
class VolumeItem;

/**
 * The live graph of a Runtime::Topology: one item per host, container, volume and
 * link, kept in step with the topology's batched changed() signal. Each batch
 * touches only the items it names and re-lays out only the hosts whose content
 * changed. Like diagramscene's DiagramScene, it reports what the user did as
 * signals; the main window decides what happens.
 */
class TopologyScene final : public QGraphicsScene
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopologyScene)

public:
    explicit TopologyScene(QObject *parent = nullptr);
    ~TopologyScene() override;

    /** Draws \p topology (not owned) from now on; nullptr shows nothing. */
    void setTopology(Runtime::Topology *topology);
    [[nodiscard]] Runtime::Topology *topology() const { return m_topology; }

    [[nodiscard]] HostItem *hostItem(const QString &name) const;
    [[nodiscard]] ContainerItem *containerItem(const QString &id) const;
    [[nodiscard]] VolumeItem *volumeItem(const QString &id) const;
    [[nodiscard]] LinkItem *linkItem(const QString &id) const;
    [[nodiscard]] int hostCount() const { return int(m_hosts.size()); }
    [[nodiscard]] int containerCount() const { return int(m_containers.size()); }
    [[nodiscard]] int linkCount() const { return int(m_links.size()); }
    [[nodiscard]] int volumeCount() const { return int(m_volumes.size()); }

    /** The host box under \p scenePos, if any. */
    [[nodiscard]] HostItem *hostAt(const QPointF &scenePos) const;

    /** Places every host box in a grid again, also those the user moved. */
    void autoLayout();

    /** The id of the selected container, or empty. */
    [[nodiscard]] QString selectedContainerId() const;

    // Called by ContainerItem while the user drags it.
    /**
     * A link changed its look or place within \p sceneRect: views that draw the links as
     * one cached layer redraw that part of it (linksGeneration() counts these).
     */
    void noteLinksChanged(const QRectF &sceneRect);
    /**
     * Where links changed since \p generation (scene coordinates), so a view redraws only
     * those parts of its layer. False when that is no longer known: redraw all of it.
     */
    [[nodiscard]] bool linksChangedSince(quint64 generation, QList<QRectF> *sceneRects) const;
    /** Zoomed far out: containers and volumes draw directly instead of from pixmap caches. */
    void setLowDetail(bool low);
    [[nodiscard]] quint64 linksGeneration() const { return m_linksGeneration; }
    /** True when a TopologyView draws the links (LinkItem::paint then draws nothing). */
    [[nodiscard]] bool linksDrawnByView() const { return m_linksDrawnByView; }
    void setLinksDrawnByView(bool drawn) { m_linksDrawnByView = drawn; }

    void handleContainerDragged(ContainerItem *item, const QPointF &scenePos);
    void handleContainerDropped(ContainerItem *item, const QPointF &scenePos);

signals:
    /** The user dropped \p containerId onto the box of \p targetHost (another host). */
    void moveRequested(const QString &containerId, const QString &targetHost);
    /** The selection changed to the container \p containerId (empty: none). */
    void containerSelected(const QString &containerId);
    /** A batch from the topology was applied to the items. */
    void topologyApplied();

protected:
    bool event(QEvent *event) override;

private:
    void handleTopologyChanged(const Runtime::TopologyChange &change);
    void handleSelectionChanged();
    void rebuild();
    void clearItems();

    HostItem *ensureHost(const QString &name);
    void addOrUpdateContainer(const Runtime::ContainerInfo &info, QSet<HostItem *> &dirtyHosts);
    void addOrUpdateVolume(const Runtime::VolumeInfo &info, QSet<ContainerItem *> &dirty);
    void addOrUpdateLink(const Runtime::LinkInfo &info);
    void removeContainerItem(const QString &id, QSet<HostItem *> &dirtyHosts);
    void resolveWaitingLinks(const QString &providerId, ContainerItem *provider);
    void relayout(const QSet<ContainerItem *> &dirtyContainers, QSet<HostItem *> dirtyHosts,
                  bool hostsChanged);
    void layoutHosts(bool force);
    void updateSceneRect();

    QPointer<Runtime::Topology> m_topology;
    QHash<QString, HostItem *> m_hosts;
    QHash<QString, ContainerItem *> m_containers;
    QHash<QString, VolumeItem *> m_volumes;
    QHash<QString, LinkItem *> m_links;
    /** Links whose provider has no item yet, by provider id. */
    QMultiHash<QString, LinkItem *> m_waitingLinks;
    HostItem *m_dropTarget = nullptr;
    QString m_selectedContainer;
    quint64 m_linksGeneration = 0;
    /** The rects of the most recent link changes; the last one has m_linksGeneration. */
    QList<QRectF> m_linkDamage;
    bool m_linksDrawnByView = false;
    bool m_lowDetail = false;
};

} // namespace Graph
} // namespace Ui
