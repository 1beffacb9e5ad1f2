// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
//
// The server against a raw-socket client written only from disco-protocol.md
// (rawpeer.h): every command, notification and error of the page, plus the bad
// input the issue lists (garbage, 100 MB lines, silent and killed peers).
#include "disco/registry.h"
#include "disco/server.h"
#include "rawpeer.h"
#include "testconfig.h"
#include "testutil.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <signal.h>

using namespace Disco;

namespace {

const QByteArray KeyJson
    = R"("environment":"dev","service":"blog","role":"mysqlmaster","endpoint":"mysql")";

QByteArray provision(const QByteArray &host, int port, const QByteArray &attributes = {})
{
    QByteArray json = "{" + KeyJson + R"(,"address":{"host":")" + host + R"(","port":)"
                      + QByteArray::number(port) + "}";
    if (!attributes.isEmpty())
        json += R"(,"attributes":)" + attributes;
    return json + "}";
}

QByteArray requirement(const QByteArray &attributes = {})
{
    return "{" + KeyJson + (attributes.isEmpty() ? QByteArray() : R"(,"attributes":)" + attributes)
           + "}";
}

QByteArray str(const QJsonValue &value)
{
    return value.toString().toUtf8();
}

} // namespace

class tst_Server : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void exampleFromThePage();
    void ping();
    void faultTable_data();
    void faultTable();
    void garbageLines();
    void waitSemantics();
    void detachQueuesAndAttachDelivers();
    void sessionTimeoutEndsSession();
    void leaveDropsEverything();
    void attributeMatching();
    void heartbeatsAndLiveness();
    void oversizedLineIsCutOff();
    void silentSubscriberDoesNotStallOthers();
    void killedPeerIsDropped();
    void stoppedPeerIsDroppedByLiveness();
    void shutdownDropsEverySession();
    void signalsCarryTheTimeline();

private:
    quint16 port() const { return m_server->serverPort(); }
    bool join(RawPeer &peer, const QByteArray &options = {});

    std::unique_ptr<Server> m_server;
};

void tst_Server::init()
{
    QLoggingCategory::setFilterRules(QStringLiteral("scs.disco.debug=false"));
    m_server = std::make_unique<Server>();
    const auto started = m_server->start(QHostAddress::LocalHost, 0);
    QVERIFY_RESULT(started);
}

void tst_Server::cleanup()
{
    m_server.reset();
}

bool tst_Server::join(RawPeer &peer, const QByteArray &options)
{
    if (!peer.connectTo(port()))
        return false;
    const QJsonObject result = peer.call(
        "registry.join", options.isEmpty() ? QByteArray() : "{\"options\":" + options + "}");
    return result.value(u"id").isString();
}

void tst_Server::exampleFromThePage()
{
    RawPeer a;
    RawPeer b;
    QVERIFY(join(a));
    const QJsonObject required = a.call("requirement.add", requirement());
    QVERIFY(required.value(u"id").isString());
    QCOMPARE(required.value(u"endpoints").toArray().size(), 0);

    QVERIFY(join(b));
    const QJsonObject provided
        = b.call("provision.add", provision("192.0.2.11", 39313, R"({"zone":"one"})"));
    const QString provisionId = provided.value(u"id").toString();
    QVERIFY(!provisionId.isEmpty());

    const RawPeer::Message added = a.notification();
    QCOMPARE(added.kind, 'c');
    QCOMPARE(added.command, QByteArray("requirement.changed"));
    QCOMPARE(added.object.value(u"id"), required.value(u"id"));
    QCOMPARE(added.object.value(u"action").toString(), u"add");
    const QJsonArray endpoints = added.object.value(u"endpoints").toArray();
    QCOMPARE(endpoints.size(), 1);
    const QJsonObject endpoint = endpoints.at(0).toObject();
    QCOMPARE(endpoint.value(u"id").toString(), provisionId);
    QCOMPARE(endpoint.value(u"address").toObject().value(u"host").toString(), u"192.0.2.11");
    QCOMPARE(endpoint.value(u"address").toObject().value(u"port").toInt(), 39313);
    QCOMPARE(endpoint.value(u"attributes").toObject().value(u"zone").toString(), u"one");
    a.ack(added);

    // A second requirement sees the provision at once.
    const QJsonObject second = a.call("requirement.add", requirement());
    QCOMPARE(second.value(u"endpoints").toArray().size(), 1);
    QCOMPARE(second.value(u"endpoints").toArray().at(0).toObject().value(u"id").toString(),
             provisionId);

    b.socket.close(); // the provider goes away: both requirements hear the drop
    QSet<QString> dropped;
    for (int i = 0; i < 2; ++i) {
        const RawPeer::Message drop = a.notification();
        QCOMPARE(drop.command, QByteArray("requirement.changed"));
        QCOMPARE(drop.object.value(u"action").toString(), u"drop");
        QCOMPARE(drop.object.value(u"endpoints").toArray().at(0).toObject().value(u"id").toString(),
                 provisionId);
        dropped.insert(drop.object.value(u"id").toString());
        a.ack(drop);
    }
    QCOMPARE(dropped.size(), 2);
    QVERIFY(RawPeer::waitUntil([this] { return m_server->registry().provisionCount() == 0; }));
}

