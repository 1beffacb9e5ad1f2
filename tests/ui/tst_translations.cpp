// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "graph/containeritem.h"
#include "graph/linkitem.h"
#include "graph/topologyscene.h"
#include "mainwindow.h"
#include "models/containertablemodel.h"
#include "runtime/topology.h"
#include "topologyfixture.h"

#include <QAction>
#include <QLabel>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>

/** The German catalogue built from translations/scs_de.ts reaches every kind of code. */
class tst_Translations final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void germanReachesWindowModelsAndCore();

private:
    QTranslator m_translator;
};

void tst_Translations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString qm
        = qEnvironmentVariable("SCS_BINARY_DIR") + QStringLiteral("/translations/scs_de.qm");
    QVERIFY2(m_translator.load(qm), qPrintable(QStringLiteral("cannot load %1").arg(qm)));
    QVERIFY(QCoreApplication::installTranslator(&m_translator));
}

void tst_Translations::germanReachesWindowModelsAndCore()
{
    // A QObject class in a nested namespace (context Ui::MainWindow).
    Ui::MainWindow window;
    QCOMPARE(window.windowTitle(), QStringLiteral("scs-Dashboard"));
    QStringList texts;
    for (QAction *action : window.findChildren<QAction *>())
        texts << action->text();
    QVERIFY(texts.contains(QStringLiteral("Stack ö&ffnen...")));
    // A model (context Ui::Models::ContainerTableModel).
    Ui::Models::ContainerTableModel model;
    QCOMPARE(
        model.headerData(Ui::Models::ContainerTableModel::RoleColumn, Qt::Horizontal).toString(),
        QStringLiteral("Rolle"));
    // Core strings through Runtime::Tr, and graph items through Ui::Tr.
    QCOMPARE(Runtime::toString(Runtime::ContainerState::Running), QStringLiteral("läuft"));
    Runtime::Topology topology;
    TopologyFixture::fillExampleStack(topology);
    Ui::Graph::TopologyScene scene;
    scene.setTopology(&topology);
    QVERIFY(scene.linkItem(QStringLiteral("wordpress@web-1/mysql"))
                ->toolTip()
                .contains(QStringLiteral("gebunden an")));
}

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
