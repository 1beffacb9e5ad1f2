// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "models/discoverytimelinemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using Ui::Models::DiscoveryEvent;
using Ui::Models::DiscoveryTimelineModel;

class tst_DiscoveryTimelineModel final : public QObject
{
    Q_OBJECT

private slots:
    void showsEvents();
    void staysBounded();
};

void tst_DiscoveryTimelineModel::showsEvents()
{
    DiscoveryTimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime time = QDateTime::currentDateTimeUtc();
    model.append({time, DiscoveryEvent::Kind::Add, QStringLiteral("dev/blog/mysqlmaster/mysql"),
                  QStringLiteral("10.231.0.1:3306"), QString(), -1});
    model.append({time, DiscoveryEvent::Kind::Ack, QStringLiteral("dev/blog/mysqlmaster/mysql"),
                  QString(), QStringLiteral("wordpress@web-1"), 1530});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, DiscoveryTimelineModel::KindColumn).data().toString(),
             QStringLiteral("add"));
    QCOMPARE(model.index(1, DiscoveryTimelineModel::KindColumn).data().toString(),
             QStringLiteral("ack"));
    QCOMPARE(model.index(1, DiscoveryTimelineModel::SubscriberColumn).data().toString(),
             QStringLiteral("wordpress@web-1"));
    QCOMPARE(model.index(1, DiscoveryTimelineModel::LatencyColumn).data().toString(),
             QStringLiteral("1.53 ms"));
    QVERIFY(!model.index(0, DiscoveryTimelineModel::LatencyColumn).data().isValid());
    QCOMPARE(model.index(0, DiscoveryTimelineModel::TimeColumn).data().toString(),
             time.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz")));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void tst_DiscoveryTimelineModel::staysBounded()
{
    DiscoveryTimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMaximumRows(10);
    for (int i = 0; i < 25; ++i)
        model.append({QDateTime::currentDateTimeUtc(), DiscoveryEvent::Kind::Drop,
                      QStringLiteral("k%1").arg(i), QString(), QString(), -1});
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.event(0).key, QStringLiteral("k15"));
    QCOMPARE(model.event(9).key, QStringLiteral("k24"));
    model.setMaximumRows(3);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.event(0).key, QStringLiteral("k22"));
}

QTEST_MAIN(tst_DiscoveryTimelineModel)
#include "tst_discoverytimelinemodel.moc"
