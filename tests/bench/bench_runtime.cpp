// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
//
// bench_runtime: the container manager on real engines. Prints numbers; asserts nothing
// about timing (not a ctest test).
//
//  (a) `scs up` of the example stack (images built) against `docker-compose up -d` of the
//      `scs export --format compose` output, on the same engine in the same run, alternating,
//      each from empty data folders. scs up returns when every container is healthy and
//      registered; for compose both the return of `up -d` and the moment all three
//      containers are healthy are shown.
//  (b) moving the MySQL master with a ~100 MB database between two network-namespace hosts
//      while a writer inserts every 100 ms: the unavailability window and its phases.
//  (c) moving WordPress between two hosts with an HTTP probe every 100 ms through
//      `scs disco forward`: failed requests.
//
//   SCS_TEST_DOCKER_HOST=unix:///tmp/scs-dev/docker.sock build/bin/bench_runtime [rounds]
//
// (b) and (c) use the hosts of tests/runtime/dockhosts.sh (scs-h1..scs-h3 on 10.233.0.x;
// brought up when they do not answer). Images are built on SCS_TEST_DOCKER_HOST by `scs up
// --build-on` and carried to the hosts with save/load.

#include "disco/server.h"
#include "docker/types.h"
#include "e2eutil.h"
#include "fileutil.h"
#include "runtime/containermanager.h"
#include "runtime/engine.h"
#include "runtime/headlessstack.h"
#include "runtime/host.h"
#include "runtime/managedcontainer.h"
#include "runtime/relocation.h"
#include "runtime/workflow.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <optional>

using namespace Runtime;

namespace {

QString g_source;
QString g_binary;
QString g_engine;
Disco::Server *g_disco = nullptr;

void say(const QString &text)
{
    std::fprintf(stdout, "%s\n", qPrintable(text));
    std::fflush(stdout);
}

[[noreturn]] void fail(const QString &text)
{
    std::fprintf(stderr, "bench_runtime: %s\n", qPrintable(text));
    std::exit(1);
}

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    return TestUtil::waitUntil(done, timeoutMs);
}

void wait(int ms)
{
    (void)waitFor([] { return false; }, ms);
}

struct Run
{
    int exitCode = -1;
    QString output;
    qint64 ms = 0;
};

/** Runs a command while our event loop runs (the disco server lives in this process). */
Run run(const QString &program, const QStringList &arguments, const QString &dir = {},
        int timeoutMs = 1200000)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (!dir.isEmpty())
        process.setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DOCKER_HOST"), g_engine);
    process.setProcessEnvironment(env);
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    Run result;
    if (!waitFor([&process] { return process.state() == QProcess::NotRunning; }, timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
    }
    result.ms = clock.elapsed();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.output = QString::fromUtf8(process.readAll());
    return result;
}

Run scs(const QStringList &arguments)
{
    return run(g_binary + QStringLiteral("/bin/scs"), arguments);
}

void writeFile(const QString &path, const QString &text)
{
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        fail(QStringLiteral("cannot write %1").arg(path));
    out.write(text.toUtf8());
}

double median(QList<qint64> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return double(values.at(values.size() / 2));
}

/** Runs a workflow to its end. */
Scs::Result<void> runWorkflow(Workflow *workflow, int timeoutMs = 600000)
{
    std::optional<Scs::Result<void>> result;
    QObject::connect(workflow, &Workflow::finished, workflow,
                     [&result](const Scs::Result<void> &r) { result = r; });
    workflow->start();
    if (!waitFor([&result] { return result.has_value(); }, timeoutMs))
        return Scs::makeError(QStringLiteral("%1 did not finish in time").arg(workflow->name()));
    return *result;
}

Scs::Result<QString> sql(HeadlessStack &stack, const QString &role, const QString &statement)
{
    // The 100 MB insert takes long on a loaded machine.
    return TestUtil::mariadb(stack.manager()->container(role), QStringLiteral("blog"), statement,
                             300000);
}

