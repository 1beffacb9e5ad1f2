// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "disco/client.h"
#include "disco/server.h"
#include "discoveryfeed.h"
#include "models/discoverytimelinemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using Ui::Models::DiscoveryEvent;
using Ui::Models::DiscoveryTimelineModel;

/** The timeline fed by a real disco server with real clients over loopback sockets. */
class tst_DiscoveryFeed final : public QObject
{
    Q_OBJECT

private slots:
    void showsAddDropNotifyAndAckWithLatency();
    void requirementAnsweredAtOnceThenAckedChanges();

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

/** A disco server on a free port whose events feed a timeline model (checked by a tester). */
struct Timeline
{
    Disco::Server server;
    DiscoveryTimelineModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
    Ui::DiscoveryFeed feed{&server, &model};
    Scs::Result<void> listening = server.start(QHostAddress::LocalHost, 0);
};

/** Starts \p client on \p server under \p name, the subscriber column's text. */
void startNamed(Disco::Client &client, const Disco::Server &server, const QString &name)
{
    client.setServer(QStringLiteral("127.0.0.1"), server.serverPort());
    client.setAttributes(QJsonObject{{QStringLiteral("name"), name}});
    client.start();
}

void tst_DiscoveryFeed::showsAddDropNotifyAndAckWithLatency()
{
    Timeline timeline;
    QVERIFY2(timeline.listening,
             timeline.listening ? "" : qPrintable(timeline.listening.error().message));
    Disco::Server &server = timeline.server;
    DiscoveryTimelineModel &model = timeline.model;

    const Disco::Key key{QStringLiteral("dev"), QStringLiteral("blog"),
                         QStringLiteral("mysqlmaster"), QStringLiteral("mysql")};
    Disco::Client subscriber;
    startNamed(subscriber, server, QStringLiteral("wordpress@web-1"));
    subscriber.require(Disco::RequirementSpec{key, {}});
    QTRY_VERIFY(subscriber.isJoined());

    Disco::Client provider;
    startNamed(provider, server, QStringLiteral("mysqlmaster@db-1"));
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
    // The column shows it, in milliseconds.
    const QString shown = model
                              .data(model.index(find(model, DiscoveryEvent::Kind::Ack),
                                                DiscoveryTimelineModel::LatencyColumn))
                              .toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d+[.,]\\d\\d ms$")).match(shown).hasMatch(),
             qPrintable(shown));
    QVERIFY(find(model, DiscoveryEvent::Kind::Notify) < find(model, DiscoveryEvent::Kind::Ack));

    (void)provider.drop(handle);
    QTRY_COMPARE(count(model, DiscoveryEvent::Kind::Drop), 1);
    QTRY_VERIFY(count(model, DiscoveryEvent::Kind::Ack) >= 2);
    subscriber.stop();
    provider.stop();
    server.shutdown();
}

/**
 * The order a stack starts in: the provider is there before its dependents ask. The
 * dependents get the endpoints in the answer (a require row); only later changes are
 * notified and acknowledged, with the latency in the column.
 */
void tst_DiscoveryFeed::requirementAnsweredAtOnceThenAckedChanges()
{
    Timeline timeline;
    QVERIFY2(timeline.listening,
             timeline.listening ? "" : qPrintable(timeline.listening.error().message));
    Disco::Server &server = timeline.server;
    DiscoveryTimelineModel &model = timeline.model;

    const Disco::Key key{QStringLiteral("dash"), QStringLiteral("blog"),
                         QStringLiteral("mysqlmaster"), QStringLiteral("mysql")};
    Disco::Client provider;
    startNamed(provider, server, QStringLiteral("mysqlmaster@db-1"));
    const Disco::Client::ProvisionHandle handle
        = provider.provide(Disco::ProvisionSpec{key, {QStringLiteral("10.234.0.22"), 32770}, {}});
    QTRY_COMPARE(count(model, DiscoveryEvent::Kind::Add), 1);

    Disco::Client subscriber;
    startNamed(subscriber, server, QStringLiteral("wordpress@web-1"));
    subscriber.require(Disco::RequirementSpec{key, {}});
    QTRY_COMPARE(count(model, DiscoveryEvent::Kind::Require), 1);
    const int requireRow = find(model, DiscoveryEvent::Kind::Require);
    const DiscoveryEvent required = model.event(requireRow);
    QCOMPARE(required.key, QStringLiteral("dash/blog/mysqlmaster/mysql"));
    QCOMPARE(required.endpoint, QStringLiteral("10.234.0.22:32770"));
    QCOMPARE(required.subscriber, QStringLiteral("wordpress@web-1"));
    QCOMPARE(model.data(model.index(requireRow, DiscoveryTimelineModel::KindColumn)).toString(),
             QStringLiteral("require"));
    QCOMPARE(model.data(model.index(requireRow, DiscoveryTimelineModel::LatencyColumn)).toString(),
             QStringLiteral("in the answer"));
    QCOMPARE(count(model, DiscoveryEvent::Kind::Notify), 0);

    // The provider goes and comes back: both changes are notified and acknowledged.
    (void)provider.drop(handle);
    QTRY_COMPARE(count(model, DiscoveryEvent::Kind::Ack), 1);
    (void)provider.provide(Disco::ProvisionSpec{key, {QStringLiteral("10.234.0.23"), 32771}, {}});
    QTRY_COMPARE(count(model, DiscoveryEvent::Kind::Ack), 2);
    QCOMPARE(count(model, DiscoveryEvent::Kind::Notify), 2);
    const QRegularExpression milliseconds(QStringLiteral("^\\d+[.,]\\d\\d ms$"));
    QStringList actions;
    for (int row = 0; row < model.rowCount(); ++row) {
        const DiscoveryEvent event = model.event(row);
        if (event.kind != DiscoveryEvent::Kind::Ack)
            continue;
        QCOMPARE(event.subscriber, QStringLiteral("wordpress@web-1"));
        QCOMPARE(event.key, QStringLiteral("dash/blog/mysqlmaster/mysql"));
        QVERIFY(event.latencyUs >= 0);
        const QString shown
            = model.data(model.index(row, DiscoveryTimelineModel::LatencyColumn)).toString();
        QVERIFY2(milliseconds.match(shown).hasMatch(), qPrintable(shown));
        actions << event.endpoint;
    }
    QCOMPARE(actions, (QStringList{QStringLiteral("drop 10.234.0.22:32770"),
                                   QStringLiteral("add 10.234.0.23:32771")}));
    subscriber.stop();
    provider.stop();
    server.shutdown();
}

QTEST_MAIN(tst_DiscoveryFeed)
#include "tst_discoveryfeed.moc"
