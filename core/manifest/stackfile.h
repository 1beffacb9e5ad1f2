// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "manifest/diagnostics.h"
#include "manifest/node.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Manifest {

/** stack.yaml: the application's roles and their layered configs (manifest-format.md §3). */
struct StackFile
{
    struct Role
    {
        QString name;
        QStringList configFiles;     // absolute, in merge order
        QList<Origin> configOrigins; // where each file was named
        Origin origin;
    };

    QString path; // absolute
    QString service;
    Origin serviceOrigin;
    QList<Role> roles; // in file order
    Node tree;

    [[nodiscard]] const Role *role(const QString &name) const;
    [[nodiscard]] QStringList roleNames() const;

    [[nodiscard]] static Scs::Result<StackFile> load(const QString &path);
    [[nodiscard]] static StackFile fromNode(const Node &root, const QString &path,
                                            Diagnostics &diagnostics);
};

/** A role or service name: lower-case letters, digits and '-', starting with a letter. */
[[nodiscard]] bool isValidRoleName(const QString &name);

} // namespace Manifest
