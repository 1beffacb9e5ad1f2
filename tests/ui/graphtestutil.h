// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QApplication>
#include <QGraphicsView>
#include <QMouseEvent>
#include <QTest>

namespace GraphTestUtil {

/**
 * Drags with the left button in \p view from scene point \p from to \p to, the way a
 * user does: press, a few moves with the button held, release. QTest::mouseMove
 * carries no button state, so the moves are sent as QMouseEvents.
 */
inline void drag(QGraphicsView *view, const QPointF &from, const QPointF &to, int steps = 6)
{
    QWidget *viewport = view->viewport();
    const QPoint start = view->mapFromScene(from);
    const QPoint end = view->mapFromScene(to);
    QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, start);
    for (int i = 1; i <= steps; ++i) {
        const QPointF pos = start + (end - start) * (qreal(i) / steps);
        QMouseEvent move(QEvent::MouseMove, pos, viewport->mapToGlobal(pos), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &move);
    }
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, end);
}

} // namespace GraphTestUtil
