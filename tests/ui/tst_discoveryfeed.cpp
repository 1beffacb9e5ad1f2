// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "disco/client.h"
#include "disco/server.h"
#include "discoveryfeed.h"
#include "models/discoverytimelinemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QTest>

using Ui::Models::DiscoveryEvent;
using Ui::Models::DiscoveryTimelineModel;

/** The timeline fed by a real disco server with real clients over loopback sockets. */
class tst_DiscoveryFeed final : public QObject
{
    Q_OBJECT

private slots:
    void showsAddDropNotifyAndAckWithLatency();

private:
    static int count(const DiscoveryTimelineModel &model, DiscoveryEvent::Kind kind);
    static int find(const DiscoveryTimelineModel &model, DiscoveryEvent::Kind kind);
};

int tst_DiscoveryFeed::count(const DiscoveryTimelineModel &model, DiscoveryEvent::Kind kind)
{
    int n = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        n += model.event(row).kind == kind ? 1 : 0;
    return n;
}

int tst_DiscoveryFeed::find(const DiscoveryTimelineModel &model, DiscoveryEvent::Kind kind)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.event(row).kind == kind)
            return row;
    }
    return -1;
}

void tst_DiscoveryFeed::showsAddDropNotifyAndAckWithLatency()
{
    Disco::Server server;
    const Scs::Result<void> listening = server.start(QHostAddress::LocalHost, 0);
    QVERIFY2(listening, listening ? "" : qPrintable(listening.error().message));
    DiscoveryTimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Ui::DiscoveryFeed feed(&server, &model);

    const Disco::Key key{QStringLiteral("dev"), QStringLiteral("blog"),
                         QStringLiteral("mysqlmaster"), QStringLiteral("mysql")};
    Disco::Client subscriber;
    subscriber.setServer(QStringLiteral("127.0.0.1"), server.serverPort());
    subscriber.setAttributes(
        QJsonObject{{QStringLiteral("name"), QStringLiteral("wordpress@web-1")}});
    subscriber.start();
    subscriber.require(Disco::RequirementSpec{key, {}});
    QTRY_VERIFY(subscriber.isJoined());

    Disco::Client provider;
    provider.setServer(QStringLiteral("127.0.0.1"), server.serverPort());
    provider.setAttributes(
        QJsonObject{{QStringLiteral("name"), QStringLiteral("mysqlmaster@db-1")}});
    provider.start();
    const Disco::Client::ProvisionHandle handle
        = provider.provide(Disco::ProvisionSpec{key, {QStringLiteral("10.231.0.1"), 3306}, {}});

    QTRY_COMPARE(count(model, DiscoveryEvent::Kind::Add), 1);
    const DiscoveryEvent added = model.event(find(model, DiscoveryEvent::Kind::Add));
    QCOMPARE(added.key, QStringLiteral("dev/blog/mysqlmaster/mysql"));
    QCOMPARE(added.endpoint, QStringLiteral("10.231.0.1:3306"));
    QCOMPARE(added.subscriber, QStringLiteral("mysqlmaster@db-1"));
    QCOMPARE(count(model, DiscoveryEvent::Kind::Join), 2);

    // The subscriber is told and acknowledges; the timeline shows the latency.
    QTRY_VERIFY(count(model, DiscoveryEvent::Kind::Ack) >= 1);
    const DiscoveryEvent ack = model.event(find(model, DiscoveryEvent::Kind::Ack));
    QCOMPARE(ack.subscriber, QStringLiteral("wordpress@web-1"));
    QCOMPARE(ack.key, QStringLiteral("dev/blog/mysqlmaster/mysql"));
    QVERIFY(ack.latencyUs >= 0);
    QVERIFY(ack.endpoint.contains(QStringLiteral("10.231.0.1:3306")));
    QVERIFY(find(model, DiscoveryEvent::Kind::Notify) < find(model, DiscoveryEvent::Kind::Ack));

    (void)provider.drop(handle);
    QTRY_COMPARE(count(model, DiscoveryEvent::Kind::Drop), 1);
    QTRY_VERIFY(count(model, DiscoveryEvent::Kind::Ack) >= 2);
    subscriber.stop();
    provider.stop();
    server.shutdown();
}

QTEST_MAIN(tst_DiscoveryFeed)
#include "tst_discoveryfeed.moc"
