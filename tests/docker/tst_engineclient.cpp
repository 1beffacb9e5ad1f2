// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
// Docker::EngineClient against the real engine of the test command (SCS_TEST_DOCKER_HOST).

#include "docker/enginestream.h"
#include "docker/engineworker.h"
#include "dockertestutil.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpSocket>

using namespace DockerTest;
using Docker::EngineClient;

class tst_EngineClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        SCS_REQUIRE_DOCKER();
        const auto host = testHost();
        QVERIFY_RESULT(host);
        m_client = std::make_unique<EngineClient>(*host);
        const auto image = ensureBusyboxImage(*m_client);
        QVERIFY_RESULT(image);
    }

    void cleanupTestCase()
    {
        if (!m_client)
            return;
        for (const QString &id : std::as_const(m_containers))
            (void)await(m_client->removeContainer(id, true, true));
    }

    void versionAndPing()
    {
        const auto version = await(m_client->version());
        QVERIFY_RESULT(version);
        QVERIFY(!version->version.isEmpty());
        QCOMPARE(version->negotiatedApiVersion, Docker::Internal::EngineWorker::negotiate(
                                                    version->apiVersion, version->minApiVersion));
        QVERIFY_RESULT(await(m_client->ping()));
    }

    void inspectImage()
    {
        const auto image = await(m_client->inspectImage(busyboxImage()));
        QVERIFY_RESULT(image);
        QVERIFY(image->id.startsWith(QStringLiteral("sha256:")));
        QVERIFY(image->repoTags.contains(busyboxImage()));
        QCOMPARE(image->command, QStringList{QStringLiteral("/bin/sh")});
    }

    void missingImageIsNotFound()
    {
        const auto image = await(m_client->inspectImage(QStringLiteral("scs-test/none:missing")));
        QVERIFY(!image);
        QCOMPARE(image.error().kind, Scs::Error::Kind::NotFound);
        QCOMPARE(image.error().status, 404);
        QVERIFY2(image.error().message.startsWith(QStringLiteral(
                     "host local: GET /images/scs-test/none:missing/json: 404 Not Found: ")),
                 qPrintable(image.error().message));
    }

    void containerLifecycle()
    {
        const QString name = uniqueName(QStringLiteral("life"));
        Docker::ContainerSpec spec;
        spec.name = name;
        spec.image = busyboxImage();
        spec.command
            = {QStringLiteral("sh"), QStringLiteral("-c"),
               QStringLiteral("echo hello $GREETING; echo oops >&2; exec httpd -f -p 8080")};
        spec.environment = {{QStringLiteral("GREETING"), QStringLiteral("world")}};
        spec.labels = {{QStringLiteral("scs.test"), name}};
        spec.ports
            = {Docker::PortBinding{8080, QStringLiteral("tcp"), QStringLiteral("127.0.0.1"), 0}};
        spec.init = true;
        spec.restart = {QStringLiteral("on-failure"), 2};
        spec.health = Docker::HealthCheck{{QStringLiteral("true")}, 0.5, 2, 3, 0};
        const auto id = await(m_client->createContainer(spec));
        QVERIFY_RESULT(id);
        m_containers.append(*id);

        // The name is taken now: a second create is a 409 that says so.
        const auto again = await(m_client->createContainer(spec));
        QVERIFY(!again);
        QCOMPARE(again.error().kind, Scs::Error::Kind::Conflict);
        QVERIFY2(again.error().message.contains(
                     QStringLiteral("POST /containers/create: 409 Conflict:")),
                 qPrintable(again.error().message));

        QVERIFY_RESULT(await(m_client->startContainer(*id)));
        QVERIFY_RESULT(await(m_client->startContainer(*id))); // already running: fine

        auto info = await(m_client->inspectContainer(*id));
        QVERIFY_RESULT(info);
        QCOMPARE(info->name, name);
        QVERIFY(info->state.running);
        QCOMPARE(info->labels.value(QStringLiteral("scs.test")), name);
        QCOMPARE(info->environment.value(QStringLiteral("GREETING")), QStringLiteral("world"));
        const int port = info->publishedPort(8080);
        QVERIFY2(port > 0,
                 QJsonDocument(info->raw.value(QStringLiteral("NetworkSettings")).toObject())
                     .toJson()
                     .constData());
        QCOMPARE(info->ports.first().hostIp, QStringLiteral("127.0.0.1"));

        // The published port answers on loopback.
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(port));
        QVERIFY(socket.waitForConnected(5000));
        socket.close();

        // Healthy soon (interval 0.5 s).
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto i = await(m_client->inspectContainer(*id));
                return i && i->state.health == QStringLiteral("healthy");
            }(),
            15000);

        const auto list = await(m_client->listContainers(
            Docker::ContainerFilter{true, {{QStringLiteral("scs.test"), name}}, {}}));
        QVERIFY_RESULT(list);
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->first().id, *id);
        QCOMPARE(list->first().names, QStringList{name});
        QCOMPARE(list->first().state, QStringLiteral("running"));

        const auto logs = await(m_client->logs(*id));
        QVERIFY_RESULT(logs);
        QByteArray out;
        QByteArray err;
        for (const auto &frame : *logs)
            (frame.stream == Docker::LogFrame::Stream::StdErr ? err : out) += frame.data;
        QCOMPARE(out, QByteArray("hello world\n"));
        QCOMPARE(err, QByteArray("oops\n"));

        QVERIFY_RESULT(await(m_client->stopContainer(*id, 5)));
        QVERIFY_RESULT(await(m_client->stopContainer(*id, 5))); // already stopped: fine
        info = await(m_client->inspectContainer(*id));
        QVERIFY_RESULT(info);
        QVERIFY(!info->state.running);
        QCOMPARE(info->state.status, QStringLiteral("exited"));

        QVERIFY_RESULT(await(m_client->removeContainer(*id)));
        m_containers.removeAll(*id);
        const auto gone = await(m_client->inspectContainer(*id));
        QVERIFY(!gone);
        QCOMPARE(gone.error().kind, Scs::Error::Kind::NotFound);
    }

private:
    std::unique_ptr<EngineClient> m_client;
    QStringList m_containers;
};

QTEST_GUILESS_MAIN(tst_EngineClient)
#include "tst_engineclient.moc"
