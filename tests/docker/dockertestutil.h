// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "docker/engineclient.h"
#include "testutil.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFuture>
#include <QRandomGenerator>
#include <QTest>

namespace DockerTest {

/**
 * Waits (processing events, as tests may) until \p future finishes and returns its value.
 * A future still running after \p timeoutMs is cancelled and reported as a timeout error.
 */
template<typename T>
T await(QFuture<T> future, int timeoutMs = 60000)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, timeoutMs)) {
        future.cancel();
        return T(std::unexpected(
            Scs::Error{Scs::Error::Kind::Timeout, QStringLiteral("test gave up waiting")}));
    }
    if (future.resultCount() == 0)
        return T(std::unexpected(
            Scs::Error{Scs::Error::Kind::Cancelled, QStringLiteral("future cancelled")}));
    return future.result();
}

/** The client of the engine the test command provides (SCS_TEST_DOCKER_HOST). */
inline Scs::Result<Docker::HostConfig> testHost(const QString &name = QStringLiteral("local"))
{
    return Docker::HostConfig::fromAddress(name, TestUtil::dockerHost());
}

/** Writes \p data to \p path, making its folder; false on failure. */
inline bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

/** A name no other test of the shared engine uses. */
inline QString uniqueName(const QString &what)
{
    return QStringLiteral("scsdk-%1-%2-%3")
        .arg(what)
        .arg(QCoreApplication::applicationPid())
        .arg(QRandomGenerator::global()->bounded(1000000));
}

} // namespace DockerTest

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

namespace DockerTest {

/** The tiny test image: busybox-static as /bin/busybox plus its applet links. */
inline QString busyboxImage()
{
    return QStringLiteral("scs-test/busybox:4");
}

/**
 * Imports busyboxImage() into \p client's engine unless it is there already
 * (Debian's busybox-static → rootfs tar → POST /images/create, through the client).
 */
inline Scs::Result<void> ensureBusyboxImage(Docker::EngineClient &client)
{
    if (await(client.inspectImage(busyboxImage())))
        return {};
    const QString busybox = QStringLiteral("/bin/busybox");
    if (!QFile::exists(busybox))
        return Scs::makeError(QStringLiteral("%1 is missing: install busybox-static").arg(busybox));
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("root"));
    QDir().mkpath(root + QStringLiteral("/bin"));
    QDir().mkpath(root + QStringLiteral("/tmp"));
    QDir().mkpath(root + QStringLiteral("/data"));
    QDir().mkpath(root + QStringLiteral("/usr/bin"));
    // Generated Dockerfiles run /usr/bin/env, as on Debian.
    QFile::link(QStringLiteral("../../bin/busybox"), root + QStringLiteral("/usr/bin/env"));
    if (!QFile::copy(busybox, root + QStringLiteral("/bin/busybox")))
        return Scs::makeError(QStringLiteral("cannot copy busybox"));
    QProcess list;
    list.start(busybox, {QStringLiteral("--list")});
    list.waitForFinished();
    // Relative links: the host's busybox may live elsewhere (usrmerge), the image's is /bin.
    const QList<QByteArray> applets = list.readAllStandardOutput().split('\n');
    for (const QByteArray &applet : applets) {
        if (!applet.isEmpty() && applet != "busybox")
            QFile::link(QStringLiteral("busybox"),
                        root + QStringLiteral("/bin/") + QString::fromLocal8Bit(applet));
    }
    const QString tar = dir.filePath(QStringLiteral("rootfs.tar"));
    QProcess pack;
    pack.start(QStringLiteral("tar"),
               {QStringLiteral("-C"), root, QStringLiteral("--numeric-owner"),
                QStringLiteral("-cf"), tar, QStringLiteral(".")});
    if (!pack.waitForFinished() || pack.exitCode() != 0)
        return Scs::makeError(QStringLiteral("tar failed: ")
                              + QString::fromLocal8Bit(pack.readAllStandardError()));
    Docker::ImportSpec spec;
    spec.tarFile = tar;
    spec.repository = busyboxImage().section(u':', 0, 0);
    spec.tag = busyboxImage().section(u':', 1);
    spec.changes = {QStringLiteral("CMD [\"/bin/sh\"]"),
                    QStringLiteral("ENV PATH=/bin:/sbin:/usr/bin:/usr/sbin")};
    auto imported = await(client.importImage(spec));
    if (!imported)
        return Scs::makeError(imported.error());
    return {};
}

} // namespace DockerTest
