// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
// The container manager against fake engines (tests/mock) and a real in-process disco
// server on loopback: workflow order, SCS_REQUIRE_* wiring, liveupdates, supervision,
// relocation and roll back.
#include "testutil.h"

#include "mock/fakeengine.h"

#include "disco/client.h"
#include "disco/registry.h"
#include "disco/server.h"
#include "runtime/containermanager.h"
#include "runtime/host.h"
#include "runtime/managedcontainer.h"
#include "runtime/relocation.h"
#include "runtime/strategies/strategy.h"
#include "runtime/topology.h"
#include "runtime/workflow.h"

#include "runtime/engine.h"

#include <QHostAddress>
#include <QSignalSpy>
#include <QTemporaryDir>
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
    void earlierRelocationsAreDeleted();
    void moveRollsBackWhenCopyFails();
    void moveFailsCleanlyWhenTargetRefuses();
    void unknownMethodsAreRejected();
    void nfsVolumeOptions();
    void downStopsDependentsFirst();
    void upBuildsWhatNoHostHasOnceOnTheBuildHost();
    void withoutABuilderTheErrorSaysWhatToDo();
    void loopbackHostAdvertisesTheBridgeGateway();
    void documentationHostsAreNeverContacted();
    void tlsFilesReachTheDockerClient();
    void deadHostFailsUpNamingIt();
    void hostVanishingMidMoveRollsBack();
    void badHostsAndRolesAreNamed();
    void takeOverKeepsTheLabelledSession();
    void takeOverOfAnEndedSessionRegistersAnew();

private:
    /** The containers of the fake Docker hosts, by host: what another process finds. */
    using DockerState = QMap<QString, QHash<QString, FakeEngine::Container>>;
    static DockerState dockerState(const QMap<QString, FakeEngine *> &engines);
    /** A manager of another process on the same (fake) Docker hosts and disco server. */
    std::unique_ptr<ContainerManager> otherProcess(Topology *topology, const DockerState &docker,
                                                   double sessionTimeout,
                                                   QMap<QString, FakeEngine *> *engines);
    /** Replaces the manager's stack by \p stack with \p options (fresh fake engines). */
    bool restack(const Manifest::CompiledStack &stack, ContainerManager::Options options = {});
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
    Workflow *moving = m_manager->move(QStringLiteral("db"), QStringLiteral("h2"));
    Relocation *relocation = m_manager->lastRelocation();
    // The share shown with each phase rises with the steps, whatever the phase count.
    QList<int> shares;
    const auto recording = connect(relocation, &Relocation::phaseStarted, this,
                                   [&shares, relocation] { shares << relocation->percent(); });
    QVERIFY(run(moving));
    disconnect(recording);
    QVERIFY2(shares.size() >= 5, qPrintable(QString::number(shares.size())));
    QCOMPARE(shares.first(), 0);
    QVERIFY(std::is_sorted(shares.begin(), shares.end()));
    QVERIFY2(shares.last() >= 75 && shares.last() < 100,
             qPrintable(QString::number(shares.last())));
    QCOMPARE(relocation->mode(), Relocation::Mode::StopFirst);
    QVERIFY(relocation->unavailableMs() > 0);
    QVERIFY(h1->calls.contains(QStringLiteral("get-archive /scs-copy/data")));
    QVERIFY(h2->calls.contains(QStringLiteral("put-archive /scs-copy")));
    QCOMPARE(h2->received.size(), 1);
    QCOMPARE(h2->received.at(0), QByteArray("fake-tar:/scs-copy/data"));
    QCOMPARE(relocation->copiedBytes(), qint64(h2->received.at(0).size()));
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