void tst_Server::ping()
{
    RawPeer peer;
    QVERIFY(peer.connectTo(port()));
    QJsonObject result = peer.call("ping", R"({"reply":"hello"})");
    QCOMPARE(result.value(u"message").toString(), u"hello");
    QCOMPARE(result.value(u"session"), QJsonValue(false));
    QCOMPARE(result.value(u"remote").toString(),
             QStringLiteral("127.0.0.1:%1").arg(peer.socket.localPort()));

    const QString session = peer.call("registry.join").value(u"id").toString();
    result = peer.call("ping");
    QCOMPARE(result.value(u"session").toString(), session);
    QVERIFY(result.value(u"message").isNull());

    QElapsedTimer timer;
    timer.start();
    const QByteArray delayed = peer.command("ping", R"({"reply":"late","delay":0.3})");
    const QByteArray quick = peer.command("ping", R"({"reply":"quick"})");
    // The delayed answer does not hold up the next command.
    RawPeer::Message first = peer.next();
    QCOMPARE(first.msgid, quick);
    RawPeer::Message second = peer.next();
    QCOMPARE(second.msgid, delayed);
    QVERIFY2(timer.elapsed() >= 290, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(second.object.value(u"result").toObject().value(u"message").toString(), u"late");

    // Durations past any deadline the clock can hold mean "never", not an overflow: the
    // server stays whole and keeps answering (the fuzzer found 1e300 once).
    const QByteArray never = peer.command("ping", R"({"reply":"never","delay":1e300})");
    const QByteArray huge = peer.command("ping", R"({"reply":"huge","delay":9.2e12})");
    result = peer.call("ping", R"({"reply":"after"})");
    QCOMPARE(result.value(u"message").toString(), u"after");
    QVERIFY(never != huge);
}

void tst_Server::faultTable_data()
{
    QTest::addColumn<bool>("inSession");
    QTest::addColumn<QByteArray>("command");
    QTest::addColumn<QByteArray>("arguments");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("mentions");

    const QString error = QStringLiteral("Error");
    const QString syntax = QStringLiteral("SyntaxError");
    QTest::newRow("unknown command") << false << QByteArray("frobnicate") << QByteArray() << error
                                     << QStringList{QStringLiteral("frobnicate")};
    QTest::newRow("unknown command in session")
        << true << QByteArray("provision.list") << QByteArray() << error
        << QStringList{QStringLiteral("provision.list")};
    QTest::newRow("not allowed before a session")
        << false << QByteArray("provision.add") << provision("h", 1) << error
        << QStringList{QStringLiteral("provision.add")};
    QTest::newRow("leave before a session")
        << false << QByteArray("registry.leave") << QByteArray() << error
        << QStringList{QStringLiteral("registry.leave")};
    QTest::newRow("not allowed in a session")
        << true << QByteArray("registry.join") << QByteArray() << error
        << QStringList{QStringLiteral("registry.join")};
    QTest::newRow("attach in a session")
        << true << QByteArray("session.attach") << QByteArray(R"({"id":"x"})") << error
        << QStringList{QStringLiteral("session.attach")};
    QTest::newRow("server-only command")
        << true << QByteArray("requirement.changed") << QByteArray(R"({"id":"x"})") << error
        << QStringList{QStringLiteral("requirement.changed")};
    QTest::newRow("missing argument") << true << QByteArray("requirement.add") << QByteArray("{}")
                                      << syntax << QStringList{QStringLiteral("environment")};
    QTest::newRow("missing nested argument")
        << true << QByteArray("provision.add")
        << QByteArray("{" + KeyJson + R"(,"address":{"port":1}})") << syntax
        << QStringList{QStringLiteral("address.host")};
    QTest::newRow("unexpected argument")
        << false << QByteArray("ping") << QByteArray(R"({"color":"red"})") << syntax
        << QStringList{QStringLiteral("color")};
    QTest::newRow("unexpected argument of detach")
        << true << QByteArray("session.detach") << QByteArray(R"({"now":true})") << syntax
        << QStringList{QStringLiteral("now")};
    QTest::newRow("wrong type") << false << QByteArray("ping") << QByteArray(R"({"reply":1})")
                                << syntax
                                << QStringList{QStringLiteral("reply"), QStringLiteral("string"),
                                               QStringLiteral("integer")};
    QTest::newRow("wrong type of port")
        << true << QByteArray("provision.add")
        << QByteArray("{" + KeyJson + R"(,"address":{"host":"h","port":"80"}})") << syntax
        << QStringList{QStringLiteral("address.port"), QStringLiteral("integer"),
                       QStringLiteral("string")};
    QTest::newRow("wrong type of wait")
        << true << QByteArray("provision.drop") << QByteArray(R"({"id":"p","wait":true})") << syntax
        << QStringList{QStringLiteral("wait"), QStringLiteral("boolean")};
    QTest::newRow("unknown provision")
        << true << QByteArray("provision.drop") << QByteArray(R"({"id":"p-nope"})") << error
        << QStringList{QStringLiteral("p-nope")};
    QTest::newRow("unknown requirement")
        << true << QByteArray("requirement.drop") << QByteArray(R"({"id":"r-nope"})") << error
        << QStringList{QStringLiteral("r-nope")};
    QTest::newRow("unknown session")
        << false << QByteArray("session.attach") << QByteArray(R"({"id":"s-nope"})") << error
        << QStringList{QStringLiteral("s-nope")};
    QTest::newRow("regex does not compile")
        << true << QByteArray("requirement.add") << requirement(R"({"zone":"(unclosed"})") << syntax
        << QStringList{QStringLiteral("zone")};
}

void tst_Server::faultTable()
{
    QFETCH(bool, inSession);
    QFETCH(QByteArray, command);
    QFETCH(QByteArray, arguments);
    QFETCH(QString, name);
    QFETCH(QStringList, mentions);

    RawPeer peer;
    QVERIFY(peer.connectTo(port()));
    if (inSession)
        QVERIFY(peer.call("registry.join").contains(u"id"));
    const RawPeer::Message answer = peer.reply(peer.command(command, arguments));
    QCOMPARE(answer.kind, 'r');
    const QJsonObject error = answer.object.value(u"error").toObject();
    QCOMPARE(error.value(u"name").toString(), name);
    const QString message = error.value(u"message").toString();
    for (const QString &mention : mentions)
        QVERIFY2(message.contains(mention), qPrintable(message + u" lacks " + mention));

    // The connection survives, in the state it was in.
    const QJsonObject pong = peer.call("ping", R"({"reply":"still here"})");
    QCOMPARE(pong.value(u"message").toString(), u"still here");
    QCOMPARE(pong.value(u"session").isString(), inSession);
}

void tst_Server::garbageLines()
{
    RawPeer peer;
    QVERIFY(peer.connectTo(port()));
    const QList<QByteArray> garbage{
        "hello\n",
        "c:1 ping {\"reply\":\n",
        "c: ping\n",
        "c:2 ping [1,2]\n",
        "r:9\n",
        "c:3 ping {\"reply\":\"\xff\xfe\"}\n",
        QByteArray("\x00\x01\x02\n", 4),
        "e not json\n",
    };
    for (const QByteArray &line : garbage) {
        peer.sendRaw(line);
        const RawPeer::Message m = peer.next();
        QVERIFY2(m.kind == 'e', line.constData());
        QCOMPARE(m.object.value(u"name").toString(), u"SyntaxError");
        QVERIFY(!m.object.value(u"message").toString().isEmpty());
    }
    // CRLF lines are accepted, and an unknown reply is ignored without an answer.
    peer.sendRaw("r:77 {\"result\":{\"ack\":true}}\r\n");
    peer.sendRaw("c:x ping {\"reply\":\"crlf\"}\r\n");
    const RawPeer::Message m = peer.next();
    QCOMPARE(m.msgid, QByteArray("x"));
    QCOMPARE(m.object.value(u"result").toObject().value(u"message").toString(), u"crlf");
    QVERIFY(peer.isConnected());
}

void tst_Server::waitSemantics()
{
    RawPeer subscriber;
    RawPeer provider;
    QVERIFY(join(subscriber));
    QVERIFY(join(provider));
    QVERIFY(subscriber.call("requirement.add", requirement()).contains(u"id"));

    // wait: null answers at once, before anyone acknowledged.
    QString id = provider.call("provision.add", provision("10.0.0.1", 1)).value(u"id").toString();
    subscriber.ack(subscriber.notification());
    QJsonObject answer
        = provider.call("provision.drop", "{\"id\":\"" + id.toUtf8() + "\",\"wait\":null}");
    QCOMPARE(answer, QJsonObject({{QStringLiteral("ack"), true}}));
    RawPeer::Message drop = subscriber.notification();
    QCOMPARE(drop.object.value(u"action").toString(), u"drop");
    subscriber.ack(drop);

    // wait > 0 with a subscriber that does not answer: timed_out after `wait`.
    id = provider.call("provision.add", provision("10.0.0.1", 2)).value(u"id").toString();
    subscriber.ack(subscriber.notification());
    QElapsedTimer timer;
    timer.start();
    answer = provider.call("provision.drop", "{\"id\":\"" + id.toUtf8() + "\",\"wait\":0.3}");
    QCOMPARE(answer, QJsonObject({{QStringLiteral("timed_out"), true}}));
    QVERIFY2(timer.elapsed() >= 290, qPrintable(QString::number(timer.elapsed())));
    drop = subscriber.notification();
    QCOMPARE(drop.object.value(u"action").toString(), u"drop");

    // wait: 0 (the default) answers once the subscriber acknowledged.
    id = provider.call("provision.add", provision("10.0.0.1", 3)).value(u"id").toString();
    subscriber.ack(subscriber.notification());
    const QByteArray msgid = provider.command("provision.drop", "{\"id\":\"" + id.toUtf8() + "\"}");
    drop = subscriber.notification();
    QCOMPARE(drop.object.value(u"action").toString(), u"drop");
    QCOMPARE(provider.next(200).kind, char(0)); // nothing yet: the ack is missing
    subscriber.ack(drop);
    answer = provider.reply(msgid).object.value(u"result").toObject();
    QCOMPARE(answer, QJsonObject({{QStringLiteral("timed_out"), false}}));

    // wait > 0 answered in time.
    id = provider.call("provision.add", provision("10.0.0.1", 4)).value(u"id").toString();
    subscriber.ack(subscriber.notification());
    const QByteArray bounded
        = provider.command("provision.drop", "{\"id\":\"" + id.toUtf8() + "\",\"wait\":5}");
    subscriber.ack(subscriber.notification());
    QCOMPARE(provider.reply(bounded).object.value(u"result").toObject(),
             QJsonObject({{QStringLiteral("timed_out"), false}}));

    // Nobody to notify: answered at once.
    RawPeer lonely;
    QVERIFY(join(lonely));
    const QJsonObject other = lonely.call(
        "provision.add",
        R"({"environment":"dev","service":"x","role":"y","endpoint":"z","address":{"host":"h","port":1}})");
    answer = lonely.call("provision.drop", "{\"id\":\"" + str(other.value(u"id")) + "\"}");
    QCOMPARE(answer, QJsonObject({{QStringLiteral("timed_out"), false}}));
}

void tst_Server::detachQueuesAndAttachDelivers()
{
    RawPeer subscriber;
    RawPeer provider;
    QVERIFY(subscriber.connectTo(port()));
    const QString session
        = subscriber
              .call("registry.join", R"({"options":{"timeout":5,"attributes":{"host":"h1"}}})")
              .value(u"id")
              .toString();
    const QString requirementId
        = subscriber.call("requirement.add", requirement()).value(u"id").toString();
    QCOMPARE(subscriber.call("session.detach"), QJsonObject({{QStringLiteral("ack"), true}}));
    // Detached: commands of a session are refused on this socket now.
    QCOMPARE(subscriber.reply(subscriber.command("provision.add", provision("h", 1)))
                 .object.value(u"error")
                 .toObject()
                 .value(u"name")
                 .toString(),
             u"Error");
    QVERIFY(m_server->registry().hasSession(session));
    QVERIFY(!m_server->registry().isAttached(session));

    QVERIFY(join(provider));
    const QString p1
        = provider.call("provision.add", provision("10.0.0.1", 1)).value(u"id").toString();
    const QString p2
        = provider.call("provision.add", provision("10.0.0.2", 2)).value(u"id").toString();
    QVERIFY(provider.call("provision.drop", "{\"id\":\"" + p1.toUtf8() + "\",\"wait\":null}")
                .contains(u"ack"));
    QCOMPARE(subscriber.next(200).kind, char(0)); // queued, not sent

    RawPeer again; // a new socket, as after a reconnect
    QVERIFY(again.connectTo(port()));
    QCOMPARE(again.call("session.attach", "{\"id\":\"" + session.toUtf8() + "\"}"),
             QJsonObject({{QStringLiteral("ack"), true}}));
    const QList<std::pair<QString, QString>> expected{
        {u"add"_qs, p1}, {u"add"_qs, p2}, {u"drop"_qs, p1}};
    for (const auto &[action, id] : expected) {
        const RawPeer::Message m = again.notification();
        QCOMPARE(m.command, QByteArray("requirement.changed"));
        QCOMPARE(m.object.value(u"id").toString(), requirementId);
        QCOMPARE(m.object.value(u"action").toString(), action);
        QCOMPARE(m.object.value(u"endpoints").toArray().at(0).toObject().value(u"id").toString(),
                 id);
        again.ack(m);
    }
    QVERIFY(RawPeer::waitUntil(
        [this] { return m_server->registry().pendingNotificationCount() == 0; }));
    QCOMPARE(again.call("ping").value(u"session").toString(), session);
}

void tst_Server::sessionTimeoutEndsSession()
{
    RawPeer subscriber;
    QVERIFY(join(subscriber));
    QVERIFY(subscriber.call("requirement.add", requirement()).contains(u"id"));

    QString session;
    {
        RawPeer provider;
        QVERIFY(provider.connectTo(port()));
        session = provider.call("registry.join", R"({"options":{"timeout":0.4}})")
                      .value(u"id")
                      .toString();
        QVERIFY(provider.call("provision.add", provision("10.0.0.9", 9)).contains(u"id"));
        subscriber.ack(subscriber.notification());
    } // the socket closes: the session lives on for 0.4 s
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(subscriber.next(200).kind, char(0));
    QVERIFY(m_server->registry().hasSession(session));
    const RawPeer::Message drop = subscriber.notification(3000);
    QCOMPARE(drop.object.value(u"action").toString(), u"drop");
    QVERIFY2(timer.elapsed() >= 350, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(!m_server->registry().hasSession(session));

    RawPeer late;
    QVERIFY(late.connectTo(port()));
    const RawPeer::Message refused
        = late.reply(late.command("session.attach", "{\"id\":\"" + session.toUtf8() + "\"}"));
    QCOMPARE(refused.object.value(u"error").toObject().value(u"name").toString(), u"Error");
    QVERIFY(
        refused.object.value(u"error").toObject().value(u"message").toString().contains(session));
}

void tst_Server::leaveDropsEverything()
{
    RawPeer subscriber;
    RawPeer provider;
    QVERIFY(join(subscriber));
    QVERIFY(join(provider));
    QVERIFY(subscriber.call("requirement.add", requirement()).contains(u"id"));
    QVERIFY(provider.call("requirement.add", requirement()).contains(u"id"));
    provider.call("provision.add", provision("10.0.0.1", 1));
    provider.call("provision.add", provision("10.0.0.2", 2));
    subscriber.ack(subscriber.notification());
    subscriber.ack(subscriber.notification());

    const QByteArray leave = provider.command("registry.leave");
    for (int i = 0; i < 2; ++i) {
        const RawPeer::Message drop = subscriber.notification();
        QCOMPARE(drop.object.value(u"action").toString(), u"drop");
        subscriber.ack(drop);
    }
    RawPeer::Message answer;
    do {
        answer = provider.next();
    } while (answer.kind == 'c'); // its own add notifications from before; not acknowledged
    QCOMPARE(answer.msgid, leave);
    QCOMPARE(answer.object.value(u"result").toObject(),
             QJsonObject({{QStringLiteral("timed_out"), false}}));
    QCOMPARE(m_server->registry().provisionCount(), 0);
    QCOMPARE(m_server->registry().requirementCount(), 1);
    QCOMPARE(m_server->registry().sessionCount(), 1);
    // The socket may join again.
    QVERIFY(provider.call("registry.join").contains(u"id"));
}

void tst_Server::attributeMatching()
{
    RawPeer subscriber;
    RawPeer provider;
    QVERIFY(join(subscriber));
    QVERIFY(join(provider));
    provider.call("provision.add", provision("10.0.0.1", 1, R"({"zone":"us-west-2c"})"));
    provider.call("provision.add", provision("10.0.0.2", 2, R"({"zone":"ab"})"));
    provider.call("provision.add", provision("10.0.0.3", 3));

    auto count = [&](const QByteArray &attributes) {
        return subscriber.call("requirement.add", requirement(attributes))
            .value(u"endpoints")
            .toArray()
            .size();
    };
    QCOMPARE(count({}), 3);
    QCOMPARE(count(R"({"zone":"us-west-2"})"), 1); // unanchored search
    QCOMPARE(count(R"({"zone":"^a$"})"), 0);       // anchored must match whole
    QCOMPARE(count(R"({"zone":"^ab$"})"), 1);
    QCOMPARE(count(R"({"zone":""})"), 2); // needs the attribute
    QCOMPARE(count(R"({"zone":"b","rack":"."})"), 0);
}

void tst_Server::heartbeatsAndLiveness()
{
    m_server->setHeartbeatInterval(0.1);
    m_server->setLivenessTimeout(0.5);
    RawPeer subscriber;
    QVERIFY(join(subscriber));
    QVERIFY(subscriber.call("requirement.add", requirement()).contains(u"id"));

    RawPeer silent;
    QVERIFY(join(silent));
    QVERIFY(silent.call("provision.add", provision("10.0.0.1", 1)).contains(u"id"));
    subscriber.ack(subscriber.notification());

    // The server sends empty lines; the subscriber answers with its own.
    QElapsedTimer timer;
    timer.start();
    int heartbeats = 0;
    RawPeer::Message drop;
    while (timer.elapsed() < 3000 && drop.kind == 0) {
        subscriber.sendRaw("\n");
        const RawPeer::Message m = subscriber.next(100, false);
        if (m.kind == 'h')
            ++heartbeats;
        else if (m.kind == 'c')
            drop = m;
    }
    QVERIFY(heartbeats >= 2);
    QCOMPARE(drop.object.value(u"action").toString(), u"drop");
    QVERIFY2(timer.elapsed() >= 400 && timer.elapsed() < 1500,
             qPrintable(QString::number(timer.elapsed())));
    QVERIFY(RawPeer::waitUntil([&] { return !silent.isConnected(); }));
    QVERIFY(subscriber.isConnected());
}

void tst_Server::oversizedLineIsCutOff()
{
    RawPeer bystander;
    QVERIFY(join(bystander));
    RawPeer flooder;
    QVERIFY(flooder.connectTo(port()));
    const QByteArray chunk(1024 * 1024, 'x');
    qint64 sent = 0;
    QElapsedTimer timer;
    timer.start();
    auto sawErrorLine = [&flooder] {
        for (const QByteArray &line : std::as_const(flooder.lines)) {
            if (line.startsWith("e {"))
                return true;
        }
        return false;
    };
    while (sent < 100LL * 1024 * 1024 && flooder.isConnected() && timer.elapsed() < 20000) {
        if (flooder.socket.bytesToWrite() < 4 * chunk.size()) {
            flooder.socket.write(chunk);
            sent += chunk.size();
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        // The bystander is served all along.
        if (sent % (16 * chunk.size()) == 0)
            QCOMPARE(bystander.call("ping", R"({"reply":"ok"})").value(u"message").toString(),
                     u"ok");
    }
    QVERIFY(RawPeer::waitUntil([&] { return !flooder.isConnected(); }, 10000));
    QVERIFY2(sent <= 100LL * 1024 * 1024, "the server read on");
    QVERIFY(sawErrorLine());
    QCOMPARE(bystander.call("ping", R"({"reply":"fine"})").value(u"message").toString(), u"fine");
}

void tst_Server::silentSubscriberDoesNotStallOthers()
{
    RawPeer silent; // requires, never acknowledges, never reads
    RawPeer listener;
    RawPeer provider;
    QVERIFY(join(silent));
    QVERIFY(join(listener));
    QVERIFY(join(provider));
    QVERIFY(silent.call("requirement.add", requirement()).contains(u"id"));
    QVERIFY(listener.call("requirement.add", requirement()).contains(u"id"));
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 100; ++i) {
        const QString id = provider.call("provision.add", provision("10.0.0.1", 1000 + i))
                               .value(u"id")
                               .toString();
        QCOMPARE(listener.notification().object.value(u"action").toString(), u"add");
        // A bounded wait returns although `silent` never answers.
        if (i % 25 == 0) {
            const QJsonObject answer
                = provider.call("provision.drop", "{\"id\":\"" + id.toUtf8() + "\",\"wait\":0.05}");
            QCOMPARE(answer.value(u"timed_out"), QJsonValue(true));
            QCOMPARE(listener.notification().object.value(u"action").toString(), u"drop");
        }
    }
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(m_server->registry().pendingNotificationCount() >= 100);
}

void tst_Server::killedPeerIsDropped()
{
    RawPeer subscriber;
    QVERIFY(join(subscriber));
    QVERIFY(subscriber.call("requirement.add", requirement()).contains(u"id"));
    QProcess peer;
    peer.start(QStringLiteral(SCS_TEST_BIN_DIR "/disco_testpeer"),
               {QString::number(port()), QStringLiteral("dev/blog/mysqlmaster/mysql"),
                QStringLiteral("10.1.1.1"), QStringLiteral("3306")});
    QVERIFY(RawPeer::waitUntil([&] { return peer.readAllStandardOutput().startsWith("ready"); }));
    const RawPeer::Message added = subscriber.notification();
    QCOMPARE(added.object.value(u"action").toString(), u"add");
    subscriber.ack(added);

    QElapsedTimer timer;
    timer.start();
    ::kill(pid_t(peer.processId()), SIGKILL);
    const RawPeer::Message drop = subscriber.notification(3000);
    QCOMPARE(drop.object.value(u"action").toString(), u"drop");
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    peer.waitForFinished();
}

void tst_Server::stoppedPeerIsDroppedByLiveness()
{
    m_server->setLivenessTimeout(0.6);
    RawPeer subscriber;
    QVERIFY(join(subscriber));
    QVERIFY(subscriber.call("requirement.add", requirement()).contains(u"id"));
    QProcess peer;
    peer.start(QStringLiteral(SCS_TEST_BIN_DIR "/disco_testpeer"),
               {QString::number(port()), QStringLiteral("dev/blog/mysqlmaster/mysql"),
                QStringLiteral("10.1.1.2"), QStringLiteral("3306")});
    QVERIFY(RawPeer::waitUntil([&] { return peer.readAllStandardOutput().startsWith("ready"); }));
    subscriber.ack(subscriber.notification());
    // SIGSTOP: the socket stays open but nothing comes: a half-open peer.
    ::kill(pid_t(peer.processId()), SIGSTOP);
    QElapsedTimer timer;
    timer.start();
    RawPeer::Message drop;
    while (drop.kind == 0 && timer.elapsed() < 3000) {
        subscriber.sendRaw("\n");
        drop = subscriber.next(100);
    }
    QCOMPARE(drop.object.value(u"action").toString(), u"drop");
    QVERIFY2(timer.elapsed() >= 400 && timer.elapsed() < 2000,
             qPrintable(QString::number(timer.elapsed())));
    ::kill(pid_t(peer.processId()), SIGKILL);
    ::kill(pid_t(peer.processId()), SIGCONT);
    peer.waitForFinished();
}

void tst_Server::shutdownDropsEverySession()
{
    RawPeer subscriber;
    RawPeer provider;
    QVERIFY(join(subscriber));
    QVERIFY(join(provider));
    QVERIFY(subscriber.call("requirement.add", requirement()).contains(u"id"));
    QVERIFY(provider.call("provision.add", provision("10.0.0.1", 1)).contains(u"id"));
    subscriber.ack(subscriber.notification());
    QSignalSpy ended(m_server.get(), &Server::sessionEnded);
    m_server->shutdown();
    QCOMPARE(ended.size(), 2);
    const RawPeer::Message drop = subscriber.notification();
    QCOMPARE(drop.object.value(u"action").toString(), u"drop");
    QVERIFY(
        RawPeer::waitUntil([&] { return !subscriber.isConnected() && !provider.isConnected(); }));
    QCOMPARE(m_server->registry().sessionCount(), 0);
}

void tst_Server::signalsCarryTheTimeline()
{
    QSignalSpy joined(m_server.get(), &Server::sessionJoined);
    QSignalSpy added(m_server.get(), &Server::provisionAdded);
    QSignalSpy dropped(m_server.get(), &Server::provisionDropped);
    QSignalSpy required(m_server.get(), &Server::requirementAdded);
    QSignalSpy unrequired(m_server.get(), &Server::requirementDropped);
    QSignalSpy sent(m_server.get(), &Server::notificationSent);
    QSignalSpy acked(m_server.get(), &Server::notificationAcknowledged);
    QSignalSpy ended(m_server.get(), &Server::sessionEnded);

    RawPeer subscriber;
    RawPeer provider;
    QVERIFY(join(subscriber, R"({"attributes":{"container":"wp1"}})"));
    QVERIFY(join(provider));
    QCOMPARE(joined.size(), 2);
    QCOMPARE(joined.at(0).at(0).value<SessionInfo>().attributes.value(u"container").toString(),
             u"wp1");
    const QString requirementId
        = subscriber.call("requirement.add", requirement()).value(u"id").toString();
    QCOMPARE(required.size(), 1);
    QCOMPARE(required.at(0).at(0).value<RequirementInfo>().key.toString(),
             u"dev/blog/mysqlmaster/mysql");
    provider.call("provision.add", provision("10.0.0.1", 1));
    QCOMPARE(added.size(), 1);
    QCOMPARE(added.at(0).at(0).value<ProvisionInfo>().address.port, 1);
    QVERIFY(RawPeer::waitUntil([&] { return sent.size() == 1; }));
    subscriber.ack(subscriber.notification());
    QVERIFY(RawPeer::waitUntil([&] { return acked.size() == 1; }));
    QCOMPARE(acked.at(0).at(0).value<NotificationInfo>().requirementId, requirementId);
    QVERIFY(acked.at(0).at(1).toLongLong() >= 0);
    subscriber.call("requirement.drop", "{\"id\":\"" + requirementId.toUtf8() + "\"}");
    QCOMPARE(unrequired.size(), 1);
    provider.socket.close();
    QVERIFY(RawPeer::waitUntil([&] { return dropped.size() == 1 && ended.size() == 1; }));
}

QTEST_GUILESS_MAIN(tst_Server)
#include "tst_server.moc"
