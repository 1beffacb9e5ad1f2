// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "imagehash.h"

#include "manifesttr.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <algorithm>

namespace Manifest {

namespace {

constexpr qint64 kMaxTreeBytes = qint64(2) * 1024 * 1024 * 1024;

} // namespace

Scs::Result<QByteArray> ImageHasher::treeDigest(const QString &sourceDir)
{
    const QString root = QDir::cleanPath(QFileInfo(sourceDir).absoluteFilePath());
    if (const auto it = m_trees.constFind(root); it != m_trees.cend())
        return *it;
    if (!QFileInfo(root).isDir()) {
        return Scs::makeError(Tr::tr("%1: the image source folder does not exist").arg(root),
                              Scs::Error::Kind::NotFound);
    }
    QStringList paths;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    const QDir base(root);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = base.relativeFilePath(path);
        if (relative == u".git" || relative.startsWith(QStringLiteral(".git/"))
            || relative.contains(QStringLiteral("/.git/"))
            || relative.endsWith(QStringLiteral("/.git")))
            continue;
        paths.append(relative);
    }
    // Byte order of the UTF-8 path, the same on every machine and locale.
    std::sort(paths.begin(), paths.end(),
              [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });

    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData("scs-tree-v1\n");
    qint64 total = 0;
    for (const QString &relative : paths) {
        const QFileInfo info(base.filePath(relative));
        const QByteArray name = relative.toUtf8();
        if (info.isSymLink()) {
            hash.addData("l ");
            hash.addData(name);
            hash.addData(QByteArrayView("\0", 1));
            hash.addData(info.symLinkTarget().toUtf8());
            hash.addData("\n");
            continue;
        }
        if (info.isDir()) {
            hash.addData("d ");
            hash.addData(name);
            hash.addData("\n");
            continue;
        }
        const bool executable = info.permissions() & QFileDevice::ExeOwner;
        QFile file(info.filePath());
        if (!file.open(QIODevice::ReadOnly)) {
            return Scs::makeError(Tr::tr("%1: cannot read for the image hash: %2")
                                      .arg(file.fileName(), file.errorString()),
                                  Scs::Error::Kind::Io);
        }
        total += file.size();
        if (total > kMaxTreeBytes) {
            return Scs::makeError(
                Tr::tr("%1: the image source folder holds more than 2 GiB").arg(root),
                Scs::Error::Kind::InvalidInput);
        }
        hash.addData(executable ? "f 755 " : "f 644 ");
        hash.addData(name);
        hash.addData(QByteArrayView("\0", 1));
        hash.addData(QByteArray::number(file.size()));
        hash.addData("\n");
        if (!hash.addData(&file)) {
            return Scs::makeError(Tr::tr("%1: cannot read for the image hash: %2")
                                      .arg(file.fileName(), file.errorString()),
                                  Scs::Error::Kind::Io);
        }
        hash.addData("\n");
    }
    const QByteArray digest = hash.result().toHex();
    m_trees.insert(root, digest);
    return digest;
}

QString ImageHasher::combine(const QByteArray &treeDigest, const QJsonObject &config)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData("scs-image-v1\n");
    hash.addData(treeDigest);
    hash.addData("\n");
    // QJsonDocument sorts keys: the same config always gives the same bytes.
    hash.addData(QJsonDocument(config).toJson(QJsonDocument::Compact));
    return QString::fromLatin1(hash.result().toHex());
}

Scs::Result<QString> ImageHasher::imageHash(const QString &sourceDir, const QJsonObject &config)
{
    auto tree = treeDigest(sourceDir);
    if (!tree)
        return std::unexpected(tree.error());
    return combine(*tree, config);
}

} // namespace Manifest
