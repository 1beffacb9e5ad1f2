// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
// End to end: the example stack on real Docker hosts (three dockerd in network namespaces,
// tests/runtime/dockhosts.sh, started by the ctest fixture), real images built by `scs up`
// on the main engine (the test engine; the namespace hosts have no egress) and carried with
// save/load, one in-process disco server. The scenarios share one stack and run in order:
// up on one host (`scs up` in another process, then adopted), up on three hosts, ps from
// another process, move WordPress under an HTTP probe, move the MySQL master under a
// writer, kill -9 of the master, and a move whose target dies mid-copy.
#include "e2eutil.h"
#include "fileutil.h"
#include "testutil.h"

#include "disco/client.h"
#include "disco/registry.h"
#include "disco/server.h"
#include "docker/engineclient.h"
#include "runtime/containermanager.h"
#include "runtime/engine.h"
#include "runtime/futureutil.h"
#include "runtime/headlessstack.h"
#include "runtime/host.h"
#include "runtime/managedcontainer.h"
#include "runtime/relocation.h"
#include "runtime/topology.h"
#include "runtime/workflow.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <QTcpServer>

#include <csignal>

using namespace Runtime;

namespace {

const QString StackRoot = QStringLiteral("/var/tmp/scs-e2e/private/stack");
const QString DbPassword = QStringLiteral("dev-only-blog-password");

QString dockhostScript()
{
    return qEnvironmentVariable("SCS_SOURCE_DIR") + QStringLiteral("/tests/runtime/dockhosts.sh");
}

QString scsBinary()
{
    return qEnvironmentVariable("SCS_BINARY_DIR") + QStringLiteral("/bin/scs");
}

} // namespace

class tst_StackE2e final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void upOnOneHost();
    void upOnThreeHosts();
    void psFromAnotherProcess();
    void moveWordPressWithoutFailedRequests();
    void moveMasterKeepsEveryAcknowledgedInsert();
    void killedMasterIsDroppedAndReRegistered();
    void moveRollsBackWhenTargetDiesMidCopy();

private:
    void writeHosts(const QString &file, const QMap<QString, QString> &placement);
    /** Opens the stack; its own disco sessions outlive it by \p sessionTimeout seconds. */
    bool openStack(const QString &hostsFile, double sessionTimeout = 3);
    Scs::Result<void> run(Workflow *workflow, int timeoutMs = 240000);
    Scs::Result<QString> sql(const QString &role, const QString &statement);
    QString roleHost(const QString &role);
    QString hostAddress(const QString &host);
    /** `scs disco forward` of \p key on a free loopback port (set in \p port), listening. */
    QProcess *startForwarder(const QString &key, quint16 *port);
    QProcess *newProcess();
    int httpStatus(const QString &url, QByteArray *body = nullptr);
    void stopProcess(QProcess *process);

    Disco::Server m_disco;
    std::unique_ptr<HeadlessStack> m_stack;
    QString m_mainEngine;
    QList<QProcess *> m_processes;
};

