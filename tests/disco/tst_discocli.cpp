// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
//
// Acceptance of `scs disco` as a user runs it: the real binary as a process,
// peers on raw sockets, `dig` for DNS SRV, the HTTP API through `scs disco ls`,
// `watch` and `forward` following changes, and a clean stop on SIGTERM.
#include "rawpeer.h"
#include "testconfig.h"
#include "testutil.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>

#include <signal.h>

namespace {

const QString ScsBinary = QStringLiteral(SCS_TEST_BIN_DIR "/scs");
const QByteArray MysqlKey
    = R"("environment":"dev","service":"blog","role":"mysqlmaster","endpoint":"mysql")";

QByteArray provisionJson(const QByteArray &host, int port)
{
    return "{" + MysqlKey + R"(,"address":{"host":")" + host + R"(","port":)"
           + QByteArray::number(port) + "}}";
}

/** Runs \p program to completion while the event loop keeps serving. */
QByteArray runToEnd(const QString &program, const QStringList &arguments, int *exitCode = nullptr)
{
    QProcess process;
    process.start(program, arguments);
    RawPeer::waitUntil([&] { return process.state() == QProcess::NotRunning; }, 20000);
    if (exitCode)
        *exitCode = process.exitCode();
    return process.readAllStandardOutput();
}

/** A backend that answers every connection with its name and closes. */
class NameServer : public QTcpServer
{
public:
    explicit NameServer(QByteArray name)
        : m_name(std::move(name))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    socket->readAll();
                    socket->write(m_name);
                    socket->disconnectFromHost();
                });
            }
        });
        listen(QHostAddress::LocalHost, 0);
    }

private:
    QByteArray m_name;
};

QByteArray fetchThrough(quint16 port)
{
    QTcpSocket socket;
    QByteArray answer;
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [&] { answer += socket.readAll(); });
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    RawPeer::waitUntil([&] { return socket.state() == QAbstractSocket::ConnectedState; });
    socket.write("GET / HTTP/1.0\r\n\r\n");
    RawPeer::waitUntil([&] { return socket.state() == QAbstractSocket::UnconnectedState; }, 10000);
    answer += socket.readAll();
    return answer;
}

} // namespace

class tst_DiscoCli : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void digFindsRegisteredEndpoints();
    void lsListsWhatIsRegistered();
    void watchPrintsChanges();
    void forwardFollowsTheEndpoint();
    void sigtermDropsEverySession();
    void badArguments();

private:
    QProcess m_serve;
    QByteArray m_log;
    quint16 m_port = 0;
    quint16 m_httpPort = 0;
    quint16 m_dnsPort = 0;
};

void tst_DiscoCli::init()
{
    m_log.clear();
    m_serve.setProcessChannelMode(QProcess::SeparateChannels);
    m_serve.start(ScsBinary, {QStringLiteral("disco"), QStringLiteral("serve"),
                              QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                              QStringLiteral("--http"), QStringLiteral("127.0.0.1:0"),
                              QStringLiteral("--dns"), QStringLiteral("127.0.0.1:0"),
                              QStringLiteral("--heartbeat"), QStringLiteral("0.5")});
    QVERIFY(m_serve.waitForStarted());
    const QRegularExpression protocol(QStringLiteral("server listening on 127.0.0.1:(\\d+)"));
    const QRegularExpression http(QStringLiteral("HTTP API on http://127.0.0.1:(\\d+)/"));
    const QRegularExpression dns(QStringLiteral("DNS SRV responder on 127.0.0.1:(\\d+)"));
    QVERIFY(RawPeer::waitUntil([&] {
        m_log += m_serve.readAllStandardError();
        const QString log = QString::fromUtf8(m_log);
        const auto a = protocol.match(log);
        const auto b = http.match(log);
        const auto c = dns.match(log);
        if (!a.hasMatch() || !b.hasMatch() || !c.hasMatch())
            return false;
        m_port = a.captured(1).toUShort();
        m_httpPort = b.captured(1).toUShort();
        m_dnsPort = c.captured(1).toUShort();
        return true;
    }));
}

void tst_DiscoCli::cleanup()
{
    if (m_serve.state() != QProcess::NotRunning) {
        m_serve.kill();
        m_serve.waitForFinished();
    }
}

