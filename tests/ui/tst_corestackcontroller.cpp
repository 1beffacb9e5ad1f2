// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "corestackcontroller.h"
#include "graph/containeritem.h"
#include "graph/hostitem.h"
#include "graph/topologyscene.h"
#include "runtime/topology.h"

#include <QSignalSpy>
#include <QTest>

/** The controller over the real manifest compiler, on the example stack. */
class tst_CoreStackController final : public QObject
{
    Q_OBJECT

private slots:
    void loadsTheExampleStackOnThreeHosts();
    void showsConfigLayersAndExportsTheBundle();
    void badStackIsReported();
    void actionsWithoutTheContainerManagerSaySo();

private:
    static QString manifest(const QString &name)
    {
        return qEnvironmentVariable("SCS_SOURCE_DIR") + QStringLiteral("/manifests/") + name;
    }
};

void tst_CoreStackController::loadsTheExampleStackOnThreeHosts()
{
    Ui::CoreStackController controller;
    Ui::Graph::TopologyScene scene;
    scene.setTopology(controller.topology());
    QSignalSpy loaded(&controller, &Ui::StackController::stackLoaded);
    QSignalSpy failed(&controller, &Ui::StackController::stackFailed);
    controller.loadStack(manifest(QStringLiteral("stack.yaml")),
                         manifest(QStringLiteral("hosts.prod.yaml")));
    QTRY_VERIFY_WITH_TIMEOUT(loaded.size() + failed.size() > 0, 20000);
    QVERIFY2(failed.isEmpty(),
             failed.isEmpty() ? "" : qPrintable(failed.first().at(1).value<Scs::Error>().message));
    QCOMPARE(controller.roles(),
             QStringList({QStringLiteral("mysqlmaster"), QStringLiteral("mysqlslave"),
                          QStringLiteral("wordpress")}));
    Runtime::Topology *topology = controller.topology();
    QCOMPARE(topology->hosts().size(), 3);
    QCOMPARE(topology->containers().size(), 3);
    const Runtime::ContainerInfo *wordpress
        = topology->container(QStringLiteral("wordpress@web-1"));
    QVERIFY(wordpress);
    QCOMPARE(int(wordpress->state), int(Runtime::ContainerState::Planned));
    QVERIFY(wordpress->image.startsWith(QStringLiteral("scs/wordpress:")));
    QVERIFY(!topology->volumesOf(wordpress->id).isEmpty());
    const Runtime::LinkInfo *link = topology->link(QStringLiteral("wordpress@web-1/mysql"));
    QVERIFY(link);
    QCOMPARE(link->providerContainerId, QStringLiteral("mysqlmaster@db-1"));
    // Documentation hosts (.example, 192.0.2.x) are never contacted.
    QTRY_COMPARE(scene.hostCount(), 3);
    const Runtime::HostInfo *web1 = topology->host(QStringLiteral("web-1"));
    QCOMPARE(int(web1->health), int(Runtime::HostHealth::Unknown));
    QVERIFY2(web1->error.contains(QStringLiteral("not contacted")), qPrintable(web1->error));
    QCOMPARE(scene.containerItem(QStringLiteral("mysqlslave@db-2"))->hostItem()->name(),
             QStringLiteral("db-2"));
}

void tst_CoreStackController::showsConfigLayersAndExportsTheBundle()
{
    Ui::CoreStackController controller;
    QSignalSpy loaded(&controller, &Ui::StackController::stackLoaded);
    controller.loadStack(manifest(QStringLiteral("stack.yaml")),
                         manifest(QStringLiteral("hosts.prod.yaml")));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 20000);
    const QList<Ui::StackController::ConfigValue> config
        = controller.compiledConfig(QStringLiteral("wordpress@web-1"));
    QVERIFY(!config.isEmpty());
    bool fromLayer = false;
    for (const auto &value : config)
        fromLayer |= value.layer.contains(QStringLiteral(".yaml"));
    QVERIFY(fromLayer);
    QVERIFY(!controller.environment(QStringLiteral("wordpress@web-1")).isEmpty());

    const Scs::Result<Ui::ExportResult> bundle = controller.exportStack(Ui::ExportFormat::Bundle);
    QVERIFY2(bundle, bundle ? "" : qPrintable(bundle.error().message));
    QVERIFY(bundle->files.contains(QStringLiteral("stack.json")));
    QVERIFY(bundle->files.contains(QStringLiteral("wordpress.json")));
    // Secret values stay out of the export; the operator supplies them.
    const Manifest::CompiledContainer *wordpress
        = controller.stack()->container(QStringLiteral("wordpress"));
    for (auto it = wordpress->secrets.cbegin(); it != wordpress->secrets.cend(); ++it) {
        if (!it->value.isEmpty())
            QVERIFY(!bundle->files.value(QStringLiteral("wordpress.json"))
                         .contains(it->value.toUtf8()));
    }
    QCOMPARE(bundle->operatorValues.isEmpty(), [&] {
        for (const auto &container : controller.stack()->containers)
            if (!container.secrets.isEmpty())
                return false;
        return true;
    }());
    QVERIFY(!controller.exportStack(Ui::ExportFormat::Compose));
}

void tst_CoreStackController::badStackIsReported()
{
    Ui::CoreStackController controller;
    QSignalSpy failed(&controller, &Ui::StackController::stackFailed);
    controller.loadStack(QStringLiteral("/nonexistent/stack.yaml"), QString());
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
    QVERIFY(failed.first().at(1).value<Scs::Error>().message.contains(
        QStringLiteral("/nonexistent/stack.yaml")));
    QVERIFY(controller.topology()->containers().isEmpty());
}

void tst_CoreStackController::actionsWithoutTheContainerManagerSaySo()
{
    Ui::CoreStackController controller;
    QSignalSpy finished(&controller, &Ui::StackController::operationFinished);
    controller.start(QString());
    QCOMPARE(finished.size(), 1);
    QVERIFY(finished.first().at(1).value<Scs::Error>().message.contains(
        QStringLiteral("container manager")));
    QVERIFY(!controller.planMove(QStringLiteral("wordpress@web-1"), QStringLiteral("db-2")));
}

QTEST_MAIN(tst_CoreStackController)
#include "tst_corestackcontroller.moc"