void tst_StackE2e::initTestCase()
{
    SCS_REQUIRE_DOCKER();
    m_mainEngine = TestUtil::dockerHost();
    // The hosts of the fixture; when this test runs alone, it brings them up itself.
    const auto allAnswer = [] { return TestUtil::dockHostsAnswer(); };
    if (!allAnswer()) {
        QProcess setup;
        setup.setProcessChannelMode(QProcess::ForwardedChannels);
        setup.start(dockhostScript(), {QStringLiteral("setup")});
        QVERIFY(setup.waitForFinished(120000));
        QVERIFY2(setup.exitCode() == 0, "tests/runtime/dockhosts.sh setup failed");
    }
    QVERIFY2(allAnswer(), "the Docker hosts scs-h1..scs-h3 (tests/runtime/dockhosts.sh setup) "
                          "do not answer");
    QVERIFY_RESULT(m_disco.start(QHostAddress::LocalHost, 0));

    // The example stack, copied under the folder each host sees privately (host-local data).
    const QString source = qEnvironmentVariable("SCS_SOURCE_DIR") + QStringLiteral("/manifests");
    QDir(StackRoot).removeRecursively();
    QVERIFY(TestUtil::copyTree(source, StackRoot));
    QDir(StackRoot + QStringLiteral("/data")).removeRecursively();

    // The role images derive from scs/base:bookworm, made the project's way when missing.
    QProcess inspect;
    inspect.start(QStringLiteral("curl"),
                  {QStringLiteral("-sf"), QStringLiteral("--unix-socket"),
                   m_mainEngine.mid(int(qstrlen("unix://"))),
                   QStringLiteral("http://d/images/scs/base:bookworm/json")});
    QVERIFY(inspect.waitForFinished(10000));
    if (inspect.exitCode() != 0) {
        QProcess base;
        base.setProcessChannelMode(QProcess::ForwardedChannels);
        base.start(scsBinary(),
                   {QStringLiteral("image"), QStringLiteral("base"), QStringLiteral("--docker"),
                    m_mainEngine, QStringLiteral("--tag"), QStringLiteral("scs/base:bookworm")});
        QVERIFY(base.waitForFinished(900000));
        QCOMPARE(base.exitCode(), 0);
    }
}

void tst_StackE2e::cleanupTestCase()
{
    for (QProcess *p : std::as_const(m_processes))
        stopProcess(p);
    if (m_stack)
        (void)run(m_stack->manager()->down(), 120000);
    m_stack.reset();
}

void tst_StackE2e::stopProcess(QProcess *process)
{
    TestUtil::stopProcess(process);
}

void tst_StackE2e::writeHosts(const QString &file, const QMap<QString, QString> &placement)
{
    // Shaped like hosts.prod.yaml: three hosts, two zones; plus the main engine that builds.
    QString text = QStringLiteral(
                       "environment: e2e\n"
                       "disco: { address: 127.0.0.1:%1 }\n"
                       "hosts:\n"
                       "  build: { docker: %2, address: 127.0.0.1, attributes: { zone: build } }\n"
                       "  web-1: { docker: unix:///run/dockhost/scs-h1/docker.sock, address: "
                       "10.233.0.11, attributes: { zone: eu-west-1a, datacenter: dc1 } }\n"
                       "  db-1: { docker: unix:///run/dockhost/scs-h2/docker.sock, address: "
                       "10.233.0.12, attributes: { zone: eu-west-1a, datacenter: dc1 } }\n"
                       "  db-2: { docker: unix:///run/dockhost/scs-h3/docker.sock, address: "
                       "10.233.0.13, attributes: { zone: eu-west-1b, datacenter: dc2 } }\n"
                       "placement: {")
                       .arg(m_disco.serverPort())
                       .arg(m_mainEngine);
    QStringList parts;
    for (auto it = placement.begin(); it != placement.end(); ++it)
        parts.append(it.key() + QStringLiteral(": ") + it.value());
    text += parts.join(QStringLiteral(", ")) + QStringLiteral("}\n");
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    out.write(text.toUtf8());
}

bool tst_StackE2e::openStack(const QString &hostsFile, double sessionTimeout)
{
    m_stack = std::make_unique<HeadlessStack>();
    connect(m_stack.get(), &HeadlessStack::message, this,
            [](const QString &m) { qInfo().noquote() << m; });
    auto opened
        = m_stack->open(StackRoot + QStringLiteral("/stack.yaml"), hostsFile, sessionTimeout);
    if (!opened) {
        qWarning().noquote() << opened.error().message;
        return false;
    }
    std::optional<Scs::Result<void>> connected;
    m_stack->connect([&connected](Scs::Result<void> r) { connected = r; }, false);
    if (!QTest::qWaitFor([&]() { return connected.has_value(); }, 5000))
        return false;
    if (!*connected)
        qWarning().noquote() << connected->error().message;
    return bool(*connected) && !m_stack->ownsDiscoServer();
}