void tst_DiscoCli::digFindsRegisteredEndpoints()
{
    RawPeer a;
    RawPeer b;
    QVERIFY(a.connectTo(m_port));
    QVERIFY(b.connectTo(m_port));
    QVERIFY(a.call("registry.join").contains(u"id"));
    QVERIFY(b.call("registry.join").contains(u"id"));
    const QString first
        = a.call("provision.add", provisionJson("10.20.0.1", 3306)).value(u"id").toString();
    const QString second
        = b.call("provision.add", provisionJson("10.20.0.2", 3307)).value(u"id").toString();
    QVERIFY(!first.isEmpty() && !second.isEmpty());

    const QStringList dig{QStringLiteral("@127.0.0.1"), QStringLiteral("-p"),
                          QString::number(m_dnsPort), QStringLiteral("+time=2"),
                          QStringLiteral("+tries=1")};
    const QString srv = QString::fromUtf8(
        runToEnd(QStringLiteral("dig"),
                 dig
                     + QStringList{QStringLiteral("SRV"),
                                   QStringLiteral("_mysql._tcp.mysqlmaster.blog.dev.disco."),
                                   QStringLiteral("+noall"), QStringLiteral("+answer"),
                                   QStringLiteral("+additional")}));
    QVERIFY2(
        srv.contains(QRegularExpression(
            QStringLiteral("SRV\\s+0 1 3306 %1\\.mysqlmaster\\.blog\\.dev\\.disco\\.").arg(first))),
        qPrintable(srv));
    QVERIFY2(srv.contains(QRegularExpression(QStringLiteral("SRV\\s+0 1 3307 %1\\.").arg(second))),
             qPrintable(srv));
    QVERIFY2(srv.contains(QRegularExpression(QStringLiteral("IN\\s+A\\s+10\\.20\\.0\\.1"))),
             qPrintable(srv));
    QVERIFY2(srv.contains(QRegularExpression(QStringLiteral("IN\\s+A\\s+10\\.20\\.0\\.2"))),
             qPrintable(srv));

    // The target name resolves too.
    const QString target = QString::fromUtf8(
        runToEnd(QStringLiteral("dig"),
                 dig
                     + QStringList{QStringLiteral("+short"), QStringLiteral("A"),
                                   first + QStringLiteral(".mysqlmaster.blog.dev.disco.")}));
    QCOMPARE(target.trimmed(), u"10.20.0.1");

    // An unknown key is NXDOMAIN; a name outside the zone is refused.
    const QString unknown = QString::fromUtf8(
        runToEnd(QStringLiteral("dig"),
                 dig
                     + QStringList{QStringLiteral("SRV"),
                                   QStringLiteral("_http._tcp.web.blog.dev.disco.")}));
    QVERIFY2(unknown.contains(u"status: NXDOMAIN"), qPrintable(unknown));
    const QString outside = QString::fromUtf8(
        runToEnd(QStringLiteral("dig"),
                 dig + QStringList{QStringLiteral("A"), QStringLiteral("example.org.")}));
    QVERIFY2(outside.contains(u"status: REFUSED"), qPrintable(outside));

    // After the provider leaves, its record is gone.
    QVERIFY(a.call("registry.leave").contains(u"timed_out"));
    const QString after = QString::fromUtf8(
        runToEnd(QStringLiteral("dig"),
                 dig
                     + QStringList{QStringLiteral("+short"), QStringLiteral("SRV"),
                                   QStringLiteral("_mysql._tcp.mysqlmaster.blog.dev.disco.")}));
    QCOMPARE(after.trimmed().split(u'\n').size(), 1);
    QVERIFY(after.contains(u"3307"));
}

