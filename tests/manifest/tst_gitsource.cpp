// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
// Image sources of `type: git` (Manifest::GitSources through the compiler): a folder of a
// commit in a repository this test creates, exported into a cache by its tree id. The image
// hash is the content hash of exactly that commit's files (the same as a path source with
// the same files), another commit gives another hash, compiling twice gives the same bytes,
// and a remote URL, a missing ref, folder or repository are clear errors at file:line:col.

#include "manifest/compiler.h"
#include "manifest/gitsource.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Manifest;

namespace {

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

QByteArray compiledBytes(const CompiledStack &stack)
{
    QByteArray out;
    for (const CompiledContainer &c : stack.containers)
        out += QJsonDocument(c.toJson(true)).toJson();
    return out;
}

} // namespace

class tst_GitSource : public QObject
{
    Q_OBJECT

private:
    /** git in the test repository: its output, or a null string on failure. */
    QString git(const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("GIT_AUTHOR_NAME"), QStringLiteral("scs test"));
        env.insert(QStringLiteral("GIT_AUTHOR_EMAIL"), QStringLiteral("test@localhost"));
        env.insert(QStringLiteral("GIT_COMMITTER_NAME"), QStringLiteral("scs test"));
        env.insert(QStringLiteral("GIT_COMMITTER_EMAIL"), QStringLiteral("test@localhost"));
        env.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
        env.insert(QStringLiteral("HOME"), m_dir.path());
        process.setProcessEnvironment(env);
        process.setWorkingDirectory(m_repo);
        process.start(QStringLiteral("git"), arguments);
        if (!process.waitForFinished(30000) || process.exitCode() != 0) {
            qWarning("git %s: %s", qPrintable(arguments.join(u' ')),
                     process.readAllStandardError().constData());
            return {};
        }
        QString out = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
        return out.isNull() ? QStringLiteral("") : out;
    }

    /** A stack whose one role "web" takes its image from \p source (YAML flow map). */
    QString stack(const QString &name, const QByteArray &source)
    {
        const QString dir = m_dir.filePath(name);
        writeFile(dir + QStringLiteral("/stack.yaml"),
                  "service: gitblog\nroles:\n  web: { config: [web.yaml] }\n");
        writeFile(dir + QStringLiteral("/web.yaml"), "image: { source: " + source + " }\n");
        return dir + QStringLiteral("/stack.yaml");
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cache = m_dir.filePath(QStringLiteral("cache"));
        qputenv("SCS_CACHE_DIR", m_cache.toLocal8Bit());
        m_repo = m_dir.filePath(QStringLiteral("repo"));
        QVERIFY(QDir().mkpath(m_repo));
        QVERIFY(!git({QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"),
                      QStringLiteral("main")})
                     .isNull());
        const QString app = m_repo + QStringLiteral("/images/app");
        QVERIFY(writeFile(app + QStringLiteral("/scs.yaml"),
                          "about: { title: app }\nengine: { docker: { from: scs/base:bookworm } }\n"
                          "config: { method: script, script: scs/configure.sh }\n"
                          "run: { command: [/scs/bin/start] }\n"));
        QVERIFY(writeFile(app + QStringLiteral("/scs/configure.sh"), "#!/bin/sh\necho one\n"));
        QVERIFY(QFile::setPermissions(app + QStringLiteral("/scs/configure.sh"),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                          | QFile::ReadGroup | QFile::ReadOther));
        QVERIFY(writeFile(m_repo + QStringLiteral("/README"), "not part of the image\n"));
        QVERIFY(!git({QStringLiteral("add"), QStringLiteral(".")}).isNull());
        QVERIFY(!git({QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"),
                      QStringLiteral("one")})
                     .isNull());
        QVERIFY(!git({QStringLiteral("tag"), QStringLiteral("v1")}).isNull());
        m_first = git({QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
        QCOMPARE(m_first.size(), 40);
        // A plain copy of the first commit's folder, for the path-source comparison.
        m_copy = m_dir.filePath(QStringLiteral("copy/app"));
        QVERIFY(QDir().mkpath(m_copy + QStringLiteral("/scs")));
        QVERIFY(
            QFile::copy(app + QStringLiteral("/scs.yaml"), m_copy + QStringLiteral("/scs.yaml")));
        QVERIFY(QFile::copy(app + QStringLiteral("/scs/configure.sh"),
                            m_copy + QStringLiteral("/scs/configure.sh")));

        QVERIFY(writeFile(app + QStringLiteral("/scs/configure.sh"), "#!/bin/sh\necho two\n"));
        QVERIFY(!git({QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-am"),
                      QStringLiteral("two")})
                     .isNull());
        m_second = git({QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
        QVERIFY(m_second != m_first);
    }

    void aCommitsFolderIsTheImageSource()
    {
        const QString file
            = stack(QStringLiteral("v1"), "{ type: git, url: ../repo, ref: v1, path: images/app }");
        const auto compiled = Compiler::compile(file);
        QVERIFY_RESULT(compiled);
        const CompiledImage &image = compiled->containers.first().image;
        QCOMPARE(image.name, QStringLiteral("app"));
        QCOMPARE(image.gitCommit, m_first);
        QCOMPARE(image.gitRef, QStringLiteral("v1"));
        QCOMPARE(image.gitUrl, m_repo);
        QVERIFY2(image.sourceDir.startsWith(m_cache + QStringLiteral("/git/")),
                 qPrintable(image.sourceDir));
        QVERIFY(image.tag.startsWith(QStringLiteral("scs/app:")));
        // The exported folder holds that commit's files, with their modes, and nothing else.
        QFile script(image.sourceDir + QStringLiteral("/scs/configure.sh"));
        QVERIFY(script.open(QIODevice::ReadOnly));
        QCOMPARE(script.readAll(), QByteArray("#!/bin/sh\necho one\n"));
        QVERIFY(script.permissions() & QFile::ExeOwner);
        QVERIFY(!QFile::exists(image.sourceDir + QStringLiteral("/README")));
        QVERIFY(!QFile::exists(image.sourceDir + QStringLiteral("/.git")));
        // The compiled document names the commit.
        const QJsonObject json = compiled->containers.first().toJson(true);
        QCOMPARE(json.value(QStringLiteral("image"))
                     .toObject()
                     .value(QStringLiteral("git"))
                     .toObject()
                     .value(QStringLiteral("commit"))
                     .toString(),
                 m_first);

        // The hash is the content hash of those files: a path source with a copy of them
        // has the same, so a git source and its checkout build the same image.
        const QString plain = stack(QStringLiteral("plain"), "{ type: path, path: ../copy/app }");
        const auto fromPath = Compiler::compile(plain);
        QVERIFY_RESULT(fromPath);
        QCOMPARE(fromPath->containers.first().image.hash, image.hash);

        // Same input, same bytes; the export is reused.
        const auto again = Compiler::compile(file);
        QVERIFY_RESULT(again);
        QCOMPARE(compiledBytes(*again), compiledBytes(*compiled));
        QCOMPARE(QDir(m_cache + QStringLiteral("/git"))
                     .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                     .size(),
                 1);
    }

    void anotherCommitIsAnotherHash()
    {
        const auto first = Compiler::compile(
            stack(QStringLiteral("c1"),
                  "{ type: git, url: ../repo, ref: " + m_first.toUtf8() + ", path: images/app }"));
        const auto head = Compiler::compile(
            stack(QStringLiteral("head"), "{ type: git, url: ../repo, path: images/app }"));
        const auto fileUrl = Compiler::compile(
            stack(QStringLiteral("url"), "{ type: git, url: \"file://" + m_repo.toUtf8()
                                             + "\", ref: main, path: images/app }"));
        QVERIFY_RESULT(first);
        QVERIFY_RESULT(head);
        QVERIFY_RESULT(fileUrl);
        QCOMPARE(head->containers.first().image.gitCommit, m_second);
        QCOMPARE(head->containers.first().image.gitRef, QStringLiteral("HEAD"));
        QCOMPARE(fileUrl->containers.first().image.gitCommit, m_second);
        QVERIFY(first->containers.first().image.hash != head->containers.first().image.hash);
        QCOMPARE(fileUrl->containers.first().image.hash, head->containers.first().image.hash);
    }

    void errorsNameTheFileAndWhatIsWrong_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QString>("expected");
        QTest::newRow("remote") << QByteArray("{ type: git, url: \"https://git.example/x.git\" }")
                                << "web.yaml:1:36: git repository 'https://git.example/x.git', "
                                   "ref 'HEAD': not a repository on this machine; expected a path "
                                   "or file:// URL (the compiler fetches nothing over the network)";
        QTest::newRow("scp-like") << QByteArray("{ type: git, url: \"git@host:x.git\" }")
                                  << "not a repository on this machine";
        QTest::newRow("no ref") << QByteArray("{ type: git, url: ../repo, ref: nope }")
                                << "ref 'nope': no such commit";
        QTest::newRow("no folder")
            << QByteArray("{ type: git, url: ../repo, ref: v1, path: images/other }")
            << QStringLiteral("ref 'v1', folder 'images/other': commit %1 has no such folder")
                   .arg(m_first.left(12));
        QTest::newRow("escaping folder")
            << QByteArray("{ type: git, url: ../repo, path: ../../etc }")
            << "expected a ref name and a relative folder inside the repository";
        QTest::newRow("option-like ref")
            << QByteArray("{ type: git, url: ../repo, ref: --all }") << "expected a ref name";
        QTest::newRow("no repository") << QByteArray("{ type: git, url: ../nowhere }")
                                       << "nowhere', ref 'HEAD': no such folder";
        QTest::newRow("not a repository")
            << QByteArray("{ type: git, url: ../copy }") << "no such commit";
        QTest::newRow("no url") << QByteArray("{ type: git, path: images/app }") << "'url'";
        QTest::newRow("no scs.yaml")
            << QByteArray("{ type: git, url: ../repo, path: images }") << "has no scs.yaml";
    }

    void errorsNameTheFileAndWhatIsWrong()
    {
        QFETCH(QByteArray, source);
        QFETCH(QString, expected);
        const QString file = stack(QStringLiteral("broken"), source);
        const auto compiled = Compiler::compile(file);
        QVERIFY(!compiled);
        const QString message = compiled.error().message;
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("web.yaml:1:")), qPrintable(message));
    }

    void isRemote()
    {
        QVERIFY(GitSources::isRemote(QStringLiteral("https://h/x.git")));
        QVERIFY(GitSources::isRemote(QStringLiteral("ssh://h/x.git")));
        QVERIFY(GitSources::isRemote(QStringLiteral("git@h:x.git")));
        QVERIFY(!GitSources::isRemote(QStringLiteral("file:///srv/x.git")));
        QVERIFY(!GitSources::isRemote(QStringLiteral("/srv/x.git")));
        QVERIFY(!GitSources::isRemote(QStringLiteral("../x")));
    }

private:
    QTemporaryDir m_dir;
    QString m_repo;
    QString m_cache;
    QString m_copy;
    QString m_first;
    QString m_second;
};

QTEST_GUILESS_MAIN(tst_GitSource)
#include "tst_gitsource.moc"
