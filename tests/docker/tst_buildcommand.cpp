// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
// `scs build STACK` as a user runs it, against the real engine of the test command: it
// builds what is missing, a second run builds nothing and says so, --progress draws a bar
// per image, a failing step shows its output and exits non-zero, and bad input (a broken
// stack, a dead engine, wrong arguments) gives a clear message without a crash.

#include "clitestutil.h"
#include "dockertestutil.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace DockerTest;
using CliTest::scs;

class tst_BuildCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void buildsWhatIsMissingThenNothing();
    void progressShowsABarPerImage();
    void failingStepShowsItsOutput();
    void brokenStackNamesFileAndLine();
    void deadEngineNamesHostAndOperation();
    void usageErrors();
    void cleanupTestCase();

private:
    /** A stack folder with one role per entry of \p scripts (its configure.sh). */
    QString makeStack(const QString &name, const QMap<QString, QByteArray> &scripts);
    [[nodiscard]] QString tagOf(const QString &stack, const QString &role) const;

    std::unique_ptr<Docker::EngineClient> m_client;
    QTemporaryDir m_dir;
    QString m_prefix; // of every image folder, hence of every tag this test makes
};

void tst_BuildCommand::initTestCase()
{
    SCS_REQUIRE_DOCKER();
    QVERIFY(m_dir.isValid());
    auto host = testHost();
    QVERIFY_RESULT(host);
    m_client = std::make_unique<Docker::EngineClient>(*host);
    QVERIFY_RESULT(ensureBusyboxImage(*m_client));
    m_prefix = uniqueName(QStringLiteral("cli"));
}

QString tst_BuildCommand::makeStack(const QString &name, const QMap<QString, QByteArray> &scripts)
{
    const QString root = m_dir.filePath(name);
    QByteArray stack = "service: " + name.toUtf8() + "\nroles:\n";
    for (auto it = scripts.begin(); it != scripts.end(); ++it) {
        const QString role = it.key();
        const QString folder = m_prefix + u'-' + name + u'-' + role;
        stack += "  " + role.toUtf8() + ": { config: [" + role.toUtf8() + ".yaml] }\n";
        writeFile(root + u'/' + role + QStringLiteral(".yaml"),
                  "image:\n  source:\n    type: path\n    path: images/" + folder.toUtf8() + "\n");
        const QString image = root + QStringLiteral("/images/") + folder;
        writeFile(image + QStringLiteral("/scs.yaml"),
                  "about: { title: " + role.toUtf8()
                      + " }\n"
                        "engine: { docker: { from: "
                      + busyboxImage().toUtf8()
                      + " } }\n"
                        "config: { method: script, script: scs/configure.sh }\n"
                        "run: { command: [\"/bin/sh\", \"-c\", \"sleep 60\"] }\n");
        writeFile(image + QStringLiteral("/scs/configure.sh"), it.value());
    }
    writeFile(root + QStringLiteral("/stack.yaml"), stack);
    return root + QStringLiteral("/stack.yaml");
}

QString tst_BuildCommand::tagOf(const QString &stack, const QString &role) const
{
    const auto run = scs({QStringLiteral("compile"), stack});
    if (run.exitCode != 0)
        return {};
    static const QRegularExpression tag(QStringLiteral("\"tag\": \"(scs/[^\"]+:[0-9a-f]{12})\""));
    auto matches = tag.globalMatch(run.out);
    while (matches.hasNext()) {
        const QString t = matches.next().captured(1);
        if (t.section(u':', 0, 0).endsWith(u'-' + role))
            return t;
    }
    return {};
}

