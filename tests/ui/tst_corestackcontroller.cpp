// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "corestackcontroller.h"
#include "dialogs/exportdialog.h"
#include "graph/containeritem.h"
#include "graph/hostitem.h"
#include "graph/topologyscene.h"
#include "runtime/topology.h"
#include "testutil.h"

#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

/** The controller over the real manifest compiler, on the example stack. */
class tst_CoreStackController final : public QObject
{
    Q_OBJECT

private slots:
    void loadsTheExampleStackOnThreeHosts();
    void showsConfigLayersAndExportsTheBundle();
    void badStackIsReported();
    void exportsComposeAndKubernetesWithOperatorValues();
    void documentationHostsOpenReadOnly();
    void exportDialogPreviewsAndSaves();

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

    const Scs::Result<Ui::ExportResult> bundle
        = controller.exportStack(Ui::ExportFormat::Bundle, QString());
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
}

void tst_CoreStackController::exportsComposeAndKubernetesWithOperatorValues()
{
    Ui::CoreStackController controller;
    QSignalSpy loaded(&controller, &Ui::StackController::stackLoaded);
    controller.loadStack(manifest(QStringLiteral("stack.yaml")),
                         manifest(QStringLiteral("hosts.prod.yaml")));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 20000);

    const auto compose = controller.exportStack(Ui::ExportFormat::Compose, QString());
    QVERIFY2(compose, compose ? "" : qPrintable(compose.error().message));
    QVERIFY(compose->files.contains(QStringLiteral("compose.yaml")));
    const QByteArray yaml = compose->files.value(QStringLiteral("compose.yaml"));
    QVERIFY(yaml.contains("wordpress"));
    QVERIFY(yaml.contains("mysqlmaster"));
    // Secrets are references: the operator supplies them, and is told where.
    QVERIFY(!compose->operatorValues.isEmpty());
    bool named = false;
    for (const auto &value : compose->operatorValues)
        named |= value.name.startsWith(QStringLiteral("wordpress: ")) && !value.where.isEmpty();
    QVERIFY(named);

    // One host: only the roles the hosts file places there.
    const auto db = controller.exportStack(Ui::ExportFormat::Compose, QStringLiteral("db-1"));
    QVERIFY2(db, db ? "" : qPrintable(db.error().message));
    QVERIFY(db->files.value(QStringLiteral("compose.yaml")).contains("mysqlmaster"));
    QVERIFY(!db->files.value(QStringLiteral("compose.yaml")).contains("wordpress"));
    // WordPress alone cannot find MySQL on another host without a fixed port: said clearly.
    const auto web = controller.exportStack(Ui::ExportFormat::Compose, QStringLiteral("web-1"));
    QVERIFY(!web);
    QVERIFY(web.error().message.contains(QStringLiteral("publish.port")));
    const auto unknown = controller.exportStack(Ui::ExportFormat::Compose, QStringLiteral("nope"));
    QVERIFY(!unknown);
    QVERIFY(unknown.error().message.contains(QStringLiteral("nope")));

    const auto kubernetes = controller.exportStack(Ui::ExportFormat::Kubernetes, QString());
    QVERIFY2(kubernetes, kubernetes ? "" : qPrintable(kubernetes.error().message));
    const QByteArray manifests = kubernetes->files.value(QStringLiteral("kubernetes.yaml"));
    QVERIFY(manifests.contains("kind: \"StatefulSet\""));
    QVERIFY(manifests.contains("kind: \"Service\""));
    QVERIFY(!kubernetes->operatorValues.isEmpty());
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

