// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
// The container manager against fake engines (tests/mock) and a real in-process disco
// server on loopback: workflow order, SCS_REQUIRE_* wiring, liveupdates, supervision,
// relocation and roll back.
#include "testutil.h"

#include "mock/fakeengine.h"

#include "disco/server.h"
#include "runtime/containermanager.h"
#include "runtime/host.h"
#include "runtime/managedcontainer.h"
#include "runtime/relocation.h"
#include "runtime/strategies/strategy.h"
#include "runtime/topology.h"
#include "runtime/workflow.h"

#include <QHostAddress>
#include <QSignalSpy>
#include <QTest>

using namespace Runtime;
using Mock::FakeEngine;

class tst_ContainerManager final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void startOrderFollowsRequires();
    void startOrderRejectsCycles();
    void upWiresRequiresThroughDisco();
    void deathDropsProvisionAndRestartReRegisters();
    void hostDownDropsProvisions();
    void moveStatelessHasNoGap();
    void moveStatefulCopiesVolumes();
    void moveRollsBackWhenCopyFails();
    void moveFailsCleanlyWhenTargetRefuses();
    void unknownMethodsAreRejected();
    void nfsVolumeOptions();
    void downStopsDependentsFirst();

private:
    Manifest::CompiledStack makeStack() const;
    bool run(Workflow *workflow, Scs::Result<void> *result = nullptr);
    bool upStack();

    std::unique_ptr<Disco::Server> m_server;
    std::unique_ptr<Topology> m_topology;
    std::unique_ptr<ContainerManager> m_manager;
    QMap<QString, FakeEngine *> m_engines;
};

Manifest::CompiledStack tst_ContainerManager::makeStack() const
{
    Manifest::CompiledStack stack;
    stack.service = QStringLiteral("blog");
    stack.environment = QStringLiteral("dev");
    Manifest::CompiledHost h1{QStringLiteral("h1"),
                              QStringLiteral("unix:///fake/h1"),
                              {},
                              QStringLiteral("10.0.0.1"),
                              {{QStringLiteral("zone"), QStringLiteral("a")}}};
    Manifest::CompiledHost h2{QStringLiteral("h2"),
                              QStringLiteral("unix:///fake/h2"),
                              {},
                              QStringLiteral("10.0.0.2"),
                              {{QStringLiteral("zone"), QStringLiteral("b")}}};
    stack.hosts = {h1, h2};

    Manifest::CompiledContainer db;
    db.role = QStringLiteral("db");
    db.name = {QStringLiteral("dev"), QStringLiteral("blog"), QStringLiteral("db")};
    db.image.name = QStringLiteral("mysql");
    db.image.tag = QStringLiteral("scs/mysql:1");
    db.image.health = Manifest::Health{{QStringLiteral("/scs/bin/health")}, 2, 5, 3, 0};
    Manifest::CompiledProvide mysql;
    mysql.name = QStringLiteral("mysql");
    mysql.containerPort = 3306;
    mysql.discoKey = QStringLiteral("dev/blog/db/mysql");
    db.provides = {mysql};
    Manifest::CompiledVolume data;
    data.name = QStringLiteral("data");
    data.method = QStringLiteral("local");
    data.containerPath = QStringLiteral("/var/lib/mysql");
    data.hostPath = QStringLiteral("/srv/blog/data/db");
    db.volumes = {data};
    db.host = h1;

    Manifest::CompiledContainer app;
    app.role = QStringLiteral("app");
    app.name = {QStringLiteral("dev"), QStringLiteral("blog"), QStringLiteral("app")};
    app.image.name = QStringLiteral("wordpress");
    app.image.tag = QStringLiteral("scs/wordpress:1");
    Manifest::CompiledProvide http;
    http.name = QStringLiteral("http");
    http.containerPort = 80;
    http.publishPort = 8080;
    http.discoKey = QStringLiteral("dev/blog/app/http");
    app.provides = {http};
    Manifest::CompiledRequire require;
    require.name = QStringLiteral("mysql");
    require.lookupRole = QStringLiteral("db");
    require.discoKey = QStringLiteral("dev/blog/db/mysql");
    require.liveupdateCommand = QStringLiteral("/scs/bin/liveupdate");
    app.requirements = {require};
    app.environment = {{QStringLiteral("TZ"), QStringLiteral("UTC")}};
    app.secrets = {{QStringLiteral("SCS_DB_PASSWORD"), Manifest::Secret{QStringLiteral("pw"), {}}}};
    app.host = h1;
    stack.containers = {app, db};
    return stack;
}

