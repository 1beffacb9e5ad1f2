// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>

namespace TestUtil {

/**
 * Copies the folder \p from into \p to (created if needed), hidden files included,
 * replacing files that exist and keeping permissions (scripts stay executable).
 */
inline bool copyTree(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return false;
    for (const QFileInfo &info :
         QDir(from).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)) {
        const QString target = to + u'/' + info.fileName();
        if (info.isDir()) {
            if (!copyTree(info.filePath(), target))
                return false;
            continue;
        }
        QFile::remove(target);
        if (!QFile::copy(info.filePath(), target))
            return false;
        QFile::setPermissions(target, info.permissions());
    }
    return true;
}

} // namespace TestUtil