void tst_ContainerManager::earlierRelocationsAreDeleted()
{
    // One Relocation per move used to stay with the manager for good.
    QVERIFY(upStack());
    QVERIFY(run(m_manager->move(QStringLiteral("app"), QStringLiteral("h2"))));
    QPointer<Relocation> first = m_manager->lastRelocation();
    QVERIFY(first);
    QVERIFY(run(m_manager->move(QStringLiteral("app"), QStringLiteral("h1"))));
    QTRY_VERIFY(!first);
    QVERIFY(m_manager->lastRelocation());
    QCOMPARE(m_manager->lastRelocation()->targetHost(), QStringLiteral("h1"));
    QCOMPARE(m_manager->findChildren<Relocation *>(Qt::FindDirectChildrenOnly).size(), 1);
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

tst_ContainerManager::DockerState
tst_ContainerManager::dockerState(const QMap<QString, FakeEngine *> &engines)
{
    DockerState state;
    for (auto it = engines.begin(); it != engines.end(); ++it)
        state.insert(it.key(), it.value()->containers);
    return state;
}

std::unique_ptr<ContainerManager>
tst_ContainerManager::otherProcess(Topology *topology, const DockerState &docker,
                                   double sessionTimeout, QMap<QString, FakeEngine *> *engines)
{
    auto manager = std::make_unique<ContainerManager>(topology);
    manager->setEngineFactory(
        [docker, engines](const Manifest::CompiledHost &host) -> Scs::Result<Engine *> {
            auto *engine = new FakeEngine(host.name);
            engine->images = {QStringLiteral("scs/mysql:1"), QStringLiteral("scs/wordpress:1")};
            engine->containers = docker.value(host.name);
            engines->insert(host.name, engine);
            return engine;
        });
    ContainerManager::Options options;
    options.discoPort = m_server->serverPort();
    options.healthPollMs = 20;
    options.pingIntervalMs = 50;
    options.sessionTimeout = sessionTimeout;
    const auto set = manager->setStack(makeStack(), options);
    if (!set) {
        qWarning().noquote() << set.error().message;
        return nullptr;
    }
    return manager;
}

void tst_ContainerManager::takeOverKeepsTheLabelledSession()
{
    // Process A: a headless `scs up`, whose sessions outlive it.
    ContainerManager::Options options;
    options.sessionTimeout = 3600;
    QVERIFY(restack(makeStack(), options));
    QVERIFY(upStack());
    const Disco::Registry &registry = m_server->registry();
    const Disco::Key mysql{QStringLiteral("dev"), QStringLiteral("blog"), QStringLiteral("db"),
                           QStringLiteral("mysql")};
    const Disco::Key http{QStringLiteral("dev"), QStringLiteral("blog"), QStringLiteral("app"),
                          QStringLiteral("http")};
    QCOMPARE(registry.endpoints(mysql).size(), 1);
    const QString provisionId = registry.endpoints(mysql).first().id;
    const QString httpId = registry.endpoints(http).value(0).id;
    FakeEngine *h1 = m_engines.value(QStringLiteral("h1"));
    const QString dbSession
        = h1->byName(QStringLiteral("scs-dev-blog-db"))->spec.labels.value(Labels::Session);
    const QString appSession
        = h1->byName(QStringLiteral("scs-dev-blog-app"))->spec.labels.value(Labels::Session);
    QCOMPARE(registry.provision(provisionId)->sessionId, dbSession);

    // A dependent in another stack watches db.
    Disco::Client watcher;
    watcher.setServer(QStringLiteral("127.0.0.1"), m_server->serverPort());
    QList<Disco::RequirementEvent> events;
    watcher.require(Disco::RequirementSpec{mysql, {}}, &watcher,
                    [&events](const Disco::RequirementEvent &event) { events.append(event); });
    watcher.start();
    QTRY_COMPARE(events.size(), 1);
    QCOMPARE(events.first().current.size(), 1);

    const DockerState docker = dockerState(m_engines);
    m_manager.reset(); // A exits: its sessions are detached and live on
    QTRY_VERIFY(!registry.isAttached(dbSession));
    QCOMPARE(registry.endpoints(mysql).size(), 1);

    // Process B takes the stack over, as a dashboard (sessions of its own end with it).
    Topology topologyB;
    QMap<QString, FakeEngine *> enginesB;
    auto b = otherProcess(&topologyB, docker, 0, &enginesB);
    QVERIFY(b);
    QVERIFY(run(b->adopt()));
    QCOMPARE(b->container(QStringLiteral("db"))->sessionId(), dbSession);
    QCOMPARE(b->container(QStringLiteral("app"))->sessionId(), appSession);
    QVERIFY(registry.isAttached(dbSession));
    QVERIFY(registry.isAttached(appSession));
    QCOMPARE(registry.sessionCount(), 3); // db, app, the watcher
    // Taken over, not registered twice: dependents saw nothing change.
    QCOMPARE(registry.endpoints(mysql).size(), 1);
    QCOMPARE(registry.endpoints(mysql).first().id, provisionId);
    QCOMPARE(registry.endpoints(http).size(), 1);
    QCOMPARE(registry.endpoints(http).first().id, httpId);
    QCOMPARE(events.size(), 1);
    QCOMPARE(toString(topologyB.link(QStringLiteral("app@h1/mysql"))->state),
             toString(LinkState::Bound));

    // Live updates go on in the taken-over session: a second db endpoint appears.
    FakeEngine *h1b = enginesB.value(QStringLiteral("h1"));
    h1b->execs.clear();
    const auto extra = watcher.provide(
        Disco::ProvisionSpec{mysql, Disco::Address{QStringLiteral("10.0.0.9"), 3307}, {}});
    QTRY_VERIFY_WITH_TIMEOUT(
        std::any_of(h1b->execs.begin(), h1b->execs.end(),
                    [](const FakeEngine::ExecRecord &e) {
                        return e.command == QStringList{QStringLiteral("/scs/bin/liveupdate")}
                               && e.environment.value(QStringLiteral("SCS_REQUIRE_MYSQL_ENDPOINTS"))
                                      .contains(QStringLiteral("10.0.0.9:3307"));
                    }),
        3000);
    // A's requirement, which no one listens to any more, was acknowledged and dropped.
    QTRY_COMPARE(registry.requirements(appSession).size(), 1);
    QTRY_COMPARE(registry.pendingNotificationCount(), 0);
    (void)watcher.drop(extra);
    QTRY_COMPARE(registry.endpoints(mysql).size(), 1);

    // B exits: the sessions live on by A's timeout, not B's.
    b.reset();
    QTRY_VERIFY(!registry.isAttached(dbSession));
    QVERIFY(registry.hasSession(dbSession));
    QCOMPARE(registry.endpoints(mysql).size(), 1);
    events.clear();

    // Process C: `scs down` ends the sessions the labels name, and with them everything.
    Topology topologyC;
    QMap<QString, FakeEngine *> enginesC;
    auto c = otherProcess(&topologyC, docker, 3600, &enginesC);
    QVERIFY(c);
    QVERIFY(run(c->down()));
    QVERIFY(enginesC.value(QStringLiteral("h1"))->containers.isEmpty());
    QVERIFY(!registry.hasSession(dbSession));
    QVERIFY(!registry.hasSession(appSession));
    QVERIFY(registry.endpoints(mysql).isEmpty());
    QVERIFY(registry.endpoints(http).isEmpty());
    QCOMPARE(registry.sessionCount(), 1); // the watcher's
    QTRY_VERIFY(std::any_of(events.begin(), events.end(), [&](const Disco::RequirementEvent &e) {
        return e.action == Disco::Action::Drop && !e.changed.isEmpty()
               && e.changed.first().id == provisionId && e.current.isEmpty();
    }));
}

void tst_ContainerManager::takeOverOfAnEndedSessionRegistersAnew()
{
    ContainerManager::Options options;
    options.sessionTimeout = 0.2;
    QVERIFY(restack(makeStack(), options));
    QVERIFY(upStack());
    const Disco::Registry &registry = m_server->registry();
    const Disco::Key mysql{QStringLiteral("dev"), QStringLiteral("blog"), QStringLiteral("db"),
                           QStringLiteral("mysql")};
    const QString dbSession = m_engines.value(QStringLiteral("h1"))
                                  ->byName(QStringLiteral("scs-dev-blog-db"))
                                  ->spec.labels.value(Labels::Session);
    const DockerState docker = dockerState(m_engines);
    m_manager.reset();
    // Its timeout ran out: the provisions went with it.
    QTRY_VERIFY(!registry.hasSession(dbSession));
    QCOMPARE(registry.sessionCount(), 0);
    QVERIFY(registry.endpoints(mysql).isEmpty());

    Topology topologyB;
    QMap<QString, FakeEngine *> enginesB;
    auto b = otherProcess(&topologyB, docker, 3600, &enginesB);
    QVERIFY(b);
    QVERIFY(run(b->adopt()));
    const QString newSession = b->container(QStringLiteral("db"))->sessionId();
    QVERIFY(!newSession.isEmpty());
    QVERIFY(newSession != dbSession);
    QCOMPARE(registry.endpoints(mysql).size(), 1);
    QCOMPARE(registry.provision(registry.endpoints(mysql).first().id)->sessionId, newSession);
    QCOMPARE(registry.requirements(b->container(QStringLiteral("app"))->sessionId()).size(), 1);
    QCOMPARE(toString(topologyB.link(QStringLiteral("app@h1/mysql"))->state),
             toString(LinkState::Bound));
    // The label still names the ended session (see ManagedContainer::adopt): only this
    // process can end the new one; its own down does.
    QVERIFY(run(b->down()));
    QVERIFY(registry.endpoints(mysql).isEmpty());
    QCOMPARE(registry.sessionCount(), 0);
}

bool tst_ContainerManager::restack(const Manifest::CompiledStack &stack,
                                   ContainerManager::Options options)
{
    m_manager = std::make_unique<ContainerManager>(m_topology.get());
    m_engines.clear();
    m_manager->setEngineFactory(
        [this](const Manifest::CompiledHost &host) -> Scs::Result<Engine *> {
            auto *engine = new FakeEngine(host.name);
            engine->images = {QStringLiteral("scs/mysql:1"), QStringLiteral("scs/wordpress:1")};
            m_engines.insert(host.name, engine);
            return engine;
        });
    options.discoPort = m_server->serverPort();
    options.healthPollMs = 20;
    options.pingIntervalMs = 50;
    const auto set = m_manager->setStack(stack, options);
    if (!set)
        qWarning().noquote() << set.error().message;
    return bool(set);
}

void tst_ContainerManager::upBuildsWhatNoHostHasOnceOnTheBuildHost()
{
    ContainerManager::Options options;
    options.buildHost = QStringLiteral("h2");
    QVERIFY(restack(makeStack(), options));
    for (FakeEngine *engine : std::as_const(m_engines))
        engine->images.removeAll(QStringLiteral("scs/mysql:1"));
    QStringList builds;
    m_manager->setImageBuilder(
        [&builds](const Manifest::CompiledImage &image, Engine *engine, QObject *, StepDone done) {
            builds.append(image.tag + QStringLiteral(" on ") + engine->hostName());
            static_cast<FakeEngine *>(engine)->images.append(image.tag);
            done({});
        });
    QStringList messages;
    connect(m_manager.get(), &ContainerManager::progressMessage, this,
            [&messages](const QString &m) { messages.append(m); });
    QVERIFY(upStack());
    // Built once, on the build host, then carried to h1 where db runs.
    QCOMPARE(builds, QStringList{QStringLiteral("scs/mysql:1 on h2")});
    QVERIFY(m_engines.value(QStringLiteral("h1"))->images.contains(QStringLiteral("scs/mysql:1")));
    QVERIFY(messages.contains(QStringLiteral("carrying image scs/mysql:1 from h2 to h1")));
    // A second up builds nothing.
    QVERIFY(run(m_manager->down()));
    QVERIFY(upStack());
    QCOMPARE(builds.size(), 1);
}

void tst_ContainerManager::withoutABuilderTheErrorSaysWhatToDo()
{
    // The default builder needs a real Docker client; a fake engine has none.
    QVERIFY(restack(makeStack()));
    for (FakeEngine *engine : std::as_const(m_engines))
        engine->images.removeAll(QStringLiteral("scs/wordpress:1"));
    Scs::Result<void> result;
    QVERIFY(!run(m_manager->up(), &result));
    const QString message = result.error().message;
    QVERIFY2(message.contains(QStringLiteral("scs/wordpress:1"))
                 && message.contains(QStringLiteral("h1"))
                 && message.contains(QStringLiteral("scs build")),
             qPrintable(message));
}

void tst_ContainerManager::loopbackHostAdvertisesTheBridgeGateway()
{
    // A local development host (address 127.0.0.1): containers reach each other's published
    // ports through the bridge gateway, which this machine reaches too.
    auto stack = makeStack();
    stack.hosts[0].address = QStringLiteral("127.0.0.1");
    for (auto &c : stack.containers)
        c.host = stack.hosts[0];
    QVERIFY(restack(stack));
    QVERIFY(upStack());
    FakeEngine *h1 = m_engines.value(QStringLiteral("h1"));
    const auto *app = h1->byName(QStringLiteral("scs-dev-blog-app"));
    QVERIFY(app);
    QCOMPARE(app->spec.environment.value(QStringLiteral("SCS_REQUIRE_MYSQL_HOST")),
             QStringLiteral("172.17.0.1"));
    m_topology->flush();
    QCOMPARE(m_topology->container(QStringLiteral("db@h1"))->endpoints.value(0).host,
             QStringLiteral("172.17.0.1"));
    QCOMPARE(m_topology->link(QStringLiteral("app@h1/mysql"))->boundTo.host,
             QStringLiteral("172.17.0.1"));
    auto status = m_manager->status();
    QTRY_VERIFY_WITH_TIMEOUT(status.isFinished(), 5000);
    QVERIFY_RESULT(status.result());
    QCOMPARE(status.result()->at(1).endpoints.value(0).host, QStringLiteral("172.17.0.1"));
    // A host with a real address advertises it as written.
    QVERIFY(restack(makeStack()));
    QVERIFY(upStack());
    QCOMPARE(m_engines.value(QStringLiteral("h1"))
                 ->byName(QStringLiteral("scs-dev-blog-app"))
                 ->spec.environment.value(QStringLiteral("SCS_REQUIRE_MYSQL_HOST")),
             QStringLiteral("10.0.0.1"));
}

void tst_ContainerManager::documentationHostsAreNeverContacted()
{
    auto stack = makeStack();
    stack.hosts[1].docker = QStringLiteral("tcp://db-1.prod.example:2376");
    stack.hosts[1].address = QStringLiteral("192.0.2.21");
    stack.hosts[1].tls = {QStringLiteral("tls/ca.pem"), QStringLiteral("tls/cert.pem"),
                          QStringLiteral("tls/key.pem")};
    stack.containers[0].host = stack.hosts[1]; // db on the documentation host
    QVERIFY(restack(stack));
    QTest::qWait(200);
    FakeEngine *h2 = m_engines.value(QStringLiteral("h2"));
    QVERIFY2(h2->calls.isEmpty(), qPrintable(h2->calls.join(u',')));
    const HostInfo *info = m_topology->host(QStringLiteral("h2"));
    QCOMPARE(toString(info->health), toString(HostHealth::Unknown));
    QVERIFY2(info->error.contains(QStringLiteral("not contacted")), qPrintable(info->error));
    Scs::Result<void> result;
    QVERIFY(!run(m_manager->up(), &result));
    QVERIFY2(result.error().message.contains(QStringLiteral("host h2 (tcp://db-1.prod.example"))
                 && result.error().message.contains(QStringLiteral("never contacts")),
             qPrintable(result.error().message));
    QVERIFY(h2->calls.isEmpty());
    // The default engine factory accepts it without reading its (absent) TLS files.
    ContainerManager manager(m_topology.get());
    QVERIFY_RESULT(manager.setStack(stack, {}));
}

void tst_ContainerManager::tlsFilesReachTheDockerClient()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const char *name : {"ca.pem", "cert.pem", "key.pem"}) {
        QFile file(dir.filePath(QString::fromLatin1(name)));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("-----BEGIN CERTIFICATE-----\n");
    }
    Manifest::CompiledHost host{QStringLiteral("web-1"),
                                QStringLiteral("tcp://10.233.0.11:2376"),
                                {dir.filePath(QStringLiteral("ca.pem")),
                                 dir.filePath(QStringLiteral("cert.pem")),
                                 dir.filePath(QStringLiteral("key.pem"))},
                                QStringLiteral("10.233.0.11"),
                                {}};
    auto config = DockerEngine::hostConfig(host);
    QVERIFY_RESULT(config);
    QCOMPARE(config->name, QStringLiteral("web-1"));
    QCOMPARE(int(config->endpoint.kind), int(Docker::Endpoint::Kind::Tcp));
    QCOMPARE(config->endpoint.host, QStringLiteral("10.233.0.11"));
    QCOMPARE(config->endpoint.port, 2376);
    QCOMPARE(config->endpoint.tls.caFile, host.tls.ca);
    QCOMPARE(config->endpoint.tls.certFile, host.tls.cert);
    QCOMPARE(config->endpoint.tls.keyFile, host.tls.key);
    QVERIFY(config->endpoint.tls.verifyPeer);
    QVERIFY(config->endpoint.tls.isEnabled());

    // Without TLS: a plain endpoint.
    Manifest::CompiledHost plain = host;
    plain.tls = {};
    auto plainConfig = DockerEngine::hostConfig(plain);
    QVERIFY_RESULT(plainConfig);
    QVERIFY(!plainConfig->endpoint.tls.isEnabled());

    // A missing file, TLS on a unix socket, a bad address: errors that name the host.
    Manifest::CompiledHost missing = host;
    missing.tls.key = dir.filePath(QStringLiteral("absent-key.pem"));
    auto noKey = DockerEngine::hostConfig(missing);
    QVERIFY(!noKey);
    QVERIFY2(noKey.error().message.contains(QStringLiteral("host web-1"))
                 && noKey.error().message.contains(QStringLiteral("absent-key.pem")),
             qPrintable(noKey.error().message));
    Manifest::CompiledHost unixTls = host;
    unixTls.docker = QStringLiteral("unix:///run/docker.sock");
    auto onUnix = DockerEngine::hostConfig(unixTls);
    QVERIFY(!onUnix);
    QVERIFY2(onUnix.error().message.contains(QStringLiteral("tcp://")),
             qPrintable(onUnix.error().message));
    Manifest::CompiledHost bad = plain;
    bad.docker = QStringLiteral("ftp://nowhere");
    auto badAddress = DockerEngine::hostConfig(bad);
    QVERIFY(!badAddress);
    QVERIFY2(badAddress.error().message.contains(QStringLiteral("host web-1")),
             qPrintable(badAddress.error().message));
    // The manager refuses such a hosts file at once, naming the host.
    auto stack = makeStack();
    stack.hosts[1] = missing;
    stack.hosts[1].name = QStringLiteral("h2");
    ContainerManager manager(m_topology.get());
    auto set = manager.setStack(stack, {});
    QVERIFY(!set);
    QVERIFY2(set.error().message.contains(QStringLiteral("host h2")),
             qPrintable(set.error().message));
}

