// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "runtime/topology.h"
#include "stackcontroller.h"
#include "topologyfixture.h"

#include <QTimer>

/**
 * A StackController over its own Topology that plays the container manager's part
 * in memory: loading fills the example stack, a move walks through its phases on a
 * timer and then rewrites the topology as the runtime would. It records every call
 * so tests can check what the window asked for. In addition to, never instead of,
 * the tests against the real core.
 */
class FakeStackController final : public Ui::StackController
{
    Q_OBJECT

public:
    explicit FakeStackController(QObject *parent = nullptr)
        : Ui::StackController(parent)
    {
        m_timer.setInterval(10);
        connect(&m_timer, &QTimer::timeout, this, &FakeStackController::step);
    }

    Runtime::Topology *topology() const override
    {
        return const_cast<Runtime::Topology *>(&m_topology);
    }

    void loadStack(const QString &stackPath, const QString &hostsPath) override
    {
        calls << QStringLiteral("load %1 %2").arg(stackPath, hostsPath);
        m_topology.clear();
        TopologyFixture::fillExampleStack(m_topology);
        emit stackLoaded(stackPath);
    }
    QStringList roles() const override
    {
        return {QStringLiteral("mysqlmaster"), QStringLiteral("mysqlslave"),
                QStringLiteral("wordpress")};
    }

    Scs::Result<Ui::MovePlan> planMove(const QString &containerId,
                                       const QString &targetHost) override
    {
        calls << QStringLiteral("plan %1 %2").arg(containerId, targetHost);
        const Runtime::ContainerInfo *info = m_topology.container(containerId);
        if (!info)
            return Scs::makeError(QStringLiteral("no container %1").arg(containerId),
                                  Scs::Error::Kind::NotFound);
        if (!m_topology.host(targetHost))
            return Scs::makeError(QStringLiteral("no host %1").arg(targetHost),
                                  Scs::Error::Kind::NotFound);
        Ui::MovePlan plan;
        plan.containerId = containerId;
        plan.role = info->role;
        plan.sourceHost = info->host;
        plan.targetHost = targetHost;
        plan.image = info->image;
        plan.imageTransfer = true;
        for (const Runtime::VolumeInfo &volume : m_topology.volumesOf(containerId))
            plan.volumes.append({volume.name, volume.method, QStringLiteral("copy"), 1 << 20});
        for (const Runtime::LinkInfo &link : m_topology.links()) {
            if (link.providerContainerId == containerId)
                plan.dependents << link.containerId;
        }
        plan.expectedDowntimeMs = 1500;
        return plan;
    }

    void startMove(const Ui::MovePlan &plan) override
    {
        calls << QStringLiteral("move %1 %2").arg(plan.containerId, plan.targetHost);
        m_plan = plan;
        m_step = 0;
        m_timer.start();
    }
    void cancelMove(const QString &containerId) override
    {
        calls << QStringLiteral("cancel %1").arg(containerId);
        if (!m_timer.isActive() || containerId != m_plan.containerId)
            return;
        m_timer.stop();
        Ui::MoveResult result;
        result.containerId = containerId;
        result.cancelled = true;
        result.rollbackSteps
            << QStringLiteral("removed the half-started copy on %1").arg(m_plan.targetHost);
        emit moveFinished(result);
    }

