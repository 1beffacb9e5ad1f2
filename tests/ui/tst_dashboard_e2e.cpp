// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
// Acceptance test of the dashboard: the real MainWindow over the real CoreStackController
// on three Docker hosts in network namespaces (tests/runtime/dockhosts.sh, the ctest fixture
// `dockhosts`). It opens the example stack, presses Start, sees the items appear, drags
// WordPress onto another host through the plan dialog with real mouse events, and checks
// through the core and Docker that it runs there and answers HTTP. It also kills a
// container behind the dashboard's back and expects the graph to follow within a second.
//
// Hosts: $SCS_DOCKHOST_NAMES ("name:idx ...", default "scs-h1:11 scs-h2:12 scs-h3:13") on
// $SCS_DOCKHOST_PREFIX.idx (default 10.233.0); images are built on $SCS_TEST_DOCKER_HOST and
// carried to the hosts by the container manager.
#include "e2eutil.h"
#include "fileutil.h"
#include "graphtestutil.h"
#include "testutil.h"

#include "corestackcontroller.h"
#include "dialogs/moveplandialog.h"
#include "disco/server.h"
#include "discoveryfeed.h"
#include "docker/engineclient.h"
#include "graph/containeritem.h"
#include "graph/hostitem.h"
#include "graph/topologyscene.h"
#include "graph/topologyview.h"
#include "mainwindow.h"
#include "models/discoverytimelinemodel.h"
#include "runtime/containermanager.h"
#include "runtime/host.h"
#include "runtime/managedcontainer.h"
#include "runtime/topology.h"
#include "widgets/progresspanel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QToolButton>

#include <memory>
#include <optional>

using namespace Ui;

using TestUtil::DockHost;
using TestUtil::dockHosts;

class tst_DashboardE2e final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void startShowsTheStackRunning();
    void logsExecAndTheScreenshot();
    void dragMovesWordPressToAnotherHost();
    void graphFollowsAContainerKilledOutsideTheApp();

private:
    Scs::Error waitForOperation(const QString &what, int timeoutMs);
    int httpStatus(const QString &url, QByteArray *body);
    [[nodiscard]] QString dockerIdOf(const QString &role) const;
    [[nodiscard]] QToolButton *toolButton(const QString &actionName) const;

    QList<DockHost> m_hosts;
    QString m_stackDir;
    Disco::Server m_disco;
    std::unique_ptr<CoreStackController> m_controller;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<DiscoveryFeed> m_feed;
    std::unique_ptr<QSignalSpy> m_finished;
    QList<QAbstractItemModelTester *> m_testers;
};

