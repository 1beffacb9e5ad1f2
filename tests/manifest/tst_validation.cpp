// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
// Table-driven: every folder under tests/data/manifest/broken holds broken
// manifests and an `expected` file with the exact error lines. A folder with a
// stack.yaml is compiled (against its hosts.yaml if present); otherwise every
// file in it is validated on its own. Paths in the lines are relative to the
// case folder; "$DATA" stands for tests/data/manifest.
// SCS_UPDATE_EXPECTED=1 rewrites the expected files (review the diff!).
#include "manifest/compiler.h"
#include "testconfig.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Manifest;

class tst_Validation : public QObject
{
    Q_OBJECT

private:
    static QString brokenDir() { return QStringLiteral(SCS_TEST_DATA_DIR "/manifest/broken"); }

    static QStringList run(const QString &caseDir)
    {
        QDir dir(caseDir);
        QStringList lines;
        const auto collect = [&](const Scs::Error &error) {
            lines.append(error.message.split(u'\n', Qt::SkipEmptyParts));
        };
        if (dir.exists(QStringLiteral("stack.yaml"))) {
            const QString hosts = dir.exists(QStringLiteral("hosts.yaml"))
                                      ? dir.filePath(QStringLiteral("hosts.yaml"))
                                      : QString();
            const auto stack = Compiler::compile(dir.filePath(QStringLiteral("stack.yaml")), hosts);
            if (!stack)
                collect(stack.error());
        } else {
            const QStringList entries
                = dir.entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
            for (const QString &entry : entries) {
                if (entry == u"expected")
                    continue;
                const auto kind = Compiler::validateFile(dir.filePath(entry));
                if (!kind)
                    collect(kind.error());
            }
        }
        const QString dataDir = QStringLiteral(SCS_TEST_DATA_DIR "/manifest");
        for (QString &line : lines) {
            line.replace(caseDir + u'/', QString());
            line.replace(dataDir, QStringLiteral("$DATA"));
        }
        return lines;
    }

private slots:
    void brokenManifests_data()
    {
        QTest::addColumn<QString>("caseDir");
        const QStringList cases
            = QDir(brokenDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QVERIFY(cases.size() >= 15);
        for (const QString &name : cases)
            QTest::newRow(qPrintable(name)) << QDir(brokenDir()).filePath(name);
    }

    void brokenManifests()
    {
        QFETCH(QString, caseDir);
        const QStringList actual = run(caseDir);
        QVERIFY2(!actual.isEmpty(), "a broken manifest was accepted");
        QFile expectedFile(QDir(caseDir).filePath(QStringLiteral("expected")));
        if (qEnvironmentVariableIsSet("SCS_UPDATE_EXPECTED")) {
            QVERIFY(expectedFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
            expectedFile.write(QString(actual.join(u'\n') + u'\n').toUtf8());
            return;
        }
        QVERIFY2(expectedFile.open(QIODevice::ReadOnly), qPrintable(expectedFile.fileName()));
        const QStringList expected
            = QString::fromUtf8(expectedFile.readAll()).split(u'\n', Qt::SkipEmptyParts);
        if (actual != expected) {
            qWarning().noquote() << "actual:\n" << actual.join(u'\n');
        }
        QCOMPARE(actual, expected);
    }

    void everyErrorOfAFileAtOnce()
    {
        // The unknown-keys case has four mistakes in one file: all four are reported.
        const QStringList lines = run(QDir(brokenDir()).filePath(QStringLiteral("unknown-keys")));
        QCOMPARE(lines.size(), 4);
        for (const QString &line : lines)
            QVERIFY2(line.startsWith(QStringLiteral("role.yaml:")), qPrintable(line));
    }

    void goodManifestsValidate_data()
    {
        QTest::addColumn<QString>("file");
        const QString source = QStringLiteral(SCS_TEST_SOURCE_DIR "/manifests/");
        for (const QString &name :
             {QStringLiteral("stack.yaml"), QStringLiteral("common.yaml"),
              QStringLiteral("mysqlmaster.yaml"), QStringLiteral("mysqlslave.yaml"),
              QStringLiteral("wordpress.yaml"), QStringLiteral("hosts.dev.yaml"),
              QStringLiteral("hosts.prod.yaml"), QStringLiteral("images/mysql/scs.yaml"),
              QStringLiteral("images/wordpress/scs.yaml")}) {
            QTest::newRow(qPrintable(name)) << source + name;
        }
    }

    void goodManifestsValidate()
    {
        QFETCH(QString, file);
        const auto kind = Compiler::validateFile(file);
        QVERIFY_RESULT(kind);
        QVERIFY(*kind != Compiler::FileKind::Unknown);
    }
};

QTEST_GUILESS_MAIN(tst_Validation)
#include "tst_validation.moc"
