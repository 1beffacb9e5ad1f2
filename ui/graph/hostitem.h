// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "graph/graphstyle.h"
#include "runtime/topology.h"

#include <QGraphicsItem>

namespace Ui {
namespace Graph {

class ContainerItem;

/**
 * A Docker host drawn as a box: a header with name, address, zone and health, and
 * its containers as child items laid out in a grid below it. The user can drag the
 * box; the scene's auto-layout places it otherwise.
 */
class HostItem final : public QGraphicsItem
{
public:
    enum { Type = HostType };

    explicit HostItem(const Runtime::HostInfo &info);

    [[nodiscard]] int type() const override { return Type; }
    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    [[nodiscard]] const Runtime::HostInfo &info() const { return m_info; }
    [[nodiscard]] QString name() const { return m_info.name; }
    void setInfo(const Runtime::HostInfo &info);

    /** Places the child containers in a grid and resizes the box; true if the size changed. */
    bool layoutContainers();
    [[nodiscard]] QList<ContainerItem *> containerItems() const;

    /** Highlighted while a container is dragged over it. */
    void setDropTarget(bool target);
    [[nodiscard]] bool isDropTarget() const { return m_dropTarget; }

    /** True once the user moved the box by hand; auto-layout then leaves it alone. */
    [[nodiscard]] bool isPlacedByUser() const { return m_placedByUser; }
    void setPlacedByUser(bool placed) { m_placedByUser = placed; }

    static constexpr qreal HeaderHeight = 58;
    static constexpr qreal Padding = 14;
    static constexpr qreal Spacing = 14;

protected:
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;

private:
    Runtime::HostInfo m_info;
    QSizeF m_size;
    bool m_dropTarget = false;
    bool m_placedByUser = false;
    bool m_dragging = false;
};

} // namespace Graph
} // namespace Ui
