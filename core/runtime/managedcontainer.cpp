// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "managedcontainer.h"

#include "containermanager.h"
#include "disco/client.h"
#include "engine.h"
#include "futureutil.h"
#include "host.h"
#include "runtimelog.h"
#include "runtimetr.h"
#include "workflow.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QTimer>

namespace Runtime {

using Internal::onResult;

namespace {

QString outputOf(const Docker::ExecResult &result)
{
    return QString::fromUtf8(result.standardOutput + result.standardError).trimmed();
}

int secondsCeil(double seconds)
{
    return int(std::ceil(seconds));
}

} // namespace

ManagedContainer::ManagedContainer(Manifest::CompiledContainer compiled, Host *host,
                                   Topology *topology, Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_ctx.compiled = std::move(compiled);
    m_ctx.host = host;
    m_ctx.topology = topology;
    m_ctx.id = m_ctx.compiled.role + u'@' + host->name();
    m_ctx.guard = this;
    m_ctx.execLiveUpdate
        = [this](const QString &name, const QStringList &command, const QMap<QString, QString> &env,
                 std::function<void(int, QString)> done) {
              execLiveUpdate(name, command, env, std::move(done));
          };
    m_disco = new Disco::Client(this);
    m_ctx.disco = m_disco;
    auto strategies = createStrategies(m_ctx.compiled);
    if (strategies)
        m_strategies = std::move(*strategies);
    else
        m_strategiesOk = Scs::makeError(strategies.error());
    connect(host, &Host::containerEventsReceived, this, &ManagedContainer::handleEvents);
    connect(host, &Host::healthChanged, this, &ManagedContainer::handleHostHealth);
    publish();
}

ManagedContainer::~ManagedContainer() = default;

QString ManagedContainer::sessionId() const
{
    return m_disco->sessionId();
}

QString ManagedContainer::configHash(const Manifest::CompiledContainer &compiled)
{
    Manifest::CompiledContainer copy = compiled;
    copy.origins.clear(); // where a value was written does not change what runs
    copy.host = {};       // the same container on another host is the same container
    return QString::fromLatin1(
        QCryptographicHash::hash(copy.toJsonBytes(true), QCryptographicHash::Sha256)
            .toHex()
            .left(16));
}

void ManagedContainer::publish()
{
    ContainerInfo info;
    if (const ContainerInfo *current = m_ctx.topology->container(m_ctx.id))
        info = *current;
    info.id = m_ctx.id;
    info.role = m_ctx.compiled.role;
    info.host = m_ctx.host->name();
    info.image = m_ctx.compiled.image.tag;
    info.dockerId = m_ctx.dockerId;
    info.state = m_row.state;
    info.health = m_row.health;
    info.phase = m_row.phase;
    info.progress = m_row.progress;
    info.error = m_row.error;
    m_ctx.topology->setContainer(info);
}

void ManagedContainer::setState(ContainerState state, const QString &error)
{
    m_row.state = state;
    if (!error.isEmpty() || state == ContainerState::Running)
        m_row.error = error;
    publish();
}

void ManagedContainer::setHealth(ContainerHealth health)
{
    if (m_row.health == health)
        return;
    m_row.health = health;
    publish();
    emit healthChanged(health);
}

void ManagedContainer::setPhase(const QString &phase, int progress)
{
    m_row.phase = phase;
    m_row.progress = progress;
    publish();
}

void ManagedContainer::setError(const QString &error)
{
    m_row.error = error;
    publish();
}

Docker::ContainerSpec ManagedContainer::baseSpec() const
{
    const Manifest::CompiledContainer &c = m_ctx.compiled;
    Docker::ContainerSpec spec;
    spec.name = c.name.dockerName();
    spec.image = c.image.tag;
    spec.environment = c.environment;
    for (auto it = c.secrets.begin(); it != c.secrets.end(); ++it)
        spec.environment.insert(it.key(), it.value().value);
    spec.labels.insert(Labels::Stack, c.name.environment + u'/' + c.name.service);
    spec.labels.insert(Labels::Role, c.role);
    spec.labels.insert(Labels::Host, m_ctx.host->name());
    spec.labels.insert(Labels::Hash, configHash(c));
    if (c.image.health) {
        Docker::HealthCheck health;
        health.command = c.image.health->command;
        health.intervalSeconds = c.image.health->interval;
        health.timeoutSeconds = c.image.health->timeout;
        health.retries = c.image.health->retries;
        health.startPeriodSeconds = c.image.health->startPeriod;
        spec.health = health;
    }
    spec.restart.name = c.restart.policy;
    spec.restart.maximumRetryCount = c.restart.policy == u"on-failure" ? c.restart.maxRetries : 0;
    spec.stopTimeoutSeconds = secondsCeil(c.image.stopTimeout);
    return spec;
}

void ManagedContainer::addSessionStep(Workflow *workflow, const QString &resumeSessionId)
{
    workflow->addStep(
        Tr::tr("disco session"),
        [this, resumeSessionId](StepDone done) {
            if (m_disco->isJoined()) {
                done({});
                return;
            }
            m_disco->setServer(m_options.discoHost, m_options.discoPort);
            m_disco->setSessionTimeout(m_options.sessionTimeout);
            m_disco->setAttributes(QJsonObject{
                {QStringLiteral("host"), m_ctx.host->name()},
                {QStringLiteral("container"), m_ctx.id},
                {QStringLiteral("stack"),
                 QString(m_ctx.compiled.name.environment + u'/' + m_ctx.compiled.name.service)}});
            auto *waiter = new QObject(this);
            auto finish = [waiter, done](Scs::Result<void> result) {
                if (!waiter->property("done").toBool()) {
                    waiter->setProperty("done", true);
                    waiter->deleteLater();
                    done(std::move(result));
                }
            };
            connect(m_disco, &Disco::Client::joined, waiter,
                    [this, finish, resumeSessionId](const QString &sessionId) {
                        // Said loudly: the label cannot name the new session, so a down
                        // from another process will not end it (see adopt()).
                        if (!resumeSessionId.isEmpty())
                            qCWarning(runtimeLog).noquote()
                                << m_ctx.id << ": the disco session" << resumeSessionId
                                << "its label names has ended; registered anew in session"
                                << sessionId
                                << ", which only this process's stop or its timeout ends";
                        finish({});
                    });
            connect(m_disco, &Disco::Client::attached, waiter, [finish]() { finish({}); });
            const QString where = m_options.discoHost + u':' + QString::number(m_options.discoPort);
            QTimer::singleShot(10000, waiter, [finish, where]() {
                finish(Scs::makeError(
                    Tr::tr("the disco server at %1 did not answer within 10 s").arg(where),
                    Scs::Error::Kind::Network));
            });
            if (m_disco->state() != Disco::Client::State::Stopped)
                return;
            if (resumeSessionId.isEmpty())
                m_disco->start();
            else
                m_disco->resume(resumeSessionId);
        },
        [this](StepDone done) {
            if (m_disco->isResumedSession()) {
                // A take-over that failed: detach, so the session and what it holds stay
                // as the process that started the container left them.
                m_disco->stop();
                done({});
                return;
            }
            onResult(m_disco->leave(Disco::Wait{Disco::Wait::Mode::None, 0}), this,
                     [done](const Scs::Result<void> &) { done({}); });
        });
}

void ManagedContainer::addLoadSteps(Workflow *workflow)
{
    workflow->addStep(
        Tr::tr("load"),
        [this](StepDone done) {
            if (!m_strategiesOk) {
                done(m_strategiesOk);
                return;
            }
            m_ctx.spec = baseSpec();
            setState(ContainerState::Loading);
            runHook(&Strategy::load, false, [this, done](Scs::Result<void> result) {
                m_loaded = bool(result);
                done(std::move(result));
            });
        },
        [this](StepDone done) {
            runHook(&Strategy::down, true, [this, done](Scs::Result<void>) {
                runHook(&Strategy::unload, true, [this, done](Scs::Result<void>) {
                    m_loaded = false;
                    done({});
                });
            });
        });
}

Workflow *ManagedContainer::loadOnly()
{
    auto *workflow = new Workflow(m_ctx.id + QStringLiteral(" load"), this);
    addSessionStep(workflow);
    addLoadSteps(workflow);
    return workflow;
}

Workflow *ManagedContainer::adopt(const QString &dockerId, const QString &labelSessionId)
{
    auto *workflow = new Workflow(m_ctx.id + QStringLiteral(" adopt"), this);
    m_stopping = false;
    // Docker labels cannot change, so the session the label names stays this container's
    // session: a later process ends it (down, move) through the label. Joining a new one
    // instead would leave that one, with the provisions, behind for its whole timeout.
    addSessionStep(workflow, labelSessionId);
    addLoadSteps(workflow);
    workflow->addStep(Tr::tr("inspect"), [this, dockerId](StepDone done) {
        onResult(m_ctx.host->engine()->inspectContainer(dockerId), this,
                 [this, dockerId, done](const Scs::Result<Docker::ContainerInfo> &info) {
                     if (!info) {
                         done(Scs::makeError(info.error().withContext(m_ctx.id)));
                         return;
                     }
                     m_ctx.dockerId = dockerId;
                     m_ctx.info = *info;
                     m_ctx.running = info->state.running;
                     if (!m_ctx.running) {
                         done(Scs::makeError(
                             Tr::tr("%1 is not running (%2)").arg(m_ctx.id, info->state.status)));
                         return;
                     }
                     setHealth(info->state.health == u"healthy"     ? ContainerHealth::Healthy
                               : info->state.health == u"unhealthy" ? ContainerHealth::Unhealthy
                               : info->state.health == u"starting"  ? ContainerHealth::Starting
                                                                    : ContainerHealth::None);
                     done({});
                 });
    });
    workflow->addStep(Tr::tr("started"), [this](StepDone done) {
        runHook(&Strategy::started, false, std::move(done));
    });
    workflow->addStep(Tr::tr("up"), [this](StepDone done) {
        // Back in the labelled session: its provisions are still registered, take them over.
        // A new session (the labelled one had expired) has none: register as on a start.
        // What that fallback leaves open: the label still names the ended session, so a
        // later `scs down`/`scs move` from another process cannot find this new one; it
        // ends only when this process stops the container, or after its timeout.
        m_ctx.adopting = m_disco->isResumedSession();
        runHook(&Strategy::up, false, [this, done](Scs::Result<void> result) {
            m_ctx.adopting = false;
            if (result)
                setState(ContainerState::Running);
            done(std::move(result));
        });
    });
    return workflow;
}

Workflow *ManagedContainer::start()
{
    auto *workflow = new Workflow(m_ctx.id + QStringLiteral(" start"), this);
    m_stopping = false;
    if (!m_loaded) {
        addSessionStep(workflow);
        addLoadSteps(workflow);
    }
    workflow->addStep(
        Tr::tr("engine start"), [this](StepDone done) { engineStart(std::move(done)); },
        [this](StepDone done) {
            m_stopping = true;
            m_ctx.running = false;
            engineStop(std::move(done));
        });
    workflow->addStep(Tr::tr("started"), [this](StepDone done) {
        runHook(&Strategy::started, false, std::move(done));
    });
    workflow->addStep(Tr::tr("wait healthy"),
                      [this](StepDone done) { waitHealthy(std::move(done)); });
    workflow->addStep(
        Tr::tr("up"),
        [this](StepDone done) {
            runHook(&Strategy::up, false, [this, done](Scs::Result<void> result) {
                if (result)
                    setState(ContainerState::Running);
                done(std::move(result));
            });
        },
        [this](StepDone done) { runHook(&Strategy::stopped, true, std::move(done)); });
    connect(workflow, &Workflow::stepStarted, this,
            [this](int, const QString &name) { setPhase(name, -1); });
    connect(workflow, &Workflow::finished, this, [this](const Scs::Result<void> &result) {
        m_row.phase.clear();
        if (!result)
            setState(ContainerState::Failed, result.error().message);
        else
            publish();
    });
    return workflow;
}

Workflow *ManagedContainer::stop(int drainMs)
{
    auto *workflow = new Workflow(m_ctx.id + QStringLiteral(" stop"), this);
    workflow->addStep(Tr::tr("stopped"), [this](StepDone done) {
        m_stopping = true;
        setState(ContainerState::Stopping);
        runHook(&Strategy::stopped, true, std::move(done));
    });
    if (drainMs > 0) {
        // Dependents re-pointed already; requests in flight on this one may finish.
        workflow->addStep(Tr::tr("drain"), [this, drainMs](StepDone done) {
            QTimer::singleShot(drainMs, this, [done]() { done({}); });
        });
    }
    workflow->addStep(Tr::tr("engine stop"), [this](StepDone done) {
        m_ctx.running = false;
        engineStop(std::move(done));
    });
    workflow->addStep(Tr::tr("down"),
                      [this](StepDone done) { runHook(&Strategy::down, true, std::move(done)); });
    workflow->addStep(Tr::tr("unload"), [this](StepDone done) {
        runHook(&Strategy::unload, true, [this, done](Scs::Result<void> result) {
            m_loaded = false;
            done(std::move(result));
        });
    });
    workflow->addStep(Tr::tr("leave disco"), [this](StepDone done) {
        if (m_disco->state() == Disco::Client::State::Stopped) {
            done({});
            return;
        }
        onResult(m_disco->leave(Disco::Wait{Disco::Wait::Mode::None, 0}), this,
                 [done](const Scs::Result<void> &) { done({}); });
    });
    connect(workflow, &Workflow::stepStarted, this,
            [this](int, const QString &name) { setPhase(name, -1); });
    connect(workflow, &Workflow::finished, this, [this](const Scs::Result<void> &result) {
        m_row.phase.clear();
        if (result) {
            m_ctx.dockerId.clear();
            setHealth(ContainerHealth::None);
            setState(ContainerState::Stopped);
        } else {
            setState(ContainerState::Failed, result.error().message);
        }
    });
    return workflow;
}

void ManagedContainer::runHook(void (Strategy::*hook)(ContainerContext &, StepDone), bool reverse,
                               StepDone done, size_t index)
{
    if (index >= m_strategies.size()) {
        done({});
        return;
    }
    Strategy *strategy = reverse ? m_strategies.at(m_strategies.size() - 1 - index).get()
                                 : m_strategies.at(index).get();
    QPointer<ManagedContainer> self(this);
    (strategy->*hook)(m_ctx, [self, hook, reverse, done, index](Scs::Result<void> result) {
        if (!self)
            return;
        if (!result) {
            done(std::move(result));
            return;
        }
        // Continue from the event loop: strategies often answer synchronously.
        QTimer::singleShot(0, self.data(), [self, hook, reverse, done, index]() {
            if (self)
                self->runHook(hook, reverse, done, index + 1);
        });
    });
}

void ManagedContainer::engineStart(StepDone done, bool retried)
{
    m_died = false;
    setState(ContainerState::Starting);
    Docker::ContainerSpec spec = m_ctx.spec;
    spec.labels.insert(Labels::Session, m_disco->sessionId());
    Engine *engine = m_ctx.host->engine();
    const QString where = m_ctx.id;
    // A container of the same name left from an earlier run is replaced.
    onResult(
        engine->removeContainer(spec.name, true), this,
        [this, engine, spec, done, retried, where](const Scs::Result<void> &) {
            onResult(
                engine->createContainer(spec), this,
                [this, engine, spec, done, retried, where](const Scs::Result<QString> &created) {
                    if (!created) {
                        const QString message = created.error().message;
                        if (!retried
                            && message.contains(QStringLiteral("bind source "
                                                               "path does "
                                                               "not exist"))) {
                            QStringList paths;
                            for (const Docker::Mount &m : spec.mounts)
                                if (m.type == Docker::Mount::Type::Bind)
                                    paths.append(m.source);
                            ensureHostFolders(paths, [this, done](Scs::Result<void> r) {
                                if (!r) {
                                    done(std::move(r));
                                    return;
                                }
                                engineStart(done, true);
                            });
                            return;
                        }
                        done(Scs::makeError(created.error().withContext(where)));
                        return;
                    }
                    m_ctx.dockerId = *created;
                    publish();
                    onResult(engine->startContainer(*created), this,
                             [this, engine, done, where](const Scs::Result<void> &s) {
                                 if (!s) {
                                     done(Scs::makeError(s.error().withContext(where)));
                                     return;
                                 }
                                 m_ctx.running = true;
                                 onResult(
                                     engine->inspectContainer(m_ctx.dockerId), this,
                                     [this, done,
                                      where](const Scs::Result<Docker::ContainerInfo> &info) {
                                         if (!info) {
                                             done(Scs::makeError(info.error().withContext(where)));
                                             return;
                                         }
                                         m_ctx.info = *info;
                                         done({});
                                     });
                             });
                });
        });
}

void ManagedContainer::ensureHostFolders(const QStringList &paths, StepDone done)
{
    // The engine's file system may not be ours (another machine, another mount
    // namespace): create the bind sources with a throw-away container on that host.
    Docker::ContainerSpec helper;
    helper.image = m_ctx.compiled.image.tag;
    helper.entrypoint = {QStringLiteral("mkdir")};
    helper.command = {QStringLiteral("-p")};
    for (const QString &path : paths)
        helper.command.append(QStringLiteral("/host") + path);
    helper.mounts.append(
        Docker::Mount{Docker::Mount::Type::Bind, QStringLiteral("/"), QStringLiteral("/host")});
    helper.labels.insert(Labels::Helper, QStringLiteral("mkdir"));
    Engine *engine = m_ctx.host->engine();
    const QString where = m_ctx.id;
    qCInfo(runtimeLog) << where << "creates host folders" << paths;
    onResult(engine->createContainer(helper), this,
             [this, engine, done, where](const Scs::Result<QString> &created) {
                 if (!created) {
                     done(Scs::makeError(created.error().withContext(
                         Tr::tr("%1: creating the volume folders").arg(where))));
                     return;
                 }
                 const QString id = *created;
                 onResult(engine->startContainer(id), this,
                          [this, engine, id, done, where](const Scs::Result<void> &started) {
                              if (!started) {
                                  (void)engine->removeContainer(id, true);
                                  done(Scs::makeError(started.error().withContext(
                                      Tr::tr("%1: creating the volume folders").arg(where))));
                                  return;
                              }
                              // mkdir is quick; poll until it has exited.
                              auto poll = std::make_shared<std::function<void(int)>>();
                              *poll = [this, engine, id, done, where, poll](int tries) {
                                  onResult(
                                      engine->inspectContainer(id), this,
                                      [=, this](const Scs::Result<Docker::ContainerInfo> &info) {
                                          if (info && info->state.running && tries < 100) {
                                              QTimer::singleShot(
                                                  50, this, [=, this]() { (*poll)(tries + 1); });
                                              return;
                                          }
                                          (void)engine->removeContainer(id, true);
                                          if (!info || info->state.exitCode != 0)
                                              done(Scs::makeError(
                                                  Tr::tr("%1: could not create the volume "
                                                         "folders on host %2")
                                                      .arg(where, m_ctx.host->name())));
                                          else
                                              done({});
                                          Internal::releaseLater(poll);
                                      });
                              };
                              (*poll)(0);
                          });
             });
}

void ManagedContainer::engineStop(StepDone done)
{
    if (m_ctx.dockerId.isEmpty()) {
        done({});
        return;
    }
    Engine *engine = m_ctx.host->engine();
    const QString dockerId = m_ctx.dockerId;
    const QString where = m_ctx.id;
    onResult(engine->stopContainer(dockerId, secondsCeil(m_ctx.compiled.image.stopTimeout)), this,
             [this, engine, dockerId, done, where](const Scs::Result<void> &stopped) {
                 if (!stopped && stopped.error().kind != Scs::Error::Kind::NotFound
                     && stopped.error().status != 404) {
                     done(Scs::makeError(stopped.error().withContext(where)));
                     return;
                 }
                 onResult(engine->removeContainer(dockerId, true), this,
                          [this, done, where](const Scs::Result<void> &removed) {
                              if (!removed && removed.error().kind != Scs::Error::Kind::NotFound
                                  && removed.error().status != 404) {
                                  done(Scs::makeError(removed.error().withContext(where)));
                                  return;
                              }
                              m_ctx.dockerId.clear();
                              publish();
                              done({});
                          });
             });
}

void ManagedContainer::waitHealthy(StepDone done)
{
    const auto &health = m_ctx.compiled.image.health;
    if (!health || health->command.isEmpty()) {
        setHealth(ContainerHealth::None);
        done({});
        return;
    }
    setHealth(ContainerHealth::Starting);
    const double budget
        = health->startPeriod + (health->interval + health->timeout) * std::max(1, health->retries);
    const qint64 deadline
        = QDateTime::currentMSecsSinceEpoch() + qint64(std::max(30.0, budget) * 1000);
    pollHealth(std::move(done), deadline);
}

void ManagedContainer::pollHealth(StepDone done, qint64 deadlineMs)
{
    // The readiness probe runs the image's health command itself, every healthPollMs:
    // Docker's own check only runs every `interval` and would delay every start.
    Engine *engine = m_ctx.host->engine();
    Docker::ExecSpec exec;
    exec.command = m_ctx.compiled.image.health->command;
    const QString where = m_ctx.id;
    onResult(
        engine->exec(m_ctx.dockerId, exec), this,
        [this, engine, done, deadlineMs, where](const Scs::Result<Docker::ExecResult> &r) {
            if (r && r->exitCode == 0) {
                setHealth(ContainerHealth::Healthy);
                done({});
                return;
            }
            const QString output = r ? outputOf(*r) : r.error().message;
            // Did it die? Then say so, with the end of its log.
            onResult(
                engine->inspectContainer(m_ctx.dockerId), this,
                [this, engine, done, deadlineMs, where,
                 output](const Scs::Result<Docker::ContainerInfo> &info) {
                    if (info && !info->state.running && !info->state.restarting) {
                        Docker::LogOptions options;
                        options.tail = 15;
                        onResult(
                            engine->logs(m_ctx.dockerId, options), this,
                            [done, where, info](const Scs::Result<QList<Docker::LogFrame>> &logs) {
                                QByteArray text;
                                if (logs)
                                    for (const auto &frame : *logs)
                                        text += frame.data;
                                done(Scs::makeError(Tr::tr("%1 exited with code %2 before it was "
                                                           "healthy; its last output:\n%3")
                                                        .arg(where)
                                                        .arg(info->state.exitCode)
                                                        .arg(QString::fromUtf8(text).trimmed())));
                            });
                        return;
                    }
                    if (QDateTime::currentMSecsSinceEpoch() > deadlineMs) {
                        setHealth(ContainerHealth::Unhealthy);
                        done(Scs::makeError(Tr::tr("%1 did not become healthy in time; the health "
                                                   "check said: %2")
                                                .arg(where, output),
                                            Scs::Error::Kind::Timeout));
                        return;
                    }
                    QTimer::singleShot(m_options.healthPollMs, this, [this, done, deadlineMs]() {
                        pollHealth(done, deadlineMs);
                    });
                });
        });
}

void ManagedContainer::handleEvents(const QList<Docker::Event> &events)
{
    for (const Docker::Event &event : events) {
        if (event.type != u"container" || m_ctx.dockerId.isEmpty()
            || event.actorId != m_ctx.dockerId)
            continue;
        const QString &action = event.action;
        if (action == u"die") {
            if (m_stopping)
                continue;
            const int exitCode = event.attributes.value(QStringLiteral("exitCode")).toInt();
            qCInfo(runtimeLog) << m_ctx.id << "died with" << exitCode << "; provisions dropped";
            m_ctx.running = false;
            m_died = true;
            withdrawAll();
            setHealth(ContainerHealth::None);
            setState(ContainerState::Exited, Tr::tr("exited with code %1").arg(exitCode));
            emit died(exitCode);
        } else if (action == u"start") {
            // Only a start after a death is a restart: the start event of our own engine
            // start may arrive before the start call returns.
            if (m_stopping || m_ctx.running || !m_died)
                continue;
            qCInfo(runtimeLog) << m_ctx.id << "restarted by Docker";
            reRegister();
        } else if (action.startsWith(QStringLiteral("health_status"))) {
            if (action.endsWith(QStringLiteral("unhealthy")))
                setHealth(ContainerHealth::Unhealthy);
            else if (action.endsWith(QStringLiteral("healthy")))
                setHealth(ContainerHealth::Healthy);
        }
    }
}

void ManagedContainer::handleHostHealth(HostHealth health)
{
    if (m_ctx.dockerId.isEmpty() || m_stopping)
        return;
    if (health == HostHealth::Down) {
        m_ctx.running = false;
        m_died = true;
        withdrawAll();
        setState(ContainerState::Failed, Tr::tr("host %1 does not answer").arg(m_ctx.host->name()));
        emit died(-1);
    } else if (health == HostHealth::Up && !m_ctx.running) {
        onResult(m_ctx.host->engine()->inspectContainer(m_ctx.dockerId), this,
                 [this](const Scs::Result<Docker::ContainerInfo> &info) {
                     if (info && info->state.running && !m_ctx.running)
                         reRegister();
                 });
    }
}

void ManagedContainer::withdrawAll()
{
    for (auto it = m_strategies.rbegin(); it != m_strategies.rend(); ++it)
        (*it)->withdraw(m_ctx);
}

void ManagedContainer::reRegister()
{
    if (m_reRegistering)
        return;
    m_reRegistering = true;
    m_died = false;
    m_ctx.running = true;
    setState(ContainerState::Starting);
    onResult(m_ctx.host->engine()->inspectContainer(m_ctx.dockerId), this,
             [this](const Scs::Result<Docker::ContainerInfo> &info) {
                 if (info)
                     m_ctx.info = *info;
                 waitHealthy([this](Scs::Result<void> healthy) {
                     if (!healthy) {
                         m_reRegistering = false;
                         setState(ContainerState::Failed, healthy.error().message);
                         return;
                     }
                     runHook(&Strategy::started, false, [this](Scs::Result<void>) {
                         runHook(&Strategy::up, false, [this](Scs::Result<void> up) {
                             m_reRegistering = false;
                             if (!up) {
                                 setState(ContainerState::Failed, up.error().message);
                                 return;
                             }
                             setState(ContainerState::Running);
                             qCInfo(runtimeLog) << m_ctx.id << "re-registered";
                             emit recovered();
                         });
                     });
                 });
             });
}

void ManagedContainer::execLiveUpdate(const QString &requireName, const QStringList &command,
                                      const QMap<QString, QString> &env,
                                      std::function<void(int, QString)> done)
{
    Docker::ExecSpec exec;
    exec.command = command;
    exec.environment = env;
    const QString where = m_ctx.id;
    onResult(m_ctx.host->engine()->exec(m_ctx.dockerId, exec), this,
             [done, where, requireName](const Scs::Result<Docker::ExecResult> &result) {
                 if (!result) {
                     qCWarning(runtimeLog) << where << "liveupdate of" << requireName
                                           << "could not run:" << result.error().message;
                     done(-1, result.error().message);
                     return;
                 }
                 qCInfo(runtimeLog) << where << "liveupdate of" << requireName << "exited with"
                                    << result->exitCode;
                 done(result->exitCode, outputOf(*result));
             });
}

} // namespace Runtime