void tst_DashboardE2e::initTestCase()
{
    SCS_REQUIRE_DOCKER();
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("scs-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_dashboard_e2e"));
    QSettings().clear();

    m_hosts = dockHosts();
    QVERIFY2(m_hosts.size() >= 3, "SCS_DOCKHOST_NAMES must name three hosts");
    for (const DockHost &host : std::as_const(m_hosts))
        QVERIFY2(QFile::exists(host.socket.mid(7)),
                 qPrintable(QStringLiteral("%1 does not exist: the dockhosts fixture "
                                           "(tests/runtime/dockhosts.sh setup) did not run")
                                .arg(host.socket)));

    // The example stack, under the folder each host sees privately: host-local volumes
    // really are per host, as on separate machines.
    const QString privateDir
        = qEnvironmentVariable("SCS_DOCKHOST_PRIVATE", QStringLiteral("/var/tmp/scs-e2e/private"));
    m_stackDir = privateDir + QStringLiteral("/dashboard-stack");
    QDir(m_stackDir).removeRecursively();
    QVERIFY(TestUtil::copyTree(
        qEnvironmentVariable("SCS_SOURCE_DIR") + QStringLiteral("/manifests"), m_stackDir));
    QDir(m_stackDir + QStringLiteral("/data")).removeRecursively();

    QVERIFY_RESULT(m_disco.start(QHostAddress::LocalHost, 0));
    const QString hostsText
        = QStringLiteral("environment: dash\n"
                         "disco: { address: 127.0.0.1:%1 }\n"
                         "hosts:\n"
                         "  web-1: { docker: %2, address: %3, attributes: { zone: zone-a } }\n"
                         "  db-1: { docker: %4, address: %5, attributes: { zone: zone-a } }\n"
                         "  db-2: { docker: %6, address: %7, attributes: { zone: zone-b } }\n"
                         "placement: { wordpress: web-1, mysqlmaster: db-1, mysqlslave: db-2 }\n")
              .arg(m_disco.serverPort())
              .arg(m_hosts[0].socket, m_hosts[0].address, m_hosts[1].socket, m_hosts[1].address,
                   m_hosts[2].socket, m_hosts[2].address);
    QFile hostsFile(m_stackDir + QStringLiteral("/hosts.dashboard.yaml"));
    QVERIFY(hostsFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
    hostsFile.write(hostsText.toUtf8());
    hostsFile.close();

    m_controller = std::make_unique<CoreStackController>();
    m_controller->setDiscoServer(&m_disco);
    m_controller->setBuildEngine(TestUtil::dockerHost());
    m_finished
        = std::make_unique<QSignalSpy>(m_controller.get(), &StackController::operationFinished);
    m_window = std::make_unique<MainWindow>();
    m_window->setController(m_controller.get());
    m_window->setDiscoAddress(QStringLiteral("127.0.0.1:%1").arg(m_disco.serverPort()));
    m_feed = std::make_unique<DiscoveryFeed>(&m_disco, m_window->timelineModel());
    auto *table = m_window->findChild<QTableView *>(QStringLiteral("containersTableView"));
    QVERIFY(table);
    m_testers.append(new QAbstractItemModelTester(
        table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, this));
    m_testers.append(new QAbstractItemModelTester(
        m_window->timelineModel(), QAbstractItemModelTester::FailureReportingMode::QtTest, this));
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    QSignalSpy loaded(m_controller.get(), &StackController::stackLoaded);
    m_window->setStack(m_stackDir + QStringLiteral("/stack.yaml"), hostsFile.fileName());
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 30000);
    QVERIFY2(m_controller->readOnlyReason().isEmpty(), qPrintable(m_controller->readOnlyReason()));
    // Opening looks for a stack that already runs (none: the hosts are clean or were downed).
    const Scs::Error adopted
        = waitForOperation(QStringLiteral("Look for running containers"), 60000);
    QVERIFY2(adopted.message.isEmpty(), qPrintable(adopted.message));
}

void tst_DashboardE2e::cleanupTestCase()
{
    if (m_controller && m_controller->manager()) {
        m_controller->stop(QString());
        const Scs::Error stopped = waitForOperation(QStringLiteral("Stop"), 180000);
        if (!stopped.message.isEmpty())
            qWarning().noquote() << "stopping the stack:" << stopped.message;
    }
    m_feed.reset();
    m_window.reset();
    m_controller.reset();
}

Scs::Error tst_DashboardE2e::waitForOperation(const QString &what, int timeoutMs)
{
    std::optional<Scs::Error> result;
    const bool ended = QTest::qWaitFor(
        [&] {
            for (const QList<QVariant> &call : std::as_const(*m_finished))
                if (call.at(0).toString() == what)
                    result = call.at(1).value<Scs::Error>();
            return result.has_value();
        },
        timeoutMs);
    if (!ended)
        return Scs::Error{
            Scs::Error::Kind::Timeout,
            QStringLiteral("%1 did not end within %2 s").arg(what).arg(timeoutMs / 1000)};
    m_finished->clear();
    return *result;
}

int tst_DashboardE2e::httpStatus(const QString &url, QByteArray *body)
{
    return TestUtil::httpStatus(url, body);
}

QString tst_DashboardE2e::dockerIdOf(const QString &role) const
{
    const Runtime::ManagedContainer *container = m_controller->manager()->container(role);
    return container ? container->dockerId() : QString();
}

QToolButton *tst_DashboardE2e::toolButton(const QString &actionName) const
{
    auto *action = m_window->findChild<QAction *>(actionName);
    if (!action || !action->isEnabled())
        return nullptr;
    for (QToolButton *candidate : m_window->findChildren<QToolButton *>())
        if (candidate->defaultAction() == action)
            return candidate;
    return nullptr;
}

