// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "fileutil.h"
#include "manifest/compiler.h"
#include "testconfig.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Manifest;

class tst_Compiler : public QObject
{
    Q_OBJECT

private:
    static QString good(const QString &name)
    {
        return QStringLiteral(SCS_TEST_DATA_DIR "/manifest/good/") + name;
    }

private slots:
    void compilesTheExampleForDev()
    {
        const auto stack = Compiler::compile(good(QStringLiteral("stack.yaml")),
                                             good(QStringLiteral("hosts.dev.yaml")));
        QVERIFY_RESULT(stack);
        QCOMPARE(stack->service, QStringLiteral("blog"));
        QCOMPARE(stack->environment, QStringLiteral("dev"));
        QCOMPARE(stack->containers.size(), 3);
        const CompiledContainer *wordpress = stack->container(QStringLiteral("wordpress"));
        QVERIFY(wordpress);
        QCOMPARE(wordpress->name.path(), QStringLiteral("dev/blog/wordpress"));
        QCOMPARE(wordpress->host.name, QStringLiteral("local"));
        QCOMPARE(wordpress->host.docker, QStringLiteral("unix:///var/run/docker.sock"));
        QCOMPARE(wordpress->discoAddress, QStringLiteral("127.0.0.1:9640"));
        const CompiledProvide *http = wordpress->provide(QStringLiteral("http"));
        QVERIFY(http);
        QCOMPARE(http->containerPort, 80);
        QCOMPARE(http->publishPort, std::optional<int>(8080));
        QCOMPARE(http->discoKey, QStringLiteral("dev/blog/wordpress/http"));
        const CompiledRequire *mysql = wordpress->require(QStringLiteral("mysql"));
        QVERIFY(mysql);
        QCOMPARE(mysql->lookupRole, QStringLiteral("mysqlmaster"));
        QCOMPARE(mysql->discoKey, QStringLiteral("dev/blog/mysqlmaster/mysql"));
        QCOMPARE(mysql->liveupdateCommand, QStringLiteral("/scs/bin/liveupdate-mysql"));
        const CompiledVolume *uploads = wordpress->volume(QStringLiteral("uploads"));
        QVERIFY(uploads);
        QCOMPARE(uploads->hostPath, good(QStringLiteral("data/uploads")));
        QCOMPARE(uploads->containerPath, QStringLiteral("/var/lib/wordpress/wp-content/uploads"));
        QCOMPARE(wordpress->image.name, QStringLiteral("wordpress"));
        QCOMPARE(wordpress->image.hash.size(), 64);
        QCOMPARE(wordpress->image.tag,
                 QStringLiteral("scs/wordpress:") + wordpress->image.hash.left(12));
        QCOMPARE(wordpress->secrets.value(QStringLiteral("SCS_DB_PASSWORD")).value,
                 QStringLiteral("dev-only-blog-password"));
        QCOMPARE(wordpress->restart.policy, QStringLiteral("on-failure"));
        QCOMPARE(wordpress->restart.maxRetries, 5);

        // The master does not use the image's optional require; the replica does.
        const CompiledContainer *master = stack->container(QStringLiteral("mysqlmaster"));
        QVERIFY(master);
        QVERIFY(master->requirements.isEmpty());
        const CompiledContainer *slave = stack->container(QStringLiteral("mysqlslave"));
        QVERIFY(slave);
        QVERIFY(slave->require(QStringLiteral("mysql")));
        QCOMPARE(slave->image.config.value(QStringLiteral("mysql"))
                     .toObject()
                     .value(QStringLiteral("server_id"))
                     .toInt(),
                 2);
        // Same folder, different config: different image.
        QVERIFY(master->image.hash != slave->image.hash);
        QCOMPARE(
            master->image.configEnvironment().value(QStringLiteral("SCS_CONFIG_MYSQL_SERVER_ID")),
            QStringLiteral("1"));
        QCOMPARE(master->image.configEnvironment().value(QStringLiteral("SCS_CONFIG_MYSQL_BINLOG")),
                 QStringLiteral("true"));
    }

