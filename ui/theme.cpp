// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "theme.h"

#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleHints>

namespace Ui {
namespace Theme {

namespace {
const auto ThemeKey = QStringLiteral("appearance/theme");

QPalette &systemPalette()
{
    // The palette the platform gave us before we replaced it.
    static QPalette palette = QApplication::palette();
    return palette;
}
} // namespace

bool systemPrefersDark()
{
    const QString scheme = qEnvironmentVariable("QT_COLOR_SCHEME").toLower();
    if (scheme == QStringLiteral("dark"))
        return true;
    if (scheme == QStringLiteral("light"))
        return false;
    if (qEnvironmentVariable("GTK_THEME").endsWith(QStringLiteral(":dark"), Qt::CaseInsensitive))
        return true;
    const QPalette &palette = systemPalette();
    return palette.color(QPalette::Window).lightness()
           < palette.color(QPalette::WindowText).lightness();
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1f, 0x21, 0x24);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x80, 0x80, 0x80);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Light, window.lighter(150));
    p.setColor(QPalette::Midlight, window.lighter(125));
    p.setColor(QPalette::Mid, QColor(0x5a, 0x5e, 0x66));
    p.setColor(QPalette::Dark, window.darker(150));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

void apply(Mode mode)
{
    (void)systemPalette(); // remember the platform's palette before the first change
    const bool dark = mode == Mode::Dark || (mode == Mode::System && systemPrefersDark());
    if (dark) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
    } else if (mode == Mode::Light && systemPrefersDark()) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(QApplication::style()->standardPalette());
    } else {
        QApplication::setPalette(systemPalette());
    }
}

Mode modeFromSettings()
{
    const QString value = QSettings().value(ThemeKey).toString();
    if (value == QStringLiteral("dark"))
        return Mode::Dark;
    if (value == QStringLiteral("light"))
        return Mode::Light;
    return Mode::System;
}

void saveMode(Mode mode)
{
    QSettings().setValue(ThemeKey, mode == Mode::Dark    ? QStringLiteral("dark")
                                   : mode == Mode::Light ? QStringLiteral("light")
                                                         : QStringLiteral("system"));
}

} // namespace Theme
} // namespace Ui
