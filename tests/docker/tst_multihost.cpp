// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
// Two Docker hosts: the test engine (host "a") and a second dockerd in a network namespace
// of this test (host "b", tests/runtime/dockhosts.sh), each reached over its own socket.
// Images go from a to b without a registry; a volume's files go from a container on a to
// one on b; b publishes a port on its LAN address, reachable from here.

#include "docker/enginestream.h"
#include "dockertestutil.h"
#include "testconfig.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTcpSocket>

using namespace DockerTest;
using Docker::EngineClient;

namespace {

// Addresses and names of this test only (other tests use 10.231.x and their own names).
const QString lanPrefix = QStringLiteral("10.232.0");
const QString hostB = QStringLiteral("scsdk-b");
const QString hostBAddress = QStringLiteral("10.232.0.2");

QProcessEnvironment fixtureEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SCS_DOCKHOST_PREFIX"), lanPrefix);
    env.insert(QStringLiteral("SCS_DOCKHOST_BIP"), QStringLiteral("10.232"));
    env.insert(QStringLiteral("SCS_DOCKHOST_LAN"), QStringLiteral("scsdk-lan"));
    return env;
}

Scs::Result<QString> fixture(const QStringList &arguments)
{
    QProcess process;
    process.setProcessEnvironment(fixtureEnvironment());
    process.start(QStringLiteral(SCS_TEST_SOURCE_DIR)
                      + QStringLiteral("/tests/runtime/dockhosts.sh"),
                  arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return Scs::makeError(
            QStringLiteral("dockhosts.sh %1 failed: %2")
                .arg(arguments.join(u' '), QString::fromLocal8Bit(process.readAllStandardError())));
    return QString::fromLocal8Bit(process.readAllStandardOutput()).trimmed();
}

} // namespace

