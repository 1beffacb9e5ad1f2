// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "volumecopy.h"

#include "docker/engineclient.h"
#include "engine.h"
#include "futureutil.h"
#include "host.h"
#include "managedcontainer.h"
#include "runtimelog.h"
#include "runtimetr.h"

#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QTemporaryDir>
#include <QTimer>

namespace Runtime::Internal {

namespace {

const QString CopyRoot = QStringLiteral("/scs-copy");
/** The source helper's marker file, in its own file system (never in a volume). */
const QString Marker = QStringLiteral("/scs-mark");
/** Where the changes are packed (source helper) and unpacked from (target helper). */
const QString Delta = QStringLiteral("/scs-delta");
/** Live rounds of changes after the full pre-copy, at most, ... */
constexpr int MaxLiveRounds = 2;
/** ... while the round before moved more than this. */
constexpr qint64 LiveRoundBytes = 32 * 1024 * 1024;

/** \p text as one single-quoted shell word. */
QString quoted(const QString &text)
{
    QString out = text;
    out.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + out + u'\'';
}

/** Runs \p steps one after the other on a Workflow owned by \p owner; \p done gets the end. */
void runSteps(QObject *owner, const QString &name,
              const QList<QPair<QString, std::function<void(StepDone)>>> &steps, StepDone done)
{
    auto *flow = new Workflow(name, owner);
    for (const auto &[stepName, run] : steps)
        flow->addStep(stepName, run);
    QObject::connect(flow, &Workflow::finished, owner,
                     [flow, done](const Scs::Result<void> &result) {
                         flow->deleteLater();
                         done(result);
                     });
    flow->start();
}

} // namespace

VolumeCopy::VolumeCopy(ManagedContainer *source, ManagedContainer *target,
                       QList<Manifest::CompiledVolume> volumes, QObject *parent)
    : QObject(parent)
    , m_source(source)
    , m_target(target)
    , m_sourceHost(source->host())
    , m_targetHost(target->host())
    , m_volumes(std::move(volumes))
    , m_image(source->compiled().image.tag)
{}

VolumeCopy::~VolumeCopy()
{
    cleanup();
}

bool VolumeCopy::canPreCopy() const
{
    return m_sourceHost && m_targetHost && m_sourceHost->engine()->client()
           && m_targetHost->engine()->client();
}

QString VolumeCopy::volumePath(const Manifest::CompiledVolume &volume) const
{
    return CopyRoot + u'/' + volume.name;
}

Docker::ContainerSpec VolumeCopy::helperSpec(const QList<Docker::Mount> &mounts, bool readOnly,
                                             QStringList command) const
{
    Docker::ContainerSpec spec;
    spec.image = m_image;
    spec.labels.insert(Labels::Helper, QStringLiteral("relocation"));
    // No network: the helper only touches files, and a container without one starts faster.
    spec.networkMode = QStringLiteral("none");
    for (const Manifest::CompiledVolume &volume : m_volumes) {
        for (const Docker::Mount &mount : mounts) {
            if (mount.target != volume.containerPath)
                continue;
            Docker::Mount moved = mount;
            moved.target = volumePath(volume);
            // The source's data is only read, even while its own container still runs.
            moved.readOnly = moved.readOnly || readOnly;
            spec.mounts.append(moved);
        }
    }
    spec.entrypoint = {QStringLiteral("/bin/sh"), QStringLiteral("-c")};
    spec.command = std::move(command);
    return spec;
}

namespace {

/** What a helper step does with the new helper's id: keeps it in \p slot, or fails \p next
 *  with the error in \p context. */
std::function<void(Scs::Result<QString>)> keepHelperId(QString *slot, StepDone next,
                                                       const QString &context)
{
    return [slot, next = std::move(next), context](const Scs::Result<QString> &id) {
        if (!id) {
            next(Scs::makeError(id.error().withContext(context)));
            return;
        }
        *slot = *id;
        next({});
    };
}

} // namespace

void VolumeCopy::createHelper(ManagedContainer *on, const Docker::ContainerSpec &spec, IdDone done)
{
    QPointer<Host> host = on->host();
    QPointer<ManagedContainer> container = on;
    onResult(host->engine()->createContainer(spec), this,
             [this, host, container, spec, done](const Scs::Result<QString> &result) {
                 if (result || !container || !host
                     || !result.error().message.contains(
                         QStringLiteral("bind source path does not exist"))) {
                     done(result);
                     return;
                 }
                 QStringList paths;
                 for (const Docker::Mount &m : spec.mounts)
                     if (m.type == Docker::Mount::Type::Bind)
                         paths.append(m.source);
                 container->ensureHostFolders(
                     paths, [this, host, spec, done](Scs::Result<void> made) {
                         if (!made || !host) {
                             done(made ? Scs::makeError(Tr::tr("the host is gone"))
                                       : Scs::makeError(made.error()));
                             return;
                         }
                         onResult(host->engine()->createContainer(spec), this, done);
                     });
             });
}

void VolumeCopy::startWaitingHelper(ManagedContainer *on, bool readOnly, IdDone done)
{
    // PID 1 only waits for execs; the day is a bound should this process die before it
    // removes the helper.
    const Docker::ContainerSpec spec
        = helperSpec(on->mounts(), readOnly, {QStringLiteral("exec sleep 86400")});
    QPointer<Host> host = on->host();
    createHelper(on, spec, [this, host, done](const Scs::Result<QString> &created) {
        if (!created || !host) {
            done(created);
            return;
        }
        const QString id = *created;
        onResult(host->engine()->startContainer(id), this,
                 [host, id, done](const Scs::Result<void> &started) {
                     if (!started) {
                         if (host)
                             (void)host->engine()->removeContainer(id, true);
                         done(Scs::makeError(started.error()));
                         return;
                     }
                     done(id);
                 });
    });
}

void VolumeCopy::shell(Host *host, const QString &id, const QString &script, TextDone done)
{
    Docker::ExecSpec exec;
    exec.command = {QStringLiteral("/bin/sh"), QStringLiteral("-c"), script};
    const QString where = host->name();
    onResult(host->engine()->exec(id, exec), this,
             [done, where](const Scs::Result<Docker::ExecResult> &result) {
                 if (!result) {
                     done(Scs::makeError(result.error()));
                     return;
                 }
                 if (result->exitCode != 0) {
                     done(Scs::makeError(
                         Tr::tr("the copy helper on %1 exited with code %2: %3")
                             .arg(where)
                             .arg(result->exitCode)
                             .arg(QString::fromUtf8(result->standardError + result->standardOutput)
                                      .trimmed())));
                     return;
                 }
                 done(QString::fromUtf8(result->standardOutput));
             });
}

void VolumeCopy::relayVolume(const Manifest::CompiledVolume &volume, StepDone done)
{
    const QString context = Tr::tr("copying volume %1 from %2 to %3")
                                .arg(volume.name, m_sourceHost->name(), m_targetHost->name());
    relay(m_sourceHost, m_sourceHelper, volumePath(volume), m_targetHost, m_targetHelper, CopyRoot,
          [done = std::move(done), context](Scs::Result<void> copied) {
              if (!copied) {
                  done(Scs::makeError(copied.error().withContext(context)));
                  return;
              }
              done({});
          });
}

void VolumeCopy::relay(Host *from, const QString &fromId, const QString &path, Host *to,
                       const QString &toId, const QString &toPath, StepDone done)
{
    auto future = Docker::EngineClient::copyArchive(*from->engine()->client(), fromId, path,
                                                    *to->engine()->client(), toId, toPath);
    auto *watcher = new QFutureWatcher<Scs::Result<qint64>>(this);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this, [this](int kib) {
        m_runningBytes = qint64(kib) * 1024;
        emit progress(copiedBytes(), m_totalBytes);
    });
    auto answered = std::make_shared<bool>(false);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, done, answered]() {
        if (*answered)
            return;
        *answered = true;
        watcher->deleteLater();
        m_runningBytes = 0;
        const QFuture<Scs::Result<qint64>> f = watcher->future();
        if (f.isCanceled() || f.resultCount() == 0) {
            done(Scs::makeError(Tr::tr("the copy was cancelled"), Scs::Error::Kind::Cancelled));
            return;
        }
        const Scs::Result<qint64> result = f.result();
        if (!result) {
            done(Scs::makeError(result.error()));
            return;
        }
        m_copiedBytes += *result;
        emit progress(copiedBytes(), m_totalBytes);
        done({});
    });
    watcher->setFuture(future);
}