void tst_DashboardE2e::startShowsTheStackRunning()
{
    Graph::TopologyScene *scene = m_window->scene();
    QTRY_COMPARE(scene->hostCount(), 3);
    // Before Start: the roles are planned where the hosts file places them.
    QTRY_VERIFY(scene->containerItem(QStringLiteral("wordpress@web-1")));
    QCOMPARE(int(scene->containerItem(QStringLiteral("wordpress@web-1"))->info().state),
             int(Runtime::ContainerState::Planned));
    QTRY_COMPARE_WITH_TIMEOUT(int(m_controller->topology()->host(QStringLiteral("db-2"))->health),
                              int(Runtime::HostHealth::Up), 10000);

    // Build, with the mouse on the toolbar button: every image is built on the main engine
    // (or found up to date there), with a progress row per image.
    QSignalSpy built(m_controller.get(), &StackController::buildFinished);
    QToolButton *buildButton = toolButton(QStringLiteral("buildAction"));
    QVERIFY(buildButton);
    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(buildButton, Qt::LeftButton, Qt::NoModifier, QPoint(12, 10));
    const Scs::Error build = waitForOperation(QStringLiteral("Build"), 900000);
    QVERIFY2(build.message.isEmpty(), qPrintable(build.message));
    qInfo() << "Build took" << clock.elapsed() << "ms";
    QSet<QString> tags;
    for (const auto &container : m_controller->stack()->containers)
        tags.insert(container.image.tag);
    QCOMPARE(built.size(), tags.size());
    for (const QList<QVariant> &call : std::as_const(built)) {
        QVERIFY(tags.contains(call.at(0).toString()));
        QVERIFY(call.at(1).value<Scs::Error>().message.isEmpty());
        QCOMPARE(m_window->progressPanel()->progress(
                     Widgets::ProgressPanel::buildKey(call.at(0).toString())),
                 100);
    }

    // Start, with the mouse on the toolbar button.
    QToolButton *startButton = toolButton(QStringLiteral("startAction"));
    QVERIFY(startButton);
    clock.restart();
    QTest::mouseClick(startButton, Qt::LeftButton, Qt::NoModifier, QPoint(12, 10));
    // The first run builds the images on the main engine and carries them to the hosts.
    const Scs::Error started = waitForOperation(QStringLiteral("Start"), 600000);
    QVERIFY2(started.message.isEmpty(), qPrintable(started.message));
    qInfo() << "Start took" << clock.elapsed() << "ms";

    // The items appear running, on their hosts, with their volumes and links.
    for (const QString &id : {QStringLiteral("wordpress@web-1"), QStringLiteral("mysqlmaster@db-1"),
                              QStringLiteral("mysqlslave@db-2")}) {
        QTRY_VERIFY2(scene->containerItem(id), qPrintable(id));
        QTRY_COMPARE_WITH_TIMEOUT(int(scene->containerItem(id)->info().state),
                                  int(Runtime::ContainerState::Running), 5000);
        QCOMPARE(scene->containerItem(id)->hostItem()->name(), id.section(u'@', 1));
    }
    QCOMPARE(scene->containerCount(), 3);
    QVERIFY(scene->volumeCount() >= 3);
    QTRY_COMPARE(scene->linkCount(), 2);
    const Runtime::LinkInfo *link
        = m_controller->topology()->link(QStringLiteral("wordpress@web-1/mysql"));
    QVERIFY(link);
    QCOMPARE(int(link->state), int(Runtime::LinkState::Bound));
    QCOMPARE(link->boundTo.host, m_hosts[1].address);
    // The discovery timeline shows how WordPress found MySQL: the master provided first, so
    // the requirement's answer carried its endpoint (nothing to acknowledge); had it come
    // later, a notification would have, acknowledged with a latency.
    const QString endpoint
        = QStringLiteral("%1:%2").arg(link->boundTo.host).arg(link->boundTo.port);
    Models::DiscoveryTimelineModel *timeline = m_window->timelineModel();
    bool found = false;
    for (int row = 0; row < timeline->rowCount() && !found; ++row) {
        const Models::DiscoveryEvent &event = timeline->event(row);
        if (event.subscriber != u"wordpress@web-1" || event.key != u"dash/blog/mysqlmaster/mysql"
            || !event.endpoint.contains(endpoint))
            continue;
        const QString latency
            = timeline->data(timeline->index(row, Models::DiscoveryTimelineModel::LatencyColumn))
                  .toString();
        found = (event.kind == Models::DiscoveryEvent::Kind::Require
                 || event.kind == Models::DiscoveryEvent::Kind::Ack)
                && !latency.isEmpty();
    }
    QVERIFY2(found, qPrintable(endpoint));
    auto *counts = m_window->findChild<QLabel *>(QStringLiteral("countsLabel"));
    QTRY_COMPARE(counts->text(), QStringLiteral("3/3 hosts up, 3/3 containers running"));

    QByteArray body;
    QCOMPARE(
        httpStatus(QStringLiteral("http://%1:8080/wp-admin/install.php").arg(m_hosts[0].address),
                   &body),
        200);
    QVERIFY(!body.contains("Error establishing a database connection"));
}