void tst_DiscoCli::lsListsWhatIsRegistered()
{
    RawPeer peer;
    QVERIFY(peer.connectTo(m_port));
    QVERIFY(peer.call("registry.join").contains(u"id"));
    QVERIFY(peer.call("provision.add", provisionJson("10.30.0.1", 3306)).contains(u"id"));
    QVERIFY(
        peer.call(
                "provision.add",
                R"({"environment":"dev","service":"blog","role":"wordpress","endpoint":"http","address":{"host":"10.30.0.2","port":80},"attributes":{"zone":"a"}})")
            .contains(u"id"));
    const QStringList server{QStringLiteral("--server"),
                             QStringLiteral("127.0.0.1:%1").arg(m_httpPort)};
    int exitCode = -1;
    const QString all = QString::fromUtf8(runToEnd(
        ScsBinary, QStringList{QStringLiteral("disco"), QStringLiteral("ls")} + server, &exitCode));
    QCOMPARE(exitCode, 0);
    QVERIFY2(all.contains(u"dev/blog/mysqlmaster/mysql\n  10.30.0.1:3306"), qPrintable(all));
    QVERIFY2(all.contains(u"dev/blog/wordpress/http\n  10.30.0.2:80"), qPrintable(all));
    QVERIFY(all.contains(u"zone=a"));
    const QString filtered = QString::fromUtf8(
        runToEnd(ScsBinary, QStringList{QStringLiteral("disco"), QStringLiteral("ls")} + server
                                + QStringList{QStringLiteral("dev/blog/wordpress")}));
    QVERIFY(filtered.contains(u"10.30.0.2:80"));
    QVERIFY(!filtered.contains(u"3306"));

    // No server there: a clear error and a failing exit code.
    runToEnd(ScsBinary,
             {QStringLiteral("disco"), QStringLiteral("ls"), QStringLiteral("--server"),
              QStringLiteral("127.0.0.1:1")},
             &exitCode);
    QCOMPARE(exitCode, 1);
}

void tst_DiscoCli::watchPrintsChanges()
{
    QProcess watch;
    watch.start(ScsBinary,
                {QStringLiteral("disco"), QStringLiteral("watch"), QStringLiteral("--server"),
                 QStringLiteral("127.0.0.1:%1").arg(m_port), QStringLiteral("--attr"),
                 QStringLiteral("zone=^eu"), QStringLiteral("dev/blog/mysqlmaster/mysql")});
    QByteArray out;
    QVERIFY(RawPeer::waitUntil([&] {
        out += watch.readAllStandardOutput();
        return out.contains("no endpoint yet");
    }));
    RawPeer provider;
    QVERIFY(provider.connectTo(m_port));
    QVERIFY(provider.call("registry.join").contains(u"id"));
    const QByteArray withZone
        = "{" + MysqlKey
          + R"(,"address":{"host":"10.40.0.1","port":1},"attributes":{"zone":"eu-1"}})";
    const QByteArray otherZone
        = "{" + MysqlKey
          + R"(,"address":{"host":"10.40.0.2","port":2},"attributes":{"zone":"us-1"}})";
    const QString id = provider.call("provision.add", withZone).value(u"id").toString();
    provider.call("provision.add", otherZone);
    QVERIFY(RawPeer::waitUntil([&] {
        out += watch.readAllStandardOutput();
        return out.contains("add 10.40.0.1:1");
    }));
    provider.call("provision.drop", "{\"id\":\"" + id.toUtf8() + "\"}"); // waits for watch's ack
    QVERIFY(RawPeer::waitUntil([&] {
        out += watch.readAllStandardOutput();
        return out.contains("drop 10.40.0.1:1");
    }));
    QVERIFY(!out.contains("10.40.0.2"));
    ::kill(pid_t(watch.processId()), SIGINT);
    QVERIFY(RawPeer::waitUntil([&] { return watch.state() == QProcess::NotRunning; }));
    QCOMPARE(watch.exitStatus(), QProcess::NormalExit);
    QCOMPARE(watch.exitCode(), 0);
}