    void compilesTheRealExampleStack()
    {
        const QString dir = QStringLiteral(SCS_TEST_SOURCE_DIR "/manifests/");
        for (const QString &hosts :
             {QStringLiteral("hosts.dev.yaml"), QStringLiteral("hosts.prod.yaml")}) {
            const auto a = Compiler::compile(dir + QStringLiteral("stack.yaml"), dir + hosts);
            QVERIFY_RESULT(a);
            const auto b = Compiler::compile(dir + QStringLiteral("stack.yaml"), dir + hosts);
            QVERIFY_RESULT(b);
            QCOMPARE(a->containers.size(), 3);
            for (const CompiledContainer &c : a->containers)
                QCOMPARE(c.toJsonBytes(), b->container(c.role)->toJsonBytes());
            const CompiledContainer *slave = a->container(QStringLiteral("mysqlslave"));
            QVERIFY(slave->require(QStringLiteral("mysql")));
            QCOMPARE(slave->require(QStringLiteral("mysql"))->lookupRole,
                     QStringLiteral("mysqlmaster"));
            QVERIFY(a->container(QStringLiteral("mysqlmaster"))->requirements.isEmpty());
            QCOMPARE(a->container(QStringLiteral("wordpress"))->image.sourceDir,
                     dir + QStringLiteral("images/wordpress"));
        }
    }

    void compilesForProdOnThreeHosts()
    {
        const auto stack = Compiler::compile(good(QStringLiteral("stack.yaml")),
                                             good(QStringLiteral("hosts.prod.yaml")));
        QVERIFY_RESULT(stack);
        QCOMPARE(stack->environment, QStringLiteral("prod"));
        QCOMPARE(stack->hosts.size(), 3);
        QCOMPARE(stack->container(QStringLiteral("wordpress"))->host.name, QStringLiteral("web-1"));
        QCOMPARE(stack->container(QStringLiteral("wordpress"))->host.tls.ca,
                 good(QStringLiteral("tls/ca.pem")));
        QCOMPARE(stack->container(QStringLiteral("mysqlslave"))->host.docker,
                 QStringLiteral("ssh://deploy@db-2.prod.example"));
        QCOMPARE(stack->container(QStringLiteral("mysqlslave"))
                     ->host.attributes.value(QStringLiteral("zone")),
                 QStringLiteral("eu-west-1b"));
        QCOMPARE(stack->container(QStringLiteral("mysqlmaster"))->discoAddress,
                 QStringLiteral("disco.prod.example:9640"));
        // Runtime parity: the image identity does not depend on the environment.
        const auto dev = Compiler::compile(good(QStringLiteral("stack.yaml")),
                                           good(QStringLiteral("hosts.dev.yaml")));
        QVERIFY_RESULT(dev);
        QCOMPARE(dev->container(QStringLiteral("wordpress"))->image.hash,
                 stack->container(QStringLiteral("wordpress"))->image.hash);
    }

