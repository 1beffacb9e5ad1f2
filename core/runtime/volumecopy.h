// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "docker/types.h"
#include "host.h"
#include "manifest/compiled.h"
#include "workflow.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

namespace Runtime {

class ManagedContainer;

namespace Internal {

/**
 * Copies the host-local volumes of one role from the host of \p source to the host of
 * \p target through helper containers of the role's image and the Docker archive API
 * (no ssh, no registry). Helpers carry the label scs.helper=relocation and are removed
 * when a copy ends, fails, or cleanup() runs.
 *
 * copyAll(): one helper per host; the target's empties the volumes, then every volume is
 * read from the source's helper and extracted into the target's (streamed engine to
 * engine when both are real engines, through a temporary file otherwise).
 *
 * preCopy() + copyChanges(), between two real engines: while the source still runs,
 * preCopy() notes a marker time on the source host (2 s early, so a write that began
 * just before is not missed) and copies every volume in full. After the source stopped,
 * copyChanges() sends only what changed since the marker (by status-change time, so a
 * rename or chmod counts as much as a write) as one tar, and deletes on the target what
 * is gone on the source. Before that, while the source still runs, preCopy() sends the
 * changes made during the full copy the same way (a new marker each round, at most two
 * rounds, while a round moves more than 32 MiB). The stopped window then holds only what
 * changed in the last seconds. The helpers
 * need GNU find, sort, comm, xargs and tar (checked first); without them preCopy()
 * succeeds without copying (preCopied() stays false) and the caller copies everything
 * after the stop. A failed copyChanges() falls back to copyAll().
 */
class VolumeCopy final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VolumeCopy)

public:
    VolumeCopy(ManagedContainer *source, ManagedContainer *target,
               QList<Manifest::CompiledVolume> volumes, QObject *parent = nullptr);
    ~VolumeCopy() override;

    [[nodiscard]] bool hasVolumes() const { return !m_volumes.isEmpty(); }
    /** Whether both hosts are real engines, which preCopy() needs. */
    [[nodiscard]] bool canPreCopy() const;
    void preCopy(StepDone done);
    [[nodiscard]] bool preCopied() const { return m_preCopied; }
    void copyChanges(StepDone done);
    void copyAll(StepDone done);
    /** Removes the helpers that are left (also when the caller gives up midway). */
    void cleanup();

    /** Bytes moved between the hosts so far (tars relayed or carried). */
    [[nodiscard]] qint64 copiedBytes() const { return m_copiedBytes + m_runningBytes; }
    /** Size of the source volumes (KiB-exact, measured by preCopy()); 0 when unknown. */
    [[nodiscard]] qint64 totalBytes() const { return m_totalBytes; }

signals:
    /** Bytes moved so far; emitted a few times a second while a tar travels. */
    void progress(qint64 copiedBytes, qint64 totalBytes);

private:
    using IdDone = std::function<void(Scs::Result<QString>)>;
    using TextDone = std::function<void(Scs::Result<QString>)>;

    [[nodiscard]] Docker::ContainerSpec helperSpec(const QList<Docker::Mount> &mounts,
                                                   bool readOnly, QStringList command) const;
    /** Creates \p spec on \p on's host; creates missing bind sources first when needed. */
    void createHelper(ManagedContainer *on, const Docker::ContainerSpec &spec, IdDone done);
    /** Creates and starts a helper that waits (sleeps) for execs. */
    void startWaitingHelper(ManagedContainer *on, bool readOnly, IdDone done);
    /** Runs \p script with /bin/sh in \p id on \p host; fails on a non-zero exit. */
    void shell(Host *host, const QString &id, const QString &script, TextDone done);
    /** Streams \p path of \p fromId into the folder \p toPath of \p toId, counting bytes. */
    void relay(Host *from, const QString &fromId, const QString &path, Host *to,
               const QString &toId, const QString &toPath, StepDone done);
    /** relay() of one whole volume from the source helper to the target's, the error naming
     *  the volume and both hosts. */
    void relayVolume(const Manifest::CompiledVolume &volume, StepDone done);
    void removeHelper(Host *host, QString &id);
    /**
     * One round of changes since m_marker; \p live: the source still runs (a new marker is
     * taken first). \p done also says whether the target was touched.
     */
    void sendChanges(bool live, std::function<void(Scs::Result<void>, bool)> done);
    void liveRounds(int left, StepDone done);
    [[nodiscard]] QString volumePath(const Manifest::CompiledVolume &volume) const;

    QPointer<ManagedContainer> m_source;
    QPointer<ManagedContainer> m_target;
    QPointer<Host> m_sourceHost; // the manager owns hosts; it may delete them before us
    QPointer<Host> m_targetHost;
    QList<Manifest::CompiledVolume> m_volumes;
    QString m_image;
    QString m_sourceHelper;
    QString m_targetHelper;
    bool m_preCopied = false;
    QString m_marker; // the target holds every change before this marker's time
    int m_round = 0;
    qint64 m_lastRoundBytes = 0;
    qint64 m_copiedBytes = 0;
    qint64 m_runningBytes = 0; // of the tar travelling now
    qint64 m_totalBytes = 0;
};

} // namespace Internal
} // namespace Runtime
