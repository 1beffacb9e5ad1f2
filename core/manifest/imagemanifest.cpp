// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "imagemanifest.h"

#include "fieldreader.h"
#include "manifesttr.h"
#include "yamlreader.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace Manifest {

using Internal::FieldReader;

namespace {

template<typename T>
const T *findByName(const QList<T> &list, const QString &name)
{
    for (const T &item : list) {
        if (item.name == name)
            return &item;
    }
    return nullptr;
}

template<typename T>
void sortByName(QList<T> &list)
{
    std::sort(list.begin(), list.end(), [](const T &a, const T &b) { return a.name < b.name; });
}

bool isValidName(const QString &name)
{
    if (name.isEmpty() || name.size() > 63)
        return false;
    for (const QChar c : name) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-' && c != u'_')
            return false;
    }
    return true;
}

} // namespace

const ImageManifest::Provide *ImageManifest::provide(const QString &name) const
{
    return findByName(provides, name);
}

const ImageManifest::Require *ImageManifest::require(const QString &name) const
{
    return findByName(requirements, name);
}

const ImageManifest::Volume *ImageManifest::volume(const QString &name) const
{
    return findByName(volumes, name);
}

Scs::Result<ImageManifest> ImageManifest::load(const QString &path)
{
    QString file = QFileInfo(path).absoluteFilePath();
    if (QFileInfo(file).isDir())
        file = QDir(file).filePath(QStringLiteral("scs.yaml"));
    auto root = YamlReader::readFile(file);
    if (!root)
        return std::unexpected(root.error());
    Diagnostics diagnostics;
    ImageManifest manifest = fromNode(*root, file, diagnostics);
    if (!diagnostics.isEmpty())
        return std::unexpected(diagnostics.toError());
    return manifest;
}