    void compilingTwiceGivesIdenticalBytes()
    {
        QTemporaryDir out1;
        QTemporaryDir out2;
        const auto a = Compiler::compile(good(QStringLiteral("stack.yaml")),
                                         good(QStringLiteral("hosts.prod.yaml")));
        const auto b = Compiler::compile(good(QStringLiteral("stack.yaml")),
                                         good(QStringLiteral("hosts.prod.yaml")));
        QVERIFY_RESULT(a);
        QVERIFY_RESULT(b);
        QVERIFY_RESULT(a->writeTo(out1.path()));
        QVERIFY_RESULT(b->writeTo(out2.path()));
        const QStringList files = QDir(out1.path()).entryList(QDir::Files, QDir::Name);
        QCOMPARE(files,
                 QStringList({QStringLiteral("mysqlmaster.json"), QStringLiteral("mysqlslave.json"),
                              QStringLiteral("stack.json"), QStringLiteral("wordpress.json")}));
        for (const QString &name : files) {
            QFile f1(out1.filePath(name));
            QFile f2(out2.filePath(name));
            QVERIFY(f1.open(QIODevice::ReadOnly));
            QVERIFY(f2.open(QIODevice::ReadOnly));
            QCOMPARE(f1.readAll(), f2.readAll());
        }
        // And the documents load back to the same structs.
        const auto loaded = CompiledStack::readFrom(out1.path());
        QVERIFY_RESULT(loaded);
        QCOMPARE(loaded->containers.size(), 3);
        for (const CompiledContainer &c : a->containers) {
            const CompiledContainer *back = loaded->container(c.role);
            QVERIFY(back);
            QCOMPARE(back->toJsonBytes(), c.toJsonBytes());
            QVERIFY(back->image == c.image);
            QVERIFY(back->host == c.host);
            QVERIFY(back->provides == c.provides);
            QVERIFY(back->requirements == c.requirements);
            QVERIFY(back->volumes == c.volumes);
            QVERIFY(back->secrets == c.secrets);
        }
    }

    void oneByteChangesOnlyThatImagesHash()
    {
        QTemporaryDir dir;
        QVERIFY(TestUtil::copyTree(QStringLiteral(SCS_TEST_DATA_DIR "/manifest/good"), dir.path()));
        const QString stackFile = dir.filePath(QStringLiteral("stack.yaml"));
        const auto before = Compiler::compile(stackFile);
        QVERIFY_RESULT(before);

        QFile start(dir.filePath(QStringLiteral("images/wordpress/scs/bin/start")));
        QVERIFY(start.open(QIODevice::ReadWrite));
        QByteArray bytes = start.readAll();
        bytes[bytes.size() - 2] = bytes.at(bytes.size() - 2) == '0' ? '1' : '0';
        QVERIFY(start.seek(0));
        QCOMPARE(start.write(bytes), bytes.size());
        start.close();

        const auto after = Compiler::compile(stackFile);
        QVERIFY_RESULT(after);
        QVERIFY(before->container(QStringLiteral("wordpress"))->image.hash
                != after->container(QStringLiteral("wordpress"))->image.hash);
        QCOMPARE(before->container(QStringLiteral("mysqlmaster"))->image.hash,
                 after->container(QStringLiteral("mysqlmaster"))->image.hash);
        QCOMPARE(before->container(QStringLiteral("mysqlslave"))->image.hash,
                 after->container(QStringLiteral("mysqlslave"))->image.hash);

        // The executable bit is part of the identity too.
        QVERIFY(QFile::setPermissions(dir.filePath(QStringLiteral("images/mysql/scs/configure.sh")),
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        const auto modeChanged = Compiler::compile(stackFile);
        QVERIFY_RESULT(modeChanged);
        QVERIFY(modeChanged->container(QStringLiteral("mysqlmaster"))->image.hash
                != after->container(QStringLiteral("mysqlmaster"))->image.hash);
        QCOMPARE(modeChanged->container(QStringLiteral("wordpress"))->image.hash,
                 after->container(QStringLiteral("wordpress"))->image.hash);
    }

    void explainNamesFileAndLayer()
    {
        const auto stack = Compiler::compile(good(QStringLiteral("stack.yaml")),
                                             good(QStringLiteral("hosts.dev.yaml")));
        QVERIFY_RESULT(stack);
        const QString text = stack->container(QStringLiteral("wordpress"))->explain();
        QVERIFY2(text.contains(QStringLiteral("provides/http/publishPort = 8080    <- ")
                               + good(QStringLiteral("wordpress.yaml:16:23 (layer 1)"))),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("restart/policy = on-failure    <- ")
                               + good(QStringLiteral("common.yaml:8:13 (layer 0)"))),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("host/name = local    <- ")
                               + good(QStringLiteral("hosts.dev.yaml:"))),
                 qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("dev-only-blog-password")));
    }
};

QTEST_GUILESS_MAIN(tst_Compiler)
#include "tst_compiler.moc"
