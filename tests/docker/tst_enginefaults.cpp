// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
// EngineClient against engines that misbehave: a fake engine on a unix socket of the
// test that refuses, answers errors, stalls, or dies in the middle of a stream.
// (The real engine is exercised by tst_engineclient; this adds the faults it cannot make.)

#include "docker/engineclient.h"
#include "docker/enginestream.h"
#include "docker/eventmonitor.h"
#include "dockertestutil.h"

#include <QElapsedTimer>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <functional>

using namespace DockerTest;
using Docker::EngineClient;
using Scs::Error;

namespace {

/** What the fake engine does with a request: raw bytes to send, then maybe close. */
struct Answer
{
    QByteArray bytes;
    bool close = true;
};

QByteArray http(int status, const QByteArray &reason, const QByteArray &body,
                const QByteArray &type = "application/json")
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: " + type
           + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

class FakeEngine : public QObject
{
public:
    explicit FakeEngine(std::function<std::optional<Answer>(const QByteArray &requestLine)> script)
        : m_script(std::move(script))
    {
        m_server.listen(m_dir.filePath(QStringLiteral("fake.sock")));
        connect(&m_server, &QLocalServer::newConnection, this, [this] {
            while (QLocalSocket *socket = m_server.nextPendingConnection()) {
                m_sockets.append(socket);
                connect(socket, &QLocalSocket::readyRead, this, [this, socket] { serve(socket); });
            }
        });
    }
    QString address() const { return QStringLiteral("unix://") + m_server.fullServerName(); }
    QStringList requests;

private:
    void serve(QLocalSocket *socket)
    {
        m_buffers[socket] += socket->readAll();
        QByteArray &buffer = m_buffers[socket];
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = buffer.left(end);
            qsizetype length = 0;
            for (const QByteArray &line : head.split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (buffer.size() < end + 4 + length)
                return;
            buffer.remove(0, end + 4 + length);
            const QByteArray requestLine = head.left(head.indexOf('\r'));
            requests.append(QString::fromLatin1(requestLine));
            const auto answer = m_script(requestLine);
            if (!answer)
                continue; // stall: never answer
            socket->write(answer->bytes);
            socket->flush();
            if (answer->close) {
                socket->disconnectFromServer();
                return;
            }
        }
    }

    QTemporaryDir m_dir;
    QLocalServer m_server;
    QList<QLocalSocket *> m_sockets;
    QHash<QLocalSocket *, QByteArray> m_buffers;
    std::function<std::optional<Answer>(const QByteArray &)> m_script;
};

const QByteArray versionBody
    = R"({"Version":"20.10.24","ApiVersion":"1.41","MinAPIVersion":"1.12"})";

std::optional<Answer> answerVersion(const QByteArray &line)
{
    if (line.startsWith("GET /version"))
        return Answer{http(200, "OK", versionBody), false};
    return std::nullopt;
}

Docker::HostConfig fakeHost(const QString &address, int timeoutMs = 10000)
{
    auto config = Docker::HostConfig::fromAddress(QStringLiteral("fake"), address);
    Q_ASSERT(config);
    config->timeoutMs = timeoutMs;
    config->connectTimeoutMs = 2000;
    return *config;
}

} // namespace

class tst_EngineFaults : public QObject
{
    Q_OBJECT

private slots:
    void engineNotRunning()
    {
        QTemporaryDir dir;
        EngineClient client(
            fakeHost(QStringLiteral("unix://") + dir.filePath(QStringLiteral("none.sock"))));
        QElapsedTimer timer;
        timer.start();
        const auto ping = await(client.ping(), 10000);
        QVERIFY(!ping);
        QCOMPARE(ping.error().kind, Error::Kind::Network);
        QVERIFY2(ping.error().message.startsWith(QStringLiteral("host fake (unix://")),
                 qPrintable(ping.error().message));
        QVERIFY2(ping.error().message.contains(QStringLiteral("GET /_ping")),
                 qPrintable(ping.error().message));
        QVERIFY(timer.elapsed() < 5000);
        // A versioned call fails the same way (during the version negotiation).
        const auto list = await(client.listContainers(), 10000);
        QVERIFY(!list);
        QVERIFY2(list.error().message.contains(QStringLiteral("GET /version")),
                 qPrintable(list.error().message));
    }

