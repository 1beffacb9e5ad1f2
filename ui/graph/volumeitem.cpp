// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "graph/volumeitem.h"

#include "uitr.h"

#include <QGraphicsScene>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace Ui {
namespace Graph {

VolumeItem::VolumeItem(const Runtime::VolumeInfo &info)
    : m_info(info)
{
    setFlag(ItemIsSelectable);
    setCacheMode(DeviceCoordinateCache);
    setInfo(info);
}

QRectF VolumeItem::boundingRect() const
{
    return QRectF(-1, -1, m_width + 2, Height + 2);
}

void VolumeItem::setInfo(const Runtime::VolumeInfo &info)
{
    m_info = info;
    setToolTip(Tr::tr("Volume %1 (%2) at %3\n%4")
                   .arg(m_info.name, m_info.method, m_info.mountPath, m_info.source));
    update();
}

void VolumeItem::setWidth(qreal width)
{
    if (qFuzzyCompare(width, m_width))
        return;
    prepareGeometryChange();
    m_width = width;
}

void VolumeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const QColor accent(0x8e, 0x6c, 0xc9);
    QColor fill = accent;
    fill.setAlpha(isDark(palette) ? 110 : 60);
    painter->setPen(
        QPen(isSelected() ? palette.color(QPalette::Highlight) : accent, isSelected() ? 2 : 1));
    painter->setBrush(fill);
    const QRectF body(0, 3, m_width, Height - 3);
    if (option->levelOfDetailFromTransform(painter->worldTransform()) < 0.35) {
        painter->fillRect(body, fill); // far out: a tinted strip is all that shows
        return;
    }
    // A flat cylinder: a rounded body with an ellipse for the lid.
    painter->drawRoundedRect(body, 5, 5);
    painter->drawEllipse(QRectF(0, 0, 14, 7).translated(4, 0));
    if (option->levelOfDetailFromTransform(painter->worldTransform()) < 0.45)
        return;
    QFont font = painter->font();
    font.setPointSizeF(7.5);
    painter->setFont(font);
    painter->setPen(palette.color(QPalette::Text));
    const QString text = m_info.method.isEmpty()
                             ? m_info.name
                             : QStringLiteral("%1 · %2").arg(m_info.name, m_info.method);
    painter->drawText(
        body.adjusted(22, 0, -4, 0), Qt::AlignLeft | Qt::AlignVCenter,
        painter->fontMetrics().elidedText(text, Qt::ElideRight, int(body.width() - 26)));
}

} // namespace Graph
} // namespace Ui