void tst_ContainerManager::init()
{
    m_server = std::make_unique<Disco::Server>();
    QVERIFY_RESULT(m_server->start(QHostAddress::LocalHost, 0));
    m_topology = std::make_unique<Topology>();
    m_manager = std::make_unique<ContainerManager>(m_topology.get());
    m_engines.clear();
    m_manager->setEngineFactory(
        [this](const Manifest::CompiledHost &host) -> Scs::Result<Engine *> {
            auto *engine = new FakeEngine(host.name);
            engine->images = {QStringLiteral("scs/mysql:1"), QStringLiteral("scs/wordpress:1")};
            m_engines.insert(host.name, engine);
            return engine;
        });
    ContainerManager::Options options;
    options.discoPort = m_server->serverPort();
    options.healthPollMs = 20;
    options.pingIntervalMs = 50;
    QVERIFY_RESULT(m_manager->setStack(makeStack(), options));
}

void tst_ContainerManager::cleanup()
{
    m_manager.reset();
    m_topology.reset();
    m_server.reset();
}

bool tst_ContainerManager::run(Workflow *workflow, Scs::Result<void> *result)
{
    QSignalSpy finished(workflow, &Workflow::finished);
    workflow->start();
    if (!finished.wait(10000) && finished.isEmpty())
        return false;
    const auto r = finished.at(0).at(0).value<Scs::Result<void>>();
    if (result)
        *result = r;
    if (!r)
        qWarning() << "workflow failed:" << r.error().message;
    return bool(r);
}

bool tst_ContainerManager::upStack()
{
    return run(m_manager->up());
}

void tst_ContainerManager::startOrderFollowsRequires()
{
    auto order = ContainerManager::startOrder(makeStack());
    QVERIFY_RESULT(order);
    QCOMPARE(*order, (QList<QStringList>{{QStringLiteral("db")}, {QStringLiteral("app")}}));
}

void tst_ContainerManager::startOrderRejectsCycles()
{
    auto stack = makeStack();
    Manifest::CompiledRequire back;
    back.name = QStringLiteral("http");
    back.lookupRole = QStringLiteral("app");
    back.discoKey = QStringLiteral("dev/blog/app/http");
    stack.containers[1].requirements.append(back); // db requires app, app requires db
    auto order = ContainerManager::startOrder(stack);
    QVERIFY(!order);
    QVERIFY2(order.error().message.contains(QStringLiteral("app, db")),
             qPrintable(order.error().message));
}

