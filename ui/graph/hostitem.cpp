// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "graph/hostitem.h"

#include "graph/containeritem.h"
#include "uitr.h"

#include <QGraphicsScene>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace Ui {
namespace Graph {

HostItem::HostItem(const Runtime::HostInfo &info)
    : m_info(info)
    , m_size(ContainerItem::Width + 2 * Padding, HeaderHeight + Padding)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setCacheMode(DeviceCoordinateCache);
    setZValue(0);
    setToolTip(m_info.name);
}

QRectF HostItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_size).adjusted(-2, -2, 2, 2);
}

void HostItem::setInfo(const Runtime::HostInfo &info)
{
    if (info == m_info)
        return;
    m_info = info;
    setToolTip(m_info.error.isEmpty() ? m_info.name : m_info.name + u'\n' + m_info.error);
    update();
}

QList<ContainerItem *> HostItem::containerItems() const
{
    QList<ContainerItem *> result;
    const QList<QGraphicsItem *> children = childItems();
    result.reserve(children.size());
    for (QGraphicsItem *child : children) {
        if (auto *container = qgraphicsitem_cast<ContainerItem *>(child))
            result.append(container);
    }
    std::sort(result.begin(), result.end(),
              [](const ContainerItem *a, const ContainerItem *b) { return a->id() < b->id(); });
    return result;
}

bool HostItem::layoutContainers()
{
    const QList<ContainerItem *> containers = containerItems();
    const int count = int(containers.size());
    // Roughly square grids, a little wider than tall: links run between the boxes.
    const int columns = count <= 3 ? 1 : int(std::ceil(std::sqrt(count * 1.3)));
    const int rows = count == 0 ? 0 : (count + columns - 1) / columns;
    QList<qreal> rowHeights(rows, 0);
    for (int i = 0; i < count; ++i)
        rowHeights[i / columns] = std::max(rowHeights[i / columns], containers[i]->height());
    qreal y = HeaderHeight;
    for (int row = 0; row < rows; ++row) {
        for (int column = 0; column < columns; ++column) {
            const int i = row * columns + column;
            if (i >= count)
                break;
            containers[i]->setHomePos(
                QPointF(Padding + column * (ContainerItem::Width + Spacing), y));
        }
        y += rowHeights[row] + Spacing;
    }
    const int usedColumns = std::max(1, std::min(columns, count));
    const QSizeF size(2 * Padding + usedColumns * ContainerItem::Width
                          + (usedColumns - 1) * Spacing,
                      rows == 0 ? HeaderHeight + Padding : y - Spacing + Padding);
    if (size == m_size)
        return false;
    prepareGeometryChange();
    m_size = size;
    return true;
}

void HostItem::setDropTarget(bool target)
{
    if (m_dropTarget == target)
        return;
    m_dropTarget = target;
    update();
}

void HostItem::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_dragging)
        m_placedByUser = true;
    m_dragging = false;
    QGraphicsItem::mouseReleaseEvent(event);
}

void HostItem::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    m_dragging = true;
    QGraphicsItem::mouseMoveEvent(event);
}

void HostItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const QRectF box(QPointF(0, 0), m_size);
    const QColor health = healthColor(m_info.health);
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());

    painter->setPen(QPen(m_dropTarget ? palette.color(QPalette::Highlight)
                                      : (isSelected() ? palette.color(QPalette::Highlight)
                                                      : palette.color(QPalette::Mid)),
                         m_dropTarget ? 4 : (isSelected() ? 2.5 : 1.2)));
    painter->setBrush(boxFill(palette, 1));
    painter->drawRoundedRect(box, 10, 10);

    // Header band in the health colour, so a down host stands out even zoomed out.
    QColor band = health;
    band.setAlpha(isDark(palette) ? 90 : 55);
    painter->setPen(Qt::NoPen);
    painter->setBrush(band);
    QPainterPath header;
    header.addRoundedRect(QRectF(0, 0, m_size.width(), HeaderHeight - 6), 10, 10);
    header.addRect(QRectF(0, 16, m_size.width(), HeaderHeight - 22));
    painter->drawPath(header.simplified());
    if (lod < 0.3)
        return;

    painter->setBrush(health);
    painter->drawEllipse(QRectF(Padding, 13, 12, 12));

    QFont font = painter->font();
    font.setBold(true);
    font.setPointSizeF(11);
    painter->setFont(font);
    painter->setPen(palette.color(QPalette::Text));
    const qreal textLeft = Padding + 20;
    const qreal textWidth = m_size.width() - textLeft - Padding;
    painter->drawText(
        QRectF(textLeft, 8, textWidth, 20), Qt::AlignLeft | Qt::AlignVCenter,
        painter->fontMetrics().elidedText(m_info.name, Qt::ElideRight, int(textWidth)));
    font.setBold(false);
    font.setPointSizeF(8.5);
    painter->setFont(font);
    QStringList details;
    if (!m_info.address.isEmpty())
        details << m_info.address;
    const QString zone = m_info.attributes.value(QStringLiteral("zone"));
    if (!zone.isEmpty())
        details << Tr::tr("zone %1").arg(zone);
    details << Runtime::toString(m_info.health);
    painter->drawText(
        QRectF(Padding, 30, m_size.width() - 2 * Padding, 18), Qt::AlignLeft | Qt::AlignVCenter,
        painter->fontMetrics().elidedText(details.join(QStringLiteral(" · ")), Qt::ElideRight,
                                          int(m_size.width() - 2 * Padding)));
}

} // namespace Graph
} // namespace Ui
