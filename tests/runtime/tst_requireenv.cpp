// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "testutil.h"

#include "runtime/requireenv.h"

#include <QTest>

using namespace Runtime;

using Env = QMap<QString, QString>;

class tst_RequireEnv final : public QObject
{
    Q_OBJECT

private slots:
    void environment_data();
    void environment();
    void stem_data();
    void stem();
};

void tst_RequireEnv::environment_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QList<ServiceEndpoint>>("endpoints");
    QTest::addColumn<Env>("expected");

    const ServiceEndpoint a{QStringLiteral("p1"), QStringLiteral("10.231.0.11"), 39313, {}};
    const ServiceEndpoint b{QStringLiteral("p2"),
                            QStringLiteral("10.231.0.12"),
                            3306,
                            {{QStringLiteral("zone"), QStringLiteral("b")}}};
    const ServiceEndpoint v6{QStringLiteral("p3"), QStringLiteral("fd00::1"), 80, {}};

    QTest::newRow("one")
        << QStringLiteral("mysql") << QList<ServiceEndpoint>{a}
        << Env{{QStringLiteral("SCS_REQUIRE_MYSQL"), QStringLiteral("10.231.0.11:39313")},
               {QStringLiteral("SCS_REQUIRE_MYSQL_HOST"), QStringLiteral("10.231.0.11")},
               {QStringLiteral("SCS_REQUIRE_MYSQL_PORT"), QStringLiteral("39313")},
               {QStringLiteral("SCS_REQUIRE_MYSQL_ENDPOINTS"),
                QStringLiteral("10.231.0.11:39313")}};
    QTest::newRow("two, first wins")
        << QStringLiteral("mysql") << QList<ServiceEndpoint>{b, a}
        << Env{{QStringLiteral("SCS_REQUIRE_MYSQL"), QStringLiteral("10.231.0.12:3306")},
               {QStringLiteral("SCS_REQUIRE_MYSQL_HOST"), QStringLiteral("10.231.0.12")},
               {QStringLiteral("SCS_REQUIRE_MYSQL_PORT"), QStringLiteral("3306")},
               {QStringLiteral("SCS_REQUIRE_MYSQL_ENDPOINTS"),
                QStringLiteral("10.231.0.12:3306,10.231.0.11:39313")}};
    QTest::newRow("none: present and empty")
        << QStringLiteral("mysql") << QList<ServiceEndpoint>{}
        << Env{{QStringLiteral("SCS_REQUIRE_MYSQL"), QString()},
               {QStringLiteral("SCS_REQUIRE_MYSQL_HOST"), QString()},
               {QStringLiteral("SCS_REQUIRE_MYSQL_PORT"), QString()},
               {QStringLiteral("SCS_REQUIRE_MYSQL_ENDPOINTS"), QString()}};
    QTest::newRow("odd name, ipv6")
        << QStringLiteral("my-db.v2") << QList<ServiceEndpoint>{v6}
        << Env{{QStringLiteral("SCS_REQUIRE_MY_DB_V2"), QStringLiteral("[fd00::1]:80")},
               {QStringLiteral("SCS_REQUIRE_MY_DB_V2_HOST"), QStringLiteral("fd00::1")},
               {QStringLiteral("SCS_REQUIRE_MY_DB_V2_PORT"), QStringLiteral("80")},
               {QStringLiteral("SCS_REQUIRE_MY_DB_V2_ENDPOINTS"), QStringLiteral("[fd00::1]:80")}};
}

void tst_RequireEnv::environment()
{
    QFETCH(QString, name);
    QFETCH(QList<ServiceEndpoint>, endpoints);
    QFETCH(Env, expected);
    QCOMPARE(requireEnvironment(name, endpoints), expected);
}

void tst_RequireEnv::stem_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringLiteral("http") << QStringLiteral("HTTP");
    QTest::newRow("digits") << QStringLiteral("s3") << QStringLiteral("S3");
    QTest::newRow("dash dot") << QStringLiteral("a-b.c") << QStringLiteral("A_B_C");
    QTest::newRow("non-ascii") << QStringLiteral("café") << QStringLiteral("CAF_");
    QTest::newRow("empty") << QString() << QString();
}

void tst_RequireEnv::stem()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(requireVariableStem(name), expected);
}

QTEST_APPLESS_MAIN(tst_RequireEnv)
#include "tst_requireenv.moc"
