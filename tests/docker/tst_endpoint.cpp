// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
// Docker::Endpoint: DOCKER_HOST-style addresses and the ssh command line.

#include "docker/endpoint.h"
#include "testutil.h"

using Docker::Endpoint;

class tst_Endpoint : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("roundTrip");

        const int unixKind = int(Endpoint::Kind::Unix);
        const int tcp = int(Endpoint::Kind::Tcp);
        const int ssh = int(Endpoint::Kind::Ssh);
        QTest::newRow("unix") << "unix:///var/run/docker.sock" << unixKind << "/var/run/docker.sock"
                              << "" << 0 << ""
                              << "unix:///var/run/docker.sock";
        QTest::newRow("bare path") << "/tmp/d.sock" << unixKind << "/tmp/d.sock"
                                   << "" << 0 << ""
                                   << "unix:///tmp/d.sock";
        QTest::newRow("tcp") << "tcp://10.0.0.5:2375" << tcp << ""
                             << "10.0.0.5" << 2375 << ""
                             << "tcp://10.0.0.5:2375";
        QTest::newRow("tcp default port") << "tcp://db-1.prod.example" << tcp << ""
                                          << "db-1.prod.example" << 2375 << ""
                                          << "tcp://db-1.prod.example:2375";
        QTest::newRow("https") << "https://web-1.example" << tcp << ""
                               << "web-1.example" << 2376 << ""
                               << "tcp://web-1.example:2376";
        QTest::newRow("ssh") << "ssh://deploy@db-2.prod.example" << ssh << ""
                             << "db-2.prod.example" << 0 << "deploy"
                             << "ssh://deploy@db-2.prod.example";
        QTest::newRow("ssh port") << "ssh://root@10.0.0.7:2222" << ssh << ""
                                  << "10.0.0.7" << 2222 << "root"
                                  << "ssh://root@10.0.0.7:2222";
        QTest::newRow("ssh no user") << "ssh://host" << ssh << ""
                                     << "host" << 0 << ""
                                     << "ssh://host";
    }

    void parse()
    {
        QFETCH(QString, address);
        QFETCH(int, kind);
        QFETCH(QString, path);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, user);
        QFETCH(QString, roundTrip);
        const auto endpoint = Endpoint::parse(address);
        QVERIFY_RESULT(endpoint);
        QCOMPARE(int(endpoint->kind), kind);
        QCOMPARE(endpoint->socketPath, path);
        QCOMPARE(endpoint->host, host);
        QCOMPARE(endpoint->port, port);
        QCOMPARE(endpoint->user, user);
        QCOMPARE(endpoint->toString(), roundTrip);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("why");
        QTest::newRow("empty") << ""
                               << "empty address";
        QTest::newRow("relative unix") << "unix://docker.sock"
                                       << "must be absolute";
        QTest::newRow("scheme") << "npipe:////./pipe/docker_engine"
                                << "unknown scheme 'npipe'";
        QTest::newRow("no host") << "tcp://:2375"
                                 << "no host name";
        QTest::newRow("tcp path") << "tcp://host:2375/x"
                                  << "has no path";
        QTest::newRow("ssh password") << "ssh://u:secret@host"
                                      << "passwords are not accepted";
        QTest::newRow("garbage") << "::::"
                                 << "";
    }

    void rejects()
    {
        QFETCH(QString, address);
        QFETCH(QString, why);
        const auto endpoint = Endpoint::parse(address);
        QVERIFY(!endpoint);
        QCOMPARE(endpoint.error().kind, Scs::Error::Kind::InvalidInput);
        QVERIFY2(endpoint.error().message.contains(why), qPrintable(endpoint.error().message));
        QVERIFY(endpoint.error().message.startsWith(QStringLiteral("Docker endpoint '")));
    }

    void hostConfigNamesTheHost()
    {
        const auto config
            = Docker::HostConfig::fromAddress(QStringLiteral("db-1"), QStringLiteral("bogus://x"));
        QVERIFY(!config);
        QVERIFY(config.error().message.startsWith(QStringLiteral("host db-1: ")));
    }

    void sshCommand()
    {
        auto endpoint = Endpoint::parse(QStringLiteral("ssh://deploy@db-2.example:2222"));
        QVERIFY_RESULT(endpoint);
        QCOMPARE(Docker::sshDialCommand(*endpoint).join(u' '),
                 QStringLiteral("ssh -o BatchMode=yes -p 2222 -- deploy@db-2.example docker system "
                                "dial-stdio"));
        endpoint = Endpoint::parse(QStringLiteral("ssh://-oProxyCommand=evil"));
        if (endpoint) // whatever the URL parser makes of it, it stays after "--"
            QCOMPARE(Docker::sshDialCommand(*endpoint).indexOf(QStringLiteral("--")), 3);
        endpoint = Endpoint::parse(QStringLiteral("ssh://host"));
        QVERIFY_RESULT(endpoint);
        QCOMPARE(Docker::sshDialCommand(*endpoint, QStringLiteral("/usr/bin/ssh")).join(u' '),
                 QStringLiteral("/usr/bin/ssh -o BatchMode=yes -- host docker system dial-stdio"));
    }
};

QTEST_APPLESS_MAIN(tst_Endpoint)
#include "tst_endpoint.moc"