void VolumeCopy::removeHelper(Host *host, QString &id)
{
    if (id.isEmpty())
        return;
    if (host)
        (void)host->engine()->removeContainer(id, true);
    id.clear();
}

void VolumeCopy::cleanup()
{
    removeHelper(m_sourceHost, m_sourceHelper);
    removeHelper(m_targetHost, m_targetHelper);
}

void VolumeCopy::preCopy(StepDone done)
{
    m_preCopied = false;
    if (!canPreCopy() || !m_source || !m_target || m_volumes.isEmpty()) {
        done({});
        return;
    }
    QStringList paths;
    for (const auto &volume : std::as_const(m_volumes))
        paths.append(quoted(volumePath(volume)));
    // The marker is taken on the source host (its clock stamps the files) before anything
    // is read. Then the tools copyChanges() needs, tried on nothing; then the size, for
    // progress.
    const QString sourceScript
        = QStringLiteral("set -e\n"
                         "touch -d \"@$(( $(date +%s) - 2 ))\" %1\n"
                         "find %1 -cnewer %1 -print0 >/dev/null\n"
                         "printf '' | LC_ALL=C sort -z >/dev/null\n"
                         "tar --null --no-recursion -cf /dev/null -T /dev/null\n"
                         "du -skc %2 | tail -n 1\n")
              .arg(Marker, paths.join(u' '));
    QString targetScript = QStringLiteral("set -e\n");
    for (const QString &path : std::as_const(paths))
        targetScript += QStringLiteral("find %1 -mindepth 1 -delete\n").arg(path);
    targetScript += QStringLiteral("printf '' | LC_ALL=C sort -z >/dev/null\n"
                                   "LC_ALL=C comm -z -23 /dev/null /dev/null\n"
                                   "printf '' | xargs -0r true\n"
                                   "mkdir -p /scs-probe\n"
                                   "tar --null --no-recursion -cf /scs-probe.tar -T /dev/null\n"
                                   "tar --numeric-owner -xpf /scs-probe.tar -C /scs-probe\n"
                                   "rm -rf /scs-probe /scs-probe.tar\n");
    auto usable = std::make_shared<bool>(true);
    const QString sourceName = m_sourceHost->name();
    const QString targetName = m_targetHost->name();
    auto unusable = [this, usable](const Scs::Error &error) {
        qCInfo(runtimeLog) << "no copy before the stop (everything is copied after it):"
                           << error.message;
        *usable = false;
    };
    QList<QPair<QString, std::function<void(StepDone)>>> steps;
    steps.append({QStringLiteral("source helper"), [this, sourceName](StepDone next) {
                      startWaitingHelper(
                          m_source, true,
                          keepHelperId(&m_sourceHelper, std::move(next),
                                       Tr::tr("reading the volumes on %1").arg(sourceName)));
                  }});
    steps.append({QStringLiteral("target helper"), [this, targetName](StepDone next) {
                      startWaitingHelper(
                          m_target, false,
                          keepHelperId(&m_targetHelper, std::move(next),
                                       Tr::tr("writing the volumes on %1").arg(targetName)));
                  }});
    steps.append({QStringLiteral("marker"), [this, sourceScript, unusable](StepDone next) {
                      shell(m_sourceHost, m_sourceHelper, sourceScript,
                            [this, next, unusable](const Scs::Result<QString> &out) {
                                if (!out) {
                                    unusable(out.error());
                                } else {
                                    const QString last = out->trimmed();
                                    m_totalBytes
                                        = last.section(u'\t', 0, 0).trimmed().toLongLong() * 1024;
                                }
                                next({});
                            });
                  }});
    steps.append(
        {QStringLiteral("empty target"), [this, targetScript, usable, unusable](StepDone next) {
             if (!*usable) {
                 next({});
                 return;
             }
             shell(m_targetHost, m_targetHelper, targetScript,
                   [next, unusable](const Scs::Result<QString> &out) {
                       if (!out)
                           unusable(out.error());
                       next({});
                   });
         }});
    for (const Manifest::CompiledVolume &volume : std::as_const(m_volumes)) {
        steps.append(
            {QStringLiteral("copy %1").arg(volume.name), [this, volume, usable](StepDone next) {
                 if (!*usable) {
                     next({});
                     return;
                 }
                 relayVolume(volume, std::move(next));
             }});
    }
    runSteps(this, QStringLiteral("pre-copy"), steps,
             [this, usable, done](const Scs::Result<void> &result) {
                 if (!result || !*usable) {
                     cleanup();
                     done(result);
                     return;
                 }
                 m_preCopied = true;
                 m_marker = Marker;
                 m_lastRoundBytes = m_copiedBytes;
                 qCInfo(runtimeLog).noquote()
                     << QStringLiteral("pre-copy sent %1 MiB")
                            .arg(double(m_copiedBytes) / 1048576.0, 0, 'f', 1);
                 liveRounds(MaxLiveRounds, [this, done](Scs::Result<void>) {
                     if (!m_preCopied)
                         cleanup(); // a live round failed half-way: everything after the stop
                     done({});
                 });
             });
}

