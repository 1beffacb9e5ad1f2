// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "graph/graphstyle.h"
#include "runtime/topology.h"

#include <QGraphicsItem>

namespace Ui {
namespace Graph {

/** A volume, drawn as a small disk shape attached below its container. */
class VolumeItem final : public QGraphicsItem
{
public:
    enum { Type = VolumeType };

    explicit VolumeItem(const Runtime::VolumeInfo &info);

    [[nodiscard]] int type() const override { return Type; }
    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    [[nodiscard]] const Runtime::VolumeInfo &info() const { return m_info; }
    [[nodiscard]] QString id() const { return m_info.id; }
    void setInfo(const Runtime::VolumeInfo &info);
    void setWidth(qreal width);

    static constexpr qreal Height = 22;

private:
    Runtime::VolumeInfo m_info;
    qreal m_width = 90;
};

} // namespace Graph
} // namespace Ui