    void serverErrorCarriesEngineMessage()
    {
        FakeEngine engine([](const QByteArray &line) -> std::optional<Answer> {
            if (auto v = answerVersion(line))
                return v;
            return Answer{http(500, "Internal Server Error", R"({"message":"boom: disk full"})"),
                          false};
        });
        EngineClient client(fakeHost(engine.address()));
        const auto created = await(client.createContainer({}));
        QVERIFY(!created);
        QCOMPARE(created.error().kind, Error::Kind::Remote);
        QCOMPARE(created.error().status, 500);
        QCOMPARE(created.error().message,
                 QStringLiteral("host fake: POST /containers/create: 500 Internal Server Error: "
                                "boom: disk full"));
        QVERIFY(engine.requests.contains(QStringLiteral("POST /v1.41/containers/create HTTP/1.1")));
    }

    void negotiatesDownToOlderEngines()
    {
        FakeEngine engine([](const QByteArray &line) -> std::optional<Answer> {
            if (line.startsWith("GET /version"))
                return Answer{http(200, "OK", R"({"ApiVersion":"1.40","MinAPIVersion":"1.12"})"),
                              false};
            return Answer{http(200, "OK", "[]"), false};
        });
        EngineClient client(fakeHost(engine.address()));
        const auto list = await(client.listContainers());
        QVERIFY_RESULT(list);
        QVERIFY(engine.requests.last().startsWith(QStringLiteral("GET /v1.40/containers/json")));
    }