void VolumeCopy::sendChanges(bool live, std::function<void(Scs::Result<void>, bool)> done)
{
    // Source: per volume, what changed since the marker (the volume's folder itself too, for
    // its mode and owner), every name that exists (sorted, to find deletions), and the
    // changed entries as a tar, without recursing: a changed folder's unchanged files stay.
    // While the source runs (a live round) a new marker is taken first, and a file that
    // changes or goes while it is read is fine: it is newer than the new marker, so the next
    // round takes it again, and one that went is deleted on the target by the next round.
    const QString since = m_marker;
    const QString next = live ? QStringLiteral("%1.%2").arg(Marker).arg(++m_round) : since;
    QString sourceScript = QStringLiteral("set -e\nrm -rf %1\nmkdir %1\n").arg(Delta);
    if (live)
        sourceScript += QStringLiteral("touch -d \"@$(( $(date +%s) - 2 ))\" %1\n").arg(next);
    const QString tolerate = live ? QStringLiteral(" || true") : QString();
    const QString tarLive
        = live ? QStringLiteral(" --ignore-failed-read || [ $? -eq 1 ]") : QString();
    // Target: delete what the source no longer has, unpack the changes over the copy.
    QString targetScript = QStringLiteral("set -e\n");
    for (qsizetype i = 0; i < m_volumes.size(); ++i) {
        const QString path = quoted(volumePath(m_volumes.at(i)));
        const QString stem = QStringLiteral("%1/%2").arg(Delta).arg(i);
        sourceScript
            += QStringLiteral("cd %1\n"
                              "{ find . -cnewer %2 -print0 > %3.changed; }%5\n"
                              "{ find . -mindepth 1 -print0 | LC_ALL=C sort -z > %3.all; }%5\n"
                              "tar --null --no-recursion --numeric-owner -cf %3.tar "
                              "-T %3.changed%6\n"
                              "printf '%4: %s changed\\n' \"$(tr -cd '\\0' < %3.changed "
                              "| wc -c)\"\n")
                   .arg(path, since, stem, m_volumes.at(i).name, tolerate, tarLive);
        targetScript += QStringLiteral("cd %1\n"
                                       "find . -mindepth 1 -print0 | LC_ALL=C sort -z > %2.here\n"
                                       "LC_ALL=C comm -z -23 %2.here %2.all | xargs -0r rm -rf --\n"
                                       "tar --numeric-owner -xpf %2.tar\n")
                            .arg(path, stem);
    }
    targetScript += QStringLiteral("cd /\nrm -rf %1\n").arg(Delta);
    const qint64 before = m_copiedBytes;
    // Whether the target's copy may be half-changed (then only a full copy can repair it).
    auto touched = std::make_shared<bool>(false);
    QList<QPair<QString, std::function<void(StepDone)>>> steps;
    steps.append({QStringLiteral("pack changes"), [this, sourceScript](StepDone step) {
                      shell(m_sourceHost, m_sourceHelper, sourceScript,
                            [step](const Scs::Result<QString> &out) {
                                if (out)
                                    qCInfo(runtimeLog).noquote()
                                        << "changes since the last copy:" << out->trimmed();
                                step(out ? Scs::Result<void>() : Scs::makeError(out.error()));
                            });
                  }});
    steps.append({QStringLiteral("send changes"), [this](StepDone step) {
                      relay(m_sourceHost, m_sourceHelper, Delta, m_targetHost, m_targetHelper,
                            QStringLiteral("/"), step);
                  }});
    steps.append({QStringLiteral("apply changes"), [this, targetScript, touched](StepDone step) {
                      *touched = true;
                      shell(m_targetHost, m_targetHelper, targetScript,
                            [step](const Scs::Result<QString> &out) {
                                step(out ? Scs::Result<void>() : Scs::makeError(out.error()));
                            });
                  }});
    runSteps(this, QStringLiteral("copy changes"), steps,
             [this, done, next, since, before, touched](const Scs::Result<void> &result) {
                 if (result) {
                     m_marker = next;
                     m_lastRoundBytes = m_copiedBytes - before;
                     qCInfo(runtimeLog).noquote()
                         << QStringLiteral("changes sent (%1): %2 MiB")
                                .arg(next == since ? QStringLiteral("stopped")
                                                   : QStringLiteral("live"))
                                .arg(double(m_lastRoundBytes) / 1048576.0, 0, 'f', 1);
                 }
                 done(result, *touched);
             });
}

