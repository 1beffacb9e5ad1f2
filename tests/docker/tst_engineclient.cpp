// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
// Docker::EngineClient against the real engine of the test command (SCS_TEST_DOCKER_HOST).

#include "docker/enginestream.h"
#include "docker/engineworker.h"
#include "dockertestutil.h"

#include <QFileInfo>
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

    void execWithExitCodeAndEnv()
    {
        const QString id = startSleeper(QStringLiteral("exec"));
        QVERIFY(!id.isEmpty());
        Docker::ExecSpec spec;
        spec.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                        QStringLiteral("echo out:$SCS_REQUIRE_MYSQL_HOST; echo err >&2; exit 3")};
        spec.environment = {{QStringLiteral("SCS_REQUIRE_MYSQL_HOST"), QStringLiteral("10.0.0.9")}};
        const auto result = await(m_client->exec(id, spec));
        QVERIFY_RESULT(result);
        QCOMPARE(result->exitCode, 3);
        QCOMPARE(result->standardOutput, QByteArray("out:10.0.0.9\n"));
        QCOMPARE(result->standardError, QByteArray("err\n"));

        spec.command = {QStringLiteral("true")};
        spec.environment.clear();
        const auto ok = await(m_client->exec(id, spec));
        QVERIFY_RESULT(ok);
        QCOMPARE(ok->exitCode, 0);

        spec.command = {QStringLiteral("/no/such/program")};
        const auto missing = await(m_client->exec(id, spec));
        QVERIFY_RESULT(missing); // the engine reports a missing program as exit code 126/127
        QVERIFY2(missing->exitCode == 126 || missing->exitCode == 127,
                 qPrintable(QString::number(missing->exitCode)));

        const auto gone = await(m_client->exec(QStringLiteral("scsdk-no-such"), spec));
        QVERIFY(!gone);
        QCOMPARE(gone.error().kind, Scs::Error::Kind::NotFound);
    }

    void logsFollow()
    {
        Docker::ContainerSpec spec;
        spec.name = uniqueName(QStringLiteral("logs"));
        spec.image = busyboxImage();
        spec.init = true;
        spec.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                        QStringLiteral("for i in 1 2 3; do echo line$i; sleep 0.3; done; "
                                       "echo bye >&2")};
        const auto id = await(m_client->createContainer(spec));
        QVERIFY_RESULT(id);
        m_containers.append(*id);
        QVERIFY_RESULT(await(m_client->startContainer(*id)));
        Docker::LogOptions options;
        options.timestamps = true;
        auto *stream = m_client->followLogs(*id, options, this);
        QSignalSpy frames(stream, &Docker::LogStream::framesReceived);
        QSignalSpy completed(stream, &Docker::EngineStream::completed);
        QVERIFY(completed.wait(15000)); // ends when the container exits
        QByteArray out;
        QByteArray err;
        for (const auto &args : frames) {
            for (const auto &frame : args.first().value<QList<Docker::LogFrame>>())
                (frame.stream == Docker::LogFrame::Stream::StdErr ? err : out) += frame.data;
        }
        QVERIFY2(frames.size() >= 2, "the lines should arrive as they are written");
        const QList<QByteArray> lines = out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines[0].endsWith(" line1") && lines[0].startsWith("20"), lines[0].constData());
        QVERIFY(lines[2].endsWith(" line3"));
        QVERIFY(err.endsWith(" bye\n"));
        delete stream;
    }

    void eventsSeeContainerDie()
    {
        const QString name = uniqueName(QStringLiteral("events"));
        auto *events = m_client->streamEvents(0, {{QStringLiteral("scs.test"), name}}, this);
        QSignalSpy received(events, &Docker::EventStream::eventsReceived);
        QTest::qWait(300); // the stream is open before the container starts
        Docker::ContainerSpec spec;
        spec.name = name;
        spec.image = busyboxImage();
        spec.labels = {{QStringLiteral("scs.test"), name}};
        spec.command = {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("exit 7")};
        const auto id = await(m_client->createContainer(spec));
        QVERIFY_RESULT(id);
        m_containers.append(*id);
        QVERIFY_RESULT(await(m_client->startContainer(*id)));
        const auto sawDie = [&] {
            for (const auto &args : received) {
                for (const auto &e : args.first().value<QList<Docker::Event>>()) {
                    if (e.type == u"container" && e.action == u"die" && e.actorId == *id)
                        return e.attributes.value(QStringLiteral("exitCode")) == u"7"
                               && e.attributes.value(QStringLiteral("name")) == name;
                }
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(sawDie(), 10000);
        QVERIFY(events->isRunning());
        events->cancel();
        QVERIFY(!events->isRunning());
        delete events;
    }

    void stats()
    {
        const QString id = startSleeper(QStringLiteral("stats"));
        QVERIFY(!id.isEmpty());
        const auto sample = await(m_client->stats(id));
        QVERIFY_RESULT(sample);
        QVERIFY(sample->memoryUsage > 0);
        QVERIFY(sample->pids >= 1);
        auto *stream = m_client->streamStats(id, this);
        QSignalSpy samples(stream, &Docker::StatsStream::sampleReceived);
        QTRY_VERIFY_WITH_TIMEOUT(samples.size() >= 2, 10000);
        stream->cancel();
        delete stream;
    }

    void archiveRoundTrip()
    {
        const QString a = startSleeper(QStringLiteral("arch-a"));
        const QString b = startSleeper(QStringLiteral("arch-b"));
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        Docker::ExecSpec write;
        write.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                         QStringLiteral("mkdir -p /data/sub && echo payload > /data/sub/f.txt")};
        QCOMPARE(await(m_client->exec(a, write))->exitCode, 0);

        QTemporaryDir dir;
        const QString tar = dir.filePath(QStringLiteral("data.tar"));
        QVERIFY_RESULT(await(m_client->getArchive(a, QStringLiteral("/data/sub"), tar)));
        QVERIFY(QFileInfo(tar).size() >= 1024);
        QVERIFY_RESULT(await(m_client->putArchive(b, QStringLiteral("/tmp"), tar)));
        Docker::ExecSpec read;
        read.command = {QStringLiteral("cat"), QStringLiteral("/tmp/sub/f.txt")};
        auto got = await(m_client->exec(b, read));
        QVERIFY_RESULT(got);
        QCOMPARE(got->standardOutput, QByteArray("payload\n"));

        // Container to container (here on one engine; tst_multihost does it across hosts).
        QVERIFY_RESULT(await(EngineClient::copyArchive(*m_client, a, QStringLiteral("/data/sub"),
                                                       *m_client, b, QStringLiteral("/data"))));
        read.command = {QStringLiteral("cat"), QStringLiteral("/data/sub/f.txt")};
        got = await(m_client->exec(b, read));
        QVERIFY_RESULT(got);
        QCOMPARE(got->standardOutput, QByteArray("payload\n"));

        const auto missing = await(m_client->getArchive(a, QStringLiteral("/nope"), tar));
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, Scs::Error::Kind::NotFound);
        QVERIFY(!QFile::exists(tar)); // no half-written file is left behind
    }

    void imagesTagListSaveLoadRemove()
    {
        const QString repo = QStringLiteral("scs-test/") + uniqueName(QStringLiteral("img"));
        QVERIFY_RESULT(await(m_client->tagImage(busyboxImage(), repo, QStringLiteral("t1"))));
        const QString name = repo + QStringLiteral(":t1");
        auto list = await(m_client->listImages(Docker::ImageFilter{{}, repo}));
        QVERIFY_RESULT(list);
        QCOMPARE(list->size(), 1);
        QVERIFY(list->first().repoTags.contains(name));

        QTemporaryDir dir;
        const QString tar = dir.filePath(QStringLiteral("images.tar"));
        QVERIFY_RESULT(await(m_client->saveImages({name}, tar)));
        QVERIFY(QFileInfo(tar).size() > 1000000); // busybox is ~2 MB
        QVERIFY_RESULT(await(m_client->removeImage(name)));
        QCOMPARE(await(m_client->inspectImage(name)).error().kind, Scs::Error::Kind::NotFound);
        const auto loaded = await(m_client->loadImages(tar));
        QVERIFY_RESULT(loaded);
        QVERIFY2(loaded->join(u' ').contains(name), qPrintable(loaded->join(u' ')));
        QVERIFY_RESULT(await(m_client->inspectImage(name)));
        QVERIFY_RESULT(await(m_client->removeImage(name)));

        // A tar that is not an image archive: a clear error, not a hang.
        QFile junk(dir.filePath(QStringLiteral("junk.tar")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(4096, 'x'));
        junk.close();
        const auto bad = await(m_client->loadImages(junk.fileName()));
        QVERIFY(!bad);
        QVERIFY2(bad.error().message.startsWith(QStringLiteral("host local: POST /images/load")),
                 qPrintable(bad.error().message));
    }

    void buildWithProgress()
    {
        const QString tag = QStringLiteral("scs-test/") + uniqueName(QStringLiteral("build"))
                            + QStringLiteral(":1");
        QTemporaryDir dir;
        const QString tar
            = makeContext(dir, QStringLiteral("FROM %1\n"
                                              "COPY hello.txt /hello.txt\n"
                                              "RUN echo building-now && cat /hello.txt\n"
                                              "LABEL scs.test=build\n")
                                   .arg(busyboxImage()));
        Docker::BuildSpec spec;
        spec.contextTarFile = tar;
        spec.tags = {tag};
        spec.labels = {{QStringLiteral("scs.image.hash"), QStringLiteral("abc")}};
        spec.noCache = true;
        auto *job = m_client->build(spec, this);
        QSignalSpy steps(job, &Docker::BuildJob::stepStarted);
        QSignalSpy progress(job, &Docker::BuildJob::progressed);
        QSignalSpy completed(job, &Docker::EngineStream::completed);
        QSignalSpy failed(job, &Docker::EngineStream::failed);
        QVERIFY(QTest::qWaitFor([&] { return !completed.isEmpty() || !failed.isEmpty(); }, 60000));
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(job->error()->message));
        QVERIFY(job->imageId().startsWith(QStringLiteral("sha256:")));
        QVERIFY(steps.size() >= 4);
        QCOMPARE(steps.first().at(0).toInt(), 1);
        QCOMPARE(steps.last().at(0).toInt(), steps.last().at(1).toInt());
        QVERIFY(progress.size() > steps.size());
        QVERIFY(job->output().contains(QStringLiteral("building-now")));
        QVERIFY(job->output().contains(QStringLiteral("hello from the context")));
        const auto image = await(m_client->inspectImage(tag));
        QVERIFY_RESULT(image);
        QCOMPARE(image->labels.value(QStringLiteral("scs.image.hash")), QStringLiteral("abc"));
        QCOMPARE(image->labels.value(QStringLiteral("scs.test")), QStringLiteral("build"));
        delete job;
        QVERIFY_RESULT(await(m_client->removeImage(tag)));
    }

    void failingBuildShowsStepOutput()
    {
        QTemporaryDir dir;
        const QString tar
            = makeContext(dir, QStringLiteral("FROM %1\n"
                                              "RUN echo fine\n"
                                              "RUN echo about-to-fail; echo details >&2; exit 4\n"
                                              "RUN echo never\n")
                                   .arg(busyboxImage()));
        Docker::BuildSpec spec;
        spec.contextTarFile = tar;
        spec.tags = {QStringLiteral("scs-test/") + uniqueName(QStringLiteral("fail"))
                     + QStringLiteral(":1")};
        auto *job = m_client->build(spec, this);
        QSignalSpy failed(job, &Docker::EngineStream::failed);
        QVERIFY(failed.wait(60000));
        const auto error = failed.first().first().value<Scs::Error>();
        QVERIFY2(error.message.contains(QStringLiteral("Step 3/4 : RUN echo about-to-fail")),
                 qPrintable(error.message));
        QVERIFY2(error.message.contains(QStringLiteral("returned a non-zero code: 4")),
                 qPrintable(error.message));
        QVERIFY2(error.message.contains(QStringLiteral("about-to-fail\n")),
                 qPrintable(error.message));
        QVERIFY2(error.message.contains(QStringLiteral("details")), qPrintable(error.message));
        QVERIFY(!job->output().contains(QStringLiteral("never\n")));
        delete job;

        // A context without a Dockerfile: the engine's 4xx/5xx message, naming the operation.
        spec.dockerfile = QStringLiteral("Missing.Dockerfile");
        job = m_client->build(spec, this);
        QSignalSpy failed2(job, &Docker::EngineStream::failed);
        QVERIFY(failed2.wait(30000));
        QVERIFY2(failed2.first().first().value<Scs::Error>().message.contains(
                     QStringLiteral("POST /build")),
                 qPrintable(failed2.first().first().value<Scs::Error>().message));
        delete job;
    }

    void volumes()
    {
        const QString name = uniqueName(QStringLiteral("vol"));
        Docker::VolumeSpec spec;
        spec.name = name;
        spec.labels = {{QStringLiteral("scs.test"), name}};
        const auto created = await(m_client->createVolume(spec));
        QVERIFY_RESULT(created);
        QCOMPARE(created->name, name);
        QCOMPARE(created->driver, QStringLiteral("local"));
        const auto info = await(m_client->inspectVolume(name));
        QVERIFY_RESULT(info);
        QCOMPARE(info->labels.value(QStringLiteral("scs.test")), name);
        const auto list = await(m_client->listVolumes({{QStringLiteral("scs.test"), name}}));
        QVERIFY_RESULT(list);
        QCOMPARE(list->size(), 1);

        // The local driver with NFS options is only mounted when a container uses it.
        Docker::VolumeSpec nfs;
        nfs.name = name + QStringLiteral("-nfs");
        nfs.driverOptions = {{QStringLiteral("type"), QStringLiteral("nfs")},
                             {QStringLiteral("o"), QStringLiteral("addr=192.0.2.10,rw,nfsvers=4")},
                             {QStringLiteral("device"), QStringLiteral(":/export/data")}};
        const auto nfsVolume = await(m_client->createVolume(nfs));
        QVERIFY_RESULT(nfsVolume);
        QCOMPARE(nfsVolume->options.value(QStringLiteral("type")), QStringLiteral("nfs"));
        QCOMPARE(nfsVolume->options.value(QStringLiteral("device")),
                 QStringLiteral(":/export/data"));
        QVERIFY_RESULT(await(m_client->removeVolume(nfs.name)));

        // A container writes into the volume; a second container reads it.
        Docker::ContainerSpec writer;
        writer.image = busyboxImage();
        writer.command
            = {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo kept > /v/file")};
        writer.mounts
            = {Docker::Mount{Docker::Mount::Type::Volume, name, QStringLiteral("/v"), false}};
        const auto w = await(m_client->createContainer(writer));
        QVERIFY_RESULT(w);
        m_containers.append(*w);
        QVERIFY_RESULT(await(m_client->startContainer(*w)));
        const auto exit = await(m_client->waitContainer(*w, 20000));
        QVERIFY_RESULT(exit);
        QCOMPARE(*exit, 0);
        const auto inUse = await(m_client->removeVolume(name));
        QVERIFY(!inUse);
        QCOMPARE(inUse.error().kind, Scs::Error::Kind::Conflict);
        QVERIFY_RESULT(await(m_client->removeContainer(*w)));
        m_containers.removeAll(*w);
        QVERIFY_RESULT(await(m_client->removeVolume(name)));
        QCOMPARE(await(m_client->inspectVolume(name)).error().kind, Scs::Error::Kind::NotFound);
    }

    void networks()
    {
        const QString name = uniqueName(QStringLiteral("net"));
        Docker::NetworkSpec spec;
        spec.name = name;
        spec.labels = {{QStringLiteral("scs.test"), name}};
        const auto id = await(m_client->createNetwork(spec));
        QVERIFY_RESULT(id);
        const auto info = await(m_client->inspectNetwork(name));
        QVERIFY_RESULT(info);
        QCOMPARE(info->id, *id);
        QCOMPARE(info->driver, QStringLiteral("bridge"));
        QVERIFY(!info->subnet.isEmpty());
        const auto list = await(m_client->listNetworks({{QStringLiteral("scs.test"), name}}));
        QVERIFY_RESULT(list);
        QCOMPARE(list->size(), 1);

        // Two containers on it find each other by alias.
        Docker::ContainerSpec server;
        server.image = busyboxImage();
        server.init = true;
        server.networkMode = name;
        server.networkAliases = {QStringLiteral("db")};
        server.command = {QStringLiteral("sleep"), QStringLiteral("30")};
        const auto s = await(m_client->createContainer(server));
        QVERIFY_RESULT(s);
        m_containers.append(*s);
        QVERIFY_RESULT(await(m_client->startContainer(*s)));
        const auto client = startSleeper(QStringLiteral("netc"));
        QVERIFY_RESULT(await(m_client->connectNetwork(name, client, {QStringLiteral("web")})));
        Docker::ExecSpec ping;
        ping.command = {QStringLiteral("ping"), QStringLiteral("-c1"), QStringLiteral("-W2"),
                        QStringLiteral("db")};
        const auto pinged = await(m_client->exec(client, ping));
        QVERIFY_RESULT(pinged);
        QCOMPARE(pinged->exitCode, 0);
        const auto inspected = await(m_client->inspectContainer(client));
        QVERIFY(inspected->networks.contains(name));
        QVERIFY_RESULT(await(m_client->disconnectNetwork(name, client)));
        QVERIFY_RESULT(await(m_client->removeContainer(*s, true)));
        m_containers.removeAll(*s);
        QVERIFY_RESULT(await(m_client->removeNetwork(name)));
        QCOMPARE(await(m_client->inspectNetwork(name)).error().kind, Scs::Error::Kind::NotFound);
    }

    void sshEndpointThroughDialStdio()
    {
        // A stand-in for ssh that runs what a real one would run remotely, `docker system
        // dial-stdio`, against the test engine: the bridge, the process plumbing and the
        // HTTP over it are the real thing.
        QTemporaryDir dir;
        const QString fakeSsh = dir.filePath(QStringLiteral("ssh"));
        QFile script(fakeSsh);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\n"
                     "echo \"$@\" >> \"$(dirname \"$0\")/args\"\n"
                     "exec docker -H \"$SCS_TEST_DOCKER_HOST\" system dial-stdio\n");
        script.close();
        script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

        auto config = Docker::HostConfig::fromAddress(
            QStringLiteral("remote"), QStringLiteral("ssh://deploy@db-2.example:2222"));
        QVERIFY_RESULT(config);
        config->sshProgram = fakeSsh;
        EngineClient remote(*config);
        const auto version = await(remote.version());
        QVERIFY_RESULT(version);
        QVERIFY(!version->version.isEmpty());
        const auto image = await(remote.inspectImage(busyboxImage()));
        QVERIFY_RESULT(image);
        const auto missing = await(remote.inspectContainer(QStringLiteral("scsdk-none")));
        QVERIFY(!missing);
        QVERIFY(
            missing.error().message.startsWith(QStringLiteral("host remote: GET /containers/")));
        QFile args(dir.filePath(QStringLiteral("args")));
        QVERIFY(args.open(QIODevice::ReadOnly));
        QCOMPARE(
            args.readLine().trimmed(),
            QByteArray("-o BatchMode=yes -p 2222 -- deploy@db-2.example docker system dial-stdio"));
    }

