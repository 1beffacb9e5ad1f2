// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "containermanager.h"

#include "disco/client.h"
#include "docker/engineclient.h"
#include "engine.h"
#include "futureutil.h"
#include "host.h"
#include "imagebuilder.h"
#include "managedcontainer.h"
#include "relocation.h"
#include "runtimelog.h"
#include "runtimetr.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>
#include <QSet>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>

namespace Runtime {

using Internal::onResult;

ContainerManager::ContainerManager(Topology *topology, QObject *parent)
    : QObject(parent)
    , m_topology(topology)
{
    m_engineFactory = [this](const Manifest::CompiledHost &host) -> Scs::Result<Engine *> {
        // A documentation host is never contacted: its TLS files need not exist either.
        auto engine = Host::isDocumentationAddress(host.docker)
                          ? DockerEngine::create(host.name, host.docker, nullptr)
                          : DockerEngine::create(host, nullptr);
        if (!engine)
            return Scs::makeError(engine.error());
        return static_cast<Engine *>(*engine);
    };
}

ContainerManager::~ContainerManager() = default;

QList<Host *> ContainerManager::hosts() const
{
    return m_hosts.values();
}

Host *ContainerManager::host(const QString &name) const
{
    return m_hosts.value(name);
}

ManagedContainer *ContainerManager::container(const QString &role) const
{
    return m_containers.value(role);
}

QString ContainerManager::stackLabel() const
{
    return m_stack.environment + u'/' + m_stack.service;
}

Scs::Result<void> ContainerManager::setStack(const Manifest::CompiledStack &stack,
                                             const Options &options)
{
    if (!m_containers.isEmpty())
        return Scs::makeError(Tr::tr("a stack is already running in this manager"),
                              Scs::Error::Kind::Conflict);
    for (Host *host : std::as_const(m_hosts)) {
        m_topology->removeHost(host->name());
        delete host;
    }
    m_hosts.clear();
    m_stack = stack;
    m_options = options;
    auto order = startOrder(stack);
    if (!order)
        return Scs::makeError(order.error());
    for (const Manifest::CompiledHost &compiled : stack.hosts) {
        auto engine = m_engineFactory(compiled);
        if (!engine)
            return Scs::makeError(engine.error());
        auto *host = new Host(compiled.name, compiled.address, compiled.attributes, compiled.docker,
                              *engine, m_topology, this);
        m_hosts.insert(compiled.name, host);
        host->startMonitoring(options.pingIntervalMs);
    }
    if (!options.buildHost.isEmpty() && !m_hosts.contains(options.buildHost))
        return Scs::makeError(
            Tr::tr("the build host '%1' is not a host of the hosts file (hosts: "
                   "%2)")
                .arg(options.buildHost, m_hosts.keys().join(QStringLiteral(", "))),
            Scs::Error::Kind::InvalidInput);
    for (const Manifest::CompiledContainer &container : stack.containers) {
        if (!m_hosts.contains(container.host.name))
            return Scs::makeError(Tr::tr("role %1 is placed on host '%2', which the hosts file "
                                         "does not define")
                                      .arg(container.role, container.host.name),
                                  Scs::Error::Kind::InvalidInput);
    }
    return {};
}

Scs::Result<QList<QStringList>> ContainerManager::startOrder(const Manifest::CompiledStack &stack)
{
    QSet<QString> roles;
    for (const auto &c : stack.containers)
        roles.insert(c.role);
    QMap<QString, QSet<QString>> dependsOn;
    for (const auto &c : stack.containers) {
        dependsOn[c.role];
        for (const auto &require : c.requirements) {
            const QString provider
                = require.lookupRole.isEmpty() ? require.name : require.lookupRole;
            // Only providers inside the stack order the start; a role may require itself.
            if (require.method == u"disco" && provider != c.role && roles.contains(provider))
                dependsOn[c.role].insert(provider);
        }
    }
    QList<QStringList> levels;
    QSet<QString> placed;
    while (placed.size() < roles.size()) {
        QStringList level;
        for (auto it = dependsOn.begin(); it != dependsOn.end(); ++it) {
            if (placed.contains(it.key()))
                continue;
            bool ready = true;
            for (const QString &provider : it.value())
                ready = ready && placed.contains(provider);
            if (ready)
                level.append(it.key());
        }
        if (level.isEmpty()) {
            QStringList rest;
            for (const QString &role : roles)
                if (!placed.contains(role))
                    rest.append(role);
            rest.sort();
            return Scs::makeError(Tr::tr("the roles %1 require each other in a cycle; no start "
                                         "order exists")
                                      .arg(rest.join(QStringLiteral(", "))),
                                  Scs::Error::Kind::InvalidInput);
        }
        level.sort();
        for (const QString &role : level)
            placed.insert(role);
        levels.append(level);
    }
    return levels;
}

Scs::Result<Manifest::CompiledContainer> ContainerManager::placed(const QString &role,
                                                                  const QString &hostName) const
{
    const Manifest::CompiledContainer *compiled = m_stack.container(role);
    if (!compiled)
        return Scs::makeError(Tr::tr("the stack %1 has no role '%2'").arg(stackLabel(), role),
                              Scs::Error::Kind::NotFound);
    const Manifest::CompiledHost *host = m_stack.host(hostName);
    if (!host)
        return Scs::makeError(Tr::tr("the hosts file has no host '%1'").arg(hostName),
                              Scs::Error::Kind::NotFound);
    Manifest::CompiledContainer copy = *compiled;
    copy.host = *host;
    return copy;
}

ManagedContainer *ContainerManager::createContainer(const Manifest::CompiledContainer &compiled)
{
    ManagedContainer::Options options;
    options.discoHost = m_options.discoHost;
    options.discoPort = m_options.discoPort;
    options.sessionTimeout = m_options.sessionTimeout;
    options.healthPollMs = m_options.healthPollMs;
    return new ManagedContainer(compiled, m_hosts.value(compiled.host.name), m_topology, options,
                                this);
}

void ContainerManager::adoptContainer(ManagedContainer *container)
{
    m_containers.insert(container->role(), container);
}

void ContainerManager::discardContainer(ManagedContainer *container)
{
    if (m_containers.value(container->role()) == container)
        m_containers.remove(container->role());
    m_topology->removeContainer(container->id());
    container->deleteLater();
}

void ContainerManager::transferImage(const QString &reference, Host *from, Host *to, StepDone done)
{
    auto dir = std::make_shared<QTemporaryDir>();
    if (!dir->isValid()) {
        done(Scs::makeError(Tr::tr("no temporary folder to carry image %1").arg(reference),
                            Scs::Error::Kind::Io));
        return;
    }
    const QString file = dir->filePath(QStringLiteral("image.tar"));
    emit progressMessage(
        Tr::tr("carrying image %1 from %2 to %3").arg(reference, from->name(), to->name()));
    if (from->engine()->client() && to->engine()->client()) {
        // Real engines: save streamed into load, no file.
        onResult(Docker::EngineClient::transferImages(*from->engine()->client(),
                                                      *to->engine()->client(), {reference}),
                 this, [reference, from, to, done](const Scs::Result<void> &moved) {
                     if (!moved) {
                         done(Scs::makeError(moved.error().withContext(
                             Tr::tr("carrying image %1 from %2 to %3")
                                 .arg(reference, from->name(), to->name()))));
                         return;
                     }
                     done({});
                 });
        return;
    }
    onResult(from->engine()->saveImages({reference}, file), this,
             [this, dir, file, reference, from, to, done](const Scs::Result<void> &saved) {
                 if (!saved) {
                     done(Scs::makeError(saved.error().withContext(
                         Tr::tr("saving image %1 on %2").arg(reference, from->name()))));
                     return;
                 }
                 onResult(
                     to->engine()->loadImages(file), this,
                     [dir, reference, to, done](const Scs::Result<void> &loaded) {
                         if (!loaded) {
                             done(Scs::makeError(loaded.error().withContext(
                                 Tr::tr("loading image %1 on %2").arg(reference, to->name()))));
                             return;
                         }
                         done({});
                     });
             });
}

void ContainerManager::buildImage(const Manifest::CompiledImage &image, Host *on, StepDone done)
{
    Docker::EngineClient *client = on->engine()->client();
    if (!client) {
        done(Scs::makeError(Tr::tr("image %1 (%2) is on none of the stack's hosts and host %3 "
                                   "cannot build it; build it first (scs build)")
                                .arg(image.tag, image.name, on->name()),
                            Scs::Error::Kind::NotFound));
        return;
    }
    auto *builder = new Runtime::ImageBuilder(*client, this);
    auto lastStep = std::make_shared<int>(-1);
    auto failure = std::make_shared<std::optional<Scs::Error>>();
    const QString hostName = on->name();
    connect(builder, &Runtime::ImageBuilder::imageStarted, this,
            [this, hostName](const QString &tag) {
                emit progressMessage(Tr::tr("building image %1 on %2").arg(tag, hostName));
            });
    connect(builder, &Runtime::ImageBuilder::imageProgressed, this,
            [this, lastStep](const QString &tag, int step, int total, const QString &text) {
                if (step == *lastStep || step <= 0)
                    return;
                *lastStep = step;
                emit progressMessage(Tr::tr("  %1: step %2/%3 %4")
                                         .arg(tag)
                                         .arg(step)
                                         .arg(total)
                                         .arg(text.simplified().left(60)));
            });
    connect(builder, &Runtime::ImageBuilder::imageBuilt, this,
            [this, hostName](const QString &tag, const QString &, qint64 ms) {
                emit progressMessage(Tr::tr("built image %1 on %2 in %3 s")
                                         .arg(tag, hostName)
                                         .arg(double(ms) / 1000.0, 0, 'f', 1));
            });
    connect(builder, &Runtime::ImageBuilder::imageSkipped, this,
            [this, hostName](const QString &tag) {
                emit progressMessage(Tr::tr("image %1 is up to date on %2").arg(tag, hostName));
            });
    connect(builder, &Runtime::ImageBuilder::imageFailed, this,
            [failure](const QString &, const Scs::Error &error) { *failure = error; });
    connect(builder, &Runtime::ImageBuilder::finished, this,
            [builder, failure, done, image, hostName](int, int, int failed) {
                builder->deleteLater();
                if (failed > 0) {
                    Scs::Error error = failure->value_or(
                        Scs::Error{Scs::Error::Kind::Generic, Tr::tr("the build failed")});
                    done(Scs::makeError(error.withContext(
                        Tr::tr("building image %1 on host %2").arg(image.tag, hostName))));
                    return;
                }
                done({});
            });
    builder->build({image});
}

void ContainerManager::ensureImage(const Manifest::CompiledImage &image, Host *target,
                                   StepDone done)
{
    onResult(
        target->engine()->hasImage(image.tag), this,
        [this, image, target, done](const Scs::Result<bool> &has) {
            if (!has) {
                done(Scs::makeError(has.error().withContext(
                    Tr::tr("looking for image %1 on host %2").arg(image.tag, target->name()))));
                return;
            }
            if (*has) {
                done({});
                return;
            }
            // Look for it on the other hosts, one at a time.
            auto others = std::make_shared<QList<Host *>>();
            for (Host *h : std::as_const(m_hosts))
                if (h != target && h->health() != HostHealth::Down)
                    others->append(h);
            auto tryNext = std::make_shared<std::function<void()>>();
            *tryNext = [this, image, target, done, others, tryNext]() {
                if (others->isEmpty()) {
                    Internal::releaseLater(tryNext);
                    // Nowhere: build it on the build host (then carry it), else on the target.
                    Host *builder = m_hosts.value(m_options.buildHost, target);
                    StepDone built = done;
                    if (builder != target)
                        built = [this, image, builder, target, done](Scs::Result<void> result) {
                            if (!result) {
                                done(std::move(result));
                                return;
                            }
                            transferImage(image.tag, builder, target, done);
                        };
                    if (m_imageBuilder)
                        m_imageBuilder(image, builder->engine(), this, built);
                    else
                        buildImage(image, builder, built);
                    return;
                }
                Host *from = others->takeFirst();
                onResult(
                    from->engine()->hasImage(image.tag), this,
                    [this, image, target, done, from, tryNext](const Scs::Result<bool> &there) {
                        if (there && *there) {
                            Internal::releaseLater(tryNext);
                            transferImage(image.tag, from, target, done);
                            return;
                        }
                        (*tryNext)();
                    });
            };
            (*tryNext)();
        });
}

void ContainerManager::removeLeftovers(StepDone done)
{
    QList<std::function<void(StepDone)>> parts;
    QSet<QString> ours;
    for (ManagedContainer *c : std::as_const(m_containers))
        if (!c->dockerId().isEmpty())
            ours.insert(c->dockerId());
    for (Host *host : std::as_const(m_hosts)) {
        parts.append([this, host, ours](StepDone hostDone) {
            Docker::ContainerFilter filter;
            filter.all = true;
            filter.labels.insert(Labels::Stack, stackLabel());
            onResult(host->engine()->listContainers(filter), this,
                     [this, host, ours,
                      hostDone](const Scs::Result<QList<Docker::ContainerSummary>> &list) {
                         if (!list) {
                             hostDone(Scs::makeError(list.error().withContext(
                                 Tr::tr("listing the containers on %1").arg(host->name()))));
                             return;
                         }
                         QList<std::function<void(StepDone)>> removals;
                         for (const Docker::ContainerSummary &summary : *list) {
                             if (ours.contains(summary.id))
                                 continue;
                             const QString session = summary.labels.value(Labels::Session);
                             const QString id = summary.id;
                             removals.append([this, host, id, session](StepDone removed) {
                                 auto remove = [this, host, id, removed](Scs::Result<void>) {
                                     onResult(
                                         host->engine()->removeContainer(id, true), this,
                                         [removed](const Scs::Result<void> &r) { removed(r); });
                                 };
                                 if (session.isEmpty())
                                     remove({});
                                 else
                                     Internal::closeDiscoSession(m_options.discoHost,
                                                                 m_options.discoPort, session, this,
                                                                 remove);
                             });
                         }
                         Workflow::parallel(removals)(hostDone);
                     });
        });
    }
    Workflow::parallel(parts)(std::move(done));
}

void ContainerManager::startRole(const QString &role, StepDone done)
{
    ManagedContainer *existing = m_containers.value(role);
    if (existing && existing->isRunning()) {
        done({});
        return;
    }
    if (existing)
        discardContainer(existing);
    const Manifest::CompiledContainer *compiled = m_stack.container(role);
    ManagedContainer *container = createContainer(*compiled);
    m_containers.insert(role, container);
    emit progressMessage(Tr::tr("starting %1 on %2").arg(role, compiled->host.name));
    Workflow::nested([container]() { return container->start(); })(
        [this, role, done](Scs::Result<void> result) {
            if (result)
                emit progressMessage(Tr::tr("%1 is up").arg(role));
            done(std::move(result));
        });
}

Workflow *ContainerManager::up()
{
    auto *workflow = new Workflow(Tr::tr("up %1").arg(stackLabel()), this);
    const auto order = startOrder(m_stack);
    workflow->addStep(Tr::tr("check hosts"), [this](StepDone done) {
        QList<std::function<void(StepDone)>> pings;
        QSet<QString> used;
        for (const auto &c : m_stack.containers)
            used.insert(c.host.name);
        for (const QString &name : used) {
            Host *host = m_hosts.value(name);
            if (host->isDocumentationHost()) {
                done(Scs::makeError(Tr::tr("host %1 (%2) has a documentation address (*.example, "
                                           "192.0.2.x); scs never contacts it: point the hosts "
                                           "file at a real engine")
                                        .arg(host->name(), host->dockerEndpoint()),
                                    Scs::Error::Kind::InvalidInput));
                return;
            }
            pings.append([this, host](StepDone pinged) {
                onResult(host->engine()->ping(), this, [host, pinged](const Scs::Result<void> &r) {
                    if (!r)
                        pinged(Scs::makeError(r.error().withContext(
                            Tr::tr("host %1 (%2)").arg(host->name(), host->dockerEndpoint()))));
                    else
                        pinged({});
                });
            });
        }
        Workflow::parallel(pings)(std::move(done));
    });
    workflow->addStep(Tr::tr("images"), [this](StepDone done) {
        // One at a time: a build or a transfer is heavy, and the same image serves two roles.
        auto queue = std::make_shared<QList<QPair<Manifest::CompiledImage, Host *>>>();
        for (const auto &c : m_stack.containers)
            queue->append({c.image, m_hosts.value(c.host.name)});
        auto next = std::make_shared<std::function<void()>>();
        *next = [this, queue, next, done]() {
            if (queue->isEmpty()) {
                Internal::releaseLater(next);
                done({});
                return;
            }
            const auto [image, host] = queue->takeFirst();
            ensureImage(image, host, [next, done](Scs::Result<void> result) {
                if (!result) {
                    Internal::releaseLater(next);
                    done(std::move(result));
                    return;
                }
                (*next)();
            });
        };
        (*next)();
    });
    workflow->addStep(Tr::tr("remove leftovers"),
                      [this](StepDone done) { removeLeftovers(std::move(done)); });
    if (!order) {
        workflow->addStep(Tr::tr("start order"),
                          [error = order.error()](StepDone done) { done(Scs::makeError(error)); });
        return workflow;
    }
    for (const QStringList &level : *order) {
        QList<std::function<void(StepDone)>> parts;
        for (const QString &role : level)
            parts.append([this, role](StepDone done) { startRole(role, std::move(done)); });
        workflow->addStep(Tr::tr("start %1").arg(level.join(QStringLiteral(", "))),
                          Workflow::parallel(parts));
    }
    return workflow;
}

void ContainerManager::stopRole(const QString &role, StepDone done)
{
    ManagedContainer *container = m_containers.value(role);
    if (!container) {
        done({});
        return;
    }
    emit progressMessage(Tr::tr("stopping %1").arg(role));
    Workflow::nested([container]() { return container->stop(); })(
        [this, container, done](Scs::Result<void> result) {
            if (result)
                discardContainer(container);
            done(std::move(result));
        });
}

void ContainerManager::stopForeign(const QString &role, StepDone done)
{
    // Containers of this role that another process started: end their disco sessions
    // (dependents see the drop), then stop and remove them.
    QList<std::function<void(StepDone)>> parts;
    QSet<QString> ours;
    for (ManagedContainer *c : std::as_const(m_containers))
        ours.insert(c->dockerId());
    for (Host *host : std::as_const(m_hosts)) {
        if (host->health() == HostHealth::Down)
            continue;
        parts.append([this, host, role, ours](StepDone hostDone) {
            Docker::ContainerFilter filter;
            filter.labels.insert(Labels::Stack, stackLabel());
            filter.labels.insert(Labels::Role, role);
            onResult(
                host->engine()->listContainers(filter), this,
                [this, host, ours,
                 hostDone](const Scs::Result<QList<Docker::ContainerSummary>> &list) {
                    if (!list) {
                        hostDone(Scs::makeError(list.error()));
                        return;
                    }
                    QList<std::function<void(StepDone)>> stops;
                    for (const auto &summary : *list) {
                        if (ours.contains(summary.id))
                            continue;
                        const QString id = summary.id;
                        const QString session = summary.labels.value(Labels::Session);
                        stops.append([this, host, id, session](StepDone stopped) {
                            auto stop = [this, host, id, stopped](Scs::Result<void>) {
                                onResult(host->engine()->stopContainer(id, 10), this,
                                         [this, host, id, stopped](const Scs::Result<void> &) {
                                             onResult(host->engine()->removeContainer(id, true),
                                                      this, [stopped](const Scs::Result<void> &r) {
                                                          stopped(r);
                                                      });
                                         });
                            };
                            emit progressMessage(Tr::tr("stopping container %1 on %2")
                                                     .arg(id.left(12), host->name()));
                            if (session.isEmpty())
                                stop({});
                            else
                                Internal::closeDiscoSession(
                                    m_options.discoHost, m_options.discoPort, session, this, stop);
                        });
                    }
                    Workflow::parallel(stops)(hostDone);
                });
        });
    }
    Workflow::parallel(parts)(std::move(done));
}

Workflow *ContainerManager::adopt()
{
    auto *workflow = new Workflow(Tr::tr("adopt %1").arg(stackLabel()), this);
    auto found = std::make_shared<QList<Docker::ContainerSummary>>();
    workflow->addStep(Tr::tr("find containers"), [this, found](StepDone done) {
        QList<std::function<void(StepDone)>> parts;
        for (Host *host : std::as_const(m_hosts)) {
            parts.append([this, host, found](StepDone listed) {
                Docker::ContainerFilter filter;
                filter.all = false; // running ones only
                filter.labels.insert(Labels::Stack, stackLabel());
                onResult(host->engine()->listContainers(filter), this,
                         [host, found,
                          listed](const Scs::Result<QList<Docker::ContainerSummary>> &list) {
                             if (!list) {
                                 listed(Scs::makeError(list.error().withContext(
                                     Tr::tr("listing the containers on %1").arg(host->name()))));
                                 return;
                             }
                             for (const auto &summary : *list)
                                 if (!summary.labels.contains(Labels::Helper))
                                     found->append(summary);
                             listed({});
                         });
            });
        }
        Workflow::parallel(parts)(std::move(done));
    });
    workflow->addStep(Tr::tr("take over"), [this, found](StepDone done) {
        QList<std::function<void(StepDone)>> parts;
        for (const auto &summary : std::as_const(*found)) {
            const QString role = summary.labels.value(Labels::Role);
            const QString hostName = summary.labels.value(Labels::Host);
            if (m_containers.contains(role))
                continue;
            auto compiled = placed(role, hostName);
            if (!compiled) {
                qCWarning(runtimeLog) << "not adopting" << summary.id << compiled.error().message;
                continue;
            }
            ManagedContainer *container = createContainer(*compiled);
            m_containers.insert(role, container);
            const QString id = summary.id;
            const QString session = summary.labels.value(Labels::Session);
            parts.append([container, id, session](StepDone adopted) {
                Workflow::nested(
                    [container, id, session]() { return container->adopt(id, session); })(adopted);
            });
        }
        Workflow::parallel(parts)(std::move(done));
    });
    return workflow;
}

Workflow *ContainerManager::down()
{
    auto *workflow = new Workflow(Tr::tr("down %1").arg(stackLabel()), this);
    auto order = startOrder(m_stack);
    QList<QStringList> levels = order ? *order : QList<QStringList>{};
    std::reverse(levels.begin(), levels.end());
    for (const QStringList &level : levels) {
        QList<std::function<void(StepDone)>> parts;
        for (const QString &role : level) {
            parts.append([this, role](StepDone done) { stopRole(role, std::move(done)); });
            parts.append([this, role](StepDone done) { stopForeign(role, std::move(done)); });
        }
        workflow->addStep(Tr::tr("stop %1").arg(level.join(QStringLiteral(", "))),
                          Workflow::parallel(parts));
    }
    return workflow;
}

Workflow *ContainerManager::move(const QString &role, const QString &hostName)
{
    // Only the last relocation is kept (lastRelocation()); an earlier one goes once its
    // workflow has finished, now or when it does (one that was never started stays).
    if (Relocation *previous = m_lastRelocation.data();
        previous && previous->workflow()->isFinished())
        previous->deleteLater();
    auto *relocation = new Relocation(this, role, hostName, this);
    m_lastRelocation = relocation;
    connect(relocation->workflow(), &Workflow::finished, relocation, [this, relocation]() {
        if (m_lastRelocation != relocation)
            relocation->deleteLater();
    });
    return relocation->workflow();
}

Relocation *ContainerManager::lastRelocation() const
{
    return m_lastRelocation.data();
}

QFuture<Scs::Result<QList<StatusRow>>> ContainerManager::status()
{
    auto promise = std::make_shared<QPromise<Scs::Result<QList<StatusRow>>>>();
    promise->start();
    QFuture<Scs::Result<QList<StatusRow>>> future = promise->future();
    auto rows = std::make_shared<QList<StatusRow>>();
    auto discoBindings = std::make_shared<QMap<QString, QList<ServiceEndpoint>>>(); // key → eps

    QList<std::function<void(StepDone)>> parts;
    for (Host *host : std::as_const(m_hosts)) {
        parts.append([this, host, rows](StepDone done) {
            Docker::ContainerFilter filter;
            filter.labels.insert(Labels::Stack, stackLabel());
            onResult(
                host->engine()->listContainers(filter), this,
                [this, host, rows, done](const Scs::Result<QList<Docker::ContainerSummary>> &list) {
                    if (!list) {
                        // A host that does not answer: its roles show as unknown.
                        for (const auto &c : m_stack.containers) {
                            if (c.host.name != host->name())
                                continue;
                            StatusRow row;
                            row.role = c.role;
                            row.host = host->name();
                            row.state = QStringLiteral("unknown");
                            row.health = QStringLiteral("none");
                            rows->append(row);
                        }
                        done({});
                        return;
                    }
                    QList<std::function<void(StepDone)>> inspects;
                    for (const auto &summary : *list) {
                        if (summary.labels.contains(Labels::Helper))
                            continue;
                        const QString id = summary.id;
                        inspects.append([this, host, id, rows](StepDone inspected) {
                            onResult(
                                host->engine()->inspectContainer(id), this,
                                [this, host, rows,
                                 inspected](const Scs::Result<Docker::ContainerInfo> &info) {
                                    if (!info) {
                                        inspected({});
                                        return;
                                    }
                                    StatusRow row;
                                    row.role = info->labels.value(Labels::Role);
                                    row.host = info->labels.value(Labels::Host, host->name());
                                    row.state = info->state.status;
                                    row.health = info->state.health.isEmpty()
                                                     ? QStringLiteral("none")
                                                     : info->state.health;
                                    if (const auto *c = m_stack.container(row.role)) {
                                        for (const auto &p : c->provides) {
                                            const int port
                                                = info->state.running
                                                      ? (c->networkMethod == u"host"
                                                             ? p.containerPort
                                                             : info->publishedPort(p.containerPort,
                                                                                   p.protocol))
                                                      : 0;
                                            row.endpoints.append(
                                                {p.name,
                                                 port > 0 ? host->advertisedAddress() : QString(),
                                                 port});
                                        }
                                        for (const auto &r : c->requirements) {
                                            const QString stem = QStringLiteral("SCS_REQUIRE_")
                                                                 + requireVariableStem(r.name);
                                            row.requirements.append(
                                                {r.name,
                                                 info->environment.value(stem
                                                                         + QStringLiteral("_HOST")),
                                                 info->environment
                                                     .value(stem + QStringLiteral("_PORT"))
                                                     .toInt()});
                                        }
                                    }
                                    rows->append(row);
                                    inspected({});
                                });
                        });
                    }
                    Workflow::parallel(inspects)(done);
                });
        });
    }
    // What each require is bound to now: ask disco (a liveupdate may have re-pointed it
    // since the container started with its environment).
    parts.append([this, discoBindings](StepDone done) {
        if (!m_options.discoAvailable) {
            done({});
            return;
        }
        auto *client = new Disco::Client(this);
        client->setServer(m_options.discoHost, m_options.discoPort);
        client->setAttributes(QJsonObject{{QStringLiteral("purpose"), QStringLiteral("status")}});
        client->setReconnectBackoff(0.1, 0.5);
        auto pending = std::make_shared<int>(0);
        auto finished = std::make_shared<bool>(false);
        auto finish = [client, done, finished]() {
            if (*finished)
                return;
            *finished = true;
            (void)client->leave(Disco::Wait{Disco::Wait::Mode::None, 0});
            QTimer::singleShot(0, client, [client]() { client->deleteLater(); });
            done({});
        };
        QSet<QString> keys;
        for (const auto &c : m_stack.containers)
            for (const auto &r : c.requirements)
                if (r.method == u"disco")
                    keys.insert(r.discoKey);
        for (const QString &keyText : keys) {
            auto key = Disco::Key::fromString(keyText);
            if (!key)
                continue;
            ++*pending;
            client->require(
                Disco::RequirementSpec{*key, {}}, client,
                [discoBindings, keyText, pending, finish](const Disco::RequirementEvent &event) {
                    if (!event.initial || discoBindings->contains(keyText))
                        return;
                    QList<ServiceEndpoint> endpoints;
                    for (const auto &e : event.current)
                        endpoints.append(
                            ServiceEndpoint{e.id, e.address.host, e.address.port, e.attributes});
                    discoBindings->insert(keyText, endpoints);
                    if (--*pending == 0)
                        finish();
                });
        }
        if (*pending == 0) {
            finish();
            return;
        }
        client->start();
        QTimer::singleShot(2000, client, finish); // no disco: the environment must do
    });
    Workflow::parallel(parts)([this, promise, rows, discoBindings](Scs::Result<void> result) {
        if (!result) {
            promise->addResult(Scs::Result<QList<StatusRow>>(Scs::makeError(result.error())));
            promise->finish();
            return;
        }
        QList<StatusRow> out = *rows;
        for (StatusRow &row : out) {
            const auto *c = m_stack.container(row.role);
            if (!c)
                continue;
            for (StatusRow::Endpoint &bound : row.requirements) {
                const auto *r = c->require(bound.name);
                if (!r || !discoBindings->contains(r->discoKey))
                    continue;
                const auto endpoints = discoBindings->value(r->discoKey);
                bound.host = endpoints.isEmpty() ? QString() : endpoints.first().host;
                bound.port = endpoints.isEmpty() ? 0 : endpoints.first().port;
            }
        }
        // Roles of the stack without any container.
        QSet<QString> seen;
        for (const StatusRow &row : out)
            seen.insert(row.role);
        for (const auto &c : m_stack.containers) {
            if (seen.contains(c.role))
                continue;
            StatusRow row;
            row.role = c.role;
            row.host = c.host.name;
            row.state = QStringLiteral("missing");
            row.health = QStringLiteral("none");
            out.append(row);
        }
        std::sort(out.begin(), out.end(), [](const StatusRow &a, const StatusRow &b) {
            return std::tie(a.role, a.host) < std::tie(b.role, b.host);
        });
        promise->addResult(Scs::Result<QList<StatusRow>>(out));
        promise->finish();
    });
    return future;
}

namespace Internal {

void closeDiscoSession(const QString &host, quint16 port, const QString &sessionId,
                       QObject *context, std::function<void(Scs::Result<void>)> done)
{
    auto *socket = new QTcpSocket(context);
    auto finished = std::make_shared<bool>(false);
    auto finish = [socket, done, finished](Scs::Result<void> result) {
        if (*finished)
            return;
        *finished = true;
        socket->disconnect();
        socket->abort();
        socket->deleteLater();
        done(std::move(result));
    };
    auto buffer = std::make_shared<QByteArray>();
    QObject::connect(socket, &QTcpSocket::connected, socket, [socket, sessionId]() {
        const QByteArray attach = QJsonDocument(QJsonObject{{QStringLiteral("id"), sessionId}})
                                      .toJson(QJsonDocument::Compact);
        socket->write("c:scs1 session.attach " + attach + '\n');
    });
    QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, buffer, finish]() {
        buffer->append(socket->readAll());
        qsizetype newline;
        while ((newline = buffer->indexOf('\n')) >= 0) {
            const QByteArray line = buffer->left(newline).trimmed();
            buffer->remove(0, newline + 1);
            if (line.startsWith("c:")) {
                // A queued notification: acknowledge it, the session is ending anyway.
                const QByteArray msgid = line.mid(2, line.indexOf(' ') - 2);
                socket->write("r:" + msgid + " {\"result\":{\"ack\":true}}\n");
            } else if (line.startsWith("r:scs1 ")) {
                if (line.contains("\"error\"")) {
                    // Unknown session: it already ended, which is what we wanted.
                    finish({});
                    return;
                }
                socket->write("c:scs2 registry.leave {\"wait\":null}\n");
            } else if (line.startsWith("r:scs2 ")) {
                finish({});
                return;
            }
        }
    });
    QObject::connect(
        socket, &QTcpSocket::errorOccurred, socket,
        [socket, finish, host, port](QAbstractSocket::SocketError) {
            finish(Scs::makeError(
                Tr::tr("disco at %1:%2: %3").arg(host).arg(port).arg(socket->errorString()),
                Scs::Error::Kind::Network));
        });
    QTimer::singleShot(3000, socket, [finish]() {
        finish(
            Scs::makeError(Tr::tr("disco did not answer within 3 s"), Scs::Error::Kind::Timeout));
    });
    socket->connectToHost(host, port);
}

} // namespace Internal

} // namespace Runtime
