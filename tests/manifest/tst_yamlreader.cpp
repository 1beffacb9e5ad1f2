// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
// Bad input never crashes: garbage, binary, huge, deeply nested and
// self-referencing documents give errors, and so do random mutations of the
// example stack.
#include "manifest/compiler.h"
#include "manifest/yamlreader.h"
#include "testconfig.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Manifest;

class tst_YamlReader : public QObject
{
    Q_OBJECT

private slots:
    void readsPositionsAndTypes()
    {
        const auto node = YamlReader::parse("a:\n  b: 1\n  c: \"2\"\n  d: [x, y]\n  e: yes\n",
                                            QStringLiteral("f.yaml"));
        QVERIFY_RESULT(node);
        const Node *b = node->at({QStringLiteral("a"), QStringLiteral("b")});
        QVERIFY(b);
        QCOMPARE(b->toInt(), std::optional<qint64>(1));
        QCOMPARE(b->origin.position(), QStringLiteral("f.yaml:2:6"));
        const Node *c = node->at({QStringLiteral("a"), QStringLiteral("c")});
        QVERIFY(c->quoted);
        QCOMPARE(c->toInt(), std::nullopt); // quoted: a string, never a number
        QCOMPARE(node->at({QStringLiteral("a"), QStringLiteral("d")})->items.size(), size_t(2));
        QCOMPARE(node->at({QStringLiteral("a"), QStringLiteral("e")})->toBool(),
                 std::optional<bool>(true));
    }

    void anchorsAliasesAndMergeKeys()
    {
        const auto node = YamlReader::parse("base: &b {x: 1, y: 2}\n"
                                            "use: {<<: *b, y: 3}\n"
                                            "list: [*b, *b]\n",
                                            QStringLiteral("f.yaml"));
        QVERIFY_RESULT(node);
        const Node *use = node->find(QStringLiteral("use"));
        QCOMPARE(use->find(QStringLiteral("x"))->scalar, QStringLiteral("1"));
        QCOMPARE(use->find(QStringLiteral("y"))->scalar, QStringLiteral("3"));
        QCOMPARE(node->find(QStringLiteral("list"))->items.size(), size_t(2));
    }

    void mergesLayers()
    {
        auto a = YamlReader::parse("m: {x: 1, l: [1, 2], k: {p: 1}}\n", QStringLiteral("a.yaml"));
        auto b = YamlReader::parse("m: {y: 2, l: [3], k: {q: 2}}\n", QStringLiteral("b.yaml"));
        QVERIFY_RESULT(a);
        QVERIFY_RESULT(b);
        b->setLayer(1);
        a->mergeFrom(*b);
        const Node *m = a->find(QStringLiteral("m"));
        QCOMPARE(m->find(QStringLiteral("x"))->scalar, QStringLiteral("1"));
        QCOMPARE(m->find(QStringLiteral("y"))->scalar, QStringLiteral("2"));
        QCOMPARE(m->find(QStringLiteral("l"))->items.size(), size_t(1)); // lists replaced
        QCOMPARE(m->find(QStringLiteral("l"))->origin.file, QStringLiteral("b.yaml"));
        QCOMPARE(m->find(QStringLiteral("l"))->origin.layer, 1);
        QVERIFY(m->at({QStringLiteral("k"), QStringLiteral("p")})); // maps merged deeply
        QVERIFY(m->at({QStringLiteral("k"), QStringLiteral("q")}));
    }

