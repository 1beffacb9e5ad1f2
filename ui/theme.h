// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QPalette>
#include <QString>

namespace Ui {
namespace Theme {

/** The user's choice; System follows the desktop. */
enum class Mode { System, Light, Dark };

/**
 * Whether the desktop asks for a dark theme. Qt 6.4 has no QStyleHints::colorScheme()
 * (that came in 6.5), so this reads what 6.4 offers: the platform theme's palette
 * (a dark window colour), then GTK_THEME's ":dark" suffix and QT_COLOR_SCHEME.
 */
[[nodiscard]] bool systemPrefersDark();

/** The dark palette the dashboard uses (Fusion style). */
[[nodiscard]] QPalette darkPalette();

/** Applies \p mode to the running QApplication. */
void apply(Mode mode);
[[nodiscard]] Mode modeFromSettings();
void saveMode(Mode mode);

} // namespace Theme
} // namespace Ui
