// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "manifest/compiled.h"
#include "manifest/diagnostics.h"
#include "manifest/node.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Manifest {

/** An image manifest: `scs.yaml` in an image source folder (manifest-format.md §1). */
struct ImageManifest
{
    struct Provide
    {
        QString name;
        QString description;
        int port = 0;
        QString protocol = QStringLiteral("tcp");
        Origin origin;
    };
    struct Require
    {
        QString name;
        QString description;
        QString liveupdateCommand;
        bool optional = false; // only used by roles whose runtime config lists it
        Origin origin;
    };
    struct Volume
    {
        QString name;
        QString description;
        QString path; // inside the container
        Origin origin;
    };
    struct Log
    {
        QString path;
        QString type;
    };

    QString path;      // absolute path of scs.yaml
    QString sourceDir; // its folder
    QString title;
    QString description;
    QString base = QStringLiteral("scs/base:bookworm");
    QString configMethod; // "" (none) | script | puppet
    QString configScript;
    QList<Provide> provides;     // sorted by name
    QList<Require> requirements; // sorted by name
    QList<Volume> volumes;       // sorted by name
    QStringList runCommand;
    double stopTimeout = 10;
    std::optional<Health> health;
    QList<Log> logs;
    Node tree; // the parsed file, for origins

    [[nodiscard]] const Provide *provide(const QString &name) const;
    [[nodiscard]] const Require *require(const QString &name) const;
    [[nodiscard]] const Volume *volume(const QString &name) const;

    /** Loads \p path: an scs.yaml file, or an image folder that holds one. */
    [[nodiscard]] static Scs::Result<ImageManifest> load(const QString &path);
    /** Reads a parsed manifest; problems go to \p diagnostics. */
    [[nodiscard]] static ImageManifest fromNode(const Node &root, const QString &path,
                                                Diagnostics &diagnostics);
};

} // namespace Manifest
