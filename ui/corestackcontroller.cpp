// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "corestackcontroller.h"

#include "imagesupply.h"
#include "uitr.h"

#include "disco/server.h"
#include "docker/engineclient.h"
#include "docker/enginestream.h"
#include "manifest/compiler.h"
#include "manifest/exporter.h"
#include "runtime/containermanager.h"
#include "runtime/engine.h"
#include "runtime/futureutil.h"
#include "runtime/host.h"
#include "runtime/managedcontainer.h"
#include "runtime/relocation.h"
#include "runtime/workflow.h"

#include <QFutureWatcher>
#include <QHostAddress>
#include <QRegularExpression>
#include <QtConcurrent>
#include <QTimer>

#include <cmath>

namespace Ui {

using Runtime::Internal::onResult;

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

QString plannedId(const Manifest::CompiledContainer &container)
{
    return container.role + u'@' + container.host.name;
}

bool isHostLocal(const QString &method)
{
    return method == u"local" || method == u"metavol" || method == u"docker";
}

/** "2026-11-25T15:02:12.123456789Z text" (Docker's timestamps=1) → time and text. */
LogLine parseLogLine(const QString &containerId, const QByteArray &raw, bool stderrStream)
{
    LogLine line;
    line.containerId = containerId;
    line.stderrStream = stderrStream;
    QString text = QString::fromUtf8(raw);
    if (text.endsWith(u'\r'))
        text.chop(1);
    const qsizetype space = text.indexOf(u' ');
    if (space > 0) {
        const QDateTime time = QDateTime::fromString(text.left(space), Qt::ISODateWithMs);
        if (time.isValid()) {
            line.time = time;
            line.text = text.mid(space + 1);
            return line;
        }
    }
    line.time = QDateTime::currentDateTimeUtc();
    line.text = text;
    return line;
}

} // namespace

CoreStackController::CoreStackController(QObject *parent)
    : StackController(parent)
    , m_topology(new Runtime::Topology(this))
    , m_images(new ImageSupply(this))
{
    connect(m_images, &ImageSupply::imageProgress, this, &StackController::buildProgress);
    connect(m_images, &ImageSupply::imageOutput, this, &StackController::buildOutput);
    connect(m_images, &ImageSupply::imageFinished, this, &StackController::buildFinished);
    // Planned rows follow what runs: a role that stops shows where it would start again.
    connect(m_topology, &Runtime::Topology::changed, this,
            [this](const Runtime::TopologyChange &change) {
                if (!change.containersAdded.isEmpty() || !change.containersRemoved.isEmpty())
                    syncPlanned();
            });
}

CoreStackController::~CoreStackController()
{
    for (LogFollow &follow : m_logs)
        if (follow.stream)
            follow.stream->cancel();
    m_images->cancel();
    // The manager's containers keep running in Docker; their disco sessions end with it.
    delete m_manager;
    m_manager = nullptr;
}

void CoreStackController::setDiscoServer(Disco::Server *server)
{
    m_discoServer = server;
}

void CoreStackController::setBuildEngine(const QString &dockerAddress)
{
    m_buildAddress = dockerAddress;
    if (!dockerAddress.isEmpty()) {
        if (auto config = Docker::HostConfig::fromAddress(QStringLiteral("build"), dockerAddress))
            m_images->setBuildEngine(*config);
        else
            emit progressMessage(config.error().message);
        return;
    }
    // By default the first host that runs a role builds (with its TLS files).
    if (m_stack && m_readOnlyReason.isEmpty() && !m_stack->containers.isEmpty()) {
        auto config = Runtime::DockerEngine::hostConfig(m_stack->containers.first().host);
        if (config)
            m_images->setBuildEngine(*config);
        else
            emit progressMessage(config.error().message);
    }
}

Runtime::Topology *CoreStackController::topology() const
{
    return m_topology;
}

bool CoreStackController::isBusy() const
{
    return m_running || !m_waiting.isEmpty();
}

