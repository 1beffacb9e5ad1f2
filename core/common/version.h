// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Scs {

/** The project version, e.g. "0.1.0". */
[[nodiscard]] inline QString versionString()
{
    return QStringLiteral(SCS_VERSION);
}

} // namespace Scs
