// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "dialogs/moveplandialog.h"
#include "fakestackcontroller.h"
#include "graph/containeritem.h"
#include "graph/hostitem.h"
#include "graph/topologyscene.h"
#include "graph/topologyview.h"
#include "graphtestutil.h"
#include "mainwindow.h"
#include "models/discoverytimelinemodel.h"
#include "widgets/detailspanel.h"
#include "widgets/logview.h"
#include "widgets/progresspanel.h"

#include <QAbstractButton>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace Ui;

class tst_MainWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void opensTheStackAndDrawsIt();
    void dragToAnotherHostMovesThroughTheController();
    void failedMoveShowsRollbackAndError();
    void moveCanBeCancelled();
    void buildShowsProgressAndOutput();
    void detailsLogsAndTimeline();
    void windowStateIsRestored();
    void controlsHaveAccessibleNames();

private:
    static QString stackPath();
    static Ui::Dialogs::MovePlanDialog *waitForPlanDialog(QWidget *window);
    void dragContainer(MainWindow &window, const QString &id, const QString &host);
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("scs-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QSettings().clear();
}

QString tst_MainWindow::stackPath()
{
    return qEnvironmentVariable("SCS_SOURCE_DIR") + QStringLiteral("/manifests/stack.yaml");
}

Ui::Dialogs::MovePlanDialog *tst_MainWindow::waitForPlanDialog(QWidget *window)
{
    Ui::Dialogs::MovePlanDialog *dialog = nullptr;
    (void)QTest::qWaitFor(
        [&] {
            dialog = window->findChild<Ui::Dialogs::MovePlanDialog *>();
            return dialog && dialog->isVisible();
        },
        3000);
    return dialog;
}

void tst_MainWindow::dragContainer(MainWindow &window, const QString &id, const QString &host)
{
    Graph::TopologyScene *scene = window.scene();
    Graph::ContainerItem *item = scene->containerItem(id);
    QVERIFY(item);
    window.view()->fitAll();
    const QPointF from = item->mapToScene(QPointF(60, 12));
    const QPointF to = scene->hostItem(host)->sceneBoundingRect().center();
    GraphTestUtil::drag(window.view(), from, to);
}

void tst_MainWindow::opensTheStackAndDrawsIt()
{
    FakeStackController controller;
    MainWindow window;
    window.setController(&controller);
    window.setStack(stackPath(), QString());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(controller.calls.contains(QStringLiteral("load %1 ").arg(stackPath())));
    QTRY_COMPARE(window.scene()->hostCount(), 3);
    QCOMPARE(window.scene()->containerCount(), 3);
    QCOMPARE(window.scene()->linkCount(), 2);
    QCOMPARE(window.scene()->volumeCount(), 3);
    auto *counts = window.findChild<QLabel *>(QStringLiteral("countsLabel"));
    QTRY_COMPARE(counts->text(), QStringLiteral("3/3 hosts up, 3/3 containers running"));
    QVERIFY(window.windowTitle().contains(QStringLiteral("manifests")));
    QVERIFY(
        QSettings().value(QStringLiteral("stacks/recent")).toStringList().contains(stackPath()));
}

void tst_MainWindow::dragToAnotherHostMovesThroughTheController()
{
    FakeStackController controller;
    MainWindow window;
    window.setController(&controller);
    window.setStack(stackPath(), QString());
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE(window.scene()->containerCount(), 3);
    QSignalSpy requested(&window, &MainWindow::moveRequested);

    dragContainer(window, QStringLiteral("wordpress@web-1"), QStringLiteral("db-2"));
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().at(0).toString(), QStringLiteral("wordpress@web-1"));
    QCOMPARE(requested.first().at(1).toString(), QStringLiteral("db-2"));
    QVERIFY(controller.calls.contains(QStringLiteral("plan wordpress@web-1 db-2")));

    Ui::Dialogs::MovePlanDialog *dialog = waitForPlanDialog(&window);
    QVERIFY(dialog);
    const QString steps = dialog->steps().join(u'\n');
    QVERIFY2(steps.contains(QStringLiteral("Transfer image")), qPrintable(steps));
    QVERIFY(steps.contains(QStringLiteral("Copy volume")));
    QVERIFY(steps.contains(QStringLiteral("Health gate")));
    QVERIFY(steps.contains(QStringLiteral("Update dependents")));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("summaryLabel"))
                ->text()
                .contains(QStringLiteral("1.5 s")));
    auto *move = dialog->findChild<QPushButton *>(QStringLiteral("movePushButton"));
    QVERIFY(move);
    QTest::mouseClick(move, Qt::LeftButton);
    QVERIFY(controller.calls.contains(QStringLiteral("move wordpress@web-1 db-2")));

    const QString key = Widgets::ProgressPanel::moveKey(QStringLiteral("wordpress@web-1"));
    QVERIFY(window.progressPanel()->isRunning(key));
    QTRY_VERIFY(!window.progressPanel()->isRunning(key));
    QVERIFY2(window.progressPanel()->statusText(key).contains(
                 QStringLiteral("Moved: now wordpress@db-2")),
             qPrintable(window.progressPanel()->statusText(key)));
    QCOMPARE(window.progressPanel()->progress(key), 100);
    // The graph follows the topology: WordPress now sits in db-2's box.
    QTRY_VERIFY(window.scene()->containerItem(QStringLiteral("wordpress@db-2")));
    QCOMPARE(window.scene()->containerItem(QStringLiteral("wordpress@db-2"))->hostItem()->name(),
             QStringLiteral("db-2"));
    QVERIFY(!window.scene()->containerItem(QStringLiteral("wordpress@web-1")));
}