Scs::Result<void> tst_StackE2e::run(Workflow *workflow, int timeoutMs)
{
    std::optional<Scs::Result<void>> result;
    QElapsedTimer clock;
    clock.start();
    connect(workflow, &Workflow::stepStarted, this, [&clock](int, const QString &name) {
        qInfo().noquote() << QStringLiteral("[%1 ms]").arg(clock.elapsed()) << name;
    });
    connect(workflow, &Workflow::finished, this,
            [&result](const Scs::Result<void> &r) { result = r; });
    workflow->start();
    if (!QTest::qWaitFor([&]() { return result.has_value(); }, timeoutMs))
        return Scs::makeError(QStringLiteral("%1 did not finish in time").arg(workflow->name()));
    return *result;
}

QString tst_StackE2e::roleHost(const QString &role)
{
    ManagedContainer *c = m_stack->manager()->container(role);
    return c ? c->host()->name() : QString();
}

QString tst_StackE2e::hostAddress(const QString &host)
{
    Host *h = m_stack->manager()->host(host);
    return h ? h->address() : QString();
}

Scs::Result<QString> tst_StackE2e::sql(const QString &role, const QString &statement)
{
    return TestUtil::mariadb(m_stack->manager()->container(role), QStringLiteral("blog"),
                             statement);
}

QProcess *tst_StackE2e::newProcess()
{
    QProcess *process = TestUtil::newChildProcess(this);
    m_processes.append(process);
    return process;
}

QProcess *tst_StackE2e::startForwarder(const QString &key, quint16 *port)
{
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0))
            return nullptr;
        *port = probe.serverPort();
    }
    QProcess *process = newProcess();
    process->setProcessChannelMode(QProcess::MergedChannels);
    process->start(scsBinary(),
                   {QStringLiteral("disco"), QStringLiteral("forward"), QStringLiteral("--server"),
                    QStringLiteral("127.0.0.1:%1").arg(m_disco.serverPort()),
                    QStringLiteral("%1:%2").arg(*port).arg(key)});
    QByteArray output;
    const bool listening = QTest::qWaitFor(
        [&]() {
            output += process->readAll();
            return output.contains("forwarding") || process->state() == QProcess::NotRunning;
        },
        10000);
    qInfo().noquote() << "forwarder:" << output.trimmed();
    if (!listening || !output.contains("forwarding"))
        return nullptr;
    return process;
}

int tst_StackE2e::httpStatus(const QString &url, QByteArray *body)
{
    return TestUtil::httpStatus(url, body);
}

