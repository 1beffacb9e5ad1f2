// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "testutil.h"

#include "runtime/workflow.h"

#include <QPromise>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Runtime;

class tst_Workflow final : public QObject
{
    Q_OBJECT

private slots:
    void runsStepsInOrder();
    void synchronousStepsDoNotRecurse();
    void failureUndoesDoneStepsNewestFirst();
    void cancelAbandonsRunningStepAndUndoes();
    void lateAnswerAfterCancelIsIgnored();
    void doneTwiceCountsOnce();
    void futureStepsReportTheirError();
    void emptyWorkflowSucceeds();
};

void tst_Workflow::runsStepsInOrder()
{
    Workflow workflow(QStringLiteral("start"));
    QStringList trace;
    for (const QString &name :
         {QStringLiteral("load"), QStringLiteral("engine start"), QStringLiteral("up")}) {
        workflow.addStep(name, [&trace, name, &workflow](StepDone done) {
            trace.append(name);
            QTimer::singleShot(5, &workflow, [done]() { done({}); });
        });
    }
    QSignalSpy started(&workflow, &Workflow::stepStarted);
    QSignalSpy progress(&workflow, &Workflow::progressChanged);
    QSignalSpy finished(&workflow, &Workflow::finished);
    workflow.start();
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(finished.at(0).at(0).value<Scs::Result<void>>().has_value());
    QCOMPARE(trace, (QStringList{QStringLiteral("load"), QStringLiteral("engine start"),
                                 QStringLiteral("up")}));
    QCOMPARE(started.count(), 3);
    QCOMPARE(progress.last().at(0).toInt(), 100);
    QVERIFY(workflow.isFinished());
    QVERIFY(!workflow.isRunning());
}

void tst_Workflow::synchronousStepsDoNotRecurse()
{
    Workflow workflow(QStringLiteral("sync"));
    int depth = 0;
    int maxDepth = 0;
    for (int i = 0; i < 100; ++i) {
        workflow.addStep(QString::number(i), [&](StepDone done) {
            ++depth;
            maxDepth = std::max(maxDepth, depth);
            done({});
            --depth;
        });
    }
    QSignalSpy finished(&workflow, &Workflow::finished);
    workflow.start();
    QCOMPARE(finished.count(), 0); // never before the event loop turns
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(maxDepth, 1);
}

void tst_Workflow::failureUndoesDoneStepsNewestFirst()
{
    Workflow workflow(QStringLiteral("start"));
    QStringList trace;
    auto ok = [&trace](const QString &what) {
        return [&trace, what](StepDone done) {
            trace.append(what);
            done({});
        };
    };
    workflow.addStep(QStringLiteral("a"), ok(QStringLiteral("a")), ok(QStringLiteral("undo a")));
    workflow.addStep(QStringLiteral("b"), ok(QStringLiteral("b"))); // nothing to undo
    workflow.addStep(QStringLiteral("c"), ok(QStringLiteral("c")), ok(QStringLiteral("undo c")));
    workflow.addStep(
        QStringLiteral("d"),
        [&trace](StepDone done) {
            trace.append(QStringLiteral("d"));
            done(Scs::makeError(QStringLiteral("engine start on h1: no such image"),
                                Scs::Error::Kind::NotFound));
        },
        ok(QStringLiteral("undo d")));
    workflow.addStep(QStringLiteral("e"), ok(QStringLiteral("e")));
    QSignalSpy finished(&workflow, &Workflow::finished);
    workflow.start();
    QTRY_COMPARE(finished.count(), 1);
    const auto result = finished.at(0).at(0).value<Scs::Result<void>>();
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Scs::Error::Kind::NotFound);
    QCOMPARE(result.error().message, QStringLiteral("engine start on h1: no such image"));
    QCOMPARE(trace, (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                                 QStringLiteral("d"), QStringLiteral("undo c"),
                                 QStringLiteral("undo a")}));
}

