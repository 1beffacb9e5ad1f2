// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "runtime/topology.h"

#include <QColor>
#include <QPalette>

namespace Ui {
namespace Graph {

/** Item type ids for qgraphicsitem_cast (elasticnodes' `Type = UserType + n`). */
enum ItemType { HostType = 65536 + 1, ContainerType, VolumeType, LinkType };

/** Colours shared by the graph items, chosen for both light and dark palettes. */
[[nodiscard]] QColor healthColor(Runtime::HostHealth health);
[[nodiscard]] QColor stateColor(Runtime::ContainerState state);
[[nodiscard]] QColor healthColor(Runtime::ContainerHealth health);
[[nodiscard]] QColor linkColor(Runtime::LinkState state);
/** True when \p palette is a dark one (window darker than its text). */
[[nodiscard]] bool isDark(const QPalette &palette);
/** A fill for boxes: the palette's base shifted slightly toward the window colour. */
[[nodiscard]] QColor boxFill(const QPalette &palette, int depth);

} // namespace Graph
} // namespace Ui
