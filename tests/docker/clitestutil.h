// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

// Runs the real `scs` executable of this build folder, as a user would.

#include "testconfig.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTest>

namespace CliTest {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    qint64 milliseconds = 0;
    bool finished = false;

    /** For QVERIFY2 messages: everything the run printed. */
    [[nodiscard]] QByteArray describe() const
    {
        return QStringLiteral("exit %1 after %2 ms\n--- stdout:\n%3\n--- stderr:\n%4")
            .arg(exitCode)
            .arg(milliseconds)
            .arg(out, err)
            .toLocal8Bit();
    }
};

/** `scs ARGUMENTS`; gives up (killing it) after \p timeoutMs. */
inline Run scs(const QStringList &arguments, int timeoutMs = 120000)
{
    Run run;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    process.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral(SCS_TEST_BIN_DIR "/scs"), arguments);
    if (!process.waitForStarted(10000)) {
        run.err = process.errorString();
        return run;
    }
    // Poll so that the test's own event loop (and timeouts) keep working.
    run.finished
        = QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs);
    if (!run.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    run.milliseconds = timer.elapsed();
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace CliTest
