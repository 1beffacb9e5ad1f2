// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "manifest/compiled.h"
#include "runtime/topology.h"
#include "stackcontroller.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QSet>

#include <functional>
#include <optional>

namespace Disco {
class Server;
}
namespace Docker {
class LogStream;
}
namespace Runtime {
class ContainerManager;
class Relocation;
class Workflow;
} // namespace Runtime

namespace Ui {

class ImageSupply;

/**
 * The StackController over the real core: the manifest compiler (off the GUI thread),
 * a Runtime::ContainerManager on the stack's hosts that registers and resolves through
 * the dashboard's in-process disco server, Runtime::ImageBuilder on the build engine
 * (ImageSupply; the manager carries images to the hosts), Docker::EngineClient for logs,
 * exec and restart, and Manifest::Exporter for Compose, Kubernetes and the bundle.
 *
 * Roles that do not run are shown as planned at their place in the hosts file. A stack
 * that another process (or an earlier dashboard) started is taken over when it is opened.
 * Start, stop and moves run one at a time; one asked for while another runs waits for it.
 * Hosts with documentation addresses (.example, 192.0.2.x) are never contacted: such a
 * stack opens read-only (graph, details, export).
 */
class CoreStackController final : public StackController
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CoreStackController)

public:
    explicit CoreStackController(QObject *parent = nullptr);
    ~CoreStackController() override;

    /** Registers and resolves through \p server (not owned); else one is started on demand. */
    void setDiscoServer(Disco::Server *server);
    /** Builds on \p dockerAddress (empty: the first host of the stack that runs a role). */
    void setBuildEngine(const QString &dockerAddress);

    [[nodiscard]] Runtime::Topology *topology() const override;
    void loadStack(const QString &stackPath, const QString &hostsPath) override;
    [[nodiscard]] QStringList roles() const override;
    [[nodiscard]] Scs::Result<MovePlan> planMove(const QString &containerId,
                                                 const QString &targetHost) override;
    void startMove(const MovePlan &plan) override;
    void cancelMove(const QString &containerId) override;
    void build(const QString &role) override;
    void start(const QString &role) override;
    void stop(const QString &role) override;
    void restart(const QString &containerId) override;
    void exec(const QString &containerId, const QStringList &command) override;
    void followLogs(const QString &containerId, bool follow) override;
    [[nodiscard]] QList<ConfigValue> compiledConfig(const QString &containerId) const override;
    [[nodiscard]] QMap<QString, QString> environment(const QString &containerId) const override;
    [[nodiscard]] Scs::Result<ExportResult> exportStack(ExportFormat format,
                                                        const QString &host) override;

    /** The compiled stack, once loaded. */
    [[nodiscard]] const std::optional<Manifest::CompiledStack> &stack() const { return m_stack; }
    /** The container manager of the loaded stack (null before, or for a read-only stack). */
    [[nodiscard]] Runtime::ContainerManager *manager() const { return m_manager; }
    /** Why the loaded stack is read-only; empty when it can run. */
    [[nodiscard]] QString readOnlyReason() const { return m_readOnlyReason; }
    /** True while an operation (start, stop, move, take-over) runs or waits. */
    [[nodiscard]] bool isBusy() const;

private:
    using WorkflowFactory = std::function<Runtime::Workflow *()>;
    using WorkflowDone = std::function<void(const Scs::Result<void> &)>;
    struct Operation
    {
        QString name;
        QString moveId; ///< the container id for a move (cancellable while waiting)
        WorkflowFactory create;
        WorkflowDone done;
        bool ownedByCore = false; ///< the workflow belongs to a core object (a relocation)
    };
    struct LogFollow
    {
        QPointer<Docker::LogStream> stream;
        QByteArray partial[3]; // per stream (stdin, stdout, stderr): the unfinished line
    };

    void applyStack(const Manifest::CompiledStack &stack);
    void closeStack();
    [[nodiscard]] QString documentationHosts() const;
    void showReadOnlyHosts();
    void syncPlanned();
    void addPlanned(const Manifest::CompiledContainer &container);
    [[nodiscard]] const Manifest::CompiledContainer *compiled(const QString &containerId) const;
    [[nodiscard]] Scs::Result<void> canRun() const;
    [[nodiscard]] bool isBuildEngine(const QString &hostName) const;
    void refreshImageCache();

    void runExclusive(Operation operation);
    void runNext();
    Runtime::Workflow *startRoleWorkflow(const QString &role);
    Runtime::Workflow *stopRoleWorkflow(const QString &role);
    void handleMoveDone(const MovePlan &plan, const Scs::Result<void> &result,
                        Runtime::Relocation *relocation);

    Runtime::Topology *m_topology = nullptr;
    Runtime::ContainerManager *m_manager = nullptr;
    ImageSupply *m_images = nullptr;
    QPointer<Disco::Server> m_discoServer;
    Disco::Server *m_ownDiscoServer = nullptr;
    QString m_buildAddress;
    std::optional<Manifest::CompiledStack> m_stack;
    QString m_readOnlyReason;
    int m_generation = 0;          ///< drops results of loads that were superseded
    QSet<QString> m_planned;       ///< container ids of planned rows this controller added
    QSet<QString> m_imagesOnHosts; ///< "host\ttag" of images known to be on a host
    QHash<QString, qint64> m_lastUnavailableMs; ///< measured by the last move, by role

    QList<Operation> m_waiting;
    QPointer<Runtime::Workflow> m_running;
    QString m_runningName;
    QString m_runningMoveId;
    QHash<QString, LogFollow> m_logs;
};

} // namespace Ui