void tst_StackE2e::upOnOneHost()
{
    const QString hosts = StackRoot + QStringLiteral("/hosts.one.yaml");
    writeHosts(hosts, {{QStringLiteral("mysqlmaster"), QStringLiteral("web-1")},
                       {QStringLiteral("mysqlslave"), QStringLiteral("web-1")},
                       {QStringLiteral("wordpress"), QStringLiteral("web-1")}});
    // `scs up` in its own process: it builds what no host has on the build engine (the
    // namespace hosts have no egress), carries it to web-1, starts the stack and exits;
    // the registrations live on in our disco server.
    QProcess up;
    up.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer clock;
    clock.start();
    up.start(scsBinary(), {QStringLiteral("up"), StackRoot + QStringLiteral("/stack.yaml"),
                           QStringLiteral("--hosts"), hosts, QStringLiteral("--build-on"),
                           QStringLiteral("build")});
    QVERIFY(QTest::qWaitFor([&up]() { return up.state() == QProcess::NotRunning; }, 1200000));
    const QString output = QString::fromUtf8(up.readAll());
    qInfo().noquote() << "scs up took" << clock.elapsed() << "ms:\n" << output;
    QVERIFY2(up.exitStatus() == QProcess::NormalExit && up.exitCode() == 0, qPrintable(output));
    QVERIFY(output.contains(QStringLiteral("using the disco server at 127.0.0.1")));
    // Every image was found on web-1, carried from the build host, or built there first.
    for (const QString &image : {QStringLiteral("scs/mysql:"), QStringLiteral("scs/wordpress:")})
        QVERIFY(!output.contains(QStringLiteral("building image %1").arg(image))
                || output.contains(QStringLiteral("carrying image %1").arg(image)));

    // This process takes the stack over (supervision, moves), as the dashboard would.
    // Whatever fails below, the stack goes down: the next scenario starts from nothing.
    auto downAtEnd = qScopeGuard([this]() {
        if (!m_stack)
            return;
        const auto down = run(m_stack->manager()->down());
        if (!down)
            qWarning().noquote() << "down after upOnOneHost:" << down.error().message;
        m_stack.reset();
    });
    const Disco::Registry &registry = m_disco.registry();
    QList<QString> upSessions;
    for (const Disco::SessionInfo &session : registry.sessions())
        upSessions.append(session.id);
    std::sort(upSessions.begin(), upSessions.end());
    QVERIFY(!upSessions.isEmpty());
    const qsizetype upProvisions = registry.provisionCount();
    QVERIFY(upProvisions > 0);
    // A session timeout of its own long enough that a session this process joined would
    // still be there when the checks at the end look.
    QVERIFY(openStack(hosts, 600));
    const auto adopted = run(m_stack->manager()->adopt());
    QVERIFY2(adopted, adopted ? "" : qPrintable(adopted.error().message));
    // Taken over in the sessions the labels name, with what `scs up` registered there.
    QList<QString> adoptedSessions;
    for (const Disco::SessionInfo &session : registry.sessions())
        adoptedSessions.append(session.id);
    std::sort(adoptedSessions.begin(), adoptedSessions.end());
    QCOMPARE(adoptedSessions, upSessions);
    QCOMPARE(registry.provisionCount(), upProvisions);
    for (const QString &role : {QStringLiteral("mysqlmaster"), QStringLiteral("mysqlslave"),
                                QStringLiteral("wordpress")}) {
        QVERIFY2(m_stack->manager()->container(role), qPrintable(role));
        QCOMPARE(roleHost(role), QStringLiteral("web-1"));
    }

    // WordPress answers on its published port, talking to the master.
    QByteArray body;
    // (A liveupdate of the take-over may be reloading php-fpm right now: allow a moment.)
    QTRY_COMPARE_WITH_TIMEOUT(
        httpStatus(QStringLiteral("http://10.233.0.11:8080/wp-admin/install.php"), &body), 200,
        15000);
    QVERIFY(!body.contains("Error establishing a database connection"));

    // A row written on the master appears on the replica.
    QVERIFY_RESULT(sql(QStringLiteral("mysqlmaster"),
                       QStringLiteral("CREATE TABLE IF NOT EXISTS probe (id INT PRIMARY KEY); "
                                      "REPLACE INTO probe VALUES (1)")));
    QTRY_COMPARE_WITH_TIMEOUT(
        sql(QStringLiteral("mysqlslave"), QStringLiteral("SELECT COUNT(*) FROM probe WHERE id = 1"))
            .value_or(QString()),
        QStringLiteral("1"), 15000);

    // This process lets go (the sessions stay, by `scs up`'s timeout), and `scs down` in a
    // third process ends them through the labels: nothing of the stack stays registered.
    m_stack.reset();
    downAtEnd.dismiss();
    QTRY_COMPARE(registry.provisionCount(), upProvisions);
    QProcess down;
    down.setProcessChannelMode(QProcess::MergedChannels);
    down.start(scsBinary(), {QStringLiteral("down"), StackRoot + QStringLiteral("/stack.yaml"),
                             QStringLiteral("--hosts"), hosts});
    QVERIFY(QTest::qWaitFor([&down]() { return down.state() == QProcess::NotRunning; }, 300000));
    const QString downOutput = QString::fromUtf8(down.readAll());
    QVERIFY2(down.exitStatus() == QProcess::NormalExit && down.exitCode() == 0,
             qPrintable(downOutput));
    QTRY_COMPARE_WITH_TIMEOUT(registry.provisionCount(), 0, 5000);
    QCOMPARE(registry.sessionCount(), 0);
}

