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
#include "volumecopy.h"
#include "workflow.h"

#include <QSet>
#include <QTimer>

namespace Runtime {

using Internal::onResult;

namespace {

/** A live move waits this long between dropping the old provision and stopping it. */
constexpr int LiveDrainMs = 1000;

bool isHostLocal(const QString &method)
{
    return method == u"local" || method == u"metavol" || method == u"docker";
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
    // Before the step runs, so the phaseStarted() it emits already carries the new share.
    connect(inner, &Workflow::progressChanged, this,
            [this](int percent, const QString &) { m_percent = percent; });

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

    inner->addStep(Tr::tr("copy volumes"), [this](StepDone done) {
        if (m_mode == Mode::Live) {
            beginPhase(Tr::tr("copy volumes (live)"));
            volumeCopy()->copyAll(done);
            return;
        }
        // Stop-first: copy everything while the source still serves, so that after the
        // stop only the changes travel (when both hosts are real engines).
        Internal::VolumeCopy *copy = volumeCopy();
        if (!copy->hasVolumes() || !copy->canPreCopy()) {
            done({});
            return;
        }
        beginPhase(Tr::tr("pre-copy volumes to %1").arg(m_targetHost));
        copy->preCopy(done);
    });

    // Stop-first only: stop, then copy what is left. (Steps are added for both modes; the
    // mode is known only after "plan", so the steps check it.)
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
        Internal::VolumeCopy *copy = volumeCopy();
        if (!copy->hasVolumes()) {
            done({});
            return;
        }
        if (copy->preCopied()) {
            beginPhase(Tr::tr("copy volumes to %1 (changes)").arg(m_targetHost));
            copy->copyChanges(done);
        } else {
            beginPhase(Tr::tr("copy volumes to %1").arg(m_targetHost));
            copy->copyAll(done);
        }
    });

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
            if (m_copy)
                m_copy->cleanup(); // helpers of a copy that a failure cut short
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

Internal::VolumeCopy *Relocation::volumeCopy()
{
    if (m_copy)
        return m_copy;
    QList<Manifest::CompiledVolume> volumes;
    for (const auto &volume : m_source->compiled().volumes)
        if (isHostLocal(volume.method))
            volumes.append(volume);
    m_copy = new Internal::VolumeCopy(m_source, m_target, volumes, this);
    connect(m_copy, &Internal::VolumeCopy::progress, this, &Relocation::handleCopyProgress);
    return m_copy;
}

void Relocation::handleCopyProgress(qint64 copied, qint64 total)
{
    m_copiedBytes = copied;
    const QString name = m_phases.isEmpty() ? QString() : m_phases.last().name;
    const int percent = total > 0 ? int(std::min<qint64>(100, copied * 100 / total)) : -1;
    const QString amount = total > 0 ? Tr::tr("%1 of %2 MiB")
                                           .arg(double(copied) / 1048576.0, 0, 'f', 1)
                                           .arg(double(total) / 1048576.0, 0, 'f', 1)
                                     : Tr::tr("%1 MiB").arg(double(copied) / 1048576.0, 0, 'f', 1);
    if (m_source)
        m_source->setPhase(Tr::tr("moving to %1: %2, %3").arg(m_targetHost, name, amount), percent);
    if (m_target)
        m_target->setPhase(Tr::tr("moving from %1: %2, %3").arg(m_sourceHost, name, amount),
                           percent);
    emit copyProgress(copied, total);
}

} // namespace Runtime
