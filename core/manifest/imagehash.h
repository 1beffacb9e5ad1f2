// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>

namespace Manifest {

/**
 * The identity of an image: SHA-256 over its source tree (every file's relative
 * path, mode and contents, sorted by path; the manifest scs.yaml is one of the
 * files) and its compile-time config. Modes are reduced to 644/755 as git does,
 * so a checkout with another umask gives the same hash. `.git` folders are
 * skipped; symbolic links count by their target, never followed.
 */
class ImageHasher
{
public:
    /** SHA-256 hex of the tree alone; cached per folder for this hasher's life. */
    [[nodiscard]] Scs::Result<QByteArray> treeDigest(const QString &sourceDir);
    /** The image hash (64 hex) of \p sourceDir built with \p config. */
    [[nodiscard]] Scs::Result<QString> imageHash(const QString &sourceDir,
                                                 const QJsonObject &config);

    /** Combines a tree digest and a config into the image hash. */
    [[nodiscard]] static QString combine(const QByteArray &treeDigest, const QJsonObject &config);

private:
    QHash<QString, QByteArray> m_trees;
};

} // namespace Manifest