void tst_StackE2e::upOnThreeHosts()
{
    const QString hosts = StackRoot + QStringLiteral("/hosts.three.yaml");
    writeHosts(hosts, {{QStringLiteral("wordpress"), QStringLiteral("web-1")},
                       {QStringLiteral("mysqlmaster"), QStringLiteral("db-1")},
                       {QStringLiteral("mysqlslave"), QStringLiteral("db-2")}});
    // The same compiled images and configs as on one host: only placement differs.
    HeadlessStack one;
    QVERIFY_RESULT(one.open(StackRoot + QStringLiteral("/stack.yaml"),
                            StackRoot + QStringLiteral("/hosts.one.yaml")));
    QVERIFY(openStack(hosts));
    for (const auto &c : m_stack->stack().containers) {
        const auto *other = one.stack().container(c.role);
        QVERIFY(other);
        QCOMPARE(c.image.tag, other->image.tag);
        QCOMPARE(ManagedContainer::configHash(c), ManagedContainer::configHash(*other));
    }
    QStringList messages;
    const QMetaObject::Connection collect
        = connect(m_stack.get(), &HeadlessStack::message, this,
                  [&messages](const QString &m) { messages.append(m); });
    const auto up = run(m_stack->manager()->up());
    disconnect(collect);
    QVERIFY2(up, up ? "" : qPrintable(up.error().message));
    QCOMPARE(roleHost(QStringLiteral("mysqlslave")), QStringLiteral("db-2"));
    // The images exist now (the first up made them): this up builds nothing.
    for (const QString &m : std::as_const(messages))
        QVERIFY2(!m.startsWith(QStringLiteral("building image")), qPrintable(m));

    QByteArray body;
    QTRY_COMPARE_WITH_TIMEOUT(
        httpStatus(QStringLiteral("http://10.233.0.11:8080/wp-admin/install.php"), &body), 200,
        15000);
    QVERIFY(!body.contains("Error establishing a database connection"));
    QVERIFY_RESULT(sql(QStringLiteral("mysqlmaster"),
                       QStringLiteral("CREATE TABLE IF NOT EXISTS probe (id INT PRIMARY KEY); "
                                      "REPLACE INTO probe VALUES (1)")));
    QTRY_COMPARE_WITH_TIMEOUT(
        sql(QStringLiteral("mysqlslave"), QStringLiteral("SELECT COUNT(*) FROM probe"))
            .value_or(QString()),
        QStringLiteral("1"), 15000);
    // The model the dashboard draws: three hosts up, links bound across hosts.
    const LinkInfo *link = m_stack->topology()->link(QStringLiteral("wordpress@web-1/mysql"));
    QVERIFY(link);
    QCOMPARE(link->providerContainerId, QStringLiteral("mysqlmaster@db-1"));
    QCOMPARE(link->boundTo.host, QStringLiteral("10.233.0.12"));
}

void tst_StackE2e::psFromAnotherProcess()
{
    // `scs ps --json` in another process reads the state back from labels and disco.
    QProcess ps;
    ps.start(scsBinary(),
             {QStringLiteral("ps"), StackRoot + QStringLiteral("/stack.yaml"),
              QStringLiteral("--hosts"), StackRoot + QStringLiteral("/hosts.three.yaml"),
              QStringLiteral("--json")});
    // Our event loop must run: the disco server answering ps lives in this process.
    QVERIFY(QTest::qWaitFor([&ps]() { return ps.state() == QProcess::NotRunning; }, 60000));
    QCOMPARE(ps.exitCode(), 0);
    const QJsonArray rows = QJsonDocument::fromJson(ps.readAllStandardOutput()).array();
    QCOMPARE(rows.size(), 3);
    for (const QJsonValue &value : rows) {
        const QJsonObject row = value.toObject();
        QCOMPARE(row.value(QStringLiteral("state")).toString(), QStringLiteral("running"));
        if (row.value(QStringLiteral("role")).toString() == u"wordpress") {
            QCOMPARE(row.value(QStringLiteral("host")).toString(), QStringLiteral("web-1"));
            const QJsonObject http
                = row.value(QStringLiteral("endpoints")).toArray().at(0).toObject();
            QCOMPARE(http.value(QStringLiteral("address"))
                         .toObject()
                         .value(QStringLiteral("port"))
                         .toInt(),
                     8080);
            const QJsonObject mysql
                = row.value(QStringLiteral("requires")).toArray().at(0).toObject();
            QCOMPARE(mysql.value(QStringLiteral("address"))
                         .toObject()
                         .value(QStringLiteral("host"))
                         .toString(),
                     QStringLiteral("10.233.0.12"));
        }
    }
}