void CoreStackController::loadStack(const QString &stackPath, const QString &hostsPath)
{
    if (isBusy()) {
        emit stackFailed(stackPath,
                         Scs::Error{Scs::Error::Kind::Conflict,
                                    tr("%1 is still running; open the stack again when it has "
                                       "ended (or cancel it)")
                                        .arg(m_runningName)});
        return;
    }
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
        if (isBusy()) {
            emit stackFailed(stackPath, Scs::Error{Scs::Error::Kind::Conflict,
                                                   tr("%1 started while the stack was opening; "
                                                      "open it again when it has ended")
                                                       .arg(m_runningName)});
            return;
        }
        applyStack(*compiled);
        emit stackLoaded(stackPath);
    });
    watcher->setFuture(QtConcurrent::run(
        [stackPath, hostsPath] { return Manifest::Compiler::compile(stackPath, hostsPath); }));
}

void CoreStackController::closeStack()
{
    for (LogFollow &follow : m_logs)
        if (follow.stream)
            follow.stream->cancel();
    m_logs.clear();
    delete m_manager;
    m_manager = nullptr;
    m_planned.clear();
    m_imagesOnHosts.clear();
    m_readOnlyReason.clear();
    m_topology->clear();
}

QString CoreStackController::documentationHosts() const
{
    QStringList names;
    for (const Manifest::CompiledHost &host : m_stack->hosts) {
        auto endpoint = Docker::Endpoint::parse(host.docker);
        if (!endpoint || isDocumentationAddress(endpoint->host)
            || isDocumentationAddress(host.address))
            names << host.name;
    }
    return names.join(QStringLiteral(", "));
}

void CoreStackController::applyStack(const Manifest::CompiledStack &stack)
{
    closeStack();
    m_stack = stack;

    const QString documentation = documentationHosts();
    if (!documentation.isEmpty()) {
        m_readOnlyReason = tr("the hosts %1 have documentation addresses (.example, 192.0.2.x) "
                              "or unreadable Docker addresses, which the dashboard never "
                              "contacts; choose a hosts file with reachable hosts to run the "
                              "stack")
                               .arg(documentation);
        showReadOnlyHosts();
        syncPlanned();
        return;
    }

    m_manager = new Runtime::ContainerManager(m_topology, this);
    connect(m_manager, &Runtime::ContainerManager::progressMessage, this,
            &StackController::progressMessage);
    m_manager->setImageBuilder([this](const Manifest::CompiledImage &image, Runtime::Engine *engine,
                                      QObject *context, Runtime::StepDone done) {
        QPointer<QObject> guard(context);
        m_images->supply(image, engine->client(), engine->hostName(),
                         isBuildEngine(engine->hostName()),
                         [guard, done](Scs::Result<void> result) {
                             if (guard)
                                 done(std::move(result));
                         });
    });

    // The manager registers and resolves through the dashboard's own disco server.
    if (!m_discoServer) {
        if (!m_ownDiscoServer) {
            m_ownDiscoServer = new Disco::Server(this);
            if (auto started = m_ownDiscoServer->start(QHostAddress::LocalHost, 0); !started)
                emit progressMessage(started.error().message);
        }
        m_discoServer = m_ownDiscoServer;
    }
    Runtime::ContainerManager::Options options;
    options.discoHost = QStringLiteral("127.0.0.1");
    options.discoPort = m_discoServer->serverPort();
    options.sessionTimeout = 0; // registrations live as long as the dashboard supervises them
    const QString local = QStringLiteral("127.0.0.1:%1").arg(options.discoPort);
    if (!stack.discoAddress.isEmpty() && stack.discoAddress != local)
        emit progressMessage(tr("The hosts file names the disco server %1; the dashboard "
                                "registers through its own server at %2")
                                 .arg(stack.discoAddress, local));
    if (Scs::Result<void> set = m_manager->setStack(stack, options); !set) {
        m_readOnlyReason = set.error().message;
        delete m_manager;
        m_manager = nullptr;
        showReadOnlyHosts();
        syncPlanned();
        return;
    }
    setBuildEngine(m_buildAddress);
    syncPlanned();
    refreshImageCache();

    // A stack that is already running (started by `scs up` or an earlier dashboard) is
    // taken over: supervised and movable from here.
    runExclusive(Operation{tr("Look for running containers"),
                           QString(),
                           [this] { return m_manager->adopt(); },
                           {},
                           false});
}

