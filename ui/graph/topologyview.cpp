// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "graph/topologyview.h"

#include "graph/topologyscene.h"

#include <QKeyEvent>
#include <QWheelEvent>

#include <cmath>

namespace Ui {
namespace Graph {

TopologyView::TopologyView(TopologyScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
{
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

TopologyView::~TopologyView() = default;

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