void tst_StackE2e::moveWordPressWithoutFailedRequests()
{
    quint16 port = 0;
    QProcess *forwarder = startForwarder(QStringLiteral("e2e/blog/wordpress/http"), &port);
    QVERIFY(forwarder);
    const QString probeUrl = QStringLiteral("http://127.0.0.1:%1/wp-login.php").arg(port);
    QTRY_VERIFY_WITH_TIMEOUT(httpStatus(probeUrl) > 0, 10000);
    // A probe every 100 ms; a request fails on a network error, a 5xx, or no answer within
    // 20 s (generous: on a loaded 2-core machine PHP answers slowly, and the probe's own
    // connection pool queues requests; a slow answer is not a failed one).
    int sent = 0;
    int failed = 0;
    int outstanding = 0;
    qint64 slowest = 0;
    QStringList failures;
    QNetworkAccessManager probe;
    QTimer timer;
    QElapsedTimer clock;
    clock.start();
    connect(&timer, &QTimer::timeout, this, [&]() {
        QNetworkRequest request{QUrl(probeUrl)};
        request.setTransferTimeout(20000);
        ++sent;
        ++outstanding;
        const qint64 sentAt = clock.elapsed();
        QNetworkReply *reply = probe.get(request);
        connect(reply, &QNetworkReply::finished, this, [&, reply, sentAt]() {
            --outstanding;
            slowest = std::max(slowest, clock.elapsed() - sentAt);
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (reply->error() != QNetworkReply::NoError || status >= 500 || status == 0) {
                ++failed;
                failures.append(QStringLiteral("sent at %1 ms, after %2 ms: %3 %4")
                                    .arg(sentAt)
                                    .arg(clock.elapsed() - sentAt)
                                    .arg(status)
                                    .arg(reply->errorString()));
            }
            reply->deleteLater();
        });
    });
    timer.start(100);
    QTest::qWait(1000);
    const qint64 moveStarted = clock.elapsed();
    const auto moved
        = run(m_stack->manager()->move(QStringLiteral("wordpress"), QStringLiteral("db-2")));
    const qint64 moveEnded = clock.elapsed();
    QTest::qWait(1500);
    timer.stop();
    QVERIFY(QTest::qWaitFor([&outstanding]() { return outstanding == 0; }, 30000));
    QVERIFY2(moved, moved ? "" : qPrintable(moved.error().message));
    qInfo().noquote() << QStringLiteral("WordPress move from %1 to %2 ms: %3 probes, %4 failed, "
                                        "slowest answer %5 ms")
                             .arg(moveStarted)
                             .arg(moveEnded)
                             .arg(sent)
                             .arg(failed)
                             .arg(slowest);
    for (const QString &f : std::as_const(failures))
        qInfo().noquote() << "  failed probe:" << f;
    for (const auto &phase : m_stack->manager()->lastRelocation()->phases())
        qInfo().noquote() << "  phase" << phase.name << "at" << moveStarted + phase.startedMs
                          << "ms for" << phase.durationMs << "ms";
    QCOMPARE(roleHost(QStringLiteral("wordpress")), QStringLiteral("db-2"));
    QCOMPARE(m_stack->manager()->lastRelocation()->mode(), Relocation::Mode::Live);
    QVERIFY(sent > 20);
    QCOMPARE(failed, 0);
    stopProcess(forwarder);
}