void tst_ContainerManager::upWiresRequiresThroughDisco()
{
    QVERIFY(upStack());
    FakeEngine *h1 = m_engines.value(QStringLiteral("h1"));
    // db was created and started before app.
    const qsizetype dbStart = h1->calls.indexOf(QStringLiteral("start scs-dev-blog-db"));
    const qsizetype appCreate = h1->calls.indexOf(QStringLiteral("create scs-dev-blog-app"));
    QVERIFY(dbStart >= 0 && appCreate > dbStart);

    const auto *app = h1->byName(QStringLiteral("scs-dev-blog-app"));
    const auto *db = h1->byName(QStringLiteral("scs-dev-blog-db"));
    QVERIFY(app && db);
    const QString dbPort = QString::number(db->publishedPorts.value(3306));
    QCOMPARE(app->spec.environment.value(QStringLiteral("SCS_REQUIRE_MYSQL_HOST")),
             QStringLiteral("10.0.0.1"));
    QCOMPARE(app->spec.environment.value(QStringLiteral("SCS_REQUIRE_MYSQL_PORT")), dbPort);
    QCOMPARE(app->spec.environment.value(QStringLiteral("SCS_REQUIRE_MYSQL")),
             QStringLiteral("10.0.0.1:") + dbPort);
    QCOMPARE(app->spec.environment.value(QStringLiteral("SCS_DB_PASSWORD")), QStringLiteral("pw"));
    QCOMPARE(app->spec.environment.value(QStringLiteral("TZ")), QStringLiteral("UTC"));
    QCOMPARE(app->spec.labels.value(Labels::Stack), QStringLiteral("dev/blog"));
    QCOMPARE(app->spec.labels.value(Labels::Role), QStringLiteral("app"));
    QVERIFY(!app->spec.labels.value(Labels::Session).isEmpty());
    QCOMPARE(db->spec.mounts.size(), 1);
    QCOMPARE(db->spec.mounts.at(0).source, QStringLiteral("/srv/blog/data/db"));
    QCOMPARE(app->publishedPorts.value(80), 8080);

    // The model the dashboard draws.
    m_topology->flush();
    const ContainerInfo *appRow = m_topology->container(QStringLiteral("app@h1"));
    QVERIFY(appRow);
    QCOMPARE(toString(appRow->state), toString(ContainerState::Running));
    QCOMPARE(appRow->endpoints.value(0).port, 8080);
    QCOMPARE(toString(m_topology->container(QStringLiteral("db@h1"))->health),
             toString(ContainerHealth::Healthy));
    const LinkInfo *link = m_topology->link(QStringLiteral("app@h1/mysql"));
    QVERIFY(link);
    QCOMPARE(toString(link->state), toString(LinkState::Bound));
    QCOMPARE(link->providerContainerId, QStringLiteral("db@h1"));
    QCOMPARE(m_topology->volumes().size(), 1);
    QCOMPARE(toString(m_topology->host(QStringLiteral("h1"))->health), toString(HostHealth::Up));

    // ps reads the same back from labels and disco.
    QFuture<Scs::Result<QList<StatusRow>>> status = m_manager->status();
    QTRY_VERIFY_WITH_TIMEOUT(status.isFinished(), 5000);
    const auto rows = status.result();
    QVERIFY_RESULT(rows);
    QCOMPARE(rows->size(), 2);
    QCOMPARE(rows->at(0).role, QStringLiteral("app"));
    QCOMPARE(rows->at(0).requirements.value(0).host, QStringLiteral("10.0.0.1"));
    QCOMPARE(rows->at(0).endpoints.value(0).port, 8080);
}

void tst_ContainerManager::deathDropsProvisionAndRestartReRegisters()
{
    QVERIFY(upStack());
    FakeEngine *h1 = m_engines.value(QStringLiteral("h1"));
    const QString dbId = h1->idByName(QStringLiteral("scs-dev-blog-db"));
    h1->execs.clear();
    h1->kill(dbId);
    // The app's liveupdate runs with empty variables: its provider went away.
    QTRY_VERIFY_WITH_TIMEOUT(
        std::any_of(
            h1->execs.begin(), h1->execs.end(),
            [](const FakeEngine::ExecRecord &e) {
                return e.command == QStringList{QStringLiteral("/scs/bin/liveupdate")}
                       && e.environment.value(QStringLiteral("SCS_REQUIRE_MYSQL_HOST")).isEmpty();
            }),
        3000);
    QCOMPARE(toString(m_topology->container(QStringLiteral("db@h1"))->state),
             toString(ContainerState::Exited));
    QTRY_COMPARE(toString(m_topology->link(QStringLiteral("app@h1/mysql"))->state),
                 toString(LinkState::Unresolved));

    h1->execs.clear();
    h1->restart(dbId);
    QTRY_VERIFY_WITH_TIMEOUT(
        std::any_of(h1->execs.begin(), h1->execs.end(),
                    [](const FakeEngine::ExecRecord &e) {
                        return e.command == QStringList{QStringLiteral("/scs/bin/liveupdate")}
                               && e.environment.value(QStringLiteral("SCS_REQUIRE_MYSQL_HOST"))
                                      == u"10.0.0.1";
                    }),
        3000);
    QTRY_COMPARE(toString(m_topology->container(QStringLiteral("db@h1"))->state),
                 toString(ContainerState::Running));
    QTRY_COMPARE(toString(m_topology->link(QStringLiteral("app@h1/mysql"))->state),
                 toString(LinkState::Bound));
    QCOMPARE(m_topology->link(QStringLiteral("app@h1/mysql"))->liveUpdates.last().exitCode, 0);
}

