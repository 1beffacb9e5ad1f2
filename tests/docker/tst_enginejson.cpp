// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
// Docker::Internal JSON readers: what the Engine answers, read into plain types.

#include "docker/enginejson.h"
#include "testutil.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

class tst_EngineJson : public QObject
{
    Q_OBJECT

private slots:
    void networkGateway_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("subnet");
        QTest::addColumn<QString>("gateway");

        QTest::newRow("listed") << QByteArray(R"({"Name":"bridge","Driver":"bridge","IPAM":
            {"Config":[{"Subnet":"172.17.0.0/16","Gateway":"172.17.0.1"}]}})")
                                << u"172.17.0.0/16"_s << u"172.17.0.1"_s;
        // A dockerd that has just created docker0 lists the subnet only (seen on a fresh
        // engine): the default IPAM gave the bridge the subnet's first address.
        QTest::newRow("subnet only") << QByteArray(R"({"Name":"bridge","Driver":"bridge","IPAM":
            {"Config":[{"Subnet":"172.18.0.0/16"}]}})")
                                     << u"172.18.0.0/16"_s << u"172.18.0.1"_s;
        QTest::newRow("not a bridge") << QByteArray(R"({"Name":"n","Driver":"macvlan","IPAM":
            {"Config":[{"Subnet":"10.1.2.0/24"}]}})")
                                      << u"10.1.2.0/24"_s << QString();
        QTest::newRow("no ipam") << QByteArray(R"({"Name":"host","Driver":"host","IPAM":
            {"Config":[]}})") << QString()
                                 << QString();
        QTest::newRow("garbage subnet") << QByteArray(R"({"Name":"b","Driver":"bridge","IPAM":
            {"Config":[{"Subnet":"not-a-subnet"}]}})")
                                        << u"not-a-subnet"_s << QString();
    }

    void networkGateway()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, subnet);
        QFETCH(QString, gateway);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(json, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const Docker::NetworkInfo network
            = Docker::Internal::networkInfoFromJson(document.object());
        QCOMPARE(network.subnet, subnet);
        QCOMPARE(network.gateway, gateway);
    }
};

QTEST_GUILESS_MAIN(tst_EngineJson)
#include "tst_enginejson.moc"
