// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
//
// bench_docker: the Engine API client against the `docker` CLI, on the same engine, in the
// same run. 100 sequential container inspects, then 20 create+start+stop+remove cycles,
// each way. Prints per-call times and the ratio. Not a ctest test (timings are not asserted).
//
//   SCS_TEST_DOCKER_HOST=unix:///tmp/scs-dev/docker.sock build/bin/bench_docker [docker-cli]

#include "docker/engineclient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFutureWatcher>
#include <QProcess>
#include <QTest>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

using Docker::EngineClient;

namespace {

// A nested loop woken by the future itself: QTest::qWaitFor polls in 10 ms steps, which
// would dominate a 1 ms call. (Fine in a benchmark; never in the product.)
template<typename T>
T await(QFuture<T> future)
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<T> watcher;
        QObject::connect(&watcher, &QFutureWatcher<T>::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    return future.result();
}

struct Stats
{
    double totalMs = 0;
    double medianMs = 0;
    double p90Ms = 0;
};

Stats summarize(QList<double> samples)
{
    std::sort(samples.begin(), samples.end());
    Stats s;
    for (double v : samples)
        s.totalMs += v;
    s.medianMs = samples.value(samples.size() / 2);
    s.p90Ms = samples.value(qsizetype(double(samples.size()) * 0.9));
    return s;
}

bool cli(const QString &program, const QString &host, const QStringList &arguments,
         QByteArray *output = nullptr)
{
    QProcess p;
    p.start(program, QStringList{QStringLiteral("-H"), host} + arguments);
    p.waitForFinished(120000);
    if (output)
        *output = p.readAllStandardOutput();
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

void print(const char *what, const Stats &client, const Stats &cliStats, int n)
{
    std::printf("%-34s client: %8.2f ms/call (median %6.2f, p90 %6.2f)   docker CLI: %8.2f "
                "ms/call (median %6.2f, p90 %6.2f)   CLI/client = %.1fx\n",
                what, client.totalMs / n, client.medianMs, client.p90Ms, cliStats.totalMs / n,
                cliStats.medianMs, cliStats.p90Ms, cliStats.totalMs / client.totalMs);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QString address = qEnvironmentVariable("SCS_TEST_DOCKER_HOST");
    if (address.isEmpty()) {
        std::fprintf(stderr, "bench_docker: set SCS_TEST_DOCKER_HOST\n");
        return 1;
    }
    QString docker = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (docker.isEmpty())
        docker = QFile::exists(QStringLiteral("/usr/bin/docker"))
                     ? QStringLiteral("/usr/bin/docker")
                     : QStringLiteral("docker");
    auto config = Docker::HostConfig::fromAddress(QStringLiteral("bench"), address);
    if (!config) {
        std::fprintf(stderr, "%s\n", qPrintable(config.error().message));
        return 1;
    }
    EngineClient client(*config);
    const auto version = await(client.version());
    if (!version) {
        std::fprintf(stderr, "%s\n", qPrintable(version.error().message));
        return 1;
    }
    QByteArray cliVersion;
    cli(docker, address,
        {QStringLiteral("version"), QStringLiteral("--format"),
         QStringLiteral("{{.Client.Version}}")},
        &cliVersion);
    std::printf("engine %s (API %s); docker CLI %s = %s\n", qPrintable(version->version),
                qPrintable(version->negotiatedApiVersion), qPrintable(docker),
                cliVersion.trimmed().constData());

    // The image: any local one that has /bin/sleep (scs/base, or the tests' busybox).
    QString image;
    for (const QString &candidate :
         {QStringLiteral("scs-test/busybox:4"), QStringLiteral("scs/base:bookworm")}) {
        if (await(client.inspectImage(candidate))) {
            image = candidate;
            break;
        }
    }
    if (image.isEmpty()) {
        std::fprintf(stderr, "bench_docker: no scs/base:bookworm or scs-test/busybox:4 image; "
                             "run the docker tests or 'scs image base' first\n");
        return 1;
    }
    std::printf("image %s\n\n", qPrintable(image));

    // One long-running container to inspect.
    const QString name = QStringLiteral("scsdk-bench-%1").arg(QCoreApplication::applicationPid());
    Docker::ContainerSpec spec;
    spec.name = name;
    spec.image = image;
    spec.init = true;
    spec.command = {QStringLiteral("sleep"), QStringLiteral("600")};
    const auto id = await(client.createContainer(spec));
    if (!id || !await(client.startContainer(*id))) {
        std::fprintf(stderr, "bench_docker: cannot start the inspected container\n");
        return 1;
    }

    constexpr int inspects = 100;
    QList<double> clientTimes;
    QList<double> cliTimes;
    QElapsedTimer t;
    (void)await(client.inspectContainer(*id)); // warm: negotiated, connection open
    for (int i = 0; i < inspects; ++i) {
        t.start();
        const auto info = await(client.inspectContainer(*id));
        clientTimes.append(double(t.nsecsElapsed()) / 1e6);
        if (!info) {
            std::fprintf(stderr, "%s\n", qPrintable(info.error().message));
            return 1;
        }
    }
    for (int i = 0; i < inspects; ++i) {
        t.start();
        cli(docker, address, {QStringLiteral("inspect"), *id}, nullptr);
        cliTimes.append(double(t.nsecsElapsed()) / 1e6);
    }
    print("inspect (100 sequential)", summarize(clientTimes), summarize(cliTimes), inspects);
    (void)await(client.removeContainer(*id, true));

    constexpr int cycles = 20;
    clientTimes.clear();
    cliTimes.clear();
    for (int i = 0; i < cycles; ++i) {
        Docker::ContainerSpec c;
        c.name = QStringLiteral("%1-c%2").arg(name).arg(i);
        c.image = image;
        c.init = true;
        c.command = {QStringLiteral("sleep"), QStringLiteral("600")};
        t.start();
        const auto created = await(client.createContainer(c));
        const bool ok = created && await(client.startContainer(*created))
                        && await(client.stopContainer(*created, 1))
                        && await(client.removeContainer(*created));
        clientTimes.append(double(t.nsecsElapsed()) / 1e6);
        if (!ok) {
            std::fprintf(stderr, "bench_docker: client cycle %d failed\n", i);
            return 1;
        }
    }
    for (int i = 0; i < cycles; ++i) {
        const QString n = QStringLiteral("%1-d%2").arg(name).arg(i);
        t.start();
        const bool ok
            = cli(docker, address,
                  {QStringLiteral("create"), QStringLiteral("--init"), QStringLiteral("--name"), n,
                   image, QStringLiteral("sleep"), QStringLiteral("600")})
              && cli(docker, address, {QStringLiteral("start"), n})
              && cli(docker, address,
                     {QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("1"), n})
              && cli(docker, address, {QStringLiteral("rm"), n});
        cliTimes.append(double(t.nsecsElapsed()) / 1e6);
        if (!ok) {
            std::fprintf(stderr, "bench_docker: CLI cycle %d failed\n", i);
            return 1;
        }
    }
    print("create+start+stop+remove (20 cycles)", summarize(clientTimes), summarize(cliTimes),
          cycles);
    return 0;
}
