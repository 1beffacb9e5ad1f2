// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "result.h"

namespace Scs {

Error Error::withContext(const QString &context) const
{
    Error copy = *this;
    copy.message = context + QStringLiteral(": ") + message;
    return copy;
}

} // namespace Scs