void tst_BuildCommand::buildsWhatIsMissingThenNothing()
{
    const QString stack
        = makeStack(QStringLiteral("plain"),
                    {{QStringLiteral("alpha"), "#!/bin/sh\necho alpha-configured > /scs/made\n"},
                     {QStringLiteral("beta"), "#!/bin/sh\necho beta-configured > /scs/made\n"}});
    const QString alpha = tagOf(stack, QStringLiteral("alpha"));
    const QString beta = tagOf(stack, QStringLiteral("beta"));
    QVERIFY(!alpha.isEmpty() && !beta.isEmpty());

    // First run: both images are missing, both are built.
    const auto first
        = scs({QStringLiteral("build"), stack, QStringLiteral("--docker"), TestUtil::dockerHost()});
    QVERIFY2(first.exitCode == 0, first.describe());
    QVERIFY2(first.out.contains(alpha + QStringLiteral(": building (1 of 2) on local")),
             first.describe());
    QVERIFY2(first.out.contains(beta + QStringLiteral(": building (2 of 2) on local")),
             first.describe());
    QVERIFY2(first.out.contains(QRegularExpression(QRegularExpression::escape(alpha)
                                                   + QStringLiteral(": built sha256:[0-9a-f]+"))),
             first.describe());
    QVERIFY2(first.out.contains(QStringLiteral("Built 2, failed 0")), first.describe());
    for (const QString &tag : {alpha, beta}) {
        const auto info = await(m_client->inspectImage(tag));
        QVERIFY_RESULT(info);
        QCOMPARE(info->labels.value(QStringLiteral("scs.image.hash")).left(12),
                 tag.section(u':', 1));
    }
    const QString alphaId = await(m_client->inspectImage(alpha))->id;

    // Second run: the content-hash tags exist, nothing is built, and it says so.
    const auto second
        = scs({QStringLiteral("build"), stack, QStringLiteral("--docker"), TestUtil::dockerHost()});
    QVERIFY2(second.exitCode == 0, second.describe());
    QVERIFY2(second.out.contains(alpha + QStringLiteral(": up to date")), second.describe());
    QVERIFY2(second.out.contains(beta + QStringLiteral(": up to date")), second.describe());
    QVERIFY2(
        second.out.contains(QStringLiteral("Nothing to build: all 2 image(s) are up to date.")),
        second.describe());
    QVERIFY2(!second.out.contains(QStringLiteral("building")), second.describe());
    QCOMPARE(await(m_client->inspectImage(alpha))->id, alphaId);

    // Changing one image's source builds that image only.
    QVERIFY(writeFile(QFileInfo(stack).path() + QStringLiteral("/images/") + m_prefix
                          + QStringLiteral("-plain-beta/scs/extra.txt"),
                      "one more file\n"));
    const QString beta2 = tagOf(stack, QStringLiteral("beta"));
    QVERIFY(!beta2.isEmpty() && beta2 != beta);
    const auto third
        = scs({QStringLiteral("build"), stack, QStringLiteral("--docker"), TestUtil::dockerHost()});
    QVERIFY2(third.exitCode == 0, third.describe());
    QVERIFY2(third.out.contains(alpha + QStringLiteral(": up to date")), third.describe());
    QVERIFY2(third.out.contains(beta2 + QStringLiteral(": building (2 of 2)")), third.describe());
    QVERIFY2(third.out.contains(QStringLiteral("Built 1, failed 0")), third.describe());
}

void tst_BuildCommand::progressShowsABarPerImage()
{
    const QString stack = makeStack(QStringLiteral("progress"),
                                    {{QStringLiteral("gamma"), "#!/bin/sh\necho gamma\n"},
                                     {QStringLiteral("delta"), "#!/bin/sh\necho delta\n"}});
    const QString gamma = tagOf(stack, QStringLiteral("gamma"));
    const QString delta = tagOf(stack, QStringLiteral("delta"));
    QVERIFY(!gamma.isEmpty() && !delta.isEmpty());
    const auto run = scs({QStringLiteral("build"), stack, QStringLiteral("--progress"),
                          QStringLiteral("--docker"), TestUtil::dockerHost()});
    QVERIFY2(run.exitCode == 0, run.describe());
    // Not a terminal: one bar line per step of each image, ending full.
    for (const QString &tag : {gamma, delta}) {
        const QRegularExpression bar(QStringLiteral("^  \\[[#.]{24}\\] +(\\d+)/(\\d+) ")
                                         + QRegularExpression::escape(tag) + u'$',
                                     QRegularExpression::MultilineOption);
        auto lines = bar.globalMatch(run.out);
        int count = 0;
        int lastStep = 0;
        int total = 0;
        while (lines.hasNext()) {
            const auto m = lines.next();
            ++count;
            QVERIFY2(m.captured(1).toInt() > lastStep, run.describe()); // never goes back
            lastStep = m.captured(1).toInt();
            total = m.captured(2).toInt();
        }
        QVERIFY2(count >= 3, run.describe());
        QCOMPARE(lastStep, total);
        QVERIFY2(run.out.contains(QStringLiteral("  [########################] %1/%2 %3")
                                      .arg(total, 2)
                                      .arg(total)
                                      .arg(tag)),
                 run.describe());
    }
    // In a terminal (script gives the command a pty): one line per image, redrawn in place.
    const QString ttyStack
        = makeStack(QStringLiteral("tty"), {{QStringLiteral("tty"), "#!/bin/sh\necho tty\n"}});
    const QString ttyTag = tagOf(ttyStack, QStringLiteral("tty"));
    QProcess script;
    script.start(
        QStringLiteral("script"),
        {QStringLiteral("-qec"),
         QStringLiteral("'%1' build '%2' --progress --docker '%3'")
             .arg(QStringLiteral(SCS_TEST_BIN_DIR "/scs"), ttyStack, TestUtil::dockerHost()),
         QStringLiteral("/dev/null")});
    QVERIFY2(script.waitForStarted(), "script (util-linux) is missing");
    QVERIFY(QTest::qWaitFor([&] { return script.state() == QProcess::NotRunning; }, 120000));
    const QString tty = QString::fromUtf8(script.readAllStandardOutput());
    QCOMPARE(script.exitCode(), 0);
    QVERIFY2(tty.contains(QStringLiteral("\r  [")), qPrintable(tty));
    QVERIFY2(tty.contains(QStringLiteral("] ")) && tty.contains(u' ' + ttyTag + u' '),
             qPrintable(tty));
    QVERIFY2(tty.contains(ttyTag + QStringLiteral(": built")), qPrintable(tty));
    QVERIFY2(!tty.contains(QStringLiteral("\n  [")), qPrintable(tty)); // redrawn, not listed

    // Without --progress, no bar.
    const auto quiet
        = scs({QStringLiteral("build"), stack, QStringLiteral("--docker"), TestUtil::dockerHost()});
    QVERIFY2(quiet.exitCode == 0 && !quiet.out.contains(QStringLiteral("[#")), quiet.describe());
}

