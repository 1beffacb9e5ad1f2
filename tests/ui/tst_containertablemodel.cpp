// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "models/containertablemodel.h"
#include "topologyfixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Runtime;
using Ui::Models::ContainerTableModel;

class tst_ContainerTableModel final : public QObject
{
    Q_OBJECT

private slots:
    void showsTheContainers();
    void followsInsertUpdateRemove();
    void manyUpdatesBecomeOneRange();
    void survivesTheTopologyGoingAway();
};

void tst_ContainerTableModel::showsTheContainers()
{
    Topology topology;
    TopologyFixture::fillExampleStack(topology);
    ContainerTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTopology(&topology);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(ContainerTableModel::ColumnCount));
    const int row = model.rowOf(QStringLiteral("wordpress@web-1"));
    QVERIFY(row >= 0);
    QCOMPARE(model.index(row, ContainerTableModel::HostColumn).data().toString(),
             QStringLiteral("web-1"));
    QCOMPARE(model.index(row, ContainerTableModel::StateColumn).data().toString(),
             QStringLiteral("running"));
    QCOMPARE(model.index(row, ContainerTableModel::EndpointsColumn).data().toString(),
             QStringLiteral("http 10.231.0.3:8080"));
    QCOMPARE(model.index(row, 0).data(ContainerTableModel::ContainerIdRole).toString(),
             QStringLiteral("wordpress@web-1"));
    QCOMPARE(model.headerData(ContainerTableModel::RoleColumn, Qt::Horizontal).toString(),
             QStringLiteral("Role"));
    QVERIFY(!model.index(99, 0).data().isValid());
}

void tst_ContainerTableModel::followsInsertUpdateRemove()
{
    Topology topology;
    TopologyFixture::fillExampleStack(topology);
    ContainerTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTopology(&topology);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    auto extra = TopologyFixture::container(QStringLiteral("cache"), QStringLiteral("web-1"),
                                            QStringLiteral("10.231.0.3"), QString(), 0);
    topology.setContainer(extra);
    QTRY_COMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 4);

    extra.state = ContainerState::Failed;
    extra.error = QStringLiteral("exit 1");
    topology.setContainer(extra);
    QTRY_COMPARE(changed.size(), 1);
    const int row = model.rowOf(extra.id);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), row);
    QCOMPARE(model.index(row, ContainerTableModel::StateColumn).data().toString(),
             QStringLiteral("failed"));
    QCOMPARE(model.index(row, 0).data(Qt::ToolTipRole).toString(), QStringLiteral("exit 1"));

    topology.removeContainer(QStringLiteral("mysqlmaster@db-1"));
    QTRY_COMPARE(removed.size(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowOf(QStringLiteral("mysqlmaster@db-1")), -1);
}

void tst_ContainerTableModel::manyUpdatesBecomeOneRange()
{
    Topology topology;
    TopologyFixture::fillLarge(topology, 4, 25);
    ContainerTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTopology(&topology);
    QCOMPARE(model.rowCount(), 100);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    for (ContainerInfo info : topology.containers()) {
        info.health = ContainerHealth::Unhealthy;
        topology.setContainer(info);
    }
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
    QCOMPARE(changed.first().at(1).toModelIndex().row(), 99);
}

void tst_ContainerTableModel::survivesTheTopologyGoingAway()
{
    ContainerTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    {
        Topology topology;
        TopologyFixture::fillExampleStack(topology);
        model.setTopology(&topology);
        QCOMPARE(model.rowCount(), 3);
    }
    model.setTopology(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(tst_ContainerTableModel)
#include "tst_containertablemodel.moc"
