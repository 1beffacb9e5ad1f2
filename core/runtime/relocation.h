// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "manifest/compiled.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace Runtime {

class ContainerManager;
class ManagedContainer;
class Workflow;
namespace Internal {
class VolumeCopy;
}

/**
 * Moves one role of a running stack to another host.
 *
 * Live (no gap): prepare the target (image carried with save/load if missing, volumes
 * provisioned and pre-copied), start it there, wait until it is healthy and registered,
 * then stop the old one: dependents re-point through disco before it goes.
 *
 * Stop-first (stateful): prepare the target, stop the old one (its provisions are
 * dropped: the unavailability window opens), copy every host-local volume through the
 * Docker archive API of two helper containers, start on the target; the window closes
 * when the new provision is registered.
 *
 * Auto picks stop-first for a role with host-local volumes (local, metavol, docker) that
 * provides an endpoint another role of the stack requires by name (a data service such
 * as MySQL), live otherwise. A failure anywhere rolls back: the target is cleaned up and
 * the service runs on the source again with its data; the error says what failed and that
 * it rolled back.
 */
class Relocation final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Relocation)

public:
    enum class Mode { Auto, Live, StopFirst };

    struct Phase
    {
        QString name;
        qint64 startedMs = 0; ///< since the move began
        qint64 durationMs = -1;
    };

    Relocation(ContainerManager *manager, QString role, QString targetHost,
               QObject *parent = nullptr, Mode mode = Mode::Auto);
    ~Relocation() override;

    /** The workflow of the move (owned by this object); start() it. */
    [[nodiscard]] Workflow *workflow() const { return m_workflow; }
    /** Decides Live or StopFirst for \p container within \p stack. */
    [[nodiscard]] static Mode decide(const Manifest::CompiledStack &stack,
                                     const Manifest::CompiledContainer &container);

    [[nodiscard]] Mode mode() const { return m_mode; }
    [[nodiscard]] QString role() const { return m_role; }
    [[nodiscard]] QString sourceHost() const { return m_sourceHost; }
    [[nodiscard]] QString targetHost() const { return m_targetHost; }
    [[nodiscard]] QList<Phase> phases() const { return m_phases; }
    /** How far the move is, 0-100, by its steps (the same for live and stop-first moves). */
    [[nodiscard]] int percent() const { return m_percent; }
    /** The measured window in which the role had no registered provision, in ms (0: none). */
    [[nodiscard]] qint64 unavailableMs() const { return m_unavailableMs; }
    /** Bytes of volume data moved between the hosts so far (pre-copy and changes count). */
    [[nodiscard]] qint64 copiedBytes() const { return m_copiedBytes; }
    [[nodiscard]] bool rolledBack() const { return m_rolledBack; }

signals:
    void phaseStarted(const QString &phase);
    /** Volume data moved so far; \p totalBytes is the volumes' size, 0 when unknown. */
    void copyProgress(qint64 copiedBytes, qint64 totalBytes);

private:
    void build();
    void beginPhase(const QString &name);
    /** The copier of the role's host-local volumes (made on first use, after prepare). */
    Internal::VolumeCopy *volumeCopy();
    void handleCopyProgress(qint64 copied, qint64 total);
    void rollback(const Scs::Error &error, std::function<void(Scs::Result<void>)> done);

    ContainerManager *m_manager;
    QString m_role;
    QString m_sourceHost;
    QString m_targetHost;
    Mode m_mode;
    Workflow *m_workflow;
    QPointer<ManagedContainer> m_source;
    QPointer<ManagedContainer> m_target;
    Internal::VolumeCopy *m_copy = nullptr; // child
    QElapsedTimer m_clock;
    QElapsedTimer m_window;
    QList<Phase> m_phases;
    int m_percent = 0;
    qint64 m_unavailableMs = 0;
    qint64 m_copiedBytes = 0;
    bool m_sourceStopped = false;
    bool m_rolledBack = false;
};

} // namespace Runtime
