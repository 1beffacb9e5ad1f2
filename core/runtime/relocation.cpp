// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "relocation.h"

#include "containermanager.h"
#include "docker/engineclient.h"
#include "engine.h"
#include "futureutil.h"
#include "host.h"
#include "managedcontainer.h"
#include "runtimelog.h"
#include "runtimetr.h"
#include "workflow.h"

#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>
#include <QTimer>

namespace Runtime {

using Internal::onResult;

namespace {

const QString CopyRoot = QStringLiteral("/scs-copy");
/** A live move waits this long between dropping the old provision and stopping it. */
constexpr int LiveDrainMs = 1000;

bool isHostLocal(const QString &method)
{
    return method == u"local" || method == u"metavol" || method == u"docker";
}

/** A helper container on \p host whose mounts are \p mounts moved under /scs-copy/<name>. */
Docker::ContainerSpec helperSpec(const QString &image, const QList<Docker::Mount> &mounts,
                                 const QList<Manifest::CompiledVolume> &volumes, bool clear)
{
    Docker::ContainerSpec spec;
    spec.image = image;
    spec.labels.insert(Labels::Helper, QStringLiteral("relocation"));
    QStringList targets;
    for (const Manifest::CompiledVolume &volume : volumes) {
        for (const Docker::Mount &mount : mounts) {
            if (mount.target != volume.containerPath)
                continue;
            Docker::Mount moved = mount;
            moved.target = CopyRoot + u'/' + volume.name;
            spec.mounts.append(moved);
            targets.append(moved.target);
        }
    }
    // The target's helper empties the volumes first, so no stale file of an earlier copy
    // survives next to the new data. The source's helper is never started.
    spec.entrypoint = {QStringLiteral("/bin/sh"), QStringLiteral("-c")};
    if (clear) {
        QString script;
        for (const QString &t : targets)
            script += QStringLiteral("find '%1' -mindepth 1 -delete; ").arg(t);
        spec.command = {script + QStringLiteral("exit 0")};
    } else {
        spec.command = {QStringLiteral("exit 0")};
    }
    return spec;
}

} // namespace

Relocation::Relocation(ContainerManager *manager, QString role, QString targetHost, QObject *parent,
                       Mode mode)
    : QObject(parent)
    , m_manager(manager)
    , m_role(std::move(role))
    , m_targetHost(std::move(targetHost))
    , m_mode(mode)
    , m_workflow(new Workflow(Tr::tr("move %1 to %2").arg(m_role, m_targetHost), this))
{
    build();
}

Relocation::~Relocation() = default;

Relocation::Mode Relocation::decide(const Manifest::CompiledStack &stack,
                                    const Manifest::CompiledContainer &container)
{
    bool hostLocal = false;
    for (const auto &volume : container.volumes)
        hostLocal = hostLocal || isHostLocal(volume.method);
    if (!hostLocal)
        return Mode::Live;
    QSet<QString> requiredNames;
    for (const auto &other : stack.containers)
        for (const auto &require : other.requirements)
            requiredNames.insert(require.name);
    for (const auto &provide : container.provides)
        if (requiredNames.contains(provide.name))
            return Mode::StopFirst;
    return Mode::Live;
}

void Relocation::beginPhase(const QString &name)
{
    const qint64 now = m_clock.elapsed();
    if (!m_phases.isEmpty() && m_phases.last().durationMs < 0)
        m_phases.last().durationMs = now - m_phases.last().startedMs;
    m_phases.append(Phase{name, now, -1});
    qCInfo(runtimeLog) << "move" << m_role << "to" << m_targetHost << ":" << name;
    if (m_source)
        m_source->setPhase(Tr::tr("moving to %1: %2").arg(m_targetHost, name));
    if (m_target)
        m_target->setPhase(Tr::tr("moving from %1: %2").arg(m_sourceHost, name));
    emit m_manager->progressMessage(Tr::tr("move %1: %2").arg(m_role, name));
    emit phaseStarted(name);
}

void Relocation::build()
{
    auto *inner = new Workflow(m_workflow->name(), this);

    inner->addStep(Tr::tr("plan"), [this](StepDone done) {
        m_clock.start();
        beginPhase(Tr::tr("plan"));
        m_source = m_manager->container(m_role);
        if (!m_source || !m_source->isRunning()) {
            done(Scs::makeError(
                Tr::tr("%1 is not running in this stack; nothing to move").arg(m_role),
                Scs::Error::Kind::NotFound));
            return;
        }
        m_sourceHost = m_source->host()->name();
        if (m_sourceHost == m_targetHost) {
            done(Scs::makeError(Tr::tr("%1 already runs on %2").arg(m_role, m_targetHost),
                                Scs::Error::Kind::InvalidInput));
            return;
        }
        Host *target = m_manager->host(m_targetHost);
        if (!target) {
            done(Scs::makeError(Tr::tr("the hosts file has no host '%1'").arg(m_targetHost),
                                Scs::Error::Kind::NotFound));
            return;
        }
        if (target->health() == HostHealth::Down) {
            done(Scs::makeError(Tr::tr("host %1 does not answer").arg(m_targetHost),
                                Scs::Error::Kind::Network));
            return;
        }
        if (m_mode == Mode::Auto)
            m_mode = decide(m_manager->stack(), m_source->compiled());
        qCInfo(runtimeLog) << "move" << m_role << m_sourceHost << "→" << m_targetHost
                           << (m_mode == Mode::Live ? "live" : "stop-first");
        done({});
    });

    inner->addStep(
        Tr::tr("prepare target"),
        [this](StepDone done) {
            beginPhase(Tr::tr("prepare target"));
            auto compiled = m_manager->placed(m_role, m_targetHost);
            if (!compiled) {
                done(Scs::makeError(compiled.error()));
                return;
            }
            Host *target = m_manager->host(m_targetHost);
            m_manager->ensureImage(
                compiled->image, target, [this, compiled, done](Scs::Result<void> image) {
                    if (!image) {
                        done(Scs::makeError(image.error().withContext(
                            Tr::tr("carrying the image to %1").arg(m_targetHost))));
                        return;
                    }
                    m_target = m_manager->createContainer(*compiled);
                    Workflow::nested([this]() { return m_target->loadOnly(); })(done);
                });
        },
        [this](StepDone done) {
            // Clean the target up (best effort: its host may be the reason we roll back).
            if (!m_target) {
                done({});
                return;
            }
            ManagedContainer *target = m_target;
            Workflow::nested([target]() { return target->stop(); })(
                [this, target, done](Scs::Result<void> result) {
                    if (!result)
                        qCInfo(runtimeLog) << "cleaning up the target:" << result.error().message;
                    m_manager->discardContainer(target);
                    done({});
                });
        });

    auto stopSource = [this](StepDone done) {
        beginPhase(Tr::tr("stop on %1").arg(m_sourceHost));
        m_window.start(); // the provisions are dropped first: the service is gone from now
        m_sourceStopped = true;
        ManagedContainer *source = m_source;
        // Live: the new one serves already; let requests in flight on the old one finish.
        const int drainMs = m_mode == Mode::Live ? LiveDrainMs : 0;
        Workflow::nested([source, drainMs]() { return source->stop(drainMs); })(done);
    };
    auto restartSource = [this](StepDone done) {
        m_rolledBack = true;
        beginPhase(Tr::tr("roll back: start on %1 again").arg(m_sourceHost));
        ManagedContainer *source = m_source;
        if (!source) {
            done(Scs::makeError(Tr::tr("the source container is gone")));
            return;
        }
        Workflow::nested([source]() { return source->start(); })(
            [this, done](Scs::Result<void> result) {
                if (result) {
                    m_unavailableMs = m_window.isValid() ? m_window.elapsed() : 0;
                    m_sourceStopped = false;
                }
                done(std::move(result));
            });
    };

    inner->addStep(Tr::tr("copy volumes"), [this, stopSource, restartSource](StepDone done) {
        if (m_mode == Mode::Live) {
            beginPhase(Tr::tr("copy volumes (live)"));
            copyVolumes(true, done);
            return;
        }
        done({});
    });

    if (true) {
        // Stop-first only: stop, then copy. (Steps are added for both modes; the mode is
        // known only after "plan", so the steps check it.)
        inner->addStep(
            Tr::tr("stop source"),
            [this, stopSource](StepDone done) {
                if (m_mode != Mode::StopFirst) {
                    done({});
                    return;
                }
                stopSource(done);
            },
            [this, restartSource](StepDone done) {
                if (!m_sourceStopped) {
                    done({});
                    return;
                }
                restartSource(done);
            });
        inner->addStep(Tr::tr("copy volumes (stopped)"), [this](StepDone done) {
            if (m_mode != Mode::StopFirst) {
                done({});
                return;
            }
            beginPhase(Tr::tr("copy volumes to %1").arg(m_targetHost));
            copyVolumes(false, done);
        });
    }

    inner->addStep(Tr::tr("start on target"), [this](StepDone done) {
        beginPhase(Tr::tr("start on %1").arg(m_targetHost));
        ManagedContainer *target = m_target;
        Workflow::nested([target]() { return target->start(); })(
            [this, done](Scs::Result<void> result) {
                if (result && m_window.isValid() && m_sourceStopped)
                    m_unavailableMs = m_window.elapsed();
                if (!result) {
                    done(Scs::makeError(
                        result.error().withContext(Tr::tr("starting on %1").arg(m_targetHost))));
                    return;
                }
                done({});
            });
    });

    inner->addStep(Tr::tr("stop old"), [this, stopSource](StepDone done) {
        if (m_mode != Mode::Live) {
            done({});
            return;
        }
        // The new one is registered; dependents acknowledge the drop before it stops.
        stopSource([this, done](Scs::Result<void> result) {
            m_unavailableMs = 0; // the target was registered before the source was dropped
            if (!result)
                qCWarning(runtimeLog) << "stopping the old" << m_role << "on" << m_sourceHost
                                      << "failed:" << result.error().message;
            done({});
        });
    });

    inner->addStep(Tr::tr("switch"), [this](StepDone done) {
        beginPhase(Tr::tr("done"));
        m_phases.last().durationMs = 0;
        ManagedContainer *source = m_source;
        m_manager->adoptContainer(m_target);
        if (source)
            m_manager->discardContainer(source);
        m_target->setPhase({});
        done({});
    });

    m_workflow->addStep(m_workflow->name(), [this, inner](StepDone done) {
        connect(inner, &Workflow::finished, this, [this, done](const Scs::Result<void> &result) {
            if (!m_phases.isEmpty() && m_phases.last().durationMs < 0)
                m_phases.last().durationMs = m_clock.elapsed() - m_phases.last().startedMs;
            if (m_source)
                m_source->setPhase({});
            if (result) {
                done({});
                return;
            }
            Scs::Error error = result.error();
            QString message = Tr::tr("moving %1 from %2 to %3 failed: %4")
                                  .arg(m_role, m_sourceHost, m_targetHost, error.message);
            if (m_rolledBack) {
                if (m_source && m_source->isRunning())
                    message += Tr::tr("; rolled back: %1 runs on %2 again with its data "
                                      "(unavailable for %3 ms)")
                                   .arg(m_role, m_sourceHost)
                                   .arg(m_unavailableMs);
                else
                    message += Tr::tr("; the roll back failed too: %1 is not running, see "
                                      "'scs ps'")
                                   .arg(m_role);
            } else if (!m_sourceHost.isEmpty()) {
                message += Tr::tr("; %1 still runs on %2").arg(m_role, m_sourceHost);
            }
            error.message = message;
            if (m_source)
                m_source->setError(message);
            done(Scs::makeError(error));
        });
        inner->start();
    });
}

void Relocation::copyVolumes(bool live, std::function<void(Scs::Result<void>)> done)
{
    Q_UNUSED(live)
    QList<Manifest::CompiledVolume> volumes;
    for (const auto &volume : m_source->compiled().volumes)
        if (isHostLocal(volume.method))
            volumes.append(volume);
    if (volumes.isEmpty()) {
        done({});
        return;
    }
    Host *source = m_manager->host(m_sourceHost);
    Host *target = m_manager->host(m_targetHost);
    const QString image = m_source->compiled().image.tag;
    // The source container may be gone (stop-first): its mounts are the compiled ones on
    // the source host, which the source container object still knows.
    const Docker::ContainerSpec fromSpec = helperSpec(image, m_source->mounts(), volumes, false);
    const Docker::ContainerSpec toSpec = helperSpec(image, m_target->mounts(), volumes, true);
    auto dir = std::make_shared<QTemporaryDir>();
    auto helpers = std::make_shared<QPair<QString, QString>>();
    auto cleanup = [source, target, helpers]() {
        if (!helpers->first.isEmpty())
            (void)source->engine()->removeContainer(helpers->first, true);
        if (!helpers->second.isEmpty())
            (void)target->engine()->removeContainer(helpers->second, true);
    };
    auto fail = [done, cleanup](const Scs::Error &error, const QString &what) {
        cleanup();
        done(Scs::makeError(error.withContext(what)));
    };
    auto succeed = [done, cleanup]() {
        cleanup();
        done({});
    };
    auto create = [this](Host *host, Docker::ContainerSpec spec,
                         std::function<void(Scs::Result<QString>)> created) {
        onResult(
            host->engine()->createContainer(spec), this,
            [this, host, spec, created](const Scs::Result<QString> &result) {
                if (result
                    || !result.error().message.contains(
                        QStringLiteral("bind source path does not exist"))) {
                    created(result);
                    return;
                }
                QStringList paths;
                for (const auto &m : spec.mounts)
                    if (m.type == Docker::Mount::Type::Bind)
                        paths.append(m.source);
                ManagedContainer *on = host == m_target->host() ? m_target.data() : m_source.data();
                on->ensureHostFolders(paths, [this, host, spec, created](Scs::Result<void> made) {
                    if (!made) {
                        created(Scs::makeError(made.error()));
                        return;
                    }
                    onResult(host->engine()->createContainer(spec), this, created);
                });
            });
    };
    const QString fromWhat = Tr::tr("reading the volumes on %1").arg(m_sourceHost);
    const QString toWhat = Tr::tr("writing the volumes on %1").arg(m_targetHost);
    create(source, fromSpec, [=, this](const Scs::Result<QString> &from) {
        if (!from) {
            fail(from.error(), fromWhat);
            return;
        }
        helpers->first = *from;
        create(target, toSpec, [=, this](const Scs::Result<QString> &to) {
            if (!to) {
                fail(to.error(), toWhat);
                return;
            }
            helpers->second = *to;
            // Empty the target volumes (the helper's command), then copy one volume at a time.
            onResult(
                target->engine()->startContainer(*to), this, [=, this](const Scs::Result<void> &s) {
                    if (!s) {
                        fail(s.error(), toWhat);
                        return;
                    }
                    auto waitExit = std::make_shared<std::function<void(int)>>();
                    *waitExit = [=, this](int tries) {
                        onResult(
                            target->engine()->inspectContainer(*to), this,
                            [=, this](const Scs::Result<Docker::ContainerInfo> &info) {
                                if (!info) {
                                    Internal::releaseLater(waitExit);
                                    fail(info.error(), toWhat);
                                    return;
                                }
                                if (info->state.running && tries < 600) {
                                    QTimer::singleShot(50, this, [=]() { (*waitExit)(tries + 1); });
                                    return;
                                }
                                Internal::releaseLater(waitExit);
                                auto queue
                                    = std::make_shared<QList<Manifest::CompiledVolume>>(volumes);
                                auto next = std::make_shared<std::function<void()>>();
                                *next = [=, this]() {
                                    if (queue->isEmpty()) {
                                        Internal::releaseLater(next);
                                        succeed();
                                        return;
                                    }
                                    const auto volume = queue->takeFirst();
                                    Docker::EngineClient *fromClient = source->engine()->client();
                                    Docker::EngineClient *toClient = target->engine()->client();
                                    if (fromClient && toClient) {
                                        // Real engines: streamed from one to the other, no file.
                                        onResult(Docker::EngineClient::copyArchive(
                                                     *fromClient, *from,
                                                     CopyRoot + u'/' + volume.name, *toClient, *to,
                                                     CopyRoot),
                                                 this, [=, this](const Scs::Result<void> &copied) {
                                                     if (!copied) {
                                                         Internal::releaseLater(next);
                                                         fail(copied.error(),
                                                              Tr::tr("copying volume %1 from %2 to "
                                                                     "%3")
                                                                  .arg(volume.name, m_sourceHost,
                                                                       m_targetHost));
                                                         return;
                                                     }
                                                     (*next)();
                                                 });
                                        return;
                                    }
                                    const QString file
                                        = dir->filePath(volume.name + QStringLiteral(".tar"));
                                    onResult(source->engine()->getArchive(
                                                 *from, CopyRoot + u'/' + volume.name, file),
                                             this, [=, this](const Scs::Result<void> &got) {
                                                 if (!got) {
                                                     Internal::releaseLater(next);
                                                     fail(got.error(), fromWhat);
                                                     return;
                                                 }
                                                 m_copiedBytes += QFileInfo(file).size();
                                                 onResult(target->engine()->putArchive(
                                                              *to, CopyRoot, file),
                                                          this, [=](const Scs::Result<void> &put) {
                                                              QFile::remove(file);
                                                              if (!put) {
                                                                  Internal::releaseLater(next);
                                                                  fail(put.error(), toWhat);
                                                                  return;
                                                              }
                                                              (*next)();
                                                          });
                                             });
                                };
                                (*next)();
                            });
                    };
                    (*waitExit)(0);
                });
        });
    });
}

} // namespace Runtime
