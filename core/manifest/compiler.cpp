// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "compiler.h"

#include "diagnostics.h"
#include "gitsource.h"
#include "hostsfile.h"
#include "imagehash.h"
#include "imagemanifest.h"
#include "manifesttr.h"
#include "runtimeconfig.h"
#include "stackfile.h"
#include "yamlreader.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QtConcurrent>
#include <QThreadPool>

#include <algorithm>
#include <memory>

namespace Manifest {

namespace {

// One compile run: parsed files and image manifests are read once however many
// roles share them.
class Run
{
public:
    const Node *parse(const QString &file)
    {
        if (const auto it = m_files.constFind(file); it != m_files.cend())
            return it->get();
        auto node
            = m_prefetched.contains(file) ? m_prefetched.take(file) : YamlReader::readFile(file);
        std::shared_ptr<Node> stored;
        if (node)
            stored = std::make_shared<Node>(std::move(*node));
        else
            diagnostics.error(node.error());
        m_files.insert(file, stored);
        return stored.get();
    }

    const ImageManifest *image(const QString &sourceDir)
    {
        if (const auto it = m_images.constFind(sourceDir); it != m_images.cend())
            return it->get();
        std::shared_ptr<ImageManifest> stored;
        const QString file = QDir(sourceDir).filePath(QStringLiteral("scs.yaml"));
        if (const Node *root = parse(file))
            stored = std::make_shared<ImageManifest>(
                ImageManifest::fromNode(*root, file, diagnostics));
        m_images.insert(sourceDir, stored);
        return stored.get();
    }

    /**
     * Reads and parses \p files on all cores (most of a compile is YAML parsing); parse()
     * then takes the results in its own order, so diagnostics stay the same as without.
     */
    void prefetch(const QStringList &files)
    {
        QStringList todo;
        QSet<QString> seen;
        for (const QString &file : files) {
            if (!m_files.contains(file) && !seen.contains(file)) {
                seen.insert(file);
                todo.append(file);
            }
        }
        if (todo.size() < 8 || QThreadPool::globalInstance()->maxThreadCount() < 2)
            return;
        const std::function<Scs::Result<Node>(const QString &)> read
            = [](const QString &file) { return YamlReader::readFile(file); };
        const QList<Scs::Result<Node>> parsed
            = QtConcurrent::blockingMapped<QList<Scs::Result<Node>>>(todo, read);
        for (qsizetype i = 0; i < todo.size(); ++i)
            m_prefetched.insert(todo.at(i), parsed.at(i));
    }

