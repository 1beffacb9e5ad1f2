// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "graph/linkitem.h"

#include "graph/containeritem.h"
#include "graph/topologyscene.h"
#include "uitr.h"

#include <QGraphicsScene>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>
#include <QtMath>

namespace Ui {
namespace Graph {

using namespace Runtime;

namespace {

/** The point where the line from the centre of \p rect toward \p target leaves it. */
QPointF exitPoint(const QRectF &rect, const QPointF &target)
{
    const QPointF center = rect.center();
    const QPointF delta = target - center;
    if (qFuzzyIsNull(delta.x()) && qFuzzyIsNull(delta.y()))
        return center;
    const qreal sx = qFuzzyIsNull(delta.x()) ? 1e9 : (rect.width() / 2) / qAbs(delta.x());
    const qreal sy = qFuzzyIsNull(delta.y()) ? 1e9 : (rect.height() / 2) / qAbs(delta.y());
    return center + delta * qMin(sx, sy);
}

} // namespace

LinkItem::LinkItem(const LinkInfo &info)
    : m_info(info)
{
    setZValue(5);
    setFlag(ItemIsSelectable);
    setInfo(info);
}

LinkItem::~LinkItem()
{
    if (auto *topologyScene = qobject_cast<TopologyScene *>(scene()))
        topologyScene->noteLinksChanged(sceneBoundingRect());
    if (m_dependent)
        m_dependent->removeLink(this);
    if (m_provider)
        m_provider->removeLink(this);
}

void LinkItem::setInfo(const LinkInfo &info)
{
    m_info = info;
    QString tip = Tr::tr("%1 requires %2: %3")
                      .arg(m_info.containerId, m_info.requireName, toString(m_info.state));
    if (m_info.boundTo.port > 0)
        tip += u'\n' + Tr::tr("bound to %1:%2").arg(m_info.boundTo.host).arg(m_info.boundTo.port);
    setToolTip(tip);
    QString label = m_info.requireName;
    if (m_info.state == LinkState::Unresolved)
        label += QStringLiteral(" ?");
    m_label.setText(label);
    m_label.setTextFormat(Qt::PlainText);
    changed();
}

void LinkItem::changed()
{
    update();
    if (auto *topologyScene = qobject_cast<TopologyScene *>(scene()))
        topologyScene->noteLinksChanged(sceneBoundingRect());
}

QVariant LinkItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemSelectedHasChanged || change == ItemVisibleHasChanged
        || change == ItemSceneHasChanged)
        changed();
    return QGraphicsItem::itemChange(change, value);
}

void LinkItem::setEnds(ContainerItem *dependent, ContainerItem *provider)
{
    if (m_dependent != dependent) {
        if (m_dependent)
            m_dependent->removeLink(this);
        m_dependent = dependent;
        if (m_dependent)
            m_dependent->addLink(this);
    }
    if (m_provider != provider) {
        if (m_provider)
            m_provider->removeLink(this);
        m_provider = provider;
        if (m_provider)
            m_provider->addLink(this);
    }
    adjust();
}

void LinkItem::forget(ContainerItem *container)
{
    if (m_dependent == container)
        m_dependent = nullptr;
    if (m_provider == container)
        m_provider = nullptr;
}

void LinkItem::setMoving(bool moving)
{
    if (m_moving == moving)
        return;
    m_moving = moving;
    changed(); // into or out of the layer
}

