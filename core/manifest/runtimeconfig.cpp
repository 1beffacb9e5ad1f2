// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "runtimeconfig.h"

#include "fieldreader.h"
#include "gitsource.h"
#include "manifesttr.h"
#include "yamlreader.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace Manifest {

using Internal::FieldReader;

namespace {

const QStringList kProvideMethods{QStringLiteral("disco"), QStringLiteral("static")};
const QStringList kRequireMethods{QStringLiteral("disco"), QStringLiteral("static"),
                                  QStringLiteral("none")};
const QStringList kVolumeMethods{QStringLiteral("local"), QStringLiteral("metavol"),
                                 QStringLiteral("docker"), QStringLiteral("nfs"),
                                 QStringLiteral("aws-ec2-ebs")};
const QStringList kNetworkMethods{QStringLiteral("default"), QStringLiteral("host"),
                                  QStringLiteral("aws-ec2-eni")};
const QStringList kRestartPolicies{QStringLiteral("no"), QStringLiteral("on-failure"),
                                   QStringLiteral("always"), QStringLiteral("unless-stopped")};

/**
 * Why \p pattern is not a valid regular expression, empty when it is. A stack repeats
 * the same few patterns in every role, and compiling one costs far more than a lookup.
 */
QString regexProblem(const QString &pattern)
{
    thread_local QHash<QString, QString> known;
    if (const auto it = known.constFind(pattern); it != known.cend())
        return *it;
    const QRegularExpression re(pattern);
    const QString problem = re.isValid() ? QString() : re.errorString();
    if (known.size() >= 256)
        known.clear(); // bounded: the patterns come from the manifests
    known.insert(pattern, problem);
    return problem;
}

bool isIpv4(const QString &text)
{
    const QStringList parts = text.split(u'.');
    if (parts.size() != 4)
        return false;
    for (const QString &part : parts) {
        bool ok = false;
        const int n = part.toInt(&ok);
        if (!ok || n < 0 || n > 255 || part.isEmpty() || part.size() > 3)
            return false;
    }
    return true;
}

// Options of a volume method: which keys it takes, and which of them are host paths.
struct VolumeOptionSpec
{
    QStringList keys;
    QStringList paths;
};

VolumeOptionSpec volumeOptions(const QString &method)
{
    if (method == u"local")
        return {{QStringLiteral("path")}, {QStringLiteral("path")}};
    if (method == u"metavol")
        return {{QStringLiteral("path"), QStringLiteral("size")}, {QStringLiteral("path")}};
    if (method == u"docker")
        return {{QStringLiteral("name"), QStringLiteral("driver"), QStringLiteral("driver_opts")},
                {}};
    if (method == u"nfs")
        return {{QStringLiteral("server"), QStringLiteral("export"), QStringLiteral("options")},
                {}};
    if (method == u"aws-ec2-ebs")
        return {{QStringLiteral("size"), QStringLiteral("type"), QStringLiteral("volume_id"),
                 QStringLiteral("availability_zone"), QStringLiteral("filesystem")},
                {}};
    return {};
}

void readProvides(FieldReader &container, RuntimeConfig &config, Diagnostics &diagnostics)
{
    const Node *provides = container.map(QStringLiteral("provide"));
    if (!provides)
        return;
    for (const Node::Entry &e : provides->entries) {
        const QString ctx = QStringLiteral("container.provide.") + e.key;
        FieldReader p(&e.value, ctx, diagnostics);
        RuntimeConfig::Provide provide;
        provide.name = e.key;
        provide.origin = e.keyOrigin;
        provide.method
            = p.choice(QStringLiteral("method"), kProvideMethods).value_or(QStringLiteral("disco"));
        FieldReader options(p.map(QStringLiteral("options")), ctx + QStringLiteral(".options"),
                            diagnostics);
        if (const auto port = options.integer(QStringLiteral("publish.port"), 1, 65535))
            provide.publishPort = int(*port);
        if (provide.method == u"static") {
            const Node::Entry *ipEntry = options.entry(QStringLiteral("ip"));
            provide.ip = options.string(QStringLiteral("ip")).value_or(QString());
            if (ipEntry && !provide.ip.isEmpty() && !isIpv4(provide.ip)) {
                diagnostics.error(ipEntry->value.origin,
                                  Tr::tr("'%1.options.ip' is '%2'; expected an IPv4 address")
                                      .arg(ctx, provide.ip));
            }
            if (const auto port = options.integer(QStringLiteral("port"), 1, 65535))
                provide.port = int(*port);
        }
        options.finish();
        p.finish();
        config.provides.append(provide);
    }
}

void readRequires(FieldReader &container, RuntimeConfig &config, Diagnostics &diagnostics)
{
    const Node *requires_ = container.map(QStringLiteral("require"));
    if (!requires_)
        return;
    for (const Node::Entry &e : requires_->entries) {
        const QString ctx = QStringLiteral("container.require.") + e.key;
        FieldReader r(&e.value, ctx, diagnostics);
        RuntimeConfig::Require require;
        require.name = e.key;
        require.origin = e.keyOrigin;
        require.method
            = r.choice(QStringLiteral("method"), kRequireMethods).value_or(QStringLiteral("disco"));
        FieldReader options(r.map(QStringLiteral("options")), ctx + QStringLiteral(".options"),
                            diagnostics);
        if (const Node::Entry *roleEntry = options.entry(QStringLiteral("name.role")))
            require.roleOrigin = roleEntry->value.origin;
        require.role = options.string(QStringLiteral("name.role")).value_or(QString());
        if (const auto attributes = options.stringMap(QStringLiteral("attributes"))) {
            require.attributes = *attributes;
            const Node *attrNode = options.value(QStringLiteral("attributes"));
            for (const Node::Entry &a : attrNode->entries) {
                if (const QString problem = regexProblem(a.value.scalar); !problem.isEmpty()) {
                    diagnostics.error(a.value.origin,
                                      Tr::tr("'%1.options.attributes.%2' is not a valid regular "
                                             "expression (%3); expected e.g. \"^eu-\"")
                                          .arg(ctx, a.key, problem));
                }
            }
        }
        if (require.method == u"static") {
            if (const Node *endpoints = options.list(QStringLiteral("endpoints"))) {
                for (const Node &item : endpoints->items) {
                    FieldReader ep(&item, ctx + QStringLiteral(".options.endpoints[]"),
                                   diagnostics);
                    StaticEndpoint endpoint;
                    const Node::Entry *ipEntry = ep.entry(QStringLiteral("ip"));
                    endpoint.ip = ep.string(QStringLiteral("ip")).value_or(QString());
                    if (ipEntry && !endpoint.ip.isEmpty() && !isIpv4(endpoint.ip)) {
                        diagnostics.error(ipEntry->value.origin,
                                          Tr::tr("'%1.options.endpoints[].ip' is '%2'; expected "
                                                 "an IPv4 address")
                                              .arg(ctx, endpoint.ip));
                    }
                    endpoint.port = int(ep.integer(QStringLiteral("port"), 1, 65535).value_or(0));
                    endpoint.attributes = ep.stringMap(QStringLiteral("attributes"))
                                              .value_or(QMap<QString, QString>());
                    ep.require(QStringLiteral("ip"), Tr::tr("an IPv4 address"));
                    ep.require(QStringLiteral("port"), Tr::tr("a port from 1 to 65535"));
                    ep.finish();
                    require.endpoints.append(endpoint);
                }
            }
            options.require(QStringLiteral("endpoints"),
                            Tr::tr("a list of {ip, port} for a static require"));
        }
        options.finish();
        r.finish();
        config.requirements.append(require);
    }
}

void readVolumes(FieldReader &container, RuntimeConfig &config, Diagnostics &diagnostics)
{
    const Node *volumes = container.map(QStringLiteral("volume"));
    if (!volumes)
        return;
    for (const Node::Entry &e : volumes->entries) {
        const QString ctx = QStringLiteral("container.volume.") + e.key;
        FieldReader v(&e.value, ctx, diagnostics);
        RuntimeConfig::Volume volume;
        volume.name = e.key;
        volume.origin = e.keyOrigin;
        volume.method
            = v.choice(QStringLiteral("method"), kVolumeMethods).value_or(QStringLiteral("local"));
        const VolumeOptionSpec spec = volumeOptions(volume.method);
        FieldReader options(v.map(QStringLiteral("options")), ctx + QStringLiteral(".options"),
                            diagnostics);
        for (const QString &key : spec.keys) {
            const Node *value = options.value(key);
            if (!value)
                continue;
            if (spec.paths.contains(key)) {
                if (!value->isScalar()) {
                    options.wrongType(*value, key, Tr::tr("a path"));
                    continue;
                }
                const QString resolved = Internal::resolvePath(value->scalar, value->origin);
                volume.options.insert(key, resolved);
                if (key == u"path") {
                    volume.path = resolved;
                    volume.pathOrigin = value->origin;
                }
            } else {
                volume.options.insert(key, value->toJson());
            }
        }
        options.finish();
        v.finish();
        config.volumes.append(volume);
    }
}

template<typename T>
void sortByName(QList<T> &list)
{
    std::sort(list.begin(), list.end(), [](const T &a, const T &b) { return a.name < b.name; });
}

} // namespace