void VolumeCopy::liveRounds(int left, StepDone done)
{
    // Each round copies what changed during the one before; a few rounds shrink what the
    // stopped window has to carry to what changes in a few seconds (log files, hot pages).
    if (left <= 0 || m_lastRoundBytes < LiveRoundBytes) {
        done({});
        return;
    }
    sendChanges(true, [this, left, done](Scs::Result<void> result, bool touched) {
        if (!result) {
            qCInfo(runtimeLog) << "a live round of changes failed:" << result.error().message;
            // Untouched, the target still holds what the last marker says it holds.
            if (touched)
                m_preCopied = false;
            done({});
            return;
        }
        liveRounds(left - 1, done);
    });
}

void VolumeCopy::copyChanges(StepDone done)
{
    if (!m_preCopied || m_sourceHelper.isEmpty() || m_targetHelper.isEmpty() || !m_sourceHost
        || !m_targetHost) {
        copyAll(std::move(done));
        return;
    }
    const QString sourceName = m_sourceHost->name();
    sendChanges(false, [this, done, sourceName](Scs::Result<void> result, bool) {
        cleanup();
        if (result) {
            done({});
            return;
        }
        // The target's copy is in an unknown state: start over with everything.
        qCWarning(runtimeLog).noquote() << "copying the changes from" << sourceName
                                        << "failed, copying everything:" << result.error().message;
        m_preCopied = false;
        copyAll(done);
    });
}

