// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QGraphicsView>
#include <QPixmap>
#include <QPointer>

namespace Ui {
namespace Graph {

class TopologyScene;

/** The view on the graph: zoom with the wheel or shortcuts, pan by dragging the background, fit. */
class TopologyView final : public QGraphicsView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopologyView)

public:
    explicit TopologyView(TopologyScene *scene, QWidget *parent = nullptr);
    ~TopologyView() override;

    void zoomIn();
    void zoomOut();
    void resetZoom();
    void fitAll();
    [[nodiscard]] qreal zoom() const;

signals:
    void zoomChanged(qreal zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void scaleBy(qreal factor);
    /** Redraws every link into m_linkLayer: the viewport and \p margin pixels around it. */
    void renderLinkLayer(int margin);
    /** Redraws the links within \p sceneRects into m_linkLayer; false if that is no cheaper. */
    bool updateLinkLayer(const QList<QRectF> &sceneRects);

    // The scene may go first (MainWindow deletes it before this view, its older sibling).
    QPointer<TopologyScene> m_scene;
    // The links as one cached layer: a full repaint blits it instead of stroking hundreds
    // of long antialiased curves. Redrawn when a link, the transform or the viewport changes.
    QPixmap m_linkLayer;
    quint64 m_linkLayerGeneration = 0;
    QTransform m_linkLayerTransform;
    qint64 m_linkLayerPalette = 0;
    QRect m_linkLayerArea; ///< the layer's extent in viewport pixels when it was drawn
};

} // namespace Graph
} // namespace Ui
