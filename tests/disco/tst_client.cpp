// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "disco/client.h"
#include "disco/registry.h"
#include "disco/server.h"
#include "testutil.h"

#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>

using namespace Disco;

namespace {

const Key MysqlKey{QStringLiteral("dev"), QStringLiteral("blog"), QStringLiteral("mysqlmaster"),
                   QStringLiteral("mysql")};

ProvisionSpec mysqlAt(const QString &host, int port)
{
    return ProvisionSpec{MysqlKey, Address{host, port}, {}};
}

} // namespace

class tst_Client : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void provideRequireDrop();
    void callbackWithContext();
    void callAndErrors();
    void leaveDropsEverything();
    void reattachesWithinTimeout();
    void rejoinsAndReregistersAfterServerRestart();
    void resumeTakesOverAnotherClientsSession();
    void resumeOfAnEndedSessionJoins();

private:
    std::unique_ptr<Client> makeClient(double sessionTimeout = 0);

    std::unique_ptr<Server> m_server;
    quint16 m_port = 0;
};

void tst_Client::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("scs.disco.debug=false"));
}

void tst_Client::init()
{
    m_server = std::make_unique<Server>();
    const auto started = m_server->start(QHostAddress::LocalHost, 0);
    QVERIFY_RESULT(started);
    m_port = m_server->serverPort();
}

void tst_Client::cleanup()
{
    m_server.reset();
}

std::unique_ptr<Client> tst_Client::makeClient(double sessionTimeout)
{
    auto client = std::make_unique<Client>();
    client->setServer(QStringLiteral("127.0.0.1"), m_port);
    client->setSessionTimeout(sessionTimeout);
    client->setReconnectBackoff(0.05, 0.2);
    client->start();
    return client;
}

void tst_Client::provideRequireDrop()
{
    auto provider = makeClient();
    auto subscriber = makeClient();
    QSignalSpy changes(subscriber.get(), &Client::requirementChanged);
    QSignalSpy registered(provider.get(), &Client::provisionRegistered);

    const auto first = provider->provide(mysqlAt(QStringLiteral("10.0.0.1"), 3306));
    QTRY_COMPARE(registered.size(), 1);
    QVERIFY(provider->provisionId(first).has_value());

    const auto requirement = subscriber->require(RequirementSpec{MysqlKey, {}});
    QTRY_COMPARE(changes.size(), 1);
    auto event = changes.takeFirst().at(0).value<RequirementEvent>();
    QVERIFY(event.initial);
    QCOMPARE(event.handle, requirement);
    QCOMPARE(event.current.size(), 1);
    QCOMPARE(event.current.at(0).address.port, 3306);

    const auto second = provider->provide(mysqlAt(QStringLiteral("10.0.0.2"), 3307));
    QTRY_COMPARE(changes.size(), 1);
    event = changes.takeFirst().at(0).value<RequirementEvent>();
    QVERIFY(!event.initial);
    QCOMPARE(event.action, Action::Add);
    QCOMPARE(event.changed.at(0).address.host, u"10.0.0.2");
    QCOMPARE(subscriber->endpoints(requirement).size(), 2);

    // wait 0: the drop's answer comes after the subscriber acknowledged (automatically).
    auto dropped = provider->drop(first);
    QTRY_VERIFY(dropped.isFinished());
    QVERIFY_RESULT(dropped.result());
    QCOMPARE(changes.size(), 1);
    event = changes.takeFirst().at(0).value<RequirementEvent>();
    QCOMPARE(event.action, Action::Drop);
    QCOMPARE(event.changed.at(0).address.host, u"10.0.0.1");
    QCOMPARE(subscriber->endpoints(requirement).size(), 1);
    QCOMPARE(m_server->registry().pendingNotificationCount(), 0);
    Q_UNUSED(second)
}

void tst_Client::callbackWithContext()
{
    auto provider = makeClient();
    auto subscriber = makeClient();
    QList<RequirementEvent> events;
    auto context = std::make_unique<QObject>();
    subscriber->require(RequirementSpec{MysqlKey, {{QStringLiteral("zone"), QStringLiteral("^a")}}},
                        context.get(), [&events](const RequirementEvent &e) { events.append(e); });
    QTRY_COMPARE(events.size(), 1);
    QVERIFY(events.at(0).initial);
    QVERIFY(events.at(0).current.isEmpty());
    provider->provide(ProvisionSpec{
        MysqlKey, {QStringLiteral("h"), 1}, {{QStringLiteral("zone"), QStringLiteral("ab")}}});
    provider->provide(ProvisionSpec{
        MysqlKey, {QStringLiteral("h"), 2}, {{QStringLiteral("zone"), QStringLiteral("ba")}}});
    QTRY_COMPARE(events.size(), 2);
    QCOMPARE(events.at(1).changed.at(0).address.port, 1);
    context.reset(); // no more callbacks after the context is gone
    provider->provide(ProvisionSpec{
        MysqlKey, {QStringLiteral("h"), 3}, {{QStringLiteral("zone"), QStringLiteral("a")}}});
    QTest::qWait(100);
    QCOMPARE(events.size(), 2);
}