void VolumeCopy::copyAll(StepDone done)
{
    cleanup();
    if (!m_source || !m_target || !m_sourceHost || !m_targetHost) {
        done(Scs::makeError(Tr::tr("the containers of the move are gone")));
        return;
    }
    if (m_volumes.isEmpty()) {
        done({});
        return;
    }
    const QString sourceName = m_sourceHost->name();
    const QString targetName = m_targetHost->name();
    const QString fromWhat = Tr::tr("reading the volumes on %1").arg(sourceName);
    const QString toWhat = Tr::tr("writing the volumes on %1").arg(targetName);
    // The source's helper is never started: the archive API reads a stopped container's
    // mounts. The target's empties the volumes, so no stale file of an earlier copy
    // survives next to the new data, and exits.
    QString clear;
    for (const auto &volume : std::as_const(m_volumes))
        clear += QStringLiteral("find %1 -mindepth 1 -delete; ").arg(quoted(volumePath(volume)));
    const Docker::ContainerSpec fromSpec
        = helperSpec(m_source->mounts(), true, {QStringLiteral("exit 0")});
    const Docker::ContainerSpec toSpec
        = helperSpec(m_target->mounts(), false, {clear + QStringLiteral("exit 0")});
    auto dir = std::make_shared<QTemporaryDir>();

    QList<QPair<QString, std::function<void(StepDone)>>> steps;
    steps.append({QStringLiteral("source helper"), [this, fromSpec, fromWhat](StepDone next) {
                      createHelper(m_source, fromSpec,
                                   keepHelperId(&m_sourceHelper, std::move(next), fromWhat));
                  }});
    steps.append({QStringLiteral("target helper"), [this, toSpec, toWhat](StepDone next) {
                      createHelper(m_target, toSpec,
                                   keepHelperId(&m_targetHelper, std::move(next), toWhat));
                  }});
    steps.append(
        {QStringLiteral("empty target"), [this, toWhat](StepDone next) {
             Engine *engine = m_targetHost->engine();
             const QString id = m_targetHelper;
             onResult(engine->startContainer(id), this,
                      [this, engine, id, next, toWhat](const Scs::Result<void> &started) {
                          if (!started) {
                              next(Scs::makeError(started.error().withContext(toWhat)));
                              return;
                          }
                          auto poll = std::make_shared<std::function<void(int)>>();
                          *poll = [this, engine, id, next, toWhat, poll](int tries) {
                              onResult(
                                  engine->inspectContainer(id), this,
                                  [this, next, toWhat, poll,
                                   tries](const Scs::Result<Docker::ContainerInfo> &info) {
                                      if (info && info->state.running && tries < 600) {
                                          QTimer::singleShot(
                                              50, this, [poll, tries]() { (*poll)(tries + 1); });
                                          return;
                                      }
                                      Internal::releaseLater(poll);
                                      if (!info)
                                          next(Scs::makeError(info.error().withContext(toWhat)));
                                      else
                                          next({});
                                  });
                          };
                          (*poll)(0);
                      });
         }});
    for (const Manifest::CompiledVolume &volume : std::as_const(m_volumes)) {
        steps.append(
            {QStringLiteral("copy %1").arg(volume.name),
             [this, volume, dir, fromWhat, toWhat](StepDone next) {
                 if (canPreCopy()) {
                     // Real engines: streamed from one to the other, no file.
                     relayVolume(volume, std::move(next));
                     return;
                 }
                 const QString file = dir->filePath(volume.name + QStringLiteral(".tar"));
                 onResult(
                     m_sourceHost->engine()->getArchive(m_sourceHelper, volumePath(volume), file),
                     this, [this, file, next, fromWhat, toWhat](const Scs::Result<void> &got) {
                         if (!got) {
                             next(Scs::makeError(got.error().withContext(fromWhat)));
                             return;
                         }
                         m_copiedBytes += QFileInfo(file).size();
                         emit progress(copiedBytes(), m_totalBytes);
                         onResult(
                             m_targetHost->engine()->putArchive(m_targetHelper, CopyRoot, file),
                             this, [file, next, toWhat](const Scs::Result<void> &put) {
                                 QFile::remove(file);
                                 if (!put) {
                                     next(Scs::makeError(put.error().withContext(toWhat)));
                                     return;
                                 }
                                 next({});
                             });
                     });
             }});
    }
    runSteps(this, QStringLiteral("copy volumes"), steps,
             [this, done](const Scs::Result<void> &result) {
                 cleanup();
                 done(result);
             });
}

} // namespace Runtime::Internal
