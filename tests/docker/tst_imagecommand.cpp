// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
// `scs image base` as a user runs it, against the real engine of the test command: the base
// image is cached by its inputs (the recipe, the mirror, the suite), so a second run reuses
// it and says so whatever the tag is called, while other inputs make it build again; a
// failing debootstrap shows its output and exits non-zero; bad arguments and a dead engine
// give clear messages.
//
// The first run makes the base image if the engine lacks it (debootstrap, a minute or more);
// the role image tests need that image anyway. SCS_TEST_BASE_IMAGE names another tag.

#include "clitestutil.h"
#include "dockertestutil.h"

#include <QRegularExpression>
#include <QTemporaryDir>

using namespace DockerTest;
using CliTest::scs;

class tst_ImageCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        SCS_REQUIRE_DOCKER();
        auto host = testHost();
        QVERIFY_RESULT(host);
        m_client = std::make_unique<Docker::EngineClient>(*host);
        m_base = qEnvironmentVariable("SCS_TEST_BASE_IMAGE", QStringLiteral("scs/base:bookworm"));
        m_alias = uniqueName(QStringLiteral("base")) + QStringLiteral(":cached");
    }

    void secondRunReusesTheImage()
    {
        // First run: builds only if the engine has no image of these inputs under this tag.
        const auto first
            = scs({QStringLiteral("image"), QStringLiteral("base"), QStringLiteral("--docker"),
                   TestUtil::dockerHost(), QStringLiteral("--tag"), m_base},
                  20 * 60 * 1000);
        QVERIFY2(first.exitCode == 0, first.describe());
        const auto made = await(m_client->inspectImage(m_base));
        QVERIFY_RESULT(made);

        // Second run: reuses it and says so, quickly, leaving the image as it is.
        const auto second
            = scs({QStringLiteral("image"), QStringLiteral("base"), QStringLiteral("--docker"),
                   TestUtil::dockerHost(), QStringLiteral("--tag"), m_base});
        QVERIFY2(second.exitCode == 0, second.describe());
        static const QRegularExpression upToDate(
            QStringLiteral(
                "^(\\S+) is up to date \\(inputs ([0-9a-f]{16})\\); nothing to build\\.$"),
            QRegularExpression::MultilineOption);
        const auto m = upToDate.match(second.out);
        QVERIFY2(m.hasMatch(), second.describe());
        QCOMPARE(m.captured(1), m_base);
        QVERIFY2(second.milliseconds < 15000, second.describe());
        QVERIFY2(!second.out.contains(QStringLiteral("debootstrap")), second.describe());
        const auto after = await(m_client->inspectImage(m_base));
        QVERIFY_RESULT(after);
        QCOMPARE(after->id, made->id);
        // The cache key is the label the build left on the image.
        QCOMPARE(after->labels.value(QStringLiteral("scs.base.inputs")), m.captured(2));
        m_inputs = m.captured(2);
    }

    void inputsNotTheTagAreTheKey()
    {
        QVERIFY2(!m_inputs.isEmpty(), "needs secondRunReusesTheImage");
        // The same image under another name is just as good: same inputs.
        QVERIFY_RESULT(await(
            m_client->tagImage(m_base, m_alias.section(u':', 0, 0), m_alias.section(u':', 1))));
        m_tagged = true;
        const auto same
            = scs({QStringLiteral("image"), QStringLiteral("base"), QStringLiteral("--docker"),
                   TestUtil::dockerHost(), QStringLiteral("--tag"), m_alias});
        QVERIFY2(same.exitCode == 0, same.describe());
        QVERIFY2(same.out.contains(
                     QStringLiteral("%1 is up to date (inputs %2)").arg(m_alias, m_inputs)),
                 same.describe());

        // Another mirror is another input: it builds again. This mirror (a closed port on
        // loopback) makes debootstrap fail at once, which must show its output and fail.
        const auto other
            = scs({QStringLiteral("image"), QStringLiteral("base"), QStringLiteral("--docker"),
                   TestUtil::dockerHost(), QStringLiteral("--tag"), m_alias,
                   QStringLiteral("--mirror"), QStringLiteral("http://127.0.0.1:9/debian")},
                  120000);
        QVERIFY2(other.exitCode == 1, other.describe());
        QVERIFY2(other.out.contains(QStringLiteral("debootstrap bookworm from "
                                                   "http://127.0.0.1:9/debian")),
                 other.describe());
        QVERIFY2(other.err.contains(QStringLiteral("making the root file system failed")),
                 other.describe());
        QVERIFY2(other.err.contains(QStringLiteral("127.0.0.1")), other.describe()); // its log
        QVERIFY2(!other.out.contains(QStringLiteral("is up to date")), other.describe());
        // The failed attempt left the image alone.
        const auto kept = await(m_client->inspectImage(m_alias));
        QVERIFY_RESULT(kept);
        QCOMPARE(kept->labels.value(QStringLiteral("scs.base.inputs")), m_inputs);

        // --force builds even when the inputs match (here: fails the same way, quickly).
        const auto forced = scs(
            {QStringLiteral("image"), QStringLiteral("base"), QStringLiteral("--docker"),
             TestUtil::dockerHost(), QStringLiteral("--tag"), m_alias, QStringLiteral("--force"),
             QStringLiteral("--mirror"), QStringLiteral("http://127.0.0.1:9/debian")},
            120000);
        QVERIFY2(forced.exitCode == 1, forced.describe());
        QVERIFY2(forced.out.contains(QStringLiteral("debootstrap bookworm")), forced.describe());
    }

    void deadEngineNamesHostAndOperation()
    {
        QTemporaryDir dir;
        const QString socket = dir.filePath(QStringLiteral("none.sock"));
        const auto run = scs({QStringLiteral("image"), QStringLiteral("base"),
                              QStringLiteral("--docker"), QStringLiteral("unix://") + socket});
        QVERIFY2(run.exitCode == 1, run.describe());
        QVERIFY2(run.err.contains(QStringLiteral("host local (unix://%1)").arg(socket)),
                 run.describe());
        QVERIFY2(run.err.contains(QStringLiteral("GET /version")), run.describe());
        QVERIFY2(run.err.contains(QStringLiteral("is dockerd running?")), run.describe());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no action") << QStringList{} << "expected one action: base";
        QTest::newRow("unknown action")
            << QStringList{QStringLiteral("frob")} << "expected one action: base";
        QTest::newRow("tag without :")
            << QStringList{QStringLiteral("base"), QStringLiteral("--tag"), QStringLiteral("x")}
            << "--tag needs a name:tag, got 'x'";
        QTest::newRow("bad address")
            << QStringList{QStringLiteral("base"), QStringLiteral("--docker"),
                           QStringLiteral("ftp://nowhere")}
            << "ftp://nowhere";
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const auto run = scs(QStringList{QStringLiteral("image")} + arguments);
        QVERIFY2(run.exitCode == 2, run.describe());
        QVERIFY2(run.err.contains(message), run.describe());
    }

    void cleanupTestCase()
    {
        if (m_client && m_tagged)
            (void)await(m_client->removeImage(m_alias)); // the name only, not the image
    }

private:
    std::unique_ptr<Docker::EngineClient> m_client;
    QString m_base;
    QString m_alias;
    QString m_inputs;
    bool m_tagged = false;
};

QTEST_GUILESS_MAIN(tst_ImageCommand)
#include "tst_imagecommand.moc"