void tst_BuildCommand::failingStepShowsItsOutput()
{
    const QString stack = makeStack(
        QStringLiteral("failing"),
        {{QStringLiteral("good"), "#!/bin/sh\necho fine\n"},
         {QStringLiteral("wrong"),
          "#!/bin/sh\necho step-output-before-failure\necho the-reason-on-stderr >&2\nexit 7\n"}});
    const QString wrong = tagOf(stack, QStringLiteral("wrong"));
    QVERIFY(!wrong.isEmpty());
    const auto run = scs({QStringLiteral("build"), stack, QStringLiteral("--progress"),
                          QStringLiteral("--docker"), TestUtil::dockerHost()});
    QVERIFY2(run.exitCode == 1, run.describe());
    // stderr: which image, which host and operation, which step, its output, the exit code.
    QVERIFY2(run.err.contains(wrong + QStringLiteral(": FAILED: host local: POST /build: ")),
             run.describe());
    QVERIFY2(run.err.contains(QStringLiteral("RUN [\"/usr/bin/env\"")), run.describe());
    QVERIFY2(run.err.contains(QStringLiteral("returned a non-zero code: 7")), run.describe());
    QVERIFY2(run.err.contains(QStringLiteral("Output of the step:")), run.describe());
    QVERIFY2(run.err.contains(QStringLiteral("step-output-before-failure")), run.describe());
    QVERIFY2(run.err.contains(QStringLiteral("the-reason-on-stderr")), run.describe());
    QVERIFY2(run.out.contains(QStringLiteral("failed 1")), run.describe());
    QVERIFY(!await(m_client->inspectImage(wrong)));
}

void tst_BuildCommand::brokenStackNamesFileAndLine()
{
    const QString root = m_dir.filePath(QStringLiteral("broken"));
    QVERIFY(writeFile(root + QStringLiteral("/stack.yaml"),
                      "service: broken\nroles:\n  one: { config: [one.yaml\n"));
    const auto run = scs({QStringLiteral("build"), root + QStringLiteral("/stack.yaml"),
                          QStringLiteral("--docker"), TestUtil::dockerHost()});
    QVERIFY2(run.exitCode == 1, run.describe());
    QVERIFY2(run.err.contains(QRegularExpression(QRegularExpression::escape(root)
                                                 + QStringLiteral("/stack.yaml:\\d+:\\d+: "))),
             run.describe());

    const auto missing = scs({QStringLiteral("build"), root + QStringLiteral("/nope.yaml")});
    QVERIFY2(missing.exitCode == 1, missing.describe());
    QVERIFY2(missing.err.contains(root + QStringLiteral("/nope.yaml")), missing.describe());
}

void tst_BuildCommand::deadEngineNamesHostAndOperation()
{
    const QString stack
        = makeStack(QStringLiteral("dead"), {{QStringLiteral("one"), "#!/bin/sh\ntrue\n"}});
    const QString socket = m_dir.filePath(QStringLiteral("no-engine.sock"));
    const auto run = scs({QStringLiteral("build"), stack, QStringLiteral("--docker"),
                          QStringLiteral("unix://") + socket});
    QVERIFY2(run.exitCode == 1, run.describe());
    QVERIFY2(run.milliseconds < 30000, run.describe());
    QVERIFY2(run.err.contains(QStringLiteral("host local (unix://%1)").arg(socket)),
             run.describe());
    QVERIFY2(run.err.contains(QStringLiteral("GET /version")), run.describe());
    QVERIFY2(run.err.contains(QStringLiteral("is dockerd running?")), run.describe());

    // A Docker address that is no address at all.
    const auto bad = scs({QStringLiteral("build"), stack, QStringLiteral("--docker"),
                          QStringLiteral("ftp://nowhere")});
    QVERIFY2(bad.exitCode == 2, bad.describe());
    QVERIFY2(bad.err.contains(QStringLiteral("ftp://nowhere")), bad.describe());
}

void tst_BuildCommand::usageErrors()
{
    const auto none = scs({QStringLiteral("build")});
    QVERIFY2(none.exitCode == 2, none.describe());
    QVERIFY2(none.err.contains(QStringLiteral("expected one stack file")), none.describe());
    const auto option = scs({QStringLiteral("build"), QStringLiteral("--frobnicate")});
    QVERIFY2(option.exitCode == 2, option.describe());
}

void tst_BuildCommand::cleanupTestCase()
{
    if (!m_client)
        return;
    const auto images = await(m_client->listImages());
    if (!images)
        return;
    for (const auto &image : *images) {
        for (const QString &tag : image.repoTags) {
            if (tag.startsWith(QStringLiteral("scs/") + m_prefix))
                (void)await(m_client->removeImage(tag, true));
        }
    }
}

QTEST_GUILESS_MAIN(tst_BuildCommand)
#include "tst_buildcommand.moc"
