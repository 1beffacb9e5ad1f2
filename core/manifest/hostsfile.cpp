// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "hostsfile.h"

#include "fieldreader.h"
#include "manifesttr.h"
#include "stackfile.h"
#include "yamlreader.h"

#include <QFileInfo>
#include <QUrl>

#include <algorithm>

namespace Manifest {

using Internal::FieldReader;

namespace {

// Checks a Docker endpoint; returns what is wrong or an empty string. Sets the
// host part for the default address.
QString checkDockerEndpoint(const QString &endpoint, QString &hostPart)
{
    const QUrl url(endpoint, QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (scheme == u"unix") {
        if (!url.host().isEmpty() || !url.path().startsWith(u'/'))
            return Tr::tr("expected unix:///absolute/path/docker.sock");
        hostPart = QStringLiteral("127.0.0.1");
        return {};
    }
    if (scheme == u"tcp") {
        if (!url.isValid() || url.host().isEmpty() || url.port() <= 0
            || !(url.path().isEmpty() || url.path() == u"/")) {
            return Tr::tr("expected tcp://host:port");
        }
        hostPart = url.host();
        return {};
    }
    if (scheme == u"ssh") {
        if (!url.isValid() || url.host().isEmpty())
            return Tr::tr("expected ssh://[user@]host[:port]");
        hostPart = url.host();
        return {};
    }
    return Tr::tr("expected unix://, tcp:// or ssh://");
}

// host:port with a default port.
QString checkAddress(const QString &address, QString &normalized)
{
    const qsizetype colon = address.lastIndexOf(u':');
    QString host = address;
    int port = kDefaultDiscoPort;
    if (colon >= 0) {
        host = address.left(colon);
        bool ok = false;
        port = address.mid(colon + 1).toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            return Tr::tr("expected host:port with a port from 1 to 65535");
    }
    if (host.isEmpty() || host.contains(u'/') || host.contains(u' '))
        return Tr::tr("expected host:port");
    normalized = host + u':' + QString::number(port);
    return {};
}

} // namespace

const CompiledHost *HostsFile::host(const QString &name) const
{
    for (const CompiledHost &h : hosts) {
        if (h.name == name)
            return &h;
    }
    return nullptr;
}

QStringList HostsFile::hostNames() const
{
    QStringList names;
    for (const CompiledHost &h : hosts)
        names.append(h.name);
    return names;
}

Scs::Result<HostsFile> HostsFile::load(const QString &path)
{
    const QString file = QFileInfo(path).absoluteFilePath();
    auto root = YamlReader::readFile(file);
    if (!root)
        return std::unexpected(root.error());
    Diagnostics diagnostics;
    HostsFile hosts = fromNode(*root, file, diagnostics);
    if (!diagnostics.isEmpty())
        return std::unexpected(diagnostics.toError());
    return hosts;
}

HostsFile HostsFile::fromNode(const Node &root, const QString &path, Diagnostics &diagnostics)
{
    HostsFile h;
    h.path = path;
    h.tree = root;
    if (root.isNullLike()) {
        diagnostics.error(root.origin, Tr::tr("the hosts file is empty; expected 'environment', "
                                              "'hosts' and 'placement'"));
        return h;
    }
    FieldReader top(&root, QString(), diagnostics);
    if (!top.isValid())
        return h;
    const Node::Entry *envEntry = top.entry(QStringLiteral("environment"));
    h.environment = top.string(QStringLiteral("environment")).value_or(QString());
    if (envEntry && !h.environment.isEmpty() && !isValidRoleName(h.environment)) {
        diagnostics.error(envEntry->value.origin,
                          Tr::tr("'environment' is '%1'; expected lower-case letters, digits "
                                 "and '-', starting with a letter")
                              .arg(h.environment));
    }
    top.require(QStringLiteral("environment"), Tr::tr("the environment's name, e.g. dev"));

    FieldReader disco(top.map(QStringLiteral("disco")), QStringLiteral("disco"), diagnostics);
    if (const Node *address = disco.value(QStringLiteral("address"))) {
        h.discoOrigin = address->origin;
        if (!address->isScalar()) {
            disco.wrongType(*address, QStringLiteral("address"), Tr::tr("host:port"));
        } else if (const QString problem = checkAddress(address->scalar, h.discoAddress);
                   !problem.isEmpty()) {
            diagnostics.error(address->origin,
                              Tr::tr("'disco.address' is '%1'; %2").arg(address->scalar, problem));
        }
    }
    disco.require(QStringLiteral("address"), Tr::tr("host:port of the disco server"));
    disco.finish();
    top.require(QStringLiteral("disco"), Tr::tr("a map with 'address'"));

    if (const Node *hosts = top.map(QStringLiteral("hosts"))) {
        for (const Node::Entry &e : hosts->entries) {
            const QString ctx = QStringLiteral("hosts.") + e.key;
            FieldReader r(&e.value, ctx, diagnostics);
            CompiledHost host;
            host.name = e.key;
            QString hostPart;
            if (const Node *docker = r.value(QStringLiteral("docker"))) {
                if (!docker->isScalar()) {
                    r.wrongType(*docker, QStringLiteral("docker"), Tr::tr("a Docker endpoint URL"));
                } else if (const QString problem = checkDockerEndpoint(docker->scalar, hostPart);
                           !problem.isEmpty()) {
                    diagnostics.error(
                        docker->origin,
                        Tr::tr("'%1.docker' is '%2'; %3").arg(ctx, docker->scalar, problem));
                } else {
                    host.docker = docker->scalar;
                }
            }
            FieldReader tls(r.map(QStringLiteral("tls")), ctx + QStringLiteral(".tls"),
                            diagnostics);
            const auto tlsPath = [&](const QString &key) {
                const Node *value = tls.value(key);
                if (!value)
                    return QString();
                if (!value->isScalar()) {
                    tls.wrongType(*value, key, Tr::tr("a file path"));
                    return QString();
                }
                return Internal::resolvePath(value->scalar, value->origin);
            };
            host.tls.ca = tlsPath(QStringLiteral("ca"));
            host.tls.cert = tlsPath(QStringLiteral("cert"));
            host.tls.key = tlsPath(QStringLiteral("key"));
            if (tls.node()) {
                tls.require(QStringLiteral("ca"), Tr::tr("the CA certificate file"));
                tls.require(QStringLiteral("cert"), Tr::tr("the client certificate file"));
                tls.require(QStringLiteral("key"), Tr::tr("the client key file"));
                if (!host.docker.isEmpty() && !host.docker.startsWith(QStringLiteral("tcp://"))) {
                    diagnostics.error(tls.node()->origin,
                                      Tr::tr("'%1.tls' is set but the endpoint is '%2'; "
                                             "expected TLS only with tcp://")
                                          .arg(ctx, host.docker));
                }
            }
            tls.finish();
            host.address = r.string(QStringLiteral("address")).value_or(hostPart);
            host.attributes
                = r.stringMap(QStringLiteral("attributes")).value_or(QMap<QString, QString>());
            if (r.isValid() && !r.node()) {
                diagnostics.error(e.keyOrigin, Tr::tr("host '%1' is empty; expected at least "
                                                      "'docker'")
                                                   .arg(e.key));
            }
            r.require(QStringLiteral("docker"), Tr::tr("unix://, tcp:// or ssh:// endpoint"));
            r.finish();
            h.hosts.append(host);
            h.hostOrigins.insert(host.name, e.keyOrigin);
        }
        if (hosts->entries.empty())
            diagnostics.error(hosts->origin,
                              Tr::tr("'hosts' is empty; expected at least one host"));
    }
    top.require(QStringLiteral("hosts"), Tr::tr("a map of host names to '{ docker: ... }'"));

    if (const Node::Entry *placement = top.entry(QStringLiteral("placement")))
        h.placementOrigin = placement->keyOrigin;
    if (const Node *placement = top.map(QStringLiteral("placement"))) {
        const QStringList names = h.hostNames();
        for (const Node::Entry &e : placement->entries) {
            if (!e.value.isScalar()) {
                diagnostics.error(e.value.origin, Tr::tr("'placement.%1' is %2; expected a host "
                                                         "name")
                                                      .arg(e.key, e.value.kindName()));
                continue;
            }
            if (!names.contains(e.value.scalar) && top.value(QStringLiteral("hosts"))) {
                diagnostics.error(e.value.origin,
                                  Tr::tr("role '%1' is placed on host '%2', which the hosts file "
                                         "lacks%3; expected one of: %4")
                                      .arg(e.key, e.value.scalar, didYouMean(e.value.scalar, names),
                                           names.join(QStringLiteral(", "))));
            }
            h.placement.insert(e.key, e.value.scalar);
            h.placementOrigins.insert(e.key, e.value.origin);
        }
    }
    top.require(QStringLiteral("placement"), Tr::tr("a map of role names to host names"));
    top.finish();
    std::sort(h.hosts.begin(), h.hosts.end(),
              [](const CompiledHost &a, const CompiledHost &b) { return a.name < b.name; });
    return h;
}

HostsFile HostsFile::implicitLocal(const QStringList &roles)
{
    HostsFile h;
    h.environment = QStringLiteral("dev");
    h.discoAddress = QStringLiteral("127.0.0.1:%1").arg(kDefaultDiscoPort);
    CompiledHost local;
    local.name = QStringLiteral("local");
    local.docker = QStringLiteral("unix:///var/run/docker.sock");
    local.address = QStringLiteral("127.0.0.1");
    local.attributes.insert(QStringLiteral("zone"), QStringLiteral("local"));
    h.hosts.append(local);
    for (const QString &role : roles)
        h.placement.insert(role, local.name);
    return h;
}

} // namespace Manifest