void tst_Client::callAndErrors()
{
    auto client = makeClient();
    auto pong
        = client->call(QStringLiteral("ping"), {{QStringLiteral("reply"), QStringLiteral("x")}});
    QTRY_VERIFY(pong.isFinished());
    QVERIFY_RESULT(pong.result());
    QCOMPARE(pong.result()->value(u"message").toString(), u"x");
    QCOMPARE(pong.result()->value(u"session").toString(), client->sessionId());

    auto bad = client->call(QStringLiteral("provision.drop"),
                            {{QStringLiteral("id"), QStringLiteral("nope")}});
    QTRY_VERIFY(bad.isFinished());
    QVERIFY(!bad.result());
    QVERIFY(bad.result().error().message.contains(u"nope"));

    QSignalSpy failed(client.get(), &Client::requirementFailed);
    client->require(RequirementSpec{MysqlKey, {{QStringLiteral("zone"), QStringLiteral("(")}}});
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(1).value<Scs::Error>().kind, Scs::Error::Kind::InvalidInput);

    // A client that cannot connect keeps trying, and fails nothing it has not sent.
    Client lost;
    lost.setServer(QStringLiteral("127.0.0.1"), 1);
    lost.setReconnectBackoff(0.01, 0.02);
    QSignalSpy disconnected(&lost, &Client::disconnected);
    lost.start();
    QTRY_VERIFY(disconnected.size() >= 2);
    QCOMPARE(lost.state(), Client::State::Connecting);
    lost.stop();
    QCOMPARE(lost.state(), Client::State::Stopped);
}

void tst_Client::leaveDropsEverything()
{
    auto provider = makeClient();
    auto subscriber = makeClient();
    QSignalSpy changes(subscriber.get(), &Client::requirementChanged);
    provider->provide(mysqlAt(QStringLiteral("10.0.0.1"), 1));
    provider->provide(mysqlAt(QStringLiteral("10.0.0.2"), 2));
    const auto handle = subscriber->require(RequirementSpec{MysqlKey, {}});
    QTRY_COMPARE(subscriber->endpoints(handle).size(), 2);
    auto left = provider->leave();
    QTRY_VERIFY(left.isFinished());
    QVERIFY_RESULT(left.result());
    QCOMPARE(subscriber->endpoints(handle).size(), 0);
    QCOMPARE(provider->state(), Client::State::Stopped);
    QTRY_COMPARE(m_server->registry().sessionCount(), 1);
}

void tst_Client::reattachesWithinTimeout()
{
    // The client believes the server dead (its liveness is shorter than the server's
    // heartbeat), reconnects and attaches to the same session.
    m_server->setHeartbeatInterval(30);
    auto provider = makeClient();
    auto client = makeClient(5);
    client->setLivenessTimeout(0.3);
    client->setHeartbeatInterval(0.05);
    QSignalSpy joined(client.get(), &Client::joined);
    QSignalSpy attached(client.get(), &Client::attached);
    const auto handle = client->require(RequirementSpec{MysqlKey, {}});
    QTRY_COMPARE(joined.size(), 1);
    const QString session = client->sessionId();
    QTRY_VERIFY_WITH_TIMEOUT(attached.size() >= 1, 3000);
    QCOMPARE(attached.at(0).at(0).toString(), session);
    QCOMPARE(joined.size(), 1);
    client->setLivenessTimeout(60);
    QTRY_VERIFY(client->isJoined());
    provider->provide(mysqlAt(QStringLiteral("10.0.0.7"), 7));
    QTRY_COMPARE(client->endpoints(handle).size(), 1);
}