void tst_ContainerManager::deadHostFailsUpNamingIt()
{
    m_engines.value(QStringLiteral("h1"))->down = true;
    Scs::Result<void> result;
    QVERIFY(!run(m_manager->up(), &result));
    const QString message = result.error().message;
    QVERIFY2(message.contains(QStringLiteral("host h1 (unix:///fake/h1)")), qPrintable(message));
    QVERIFY(m_engines.value(QStringLiteral("h1"))->containers.isEmpty());
}

void tst_ContainerManager::hostVanishingMidMoveRollsBack()
{
    QVERIFY(upStack());
    FakeEngine *h1 = m_engines.value(QStringLiteral("h1"));
    FakeEngine *h2 = m_engines.value(QStringLiteral("h2"));
    Workflow *move = m_manager->move(QStringLiteral("db"), QStringLiteral("h2"));
    connect(m_manager->lastRelocation(), &Relocation::phaseStarted, this,
            [h2](const QString &phase) {
                if (phase.startsWith(QStringLiteral("copy volumes")))
                    h2->down = true; // the target host goes away mid-copy
            });
    Scs::Result<void> result;
    QVERIFY(!run(move, &result));
    const QString message = result.error().message;
    QVERIFY2(message.contains(QStringLiteral("moving db from h1 to h2 failed"))
                 && message.contains(QStringLiteral("h2"))
                 && message.contains(QStringLiteral("rolled back")),
             qPrintable(message));
    QVERIFY(m_manager->lastRelocation()->rolledBack());
    QCOMPARE(m_manager->container(QStringLiteral("db"))->host()->name(), QStringLiteral("h1"));
    QVERIFY(h1->byName(QStringLiteral("scs-dev-blog-db"))->running);
    QTRY_COMPARE(toString(m_topology->link(QStringLiteral("app@h1/mysql"))->state),
                 toString(LinkState::Bound));
}

