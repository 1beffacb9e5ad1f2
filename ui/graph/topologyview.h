// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QGraphicsView>

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
    void keyPressEvent(QKeyEvent *event) override;

private:
    void scaleBy(qreal factor);
};

} // namespace Graph
} // namespace Ui