void CoreStackController::showReadOnlyHosts()
{
    for (const Manifest::CompiledHost &host : m_stack->hosts) {
        Runtime::HostInfo info;
        info.name = host.name;
        info.address = host.address;
        info.dockerEndpoint = host.docker;
        info.attributes = host.attributes;
        info.error = tr("not contacted: %1").arg(m_readOnlyReason);
        m_topology->setHost(info);
    }
}

void CoreStackController::syncPlanned()
{
    if (!m_stack)
        return;
    for (const Manifest::CompiledContainer &container : m_stack->containers) {
        const QString id = plannedId(container);
        const Runtime::ManagedContainer *managed
            = m_manager ? m_manager->container(container.role) : nullptr;
        bool live = managed != nullptr;
        for (const Runtime::ContainerInfo &row : m_topology->containers())
            live = live || (row.role == container.role && row.id != id);
        if (live) {
            // The manager owns the role's row now; a planned row elsewhere goes.
            if (m_planned.remove(id) && (!managed || managed->id() != id)
                && m_topology->container(id))
                m_topology->removeContainer(id);
            continue;
        }
        if (!m_topology->container(id)) {
            addPlanned(container);
            m_planned.insert(id);
        }
    }
}

void CoreStackController::addPlanned(const Manifest::CompiledContainer &container)
{
    Runtime::ContainerInfo info;
    info.id = plannedId(container);
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
        m_topology->setVolume({info.id + u'/' + volume.name, info.id, volume.name, volume.method,
                               volume.hostPath, volume.containerPath});
    }
    for (const Manifest::CompiledRequire &require : container.requirements) {
        Runtime::LinkInfo link;
        link.containerId = info.id;
        link.id = link.containerId + u'/' + require.name;
        link.requireName = require.name;
        const QString providerRole
            = require.lookupRole.isEmpty() ? require.name : require.lookupRole;
        // Drawn to where the provider runs now, else to where it is planned.
        for (const Runtime::ContainerInfo &row : m_topology->containers())
            if (row.role == providerRole)
                link.providerContainerId = row.id;
        if (link.providerContainerId.isEmpty())
            if (const Manifest::CompiledContainer *provider = m_stack->container(providerRole))
                link.providerContainerId = plannedId(*provider);
        m_topology->setLink(link);
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

Scs::Result<void> CoreStackController::canRun() const
{
    if (!m_stack)
        return Scs::makeError(tr("Open a stack first."), Scs::Error::Kind::InvalidInput);
    if (!m_manager)
        return Scs::makeError(tr("This stack is open read-only: %1").arg(m_readOnlyReason),
                              Scs::Error::Kind::InvalidInput);
    return {};
}

bool CoreStackController::isBuildEngine(const QString &hostName) const
{
    const Runtime::Host *host = m_manager ? m_manager->host(hostName) : nullptr;
    if (!host)
        return false;
    const auto a = Docker::Endpoint::parse(host->dockerEndpoint());
    const auto b = Docker::Endpoint::parse(m_images->buildEngineAddress());
    return a && b && a->toString() == b->toString();
}

void CoreStackController::refreshImageCache()
{
    if (!m_manager || !m_stack)
        return;
    const int generation = m_generation;
    for (Runtime::Host *host : m_manager->hosts()) {
        QSet<QString> tags;
        for (const Manifest::CompiledContainer &container : m_stack->containers)
            tags.insert(container.image.tag);
        for (const QString &tag : std::as_const(tags)) {
            const QString key = host->name() + u'\t' + tag;
            onResult(host->engine()->hasImage(tag), m_manager,
                     [this, key, generation](const Scs::Result<bool> &has) {
                         if (generation != m_generation)
                             return;
                         if (has && *has)
                             m_imagesOnHosts.insert(key);
                         else if (has)
                             m_imagesOnHosts.remove(key);
                     });
        }
    }
}

// ---- operations -------------------------------------------------------------------------

void CoreStackController::runExclusive(Operation operation)
{
    if (m_running)
        emit progressMessage(tr("%1 waits until %2 has ended").arg(operation.name, m_runningName));
    m_waiting.append(std::move(operation));
    if (!m_running)
        runNext();
}

void CoreStackController::runNext()
{
    if (m_running || m_waiting.isEmpty())
        return;
    Operation operation = m_waiting.takeFirst();
    if (!m_manager) {
        const Scs::Error error{Scs::Error::Kind::Cancelled, tr("the stack was closed")};
        if (operation.done)
            operation.done(Scs::makeError(error));
        else
            emit operationFinished(operation.name, error);
        QTimer::singleShot(0, this, &CoreStackController::runNext);
        return;
    }
    Runtime::Workflow *workflow = operation.create();
    m_running = workflow;
    m_runningName = operation.name;
    m_runningMoveId = operation.moveId;
    const QString name = operation.name;
    connect(workflow, &Runtime::Workflow::progressChanged, this,
            [this, name](int percent, const QString &phase) {
                emit operationProgress(name, phase, percent);
            });
    connect(workflow, &Runtime::Workflow::stepStarted, this,
            [this, name, workflow](int index, const QString &phase) {
                emit operationProgress(name, phase,
                                       100 * index / std::max(1, workflow->stepCount()));
            });
    connect(workflow, &Runtime::Workflow::finished, this,
            [this, workflow, operation](const Scs::Result<void> &result) {
                if (!operation.ownedByCore)
                    workflow->deleteLater();
                m_running = nullptr;
                m_runningName.clear();
                m_runningMoveId.clear();
                if (operation.done)
                    operation.done(result);
                else
                    emit operationFinished(operation.name, result ? Scs::Error{} : result.error());
                refreshImageCache();
                syncPlanned();
                QTimer::singleShot(0, this, &CoreStackController::runNext);
            });
    workflow->start();
}

Runtime::Workflow *CoreStackController::startRoleWorkflow(const QString &role)
{
    auto *workflow = new Runtime::Workflow(tr("start %1").arg(role), this);
    const Manifest::CompiledContainer *placed = m_stack->container(role);
    if (!placed) {
        workflow->addStep(tr("find the role"), [this, role](Runtime::StepDone done) {
            done(Scs::makeError(tr("the stack has no role '%1'").arg(role),
                                Scs::Error::Kind::NotFound));
        });
        return workflow;
    }
    // Where it runs now, else where the hosts file places it.
    auto hostName = std::make_shared<QString>(placed->host.name);
    workflow->addStep(tr("image"), [this, role, hostName](Runtime::StepDone done) {
        Runtime::ManagedContainer *existing = m_manager->container(role);
        if (existing && existing->isRunning()) {
            done({});
            return;
        }
        if (existing)
            *hostName = existing->host()->name();
        auto compiled = m_manager->placed(role, *hostName);
        if (!compiled) {
            done(Scs::makeError(compiled.error()));
            return;
        }
        m_manager->ensureImage(compiled->image, m_manager->host(*hostName), std::move(done));
    });
    workflow->addStep(tr("start %1").arg(role), [this, role, hostName](Runtime::StepDone done) {
        Runtime::ManagedContainer *existing = m_manager->container(role);
        if (existing && existing->isRunning()) {
            done({});
            return;
        }
        if (existing)
            m_manager->discardContainer(existing);
        auto compiled = m_manager->placed(role, *hostName);
        if (!compiled) {
            done(Scs::makeError(compiled.error()));
            return;
        }
        Runtime::ManagedContainer *container = m_manager->createContainer(*compiled);
        m_manager->adoptContainer(container);
        Runtime::Workflow::nested([container] { return container->start(); })(std::move(done));
    });
    return workflow;
}

Runtime::Workflow *CoreStackController::stopRoleWorkflow(const QString &role)
{
    auto *workflow = new Runtime::Workflow(tr("stop %1").arg(role), this);
    workflow->addStep(tr("stop %1").arg(role), [this, role](Runtime::StepDone done) {
        Runtime::ManagedContainer *container = m_manager->container(role);
        if (!container) {
            done(Scs::makeError(tr("%1 does not run in this stack").arg(role),
                                Scs::Error::Kind::NotFound));
            return;
        }
        QPointer<Runtime::ManagedContainer> guard(container);
        Runtime::Workflow::nested([container] { return container->stop(); })(
            [this, guard, done](Scs::Result<void> result) {
                if (result && guard)
                    m_manager->discardContainer(guard);
                done(std::move(result));
            });
    });
    return workflow;
}

void CoreStackController::build(const QString &role)
{
    const QString what = role.isEmpty() ? tr("Build") : tr("Build %1").arg(role);
    if (!m_stack) {
        emit operationFinished(
            what, Scs::Error{Scs::Error::Kind::InvalidInput, tr("Open a stack first.")});
        return;
    }
    if (!m_readOnlyReason.isEmpty() && m_buildAddress.isEmpty()) {
        emit operationFinished(
            what, Scs::Error{Scs::Error::Kind::InvalidInput,
                             tr("This stack is open read-only: %1").arg(m_readOnlyReason)});
        return;
    }
    QList<Manifest::CompiledImage> images;
    QSet<QString> tags;
    for (const Manifest::CompiledContainer &container : m_stack->containers) {
        if ((role.isEmpty() || container.role == role) && !tags.contains(container.image.tag)) {
            tags.insert(container.image.tag);
            images.append(container.image);
        }
    }
    if (images.isEmpty()) {
        emit operationFinished(what, Scs::Error{Scs::Error::Kind::NotFound,
                                                tr("the stack has no role '%1'").arg(role)});
        return;
    }
    const int generation = m_generation;
    m_images->build(images, [this, what, generation](Scs::Result<void> result) {
        emit operationFinished(what, result ? Scs::Error{} : result.error());
        if (generation == m_generation)
            refreshImageCache();
    });
}

void CoreStackController::start(const QString &role)
{
    const QString what = role.isEmpty() ? tr("Start") : tr("Start %1").arg(role);
    if (Scs::Result<void> ok = canRun(); !ok) {
        emit operationFinished(what, ok.error());
        return;
    }
    if (role.isEmpty())
        runExclusive(Operation{what, QString(), [this] { return m_manager->up(); }, {}, false});
    else
        runExclusive(Operation{
            what, QString(), [this, role] { return startRoleWorkflow(role); }, {}, false});
}

void CoreStackController::stop(const QString &role)
{
    const QString what = role.isEmpty() ? tr("Stop") : tr("Stop %1").arg(role);
    if (Scs::Result<void> ok = canRun(); !ok) {
        emit operationFinished(what, ok.error());
        return;
    }
    if (role.isEmpty())
        runExclusive(Operation{what, QString(), [this] { return m_manager->down(); }, {}, false});
    else
        runExclusive(
            Operation{what, QString(), [this, role] { return stopRoleWorkflow(role); }, {}, false});
}

// ---- one container ----------------------------------------------------------------------

namespace {

struct Target
{
    Runtime::Host *host = nullptr;
    QString dockerId;
    double stopTimeout = 10;
};

} // namespace

static Scs::Result<Target> runningTarget(Runtime::ContainerManager *manager,
                                         Runtime::Topology *topology, const QString &containerId)
{
    const Runtime::ContainerInfo *info = topology->container(containerId);
    if (!info)
        return Scs::makeError(Tr::tr("%1 is not part of the stack").arg(containerId),
                              Scs::Error::Kind::NotFound);
    if (info->dockerId.isEmpty() || !manager)
        return Scs::makeError(Tr::tr("%1 has no Docker container (state: %2); start it first")
                                  .arg(containerId, Runtime::toString(info->state)),
                              Scs::Error::Kind::NotFound);
    Runtime::Host *host = manager->host(info->host);
    if (!host)
        return Scs::makeError(
            Tr::tr("host %1 of %2 is not in the hosts file").arg(info->host, containerId),
            Scs::Error::Kind::NotFound);
    Target target{host, info->dockerId};
    if (const Manifest::CompiledContainer *compiled = manager->stack().container(info->role))
        target.stopTimeout = compiled->image.stopTimeout;
    return target;
}

void CoreStackController::restart(const QString &containerId)
{
    const QString what = tr("Restart %1").arg(containerId);
    const Scs::Result<Target> target = runningTarget(m_manager, m_topology, containerId);
    if (!target) {
        emit operationFinished(what, target.error());
        return;
    }
    // Docker restarts it; the supervision drops its provisions when it stops and registers
    // it again once it is healthy.
    Runtime::Engine *engine = target->host->engine();
    const QString id = target->dockerId;
    const QString hostName = target->host->name();
    onResult(engine->stopContainer(id, int(std::ceil(target->stopTimeout))), m_manager,
             [this, engine, id, what, hostName](const Scs::Result<void> &stopped) {
                 if (!stopped) {
                     emit operationFinished(
                         what, stopped.error().withContext(tr("stopping it on %1").arg(hostName)));
                     return;
                 }
                 onResult(engine->startContainer(id), m_manager,
                          [this, what, hostName](const Scs::Result<void> &started) {
                              emit operationFinished(
                                  what, started ? Scs::Error{}
                                                : started.error().withContext(
                                                    tr("starting it on %1").arg(hostName)));
                          });
             });
}

void CoreStackController::exec(const QString &containerId, const QStringList &command)
{
    const QString what = tr("Exec in %1").arg(containerId);
    if (command.isEmpty()) {
        emit operationFinished(what,
                               Scs::Error{Scs::Error::Kind::InvalidInput, tr("no command given")});
        return;
    }
    const Scs::Result<Target> target = runningTarget(m_manager, m_topology, containerId);
    if (!target) {
        emit operationFinished(what, target.error());
        return;
    }
    Docker::ExecSpec spec;
    spec.command = command;
    onResult(target->host->engine()->exec(target->dockerId, spec), m_manager,
             [this, containerId, what](const Scs::Result<Docker::ExecResult> &result) {
                 if (!result) {
                     emit operationFinished(what, result.error());
                     return;
                 }
                 QString output = QString::fromUtf8(result->standardOutput);
                 if (!result->standardError.isEmpty())
                     output += QString::fromUtf8(result->standardError);
                 emit execFinished(containerId, result->exitCode, output);
             });
}

void CoreStackController::followLogs(const QString &containerId, bool follow)
{
    if (!follow) {
        LogFollow stopped = m_logs.take(containerId);
        if (stopped.stream)
            stopped.stream->cancel();
        return;
    }
    if (m_logs.contains(containerId) && m_logs.value(containerId).stream)
        return;
    const QString what = tr("Logs of %1").arg(containerId);
    const Scs::Result<Target> target = runningTarget(m_manager, m_topology, containerId);
    if (!target) {
        emit operationFinished(what, target.error());
        return;
    }
    Docker::EngineClient *client = target->host->engine()->client();
    if (!client) {
        emit operationFinished(what, Scs::Error{Scs::Error::Kind::Generic,
                                                tr("host %1 has no Docker client to read logs "
                                                   "from")
                                                    .arg(target->host->name())});
        return;
    }
    Docker::LogOptions options;
    options.timestamps = true;
    options.tail = 200;
    Docker::LogStream *stream = client->followLogs(target->dockerId, options, this);
    m_logs[containerId].stream = stream;
    connect(stream, &Docker::LogStream::framesReceived, this,
            [this, containerId](const QList<Docker::LogFrame> &frames) {
                auto it = m_logs.find(containerId);
                if (it == m_logs.end())
                    return;
                for (const Docker::LogFrame &frame : frames) {
                    const int index = std::clamp(int(frame.stream), 0, 2);
                    QByteArray &buffer = it->partial[index];
                    buffer.append(frame.data);
                    qsizetype newline;
                    while ((newline = buffer.indexOf('\n')) >= 0) {
                        emit logLine(
                            parseLogLine(containerId, buffer.left(newline),
                                         frame.stream == Docker::LogFrame::Stream::StdErr));
                        buffer.remove(0, newline + 1);
                    }
                }
            });
    auto end = [this, containerId, stream] {
        stream->deleteLater();
        auto it = m_logs.find(containerId);
        if (it != m_logs.end() && it->stream == stream)
            m_logs.erase(it);
    };
    connect(stream, &Docker::EngineStream::completed, this, end);
    connect(stream, &Docker::EngineStream::failed, this,
            [this, end, what](const Scs::Error &error) {
                if (error.kind != Scs::Error::Kind::Cancelled)
                    emit operationFinished(what, error);
                end();
            });
}

// ---- moves ------------------------------------------------------------------------------

Scs::Result<MovePlan> CoreStackController::planMove(const QString &containerId,
                                                    const QString &targetHost)
{
    if (Scs::Result<void> ok = canRun(); !ok)
        return Scs::makeError(ok.error());
    const Runtime::ContainerInfo *info = m_topology->container(containerId);
    if (!info)
        return Scs::makeError(tr("%1 is not part of the stack").arg(containerId),
                              Scs::Error::Kind::NotFound);
    Runtime::ManagedContainer *source = m_manager->container(info->role);
    if (!source || !source->isRunning() || source->id() != containerId)
        return Scs::makeError(tr("%1 does not run; start it before moving it").arg(containerId),
                              Scs::Error::Kind::InvalidInput);
    if (info->host == targetHost)
        return Scs::makeError(tr("%1 already runs on %2").arg(info->role, targetHost),
                              Scs::Error::Kind::InvalidInput);
    Runtime::Host *target = m_manager->host(targetHost);
    if (!target)
        return Scs::makeError(tr("the hosts file has no host '%1'").arg(targetHost),
                              Scs::Error::Kind::NotFound);
    if (target->health() == Runtime::HostHealth::Down)
        return Scs::makeError(tr("host %1 does not answer").arg(targetHost),
                              Scs::Error::Kind::Network);
    const Scs::Result<Manifest::CompiledContainer> placed
        = m_manager->placed(info->role, targetHost);
    if (!placed)
        return Scs::makeError(placed.error());

    MovePlan plan;
    plan.containerId = containerId;
    plan.role = info->role;
    plan.sourceHost = info->host;
    plan.targetHost = targetHost;
    plan.image = placed->image.tag;
    plan.imageTransfer = !m_imagesOnHosts.contains(targetHost + u'\t' + placed->image.tag);
    const bool stopFirst = Runtime::Relocation::decide(m_manager->stack(), *placed)
                           == Runtime::Relocation::Mode::StopFirst;
    plan.stopFirst = stopFirst;
    for (const Manifest::CompiledVolume &volume : placed->volumes) {
        MovePlan::Volume step;
        step.name = volume.name;
        step.method = volume.method;
        step.action = isHostLocal(volume.method) ? QStringLiteral("copy")
                      : volume.method == u"nfs" || volume.method == u"aws-ec2-ebs"
                          ? QStringLiteral("attach")
                          : QStringLiteral("fresh");
        plan.volumes.append(step);
    }
    plan.healthGate = placed->image.health.has_value();
    if (placed->image.health) {
        const Manifest::Health &health = *placed->image.health;
        plan.healthTimeoutSeconds = int(
            std::ceil(health.startPeriod + health.retries * (health.interval + health.timeout)));
    }
    for (const Manifest::CompiledContainer &other : m_manager->stack().containers) {
        for (const Manifest::CompiledRequire &require : other.requirements) {
            const QString provider
                = require.lookupRole.isEmpty() ? require.name : require.lookupRole;
            if (provider != info->role || other.role == info->role)
                continue;
            const Runtime::ManagedContainer *dependent = m_manager->container(other.role);
            plan.dependents << (dependent ? dependent->id() : plannedId(other));
        }
    }
    plan.dependents.removeDuplicates();
    // Live: the new container is registered before the old one is dropped. Stop-first:
    // what the last move of this role measured, else unknown.
    plan.expectedDowntimeMs = stopFirst ? m_lastUnavailableMs.value(info->role, -1) : 0;
    return plan;
}

void CoreStackController::startMove(const MovePlan &plan)
{
    if (Scs::Result<void> ok = canRun(); !ok) {
        MoveResult result;
        result.containerId = plan.containerId;
        result.error = ok.error().message;
        emit moveFinished(result);
        return;
    }
    auto relocation = std::make_shared<QPointer<Runtime::Relocation>>();
    const QString what = tr("Move %1 to %2").arg(plan.role, plan.targetHost);
    Operation operation;
    operation.name = what;
    operation.moveId = plan.containerId;
    operation.ownedByCore = true; // the relocation owns its workflow
    operation.create = [this, plan, relocation] {
        Runtime::Workflow *workflow = m_manager->move(plan.role, plan.targetHost);
        Runtime::Relocation *moving = m_manager->lastRelocation();
        *relocation = moving;
        // The share comes from the relocation's steps: live and stop-first moves pass a
        // different number of phases (a stop-first one pre-copies, then copies the changes).
        connect(moving, &Runtime::Relocation::phaseStarted, this,
                [this, plan, moving](const QString &phase) {
                    emit moveProgress(plan.containerId, phase, moving->percent());
                });
        return workflow;
    };
    operation.done = [this, plan, relocation](const Scs::Result<void> &result) {
        handleMoveDone(plan, result, *relocation);
    };
    emit moveProgress(plan.containerId, isBusy() ? tr("waiting") : tr("starting"), 0);
    runExclusive(std::move(operation));
}

void CoreStackController::handleMoveDone(const MovePlan &plan, const Scs::Result<void> &result,
                                         Runtime::Relocation *relocation)
{
    MoveResult moved;
    moved.containerId = plan.containerId;
    moved.succeeded = bool(result);
    moved.cancelled = !result && result.error().kind == Scs::Error::Kind::Cancelled;
    if (relocation) {
        moved.unavailabilityMs = relocation->unavailableMs();
        m_lastUnavailableMs.insert(plan.role, relocation->unavailableMs());
        // The relocation names its roll-back phases "roll back: ..." (core strings).
        for (const Runtime::Relocation::Phase &phase : relocation->phases())
            if (relocation->rolledBack()
                && phase.name.startsWith(QStringLiteral("roll back"), Qt::CaseInsensitive))
                moved.rollbackSteps << phase.name;
        if (relocation->rolledBack() && moved.rollbackSteps.isEmpty())
            moved.rollbackSteps << tr("%1 runs on %2 again").arg(plan.role, plan.sourceHost);
    }
    if (result) {
        moved.newContainerId = plan.role + u'@' + plan.targetHost;
        // The dependents that are bound to the new place already (liveupdate done).
        const Runtime::Host *target = m_manager ? m_manager->host(plan.targetHost) : nullptr;
        for (const Runtime::LinkInfo &link : m_topology->links()) {
            if (link.providerContainerId == moved.newContainerId && target
                && link.boundTo.host == target->address())
                moved.dependentsUpdated << link.containerId;
        }
    } else {
        moved.error = result.error().message;
    }
    emit moveFinished(moved);
}

void CoreStackController::cancelMove(const QString &containerId)
{
    if (m_running && m_runningMoveId == containerId) {
        m_running->cancel();
        return;
    }
    for (qsizetype i = 0; i < m_waiting.size(); ++i) {
        if (m_waiting.at(i).moveId != containerId)
            continue;
        const Operation operation = m_waiting.takeAt(i);
        if (operation.done)
            operation.done(
                Scs::makeError(tr("cancelled before it started"), Scs::Error::Kind::Cancelled));
        return;
    }
}

// ---- details and export ------------------------------------------------------------------

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

Scs::Result<ExportResult> CoreStackController::exportStack(ExportFormat format, const QString &host)
{
    if (!m_stack)
        return Scs::makeError(tr("Open a stack first."), Scs::Error::Kind::InvalidInput);
    Scs::Result<Manifest::ExportResult> exported
        = format == ExportFormat::Compose
              ? Manifest::Exporter::compose(*m_stack, QStringLiteral("compose.yaml"), host)
          : format == ExportFormat::Kubernetes
              ? Manifest::Exporter::kubernetes(*m_stack, QStringLiteral("kubernetes.yaml"))
              : Manifest::Exporter::bundle(*m_stack);
    if (!exported)
        return Scs::makeError(exported.error());
    ExportResult result;
    result.files = exported->files;
    result.executables = exported->executables;
    // "role: KEY (description) -> where"; other notes are shown whole.
    static const QRegularExpression secretLine(
        QStringLiteral("^(\\S+: \\S+)(?: \\((.*)\\))? -> (.*)$"));
    for (const QString &line : std::as_const(exported->valuesToSupply)) {
        const QRegularExpressionMatch match = secretLine.match(line);
        if (match.hasMatch())
            result.operatorValues.append({match.captured(1), match.captured(2), match.captured(3)});
        else
            result.operatorValues.append({line, QString(), QString()});
    }
    return result;
}

} // namespace Ui
