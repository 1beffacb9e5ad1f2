// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
// The engine the test command provides answers through the project's own client.

#include "dockertestutil.h"

#include <QTextStream>

class tst_EngineSmoke : public QObject
{
    Q_OBJECT

private slots:
    void engineAnswersVersion()
    {
        SCS_REQUIRE_DOCKER();
        const auto host = DockerTest::testHost();
        QVERIFY_RESULT(host);
        Docker::EngineClient client(*host);
        const auto version = DockerTest::await(client.version());
        QVERIFY_RESULT(version);
        QTextStream(stdout) << "engine " << version->version << " API " << version->apiVersion
                            << " (client uses " << version->negotiatedApiVersion << ")\n";
        QVERIFY(!version->version.isEmpty());
        QVERIFY(version->apiVersion.startsWith(QStringLiteral("1.")));
        QCOMPARE(version->negotiatedApiVersion.isEmpty(), false);
    }
};

QTEST_GUILESS_MAIN(tst_EngineSmoke)
#include "tst_enginesmoke.moc"
