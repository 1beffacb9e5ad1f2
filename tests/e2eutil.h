// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

// Helpers of the end-to-end tests and of bench_runtime: the namespace hosts of
// tests/runtime/dockhosts.sh, child processes, HTTP probes, SQL in a running container.
// No QTest here (the benchmark does not link it): waiting runs the event loop itself.

#include "common/result.h"
#include "docker/types.h"
#include "runtime/engine.h"
#include "runtime/host.h"
#include "runtime/managedcontainer.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <csignal>
#include <functional>
#include <sys/prctl.h>

namespace TestUtil {

/** Runs the event loop until \p done() or \p timeoutMs passed; returns done(). */
inline bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

/** One host of tests/runtime/dockhosts.sh. */
struct DockHost
{
    QString name;    ///< network namespace, e.g. "scs-h1"
    QString address; ///< on the private LAN
    QString socket;  ///< unix:// address of its dockerd
};

/** The hosts of the fixture, from the settings dockhosts.sh reads (with its defaults). */
inline QList<DockHost> dockHosts()
{
    const QString names = qEnvironmentVariable("SCS_DOCKHOST_NAMES",
                                               QStringLiteral("scs-h1:11 scs-h2:12 scs-h3:13"));
    const QString prefix = qEnvironmentVariable("SCS_DOCKHOST_PREFIX", QStringLiteral("10.233.0"));
    QList<DockHost> hosts;
    for (const QString &entry : names.split(u' ', Qt::SkipEmptyParts)) {
        const QString name = entry.section(u':', 0, 0);
        hosts.append({name, prefix + u'.' + entry.section(u':', 1, 1),
                      QStringLiteral("unix:///run/dockhost/%1/docker.sock").arg(name)});
    }
    return hosts;
}

/** True when every host's dockerd answers /_ping within 2 s. */
inline bool dockHostsAnswer()
{
    for (const DockHost &host : dockHosts()) {
        QProcess ping;
        ping.start(QStringLiteral("curl"),
                   {QStringLiteral("-sf"), QStringLiteral("--max-time"), QStringLiteral("2"),
                    QStringLiteral("--unix-socket"), host.socket.mid(int(qstrlen("unix://"))),
                    QStringLiteral("http://d/_ping")});
        if (!ping.waitForFinished(5000) || ping.exitCode() != 0)
            return false;
    }
    return true;
}

/** A child process that never outlives this one, even when this one crashes. */
inline QProcess *newChildProcess(QObject *parent)
{
    auto *process = new QProcess(parent);
    process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    return process;
}

/** Terminates \p process (then kills it) and waits for it. */
inline void stopProcess(QProcess *process)
{
    if (process->state() != QProcess::NotRunning) {
        process->terminate();
        if (!process->waitForFinished(5000))
            process->kill();
        process->waitForFinished(2000);
    }
}

/** The HTTP status of GET \p url (0: no answer within 5 s); redirects are not followed. */
inline int httpStatus(const QString &url, QByteArray *body = nullptr)
{
    QNetworkAccessManager manager;
    QNetworkRequest request{QUrl(url)};
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(5000);
    QNetworkReply *reply = manager.get(request);
    (void)waitUntil([reply] { return reply->isFinished(); }, 10000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (body)
        *body = reply->readAll();
    reply->deleteLater();
    return status;
}

/**
 * Runs \p statement with the mariadb client inside \p container (as root over the socket,
 * in \p database); the output without column names, trimmed.
 */
inline Scs::Result<QString> mariadb(const Runtime::ManagedContainer *container,
                                    const QString &database, const QString &statement,
                                    int timeoutMs = 30000)
{
    if (!container || container->dockerId().isEmpty())
        return Scs::makeError(QStringLiteral("the container does not run"));
    Docker::ExecSpec spec;
    spec.command = {QStringLiteral("mariadb"), QStringLiteral("-N"),
                    QStringLiteral("-B"),      database,
                    QStringLiteral("-e"),      statement};
    auto future = container->host()->engine()->exec(container->dockerId(), spec);
    if (!waitUntil([&future] { return future.isFinished(); }, timeoutMs))
        return Scs::makeError(QStringLiteral("exec of mariadb timed out"));
    const auto result = future.result();
    if (!result)
        return Scs::makeError(result.error());
    if (result->exitCode != 0)
        return Scs::makeError(QString::fromUtf8(result->standardError));
    return QString::fromUtf8(result->standardOutput).trimmed();
}

} // namespace TestUtil
