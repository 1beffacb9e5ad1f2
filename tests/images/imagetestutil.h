// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "docker/engineclient.h"
#include "testutil.h"

#include <QCoreApplication>
#include <QFuture>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

namespace ImageTest {

using namespace Qt::StringLiterals;

/** Waits (processing events) until \p future finishes; a timeout or cancel becomes an error. */
template<typename T>
T await(QFuture<T> future, int timeoutMs = 120000)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, timeoutMs)) {
        future.cancel();
        return T(std::unexpected(Scs::Error{Scs::Error::Kind::Timeout, u"test gave up waiting"_s}));
    }
    if (future.resultCount() == 0)
        return T(std::unexpected(Scs::Error{Scs::Error::Kind::Cancelled, u"future cancelled"_s}));
    return future.result();
}

/** A name no other test on the shared engine uses. */
inline QString uniqueName(const QString &what)
{
    return u"scs-%1-%2-%3"_s.arg(what)
        .arg(QCoreApplication::applicationPid())
        .arg(QRandomGenerator::global()->bounded(1000000));
}

/**
 * Makes sure \p base (scs/base:bookworm) is on the engine: if it is missing, makes it the
 * project's way, `scs image base` (debootstrap → import; about 1.5 min).
 */
inline Scs::Result<void> ensureBaseImage(Docker::EngineClient &client, const QString &base)
{
    if (await(client.inspectImage(base)))
        return {};
    const QString scs = QString::fromLocal8Bit(qgetenv("SCS_BINARY_DIR")) + u"/bin/scs"_s;
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedChannels);
    process.start(scs,
                  {u"image"_s, u"base"_s, u"--docker"_s, TestUtil::dockerHost(), u"--tag"_s, base});
    if (!process.waitForStarted(10000))
        return Scs::makeError(u"cannot run %1: %2"_s.arg(scs, process.errorString()));
    if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 15 * 60 * 1000)) {
        process.kill();
        process.waitForFinished();
        return Scs::makeError(u"scs image base took more than 15 minutes"_s);
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return Scs::makeError(u"scs image base failed (exit %1)"_s.arg(process.exitCode()));
    if (auto made = await(client.inspectImage(base)); !made)
        return Scs::makeError(made.error().withContext(u"after scs image base"_s));
    return {};
}

} // namespace ImageTest