void tst_DashboardE2e::logsExecAndTheScreenshot()
{
    // The README's picture: the running stack on three hosts.
    const QString screenshot = qEnvironmentVariable("SCS_DASHBOARD_SCREENSHOT");
    if (!screenshot.isEmpty()) {
        m_window->resize(1600, 1000);
        m_window->scene()->containerItem(QStringLiteral("wordpress@web-1"))->setSelected(true);
        m_window->findChild<QDockWidget *>(QStringLiteral("timelineDockWidget"))->raise();
        QTest::qWait(300);
        m_window->view()->fitAll();
        QTest::qWait(500);
        QVERIFY(m_window->grab().save(screenshot));
        qInfo().noquote() << "wrote" << screenshot;
    }

    // Logs: the MySQL master's output reaches the logs dock, with Docker's timestamps.
    QSignalSpy lines(m_controller.get(), &StackController::logLine);
    m_controller->followLogs(QStringLiteral("mysqlmaster@db-1"), true);
    QTRY_VERIFY_WITH_TIMEOUT(!lines.isEmpty(), 10000);
    const LogLine first = lines.first().first().value<LogLine>();
    QCOMPARE(first.containerId, QStringLiteral("mysqlmaster@db-1"));
    QVERIFY(first.time.isValid());
    QVERIFY(first.time.secsTo(QDateTime::currentDateTimeUtc()) < 3600);
    m_controller->followLogs(QStringLiteral("mysqlmaster@db-1"), false);

    // Exec: output and exit code come back.
    QSignalSpy execs(m_controller.get(), &StackController::execFinished);
    m_controller->exec(QStringLiteral("mysqlmaster@db-1"),
                       {QStringLiteral("sh"), QStringLiteral("-c"),
                        QStringLiteral("echo from-$(hostname -s >/dev/null; echo exec); exit 3")});
    QTRY_COMPARE_WITH_TIMEOUT(execs.size(), 1, 15000);
    QCOMPARE(execs.first().at(0).toString(), QStringLiteral("mysqlmaster@db-1"));
    QCOMPARE(execs.first().at(1).toInt(), 3);
    QVERIFY(execs.first().at(2).toString().contains(QStringLiteral("from-exec")));
    // Exec in a planned (not running) container: a clear error, no crash.
    m_controller->exec(QStringLiteral("nothing@web-1"), {QStringLiteral("true")});
    const Scs::Error missing = waitForOperation(QStringLiteral("Exec in nothing@web-1"), 1000);
    QVERIFY(missing.message.contains(QStringLiteral("not part of the stack")));
}