void tst_ContainerManager::hostDownDropsProvisions()
{
    QVERIFY(upStack());
    // Put app on h2's fake... simpler: take h1 down; app (on h1 too) sees nothing, but the
    // topology shows the host down and both containers failed with the reason.
    FakeEngine *h1 = m_engines.value(QStringLiteral("h1"));
    h1->down = true;
    QTRY_COMPARE_WITH_TIMEOUT(toString(m_topology->host(QStringLiteral("h1"))->health),
                              toString(HostHealth::Down), 3000);
    QTRY_COMPARE(toString(m_topology->container(QStringLiteral("db@h1"))->state),
                 toString(ContainerState::Failed));
    QVERIFY(m_topology->container(QStringLiteral("db@h1"))->error.contains(QStringLiteral("h1")));
}

void tst_ContainerManager::moveStatelessHasNoGap()
{
    QVERIFY(upStack());
    FakeEngine *h1 = m_engines.value(QStringLiteral("h1"));
    FakeEngine *h2 = m_engines.value(QStringLiteral("h2"));
    h2->images.clear(); // the image is carried from h1
    Scs::Result<void> result;
    QVERIFY(run(m_manager->move(QStringLiteral("app"), QStringLiteral("h2")), &result));
    Relocation *relocation = m_manager->lastRelocation();
    QVERIFY(relocation);
    QCOMPARE(relocation->mode(), Relocation::Mode::Live);
    QCOMPARE(relocation->unavailableMs(), 0);
    QVERIFY(h2->calls.contains(QStringLiteral("load")));
    QVERIFY(h2->byName(QStringLiteral("scs-dev-blog-app")));
    QVERIFY(!h1->byName(QStringLiteral("scs-dev-blog-app")));
    // Started on h2 before it was stopped on h1.
    QCOMPARE(m_manager->container(QStringLiteral("app"))->host()->name(), QStringLiteral("h2"));
    QVERIFY(!m_topology->container(QStringLiteral("app@h1")));
    QCOMPARE(toString(m_topology->container(QStringLiteral("app@h2"))->state),
             toString(ContainerState::Running));
    QVERIFY(relocation->phases().size() >= 4);
}

void tst_ContainerManager::moveStatefulCopiesVolumes()
{
    QVERIFY(upStack());
    FakeEngine *h1 = m_engines.value(QStringLiteral("h1"));
    FakeEngine *h2 = m_engines.value(QStringLiteral("h2"));
    h1->execs.clear();
    QVERIFY(run(m_manager->move(QStringLiteral("db"), QStringLiteral("h2"))));
    Relocation *relocation = m_manager->lastRelocation();
    QCOMPARE(relocation->mode(), Relocation::Mode::StopFirst);
    QVERIFY(relocation->unavailableMs() > 0);
    QVERIFY(h1->calls.contains(QStringLiteral("get-archive /scs-copy/data")));
    QVERIFY(h2->calls.contains(QStringLiteral("put-archive /scs-copy")));
    QCOMPARE(h2->received.size(), 1);
    QCOMPARE(h2->received.at(0), QByteArray("fake-tar:/scs-copy/data"));
    // The dependent followed through disco: a liveupdate to h2's address.
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(h1->execs.begin(), h1->execs.end(),
                                         [](const FakeEngine::ExecRecord &e) {
                                             return e.environment.value(
                                                        QStringLiteral("SCS_REQUIRE_MYSQL_HOST"))
                                                    == u"10.0.0.2";
                                         }),
                             3000);
    QTRY_COMPARE(m_topology->link(QStringLiteral("app@h1/mysql"))->providerContainerId,
                 QStringLiteral("db@h2"));
    // No helper container is left behind.
    for (const auto &c : std::as_const(h2->containers))
        QVERIFY(!c.spec.labels.contains(Labels::Helper));
    for (const auto &c : std::as_const(h1->containers))
        QVERIFY(!c.spec.labels.contains(Labels::Helper));
}

