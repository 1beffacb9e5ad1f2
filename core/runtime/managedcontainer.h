// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "manifest/compiled.h"
#include "strategies/strategy.h"
#include "topology.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace Disco {
class Client;
}

namespace Runtime {

class Host;
class Workflow;

/** Labels scs puts on every container, so another process can find its stack again. */
namespace Labels {
inline const QString Stack = QStringLiteral("scs.stack"); ///< "environment/service"
inline const QString Role = QStringLiteral("scs.role");
inline const QString Host = QStringLiteral("scs.host");
inline const QString Hash = QStringLiteral("scs.hash"); ///< compiled container content hash
inline const QString Session = QStringLiteral("scs.disco.session");
inline const QString Helper = QStringLiteral("scs.helper"); ///< relocation helpers
} // namespace Labels

/**
 * One container of a role on one host, and the workflow that runs it.
 *
 * start(): disco session → load (every strategy) → engine start (create + start) →
 * started → wait healthy → up (register provides) → started. stop(): stopped (drop
 * provisions, dependents acknowledge) → engine stop → down → unload → leave the session.
 * Both return a Workflow (owned by this object) with progress and one finished() signal.
 *
 * While it runs it is supervised through the host's Docker events: a death drops its
 * provisions at once; a restart (Docker's restart policy) is re-registered when healthy.
 * A host that goes down drops its provisions too. Keeps its Topology rows current.
 */
class ManagedContainer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManagedContainer)

public:
    struct Options
    {
        QString discoHost = QStringLiteral("127.0.0.1");
        quint16 discoPort = 9640;
        /** Seconds the disco session outlives this process (headless `scs up` exits). */
        double sessionTimeout = 0;
        /** How often the readiness probe runs the image's health command. */
        int healthPollMs = 250;
    };

    ManagedContainer(Manifest::CompiledContainer compiled, Host *host, Topology *topology,
                     Options options, QObject *parent = nullptr);
    ~ManagedContainer() override;

    [[nodiscard]] QString id() const { return m_ctx.id; }
    [[nodiscard]] QString role() const { return m_ctx.compiled.role; }
    [[nodiscard]] Host *host() const { return m_ctx.host; }
    [[nodiscard]] QString dockerId() const { return m_ctx.dockerId; }
    [[nodiscard]] const Manifest::CompiledContainer &compiled() const { return m_ctx.compiled; }
    [[nodiscard]] bool isRunning() const { return m_ctx.running; }
    /** The mounts the loaded volume strategies produced (after load). */
    [[nodiscard]] QList<Docker::Mount> mounts() const { return m_ctx.spec.mounts; }
    [[nodiscard]] QString sessionId() const;

    /** The content hash of the compiled container: labels and change detection. */
    [[nodiscard]] static QString configHash(const Manifest::CompiledContainer &compiled);

    [[nodiscard]] Workflow *start();
    /**
     * Stops; with \p drainMs, waits that long between dropping the provisions and stopping
     * the engine, so requests in flight finish (a live move).
     */
    [[nodiscard]] Workflow *stop(int drainMs = 0);
    /**
     * Takes over a running container another process started: attaches to the disco
     * session \p labelSessionId its label names (so a later stop from any process still
     * ends the session that holds its provisions), loads the strategies (requirements are
     * registered again, those of the earlier process are dropped as their notifications
     * come), and takes over the provisions already there instead of adding duplicates.
     * When that session has ended, joins a new one and registers anew.
     */
    [[nodiscard]] Workflow *adopt(const QString &dockerId, const QString &labelSessionId);
    /** Runs only the load steps (relocation provisions the target's volumes first). */
    [[nodiscard]] Workflow *loadOnly();

    /** Creates the host folders \p paths on this container's host (a throw-away container). */
    void ensureHostFolders(const QStringList &paths, StepDone done);

    /** Sets phase/progress on the Topology row (relocation reports through this). */
    void setPhase(const QString &phase, int progress = -1);
    void setError(const QString &error);

signals:
    void healthChanged(Runtime::ContainerHealth health);
    /** Died (Docker event) or its host went away: its provisions were dropped. */
    void died(int exitCode);
    /** Healthy and registered again after a restart. */
    void recovered();

private:
    void addLoadSteps(Workflow *workflow);
    /** Joins a session, or attaches to \p resumeSessionId (adopt). */
    void addSessionStep(Workflow *workflow, const QString &resumeSessionId = {});
    void runHook(void (Strategy::*hook)(ContainerContext &, StepDone), bool reverse, StepDone done,
                 size_t index = 0);
    void engineStart(StepDone done, bool retried = false);
    void engineStop(StepDone done);
    void waitHealthy(StepDone done);
    void pollHealth(StepDone done, qint64 deadlineMs);
    void handleEvents(const QList<Docker::Event> &events);
    void handleHostHealth(HostHealth health);
    void withdrawAll();
    void reRegister();
    void execLiveUpdate(const QString &requireName, const QStringList &command,
                        const QMap<QString, QString> &env, std::function<void(int, QString)> done);
    void setState(ContainerState state, const QString &error = {});
    void setHealth(ContainerHealth health);
    void publish();
    Docker::ContainerSpec baseSpec() const;

    ContainerContext m_ctx;
    Options m_options;
    StrategyList m_strategies;
    Scs::Result<void> m_strategiesOk;
    Disco::Client *m_disco = nullptr;
    ContainerInfo m_row;
    bool m_loaded = false;
    bool m_stopping = false;
    bool m_reRegistering = false;
    bool m_died = false; ///< died (or its host went away) since it last started
};

} // namespace Runtime