    void build(const QString &role) override
    {
        calls << QStringLiteral("build %1").arg(role);
        emit buildProgress(QStringLiteral("scs/wordpress"), 50);
        emit buildOutput(QStringLiteral("scs/wordpress"),
                         QStringLiteral("Step 1/3 : FROM scs/base"));
        emit buildFinished(QStringLiteral("scs/wordpress"), {});
    }
    void start(const QString &role) override { calls << QStringLiteral("start %1").arg(role); }
    void stop(const QString &role) override { calls << QStringLiteral("stop %1").arg(role); }
    void restart(const QString &id) override { calls << QStringLiteral("restart %1").arg(id); }
    void exec(const QString &id, const QStringList &command) override
    {
        calls << QStringLiteral("exec %1 %2").arg(id, command.join(u' '));
    }
    void followLogs(const QString &id, bool follow) override
    {
        calls << QStringLiteral("logs %1 %2").arg(id).arg(follow);
    }
    QList<ConfigValue> compiledConfig(const QString &) const override
    {
        return {{QStringLiteral("container.environment.SCS_DB_NAME"), QStringLiteral("blog"),
                 QStringLiteral("common.yaml")},
                {QStringLiteral("container.restart.policy"), QStringLiteral("on-failure"),
                 QStringLiteral("wordpress.yaml")}};
    }
    QMap<QString, QString> environment(const QString &) const override
    {
        return {{QStringLiteral("SCS_DB_NAME"), QStringLiteral("blog")},
                {QStringLiteral("SCS_REQUIRE_MYSQL_HOST"), QStringLiteral("10.231.0.1")}};
    }
    Scs::Result<Ui::ExportResult> exportStack(Ui::ExportFormat format, const QString &host) override
    {
        calls << (host.isEmpty() ? QStringLiteral("export %1").arg(int(format))
                                 : QStringLiteral("export %1 %2").arg(int(format)).arg(host));
        Ui::ExportResult result;
        result.files.insert(
            QStringLiteral("compose.yaml"),
            QByteArrayLiteral("services:\n  wordpress:\n    image: scs/wordpress\n"));
        result.operatorValues.append({QStringLiteral("SCS_DB_PASSWORD"),
                                      QStringLiteral("the database password"),
                                      QStringLiteral("secrets/wordpress.env")});
        return result;
    }

    void setStepInterval(int ms) { m_timer.setInterval(ms); }

    QStringList calls;
    bool failMoves = false;

private:
    void step()
    {
        static const char *phases[] = {"transferring image", "copying volumes", "starting",
                                       "waiting for health", "updating dependents"};
        if (m_step < 5) {
            if (failMoves && m_step == 3) {
                m_timer.stop();
                Ui::MoveResult result;
                result.containerId = m_plan.containerId;
                result.error = QStringLiteral("health gate: %1 did not become healthy within 60 s")
                                   .arg(m_plan.role);
                result.rollbackSteps
                    << QStringLiteral("stopped %1 on %2").arg(m_plan.role, m_plan.targetHost)
                    << QStringLiteral("kept %1 running on %2").arg(m_plan.role, m_plan.sourceHost);
                emit moveFinished(result);
                return;
            }
            emit moveProgress(m_plan.containerId, QString::fromLatin1(phases[m_step]), 20 * m_step);
            ++m_step;
            return;
        }
        m_timer.stop();
        const Runtime::ContainerInfo old = *m_topology.container(m_plan.containerId);
        const QList<Runtime::VolumeInfo> volumes = m_topology.volumesOf(old.id);
        const QList<Runtime::LinkInfo> ownLinks = m_topology.linksOf(old.id);
        const Runtime::HostInfo *target = m_topology.host(m_plan.targetHost);
        Runtime::ContainerInfo moved = old;
        moved.id = old.role + u'@' + m_plan.targetHost;
        moved.host = m_plan.targetHost;
        for (Runtime::PublishedEndpoint &endpoint : moved.endpoints)
            endpoint.host = target->address;
        m_topology.removeContainer(old.id);
        m_topology.setContainer(moved);
        for (Runtime::VolumeInfo volume : volumes) {
            volume.containerId = moved.id;
            volume.id = moved.id + u'/' + volume.name;
            m_topology.setVolume(volume);
        }
        for (Runtime::LinkInfo link : ownLinks) {
            link.containerId = moved.id;
            link.id = moved.id + u'/' + link.requireName;
            m_topology.setLink(link);
        }
        Ui::MoveResult result;
        result.containerId = old.id;
        result.newContainerId = moved.id;
        result.succeeded = true;
        result.unavailabilityMs = 850;
        for (const QString &dependent : std::as_const(m_plan.dependents)) {
            const QString linkId = dependent + QStringLiteral("/mysql");
            if (const Runtime::LinkInfo *existing = m_topology.link(linkId)) {
                Runtime::LinkInfo updated = *existing;
                updated.providerContainerId = moved.id;
                updated.boundTo = moved.endpoints.value(0);
                m_topology.setLink(updated);
                result.dependentsUpdated << dependent;
            }
        }
        emit moveFinished(result);
    }

    Runtime::Topology m_topology;
    QTimer m_timer;
    Ui::MovePlan m_plan;
    int m_step = 0;
};