RuntimeConfig RuntimeConfig::fromNode(Node input, Diagnostics &diagnostics, bool complete)
{
    RuntimeConfig c;
    c.tree = std::move(input);
    const Node &root = c.tree;
    FieldReader top(&root, QString(), diagnostics);
    if (!top.isValid())
        return c;

    FieldReader image(top.map(QStringLiteral("image")), QStringLiteral("image"), diagnostics);
    FieldReader source(image.map(QStringLiteral("source")), QStringLiteral("image.source"),
                       diagnostics);
    c.sourceType
        = source.choice(QStringLiteral("type"), {QStringLiteral("path"), QStringLiteral("git")})
              .value_or(QStringLiteral("path"));
    const bool git = c.sourceType == u"git";
    if (const Node *path = source.value(QStringLiteral("path"))) {
        if (path->isScalar()) {
            // A path source is a folder next to this file; a git source's path is a folder
            // inside the repository.
            c.sourcePath = git ? QDir::cleanPath(path->scalar)
                               : Internal::resolvePath(path->scalar, path->origin);
            c.sourceOrigin = path->origin;
        } else {
            source.wrongType(*path, QStringLiteral("path"), Tr::tr("a path"));
        }
    }
    if (const Node *url = source.value(QStringLiteral("url")); url && url->isScalar()) {
        // A repository on this machine is relative to this file, like a path source;
        // URLs stay as written.
        const bool written = GitSources::isRemote(url->scalar)
                             || url->scalar.startsWith(QStringLiteral("file://"));
        c.sourceUrl = written ? url->scalar : Internal::resolvePath(url->scalar, url->origin);
        c.sourceUrlOrigin = url->origin;
    }
    (void)source.string(QStringLiteral("url")); // a non-string url is reported here
    if (git && c.sourceOrigin.isDefault())
        c.sourceOrigin = c.sourceUrlOrigin;
    c.sourceRef = source.string(QStringLiteral("ref")).value_or(QString());
    if (complete && source.node()) {
        if (c.sourceType == u"path") {
            source.require(QStringLiteral("path"), Tr::tr("the image source folder, relative to "
                                                          "this file"));
        } else {
            source.require(QStringLiteral("url"), Tr::tr("a git URL"));
        }
    }
    source.finish();
    if (const Node *config = image.value(QStringLiteral("config"))) {
        if (config->isMap())
            c.imageConfig = config->toJson().toObject();
        else
            image.wrongType(*config, QStringLiteral("config"), Tr::tr("a map of sections"));
    }
    if (complete && image.node())
        image.require(QStringLiteral("source"), Tr::tr("a map with 'type' and 'path'"));
    image.finish();
    if (complete)
        top.require(QStringLiteral("image"), Tr::tr("a map with 'source'"));

    FieldReader container(top.map(QStringLiteral("container")), QStringLiteral("container"),
                          diagnostics);
    FieldReader name(container.map(QStringLiteral("name")), QStringLiteral("container.name"),
                     diagnostics);
    c.environment = name.string(QStringLiteral("environment")).value_or(QString());
    c.service = name.string(QStringLiteral("service")).value_or(QString());
    c.role = name.string(QStringLiteral("role")).value_or(QString());
    name.finish();

    readProvides(container, c, diagnostics);
    readRequires(container, c, diagnostics);
    readVolumes(container, c, diagnostics);

    FieldReader network(container.map(QStringLiteral("network")),
                        QStringLiteral("container.network"), diagnostics);
    c.networkMethod = network.choice(QStringLiteral("method"), kNetworkMethods).value_or(QString());
    if (const Node *options = network.map(QStringLiteral("options")))
        c.networkOptions = options->toJson().toObject();
    network.finish();

    c.environmentVariables
        = container.stringMap(QStringLiteral("environment")).value_or(QMap<QString, QString>());
    if (const Node *secrets = container.map(QStringLiteral("secrets"))) {
        for (const Node::Entry &e : secrets->entries) {
            const QString ctx = QStringLiteral("container.secrets.") + e.key;
            Secret secret;
            if (e.value.isScalar()) {
                secret.value = e.value.scalar;
            } else {
                FieldReader s(&e.value, ctx, diagnostics);
                secret.value = s.string(QStringLiteral("value")).value_or(QString());
                secret.description = s.string(QStringLiteral("description")).value_or(QString());
                s.finish();
            }
            if (c.environmentVariables.contains(e.key)) {
                diagnostics.error(e.keyOrigin, Tr::tr("'%1' is both in container.environment "
                                                      "and container.secrets; expected one of "
                                                      "them")
                                                   .arg(e.key));
            }
            c.secrets.insert(e.key, secret);
        }
    }
    FieldReader restart(container.map(QStringLiteral("restart")),
                        QStringLiteral("container.restart"), diagnostics);
    if (restart.node()) {
        RestartPolicy policy;
        policy.policy
            = restart.choice(QStringLiteral("policy"), kRestartPolicies).value_or(policy.policy);
        policy.maxRetries
            = int(restart.integer(QStringLiteral("max_retries"), 0, 1000000).value_or(0));
        c.restart = policy;
    }
    restart.finish();
    container.finish();
    top.finish();

    sortByName(c.provides);
    sortByName(c.requirements);
    sortByName(c.volumes);
    return c;
}