void tst_Workflow::cancelAbandonsRunningStepAndUndoes()
{
    Workflow workflow(QStringLiteral("move"));
    QStringList trace;
    StepDone pending;
    workflow.addStep(
        QStringLiteral("copy"),
        [&](StepDone done) {
            trace.append(QStringLiteral("copy"));
            done({});
        },
        [&](StepDone done) {
            trace.append(QStringLiteral("undo copy"));
            done({});
        });
    workflow.addStep(QStringLiteral("wait healthy"), [&](StepDone done) {
        trace.append(QStringLiteral("wait healthy"));
        pending = done; // never answers by itself
    });
    QSignalSpy finished(&workflow, &Workflow::finished);
    workflow.start();
    QTRY_VERIFY(pending);
    QCOMPARE(workflow.currentStep(), QStringLiteral("wait healthy"));
    workflow.cancel();
    QTRY_COMPARE(finished.count(), 1);
    const auto result = finished.at(0).at(0).value<Scs::Result<void>>();
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Scs::Error::Kind::Cancelled);
    QVERIFY2(result.error().message.contains(QStringLiteral("wait healthy")),
             qPrintable(result.error().message));
    QCOMPARE(trace, (QStringList{QStringLiteral("copy"), QStringLiteral("wait healthy"),
                                 QStringLiteral("undo copy")}));
}

void tst_Workflow::lateAnswerAfterCancelIsIgnored()
{
    Workflow workflow(QStringLiteral("x"));
    StepDone pending;
    bool secondRan = false;
    workflow.addStep(QStringLiteral("one"), [&](StepDone done) { pending = done; });
    workflow.addStep(QStringLiteral("two"), [&](StepDone done) {
        secondRan = true;
        done({});
    });
    QSignalSpy finished(&workflow, &Workflow::finished);
    workflow.start();
    QTRY_VERIFY(pending);
    workflow.cancel();
    QTRY_COMPARE(finished.count(), 1);
    pending({});
    QTest::qWait(20);
    QVERIFY(!secondRan);
    QCOMPARE(finished.count(), 1);
    workflow.cancel(); // after finished: nothing
    QCOMPARE(finished.count(), 1);
}

void tst_Workflow::doneTwiceCountsOnce()
{
    Workflow workflow(QStringLiteral("x"));
    int runs = 0;
    workflow.addStep(QStringLiteral("one"), [&](StepDone done) {
        done({});
        done(Scs::makeError(QStringLiteral("late failure")));
    });
    workflow.addStep(QStringLiteral("two"), [&](StepDone done) {
        ++runs;
        done({});
    });
    QSignalSpy finished(&workflow, &Workflow::finished);
    workflow.start();
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(finished.at(0).at(0).value<Scs::Result<void>>().has_value());
    QCOMPARE(runs, 1);
}

void tst_Workflow::futureStepsReportTheirError()
{
    Workflow workflow(QStringLiteral("x"));
    QObject guard;
    workflow.addStep(QStringLiteral("ok"), Workflow::fromFuture<int>(
                                               []() {
                                                   QPromise<Scs::Result<int>> promise;
                                                   promise.start();
                                                   promise.addResult(Scs::Result<int>(42));
                                                   promise.finish();
                                                   return promise.future();
                                               },
                                               &guard));
    auto promise = std::make_shared<QPromise<Scs::Result<QString>>>();
    workflow.addStep(QStringLiteral("fails"), Workflow::fromFuture<QString>(
                                                  [promise]() {
                                                      promise->start();
                                                      return promise->future();
                                                  },
                                                  &guard));
    QSignalSpy finished(&workflow, &Workflow::finished);
    workflow.start();
    QTest::qWait(10);
    QCOMPARE(workflow.currentStep(), QStringLiteral("fails"));
    promise->addResult(Scs::Result<QString>(
        Scs::makeError(QStringLiteral("POST /containers/create on h2: conflict"))));
    promise->finish();
    QTRY_COMPARE(finished.count(), 1);
    const auto result = finished.at(0).at(0).value<Scs::Result<void>>();
    QVERIFY(!result);
    QCOMPARE(result.error().message, QStringLiteral("POST /containers/create on h2: conflict"));
}

void tst_Workflow::emptyWorkflowSucceeds()
{
    Workflow workflow(QStringLiteral("nothing"));
    QSignalSpy finished(&workflow, &Workflow::finished);
    workflow.start();
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(finished.at(0).at(0).value<Scs::Result<void>>().has_value());
}

QTEST_GUILESS_MAIN(tst_Workflow)
#include "tst_workflow.moc"