    void refusesHostileInput_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        QByteArray binary;
        for (int i = 0; i < 4096; ++i)
            binary.append(char(QRandomGenerator::global()->bounded(256)));
        QTest::newRow("binary") << binary << QString();
        QTest::newRow("nul") << QByteArray("a: b\0c", 6) << QStringLiteral("NUL bytes");
        QTest::newRow("latin1") << QByteArray("a: \xe9t\xe9\n") << QStringLiteral("UTF-8");
        QTest::newRow("deep-flow") << QByteArray(100000, '[') << QString();
        QByteArray deepBlock;
        for (int i = 0; i < 200; ++i)
            deepBlock += QByteArray(i * 2, ' ') + "k:\n";
        QTest::newRow("deep-block") << deepBlock << QStringLiteral("nest deeper");
        QTest::newRow("self-alias") << QByteArray("a: &a [*a]\n") << QString();
        QTest::newRow("huge") << QByteArray(5 * 1024 * 1024, 'x') << QStringLiteral("bytes");
        QTest::newRow("unclosed") << QByteArray("a: [unclosed\n") << QStringLiteral("f.yaml:");
        QTest::newRow("tab-indent") << QByteArray("a:\n\t- b\n") << QStringLiteral("f.yaml:");
    }

    void refusesHostileInput()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        const auto node = YamlReader::parse(text, QStringLiteral("f.yaml"));
        // Binary noise may happen to be a valid scalar; everything else must fail.
        if (expected.isEmpty() && node)
            return;
        QVERIFY(!node);
        QVERIFY2(node.error().message.startsWith(QStringLiteral("f.yaml")),
                 qPrintable(node.error().message));
        if (!expected.isEmpty())
            QVERIFY2(node.error().message.contains(expected), qPrintable(node.error().message));
    }

    void readFileErrorsNameTheFile()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("missing.yaml"));
        const auto none = YamlReader::readFile(missing);
        QVERIFY(!none);
        QVERIFY2(
            none.error().message.startsWith(missing + QStringLiteral(": cannot read the file: ")),
            qPrintable(none.error().message));
        const auto folder = YamlReader::readFile(dir.path());
        QVERIFY(!folder);
        QVERIFY2(folder.error().message.contains(QStringLiteral("it is a folder")),
                 qPrintable(folder.error().message));
        const QString big = dir.filePath(QStringLiteral("big.yaml"));
        QFile file(big);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("a: " + QByteArray(5000, 'x') + "\n");
        file.close();
        YamlLimits limits;
        limits.maxFileBytes = 1000;
        const auto tooBig = YamlReader::readFile(big, limits);
        QVERIFY(!tooBig);
        QVERIFY2(tooBig.error().message.contains(QStringLiteral("more than the 1000")),
                 qPrintable(tooBig.error().message));
        const auto read = YamlReader::readFile(big);
        QVERIFY_RESULT(read);
        QCOMPARE(read->find(QStringLiteral("a"))->scalar.size(), 5000);
    }

    void selfAliasIsRefused()
    {
        const auto node = YamlReader::parse("a: &a [*a]\n", QStringLiteral("f.yaml"));
        QVERIFY(!node); // a cycle would otherwise expand forever
    }

    void mutatedStacksNeverCrash()
    {
        QTemporaryDir dir;
        const QString source = QStringLiteral(SCS_TEST_DATA_DIR "/manifest/good");
        const QStringList files{
            QStringLiteral("stack.yaml"),      QStringLiteral("common.yaml"),
            QStringLiteral("wordpress.yaml"),  QStringLiteral("mysqlmaster.yaml"),
            QStringLiteral("mysqlslave.yaml"), QStringLiteral("hosts.prod.yaml")};
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("images"))));
        QVERIFY(QFile::link(source + QStringLiteral("/images/mysql"),
                            dir.filePath(QStringLiteral("images/mysql"))));
        QVERIFY(QFile::link(source + QStringLiteral("/images/wordpress"),
                            dir.filePath(QStringLiteral("images/wordpress"))));
        QRandomGenerator random(20261125);
        int failures = 0;
        for (int round = 0; round < 100; ++round) {
            for (const QString &name : files) {
                QFile in(source + u'/' + name);
                QVERIFY(in.open(QIODevice::ReadOnly));
                QByteArray bytes = in.readAll();
                if (random.bounded(3) == 0) {
                    const int edits = 1 + random.bounded(4);
                    for (int e = 0; e < edits; ++e) {
                        const int at = random.bounded(int(bytes.size()));
                        static const char alphabet[] = ":-[]{}&*!|>'\"#\n\t ax0\x01\xff";
                        bytes[at] = alphabet[random.bounded(int(sizeof alphabet - 1))];
                    }
                }
                QFile out(dir.filePath(name));
                QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
                out.write(bytes);
            }
            const auto stack = Compiler::compile(dir.filePath(QStringLiteral("stack.yaml")),
                                                 dir.filePath(QStringLiteral("hosts.prod.yaml")));
            if (!stack) {
                ++failures;
                QVERIFY(!stack.error().message.isEmpty());
            }
        }
        QVERIFY(failures > 0); // the mutations did break something
    }
};

QTEST_GUILESS_MAIN(tst_YamlReader)
#include "tst_yamlreader.moc"
