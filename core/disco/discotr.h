// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>

namespace Disco {

/** Translation context for user-visible text of this domain outside QObjects. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Disco)
};

} // namespace Disco
