// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "workflow.h"

#include "runtimelog.h"

#include <QTimer>

#include <optional>

namespace Runtime {

Workflow::Workflow(QString name, QObject *parent)
    : QObject(parent)
    , m_name(std::move(name))
{}

Workflow::~Workflow() = default;

void Workflow::addStep(const QString &name, std::function<void(StepDone)> run,
                       std::function<void(StepDone)> undo)
{
    Q_ASSERT(!m_running && !m_finished);
    m_steps.append(Step{name, std::move(run), std::move(undo)});
}

QString Workflow::currentStep() const
{
    return m_current >= 0 && m_current < m_steps.size() ? m_steps.at(m_current).name : QString();
}

void Workflow::start()
{
    if (m_running || m_finished)
        return;
    m_running = true;
    qCDebug(runtimeLog) << m_name << "starts," << m_steps.size() << "steps";
    runNext();
}

void Workflow::cancel()
{
    if (!m_running || m_finished)
        return;
    qCInfo(runtimeLog) << m_name << "cancelled during" << currentStep();
    ++m_generation; // the running step's answer no longer counts
    const Scs::Error error{Scs::Error::Kind::Cancelled,
                           QStringLiteral("%1: cancelled during %2").arg(m_name, currentStep()), 0};
    if (m_undoing) {
        finish(Scs::makeError(error));
        return;
    }
    // The running step did not finish: undo only those before it.
    undoFrom(m_current - 1, error);
}

void Workflow::runNext()
{
    ++m_current;
    if (m_current >= m_steps.size()) {
        emit progressChanged(100, QString());
        finish({});
        return;
    }
    const Step &step = m_steps.at(m_current);
    emit stepStarted(m_current, step.name);
    emit progressChanged(int(100 * m_current / m_steps.size()), step.name);
    qCDebug(runtimeLog) << m_name << "step" << step.name;
    const quint64 generation = ++m_generation;
    auto called = std::make_shared<bool>(false);
    QPointer<Workflow> self(this);
    step.run([self, generation, called](Scs::Result<void> result) {
        if (*called || !self)
            return;
        *called = true;
        // Always continue from the event loop: a step that answers synchronously must
        // not recurse into the next one (and the caller may still be in start()).
        QTimer::singleShot(0, self.data(), [self, generation, result = std::move(result)]() {
            if (self)
                self->handleStepDone(generation, result);
        });
    });
}

void Workflow::handleStepDone(quint64 generation, Scs::Result<void> result)
{
    if (generation != m_generation || m_finished || m_undoing)
        return;
    const QString stepName = currentStep();
    if (!result) {
        qCInfo(runtimeLog) << m_name << "step" << stepName << "failed:" << result.error().message;
        undoFrom(m_current - 1, result.error());
        return;
    }
    emit stepFinished(m_current, stepName);
    runNext();
}

void Workflow::undoFrom(int index, const Scs::Error &error)
{
    m_undoing = true;
    // Find the newest succeeded step that can be undone.
    while (index >= 0 && !m_steps.at(index).undo)
        --index;
    if (index < 0) {
        finish(Scs::makeError(error));
        return;
    }
    m_current = index;
    const quint64 generation = ++m_generation;
    auto called = std::make_shared<bool>(false);
    QPointer<Workflow> self(this);
    qCDebug(runtimeLog) << m_name << "undoes" << m_steps.at(index).name;
    m_steps.at(index).undo([self, generation, called, index, error](Scs::Result<void> result) {
        if (*called || !self)
            return;
        *called = true;
        QTimer::singleShot(0, self.data(), [self, generation, index, error, result]() {
            if (!self || self->m_finished || generation != self->m_generation)
                return;
            if (!result)
                qCWarning(runtimeLog) << self->m_name << "undo of" << self->m_steps.at(index).name
                                      << "failed:" << result.error().message;
            self->undoFrom(index - 1, error);
        });
    });
}

void Workflow::finish(Scs::Result<void> result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_running = false;
    ++m_generation;
    qCDebug(runtimeLog) << m_name << (result ? "finished" : "failed");
    emit finished(result);
}

std::function<void(StepDone)> Workflow::parallel(QList<std::function<void(StepDone)>> parts)
{
    return [parts = std::move(parts)](StepDone done) {
        if (parts.isEmpty()) {
            done({});
            return;
        }
        struct State
        {
            qsizetype remaining;
            std::optional<Scs::Error> firstError;
            StepDone done;
        };
        auto state = std::make_shared<State>(State{parts.size(), std::nullopt, std::move(done)});
        for (const auto &part : parts) {
            auto called = std::make_shared<bool>(false);
            part([state, called](Scs::Result<void> result) {
                if (*called)
                    return;
                *called = true;
                if (!result && !state->firstError)
                    state->firstError = result.error();
                if (--state->remaining == 0) {
                    if (state->firstError)
                        state->done(Scs::makeError(*state->firstError));
                    else
                        state->done({});
                }
            });
        }
    };
}

std::function<void(StepDone)> Workflow::nested(std::function<Workflow *()> create)
{
    return [create = std::move(create)](StepDone done) {
        Workflow *workflow = create();
        if (!workflow) {
            done({});
            return;
        }
        QObject::connect(workflow, &Workflow::finished, workflow,
                         [workflow, done](const Scs::Result<void> &result) {
                             workflow->deleteLater();
                             done(result);
                         });
        workflow->start();
    };
}

} // namespace Runtime