    void notFoundAndConflict_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("reason");
        QTest::addColumn<int>("kind");
        QTest::newRow("404") << 404 << QByteArray("Not Found") << int(Error::Kind::NotFound);
        QTest::newRow("409") << 409 << QByteArray("Conflict") << int(Error::Kind::Conflict);
        QTest::newRow("400") << 400 << QByteArray("Bad Request") << int(Error::Kind::InvalidInput);
    }

    void notFoundAndConflict()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, reason);
        QFETCH(int, kind);
        FakeEngine engine([&](const QByteArray &line) -> std::optional<Answer> {
            if (auto v = answerVersion(line))
                return v;
            return Answer{http(status, reason, R"({"message":"no such thing"})"), false};
        });
        EngineClient client(fakeHost(engine.address()));
        const auto removed = await(client.removeVolume(QStringLiteral("v1")));
        QVERIFY(!removed);
        QCOMPARE(int(removed.error().kind), kind);
        QCOMPARE(removed.error().message,
                 QStringLiteral("host fake: DELETE /volumes/v1: %1 %2: no such thing")
                     .arg(status)
                     .arg(QString::fromLatin1(reason)));
    }

    void stalledEngineTimesOut()
    {
        FakeEngine engine([](const QByteArray &line) { return answerVersion(line); });
        EngineClient client(fakeHost(engine.address(), 700));
        QElapsedTimer timer;
        timer.start();
        const auto info = await(client.inspectContainer(QStringLiteral("x")), 10000);
        QVERIFY(!info);
        QCOMPARE(info.error().kind, Error::Kind::Timeout);
        QVERIFY2(info.error().message.contains(QStringLiteral("GET /containers/x/json")),
                 qPrintable(info.error().message));
        QVERIFY(timer.elapsed() < 5000);
    }

    void callsCanBeCancelled()
    {
        FakeEngine engine([](const QByteArray &line) { return answerVersion(line); });
        EngineClient client(fakeHost(engine.address(), 60000));
        auto future = client.inspectContainer(QStringLiteral("x"));
        QTest::qWait(200);
        QVERIFY(!future.isFinished());
        future.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 3000);
        // The client is still usable afterwards.
        QVERIFY_RESULT(await(client.version(), 5000));
    }

    void streamDiesMidway()
    {
        FakeEngine engine([](const QByteArray &line) -> std::optional<Answer> {
            if (auto v = answerVersion(line))
                return v;
            // A chunked /events answer: one event, then the engine goes away mid-chunk.
            return Answer{
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                "Transfer-Encoding: chunked\r\n\r\n"
                "3d\r\n{\"Type\":\"container\",\"Action\":\"die\",\"Actor\":{\"ID\":\"c1\"}}\n\r\n"
                "40\r\n{\"Type\":",
                true};
        });
        EngineClient client(fakeHost(engine.address()));
        auto *stream = client.streamEvents(0, {}, this);
        QSignalSpy events(stream, &Docker::EventStream::eventsReceived);
        QSignalSpy failed(stream, &Docker::EngineStream::failed);
        QVERIFY(failed.wait(5000));
        QCOMPARE(events.size(), 1);
        const auto first = events.first().first().value<QList<Docker::Event>>();
        QCOMPARE(first.first().action, QStringLiteral("die"));
        QCOMPARE(first.first().actorId, QStringLiteral("c1"));
        const auto error = failed.first().first().value<Error>();
        QCOMPARE(error.kind, Error::Kind::Network);
        QVERIFY2(error.message.contains(QStringLiteral("GET /events")), qPrintable(error.message));
        QVERIFY(!stream->isRunning());
        delete stream;
    }

    void streamsCanBeCancelled()
    {
        FakeEngine engine([](const QByteArray &line) -> std::optional<Answer> {
            if (auto v = answerVersion(line))
                return v;
            // Headers of a stream, then nothing at all (an idle /events).
            return Answer{"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n",
                          false};
        });
        EngineClient client(fakeHost(engine.address(), 500)); // streams ignore the timeout
        auto *stream = client.streamEvents(0, {}, this);
        QSignalSpy failed(stream, &Docker::EngineStream::failed);
        QTest::qWait(1500);
        QVERIFY(stream->isRunning());
        QVERIFY(failed.isEmpty());
        stream->cancel();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().value<Error>().kind, Error::Kind::Cancelled);
        delete stream;
    }

    void eventMonitorReconnectsAndReconciles()
    {
        int eventsRequests = 0;
        FakeEngine engine([&](const QByteArray &line) -> std::optional<Answer> {
            if (auto v = answerVersion(line))
                return v;
            if (line.startsWith("GET /_ping"))
                return Answer{http(200, "OK", "OK", "text/plain"), false};
            if (line.startsWith("GET /v1.41/containers/json"))
                return Answer{
                    http(200, "OK", "[{\"Id\":\"c1\",\"Names\":[\"/web\"],\"State\":\"running\"}]"),
                    false};
            ++eventsRequests;
            const QByteArray event
                = QByteArray("{\"Type\":\"container\",\"Action\":\"start\",\"Actor\":{\"ID\":\"c")
                  + QByteArray::number(eventsRequests) + "\"},\"timeNano\":1700000000000000000}"
                  + "\n";
            // The first stream dies after one event; the second stays open.
            return Answer{"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n"
                              + QByteArray::number(event.size(), 16) + "\r\n" + event + "\r\n",
                          eventsRequests == 1};
        });
        EngineClient client(fakeHost(engine.address()));
        Docker::EventMonitor monitor(client);
        monitor.setReconcileInterval(300);
        QSignalSpy events(&monitor, &Docker::EventMonitor::eventsReceived);
        QSignalSpy reconciled(&monitor, &Docker::EventMonitor::containersReconciled);
        QSignalSpy disconnected(&monitor, &Docker::EventMonitor::disconnected);
        monitor.start();
        QTRY_COMPARE_WITH_TIMEOUT(events.size(), 2, 10000);
        QCOMPARE(disconnected.size(), 1);
        QCOMPARE(disconnected.first().at(1).toInt(), 500); // the first backoff
        QCOMPARE(events.at(1).first().value<QList<Docker::Event>>().first().actorId,
                 QStringLiteral("c2"));
        // The second stream resumed from the last event's time (minus a second).
        bool resumed = false;
        for (const QString &r : std::as_const(engine.requests))
            resumed = resumed || r.contains(QStringLiteral("/events?since=1699999999"));
        QVERIFY2(resumed, qPrintable(engine.requests.join(u'\n')));
        QTRY_VERIFY_WITH_TIMEOUT(reconciled.size() >= 2, 5000);
        const auto list = reconciled.last().first().value<QList<Docker::ContainerSummary>>();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().names, QStringList{QStringLiteral("web")});
        QVERIFY(monitor.isConnected());
        monitor.stop();
        QVERIFY(!monitor.isConnected());
    }

    void garbageVersionFailsClearly()
    {
        FakeEngine engine([](const QByteArray &) -> std::optional<Answer> {
            return Answer{http(200, "OK", "this is not docker", "text/plain"), false};
        });
        EngineClient client(fakeHost(engine.address()));
        const auto info = await(client.inspectImage(QStringLiteral("x")));
        QVERIFY(!info);
        QVERIFY2(info.error().message.contains(QStringLiteral("names no ApiVersion")),
                 qPrintable(info.error().message));
    }

    void clientDeletedWhileBusy()
    {
        FakeEngine engine([](const QByteArray &line) { return answerVersion(line); });
        QFuture<Scs::Result<Docker::ContainerInfo>> future;
        {
            EngineClient client(fakeHost(engine.address(), 60000));
            future = client.inspectContainer(QStringLiteral("x"));
            QTest::qWait(200);
        }
        // The promise went with the client: the future ends, cancelled, without a result.
        QVERIFY(future.isFinished());
        QCOMPARE(future.resultCount(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_EngineFaults)
#include "tst_enginefaults.moc"
