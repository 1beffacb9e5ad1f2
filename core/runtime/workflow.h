// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

namespace Runtime {

/** Called exactly once by a step when it is done; later calls are ignored. */
using StepDone = std::function<void(Scs::Result<void>)>;

/**
 * An explicit list of asynchronous steps, run one after the other, with one
 * completion signal and cancel().
 *
 * Each step is a function that starts its work and calls the given StepDone when
 * the work ends (from the thread the Workflow lives on). The first failure stops
 * the list; the steps that already succeeded get their \c undo, newest first,
 * before finished() reports the failure. cancel() stops at once: the running
 * step's late answer is ignored, the done steps are undone, and finished()
 * reports Error::Kind::Cancelled. Nothing blocks; the owner just listens.
 */
class Workflow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Workflow)

public:
    struct Step
    {
        QString name;                       ///< for progress and logs, e.g. "load"
        std::function<void(StepDone)> run;  ///< starts the work
        std::function<void(StepDone)> undo; ///< optional: reverts a succeeded step
    };

    explicit Workflow(QString name, QObject *parent = nullptr);
    ~Workflow() override;

    [[nodiscard]] QString name() const { return m_name; }

    void addStep(const QString &name, std::function<void(StepDone)> run,
                 std::function<void(StepDone)> undo = {});
    /** A step that waits for \p future (a Result<T> of any T; the value is dropped). */
    template<typename T>
    static std::function<void(StepDone)> fromFuture(std::function<QFuture<Scs::Result<T>>()> start,
                                                    QObject *context);

    /**
     * A step that runs \p parts at the same time and is done when all are; it fails with the
     * first failure (after every part has answered).
     */
    static std::function<void(StepDone)> parallel(QList<std::function<void(StepDone)>> parts);
    /** A step that runs \p workflow (taking ownership) and is done when it finishes. */
    static std::function<void(StepDone)> nested(std::function<Workflow *()> create);

    /** Runs the steps; a Workflow runs once. finished() may come before start() returns. */
    void start();
    /** Stops the run (see the class comment); does nothing after finished(). */
    void cancel();

    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] bool isFinished() const { return m_finished; }
    [[nodiscard]] int stepCount() const { return int(m_steps.size()); }
    [[nodiscard]] QString currentStep() const;

signals:
    void stepStarted(int index, const QString &name);
    void stepFinished(int index, const QString &name);
    /** 0-100 by steps done. */
    void progressChanged(int percent, const QString &phase);
    /** The one completion signal: success, the first failure, or Cancelled. */
    void finished(const Scs::Result<void> &result);

private:
    void runNext();
    void handleStepDone(quint64 generation, Scs::Result<void> result);
    void undoFrom(int index, const Scs::Error &error);
    void finish(Scs::Result<void> result);

    QString m_name;
    QList<Step> m_steps;
    int m_current = -1;
    quint64 m_generation = 0; // invalidates the StepDone of a step that was abandoned
    bool m_running = false;
    bool m_finished = false;
    bool m_undoing = false;
};

template<typename T>
std::function<void(StepDone)> Workflow::fromFuture(std::function<QFuture<Scs::Result<T>>()> start,
                                                   QObject *context)
{
    return [start = std::move(start), guard = QPointer<QObject>(context)](StepDone done) {
        if (!guard) {
            done(Scs::makeError(QStringLiteral("the step's owner is gone"),
                                Scs::Error::Kind::Cancelled));
            return;
        }
        QFuture<Scs::Result<T>> future = start();
        auto *watcher = new QFutureWatcher<Scs::Result<T>>(guard.data());
        QObject::connect(watcher, &QFutureWatcherBase::finished, guard.data(), [watcher, done]() {
            watcher->deleteLater();
            const QFuture<Scs::Result<T>> f = watcher->future();
            if (f.isCanceled() || f.resultCount() == 0) {
                done(Scs::makeError(QStringLiteral("the operation was cancelled"),
                                    Scs::Error::Kind::Cancelled));
                return;
            }
            const Scs::Result<T> result = f.result();
            if (result)
                done({});
            else
                done(Scs::makeError(result.error()));
        });
        watcher->setFuture(future);
    };
}

} // namespace Runtime
Q_DECLARE_METATYPE(Scs::Result<void>)