void tst_Client::rejoinsAndReregistersAfterServerRestart()
{
    auto provider = makeClient(0.2);
    auto subscriber = makeClient(0.2);
    QSignalSpy changes(subscriber.get(), &Client::requirementChanged);
    QSignalSpy joined(provider.get(), &Client::joined);
    provider->provide(mysqlAt(QStringLiteral("10.0.0.1"), 1));
    const auto handle = subscriber->require(RequirementSpec{MysqlKey, {}});
    QTRY_COMPARE(subscriber->endpoints(handle).size(), 1);
    QCOMPARE(joined.size(), 1);

    m_server->shutdown();
    m_server.reset();
    QTest::qWait(300);
    m_server = std::make_unique<Server>();
    const auto restarted = m_server->start(QHostAddress::LocalHost, m_port);
    QVERIFY_RESULT(restarted);
    QTRY_VERIFY_WITH_TIMEOUT(joined.size() >= 2, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->registry().provisionCount(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(subscriber->endpoints(handle).size(), 1, 5000);
    QCOMPARE(subscriber->endpoints(handle).at(0).address.host, u"10.0.0.1");
}

void tst_Client::resumeTakesOverAnotherClientsSession()
{
    // The first client (a process that exits) leaves its session detached.
    m_server->setHeartbeatInterval(30);
    auto first = makeClient(3600);
    const auto spec = mysqlAt(QStringLiteral("10.0.0.1"), 1);
    const auto provided = first->provide(spec);
    (void)first->require(RequirementSpec{MysqlKey, {}});
    QTRY_VERIFY(first->provisionId(provided).has_value());
    const QString provisionId = *first->provisionId(provided);
    const QString session = first->sessionId();
    QTRY_COMPARE(m_server->registry().requirements(session).size(), 1);
    first.reset();
    QTRY_VERIFY(!m_server->registry().isAttached(session));

    // The second resumes it, with no timeout of its own.
    Client second;
    second.setServer(QStringLiteral("127.0.0.1"), m_port);
    second.setReconnectBackoff(0.05, 0.2);
    QSignalSpy joined(&second, &Client::joined);
    QSignalSpy attached(&second, &Client::attached);
    second.resume(session);
    QTRY_COMPARE(attached.size(), 1);
    QCOMPARE(attached.at(0).at(0).toString(), session);
    QVERIFY(second.isResumedSession());
    auto found = second.lookup(MysqlKey);
    QTRY_VERIFY(found.isFinished());
    QVERIFY_RESULT(found.result());
    QCOMPARE(found.result()->size(), 1);
    QCOMPARE(found.result()->first().id, provisionId);
    const auto handle = second.adoptProvision(spec, provisionId);
    QCOMPARE(second.provisionId(handle), std::optional<QString>(provisionId));
    QTRY_COMPARE(m_server->registry().requirementCount(), 1); // the lookup's is gone

    // Its own requirement; the first client's gets a change no one here listens to: it is
    // acknowledged and dropped.
    const auto required = second.require(RequirementSpec{MysqlKey, {}});
    QTRY_COMPARE(second.endpoints(required).size(), 1);
    QCOMPARE(m_server->registry().requirements(session).size(), 2);
    auto other = makeClient();
    other->provide(mysqlAt(QStringLiteral("10.0.0.2"), 2));
    QTRY_COMPARE(second.endpoints(required).size(), 2);
    QTRY_COMPARE(m_server->registry().requirements(session).size(), 1);
    QTRY_COMPARE(m_server->registry().pendingNotificationCount(), 0);

    // A reconnect attaches again although its own timeout is 0: the session's is 3600.
    second.setLivenessTimeout(0.3);
    second.setHeartbeatInterval(0.05);
    QTRY_VERIFY_WITH_TIMEOUT(attached.size() >= 2, 3000);
    second.setLivenessTimeout(60);
    QTRY_VERIFY(second.isJoined());
    QCOMPARE(joined.size(), 0);
    QCOMPARE(second.sessionId(), session);
    QCOMPARE(second.provisionId(handle), std::optional<QString>(provisionId));
    QCOMPARE(m_server->registry().provisions(session).size(), 1);

    // The taken-over provision drops like its own; leaving ends the session.
    auto dropped = second.drop(handle);
    QTRY_VERIFY(dropped.isFinished());
    QVERIFY_RESULT(dropped.result());
    QVERIFY(!m_server->registry().provision(provisionId));
    auto left = second.leave();
    QTRY_VERIFY(left.isFinished());
    QVERIFY(!m_server->registry().hasSession(session));
    QVERIFY(!second.isResumedSession());
}

void tst_Client::resumeOfAnEndedSessionJoins()
{
    Client client;
    client.setServer(QStringLiteral("127.0.0.1"), m_port);
    QSignalSpy joined(&client, &Client::joined);
    QSignalSpy attached(&client, &Client::attached);
    client.resume(QStringLiteral("s-ended"));
    QTRY_COMPARE(joined.size(), 1);
    QVERIFY(joined.at(0).at(0).toString() != u"s-ended");
    QCOMPARE(attached.size(), 0);
    QVERIFY(!client.isResumedSession());
    // Registered anew in the new session.
    const auto handle = client.provide(mysqlAt(QStringLiteral("10.0.0.3"), 3));
    QTRY_VERIFY(client.provisionId(handle).has_value());
    QCOMPARE(m_server->registry().provisions(client.sessionId()).size(), 1);
}

QTEST_GUILESS_MAIN(tst_Client)
#include "tst_client.moc"
