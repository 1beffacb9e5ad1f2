// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "corestackcontroller.h"

#include "docker/engineclient.h"
#include "manifest/compiler.h"

#include <QFutureWatcher>
#include <QJsonDocument>
#include <QtConcurrent>

namespace Ui {

CoreStackController::CoreStackController(QObject *parent)
    : StackController(parent)
    , m_topology(new Runtime::Topology(this))
{}

CoreStackController::~CoreStackController() = default;

Runtime::Topology *CoreStackController::topology() const
{
    return m_topology;
}

void CoreStackController::loadStack(const QString &stackPath, const QString &hostsPath)
{
    const int generation = ++m_generation;
    // Compiling reads and hashes the image folders: off the GUI thread.
    auto *watcher = new QFutureWatcher<Scs::Result<Manifest::CompiledStack>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, stackPath] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        const Scs::Result<Manifest::CompiledStack> compiled = watcher->result();
        if (!compiled) {
            emit stackFailed(stackPath, compiled.error());
            return;
        }
        applyStack(*compiled);
        emit stackLoaded(stackPath);
    });
    watcher->setFuture(QtConcurrent::run(
        [stackPath, hostsPath] { return Manifest::Compiler::compile(stackPath, hostsPath); }));
}

void CoreStackController::applyStack(const Manifest::CompiledStack &stack)
{
    m_stack = stack;
    m_topology->clear();
    for (const Manifest::CompiledHost &host : stack.hosts) {
        Runtime::HostInfo info;
        info.name = host.name;
        info.address = host.address;
        info.dockerEndpoint = host.docker;
        info.attributes = host.attributes;
        m_topology->setHost(info);
    }
    auto idOf = [](const Manifest::CompiledContainer &container) -> QString {
        return container.role + u'@' + container.host.name;
    };
    for (const Manifest::CompiledContainer &container : stack.containers) {
        Runtime::ContainerInfo info;
        info.id = idOf(container);
        info.role = container.role;
        info.host = container.host.name;
        info.image = container.image.tag;
        info.state = Runtime::ContainerState::Planned;
        for (const Manifest::CompiledProvide &provide : container.provides) {
            if (provide.publishPort)
                info.endpoints.append({provide.name, container.host.address, *provide.publishPort});
        }
        m_topology->setContainer(info);
        for (const Manifest::CompiledVolume &volume : container.volumes) {
            m_topology->setVolume({info.id + u'/' + volume.name, info.id, volume.name,
                                   volume.method, volume.hostPath, volume.containerPath});
        }
    }
    for (const Manifest::CompiledContainer &container : stack.containers) {
        for (const Manifest::CompiledRequire &require : container.requirements) {
            Runtime::LinkInfo link;
            link.containerId = idOf(container);
            link.id = link.containerId + u'/' + require.name;
            link.requireName = require.name;
            if (const Manifest::CompiledContainer *provider = stack.container(require.lookupRole))
                link.providerContainerId = idOf(*provider);
            m_topology->setLink(link);
        }
    }
    checkHosts();
}

namespace {

/** RFC 2606/6761 names and the RFC 5737 networks: examples in documentation, never contacted. */
bool isDocumentationAddress(const QString &host)
{
    const QString lower = host.toLower();
    if (lower.endsWith(QStringLiteral(".example")) || lower == QStringLiteral("example")
        || lower.endsWith(QStringLiteral(".invalid")) || lower.endsWith(QStringLiteral(".test")))
        return true;
    return lower.startsWith(QStringLiteral("192.0.2."))
           || lower.startsWith(QStringLiteral("198.51.100."))
           || lower.startsWith(QStringLiteral("203.0.113."));
}

} // namespace

void CoreStackController::checkHosts()
{
    if (!m_stack)
        return;
    const int generation = m_generation;
    for (const Manifest::CompiledHost &host : m_stack->hosts) {
        Scs::Result<Docker::HostConfig> config
            = Docker::HostConfig::fromAddress(host.name, host.docker);
        if (!config) {
            if (const Runtime::HostInfo *known = m_topology->host(host.name)) {
                Runtime::HostInfo info = *known;
                info.health = Runtime::HostHealth::Down;
                info.error = config.error().message;
                m_topology->setHost(info);
            }
            continue;
        }
        if (isDocumentationAddress(config->endpoint.host)) {
            if (const Runtime::HostInfo *known = m_topology->host(host.name)) {
                Runtime::HostInfo info = *known;
                info.error
                    = tr("%1 is a documentation address; not contacted").arg(config->endpoint.host);
                m_topology->setHost(info);
            }
            continue;
        }
        config->endpoint.tls = {host.tls.ca, host.tls.cert, host.tls.key, true};
        config->timeoutMs = 5000;
        auto *client = new Docker::EngineClient(*config, this);
        auto *watcher = new QFutureWatcher<Scs::Result<Docker::VersionInfo>>(this);
        connect(watcher, &QFutureWatcherBase::finished, this,
                [this, watcher, client, generation, name = host.name] {
                    watcher->deleteLater();
                    client->deleteLater();
                    const Runtime::HostInfo *known = m_topology->host(name);
                    if (generation != m_generation || !known)
                        return;
                    Runtime::HostInfo info = *known;
                    const Scs::Result<Docker::VersionInfo> version = watcher->result();
                    info.health = version ? Runtime::HostHealth::Up : Runtime::HostHealth::Down;
                    info.engineVersion = version ? version->version : QString();
                    info.error = version ? QString() : version.error().message;
                    m_topology->setHost(info);
                });
        watcher->setFuture(client->version());
    }
}

