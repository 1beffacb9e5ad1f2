// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "manifest/node.h"

#include <QByteArray>
#include <QString>

namespace Manifest {

/** Bounds that keep hostile input from exhausting memory or the stack. */
struct YamlLimits
{
    qint64 maxFileBytes = 4 * 1024 * 1024;
    /** Nodes after expanding every alias: refuses "billion laughs" documents. */
    qint64 maxNodes = 200000;
    int maxDepth = 64;
};

/**
 * The only door to the YAML library: parses one YAML document into a Node tree.
 * Errors say "file:line:column: what is wrong". Anchors and aliases are
 * expanded (a `<<` merge key is honoured); duplicate keys are errors.
 * Never throws.
 */
class YamlReader
{
public:
    [[nodiscard]] static Scs::Result<Node> parse(const QByteArray &text, const QString &fileName,
                                                 const YamlLimits &limits = {});
    [[nodiscard]] static Scs::Result<Node> readFile(const QString &path,
                                                    const YamlLimits &limits = {});
};

} // namespace Manifest
