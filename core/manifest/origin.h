// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Manifest {

/**
 * Where a value was written: file, 1-based line and column, and the layer
 * (0-based index in the role's config list; -1 when not from a layer).
 * An origin without a file is a default filled in by the compiler, or a value
 * the compiler computed (line -1: hashes, tags, disco keys).
 */
struct Origin
{
    QString file;
    int line = 0;
    int column = 0;
    int layer = -1;

    [[nodiscard]] bool isDefault() const { return file.isEmpty(); }
    [[nodiscard]] static Origin computed() { return Origin{QString(), -1, -1, -1}; }
    /** "file:line:column", or "file" when the position is unknown. */
    [[nodiscard]] QString position() const;
    /** position() plus " (layer N)" when from a layer, or "default" / "computed". */
    [[nodiscard]] QString describe() const;

    friend bool operator==(const Origin &, const Origin &) = default;
};

} // namespace Manifest