QProcess *startProcess(const QString &program, const QStringList &arguments)
{
    QProcess *process = TestUtil::newChildProcess(QCoreApplication::instance());
    process->setProcessChannelMode(QProcess::SeparateChannels);
    process->start(program, arguments);
    return process;
}

void stop(QProcess *process)
{
    TestUtil::stopProcess(process);
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QProcess *forwarder(const QString &key, quint16 port)
{
    QProcess *p = startProcess(g_binary + QStringLiteral("/bin/scs"),
                               {QStringLiteral("disco"), QStringLiteral("forward"),
                                QStringLiteral("--server"),
                                QStringLiteral("127.0.0.1:%1").arg(g_disco->serverPort()),
                                QStringLiteral("%1:%2").arg(port).arg(key)});
    QByteArray output;
    if (!waitFor(
            [&] {
                output += p->readAllStandardError();
                return output.contains("forwarding") || p->state() == QProcess::NotRunning;
            },
            10000)
        || !output.contains("forwarding"))
        fail(QStringLiteral("scs disco forward did not start: %1").arg(QString::fromUtf8(output)));
    return p;
}

// ---- (a) scs up against docker-compose up -d ---------------------------------------------

bool allHealthy(const QString &project)
{
    const Run ps = run(QStringLiteral("docker"),
                       {QStringLiteral("ps"), QStringLiteral("--filter"),
                        QStringLiteral("label=com.docker.compose.project=%1").arg(project),
                        QStringLiteral("--format"), QStringLiteral("{{.Status}}")});
    const QStringList lines = ps.output.split(u'\n', Qt::SkipEmptyParts);
    return lines.size() == 3 && std::all_of(lines.begin(), lines.end(), [](const QString &l) {
               return l.contains(QStringLiteral("(healthy)"));
           });
}

void benchUp(int rounds)
{
    say(QStringLiteral("(a) scs up vs docker-compose up -d on %1, %2 round(s)")
            .arg(g_engine)
            .arg(rounds));
    QTemporaryDir work(QDir::tempPath() + QStringLiteral("/scs-bench-up-XXXXXX"));
    const QString dir = work.path();
    if (!TestUtil::copyTree(g_source + QStringLiteral("/manifests"), dir))
        fail(QStringLiteral("cannot copy the example stack"));
    QDir(dir + QStringLiteral("/data")).removeRecursively();
    const QString hosts = dir + QStringLiteral("/hosts.bench.yaml");
    writeFile(hosts, QStringLiteral("environment: bench\n"
                                    "disco: { address: 127.0.0.1:%1 }\n"
                                    "hosts:\n"
                                    "  local: { docker: %2, address: 127.0.0.1 }\n"
                                    "placement: { mysqlmaster: local, mysqlslave: local, "
                                    "wordpress: local }\n")
                         .arg(g_disco->serverPort())
                         .arg(g_engine));
    const QString stackFile = dir + QStringLiteral("/stack.yaml");
    const QStringList upArgs{QStringLiteral("up"), stackFile, QStringLiteral("--hosts"), hosts};
    const QStringList downArgs{QStringLiteral("down"), stackFile, QStringLiteral("--hosts"), hosts};

    // The compose file of the same stack, with its secrets supplied.
    const QString compose = dir + QStringLiteral("/compose.yaml");
    const Run exported = scs({QStringLiteral("export"), stackFile, QStringLiteral("--hosts"), hosts,
                              QStringLiteral("--format"), QStringLiteral("compose"),
                              QStringLiteral("-o"), compose});
    if (exported.exitCode != 0)
        fail(QStringLiteral("scs export failed: %1").arg(exported.output));
    QDir().mkpath(dir + QStringLiteral("/secrets"));
    const QString db = QStringLiteral("SCS_DB_PASSWORD=dev-only-blog-password\n");
    const QString repl = QStringLiteral("SCS_REPL_PASSWORD=dev-only-replication-password\n");
    writeFile(dir + QStringLiteral("/secrets/mysqlmaster.env"), db + repl);
    writeFile(dir + QStringLiteral("/secrets/mysqlslave.env"), db + repl);
    writeFile(dir + QStringLiteral("/secrets/wordpress.env"), db);
    const QString project = QStringLiteral("scsbench");
    const QStringList composeBase{QStringLiteral("-p"), project, QStringLiteral("-f"), compose};

    // Warm up: builds what is missing (not timed), then down.
    const Run warm = scs(upArgs);
    if (warm.exitCode != 0)
        fail(QStringLiteral("warm-up scs up failed:\n%1").arg(warm.output));
    (void)scs(downArgs);

    QList<qint64> scsMs, composeReturnMs, composeHealthyMs;
    for (int round = 0; round < rounds; ++round) {
        QDir(dir + QStringLiteral("/data")).removeRecursively();
        const Run up = scs(upArgs);
        if (up.exitCode != 0)
            fail(QStringLiteral("scs up failed:\n%1").arg(up.output));
        scsMs.append(up.ms);
        (void)scs(downArgs);

        QDir(dir + QStringLiteral("/data")).removeRecursively();
        QElapsedTimer clock;
        clock.start();
        const Run cup
            = run(QStringLiteral("docker-compose"),
                  composeBase + QStringList{QStringLiteral("up"), QStringLiteral("-d")}, dir);
        if (cup.exitCode != 0)
            fail(QStringLiteral("docker-compose up -d failed:\n%1").arg(cup.output));
        composeReturnMs.append(cup.ms);
        if (!waitFor([&project] { return allHealthy(project); }, 300000))
            fail(QStringLiteral("the compose stack did not become healthy"));
        composeHealthyMs.append(clock.elapsed());
        (void)run(QStringLiteral("docker-compose"),
                  composeBase + QStringList{QStringLiteral("down")}, dir);
        say(QStringLiteral("  round %1: scs up %2 ms; compose up -d %3 ms, all healthy %4 ms")
                .arg(round + 1)
                .arg(up.ms)
                .arg(cup.ms)
                .arg(composeHealthyMs.last()));
    }
    say(QStringLiteral("  median: scs up %1 ms (healthy and registered); docker-compose up -d %2 "
                       "ms (returns), %3 ms (all healthy)")
            .arg(median(scsMs))
            .arg(median(composeReturnMs))
            .arg(median(composeHealthyMs)));
    say(QStringLiteral("  ratio scs/compose: %1 against up -d returning, %2 against all healthy")
            .arg(median(scsMs) / std::max(1.0, median(composeReturnMs)), 0, 'f', 2)
            .arg(median(scsMs) / std::max(1.0, median(composeHealthyMs)), 0, 'f', 2));
}

// ---- (b) and (c) on the namespace hosts --------------------------------------------------

bool hostsAnswer()
{
    return TestUtil::dockHostsAnswer();
}

void benchMoves()
{
    // setup also when the hosts answer: it empties their private folders and removes their
    // containers, so every run starts from a fresh data directory (the old master's data
    // stays on its host after a move).
    const Run setup
        = run(g_source + QStringLiteral("/tests/runtime/dockhosts.sh"), {QStringLiteral("setup")});
    if (setup.exitCode != 0 || !hostsAnswer())
        fail(QStringLiteral("the namespace hosts do not answer: %1").arg(setup.output));
    // The same layout as the e2e test; data under the folder each host sees privately.
    const QString dir = QStringLiteral("/var/tmp/scs-e2e/private/bench");
    QDir(dir).removeRecursively();
    if (!TestUtil::copyTree(g_source + QStringLiteral("/manifests"), dir))
        fail(QStringLiteral("cannot copy the example stack"));
    QDir(dir + QStringLiteral("/data")).removeRecursively();
    const QString hosts = dir + QStringLiteral("/hosts.bench.yaml");
    writeFile(hosts, QStringLiteral(
                         "environment: benchmv\n"
                         "disco: { address: 127.0.0.1:%1 }\n"
                         "hosts:\n"
                         "  build: { docker: %2, address: 127.0.0.1 }\n"
                         "  web-1: { docker: unix:///run/dockhost/scs-h1/docker.sock, address: "
                         "10.233.0.11, attributes: { zone: a } }\n"
                         "  db-1: { docker: unix:///run/dockhost/scs-h2/docker.sock, address: "
                         "10.233.0.12, attributes: { zone: a } }\n"
                         "  db-2: { docker: unix:///run/dockhost/scs-h3/docker.sock, address: "
                         "10.233.0.13, attributes: { zone: b } }\n"
                         "placement: { wordpress: web-1, mysqlmaster: db-1, mysqlslave: db-2 }\n")
                         .arg(g_disco->serverPort())
                         .arg(g_engine));
    HeadlessStack stack;
    stack.setBuildHost(QStringLiteral("build"));
    if (auto opened = stack.open(dir + QStringLiteral("/stack.yaml"), hosts, 5); !opened)
        fail(opened.error().message);
    std::optional<Scs::Result<void>> connected;
    stack.connect([&connected](Scs::Result<void> r) { connected = r; }, false);
    if (!waitFor([&] { return connected.has_value(); }, 10000) || !*connected)
        fail(QStringLiteral("cannot connect the stack"));
    QElapsedTimer clock;
    clock.start();
    if (auto up = runWorkflow(stack.manager()->up()); !up)
        fail(QStringLiteral("up on three hosts failed: %1").arg(up.error().message));
    say(QStringLiteral("(b, c) stack up on three namespace hosts in %1 ms").arg(clock.elapsed()));

    // (b) ~100 MB of rows, then the move under a writer.
    clock.restart();
    auto filled = sql(stack, QStringLiteral("mysqlmaster"),
                      QStringLiteral("CREATE TABLE bulk (id INT PRIMARY KEY, b LONGBLOB); "
                                     "INSERT INTO bulk SELECT seq, REPEAT(MD5(RAND()*seq), 32768) "
                                     "FROM seq_1_to_100; "
                                     "CREATE TABLE writes (id INT PRIMARY KEY); "
                                     "SELECT ROUND(SUM(LENGTH(b)) / 1048576) FROM bulk"));
    if (!filled)
        fail(QStringLiteral("filling the database failed: %1").arg(filled.error().message));
    say(QStringLiteral("(b) master filled with %1 MiB of rows in %2 ms")
            .arg(*filled)
            .arg(clock.elapsed()));
    const quint16 dbPort = freePort();
    QProcess *dbForward = forwarder(QStringLiteral("benchmv/blog/mysqlmaster/mysql"), dbPort);
    QProcess *writer = startProcess(
        QStringLiteral("/bin/sh"),
        {QStringLiteral("-c"),
         QStringLiteral("i=0; while :; do i=$((i+1)); "
                        "mariadb -h127.0.0.1 -P%1 -ublog -pdev-only-blog-password "
                        "--connect-timeout=30 blog -e \"INSERT INTO writes VALUES ($i)\" "
                        "2>/dev/null && echo $i; sleep 0.1; done")
             .arg(dbPort)});
    wait(2000);
    auto moved = runWorkflow(
        stack.manager()->move(QStringLiteral("mysqlmaster"), QStringLiteral("web-1")));
    wait(3000);
    stop(writer);
    stop(dbForward);
    if (!moved)
        fail(QStringLiteral("the master move failed: %1").arg(moved.error().message));
    Relocation *relocation = stack.manager()->lastRelocation();
    const QStringList acked
        = QString::fromUtf8(writer->readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    const auto present = sql(stack, QStringLiteral("mysqlmaster"),
                             QStringLiteral("SELECT COUNT(*) FROM writes WHERE id IN (%1)")
                                 .arg(acked.isEmpty() ? QStringLiteral("0") : acked.join(u',')));
    say(QStringLiteral("(b) master move db-1 -> web-1: unavailable %1 ms (target < 5000), %2 MiB "
                       "copied; %3 inserts acknowledged, %4 present on the new master")
            .arg(relocation->unavailableMs())
            .arg(double(relocation->copiedBytes()) / 1048576.0, 0, 'f', 0)
            .arg(acked.size())
            .arg(present.value_or(QStringLiteral("?"))));
    for (const auto &phase : relocation->phases())
        say(QStringLiteral("      %1: %2 ms").arg(phase.name).arg(phase.durationMs));

    // (c) WordPress web-1 -> db-2 under a probe every 100 ms.
    const quint16 httpPort = freePort();
    QProcess *httpForward = forwarder(QStringLiteral("benchmv/blog/wordpress/http"), httpPort);
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/wp-login.php").arg(httpPort));
    QNetworkAccessManager probe;
    int sent = 0, failed = 0, outstanding = 0;
    qint64 slowest = 0;
    QTimer timer;
    QElapsedTimer probeClock;
    probeClock.start();
    QObject::connect(&timer, &QTimer::timeout, &timer, [&] {
        QNetworkRequest request(url);
        request.setTransferTimeout(20000);
        ++sent;
        ++outstanding;
        const qint64 at = probeClock.elapsed();
        QNetworkReply *reply = probe.get(request);
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply, at] {
            --outstanding;
            slowest = std::max(slowest, probeClock.elapsed() - at);
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (reply->error() != QNetworkReply::NoError || status == 0 || status >= 500)
                ++failed;
            reply->deleteLater();
        });
    });
    timer.start(100);
    wait(1000);
    clock.restart();
    auto wpMoved
        = runWorkflow(stack.manager()->move(QStringLiteral("wordpress"), QStringLiteral("db-2")));
    const qint64 moveMs = clock.elapsed();
    wait(1500);
    timer.stop();
    (void)waitFor([&outstanding] { return outstanding == 0; }, 30000);
    stop(httpForward);
    if (!wpMoved)
        fail(QStringLiteral("the WordPress move failed: %1").arg(wpMoved.error().message));
    say(QStringLiteral("(c) WordPress move web-1 -> db-2 in %1 ms: %2 probes, %3 failed (target "
                       "0), slowest answer %4 ms, unavailable %5 ms")
            .arg(moveMs)
            .arg(sent)
            .arg(failed)
            .arg(slowest)
            .arg(stack.manager()->lastRelocation()->unavailableMs()));

    if (auto down = runWorkflow(stack.manager()->down()); !down)
        say(QStringLiteral("down failed: %1").arg(down.error().message));
    QDir(dir).removeRecursively();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    g_engine = qEnvironmentVariable("SCS_TEST_DOCKER_HOST");
    if (g_engine.isEmpty())
        fail(QStringLiteral("set SCS_TEST_DOCKER_HOST to the engine that builds (unix://...)"));
    g_source = qEnvironmentVariable("SCS_SOURCE_DIR", QStringLiteral(SCS_BENCH_SOURCE_DIR));
    g_binary = qEnvironmentVariable("SCS_BINARY_DIR", QStringLiteral(SCS_BENCH_BINARY_DIR));
    const int rounds = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 2;
    Disco::Server disco;
    if (auto started = disco.start(QHostAddress::LocalHost, 0); !started)
        fail(started.error().message);
    g_disco = &disco;
    const QStringList parts = qEnvironmentVariable("SCS_BENCH_PARTS", QStringLiteral("a,bc"))
                                  .split(u',', Qt::SkipEmptyParts);
    if (parts.contains(QStringLiteral("a")))
        benchUp(rounds);
    if (parts.contains(QStringLiteral("bc"))) {
        // Hosts this run brought up are stopped again; ones that were already up stay.
        const bool hadHosts = hostsAnswer();
        benchMoves();
        if (!hadHosts)
            run(g_source + QStringLiteral("/tests/runtime/dockhosts.sh"),
                {QStringLiteral("teardown")});
    }
    return 0;
}