void tst_CoreStackController::documentationHostsOpenReadOnly()
{
    Ui::CoreStackController controller;
    QSignalSpy finished(&controller, &Ui::StackController::operationFinished);
    // Before a stack is open, and with a stack whose hosts are documentation addresses
    // (never contacted), actions answer with an error that says why.
    controller.start(QString());
    QCOMPARE(finished.size(), 1);
    QVERIFY(finished.first().at(1).value<Scs::Error>().message.contains(QStringLiteral("Open")));
    QSignalSpy loaded(&controller, &Ui::StackController::stackLoaded);
    controller.loadStack(manifest(QStringLiteral("stack.yaml")),
                         manifest(QStringLiteral("hosts.prod.yaml")));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 20000);
    QVERIFY(!controller.manager());
    QVERIFY(controller.readOnlyReason().contains(QStringLiteral("web-1")));
    finished.clear();
    controller.start(QString());
    controller.stop(QStringLiteral("wordpress"));
    controller.restart(QStringLiteral("wordpress@web-1"));
    controller.exec(QStringLiteral("wordpress@web-1"), {QStringLiteral("true")});
    controller.followLogs(QStringLiteral("wordpress@web-1"), true);
    QCOMPARE(finished.size(), 5);
    QVERIFY(finished.at(0).at(1).value<Scs::Error>().message.contains(QStringLiteral("read-only")));
    QVERIFY(finished.at(2).at(1).value<Scs::Error>().message.contains(QStringLiteral("start it")));
    const auto plan
        = controller.planMove(QStringLiteral("wordpress@web-1"), QStringLiteral("db-2"));
    QVERIFY(!plan);
    QVERIFY(plan.error().message.contains(QStringLiteral("read-only")));
    QVERIFY(!controller.isBusy());
}

void tst_CoreStackController::exportDialogPreviewsAndSaves()
{
    Ui::CoreStackController controller;
    QSignalSpy loaded(&controller, &Ui::StackController::stackLoaded);
    controller.loadStack(manifest(QStringLiteral("stack.yaml")),
                         manifest(QStringLiteral("hosts.prod.yaml")));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 20000);
    Ui::Dialogs::ExportDialog dialog(&controller);

    dialog.setFormat(Ui::ExportFormat::Compose);
    dialog.setHost(QStringLiteral("db-1"));
    QVERIFY(dialog.fileNames().contains(QStringLiteral("compose.yaml")));
    QVERIFY(dialog.previewText().contains(QStringLiteral("mysqlmaster")));
    QVERIFY(!dialog.previewText().contains(QStringLiteral("wordpress")));
    QVERIFY(!dialog.operatorValues().isEmpty());
    auto *values = dialog.findChild<QTreeWidget *>(QStringLiteral("valuesTreeWidget"));
    QVERIFY(values && values->topLevelItemCount() > 0);
    QVERIFY(!values->topLevelItem(0)->text(2).isEmpty()); // where the value goes

    dialog.setFormat(Ui::ExportFormat::Kubernetes);
    auto *host = dialog.findChild<QComboBox *>(QStringLiteral("hostComboBox"));
    QVERIFY(host && !host->isEnabled()); // one file for the whole cluster
    QVERIFY(dialog.fileNames().contains(QStringLiteral("kubernetes.yaml")));
    QVERIFY(dialog.previewText().contains(QStringLiteral("StatefulSet")));

    dialog.setFormat(Ui::ExportFormat::Bundle);
    QVERIFY(dialog.fileNames().contains(QStringLiteral("stack.json")));
    QTemporaryDir out;
    QVERIFY_RESULT(dialog.saveTo(out.path()));
    QVERIFY(QFile::exists(out.filePath(QStringLiteral("stack.json"))));
    const auto bundle = controller.exportStack(Ui::ExportFormat::Bundle, QString());
    QVERIFY_RESULT(bundle);
    for (const QString &executable : bundle->executables)
        QVERIFY2(QFileInfo(out.filePath(executable)).isExecutable(), qPrintable(executable));

    // Compose for a host whose roles need a fixed port elsewhere: the error is shown.
    dialog.setFormat(Ui::ExportFormat::Compose);
    dialog.setHost(QStringLiteral("web-1"));
    QVERIFY(dialog.fileNames().isEmpty());
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"));
    QVERIFY(error && error->text().contains(QStringLiteral("publish.port")));
}

QTEST_MAIN(tst_CoreStackController)
#include "tst_corestackcontroller.moc"