void tst_StackE2e::moveMasterKeepsEveryAcknowledgedInsert()
{
    QVERIFY_RESULT(sql(QStringLiteral("mysqlmaster"),
                       QStringLiteral("CREATE TABLE IF NOT EXISTS writes (id INT PRIMARY KEY)")));
    quint16 port = 0;
    QProcess *forwarder = startForwarder(QStringLiteral("e2e/blog/mysqlmaster/mysql"), &port);
    QVERIFY(forwarder);
    QTest::qWait(500);
    // The writer inserts a row every 100 ms through the forwarder and prints each id the
    // server acknowledged.
    QProcess *writer = newProcess();
    writer->start(QStringLiteral("/bin/sh"),
                  {QStringLiteral("-c"),
                   QStringLiteral("i=0; while :; do i=$((i+1)); "
                                  "mariadb -h127.0.0.1 -P%2 -ublog -p%1 --connect-timeout=15 "
                                  "blog -e \"INSERT INTO writes VALUES ($i)\" 2>/dev/null "
                                  "&& echo $i; sleep 0.1; done")
                       .arg(DbPassword)
                       .arg(port)});
    QTest::qWait(1500);
    const auto moved
        = run(m_stack->manager()->move(QStringLiteral("mysqlmaster"), QStringLiteral("web-1")));
    QTest::qWait(2000);
    stopProcess(writer);
    QVERIFY2(moved, moved ? "" : qPrintable(moved.error().message));
    Relocation *relocation = m_stack->manager()->lastRelocation();
    QCOMPARE(relocation->mode(), Relocation::Mode::StopFirst);
    const QStringList acked
        = QString::fromUtf8(writer->readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    qInfo().noquote() << QStringLiteral("master move: unavailable for %1 ms, %2 bytes copied, "
                                        "%3 inserts acknowledged")
                             .arg(relocation->unavailableMs())
                             .arg(relocation->copiedBytes())
                             .arg(acked.size());
    for (const auto &phase : relocation->phases())
        qInfo().noquote() << "  phase" << phase.name << phase.durationMs << "ms";
    QVERIFY(acked.size() > 10);
    QCOMPARE(roleHost(QStringLiteral("mysqlmaster")), QStringLiteral("web-1"));

    // WordPress and the replica followed by themselves (liveupdate through disco).
    const auto boundHost = [this](const QString &link) {
        const LinkInfo *info = m_stack->topology()->link(link);
        return info ? info->boundTo.host : QStringLiteral("(no link %1)").arg(link);
    };
    QTRY_COMPARE_WITH_TIMEOUT(boundHost(QStringLiteral("wordpress@db-2/mysql")),
                              QStringLiteral("10.233.0.11"), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(boundHost(QStringLiteral("mysqlslave@db-2/mysql")),
                              QStringLiteral("10.233.0.11"), 10000);
    QByteArray body;
    QTRY_COMPARE_WITH_TIMEOUT(
        httpStatus(QStringLiteral("http://10.233.0.13:8080/wp-admin/install.php"), &body), 200,
        15000);
    QVERIFY(!body.contains("Error establishing a database connection"));

    // Every acknowledged insert is on the new master and on the replica.
    const QString ids = acked.join(u',');
    const QString count = QStringLiteral("SELECT COUNT(*) FROM writes WHERE id IN (%1)").arg(ids);
    QCOMPARE(sql(QStringLiteral("mysqlmaster"), count).value_or(QString()),
             QString::number(acked.size()));
    QTRY_COMPARE_WITH_TIMEOUT(sql(QStringLiteral("mysqlslave"), count).value_or(QString()),
                              QString::number(acked.size()), 20000);
    stopProcess(forwarder);
}

void tst_StackE2e::killedMasterIsDroppedAndReRegistered()
{
    ManagedContainer *master = m_stack->manager()->container(QStringLiteral("mysqlmaster"));
    QVERIFY(master);
    // A disco client of our own watches the master's key.
    Disco::Client watcher;
    watcher.setServer(QStringLiteral("127.0.0.1"), m_disco.serverPort());
    QList<QPair<qint64, Disco::Action>> changes;
    QElapsedTimer clock;
    watcher.require(Disco::RequirementSpec{{QStringLiteral("e2e"), QStringLiteral("blog"),
                                            QStringLiteral("mysqlmaster"), QStringLiteral("mysql")},
                                           {}},
                    this, [&](const Disco::RequirementEvent &event) {
                        if (!event.initial)
                            changes.append({clock.elapsed(), event.action});
                    });
    watcher.start();
    QTRY_VERIFY(watcher.isJoined());
    QTest::qWait(300);
    QCOMPARE(roleHost(QStringLiteral("wordpress")), QStringLiteral("db-2"));
    const LinkInfo *before = m_stack->topology()->link(QStringLiteral("wordpress@db-2/mysql"));
    QVERIFY(before);
    const qsizetype liveUpdatesBefore = before->liveUpdates.size();

    auto inspect = master->host()->engine()->inspectContainer(master->dockerId());
    QTRY_VERIFY(inspect.isFinished());
    QVERIFY_RESULT(inspect.result());
    const qint64 pid = inspect.result()->state.pid;
    QVERIFY(pid > 1);
    clock.start();
    QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);

    // Dropped within a second.
    QTRY_VERIFY_WITH_TIMEOUT(!changes.isEmpty(), 3000);
    QCOMPARE(changes.first().second, Disco::Action::Drop);
    qInfo() << "provision dropped" << changes.first().first << "ms after kill -9";
    QVERIFY(changes.first().first < 1000);
    // WordPress's liveupdate ran; the container restarted and is registered again.
    QTRY_VERIFY_WITH_TIMEOUT(
        m_stack->topology()->link(QStringLiteral("wordpress@db-2/mysql"))->liveUpdates.size()
            > liveUpdatesBefore,
        5000);
    QTRY_VERIFY_WITH_TIMEOUT(changes.size() >= 2 && changes.last().second == Disco::Action::Add,
                             60000);
    qInfo() << "re-registered" << changes.last().first << "ms after kill -9";
    QTRY_COMPARE_WITH_TIMEOUT(
        toString(m_stack->topology()->link(QStringLiteral("wordpress@db-2/mysql"))->state),
        toString(LinkState::Bound), 10000);
    QCOMPARE(toString(m_stack->topology()->container(master->id())->state),
             toString(ContainerState::Running));
    (void)watcher.leave();
}

void tst_StackE2e::moveRollsBackWhenTargetDiesMidCopy()
{
    const QString before
        = sql(QStringLiteral("mysqlmaster"), QStringLiteral("SELECT COUNT(*) FROM writes"))
              .value_or(QStringLiteral("?"));
    const QString source = roleHost(QStringLiteral("mysqlmaster"));
    Workflow *move
        = m_stack->manager()->move(QStringLiteral("mysqlmaster"), QStringLiteral("db-1"));
    Relocation *relocation = m_stack->manager()->lastRelocation();
    bool killed = false;
    connect(relocation, &Relocation::phaseStarted, this, [&](const QString &phase) {
        if (!phase.startsWith(QStringLiteral("copy volumes")) || killed)
            return;
        // The target host dies now: SIGKILL its dockerd.
        QFile pidFile(QStringLiteral("/run/dockhost/scs-h2/dockerd.pid"));
        if (pidFile.open(QIODevice::ReadOnly))
            killed = ::kill(pid_t(pidFile.readAll().trimmed().toLongLong()), SIGKILL) == 0;
    });
    const auto result = run(move);
    QVERIFY(killed);
    QVERIFY(!result);
    qInfo().noquote() << "move failed as it should:" << result.error().message;
    QVERIFY(result.error().message.contains(QStringLiteral("rolled back")));
    QVERIFY(relocation->rolledBack());
    QCOMPARE(roleHost(QStringLiteral("mysqlmaster")), source);
    QVERIFY(m_stack->manager()->container(QStringLiteral("mysqlmaster"))->isRunning());
    QCOMPARE(sql(QStringLiteral("mysqlmaster"), QStringLiteral("SELECT COUNT(*) FROM writes"))
                 .value_or(QString()),
             before);
    // Bring the host back for whoever comes next.
    QProcess restart;
    restart.setProcessChannelMode(QProcess::ForwardedChannels);
    restart.start(dockhostScript(), {QStringLiteral("start"), QStringLiteral("scs-h2")});
    QVERIFY(restart.waitForFinished(60000));
}

QTEST_GUILESS_MAIN(tst_StackE2e)
#include "tst_stack_e2e.moc"
