// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>

namespace Manifest {

/**
 * Writes JSON values as block-style YAML for the exporters. Strings are always
 * double-quoted (JSON escaping is valid YAML), so no value is ever re-typed by
 * a reader ("no", "1.0", "08"). Map keys keep QJsonObject's sorted order: the
 * same value always gives the same bytes.
 */
class YamlWriter
{
public:
    [[nodiscard]] static QByteArray write(const QJsonValue &value);
    /** Several documents separated by "---". */
    [[nodiscard]] static QByteArray writeDocuments(const QList<QJsonValue> &documents);
};

} // namespace Manifest