void tst_ContainerManager::moveRollsBackWhenCopyFails()
{
    QVERIFY(upStack());
    FakeEngine *h1 = m_engines.value(QStringLiteral("h1"));
    FakeEngine *h2 = m_engines.value(QStringLiteral("h2"));
    h2->failPutArchive = true;
    Scs::Result<void> result;
    QVERIFY(!run(m_manager->move(QStringLiteral("db"), QStringLiteral("h2")), &result));
    QVERIFY(!result);
    const QString message = result.error().message;
    QVERIFY2(message.contains(QStringLiteral("writing the volumes on h2")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("rolled back")), qPrintable(message));
    QVERIFY(m_manager->lastRelocation()->rolledBack());
    // Running on h1 again, registered, the app bound to it; nothing left on h2.
    QVERIFY(h1->byName(QStringLiteral("scs-dev-blog-db")));
    QVERIFY(h1->byName(QStringLiteral("scs-dev-blog-db"))->running);
    QVERIFY(!h2->byName(QStringLiteral("scs-dev-blog-db")));
    QCOMPARE(m_manager->container(QStringLiteral("db"))->host()->name(), QStringLiteral("h1"));
    QTRY_COMPARE(toString(m_topology->link(QStringLiteral("app@h1/mysql"))->state),
                 toString(LinkState::Bound));
    QCOMPARE(toString(m_topology->container(QStringLiteral("db@h1"))->state),
             toString(ContainerState::Running));
    QVERIFY(!m_topology->container(QStringLiteral("db@h2")));
}

void tst_ContainerManager::moveFailsCleanlyWhenTargetRefuses()
{
    QVERIFY(upStack());
    FakeEngine *h2 = m_engines.value(QStringLiteral("h2"));
    h2->failCreate = true; // the container cannot be created on h2
    Scs::Result<void> result;
    auto *workflow = m_manager->move(QStringLiteral("app"), QStringLiteral("h2"));
    QVERIFY(!run(workflow, &result));
    QVERIFY2(result.error().message.contains(QStringLiteral("still runs on h1")),
             qPrintable(result.error().message));
    QCOMPARE(m_manager->container(QStringLiteral("app"))->host()->name(), QStringLiteral("h1"));
    QVERIFY(m_manager->container(QStringLiteral("app"))->isRunning());
    QVERIFY(!m_topology->container(QStringLiteral("app@h2")));
    QVERIFY(h2->containers.isEmpty());
}

void tst_ContainerManager::unknownMethodsAreRejected()
{
    auto stack = makeStack();
    stack.containers[1].volumes[0].method = QStringLiteral("aws-ec2-ebs");
    auto strategies = createStrategies(stack.containers[1]);
    QVERIFY(!strategies);
    QVERIFY(strategies.error().message.contains(QStringLiteral("aws-ec2-ebs")));
    stack = makeStack();
    stack.containers[0].networkMethod = QStringLiteral("overlay");
    QVERIFY(!createStrategies(stack.containers[0]));
}

void tst_ContainerManager::nfsVolumeOptions()
{
    const auto options
        = nfsDriverOptions(QStringLiteral("10.233.0.1"), QStringLiteral("/srv/nfs/db"),
                           QStringLiteral("rw,nfsvers=4"));
    QCOMPARE(options.value(QStringLiteral("type")), QStringLiteral("nfs"));
    QCOMPARE(options.value(QStringLiteral("o")), QStringLiteral("addr=10.233.0.1,rw,nfsvers=4"));
    QCOMPARE(options.value(QStringLiteral("device")), QStringLiteral(":/srv/nfs/db"));
}

void tst_ContainerManager::downStopsDependentsFirst()
{
    QVERIFY(upStack());
    FakeEngine *h1 = m_engines.value(QStringLiteral("h1"));
    h1->calls.clear();
    QVERIFY(run(m_manager->down()));
    const qsizetype appStop = h1->calls.indexOf(QStringLiteral("stop scs-dev-blog-app"));
    const qsizetype dbStop = h1->calls.indexOf(QStringLiteral("stop scs-dev-blog-db"));
    QVERIFY(appStop >= 0 && dbStop > appStop);
    QVERIFY(h1->containers.isEmpty());
    m_topology->flush();
    QVERIFY(m_topology->containers().isEmpty());
    QVERIFY(m_topology->links().isEmpty());
}

QTEST_GUILESS_MAIN(tst_ContainerManager)
#include "tst_containermanager.moc"