void tst_MainWindow::failedMoveShowsRollbackAndError()
{
    FakeStackController controller;
    controller.failMoves = true;
    MainWindow window;
    window.setController(&controller);
    window.setStack(stackPath(), QString());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE(window.scene()->containerCount(), 3);
    dragContainer(window, QStringLiteral("mysqlmaster@db-1"), QStringLiteral("web-1"));
    Ui::Dialogs::MovePlanDialog *dialog = waitForPlanDialog(&window);
    QVERIFY(dialog);
    QVERIFY(dialog->steps().join(u'\n').contains(QStringLiteral("wordpress@web-1")));
    dialog->accept();
    const QString key = Widgets::ProgressPanel::moveKey(QStringLiteral("mysqlmaster@db-1"));
    QTRY_VERIFY(!window.progressPanel()->isRunning(key));
    const QString status = window.progressPanel()->statusText(key);
    QVERIFY2(status.contains(QStringLiteral("Failed: health gate")), qPrintable(status));
    QVERIFY(status.contains(QStringLiteral("Rolled back: stopped mysqlmaster on web-1")));
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = window.findChild<QMessageBox *>(QStringLiteral("moveFailedMessageBox"))));
    QVERIFY(box->informativeText().contains(QStringLiteral("kept mysqlmaster running on db-1")));
    box->close();
    QVERIFY(window.scene()->containerItem(QStringLiteral("mysqlmaster@db-1")));
}

void tst_MainWindow::moveCanBeCancelled()
{
    FakeStackController controller;
    controller.setStepInterval(1000);
    MainWindow window;
    window.setController(&controller);
    window.setStack(stackPath(), QString());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE(window.scene()->containerCount(), 3);
    dragContainer(window, QStringLiteral("mysqlslave@db-2"), QStringLiteral("web-1"));
    Ui::Dialogs::MovePlanDialog *dialog = waitForPlanDialog(&window);
    QVERIFY(dialog);
    dialog->accept();
    QPushButton *cancel = nullptr;
    for (QPushButton *button : window.progressPanel()->findChildren<QPushButton *>()) {
        if (!button->isHidden()
            && button->accessibleName().contains(QStringLiteral("mysqlslave@db-2")))
            cancel = button;
    }
    QVERIFY(cancel);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(controller.calls.contains(QStringLiteral("cancel mysqlslave@db-2")));
    const QString key = Widgets::ProgressPanel::moveKey(QStringLiteral("mysqlslave@db-2"));
    QTRY_VERIFY(!window.progressPanel()->isRunning(key));
    QVERIFY(window.progressPanel()->statusText(key).startsWith(QStringLiteral("Cancelled.")));
}

void tst_MainWindow::buildShowsProgressAndOutput()
{
    FakeStackController controller;
    MainWindow window;
    window.setController(&controller);
    window.setStack(stackPath(), QString());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QToolButton *build = nullptr;
    for (QToolButton *button : window.findChildren<QToolButton *>()) {
        if (button->accessibleName() == QStringLiteral("Build"))
            build = button;
    }
    QVERIFY(build);
    QVERIFY(build->isEnabled());
    QVERIFY(build->menu());
    QStringList roles;
    for (QAction *action : build->menu()->actions())
        roles << action->text();
    QVERIFY(roles.contains(QStringLiteral("wordpress")));
    QTest::mouseClick(build, Qt::LeftButton);
    QVERIFY(controller.calls.contains(QStringLiteral("build ")));
    const QString key = Widgets::ProgressPanel::buildKey(QStringLiteral("scs/wordpress"));
    QCOMPARE(window.progressPanel()->progress(key), 100);
    QCOMPARE(window.progressPanel()->statusText(key), QStringLiteral("built"));
    auto *output = window.progressPanel()->findChild<QPlainTextEdit *>(
        QStringLiteral("buildOutputPlainTextEdit"));
    QVERIFY(output->toPlainText().contains(QStringLiteral("[scs/wordpress] Step 1/3")));
    // One role from the menu.
    for (QAction *action : build->menu()->actions()) {
        if (action->text() == QStringLiteral("mysqlslave"))
            action->trigger();
    }
    QVERIFY(controller.calls.contains(QStringLiteral("build mysqlslave")));
}

