// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
// The exports are checked by their real consumers: Debian's docker-compose
// (`config -q`) and the official Kubernetes model classes (python3-kubernetes).
#include "manifest/compiler.h"
#include "manifest/exporter.h"
#include "testconfig.h"
#include "testutil.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Manifest;

class tst_Exporter : public QObject
{
    Q_OBJECT

private:
    static Scs::Result<CompiledStack> example(const QString &hosts)
    {
        const QString dir = QStringLiteral(SCS_TEST_SOURCE_DIR "/manifests/");
        return Compiler::compile(dir + QStringLiteral("stack.yaml"), dir + hosts);
    }

    static QByteArray allFiles(const QString &dir)
    {
        QByteArray all;
        QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.open(QIODevice::ReadOnly))
                all += f.readAll();
        }
        return all;
    }

    static void verifyNoSecretValues(const CompiledStack &stack, const QByteArray &exported)
    {
        for (const CompiledContainer &c : stack.containers) {
            for (const Secret &s : c.secrets) {
                QVERIFY(!s.value.isEmpty());
                QVERIFY2(!exported.contains(s.value.toUtf8()), qPrintable(s.value));
            }
        }
    }

    // Runs a checker; returns exit code and output.
    static std::pair<int, QString> runTool(const QString &program, const QStringList &args,
                                           const QString &workingDir = {})
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        if (!workingDir.isEmpty())
            p.setWorkingDirectory(workingDir);
        p.start(program, args);
        if (!p.waitForFinished(120000))
            return {-1, QStringLiteral("timed out")};
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAll())};
    }

    static int composeConfig(const QString &file)
    {
        const auto [code, output]
            = runTool(QStringLiteral("docker-compose"),
                      {QStringLiteral("-f"), file, QStringLiteral("config"), QStringLiteral("-q")});
        if (code != 0)
            qWarning().noquote() << output;
        return code;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("docker-compose")).isEmpty(),
                 "docker-compose is missing: packaging/install-deps.sh test installs it");
        QVERIFY2(QFile::exists(QStringLiteral("/usr/bin/python3")), "/usr/bin/python3 is missing");
    }

    void composeExportPassesDockerCompose()
    {
        const auto stack = example(QStringLiteral("hosts.dev.yaml"));
        QVERIFY_RESULT(stack);
        const auto exported = Exporter::compose(*stack, QStringLiteral("compose.yaml"));
        QVERIFY_RESULT(exported);
        QTemporaryDir dir;
        QVERIFY_RESULT(exported->writeTo(dir.path()));
        verifyNoSecretValues(*stack, allFiles(dir.path()));
        QCOMPARE(exported->valuesToSupply.size(), 5);

        const QByteArray text = exported->files.value(QStringLiteral("compose.yaml"));
        QVERIFY(text.contains("SCS_REQUIRE_MYSQL_HOST: \"mysqlmaster\""));
        QVERIFY(text.contains("SCS_REQUIRE_MYSQL_PORT: \"3306\""));
        QVERIFY(text.contains("- \"8080:80/tcp\""));
        QVERIFY(text.contains("depends_on:\n      - \"mysqlmaster\""));
        QVERIFY(text.contains("image: \"scs/wordpress:"));

        // The operator supplies the secrets from the examples; then Compose accepts the file.
        for (const QString &role : {QStringLiteral("mysqlmaster"), QStringLiteral("mysqlslave"),
                                    QStringLiteral("wordpress")}) {
            const QString example
                = dir.filePath(QStringLiteral("secrets/%1.env.example").arg(role));
            QVERIFY2(QFile::exists(example), qPrintable(example));
            QFile env(dir.filePath(QStringLiteral("secrets/%1.env").arg(role)));
            QVERIFY(env.open(QIODevice::WriteOnly));
            env.write("SCS_DB_PASSWORD=supplied\n");
        }
        QCOMPARE(composeConfig(dir.filePath(QStringLiteral("compose.yaml"))), 0);

        // The check is real: a broken port is refused.
        QFile broken(dir.filePath(QStringLiteral("broken.yaml")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(QByteArray(text).replace("8080:80/tcp", "80a80:80/tcp"));
        broken.close();
        QVERIFY(composeConfig(broken.fileName()) != 0);
    }

    void composeExportOfOneHost()
    {
        const auto stack = example(QStringLiteral("hosts.prod.yaml"));
        QVERIFY_RESULT(stack);
        const auto web
            = Exporter::compose(*stack, QStringLiteral("web.yaml"), QStringLiteral("web-1"));
        // wordpress on web-1 requires the master on db-1, which publishes no fixed port.
        QVERIFY(!web);
        QVERIFY2(web.error().message.contains(QStringLiteral("publish.port")),
                 qPrintable(web.error().message));
        const auto db
            = Exporter::compose(*stack, QStringLiteral("db.yaml"), QStringLiteral("db-1"));
        QVERIFY_RESULT(db);
        const QByteArray text = db->files.value(QStringLiteral("db.yaml"));
        QVERIFY(text.contains("mysqlmaster:"));
        QVERIFY(!text.contains("wordpress:"));
        QVERIFY(!Exporter::compose(*stack, QStringLiteral("x.yaml"), QStringLiteral("nowhere")));
    }

    void kubernetesExportPassesTheSchemaCheck()
    {
        const auto stack = example(QStringLiteral("hosts.prod.yaml"));
        QVERIFY_RESULT(stack);
        // A stateless variant of wordpress exercises the Deployment path too.
        CompiledStack variant = *stack;
        for (CompiledContainer &c : variant.containers) {
            if (c.role == u"wordpress")
                c.volumes.clear();
        }
        const QString checker
            = QStringLiteral(SCS_TEST_SOURCE_DIR "/tests/manifest/k8s_schema_check.py");
        QTemporaryDir dir;
        for (const auto &[name, s] : {std::pair{QStringLiteral("k8s.yaml"), *stack},
                                      std::pair{QStringLiteral("k8s-stateless.yaml"), variant}}) {
            const auto exported = Exporter::kubernetes(s, name);
            QVERIFY_RESULT(exported);
            QVERIFY_RESULT(exported->writeTo(dir.path()));
            verifyNoSecretValues(s, exported->files.value(name));
            const auto [code, output]
                = runTool(QStringLiteral("/usr/bin/python3"), {checker, dir.filePath(name)});
            QVERIFY2(code == 0, qPrintable(output));
            QVERIFY2(output.contains(QStringLiteral("ConfigMap"))
                         && output.contains(QStringLiteral("Secret"))
                         && output.contains(QStringLiteral("Service"))
                         && output.contains(QStringLiteral("PersistentVolumeClaim")),
                     qPrintable(output));
            if (name == u"k8s.yaml")
                QVERIFY2(output.contains(QStringLiteral("StatefulSet")), qPrintable(output));
            else
                QVERIFY2(output.contains(QStringLiteral("Deployment")), qPrintable(output));
        }
        const QByteArray text = Exporter::kubernetes(*stack, QStringLiteral("k.yaml"))
                                    ->files.value(QStringLiteral("k.yaml"));
        QVERIFY(text.contains("value: \"blog-mysqlmaster\"")); // SCS_REQUIRE_MYSQL_HOST

        // The check is real: a misspelt field and a wrong type are found.
        QFile broken(dir.filePath(QStringLiteral("broken.yaml")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(QByteArray(text)
                         .replace("containerPort:", "containerPrt:")
                         .replace("replicas: 1", "replicas: \"one\""));
        broken.close();
        const auto [code, output]
            = runTool(QStringLiteral("/usr/bin/python3"), {checker, broken.fileName()});
        QCOMPARE(code, 1);
        QVERIFY2(output.contains(QStringLiteral("containerPrt: no such field")),
                 qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("replicas: expected int")), qPrintable(output));
    }

    void bundleLoadsBackWithSuppliedSecrets()
    {
        const auto stack = example(QStringLiteral("hosts.prod.yaml"));
        QVERIFY_RESULT(stack);
        const auto exported = Exporter::bundle(*stack);
        QVERIFY_RESULT(exported);
        QTemporaryDir dir;
        QVERIFY_RESULT(exported->writeTo(dir.path()));
        verifyNoSecretValues(*stack, allFiles(dir.path()));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("README.md"))));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("images/mysql/scs.yaml"))));
        QVERIFY(
            QFileInfo(dir.filePath(QStringLiteral("images/mysql/scs/bin/start"))).isExecutable());

        auto loaded = readBundle(dir.path());
        QVERIFY_RESULT(loaded);
        QCOMPARE(loaded->containers.size(), 3);
        const CompiledContainer *master = loaded->container(QStringLiteral("mysqlmaster"));
        QCOMPARE(master->image.sourceDir, dir.filePath(QStringLiteral("images/mysql")));
        QVERIFY(master->secrets.value(QStringLiteral("SCS_DB_PASSWORD")).value.isEmpty());
        QCOMPARE(master->image.hash, stack->container(QStringLiteral("mysqlmaster"))->image.hash);
        QCOMPARE(master->provides, stack->container(QStringLiteral("mysqlmaster"))->provides);
        QCOMPARE(master->host, stack->container(QStringLiteral("mysqlmaster"))->host);

        QFile env(dir.filePath(QStringLiteral("secrets/mysqlmaster.env")));
        QVERIFY(env.open(QIODevice::WriteOnly));
        env.write("# supplied by the operator\nSCS_DB_PASSWORD=s3cret=x\n");
        env.close();
        loaded = readBundle(dir.path());
        QVERIFY_RESULT(loaded);
        QCOMPARE(loaded->container(QStringLiteral("mysqlmaster"))
                     ->secrets.value(QStringLiteral("SCS_DB_PASSWORD"))
                     .value,
                 QStringLiteral("s3cret=x"));

        QVERIFY(env.open(QIODevice::WriteOnly | QIODevice::Truncate));
        env.write("NOT_A_SECRET=1\n");
        env.close();
        const auto refused = readBundle(dir.path());
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("mysqlmaster.env:1")),
                 qPrintable(refused.error().message));
    }
};

QTEST_GUILESS_MAIN(tst_Exporter)
#include "tst_exporter.moc"