Node RuntimeConfig::mergeLayers(const QList<Node> &layers)
{
    QList<const Node *> pointers;
    pointers.reserve(layers.size());
    for (const Node &layer : layers)
        pointers.append(&layer);
    return mergeLayers(pointers);
}

Node RuntimeConfig::mergeLayers(const QList<const Node *> &layers)
{
    Node merged;
    for (qsizetype i = 0; i < layers.size(); ++i) {
        Node layer = *layers.at(i); // one copy each: the layer numbers are set on it
        layer.setLayer(int(i));
        if (i == 0)
            merged = std::move(layer);
        else
            merged.mergeFrom(std::move(layer));
    }
    return merged;
}

Scs::Result<RuntimeConfig> RuntimeConfig::loadLayers(const QStringList &files)
{
    Diagnostics diagnostics;
    QList<Node> layers;
    for (const QString &file : files) {
        auto node = YamlReader::readFile(QFileInfo(file).absoluteFilePath());
        if (!node) {
            diagnostics.error(node.error());
            continue;
        }
        layers.append(*node);
    }
    if (!diagnostics.isEmpty())
        return std::unexpected(diagnostics.toError());
    RuntimeConfig config = fromNode(mergeLayers(layers), diagnostics, true);
    if (!diagnostics.isEmpty())
        return std::unexpected(diagnostics.toError());
    return config;
}

} // namespace Manifest