void tst_DiscoCli::forwardFollowsTheEndpoint()
{
    NameServer blue("blue");
    NameServer green("green");
    QTcpServer probe; // find a free port for the forwarder
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 localPort = probe.serverPort();
    probe.close();

    QProcess forward;
    forward.start(ScsBinary,
                  {QStringLiteral("disco"), QStringLiteral("forward"), QStringLiteral("--server"),
                   QStringLiteral("127.0.0.1:%1").arg(m_port),
                   QStringLiteral("%1:dev/blog/wordpress/http").arg(localPort)});
    QByteArray log;
    QVERIFY(RawPeer::waitUntil([&] {
        log += forward.readAllStandardError();
        return log.contains("endpoints now");
    }));

    auto wordpressAt = [](quint16 port) -> QByteArray {
        return R"({"environment":"dev","service":"blog","role":"wordpress","endpoint":"http","address":{"host":"127.0.0.1","port":)"
               + QByteArray::number(port) + "}}";
    };
    RawPeer blueHost;
    QVERIFY(blueHost.connectTo(m_port));
    QVERIFY(blueHost.call("registry.join").contains(u"id"));
    QVERIFY(blueHost.call("provision.add", wordpressAt(blue.serverPort())).contains(u"id"));
    QVERIFY(RawPeer::waitUntil([&] { return fetchThrough(localPort) == "blue"; }));

    // WordPress moves: green appears, blue goes away.
    RawPeer greenHost;
    QVERIFY(greenHost.connectTo(m_port));
    QVERIFY(greenHost.call("registry.join").contains(u"id"));
    QVERIFY(greenHost.call("provision.add", wordpressAt(green.serverPort())).contains(u"id"));
    QVERIFY(RawPeer::waitUntil([&] { return fetchThrough(localPort) == "green"; }));
    blueHost.socket.close();
    QCOMPARE(fetchThrough(localPort), QByteArray("green"));

    // A registered endpoint that refuses connections: the forwarder fails over.
    const quint16 deadPort = green.serverPort();
    green.close();
    RawPeer deadHost;
    QVERIFY(deadHost.connectTo(m_port));
    QVERIFY(deadHost.call("registry.join").contains(u"id"));
    QVERIFY(deadHost.call("provision.add", wordpressAt(deadPort)).contains(u"id"));
    NameServer revived("revived");
    QVERIFY(greenHost.call("provision.add", wordpressAt(revived.serverPort())).contains(u"id"));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(fetchThrough(localPort), QByteArray("revived"));

    ::kill(pid_t(forward.processId()), SIGTERM);
    QVERIFY(RawPeer::waitUntil([&] { return forward.state() == QProcess::NotRunning; }));
    QCOMPARE(forward.exitCode(), 0);
}

void tst_DiscoCli::sigtermDropsEverySession()
{
    RawPeer subscriber;
    RawPeer provider;
    QVERIFY(subscriber.connectTo(m_port));
    QVERIFY(provider.connectTo(m_port));
    QVERIFY(subscriber.call("registry.join").contains(u"id"));
    QVERIFY(provider.call("registry.join").contains(u"id"));
    QVERIFY(subscriber.call("requirement.add", "{" + MysqlKey + "}").contains(u"id"));
    QVERIFY(provider.call("provision.add", provisionJson("10.50.0.1", 1)).contains(u"id"));
    subscriber.ack(subscriber.notification());

    ::kill(pid_t(m_serve.processId()), SIGTERM);
    const RawPeer::Message drop = subscriber.notification();
    QCOMPARE(drop.object.value(u"action").toString(), u"drop");
    QVERIFY(RawPeer::waitUntil([&] { return m_serve.state() == QProcess::NotRunning; }));
    QCOMPARE(m_serve.exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_serve.exitCode(), 0);
    m_log += m_serve.readAllStandardError();
    QVERIFY(m_log.contains("provision "));
    QVERIFY(m_log.contains(" ended"));
    QVERIFY(RawPeer::waitUntil([&] { return !subscriber.isConnected(); }));
}

void tst_DiscoCli::badArguments()
{
    int exitCode = -1;
    const QList<QStringList> bad{
        {QStringLiteral("disco"), QStringLiteral("frob")},
        {QStringLiteral("disco"), QStringLiteral("serve"), QStringLiteral("--listen"),
         QStringLiteral("nope")},
        {QStringLiteral("disco"), QStringLiteral("serve"), QStringLiteral("--heartbeat"),
         QStringLiteral("-1")},
        {QStringLiteral("disco"), QStringLiteral("serve"), QStringLiteral("--log-level"),
         QStringLiteral("loud")},
        {QStringLiteral("disco"), QStringLiteral("watch"), QStringLiteral("dev/blog")},
        {QStringLiteral("disco"), QStringLiteral("watch"), QStringLiteral("--attr"),
         QStringLiteral("noequals"), QStringLiteral("a/b/c/d")},
        {QStringLiteral("disco"), QStringLiteral("forward"), QStringLiteral("dev/blog/web/http")},
    };
    for (const QStringList &arguments : bad) {
        runToEnd(ScsBinary, arguments, &exitCode);
        QVERIFY2(exitCode == 2, qPrintable(arguments.join(u' ')));
    }
    // The listen port is taken (by our own server): a clear failure.
    runToEnd(ScsBinary,
             {QStringLiteral("disco"), QStringLiteral("serve"), QStringLiteral("--listen"),
              QStringLiteral("127.0.0.1:%1").arg(m_port), QStringLiteral("--http"),
              QStringLiteral("off"), QStringLiteral("--dns"), QStringLiteral("off")},
             &exitCode);
    QCOMPARE(exitCode, 1);
}

QTEST_GUILESS_MAIN(tst_DiscoCli)
#include "tst_discocli.moc"