private:
    /** A running busybox `sleep` container (removed at the end); its id, empty on failure. */
    QString startSleeper(const QString &what)
    {
        Docker::ContainerSpec spec;
        spec.name = uniqueName(what);
        spec.image = busyboxImage();
        spec.init = true;
        spec.command = {QStringLiteral("sleep"), QStringLiteral("60")};
        const auto id = await(m_client->createContainer(spec));
        if (!id)
            return {};
        m_containers.append(*id);
        if (!await(m_client->startContainer(*id)))
            return {};
        return *id;
    }

    /** A build context tar with \p dockerfile and hello.txt. */
    static QString makeContext(QTemporaryDir &dir, const QString &dockerfile)
    {
        const QString context = dir.filePath(QStringLiteral("ctx"));
        QDir().mkpath(context);
        QFile file(context + QStringLiteral("/Dockerfile"));
        file.open(QIODevice::WriteOnly);
        file.write(dockerfile.toUtf8());
        file.close();
        QFile hello(context + QStringLiteral("/hello.txt"));
        hello.open(QIODevice::WriteOnly);
        hello.write("hello from the context\n");
        hello.close();
        const QString tar = dir.filePath(QStringLiteral("ctx.tar"));
        QProcess::execute(QStringLiteral("tar"), {QStringLiteral("-C"), context,
                                                  QStringLiteral("-cf"), tar, QStringLiteral(".")});
        return tar;
    }

private:
    std::unique_ptr<EngineClient> m_client;
    QStringList m_containers;
};

QTEST_GUILESS_MAIN(tst_EngineClient)
#include "tst_engineclient.moc"
