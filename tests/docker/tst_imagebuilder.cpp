// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
// Runtime::ImageBuilder: compiled image → build context → image, following the build
// convention, against the real engine; a second build is skipped by its hash label.

#include "docker/enginestream.h"
#include "dockertestutil.h"
#include "runtime/imagebuilder.h"

#include <QDir>
#include <QJsonDocument>
#include <QSignalSpy>

using namespace DockerTest;
using Runtime::ImageBuilder;

class tst_ImageBuilder : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_source.isValid());
        writeFile(m_source.filePath(QStringLiteral("scs/configure.sh")),
                  "#!/bin/sh\nset -e\nenv | grep '^SCS_CONFIG_' | sort > /scs/build-env\n"
                  "echo configured\n");
        writeFile(m_source.filePath(QStringLiteral("scs/bin/start")), "#!/bin/sh\nexec sleep 60\n");
        writeFile(m_source.filePath(QStringLiteral("scs.yaml")), "about: {title: t}\n");
        m_image.name = QStringLiteral("tiny");
        m_image.hash = QStringLiteral("%1").arg(QRandomGenerator::global()->generate64(), 16, 16,
                                                QLatin1Char('0'))
                       + QStringLiteral("0123456789abcdef0123456789abcdef0123456789abcdef");
        m_image.tag = QStringLiteral("scs-test/tiny-%1:%2")
                          .arg(QCoreApplication::applicationPid())
                          .arg(m_image.hash.left(12));
        m_image.sourceDir = m_source.path();
        m_image.manifestPath = m_source.filePath(QStringLiteral("scs.yaml"));
        m_image.base = busyboxImage();
        m_image.runCommand = {QStringLiteral("/bin/sh"), QStringLiteral("/scs/bin/start")};
        m_image.health = Manifest::Health{{QStringLiteral("/bin/true")}, 0.5, 5, 30, 0};
        m_image.configMethod = QStringLiteral("script");
        m_image.configScript = QStringLiteral("scs/configure.sh");
        m_image.config
            = QJsonObject{{QStringLiteral("mysql"),
                           QJsonObject{{QStringLiteral("server_id"), 1},
                                       {QStringLiteral("role"), QStringLiteral("master")}}}};
    }

    void dockerfileFollowsTheConvention()
    {
        const auto file = ImageBuilder::dockerfile(m_image);
        QVERIFY_RESULT(file);
        const QStringList lines = file->split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.at(1), QStringLiteral("FROM ") + busyboxImage());
        QCOMPARE(lines.at(2), QStringLiteral("COPY scs/ /scs/"));
        QCOMPARE(lines.at(3), QStringLiteral("COPY .scs-build/config.json /scs/config.json"));
        QCOMPARE(lines.at(4),
                 QStringLiteral("RUN [\"/usr/bin/env\",\"SCS_CONFIG_MYSQL_ROLE=master\","
                                "\"SCS_CONFIG_MYSQL_SERVER_ID=1\",\"/bin/sh\",\"-c\","
                                "\"chmod 0755 /scs/configure.sh && exec /scs/configure.sh\"]"));
        QCOMPARE(lines.at(5),
                 QStringLiteral("HEALTHCHECK --interval=0.5s --timeout=5s --retries=30 "
                                "CMD [\"/bin/true\"]"));
        QCOMPARE(lines.at(6), QStringLiteral("CMD [\"/bin/sh\",\"/scs/bin/start\"]"));
    }

    void badManifestsAreRefused_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("why");
        QTest::newRow("outside scs/") << "configure.sh"
                                      << "script"
                                      << "must lie under scs/";
        QTest::newRow("escapes") << "scs/../../etc/passwd"
                                 << "script"
                                 << "must lie under scs/";
        QTest::newRow("missing") << "scs/nope.sh"
                                 << "script"
                                 << "does not exist";
        QTest::newRow("puppet") << "scs/configure.sh"
                                << "puppet"
                                << "not supported";
    }

    void badManifestsAreRefused()
    {
        QFETCH(QString, script);
        QFETCH(QString, method);
        QFETCH(QString, why);
        m_image.configScript = script;
        m_image.configMethod = method;
        const auto file = ImageBuilder::dockerfile(m_image);
        QVERIFY(!file);
        QVERIFY2(file.error().message.contains(why), qPrintable(file.error().message));
        QVERIFY(file.error().message.startsWith(QStringLiteral("image tiny (")));
    }

    void buildsThenSkips()
    {
        SCS_REQUIRE_DOCKER();
        const auto host = testHost();
        QVERIFY_RESULT(host);
        Docker::EngineClient client(*host);
        QVERIFY_RESULT(ensureBusyboxImage(client));

        ImageBuilder builder(client);
        QSignalSpy built(&builder, &ImageBuilder::imageBuilt);
        QSignalSpy skipped(&builder, &ImageBuilder::imageSkipped);
        QSignalSpy failed(&builder, &ImageBuilder::imageFailed);
        QSignalSpy progressed(&builder, &ImageBuilder::imageProgressed);
        QSignalSpy finished(&builder, &ImageBuilder::finished);
        builder.build({m_image, m_image}); // the same image twice is built once
        QVERIFY(finished.wait(120000));
        QVERIFY2(failed.isEmpty(),
                 failed.isEmpty() ? ""
                                  : qPrintable(failed.first().at(1).value<Scs::Error>().message));
        QCOMPARE(built.size(), 1);
        QVERIFY(progressed.size() > 3);
        QCOMPARE(finished.first().at(0).toInt(), 1);

        const auto info = await(client.inspectImage(m_image.tag));
        QVERIFY_RESULT(info);
        QCOMPARE(info->labels.value(QStringLiteral("scs.image.hash")), m_image.hash);
        QCOMPARE(info->labels.value(QStringLiteral("scs.image.name")), QStringLiteral("tiny"));
        QCOMPARE(info->command, m_image.runCommand);
        QVERIFY(!info->environment.join(u' ').contains(QStringLiteral("SCS_CONFIG")));

        // What the config step saw and left behind.
        Docker::ContainerSpec spec;
        spec.image = m_image.tag;
        spec.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                        QStringLiteral("cat /scs/build-env; cat /scs/config.json")};
        const auto id = await(client.createContainer(spec));
        QVERIFY_RESULT(id);
        QVERIFY_RESULT(await(client.startContainer(*id)));
        QCOMPARE(*await(client.waitContainer(*id, 20000)), 0);
        const auto logs = await(client.logs(*id));
        QVERIFY_RESULT(logs);
        QByteArray out;
        for (const auto &frame : *logs)
            out += frame.data;
        QVERIFY2(out.startsWith("SCS_CONFIG_MYSQL_ROLE=master\nSCS_CONFIG_MYSQL_SERVER_ID=1\n"),
                 out.constData());
        const QJsonObject json = QJsonDocument::fromJson(out.mid(out.indexOf('{'))).object();
        QCOMPARE(json, m_image.config);
        (void)await(client.removeContainer(*id, true));

        // Second run: the tag with the same hash exists → nothing is built.
        built.clear();
        finished.clear();
        builder.build({m_image});
        QVERIFY(finished.wait(30000));
        QCOMPARE(built.size(), 0);
        QCOMPARE(skipped.size(), 1);
        QCOMPARE(finished.first().at(1).toInt(), 1);

        // A failing config step fails the image with the step's output.
        writeFile(m_source.filePath(QStringLiteral("scs/configure.sh")),
                  "#!/bin/sh\necho cannot-configure >&2\nexit 9\n");
        m_image.hash.replace(0, 1, m_image.hash.at(0) == u'0' ? u'1' : u'0');
        m_image.tag = m_image.tag.section(u':', 0, 0) + u':' + m_image.hash.left(12);
        finished.clear();
        builder.build({m_image});
        QVERIFY(finished.wait(120000));
        QCOMPARE(failed.size(), 1);
        const auto error = failed.first().at(1).value<Scs::Error>();
        QVERIFY2(error.message.contains(QStringLiteral("cannot-configure")),
                 qPrintable(error.message));
        QVERIFY2(error.message.contains(QStringLiteral("non-zero code: 9")),
                 qPrintable(error.message));
    }

    void cleanupTestCase()
    {
        if (TestUtil::dockerHost().isEmpty())
            return;
        const auto host = testHost();
        Docker::EngineClient client(*host);
        const auto images = await(client.listImages(Docker::ImageFilter{
            {}, QStringLiteral("scs-test/tiny-%1").arg(QCoreApplication::applicationPid())}));
        if (images) {
            for (const auto &image : *images)
                (void)await(client.removeImage(image.id, true));
        }
    }

private:
    QTemporaryDir m_source;
    Manifest::CompiledImage m_image;
};

QTEST_GUILESS_MAIN(tst_ImageBuilder)
#include "tst_imagebuilder.moc"