class tst_MultiHost : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        SCS_REQUIRE_DOCKER();
        auto a = testHost(QStringLiteral("a"));
        QVERIFY_RESULT(a);
        m_a = std::make_unique<EngineClient>(*a);
        QVERIFY_RESULT(ensureBusyboxImage(*m_a));

        QVERIFY_RESULT(fixture({QStringLiteral("lan-up")}));
        m_lanUp = true;
        const auto address = fixture({QStringLiteral("up"), hostB, QStringLiteral("2")});
        QVERIFY_RESULT(address);
        m_hostUp = true;
        auto b = Docker::HostConfig::fromAddress(QStringLiteral("b"), *address);
        QVERIFY_RESULT(b);
        m_b = std::make_unique<EngineClient>(*b);
    }

    void cleanupTestCase()
    {
        if (m_b) {
            for (const QString &id : std::as_const(m_containersB))
                (void)await(m_b->removeContainer(id, true, true));
        }
        if (m_a) {
            for (const QString &id : std::as_const(m_containersA))
                (void)await(m_a->removeContainer(id, true, true));
        }
        m_b.reset();
        if (m_hostUp)
            QVERIFY_RESULT(fixture({QStringLiteral("down"), hostB}));
        if (m_lanUp)
            QVERIFY_RESULT(fixture({QStringLiteral("lan-down")}));
    }

    void bothHostsAnswer()
    {
        const auto va = await(m_a->version());
        const auto vb = await(m_b->version());
        QVERIFY_RESULT(va);
        QVERIFY_RESULT(vb);
        QVERIFY(!vb->version.isEmpty());
        // Different engines: b has its own containers (none of a's).
        const auto listB = await(m_b->listContainers());
        QVERIFY_RESULT(listB);
        const auto listA = await(m_a->listContainers());
        QVERIFY_RESULT(listA);
        for (const auto &c : *listB) {
            for (const auto &other : *listA)
                QVERIFY(c.id != other.id);
        }
    }

    void imageTravelsWithoutRegistry()
    {
        (void)await(m_b->removeImage(busyboxImage(), true));
        QCOMPARE(await(m_b->inspectImage(busyboxImage())).error().kind, Scs::Error::Kind::NotFound);
        QVERIFY_RESULT(await(EngineClient::transferImages(*m_a, *m_b, {busyboxImage()})));
        const auto onA = await(m_a->inspectImage(busyboxImage()));
        const auto onB = await(m_b->inspectImage(busyboxImage()));
        QVERIFY_RESULT(onA);
        QVERIFY_RESULT(onB);
        QCOMPARE(onB->id, onA->id);
    }

    void publishedPortOnTheLanAddress()
    {
        Docker::ContainerSpec spec;
        spec.name = uniqueName(QStringLiteral("web"));
        spec.image = busyboxImage();
        spec.init = true;
        spec.command = {QStringLiteral("httpd"), QStringLiteral("-f"), QStringLiteral("-p"),
                        QStringLiteral("8080")};
        spec.ports = {Docker::PortBinding{8080, QStringLiteral("tcp"), hostBAddress, 0}};
        const auto id = await(m_b->createContainer(spec));
        QVERIFY_RESULT(id);
        m_containersB.append(*id);
        QVERIFY_RESULT(await(m_b->startContainer(*id)));
        const auto info = await(m_b->inspectContainer(*id));
        QVERIFY_RESULT(info);
        const int port = info->publishedPort(8080);
        QVERIFY(port > 0);
        QTcpSocket socket;
        socket.connectToHost(hostBAddress, quint16(port));
        QVERIFY2(socket.waitForConnected(5000), qPrintable(socket.errorString()));
        socket.write("GET / HTTP/1.0\r\n\r\n");
        QVERIFY(socket.waitForReadyRead(5000));
        QVERIFY(socket.readAll().startsWith("HTTP/1."));
    }

    void filesTravelBetweenHosts()
    {
        const QString a = startSleeper(*m_a, m_containersA);
        const QString b = startSleeper(*m_b, m_containersB);
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        Docker::ExecSpec write;
        write.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                         QStringLiteral("mkdir -p /data/vol && seq 1 20000 > /data/vol/numbers")};
        QCOMPARE(await(m_a->exec(a, write))->exitCode, 0);
        QVERIFY_RESULT(await(EngineClient::copyArchive(*m_a, a, QStringLiteral("/data/vol"), *m_b,
                                                       b, QStringLiteral("/tmp"))));
        Docker::ExecSpec check;
        check.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                         QStringLiteral("wc -l < /tmp/vol/numbers")};
        const auto counted = await(m_b->exec(b, check));
        QVERIFY_RESULT(counted);
        QCOMPARE(counted->standardOutput.trimmed(), QByteArray("20000"));
    }

    void eventsPerHost()
    {
        auto *eventsB = m_b->streamEvents(0, {}, this);
        QSignalSpy spyB(eventsB, &Docker::EventStream::eventsReceived);
        QTest::qWait(300);
        const QString b = startSleeper(*m_b, m_containersB);
        QVERIFY(!b.isEmpty());
        QVERIFY_RESULT(await(m_b->killContainer(b)));
        const auto sawDie = [&] {
            for (const auto &args : spyB) {
                for (const auto &e : args.first().value<QList<Docker::Event>>()) {
                    if (e.action == u"die" && e.actorId == b)
                        return true;
                }
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(sawDie(), 10000);
        delete eventsB;
    }

private:
    static QString startSleeper(EngineClient &client, QStringList &created)
    {
        Docker::ContainerSpec spec;
        spec.name = uniqueName(QStringLiteral("sleep"));
        spec.image = busyboxImage();
        spec.init = true;
        spec.command = {QStringLiteral("sleep"), QStringLiteral("60")};
        const auto id = await(client.createContainer(spec));
        if (!id)
            return {};
        created.append(*id);
        if (!await(client.startContainer(*id)))
            return {};
        return *id;
    }

    std::unique_ptr<EngineClient> m_a;
    std::unique_ptr<EngineClient> m_b;
    bool m_lanUp = false;
    bool m_hostUp = false;
    QStringList m_containersA;
    QStringList m_containersB;
};

QTEST_GUILESS_MAIN(tst_MultiHost)
#include "tst_multihost.moc"
