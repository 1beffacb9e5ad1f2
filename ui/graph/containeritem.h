// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "graph/graphstyle.h"
#include "runtime/topology.h"

#include <QGraphicsItem>

namespace Ui {
namespace Graph {

class HostItem;
class LinkItem;
class VolumeItem;

/**
 * One container inside its host box: role, state, health and published endpoints,
 * a progress bar while a workflow or move runs, its volumes as child items below.
 *
 * Dragging it onto another host asks the scene for a move (the scene emits
 * moveRequested); the item itself always returns to its place in its host, the
 * topology decides where it really runs. Like elasticnodes' Node, it tells its links
 * to follow when its scene position changes.
 */
class ContainerItem final : public QGraphicsItem
{
public:
    enum { Type = ContainerType };

    explicit ContainerItem(const Runtime::ContainerInfo &info);
    ~ContainerItem() override;

    [[nodiscard]] int type() const override { return Type; }
    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    [[nodiscard]] const Runtime::ContainerInfo &info() const { return m_info; }
    [[nodiscard]] QString id() const { return m_info.id; }
    void setInfo(const Runtime::ContainerInfo &info);

    [[nodiscard]] HostItem *hostItem() const;
    [[nodiscard]] qreal height() const;
    /** Where the host's layout puts it; the item goes back there after a drag. */
    void setHomePos(const QPointF &pos);
    [[nodiscard]] QPointF homePos() const { return m_homePos; }

    void addLink(LinkItem *link);
    void removeLink(LinkItem *link);
    [[nodiscard]] const QList<LinkItem *> &links() const { return m_links; }

    [[nodiscard]] QList<VolumeItem *> volumeItems() const;
    /** Places the volume children; true if the item's height changed. */
    bool layoutVolumes();

    [[nodiscard]] bool isDragging() const { return m_dragging; }

    static constexpr qreal Width = 200;
    static constexpr qreal BaseHeight = 76;
    static constexpr qreal VolumeRowHeight = 26;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;

private:
    void adjustLinks();

    Runtime::ContainerInfo m_info;
    QPointF m_homePos;
    QList<LinkItem *> m_links;
    qreal m_height = BaseHeight;
    bool m_dragging = false;
};

} // namespace Graph
} // namespace Ui