void tst_DashboardE2e::dragMovesWordPressToAnotherHost()
{
    Graph::TopologyScene *scene = m_window->scene();
    Graph::ContainerItem *item = scene->containerItem(QStringLiteral("wordpress@web-1"));
    QVERIFY(item);
    m_window->view()->fitAll();
    QTest::qWait(50);
    const QPointF from = item->mapToScene(QPointF(60, 12));
    const QPointF to = scene->hostItem(QStringLiteral("db-2"))->sceneBoundingRect().center();
    GraphTestUtil::drag(m_window->view(), from, to);

    Dialogs::MovePlanDialog *dialog = nullptr;
    QVERIFY(QTest::qWaitFor(
        [&] {
            dialog = m_window->findChild<Dialogs::MovePlanDialog *>();
            return dialog && dialog->isVisible();
        },
        5000));
    const MovePlan plan = dialog->plan();
    QCOMPARE(plan.role, QStringLiteral("wordpress"));
    QCOMPARE(plan.sourceHost, QStringLiteral("web-1"));
    QCOMPARE(plan.targetHost, QStringLiteral("db-2"));
    QVERIFY(!plan.stopFirst); // WordPress moves live: nobody requires its endpoint by name
    QCOMPARE(plan.expectedDowntimeMs, 0);
    QVERIFY(plan.healthGate);
    qInfo().noquote() << "plan:" << dialog->steps().join(QStringLiteral(" | "));

    QSignalSpy finished(m_controller.get(), &StackController::moveFinished);
    auto *move = dialog->findChild<QPushButton *>(QStringLiteral("movePushButton"));
    QVERIFY(move);
    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(move, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 300000);
    const MoveResult result = finished.first().first().value<MoveResult>();
    QVERIFY2(result.succeeded, qPrintable(result.error));
    qInfo() << "move took" << clock.elapsed() << "ms, unavailable" << result.unavailabilityMs
            << "ms";
    QCOMPARE(result.newContainerId, QStringLiteral("wordpress@db-2"));

    // Through the core: the manager runs WordPress on db-2 ...
    const Runtime::ManagedContainer *wordpress
        = m_controller->manager()->container(QStringLiteral("wordpress"));
    QVERIFY(wordpress && wordpress->isRunning());
    QCOMPARE(wordpress->host()->name(), QStringLiteral("db-2"));
    // ... and Docker on that host agrees, independently of the dashboard's objects.
    auto config = Docker::HostConfig::fromAddress(QStringLiteral("check"), m_hosts[2].socket);
    QVERIFY_RESULT(config);
    Docker::EngineClient engine(*config);
    Docker::ContainerFilter filter;
    filter.labels.insert(Runtime::Labels::Role, QStringLiteral("wordpress"));
    auto listed = engine.listContainers(filter);
    QTRY_VERIFY(listed.isFinished());
    QVERIFY_RESULT(listed.result());
    QCOMPARE(listed.result()->size(), 1);
    QCOMPARE(listed.result()->first().id, wordpress->dockerId());

    // The graph shows it in its new host, and WordPress answers there.
    QTRY_VERIFY(scene->containerItem(QStringLiteral("wordpress@db-2")));
    QTRY_VERIFY(!scene->containerItem(QStringLiteral("wordpress@web-1")));
    QCOMPARE(scene->containerItem(QStringLiteral("wordpress@db-2"))->hostItem()->name(),
             QStringLiteral("db-2"));
    QByteArray body;
    QCOMPARE(
        httpStatus(QStringLiteral("http://%1:8080/wp-admin/install.php").arg(m_hosts[2].address),
                   &body),
        200);
    QVERIFY(!body.contains("Error establishing a database connection"));
}

void tst_DashboardE2e::graphFollowsAContainerKilledOutsideTheApp()
{
    // SIGKILL through the Engine API of the replica's host, as `docker kill` does.
    const QString id = dockerIdOf(QStringLiteral("mysqlslave"));
    QVERIFY(!id.isEmpty());
    auto config = Docker::HostConfig::fromAddress(QStringLiteral("check"), m_hosts[2].socket);
    QVERIFY_RESULT(config);
    Docker::EngineClient engine(*config);
    Graph::ContainerItem *item
        = m_window->scene()->containerItem(QStringLiteral("mysqlslave@db-2"));
    QVERIFY(item);
    QCOMPARE(int(item->info().state), int(Runtime::ContainerState::Running));
    QElapsedTimer clock;
    clock.start();
    auto killed = engine.killContainer(id);
    QVERIFY(QTest::qWaitFor(
        [&] {
            Graph::ContainerItem *now
                = m_window->scene()->containerItem(QStringLiteral("mysqlslave@db-2"));
            return now && now->info().state != Runtime::ContainerState::Running;
        },
        3000));
    const qint64 followed = clock.elapsed();
    QTRY_VERIFY(killed.isFinished());
    QVERIFY_RESULT(killed.result());
    qInfo() << "the graph showed the kill" << followed << "ms after it was asked for";
    QVERIFY2(followed < 1000, qPrintable(QString::number(followed)));

    // Restart (details panel action): Docker restarts WordPress on its new host; it is
    // registered again and answers.
    m_controller->restart(QStringLiteral("wordpress@db-2"));
    const Scs::Error restarted = waitForOperation(QStringLiteral("Restart wordpress@db-2"), 60000);
    QVERIFY2(restarted.message.isEmpty(), qPrintable(restarted.message));
    QTRY_COMPARE_WITH_TIMEOUT(
        int(m_window->scene()->containerItem(QStringLiteral("wordpress@db-2"))->info().state),
        int(Runtime::ContainerState::Running), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(
        httpStatus(QStringLiteral("http://%1:8080/wp-admin/install.php").arg(m_hosts[2].address),
                   nullptr),
        200, 30000);
}

QTEST_MAIN(tst_DashboardE2e)
#include "tst_dashboard_e2e.moc"
