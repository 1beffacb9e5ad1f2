// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "graph/containeritem.h"

#include "graph/hostitem.h"
#include "graph/linkitem.h"
#include "graph/topologyscene.h"
#include "graph/volumeitem.h"
#include "uitr.h"

#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace Ui {
namespace Graph {

using namespace Runtime;

ContainerItem::ContainerItem(const ContainerInfo &info)
    : m_info(info)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges
             | ItemSendsScenePositionChanges);
    setCacheMode(DeviceCoordinateCache);
    setAcceptHoverEvents(false);
    setZValue(1);
    setToolTip(m_info.id);
}

ContainerItem::~ContainerItem()
{
    // The scene detaches links before deleting; this only guards against stale pointers.
    for (LinkItem *link : std::as_const(m_links))
        link->forget(this);
}

QRectF ContainerItem::boundingRect() const
{
    return QRectF(-1, -1, Width + 2, m_height + 2);
}

qreal ContainerItem::height() const
{
    return m_height;
}

HostItem *ContainerItem::hostItem() const
{
    return qgraphicsitem_cast<HostItem *>(parentItem());
}

void ContainerItem::setInfo(const ContainerInfo &info)
{
    if (info == m_info)
        return;
    m_info = info;
    QString tip = m_info.id;
    if (!m_info.image.isEmpty())
        tip += u'\n' + m_info.image;
    if (!m_info.error.isEmpty())
        tip += u'\n' + m_info.error;
    setToolTip(tip);
    update();
}

void ContainerItem::setHomePos(const QPointF &pos)
{
    m_homePos = pos;
    if (!m_dragging)
        setPos(pos);
}

void ContainerItem::addLink(LinkItem *link)
{
    if (!m_links.contains(link))
        m_links.append(link);
}

void ContainerItem::removeLink(LinkItem *link)
{
    m_links.removeAll(link);
}

QList<VolumeItem *> ContainerItem::volumeItems() const
{
    QList<VolumeItem *> result;
    for (QGraphicsItem *child : childItems()) {
        if (auto *volume = qgraphicsitem_cast<VolumeItem *>(child))
            result.append(volume);
    }
    std::sort(result.begin(), result.end(),
              [](const VolumeItem *a, const VolumeItem *b) { return a->id() < b->id(); });
    return result;
}

bool ContainerItem::layoutVolumes()
{
    const QList<VolumeItem *> volumes = volumeItems();
    constexpr int PerRow = 2;
    const qreal volumeWidth = (Width - 12 - (PerRow - 1) * 6) / PerRow;
    for (int i = 0; i < volumes.size(); ++i) {
        volumes[i]->setWidth(volumeWidth);
        volumes[i]->setPos(6 + (i % PerRow) * (volumeWidth + 6),
                           BaseHeight + (i / PerRow) * VolumeRowHeight);
    }
    const int rows = int(volumes.size() + PerRow - 1) / PerRow;
    const qreal height = BaseHeight + rows * VolumeRowHeight + (rows > 0 ? 4 : 0);
    if (qFuzzyCompare(height, m_height))
        return false;
    prepareGeometryChange();
    m_height = height;
    return true;
}

void ContainerItem::adjustLinks()
{
    for (LinkItem *link : std::as_const(m_links))
        link->adjust();
}

QVariant ContainerItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemScenePositionHasChanged)
        adjustLinks();
    return QGraphicsItem::itemChange(change, value);
}

void ContainerItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    // Draw the dragged item above the other hosts' boxes.
    if (HostItem *host = hostItem())
        host->setZValue(2);
    QGraphicsItem::mousePressEvent(event);
}

void ContainerItem::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (!m_dragging) {
        for (LinkItem *link : std::as_const(m_links))
            link->setMoving(true);
    }
    m_dragging = true;
    QGraphicsItem::mouseMoveEvent(event);
    if (auto *topologyScene = qobject_cast<TopologyScene *>(scene()))
        topologyScene->handleContainerDragged(this, event->scenePos());
}

void ContainerItem::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsItem::mouseReleaseEvent(event);
    const bool wasDragging = m_dragging;
    m_dragging = false;
    if (HostItem *host = hostItem())
        host->setZValue(0);
    setPos(m_homePos);
    if (!wasDragging)
        return;
    for (LinkItem *link : std::as_const(m_links))
        link->setMoving(false);
    if (auto *topologyScene = qobject_cast<TopologyScene *>(scene()))
        topologyScene->handleContainerDropped(this, event->scenePos());
}

void ContainerItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const QRectF box(0, 0, Width, m_height);
    const QColor state = stateColor(m_info.state);
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (lod < 0.35) {
        // Far out: a few pixels per box; plain rectangles, no antialiasing, no text.
        const bool antialiased = painter->testRenderHint(QPainter::Antialiasing);
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setPen(isSelected() ? QPen(palette.color(QPalette::Highlight), 0)
                                     : QPen(palette.color(QPalette::Mid), 0));
        painter->setBrush(boxFill(palette, 3));
        painter->drawRect(box);
        painter->fillRect(QRectF(0, 0, 6, m_height), state);
        painter->setRenderHint(QPainter::Antialiasing, antialiased);
        return;
    }

    painter->setPen(
        QPen(isSelected() ? palette.color(QPalette::Highlight) : palette.color(QPalette::Mid),
             isSelected() ? 2.5 : 1));
    painter->setBrush(boxFill(palette, 3));
    painter->drawRoundedRect(box, 6, 6);
    painter->setPen(Qt::NoPen);
    painter->setBrush(state);
    painter->drawRoundedRect(QRectF(0, 0, 6, m_height), 3, 3);

    const qreal left = 14;
    const qreal textWidth = Width - left - 24;
    QFont font = painter->font();
    font.setBold(true);
    font.setPointSizeF(10);
    painter->setFont(font);
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(
        QRectF(left, 4, textWidth, 20), Qt::AlignLeft | Qt::AlignVCenter,
        painter->fontMetrics().elidedText(m_info.role, Qt::ElideRight, int(textWidth)));
    // Health dot at the top right.
    painter->setPen(QPen(palette.color(QPalette::Mid), 0.8));
    painter->setBrush(healthColor(m_info.health));
    painter->drawEllipse(QRectF(Width - 20, 8, 11, 11));

    font.setBold(false);
    font.setPointSizeF(8);
    painter->setFont(font);
    const QFontMetrics metrics = painter->fontMetrics();
    QString stateText = toString(m_info.state);
    if (m_info.health != ContainerHealth::None)
        stateText = Tr::tr("%1, %2").arg(stateText, toString(m_info.health));
    painter->setPen(state.darker(isDark(palette) ? 60 : 115));
    painter->drawText(QRectF(left, 24, Width - left - 8, 16), Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(stateText, Qt::ElideRight, int(Width - left - 8)));

    painter->setPen(palette.color(QPalette::Text));
    QStringList endpoints;
    for (const PublishedEndpoint &endpoint : m_info.endpoints)
        endpoints
            << QStringLiteral("%1 %2:%3").arg(endpoint.name, endpoint.host).arg(endpoint.port);
    const QString endpointText = endpoints.isEmpty() ? Tr::tr("no published endpoints")
                                                     : endpoints.join(QStringLiteral(", "));
    painter->drawText(QRectF(left, 40, Width - left - 8, 16), Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(endpointText, Qt::ElideRight, int(Width - left - 8)));

    // Phase and progress of a running workflow or move; the error otherwise.
    const QRectF statusLine(left, 57, Width - left - 8, 14);
    if (!m_info.phase.isEmpty() || m_info.progress >= 0) {
        if (m_info.progress >= 0) {
            const QRectF bar(left, statusLine.bottom() - 3, statusLine.width(), 3);
            painter->setPen(Qt::NoPen);
            painter->setBrush(palette.color(QPalette::Mid));
            painter->drawRect(bar);
            painter->setBrush(palette.color(QPalette::Highlight));
            painter->drawRect(QRectF(
                bar.topLeft(),
                QSizeF(bar.width() * std::clamp(m_info.progress, 0, 100) / 100.0, bar.height())));
        }
        painter->setPen(palette.color(QPalette::Text));
        const QString phase = m_info.progress >= 0
                                  ? Tr::tr("%1 (%2%)").arg(m_info.phase).arg(m_info.progress)
                                  : m_info.phase;
        painter->drawText(statusLine.adjusted(0, -3, 0, -3), Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(phase, Qt::ElideRight, int(statusLine.width())));
    } else if (!m_info.error.isEmpty()) {
        painter->setPen(stateColor(ContainerState::Failed));
        painter->drawText(
            statusLine, Qt::AlignLeft | Qt::AlignVCenter,
            metrics.elidedText(m_info.error, Qt::ElideRight, int(statusLine.width())));
    } else if (!m_info.image.isEmpty()) {
        painter->setPen(palette.color(QPalette::PlaceholderText));
        painter->drawText(
            statusLine, Qt::AlignLeft | Qt::AlignVCenter,
            metrics.elidedText(m_info.image, Qt::ElideMiddle, int(statusLine.width())));
    }
}

} // namespace Graph
} // namespace Ui