ImageManifest ImageManifest::fromNode(const Node &root, const QString &path,
                                      Diagnostics &diagnostics)
{
    ImageManifest m;
    m.path = path;
    m.sourceDir = QFileInfo(path).absolutePath();
    m.tree = root;

    FieldReader top(&root, QString(), diagnostics);
    if (!top.isValid())
        return m;
    if (root.isNullLike()) {
        diagnostics.error(root.origin, Tr::tr("the image manifest is empty; expected at least "
                                              "'run: {command: [...]}'"));
        return m;
    }

    FieldReader about(top.map(QStringLiteral("about")), QStringLiteral("about"), diagnostics);
    m.title = about.string(QStringLiteral("title")).value_or(QString());
    m.description = about.string(QStringLiteral("description")).value_or(QString());
    about.finish();

    FieldReader engine(top.map(QStringLiteral("engine")), QStringLiteral("engine"), diagnostics);
    FieldReader docker(engine.map(QStringLiteral("docker")), QStringLiteral("engine.docker"),
                       diagnostics);
    if (const auto from = docker.string(QStringLiteral("from")))
        m.base = *from;
    docker.finish();
    engine.finish();

    FieldReader config(top.map(QStringLiteral("config")), QStringLiteral("config"), diagnostics);
    m.configMethod = config
                         .choice(QStringLiteral("method"),
                                 {QStringLiteral("script"), QStringLiteral("puppet")},
                                 QStringLiteral("method"))
                         .value_or(QString());
    const Node::Entry *scriptEntry = config.entry(QStringLiteral("script"));
    m.configScript = config.string(QStringLiteral("script")).value_or(QString());
    if (config.node())
        config.require(QStringLiteral("method"), Tr::tr("script or puppet"));
    if (m.configMethod == u"script") {
        config.require(QStringLiteral("script"),
                       Tr::tr("a path under scs/ in the image folder, e.g. scs/configure.sh"));
        if (!m.configScript.isEmpty() && scriptEntry) {
            const QString clean = QDir::cleanPath(m.configScript);
            if (QDir::isAbsolutePath(clean) || !clean.startsWith(QStringLiteral("scs/"))) {
                diagnostics.error(scriptEntry->value.origin,
                                  Tr::tr("'config.script' is '%1'; expected a relative path "
                                         "under scs/ in the image folder, e.g. scs/configure.sh")
                                      .arg(m.configScript));
            } else if (!QFileInfo(QDir(m.sourceDir).filePath(clean)).isFile()) {
                diagnostics.error(scriptEntry->value.origin,
                                  Tr::tr("'config.script' names '%1', which does not exist in "
                                         "%2; expected an existing file")
                                      .arg(m.configScript, m.sourceDir));
            } else {
                m.configScript = clean;
            }
        }
    }
    config.finish();

    if (const Node *provides = top.map(QStringLiteral("provide"))) {
        for (const Node::Entry &e : provides->entries) {
            const QString ctx = QStringLiteral("provide.") + e.key;
            if (!isValidName(e.key)) {
                diagnostics.error(e.keyOrigin, Tr::tr("'%1' is not a valid name; expected "
                                                      "letters, digits, '-' or '_'")
                                                   .arg(e.key));
            }
            FieldReader p(&e.value, ctx, diagnostics);
            Provide provide;
            provide.name = e.key;
            provide.origin = e.keyOrigin;
            provide.description = p.string(QStringLiteral("description")).value_or(QString());
            provide.port = int(p.integer(QStringLiteral("port"), 1, 65535).value_or(0));
            provide.protocol = p.choice(QStringLiteral("protocol"),
                                        {QStringLiteral("tcp"), QStringLiteral("udp")})
                                   .value_or(QStringLiteral("tcp"));
            p.require(QStringLiteral("port"), Tr::tr("the container port, 1 to 65535"));
            if (!p.node() && p.isValid()) {
                diagnostics.error(e.keyOrigin, Tr::tr("'%1' is empty; expected a map with "
                                                      "'port'")
                                                   .arg(ctx));
            }
            p.finish();
            m.provides.append(provide);
        }
    }
    if (const Node *requires_ = top.map(QStringLiteral("require"))) {
        for (const Node::Entry &e : requires_->entries) {
            const QString ctx = QStringLiteral("require.") + e.key;
            if (!isValidName(e.key)) {
                diagnostics.error(e.keyOrigin, Tr::tr("'%1' is not a valid name; expected "
                                                      "letters, digits, '-' or '_'")
                                                   .arg(e.key));
            }
            FieldReader r(&e.value, ctx, diagnostics);
            Require require;
            require.name = e.key;
            require.origin = e.keyOrigin;
            require.description = r.string(QStringLiteral("description")).value_or(QString());
            require.optional = r.boolean(QStringLiteral("optional")).value_or(false);
            FieldReader live(r.map(QStringLiteral("liveupdate")),
                             ctx + QStringLiteral(".liveupdate"), diagnostics);
            if (const auto command = live.stringList(QStringLiteral("command")))
                require.liveupdateCommand = command->join(u' ');
            live.finish();
            r.finish();
            m.requirements.append(require);
        }
    }
    if (const Node *volumes = top.map(QStringLiteral("volume"))) {
        for (const Node::Entry &e : volumes->entries) {
            const QString ctx = QStringLiteral("volume.") + e.key;
            if (!isValidName(e.key)) {
                diagnostics.error(e.keyOrigin, Tr::tr("'%1' is not a valid name; expected "
                                                      "letters, digits, '-' or '_'")
                                                   .arg(e.key));
            }
            FieldReader v(&e.value, ctx, diagnostics);
            Volume volume;
            volume.name = e.key;
            volume.origin = e.keyOrigin;
            volume.description = v.string(QStringLiteral("description")).value_or(QString());
            const Node::Entry *pathEntry = v.entry(QStringLiteral("path"));
            volume.path = v.string(QStringLiteral("path")).value_or(QString());
            if (pathEntry && !volume.path.isEmpty() && !volume.path.startsWith(u'/')) {
                diagnostics.error(pathEntry->value.origin,
                                  Tr::tr("'%1.path' is '%2'; expected an absolute path inside "
                                         "the container")
                                      .arg(ctx, volume.path));
            }
            v.require(QStringLiteral("path"), Tr::tr("the absolute mount path in the container"));
            if (!v.node() && v.isValid()) {
                diagnostics.error(e.keyOrigin, Tr::tr("'%1' is empty; expected a map with "
                                                      "'path'")
                                                   .arg(ctx));
            }
            v.finish();
            m.volumes.append(volume);
        }
    }

    FieldReader run(top.map(QStringLiteral("run")), QStringLiteral("run"), diagnostics);
    if (const auto command = run.stringList(QStringLiteral("command")))
        m.runCommand = *command;
    if (const auto t = run.number(QStringLiteral("stop_timeout"), 0, 3600))
        m.stopTimeout = *t;
    run.require(QStringLiteral("command"), Tr::tr("the main process, e.g. [\"/scs/bin/start\"]"));
    run.finish();
    top.require(QStringLiteral("run"), Tr::tr("a map with 'command'"));

    if (const Node *healthNode = top.map(QStringLiteral("health"))) {
        FieldReader h(healthNode, QStringLiteral("health"), diagnostics);
        Health health;
        if (const auto command = h.stringList(QStringLiteral("command")))
            health.command = *command;
        health.interval = h.number(QStringLiteral("interval"), 0.001, 86400).value_or(2);
        health.timeout = h.number(QStringLiteral("timeout"), 0.001, 86400).value_or(5);
        health.retries = int(h.integer(QStringLiteral("retries"), 0, 100000).value_or(30));
        health.startPeriod = h.number(QStringLiteral("start_period"), 0, 86400).value_or(0);
        h.require(QStringLiteral("command"), Tr::tr("a command whose exit 0 means healthy"));
        h.finish();
        m.health = health;
    }

    if (const Node *logs = top.list(QStringLiteral("logs"))) {
        for (const Node &item : logs->items) {
            FieldReader l(&item, QStringLiteral("logs[]"), diagnostics);
            Log log;
            log.path = l.string(QStringLiteral("path")).value_or(QString());
            log.type = l.string(QStringLiteral("type")).value_or(QString());
            l.require(QStringLiteral("path"), Tr::tr("the log file's path in the container"));
            l.finish();
            m.logs.append(log);
        }
    }
    top.finish();

    sortByName(m.provides);
    sortByName(m.requirements);
    sortByName(m.volumes);
    return m;
}

} // namespace Manifest
