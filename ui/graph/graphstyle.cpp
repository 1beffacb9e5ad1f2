// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "graph/graphstyle.h"

namespace Ui {
namespace Graph {

using namespace Runtime;

QColor healthColor(HostHealth health)
{
    switch (health) {
    case HostHealth::Up:
        return QColor(0x2e, 0xa0, 0x43);
    case HostHealth::Down:
        return QColor(0xd0, 0x3a, 0x2f);
    case HostHealth::Unknown:
        break;
    }
    return QColor(0x8a, 0x8f, 0x98);
}

QColor stateColor(ContainerState state)
{
    switch (state) {
    case ContainerState::Running:
        return QColor(0x2e, 0xa0, 0x43);
    case ContainerState::Loading:
    case ContainerState::Starting:
    case ContainerState::Stopping:
        return QColor(0xd9, 0x8e, 0x04);
    case ContainerState::Failed:
        return QColor(0xd0, 0x3a, 0x2f);
    case ContainerState::Exited:
        return QColor(0xb8, 0x5c, 0x1e);
    case ContainerState::Stopped:
    case ContainerState::Planned:
        break;
    }
    return QColor(0x8a, 0x8f, 0x98);
}

QColor healthColor(ContainerHealth health)
{
    switch (health) {
    case ContainerHealth::Healthy:
        return QColor(0x2e, 0xa0, 0x43);
    case ContainerHealth::Starting:
        return QColor(0xd9, 0x8e, 0x04);
    case ContainerHealth::Unhealthy:
        return QColor(0xd0, 0x3a, 0x2f);
    case ContainerHealth::None:
        break;
    }
    return QColor(0x8a, 0x8f, 0x98);
}

QColor linkColor(LinkState state)
{
    switch (state) {
    case LinkState::Bound:
        return QColor(0x2f, 0x81, 0xd6);
    case LinkState::LiveUpdateRunning:
        return QColor(0xd9, 0x8e, 0x04);
    case LinkState::LiveUpdateFailed:
        return QColor(0xd0, 0x3a, 0x2f);
    case LinkState::Unresolved:
        break;
    }
    return QColor(0x8a, 0x8f, 0x98);
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness()
           < palette.color(QPalette::WindowText).lightness();
}

QColor boxFill(const QPalette &palette, int depth)
{
    const QColor base = palette.color(QPalette::Base);
    const int factor = 100 + 6 * depth;
    return isDark(palette) ? base.lighter(factor) : base.darker(factor);
}

} // namespace Graph
} // namespace Ui
