// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "graph/graphstyle.h"
#include "runtime/topology.h"

#include <QGraphicsItem>
#include <QPainterPath>
#include <QStaticText>

namespace Ui {
namespace Graph {

class ContainerItem;

/**
 * A service link: a curve from the requiring container to the container that
 * provides the endpoint it is bound to, coloured by state. An unresolved link is a
 * dashed stub with a question mark. Like elasticnodes' Edge, it recomputes its path
 * in adjust() when either end moves.
 */
class LinkItem final : public QGraphicsItem
{
public:
    enum { Type = LinkType };

    explicit LinkItem(const Runtime::LinkInfo &info);
    ~LinkItem() override;

    [[nodiscard]] int type() const override { return Type; }
    [[nodiscard]] QRectF boundingRect() const override;
    [[nodiscard]] QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    /**
     * Draws the link with \p painter in scene coordinates at level of detail \p lod. The
     * view's link layer (TopologyView) calls this when it draws every link into one cached
     * pixmap; paint() calls it when no such view draws the links.
     */
    void paintLink(QPainter *painter, qreal lod);

    [[nodiscard]] const Runtime::LinkInfo &info() const { return m_info; }
    [[nodiscard]] QString id() const { return m_info.id; }
    void setInfo(const Runtime::LinkInfo &info);

    void setEnds(ContainerItem *dependent, ContainerItem *provider);
    [[nodiscard]] ContainerItem *dependent() const { return m_dependent; }
    [[nodiscard]] ContainerItem *provider() const { return m_provider; }
    /** Drops every pointer to \p container (it is going away). */
    void forget(ContainerItem *container);

    /** Recomputes the curve from the ends' current scene positions. */
    void adjust();

    /**
     * While one of its ends is dragged, a link moves with every mouse move: it paints
     * itself as an item then, and the view's link layer leaves it out, so a move redraws
     * this one curve instead of every link around it in the layer.
     */
    void setMoving(bool moving);
    [[nodiscard]] bool isMoving() const { return m_moving; }

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    /** Tells the scene this link looks different now (its layer must be redrawn). */
    void changed();

    Runtime::LinkInfo m_info;
    ContainerItem *m_dependent = nullptr;
    ContainerItem *m_provider = nullptr;
    QPainterPath m_path;
    QStaticText m_label; ///< laid out once per text change, not per frame
    QPointF m_labelPos;
    QPointF m_arrowTip;
    QPointF m_arrowDirection;
    QRectF m_bounds;
    bool m_moving = false;
};

} // namespace Graph
} // namespace Ui