void LinkItem::adjust()
{
    // A moving link is not in the layer: prepareGeometryChange() repaints it as an item.
    auto *topologyScene = m_moving ? nullptr : qobject_cast<TopologyScene *>(scene());
    if (topologyScene)
        topologyScene->noteLinksChanged(sceneBoundingRect()); // where it was
    prepareGeometryChange();
    m_path = QPainterPath();
    if (!m_dependent) {
        m_bounds = QRectF();
        return;
    }
    const QRectF from = m_dependent->sceneBoundingRect();
    if (!m_provider) {
        // Unresolved: a short stub to the right of the dependent.
        const QPointF start(from.right(), from.top() + 22);
        m_arrowTip = start + QPointF(34, 0);
        m_path.moveTo(start);
        m_path.lineTo(m_arrowTip);
        m_arrowDirection = QPointF(1, 0);
        m_labelPos = m_arrowTip + QPointF(4, 4);
    } else {
        const QRectF to = m_provider->sceneBoundingRect();
        const QPointF delta = to.center() - from.center();
        const qreal distance = qSqrt(delta.x() * delta.x() + delta.y() * delta.y());
        // Long links arc higher so they pass over the boxes in between; the bend also keeps
        // opposite links apart.
        const qreal bend = qMin(0.42, 0.15 + distance / 1800);
        const QPointF normal(-delta.y() * bend, delta.x() * bend);
        const QPointF c1 = from.center() + delta / 3 + normal;
        const QPointF c2 = from.center() + delta * 2 / 3 + normal;
        const QPointF start = exitPoint(from, c1);
        const QPointF end = exitPoint(to, c2);
        m_path.moveTo(start);
        m_path.cubicTo(c1, c2, end);
        m_arrowTip = end;
        const QPointF dir = end - c2;
        const qreal length = qSqrt(dir.x() * dir.x() + dir.y() * dir.y());
        m_arrowDirection = length > 0 ? dir / length : QPointF(1, 0);
        m_labelPos = m_path.pointAtPercent(0.5) + QPointF(4, -4);
    }
    m_bounds = m_path.boundingRect()
                   .united(QRectF(m_labelPos, QSizeF(110, 16)).translated(0, -12))
                   .adjusted(-10, -10, 10, 10);
    if (topologyScene)
        topologyScene->noteLinksChanged(sceneBoundingRect()); // where it is now
}

QRectF LinkItem::boundingRect() const
{
    return m_bounds;
}

QPainterPath LinkItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(8);
    return stroker.createStroke(m_path);
}

void LinkItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    if (auto *topologyScene = qobject_cast<TopologyScene *>(scene());
        topologyScene && topologyScene->linksDrawnByView() && !m_moving)
        return;
    paintLink(painter, option->levelOfDetailFromTransform(painter->worldTransform()));
}

void LinkItem::paintLink(QPainter *painter, qreal lod)
{
    if (m_path.isEmpty())
        return;
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const QColor color = linkColor(m_info.state);
    QPen pen(color, isSelected() ? 3.5 : 2.2);
    // About one pixel wide on screen: a one-pixel cosmetic pen looks the same and takes
    // the raster engine's fast path instead of building an outline for every curve.
    if (pen.widthF() * lod <= 1.25) {
        pen.setCosmetic(true);
        pen.setWidthF(1);
    }
    if (m_info.state == LinkState::Unresolved)
        pen.setStyle(Qt::DashLine);
    else if (m_info.state == LinkState::LiveUpdateRunning)
        pen.setStyle(Qt::DashDotLine);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
    // Arrow head at the provider end.
    const QPointF d = m_arrowDirection;
    const QPointF n(-d.y(), d.x());
    const QPointF head[] = {m_arrowTip, m_arrowTip - d * 10 + n * 5, m_arrowTip - d * 10 - n * 5};
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawConvexPolygon(head, 3);
    if (lod < 0.5)
        return;
    QFont font = painter->font();
    font.setPointSizeF(8);
    painter->setFont(font);
    if (m_label.size().isEmpty())
        m_label.prepare(QTransform(), font);
    const QSizeF size = m_label.size();
    const QRectF textRect(m_labelPos - QPointF(0, size.height() * 0.8), size);
    QColor background = palette.color(QPalette::Base);
    background.setAlpha(200);
    painter->setBrush(background);
    painter->drawRoundedRect(textRect.adjusted(-3, -1, 3, 1), 3, 3);
    painter->setPen(color);
    painter->drawStaticText(textRect.topLeft(), m_label);
}

} // namespace Graph
} // namespace Ui
