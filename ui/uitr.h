// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>

namespace Ui {

/** Translations for ui code outside QObjects (graph items, helpers). */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Ui)
};

} // namespace Ui