void tst_ContainerManager::badHostsAndRolesAreNamed()
{
    QVERIFY(upStack());
    // A move to a host the hosts file does not have, of a role the stack does not have.
    Scs::Result<void> result;
    QVERIFY(!run(m_manager->move(QStringLiteral("db"), QStringLiteral("h9")), &result));
    QVERIFY2(result.error().message.contains(QStringLiteral("no host 'h9'")),
             qPrintable(result.error().message));
    QVERIFY(!run(m_manager->move(QStringLiteral("cache"), QStringLiteral("h2")), &result));
    QVERIFY2(result.error().message.contains(QStringLiteral("cache")),
             qPrintable(result.error().message));
    // A placement on an undefined host, a build host that is not a host.
    auto stack = makeStack();
    stack.containers[0].host.name = QStringLiteral("db-9");
    ContainerManager manager(m_topology.get());
    manager.setEngineFactory([](const Manifest::CompiledHost &host) -> Scs::Result<Engine *> {
        return new FakeEngine(host.name);
    });
    auto set = manager.setStack(stack, {});
    QVERIFY(!set);
    QVERIFY2(set.error().message.contains(QStringLiteral("'db-9'")),
             qPrintable(set.error().message));
    ContainerManager::Options options;
    options.buildHost = QStringLiteral("builder");
    set = manager.setStack(makeStack(), options);
    QVERIFY(!set);
    QVERIFY2(set.error().message.contains(QStringLiteral("'builder'")),
             qPrintable(set.error().message));
}

QTEST_GUILESS_MAIN(tst_ContainerManager)
#include "tst_containermanager.moc"