QStringList CoreStackController::roles() const
{
    QStringList result;
    if (m_stack) {
        for (const Manifest::CompiledContainer &container : m_stack->containers)
            result << container.role;
    }
    return result;
}

const Manifest::CompiledContainer *CoreStackController::compiled(const QString &containerId) const
{
    if (!m_stack)
        return nullptr;
    const Runtime::ContainerInfo *info = m_topology->container(containerId);
    return info ? m_stack->container(info->role) : nullptr;
}

Scs::Result<MovePlan> CoreStackController::planMove(const QString &containerId,
                                                    const QString &targetHost)
{
    Q_UNUSED(targetHost)
    return Scs::makeError(tr("Moving %1 needs the container manager, which this build of the "
                             "dashboard is not connected to yet.")
                              .arg(containerId),
                          Scs::Error::Kind::Generic);
}

void CoreStackController::startMove(const MovePlan &plan)
{
    MoveResult result;
    result.containerId = plan.containerId;
    result.error = tr("the container manager is not connected");
    emit moveFinished(result);
}

void CoreStackController::cancelMove(const QString &)
{}

void CoreStackController::notAvailable(const QString &what)
{
    emit operationFinished(what, Scs::Error{Scs::Error::Kind::Generic,
                                            tr("the container manager is not connected to this "
                                               "build of the dashboard yet")});
}

void CoreStackController::build(const QString &role)
{
    notAvailable(role.isEmpty() ? tr("Build") : tr("Build %1").arg(role));
}

void CoreStackController::start(const QString &role)
{
    notAvailable(role.isEmpty() ? tr("Start") : tr("Start %1").arg(role));
}

void CoreStackController::stop(const QString &role)
{
    notAvailable(role.isEmpty() ? tr("Stop") : tr("Stop %1").arg(role));
}

void CoreStackController::restart(const QString &containerId)
{
    notAvailable(tr("Restart %1").arg(containerId));
}

void CoreStackController::exec(const QString &containerId, const QStringList &)
{
    notAvailable(tr("Exec in %1").arg(containerId));
}

void CoreStackController::followLogs(const QString &, bool)
{}

QList<StackController::ConfigValue>
CoreStackController::compiledConfig(const QString &containerId) const
{
    QList<ConfigValue> result;
    const Manifest::CompiledContainer *container = compiled(containerId);
    if (!container)
        return result;
    const QString marker = QStringLiteral("    <- ");
    const QStringList lines = container->explain().split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const qsizetype arrow = line.lastIndexOf(marker);
        const QString assignment = arrow < 0 ? line : line.left(arrow);
        const qsizetype equals = assignment.indexOf(QStringLiteral(" = "));
        if (equals < 0)
            continue;
        QString layer = arrow < 0 ? QString() : line.mid(arrow + marker.size());
        // Show the layer file by name, not by its absolute path.
        const qsizetype slash = layer.lastIndexOf(u'/');
        if (slash >= 0)
            layer = layer.mid(slash + 1);
        result.append({assignment.left(equals), assignment.mid(equals + 3), layer});
    }
    return result;
}

QMap<QString, QString> CoreStackController::environment(const QString &containerId) const
{
    QMap<QString, QString> result;
    const Manifest::CompiledContainer *container = compiled(containerId);
    if (!container)
        return result;
    result = container->environment;
    for (auto it = container->secrets.cbegin(); it != container->secrets.cend(); ++it)
        result.insert(it.key(), tr("(secret: %1)").arg(it->description));
    return result;
}

Scs::Result<ExportResult> CoreStackController::exportStack(ExportFormat format)
{
    if (!m_stack)
        return Scs::makeError(tr("Open a stack first."), Scs::Error::Kind::InvalidInput);
    if (format != ExportFormat::Bundle)
        return Scs::makeError(tr("The Compose and Kubernetes exporters are not part of this "
                                 "build yet; the scs bundle is."),
                              Scs::Error::Kind::Generic);
    // The bundle as `scs` reads it on a production host, without secret values: the
    // operator supplies those there.
    ExportResult result;
    result.files.insert(QStringLiteral("stack.json"),
                        QJsonDocument(m_stack->toJson()).toJson(QJsonDocument::Indented));
    for (const Manifest::CompiledContainer &container : m_stack->containers)
        result.files.insert(container.role + QStringLiteral(".json"), container.toJsonBytes(false));
    for (const Manifest::CompiledContainer &container : m_stack->containers) {
        for (auto it = container.secrets.cbegin(); it != container.secrets.cend(); ++it)
            result.operatorValues.append(
                {QStringLiteral("%1: %2").arg(container.role, it.key()), it->description});
    }
    return result;
}

} // namespace Ui
