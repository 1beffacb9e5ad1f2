// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "testutil.h"

#include "runtime/statusreport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Runtime;

class tst_StatusReport final : public QObject
{
    Q_OBJECT

private slots:
    void jsonShape();
    void tableAligns();
    void emptyIsHeaderOnly();

private:
    static QList<StatusRow> rows()
    {
        StatusRow master;
        master.role = QStringLiteral("mysqlmaster");
        master.host = QStringLiteral("db-1");
        master.state = QStringLiteral("running");
        master.health = QStringLiteral("healthy");
        master.endpoints = {{QStringLiteral("mysql"), QStringLiteral("10.231.0.12"), 32768}};
        StatusRow wp;
        wp.role = QStringLiteral("wordpress");
        wp.host = QStringLiteral("web-1");
        wp.state = QStringLiteral("running");
        wp.health = QStringLiteral("starting");
        wp.endpoints = {{QStringLiteral("http"), QStringLiteral("10.231.0.11"), 8080}};
        wp.requirements = {{QStringLiteral("mysql"), QStringLiteral("10.231.0.12"), 32768}};
        StatusRow gone;
        gone.role = QStringLiteral("mysqlslave");
        gone.host = QStringLiteral("db-2");
        gone.state = QStringLiteral("missing");
        gone.health = QStringLiteral("none");
        gone.requirements = {{QStringLiteral("mysql"), {}, 0}};
        return {master, wp, gone};
    }
};

void tst_StatusReport::jsonShape()
{
    const QJsonArray array = statusToJson(rows());
    QCOMPARE(array.size(), 3);
    const QJsonObject wp = array.at(1).toObject();
    QCOMPARE(wp.keys(), (QStringList{QStringLiteral("endpoints"), QStringLiteral("health"),
                                     QStringLiteral("host"), QStringLiteral("requires"),
                                     QStringLiteral("role"), QStringLiteral("state")}));
    QCOMPARE(wp.value(QStringLiteral("role")).toString(), QStringLiteral("wordpress"));
    const QJsonObject http = wp.value(QStringLiteral("endpoints")).toArray().at(0).toObject();
    QCOMPARE(http.value(QStringLiteral("name")).toString(), QStringLiteral("http"));
    const QJsonObject address = http.value(QStringLiteral("address")).toObject();
    QCOMPARE(address.value(QStringLiteral("host")).toString(), QStringLiteral("10.231.0.11"));
    QCOMPARE(address.value(QStringLiteral("port")).toInt(), 8080);
    QVERIFY(address.value(QStringLiteral("port")).isDouble()); // a number, not a string
    const QJsonObject unbound
        = array.at(2).toObject().value(QStringLiteral("requires")).toArray().at(0).toObject();
    QVERIFY(unbound.value(QStringLiteral("address")).isNull());
    QVERIFY(array.at(0).toObject().value(QStringLiteral("requires")).toArray().isEmpty());
}

void tst_StatusReport::tableAligns()
{
    const QStringList lines = statusToTable(rows()).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines.at(0).startsWith(QStringLiteral("ROLE")));
    const qsizetype hostColumn = lines.at(0).indexOf(QStringLiteral("HOST"));
    for (const QString &line : lines.mid(1))
        QVERIFY2(line.at(hostColumn - 1) == u' ' && line.at(hostColumn) != u' ', qPrintable(line));
    QVERIFY(lines.at(2).contains(QStringLiteral("http=10.231.0.11:8080")));
    QVERIFY(lines.at(2).contains(QStringLiteral("mysql→10.231.0.12:32768")));
    QVERIFY(lines.at(3).contains(QStringLiteral("(unbound)")));
}

void tst_StatusReport::emptyIsHeaderOnly()
{
    QCOMPARE(statusToTable({}).count(u'\n'), 1);
    QVERIFY(statusToJson({}).isEmpty());
}

QTEST_APPLESS_MAIN(tst_StatusReport)
#include "tst_statusreport.moc"
