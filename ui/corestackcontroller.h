// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "manifest/compiled.h"
#include "runtime/topology.h"
#include "stackcontroller.h"

#include <optional>

namespace Ui {

/**
 * The StackController over the core that exists today: the manifest compiler fills
 * the topology with the stack's hosts (reachability checked with Docker::EngineClient)
 * and its containers, volumes and service links as planned; the details panel shows
 * the compiled config with each value's layer; the export dialog writes the scs bundle.
 *
 * Build, start, stop and moves belong to the container manager (core/runtime); until
 * this controller is wired to it they answer with an error that says so, and never
 * pretend to have done anything.
 */
class CoreStackController final : public StackController
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CoreStackController)

public:
    explicit CoreStackController(QObject *parent = nullptr);
    ~CoreStackController() override;

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
    [[nodiscard]] Scs::Result<ExportResult> exportStack(ExportFormat format) override;

    /** The compiled stack, once loaded. */
    [[nodiscard]] const std::optional<Manifest::CompiledStack> &stack() const { return m_stack; }

private:
    void applyStack(const Manifest::CompiledStack &stack);
    void checkHosts();
    [[nodiscard]] const Manifest::CompiledContainer *compiled(const QString &containerId) const;
    void notAvailable(const QString &what);

    Runtime::Topology *m_topology = nullptr;
    std::optional<Manifest::CompiledStack> m_stack;
    int m_generation = 0; ///< drops results of loads that were superseded
};

} // namespace Ui
