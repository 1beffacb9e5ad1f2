// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "graph/topologyview.h"

#include "graph/linkitem.h"
#include "graph/topologyscene.h"

#include <QKeyEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QWheelEvent>

#include <cmath>

namespace Ui {
namespace Graph {

TopologyView::TopologyView(TopologyScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
{
    if (m_scene)
        m_scene->setLinksDrawnByView(true);
    // Below this zoom the boxes show no text (ContainerItem's level of detail).
    connect(this, &TopologyView::zoomChanged, this, [this](qreal zoom) {
        if (m_scene)
            m_scene->setLowDetail(zoom < 0.35);
    });
    setObjectName(QStringLiteral("topologyView"));
    setRenderHint(QPainter::Antialiasing);
    setRenderHint(QPainter::TextAntialiasing);
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    // Only what changed is repainted; items cache their pixmaps (DeviceCoordinateCache).
    setViewportUpdateMode(MinimalViewportUpdate);
    setOptimizationFlags(DontSavePainterState | DontAdjustForAntialiasing);
    setCacheMode(CacheBackground);
    setFocusPolicy(Qt::StrongFocus);
}

TopologyView::~TopologyView()
{
    if (m_scene)
        m_scene->setLinksDrawnByView(false);
}

namespace {

/** Pixels of links drawn around the viewport, so panning a little reuses the layer. */
constexpr int LinkLayerMargin = 256;

bool sameScale(const QTransform &a, const QTransform &b)
{
    return qFuzzyCompare(a.m11(), b.m11()) && qFuzzyCompare(a.m22(), b.m22())
           && qFuzzyIsNull(a.m12() - b.m12()) && qFuzzyIsNull(a.m21() - b.m21());
}

} // namespace

void TopologyView::renderLinkLayer(int margin)
{
    const qreal ratio = devicePixelRatioF();
    const QRect area = viewport()->rect().adjusted(-margin, -margin, margin, margin);
    const QSize size = area.size() * ratio;
    if (m_linkLayer.size() != size) {
        m_linkLayer = QPixmap(size);
        m_linkLayer.setDevicePixelRatio(ratio);
    }
    m_linkLayer.fill(Qt::transparent);
    QPainter painter(&m_linkLayer);
    painter.setRenderHints(renderHints());
    const QTransform transform = viewportTransform();
    // The layer's top-left is the area's top-left in viewport pixels.
    painter.setTransform(transform * QTransform::fromTranslate(-area.left(), -area.top()));
    const QRectF visible = mapToScene(area).boundingRect();
    const qreal lod = QStyleOptionGraphicsItem::levelOfDetailFromTransform(transform);
    for (QGraphicsItem *item :
         m_scene->items(visible, Qt::IntersectsItemBoundingRect, Qt::AscendingOrder)) {
        if (item->type() == LinkItem::Type && item->isVisible()
            && !static_cast<LinkItem *>(item)->isMoving())
            static_cast<LinkItem *>(item)->paintLink(&painter, lod);
    }
    m_linkLayerGeneration = m_scene->linksGeneration();
    m_linkLayerTransform = transform;
    m_linkLayerPalette = m_scene->palette().cacheKey();
    m_linkLayerArea = area;
}

bool TopologyView::updateLinkLayer(const QList<QRectF> &sceneRects)
{
    // Where the changes are in layer pixels, with room for antialiasing.
    const QTransform toLayer
        = m_linkLayerTransform
          * QTransform::fromTranslate(-m_linkLayerArea.left(), -m_linkLayerArea.top());
    const QRect layerRect(QPoint(0, 0), m_linkLayerArea.size());
    QRegion damage;
    QPainterPath scenePath;
    for (const QRectF &sceneRect : sceneRects) {
        const QRect pixels
            = toLayer.mapRect(sceneRect).toAlignedRect().adjusted(-2, -2, 2, 2) & layerRect;
        if (pixels.isEmpty())
            continue;
        damage += pixels;
        scenePath.addRect(sceneRect);
    }
    if (damage.isEmpty()) { // only off the layer
        m_linkLayerGeneration = m_scene->linksGeneration();
        return true;
    }
    // Mostly everything: one full redraw is as cheap and simpler.
    const QRect bounds = damage.boundingRect();
    if (qint64(bounds.width()) * bounds.height()
        > qint64(layerRect.width()) * layerRect.height() * 2 / 3)
        return false;

    QPainter painter(&m_linkLayer);
    painter.setClipRegion(damage);
    painter.setCompositionMode(QPainter::CompositionMode_Source);
    painter.fillRect(layerRect, Qt::transparent);
    painter.setCompositionMode(QPainter::CompositionMode_SourceOver);
    painter.setRenderHints(renderHints());
    painter.setTransform(toLayer);
    const qreal lod = QStyleOptionGraphicsItem::levelOfDetailFromTransform(m_linkLayerTransform);
    // Every link that crosses a changed part, in the order a full redraw draws them, so
    // the pixels come out the same.
    for (QGraphicsItem *item :
         m_scene->items(scenePath, Qt::IntersectsItemBoundingRect, Qt::AscendingOrder)) {
        if (item->type() == LinkItem::Type && item->isVisible()
            && !static_cast<LinkItem *>(item)->isMoving())
            static_cast<LinkItem *>(item)->paintLink(&painter, lod);
    }
    m_linkLayerGeneration = m_scene->linksGeneration();
    return true;
}

void TopologyView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QGraphicsView::drawForeground(painter, rect);
    if (!m_scene || !m_scene->linksDrawnByView())
        return;
    const QTransform transform = viewportTransform();
    // Where the viewport is within the layer: a pan moves it; beyond the margin, redraw.
    QPoint shift(qRound(transform.dx() - m_linkLayerTransform.dx()),
                 qRound(transform.dy() - m_linkLayerTransform.dy()));
    const QRect viewRect = viewport()->rect();
    QList<QRectF> changed;
    if (!m_linkLayer.isNull() && m_linkLayerGeneration != m_scene->linksGeneration()
        && sameScale(m_linkLayerTransform, transform)
        && m_linkLayerPalette == m_scene->palette().cacheKey()
        && m_scene->linksChangedSince(m_linkLayerGeneration, &changed))
        updateLinkLayer(changed); // on failure, the generation still differs: full redraw
    const bool rescaled = !m_linkLayer.isNull() && !sameScale(m_linkLayerTransform, transform);
    if (m_linkLayer.isNull() || m_linkLayerGeneration != m_scene->linksGeneration() || rescaled
        || !m_linkLayerArea.contains(viewRect.translated(-shift))
        || m_linkLayerPalette != m_scene->palette().cacheKey()) {
        // While zooming, every step draws the layer anew at its scale: the viewport is
        // enough, and costs about half. The first pan after the zoom adds the margin.
        renderLinkLayer(rescaled ? 0 : LinkLayerMargin);
        shift = QPoint();
    }
    // Only the exposed part, in viewport pixels.
    const QRect target
        = mapFromScene(rect).boundingRect().adjusted(-1, -1, 1, 1).intersected(viewRect);
    const qreal ratio = m_linkLayer.devicePixelRatio();
    const QPointF source = QPointF(target.topLeft() - shift - m_linkLayerArea.topLeft()) * ratio;
    painter->save();
    painter->resetTransform();
    painter->drawPixmap(QRectF(target), m_linkLayer, QRectF(source, QSizeF(target.size()) * ratio));
    painter->restore();
}

qreal TopologyView::zoom() const
{
    return transform().m11();
}

void TopologyView::scaleBy(qreal factor)
{
    const qreal next = zoom() * factor;
    if (next < 0.05 || next > 8)
        return;
    scale(factor, factor);
    emit zoomChanged(zoom());
}

void TopologyView::zoomIn()
{
    scaleBy(1.25);
}

void TopologyView::zoomOut()
{
    scaleBy(0.8);
}

void TopologyView::resetZoom()
{
    resetTransform();
    emit zoomChanged(zoom());
}

void TopologyView::fitAll()
{
    const QRectF bounds = scene()->itemsBoundingRect();
    if (bounds.isEmpty())
        return;
    fitInView(bounds.marginsAdded(QMarginsF(30, 30, 30, 30)), Qt::KeepAspectRatio);
    // A small stack may grow a little, not fill a big screen with three boxes.
    if (zoom() > 1.5) {
        resetTransform();
        scale(1.5, 1.5);
    }
    centerOn(bounds.center());
    emit zoomChanged(zoom());
}

void TopologyView::wheelEvent(QWheelEvent *event)
{
    const qreal steps = event->angleDelta().y() / 120.0;
    if (qFuzzyIsNull(steps)) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    scaleBy(std::pow(1.2, steps));
    event->accept();
}

void TopologyView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    default:
        QGraphicsView::keyPressEvent(event);
    }
}

} // namespace Graph
} // namespace Ui