void tst_MainWindow::detailsLogsAndTimeline()
{
    FakeStackController controller;
    MainWindow window;
    window.setController(&controller);
    window.setStack(stackPath(), QString());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE(window.scene()->containerCount(), 3);
    window.scene()->containerItem(QStringLiteral("mysqlslave@db-2"))->setSelected(true);
    QCOMPARE(window.detailsPanel()->containerId(), QStringLiteral("mysqlslave@db-2"));
    auto *config
        = window.detailsPanel()->findChild<QTreeWidget *>(QStringLiteral("configTreeWidget"));
    QCOMPARE(config->topLevelItemCount(), 2);
    QCOMPARE(config->topLevelItem(0)->text(2), QStringLiteral("common.yaml"));
    auto *requirements
        = window.detailsPanel()->findChild<QTreeWidget *>(QStringLiteral("requirementsTreeWidget"));
    QCOMPARE(requirements->topLevelItemCount(), 1);
    QCOMPARE(requirements->topLevelItem(0)->text(2),
             QStringLiteral("10.231.0.1:3306 (mysqlmaster@db-1)"));
    QCOMPARE(requirements->topLevelItem(0)->childCount(), 1); // the liveupdate run

    window.detailsPanel()->findChild<QPushButton *>(QStringLiteral("logsPushButton"))->click();
    QVERIFY(controller.calls.contains(QStringLiteral("logs mysqlslave@db-2 1")));
    window.detailsPanel()->findChild<QPushButton *>(QStringLiteral("restartPushButton"))->click();
    QVERIFY(controller.calls.contains(QStringLiteral("restart mysqlslave@db-2")));
    emit controller.logLine({QStringLiteral("mysqlslave@db-2"), QDateTime::currentDateTimeUtc(),
                             QStringLiteral("Slave I/O thread: connected to master"), false});
    emit controller.logLine({QStringLiteral("wordpress@web-1"), QDateTime::currentDateTimeUtc(),
                             QStringLiteral("not followed"), false});
    QVERIFY(window.logView()->visibleText().contains(
        QStringLiteral("[mysqlslave@db-2] Slave I/O thread")));
    QVERIFY(!window.logView()->visibleText().contains(QStringLiteral("not followed")));

    window.timelineModel()->append({QDateTime::currentDateTimeUtc(),
                                    Models::DiscoveryEvent::Kind::Ack,
                                    QStringLiteral("dev/blog/mysqlmaster/mysql"), QString(),
                                    QStringLiteral("wordpress@web-1"), 2100});
    QCOMPARE(window.timelineModel()->rowCount(), 1);
}

void tst_MainWindow::windowStateIsRestored()
{
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(1111, 777);
        window.findChild<QDockWidget *>(QStringLiteral("detailsDockWidget"))->hide();
        window.close();
    }
    MainWindow again;
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.size(), QSize(1111, 777));
    QVERIFY(!again.findChild<QDockWidget *>(QStringLiteral("detailsDockWidget"))->isVisible());
}

void tst_MainWindow::controlsHaveAccessibleNames()
{
    FakeStackController controller;
    MainWindow window;
    window.setController(&controller);
    window.setStack(stackPath(), QString());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList unnamed;
    const QList<QWidget *> widgets = window.findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        const bool interesting
            = qobject_cast<QAbstractButton *>(widget) || qobject_cast<QAbstractItemView *>(widget)
              || qobject_cast<QPlainTextEdit *>(widget) || qobject_cast<QLineEdit *>(widget);
        if (!interesting || !widget->isVisibleTo(&window) || qobject_cast<QHeaderView *>(widget))
            continue;
        QString name = widget->accessibleName();
        if (auto *button = qobject_cast<QAbstractButton *>(widget))
            name += button->text();
        if (name.isEmpty() && qobject_cast<QDockWidget *>(widget->parentWidget()) == nullptr)
            unnamed << QString::fromLatin1(widget->metaObject()->className()) + u' '
                           + widget->objectName();
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