    Diagnostics diagnostics;
    ImageHasher hasher;
    GitSources git;

private:
    QHash<QString, Scs::Result<Node>> m_prefetched;
    QHash<QString, std::shared_ptr<Node>> m_files;
    QHash<QString, std::shared_ptr<ImageManifest>> m_images;
};

struct RoleData
{
    const StackFile::Role *role = nullptr;
    RuntimeConfig config;
    const ImageManifest *image = nullptr;
    QString imageName;                       // the image folder's name
    std::optional<GitSources::Checkout> git; // a git source, exported
};

Origin originAt(const Node &tree, const QStringList &path)
{
    const Node *node = tree.at(path);
    return node ? node->origin : Origin{};
}

void registerTree(QMap<QString, Origin> &origins, const QString &prefix, const Node &node)
{
    origins.insert(prefix, node.origin);
    if (node.isMap()) {
        for (const Node::Entry &e : node.entries)
            registerTree(origins, prefix + u'/' + e.key, e.value);
    }
}

bool isInside(const QString &path, const QString &folder)
{
    return path == folder || path.startsWith(folder.endsWith(u'/') ? folder : folder + u'/');
}

// Where to point at for a role-level problem: the role's entry in the stack file.
Origin roleOrigin(const RoleData &data)
{
    return data.role->origin;
}

/**
 * Reports every entry of \p configured (provides, requires or volumes of the runtime config)
 * that the image does not declare in \p declared.
 */
template<typename Configured, typename Declared>
void reportUndeclared(Run &run, const QString &what, const QList<Configured> &configured,
                      const QList<Declared> &declared, const QString &imageName)
{
    QStringList names;
    for (const Declared &d : declared)
        names.append(d.name);
    for (const Configured &c : configured) {
        if (names.contains(c.name))
            continue;
        run.diagnostics.error(
            c.origin,
            Tr::tr("'container.%1.%2': image '%3' declares no %1 '%2'%4; expected one "
                   "of: %5")
                .arg(what, c.name, imageName, didYouMean(c.name, names),
                     names.isEmpty() ? Tr::tr("(none)") : names.join(QStringLiteral(", "))));
    }
}

CompiledContainer buildContainer(const RoleData &data, const StackFile &stack,
                                 const HostsFile &hosts, Run &run)
{
    const RuntimeConfig &cfg = data.config;
    const ImageManifest &image = *data.image;
    const Node &tree = cfg.tree;
    CompiledContainer c;
    c.role = data.role->name;
    c.configFiles = data.role->configFiles;
    c.name.environment = hosts.environment;
    c.name.service = stack.service;
    c.name.role = data.role->name;
    c.origins.insert(QStringLiteral("role"), data.role->origin);
    c.origins.insert(QStringLiteral("name/role"), data.role->origin);
    c.origins.insert(QStringLiteral("name/service"), stack.serviceOrigin);
    c.origins.insert(QStringLiteral("name/environment"),
                     originAt(hosts.tree, {QStringLiteral("environment")}));
    c.origins.insert(QStringLiteral("configFiles"), data.role->origin);

    // Image.
    c.image.sourceDir = cfg.sourcePath;
    c.image.manifestPath = image.path;
    c.image.name = data.imageName;
    if (data.git) {
        c.image.gitUrl = cfg.sourceUrl;
        c.image.gitRef = cfg.sourceRef.isEmpty() ? QStringLiteral("HEAD") : cfg.sourceRef;
        c.image.gitCommit = data.git->commit;
    }
    c.image.base = image.base;
    c.image.title = image.title;
    c.image.description = image.description;
    c.image.runCommand = image.runCommand;
    c.image.stopTimeout = image.stopTimeout;
    c.image.health = image.health;
    c.image.configMethod = image.configMethod;
    c.image.configScript = image.configScript;
    c.image.config = cfg.imageConfig;
    if (auto hash = run.hasher.imageHash(cfg.sourcePath, cfg.imageConfig)) {
        c.image.hash = *hash;
        c.image.tag = QStringLiteral("scs/%1:%2").arg(c.image.name, hash->left(12));
    } else {
        run.diagnostics.error(cfg.sourceOrigin, hash.error().message);
    }
    c.origins.insert(QStringLiteral("image/sourceDir"), cfg.sourceOrigin);
    c.origins.insert(QStringLiteral("image/name"), cfg.sourceOrigin);
    c.origins.insert(QStringLiteral("image/manifest"), cfg.sourceOrigin);
    if (const Node *config = tree.at({QStringLiteral("image"), QStringLiteral("config")}))
        registerTree(c.origins, QStringLiteral("image/config/values"), *config);
    const Node &itree = image.tree;
    const auto imageOrigin = [&](const QString &compiled, const QStringList &path) {
        const Node *node = itree.at(path);
        c.origins.insert(compiled, node ? node->origin : Origin{});
    };
    imageOrigin(QStringLiteral("image/base"),
                {QStringLiteral("engine"), QStringLiteral("docker"), QStringLiteral("from")});
    imageOrigin(QStringLiteral("image/title"), {QStringLiteral("about"), QStringLiteral("title")});
    imageOrigin(QStringLiteral("image/description"),
                {QStringLiteral("about"), QStringLiteral("description")});
    imageOrigin(QStringLiteral("image/run/command"),
                {QStringLiteral("run"), QStringLiteral("command")});
    imageOrigin(QStringLiteral("image/run/stopTimeout"),
                {QStringLiteral("run"), QStringLiteral("stop_timeout")});
    imageOrigin(QStringLiteral("image/health"), {QStringLiteral("health")});
    for (const auto &[compiled, key] :
         {std::pair{QStringLiteral("command"), QStringLiteral("command")},
          std::pair{QStringLiteral("interval"), QStringLiteral("interval")},
          std::pair{QStringLiteral("timeout"), QStringLiteral("timeout")},
          std::pair{QStringLiteral("retries"), QStringLiteral("retries")},
          std::pair{QStringLiteral("startPeriod"), QStringLiteral("start_period")}}) {
        imageOrigin(QStringLiteral("image/health/") + compiled, {QStringLiteral("health"), key});
    }
    imageOrigin(QStringLiteral("image/config/method"),
                {QStringLiteral("config"), QStringLiteral("method")});
    imageOrigin(QStringLiteral("image/config/script"),
                {QStringLiteral("config"), QStringLiteral("script")});
    c.origins.insert(QStringLiteral("image/hash"), Origin::computed());
    c.origins.insert(QStringLiteral("image/tag"), Origin::computed());

    const QString prefix = c.name.path() + u'/';
    const QStringList container{QStringLiteral("container")};

    // Provides: what the image declares, configured by the layers.
    for (const ImageManifest::Provide &declared : image.provides) {
        CompiledProvide p;
        p.name = declared.name;
        p.description = declared.description;
        p.containerPort = declared.port;
        p.protocol = declared.protocol;
        p.discoKey = prefix + declared.name;
        c.origins.insert(QStringLiteral("provides/") + p.name + QStringLiteral("/discoKey"),
                         Origin::computed());
        const QString at = QStringLiteral("provides/") + p.name + u'/';
        const QStringList yaml = container + QStringList{QStringLiteral("provide"), p.name};
        c.origins.insert(
            at + QStringLiteral("containerPort"),
            originAt(itree, {QStringLiteral("provide"), p.name, QStringLiteral("port")}));
        c.origins.insert(
            at + QStringLiteral("protocol"),
            originAt(itree, {QStringLiteral("provide"), p.name, QStringLiteral("protocol")}));
        c.origins.insert(
            at + QStringLiteral("description"),
            originAt(itree, {QStringLiteral("provide"), p.name, QStringLiteral("description")}));
        for (const RuntimeConfig::Provide &configured : cfg.provides) {
            if (configured.name != p.name)
                continue;
            p.method = configured.method;
            p.publishPort = configured.publishPort;
            if (p.method == u"static") {
                p.staticIp = configured.ip.isEmpty() ? QString() : configured.ip;
                p.staticPort = configured.port;
            }
            c.origins.insert(at + QStringLiteral("method"),
                             originAt(tree, yaml + QStringList{QStringLiteral("method")}));
            c.origins.insert(at + QStringLiteral("publishPort"),
                             originAt(tree, yaml
                                                + QStringList{QStringLiteral("options"),
                                                              QStringLiteral("publish.port")}));
            c.origins.insert(
                at + QStringLiteral("staticIp"),
                originAt(tree,
                         yaml + QStringList{QStringLiteral("options"), QStringLiteral("ip")}));
            c.origins.insert(
                at + QStringLiteral("staticPort"),
                originAt(tree,
                         yaml + QStringList{QStringLiteral("options"), QStringLiteral("port")}));
        }
        c.provides.append(p);
    }
    reportUndeclared(run, QStringLiteral("provide"), cfg.provides, image.provides, c.image.name);

    // Requires.
    for (const ImageManifest::Require &declared : image.requirements) {
        const bool configuredHere
            = std::any_of(cfg.requirements.cbegin(), cfg.requirements.cend(),
                          [&](const RuntimeConfig::Require &r) { return r.name == declared.name; });
        if (declared.optional && !configuredHere)
            continue;
        // `method: none` in the runtime config: this role does not use the image's require.
        const bool unused = std::any_of(cfg.requirements.cbegin(), cfg.requirements.cend(),
                                        [&](const RuntimeConfig::Require &r) {
                                            return r.name == declared.name && r.method == u"none";
                                        });
        if (unused)
            continue;
        CompiledRequire r;
        r.name = declared.name;
        r.description = declared.description;
        r.liveupdateCommand = declared.liveupdateCommand;
        r.lookupRole = declared.name;
        const QString at = QStringLiteral("requires/") + r.name + u'/';
        const QStringList yaml = container + QStringList{QStringLiteral("require"), r.name};
        c.origins.insert(
            at + QStringLiteral("liveupdate"),
            originAt(itree, {QStringLiteral("require"), r.name, QStringLiteral("liveupdate"),
                             QStringLiteral("command")}));
        for (const RuntimeConfig::Require &configured : cfg.requirements) {
            if (configured.name != r.name)
                continue;
            r.method = configured.method;
            if (!configured.role.isEmpty())
                r.lookupRole = configured.role;
            r.attributes = configured.attributes;
            r.endpoints = configured.endpoints;
            c.origins.insert(at + QStringLiteral("method"),
                             originAt(tree, yaml + QStringList{QStringLiteral("method")}));
            c.origins.insert(at + QStringLiteral("lookupRole"),
                             originAt(tree, yaml
                                                + QStringList{QStringLiteral("options"),
                                                              QStringLiteral("name.role")}));
            if (const Node *attrs = tree.at(
                    yaml + QStringList{QStringLiteral("options"), QStringLiteral("attributes")}))
                registerTree(c.origins, at + QStringLiteral("attributes"), *attrs);
            if (const Node *eps = tree.at(
                    yaml + QStringList{QStringLiteral("options"), QStringLiteral("endpoints")}))
                c.origins.insert(at + QStringLiteral("endpoints"), eps->origin);
        }
        r.discoKey
            = c.name.environment + u'/' + c.name.service + u'/' + r.lookupRole + u'/' + r.name;
        c.origins.insert(at + QStringLiteral("discoKey"), Origin::computed());
        c.requirements.append(r);
    }
    reportUndeclared(run, QStringLiteral("require"), cfg.requirements, image.requirements,
                     c.image.name);

    // Volumes.
    const QString stackDir = QFileInfo(stack.path).absolutePath();
    for (const ImageManifest::Volume &declared : image.volumes) {
        CompiledVolume v;
        v.name = declared.name;
        v.description = declared.description;
        v.containerPath = declared.path;
        const QString at = QStringLiteral("volumes/") + v.name + u'/';
        const QStringList yaml = container + QStringList{QStringLiteral("volume"), v.name};
        c.origins.insert(
            at + QStringLiteral("containerPath"),
            originAt(itree, {QStringLiteral("volume"), v.name, QStringLiteral("path")}));
        const RuntimeConfig::Volume *configured = nullptr;
        for (const RuntimeConfig::Volume &candidate : cfg.volumes) {
            if (candidate.name == v.name)
                configured = &candidate;
        }
        if (configured) {
            v.method = configured->method;
            v.options = configured->options;
            c.origins.insert(at + QStringLiteral("method"),
                             originAt(tree, yaml + QStringList{QStringLiteral("method")}));
            if (const Node *options = tree.at(yaml + QStringList{QStringLiteral("options")}))
                registerTree(c.origins, at + QStringLiteral("options"), *options);
        }
        if (v.method == u"local" || v.method == u"metavol") {
            if (configured && !configured->path.isEmpty()) {
                v.hostPath = configured->path;
                c.origins.insert(at + QStringLiteral("hostPath"), configured->pathOrigin);
                if (!isInside(v.hostPath, stackDir)) {
                    run.diagnostics.error(configured->pathOrigin,
                                          Tr::tr("volume '%1' of role '%2' resolves to '%3', "
                                                 "outside the stack folder '%4'; expected a path "
                                                 "inside it")
                                              .arg(v.name, c.role, v.hostPath, stackDir));
                }
            } else {
                v.hostPath
                    = QDir::cleanPath(stackDir + QStringLiteral("/data/") + c.role + u'/' + v.name);
                v.options.insert(QStringLiteral("path"), v.hostPath);
            }
        } else if (v.method == u"docker") {
            v.hostPath = v.options.value(QStringLiteral("name")).toString();
            if (v.hostPath.isEmpty())
                v.hostPath = c.name.dockerName() + u'-' + v.name;
        }
        c.volumes.append(v);
    }
    reportUndeclared(run, QStringLiteral("volume"), cfg.volumes, image.volumes, c.image.name);

    if (!cfg.networkMethod.isEmpty())
        c.networkMethod = cfg.networkMethod;
    c.networkOptions = cfg.networkOptions;
    c.origins.insert(
        QStringLiteral("network/method"),
        originAt(tree,
                 container + QStringList{QStringLiteral("network"), QStringLiteral("method")}));
    c.environment = cfg.environmentVariables;
    if (const Node *env = tree.at(container + QStringList{QStringLiteral("environment")}))
        registerTree(c.origins, QStringLiteral("environment"), *env);
    c.secrets = cfg.secrets;
    if (const Node *secrets = tree.at(container + QStringList{QStringLiteral("secrets")})) {
        for (const Node::Entry &e : secrets->entries) {
            c.origins.insert(QStringLiteral("secrets/") + e.key, e.value.origin);
            if (e.value.isMap())
                registerTree(c.origins, QStringLiteral("secrets/") + e.key, e.value);
        }
    }
    if (cfg.restart)
        c.restart = *cfg.restart;
    if (const Node *restart = tree.at(container + QStringList{QStringLiteral("restart")})) {
        c.origins.insert(QStringLiteral("restart/policy"),
                         originAt(*restart, {QStringLiteral("policy")}));
        c.origins.insert(QStringLiteral("restart/maxRetries"),
                         originAt(*restart, {QStringLiteral("max_retries")}));
    }

    const QString hostName = hosts.placement.value(c.role);
    if (const CompiledHost *host = hosts.host(hostName))
        c.host = *host;
    c.origins.insert(QStringLiteral("host/name"), hosts.placementOrigins.value(c.role));
    if (const Node *hostNode = hosts.tree.at({QStringLiteral("hosts"), hostName})) {
        registerTree(c.origins, QStringLiteral("host"), *hostNode);
        c.origins.insert(QStringLiteral("host/name"), hosts.placementOrigins.value(c.role));
    }
    c.discoAddress = hosts.discoAddress;
    c.origins.insert(QStringLiteral("disco/address"), hosts.discoOrigin);
    return c;
}

} // namespace

Scs::Result<CompiledStack> Compiler::compile(const QString &stackFile, const QString &hostsFile)
{
    Run run;
    const QString stackPath = QFileInfo(stackFile).absoluteFilePath();
    const Node *stackRoot = run.parse(stackPath);
    if (!stackRoot)
        return std::unexpected(run.diagnostics.toError());
    const StackFile stack = StackFile::fromNode(*stackRoot, stackPath, run.diagnostics);

    HostsFile hosts;
    if (hostsFile.isEmpty()) {
        hosts = HostsFile::implicitLocal(stack.roleNames());
    } else {
        const QString hostsPath = QFileInfo(hostsFile).absoluteFilePath();
        const Node *hostsRoot = run.parse(hostsPath);
        if (!hostsRoot)
            return std::unexpected(run.diagnostics.toError());
        hosts = HostsFile::fromNode(*hostsRoot, hostsPath, run.diagnostics);
        const QStringList roles = stack.roleNames();
        for (auto it = hosts.placement.cbegin(); it != hosts.placement.cend(); ++it) {
            if (!roles.contains(it.key())) {
                run.diagnostics.error(hosts.placementOrigins.value(it.key()),
                                      Tr::tr("placement names role '%1', which the stack lacks%2; "
                                             "expected one of: %3")
                                          .arg(it.key(), didYouMean(it.key(), roles),
                                               roles.join(QStringLiteral(", "))));
            }
        }
        if (hosts.tree.find(QStringLiteral("placement"))) {
            for (const StackFile::Role &role : stack.roles) {
                if (!hosts.placement.contains(role.name)) {
                    run.diagnostics.error(
                        hosts.placementOrigin,
                        Tr::tr("role '%1' has no placement; expected "
                               "'placement: { %1: <host> }' naming one of: %2")
                            .arg(role.name, hosts.hostNames().join(QStringLiteral(", "))));
                }
            }
        }
    }

    // Pass 1: every role's merged config and image manifest.
    {
        QStringList files;
        for (const StackFile::Role &role : stack.roles)
            files += role.configFiles;
        run.prefetch(files);
    }
    std::vector<RoleData> roles;
    roles.reserve(stack.roles.size());
    for (const StackFile::Role &role : stack.roles) {
        RoleData data;
        data.role = &role;
        QList<const Node *> layers;
        bool complete = !role.configFiles.isEmpty();
        for (const QString &file : role.configFiles) {
            if (const Node *layer = run.parse(file))
                layers.append(layer);
            else
                complete = false;
        }
        if (!complete)
            continue;
        data.config
            = RuntimeConfig::fromNode(RuntimeConfig::mergeLayers(layers), run.diagnostics, true);
        const RuntimeConfig &cfg = data.config;
        if (!cfg.role.isEmpty() && cfg.role != role.name) {
            run.diagnostics.error(
                originAt(cfg.tree, {QStringLiteral("container"), QStringLiteral("name"),
                                    QStringLiteral("role")}),
                Tr::tr("'container.name.role' is '%1' but the stack calls this "
                       "role '%2'; expected '%2' or no name.role")
                    .arg(cfg.role, role.name));
        }
        if (!cfg.service.isEmpty() && !stack.service.isEmpty() && cfg.service != stack.service) {
            run.diagnostics.error(
                originAt(cfg.tree, {QStringLiteral("container"), QStringLiteral("name"),
                                    QStringLiteral("service")}),
                Tr::tr("'container.name.service' is '%1' but the stack's "
                       "service is '%2'; expected '%2' or no name.service")
                    .arg(cfg.service, stack.service));
        }
        if (cfg.sourceType == u"git") {
            if (cfg.sourceUrl.isEmpty())
                continue; // reported: url is required
            // The repository's folder, exported at the commit: from here on a folder like
            // any path source, whose content hash covers exactly that commit's files.
            auto checkout = run.git.checkout(cfg.sourceUrl, cfg.sourceRef, cfg.sourcePath);
            if (!checkout) {
                run.diagnostics.error(cfg.sourceUrlOrigin, checkout.error().message);
                continue;
            }
            const QString inRepository = QDir::cleanPath(cfg.sourcePath);
            data.imageName = inRepository.isEmpty() || inRepository == u"."
                                 ? QFileInfo(cfg.sourceUrl).completeBaseName()
                                 : QFileInfo(inRepository).fileName();
            data.git = *checkout;
            data.config.sourcePath = checkout->folder;
        } else {
            data.imageName = QFileInfo(cfg.sourcePath).fileName();
        }
        if (cfg.sourcePath.isEmpty())
            continue;
        if (!QFileInfo(cfg.sourcePath).isDir()) {
            run.diagnostics.error(cfg.sourceOrigin,
                                  Tr::tr("image source '%1' does not exist; expected a folder "
                                         "holding scs.yaml")
                                      .arg(cfg.sourcePath));
            continue;
        }
        if (!QFileInfo(QDir(cfg.sourcePath).filePath(QStringLiteral("scs.yaml"))).isFile()) {
            run.diagnostics.error(cfg.sourceOrigin,
                                  Tr::tr("image source '%1' has no scs.yaml; expected an image "
                                         "manifest in it")
                                      .arg(cfg.sourcePath));
            continue;
        }
        data.image = run.image(cfg.sourcePath);
        if (data.image)
            roles.push_back(std::move(data));
    }

    // Pass 2: containers, then the checks that look across roles.
    CompiledStack out;
    out.service = stack.service;
    out.environment = hosts.environment;
    out.stackFile = stack.path;
    out.hostsFile = hosts.path;
    out.discoAddress = hosts.discoAddress;
    out.hosts = hosts.hosts;
    QHash<QString, const RoleData *> byName;
    for (const RoleData &data : roles)
        byName.insert(data.role->name, &data);
    const QStringList roleNames = stack.roleNames();

    struct Published
    {
        QString role;
        Origin origin;
    };
    QHash<QString, Published> published; // "host/port/protocol"

    for (const RoleData &data : roles) {
        CompiledContainer c = buildContainer(data, stack, hosts, run);
        for (const CompiledRequire &r : c.requirements) {
            if (r.method != u"disco")
                continue;
            const RuntimeConfig::Require *configured = nullptr;
            for (const auto &candidate : data.config.requirements) {
                if (candidate.name == r.name)
                    configured = &candidate;
            }
            Origin where = roleOrigin(data);
            if (configured)
                where = configured->roleOrigin.isDefault() ? configured->origin
                                                           : configured->roleOrigin;
            if (!roleNames.contains(r.lookupRole)) {
                QStringList providers;
                for (const RoleData &other : roles) {
                    if (other.image->provide(r.name))
                        providers.append(other.role->name);
                }
                if (configured && !configured->role.isEmpty()) {
                    run.diagnostics.error(where,
                                          Tr::tr("require '%1' of role '%2': name.role "
                                                 "'%3' does not exist%4; expected one of: %5")
                                              .arg(r.name, c.role, r.lookupRole,
                                                   didYouMean(r.lookupRole, roleNames),
                                                   roleNames.join(QStringLiteral(", "))));
                } else {
                    run.diagnostics.error(
                        where, Tr::tr("require '%1' of role '%2': no role is named "
                                      "'%1'; expected options name.role naming the role "
                                      "that provides it (%3)")
                                   .arg(r.name, c.role,
                                        providers.isEmpty()
                                            ? Tr::tr("no role provides '%1'").arg(r.name)
                                            : Tr::tr("provided by: %1")
                                                  .arg(providers.join(QStringLiteral(", ")))));
                }
                continue;
            }
            const RoleData *provider = byName.value(r.lookupRole);
            if (provider && !provider->image->provide(r.name)) {
                QStringList providers;
                for (const RoleData &other : roles) {
                    if (other.image->provide(r.name))
                        providers.append(other.role->name);
                }
                run.diagnostics.error(
                    where,
                    Tr::tr("require '%1' of role '%2': role '%3' does not "
                           "provide '%1'; expected a role that does (%4)")
                        .arg(r.name, c.role, r.lookupRole,
                             providers.isEmpty() ? Tr::tr("no role provides '%1'").arg(r.name)
                                                 : Tr::tr("provided by: %1")
                                                       .arg(providers.join(QStringLiteral(", ")))));
            }
        }
        for (const CompiledProvide &p : c.provides) {
            if (!p.publishPort || c.host.name.isEmpty())
                continue;
            const QString key
                = c.host.name + u'/' + QString::number(*p.publishPort) + u'/' + p.protocol;
            const Origin origin = c.origins.value(QStringLiteral("provides/") + p.name
                                                  + QStringLiteral("/publishPort"));
            if (const auto it = published.constFind(key); it != published.cend()) {
                run.diagnostics.error(
                    origin,
                    Tr::tr("host port %1/%2 on host '%3' is published twice: by "
                           "role '%4' (%5) and role '%6'; expected one port per "
                           "host")
                        .arg(*p.publishPort)
                        .arg(p.protocol, c.host.name, it->role, it->origin.position(), c.role));
            } else {
                published.insert(key, Published{c.role, origin});
            }
        }
        out.containers.append(std::move(c));
    }
    if (!run.diagnostics.isEmpty())
        return std::unexpected(run.diagnostics.toError());
    std::sort(
        out.containers.begin(), out.containers.end(),
        [](const CompiledContainer &a, const CompiledContainer &b) { return a.role < b.role; });
    return out;
}

QString Compiler::kindName(FileKind kind)
{
    switch (kind) {
    case FileKind::ImageManifest:
        return Tr::tr("image manifest");
    case FileKind::RuntimeConfig:
        return Tr::tr("runtime config");
    case FileKind::Stack:
        return Tr::tr("stack");
    case FileKind::Hosts:
        return Tr::tr("hosts file");
    case FileKind::Unknown:
        break;
    }
    return Tr::tr("unknown");
}

Compiler::FileKind Compiler::detectKind(const QString &file)
{
    if (QFileInfo(file).fileName() == u"scs.yaml" || QFileInfo(file).isDir())
        return FileKind::ImageManifest;
    auto root = YamlReader::readFile(file);
    if (!root || !root->isMap())
        return FileKind::Unknown;
    if (root->find(QStringLiteral("roles")))
        return FileKind::Stack;
    if (root->find(QStringLiteral("hosts")) || root->find(QStringLiteral("placement")))
        return FileKind::Hosts;
    if (root->find(QStringLiteral("container")) || root->find(QStringLiteral("image")))
        return FileKind::RuntimeConfig;
    if (root->find(QStringLiteral("run")) || root->find(QStringLiteral("engine"))
        || root->find(QStringLiteral("provide")))
        return FileKind::ImageManifest;
    return FileKind::Unknown;
}

Scs::Result<Compiler::FileKind> Compiler::validateFile(const QString &file)
{
    const QString path = QFileInfo(file).absoluteFilePath();
    if (!QFileInfo::exists(path)) {
        return Scs::makeError(Tr::tr("%1: no such file").arg(file), Scs::Error::Kind::NotFound);
    }
    const FileKind kind = detectKind(path);
    Diagnostics diagnostics;
    switch (kind) {
    case FileKind::Stack: {
        auto stack = compile(path);
        if (!stack)
            return std::unexpected(stack.error());
        return kind;
    }
    case FileKind::ImageManifest: {
        auto image = ImageManifest::load(path);
        if (!image)
            return std::unexpected(image.error());
        return kind;
    }
    case FileKind::Hosts: {
        auto hosts = HostsFile::load(path);
        if (!hosts)
            return std::unexpected(hosts.error());
        return kind;
    }
    case FileKind::RuntimeConfig: {
        auto root = YamlReader::readFile(path);
        if (!root)
            return std::unexpected(root.error());
        Node layer = *root;
        layer.setLayer(0);
        (void)RuntimeConfig::fromNode(layer, diagnostics, false);
        if (!diagnostics.isEmpty())
            return std::unexpected(diagnostics.toError());
        return kind;
    }
    case FileKind::Unknown:
        break;
    }
    auto root = YamlReader::readFile(path);
    if (!root)
        return std::unexpected(root.error());
    return Scs::makeError(Tr::tr("%1:1:1: cannot tell what kind of manifest this is; expected a "
                                 "stack ('roles'), a hosts file ('hosts'), a runtime config "
                                 "('image', 'container') or an image manifest (scs.yaml)")
                              .arg(path),
                          Scs::Error::Kind::InvalidInput);
}

} // namespace Manifest
