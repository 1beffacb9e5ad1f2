// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "manifest/compiled.h"
#include "manifest/diagnostics.h"
#include "manifest/node.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Manifest {

/**
 * A role's runtime config (manifest-format.md §2 plus contracts.md): the result
 * of merging its layer files. Paths are absolute, resolved against the file
 * each one was written in.
 */
struct RuntimeConfig
{
    struct Provide
    {
        QString name;
        QString method = QStringLiteral("disco");
        std::optional<int> publishPort;
        QString ip;
        std::optional<int> port;
        Origin origin;
    };
    struct Require
    {
        QString name;
        QString method = QStringLiteral("disco");
        QString role; // options name.role; empty = same as name
        QMap<QString, QString> attributes;
        QList<StaticEndpoint> endpoints;
        Origin origin;
        Origin roleOrigin;
    };
    struct Volume
    {
        QString name;
        QString method = QStringLiteral("local");
        QJsonObject options;
        QString path; // local/nfs: absolute path from options.path
        Origin origin;
        Origin pathOrigin;
    };

    QString sourceType; // path | git
    QString sourcePath; // path: absolute; git: the folder inside the repository ("" = its root)
    QString sourceUrl;  // git: the repository, a path made absolute, or a URL as written
    QString sourceRef;  // git: a commit, branch or tag ("" = HEAD)
    Origin sourceOrigin;
    Origin sourceUrlOrigin;
    QJsonObject imageConfig;
    QString environment;
    QString service;
    QString role;
    QList<Provide> provides;
    QList<Require> requirements;
    QList<Volume> volumes;
    QString networkMethod;
    QJsonObject networkOptions;
    QMap<QString, QString> environmentVariables;
    QMap<QString, Secret> secrets;
    std::optional<RestartPolicy> restart;
    Node tree; // the merged tree: every value keeps its file, line and layer

    /**
     * Reads a merged tree. With \p complete, keys a role needs (image.source)
     * must be present; a single layer is read with \p complete false.
     */
    [[nodiscard]] static RuntimeConfig fromNode(Node root, Diagnostics &diagnostics, bool complete);
    /** Parses and merges \p files in order (later wins), then reads the result. */
    [[nodiscard]] static Scs::Result<RuntimeConfig> loadLayers(const QStringList &files);
    /** Merges already parsed layers; sets each layer's index on its nodes. */
    [[nodiscard]] static Node mergeLayers(const QList<Node> &layers);
    /** The same over layers kept elsewhere (the compiler's parsed files), copying each once. */
    [[nodiscard]] static Node mergeLayers(const QList<const Node *> &layers);
};

} // namespace Manifest
