// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
//
// The DNS SRV responder on packets a resolver would never send: every malformed query is
// dropped or answered FORMERR/NOTIMP/REFUSED, never read past its end, and the responder
// keeps answering well-formed queries over a real UDP socket afterwards.
#include "disco/dnsresponder.h"
#include "disco/server.h"
#include "oneprovision.h"
#include "rawpeer.h"
#include "testutil.h"

#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QtEndian>
#include <QTest>
#include <QUdpSocket>

using namespace Disco;

namespace {

QByteArray header(quint16 id, quint16 flags, quint16 questions, quint16 answers = 0)
{
    QByteArray out;
    for (quint16 value : {id, flags, questions, answers, quint16(0), quint16(0)})
        out.append(char(value >> 8)).append(char(value & 0xff));
    return out;
}

QByteArray name(const QList<QByteArray> &labels)
{
    QByteArray out;
    for (const QByteArray &label : labels)
        out.append(char(label.size())).append(label);
    out.append('\0');
    return out;
}

QByteArray typeAndClass(quint16 type, quint16 klass = 1)
{
    QByteArray out;
    out.append(char(type >> 8)).append(char(type & 0xff));
    out.append(char(klass >> 8)).append(char(klass & 0xff));
    return out;
}

const QList<QByteArray> MysqlSrv{"_mysql", "_tcp", "mysqlmaster", "blog", "dev", "disco"};
constexpr quint16 Srv = 33;

int rcode(const QByteArray &reply)
{
    return reply.size() >= 4 ? reply.at(3) & 0x0f : -1;
}

quint16 answerCount(const QByteArray &reply)
{
    return reply.size() >= 8 ? qFromBigEndian<quint16>(reply.constData() + 6) : 0;
}

} // namespace

class tst_DnsResponder : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void malformed_data();
    void malformed();
    void randomBytesNeverCrash();
    void answersOverUdpAfterGarbage();

private:
    Server m_server;
    RawPeer m_peer;
    DnsResponder *m_dns = nullptr;
};

void tst_DnsResponder::initTestCase()
{
    QVERIFY(startWithOneProvision(m_server, m_peer));
    m_dns = new DnsResponder(&m_server.registry(), this);
    QVERIFY_RESULT(m_dns->start(QHostAddress::LocalHost, 0));
    // The well-formed query this test starts from answers one SRV record.
    const QByteArray good = header(7, 0x0100, 1) + name(MysqlSrv) + typeAndClass(Srv);
    const QByteArray reply = m_dns->answer(good);
    QCOMPARE(rcode(reply), 0);
    QCOMPARE(answerCount(reply), 1);
}

void tst_DnsResponder::malformed_data()
{
    QTest::addColumn<QByteArray>("packet");
    QTest::addColumn<int>("expectedRcode"); // -1: dropped without an answer

    const QByteArray question = name(MysqlSrv) + typeAndClass(Srv);
    QTest::newRow("empty") << QByteArray() << -1;
    QTest::newRow("half a header") << header(1, 0x0100, 1).left(7) << -1;
    QTest::newRow("a response (no reflection)") << header(1, 0x8100, 1) + question << -1;
    QTest::newRow("header only, one question") << header(1, 0x0100, 1) << 1;
    QTest::newRow("no question") << header(1, 0x0100, 0) << 1;
    QTest::newRow("two questions") << header(1, 0x0100, 2) + question + question << 1;
    QTest::newRow("65535 questions") << header(1, 0x0100, 0xffff) + question << 1;
    QTest::newRow("opcode STATUS") << header(1, 0x1100, 1) + question << 4;
    QTest::newRow("label past the end") << header(1, 0x0100, 1)
                                               + QByteArray("\x3f"
                                                            "abc",
                                                            4)
                                        << 1;
    QTest::newRow("label longer than 63")
        << header(1, 0x0100, 1) + char(64) + QByteArray(64, 'a') + '\0' + typeAndClass(Srv) << 1;
    QTest::newRow("compression pointer in the question")
        << header(1, 0x0100, 1) + QByteArray("\xc0\x0c", 2) + typeAndClass(Srv) << 1;
    QTest::newRow("pointer to itself")
        << header(1, 0x0100, 1) + QByteArray("\xc0\x0c\xc0\x0c", 4) << 1;
    QByteArray longName;
    for (int i = 0; i < 5; ++i)
        longName += char(63) + QByteArray(63, 'x');
    QTest::newRow("name longer than 255")
        << header(1, 0x0100, 1) + longName + '\0' + typeAndClass(Srv) << 1;
    QTest::newRow("name without its end") << header(1, 0x0100, 1)
                                                 + QByteArray("\x03"
                                                              "abc",
                                                              4)
                                          << 1;
    QTest::newRow("no type and class") << header(1, 0x0100, 1) + name(MysqlSrv) << 1;
    QTest::newRow("half the type") << header(1, 0x0100, 1) + name(MysqlSrv) + '\0' << 1;
    QTest::newRow("class CHAOS") << header(1, 0x0100, 1) + name(MysqlSrv) + typeAndClass(Srv, 3)
                                 << 5;
    QTest::newRow("another zone") << header(1, 0x0100, 1)
                                         + name({"_mysql", "_tcp", "example", "com"})
                                         + typeAndClass(Srv)
                                  << 5;
    QTest::newRow("root name") << header(1, 0x0100, 1) + name({}) + typeAndClass(Srv) << 5;
    QTest::newRow("unknown key") << header(1, 0x0100, 1)
                                        + name({"_x", "_tcp", "r", "s", "e", "disco"})
                                        + typeAndClass(Srv)
                                 << 3;
    QTest::newRow("non-UTF-8 labels")
        << header(1, 0x0100, 1) + name({"\xff\xfe", "_tcp", "\x80", "s", "e", "disco"})
               + typeAndClass(Srv)
        << 3;
    QTest::newRow("NUL inside a label")
        << header(1, 0x0100, 1)
               + name({QByteArray("_my\0sql", 7), "_tcp", "mysqlmaster", "blog", "dev", "disco"})
               + typeAndClass(Srv)
        << 3;
    QTest::newRow("trailing garbage is ignored")
        << header(1, 0x0100, 1) + question + QByteArray(300, '\xff') << 0;
}

void tst_DnsResponder::malformed()
{
    QFETCH(QByteArray, packet);
    QFETCH(int, expectedRcode);
    const QByteArray reply = m_dns->answer(packet);
    if (expectedRcode < 0) {
        QVERIFY2(reply.isEmpty(), reply.toHex().constData());
        return;
    }
    QVERIFY(reply.size() >= 12);
    QCOMPARE(rcode(reply), expectedRcode);
    // The answer echoes the id, is a response, and fits a plain UDP datagram.
    QCOMPARE(reply.left(2), packet.left(2));
    QVERIFY(reply.at(2) & 0x80);
    QVERIFY(reply.size() <= 512);
}

void tst_DnsResponder::randomBytesNeverCrash()
{
    // Seeded, so a failure names an input that reproduces: the packet is printed.
    QRandomGenerator random(20261206);
    const QByteArray good = header(7, 0x0100, 1) + name(MysqlSrv) + typeAndClass(Srv);
    for (int i = 0; i < 20000; ++i) {
        QByteArray packet = good;
        const int edits = 1 + int(random.bounded(6));
        for (int e = 0; e < edits; ++e) {
            const int at = int(random.bounded(packet.size() + 1));
            switch (random.bounded(3)) {
            case 0:
                if (at < packet.size())
                    packet[at] = char(random.bounded(256));
                break;
            case 1:
                packet.insert(at, char(random.bounded(256)));
                break;
            default:
                packet.truncate(at);
                break;
            }
        }
        const QByteArray reply = m_dns->answer(packet);
        QVERIFY2(reply.isEmpty() || (reply.size() >= 12 && reply.size() <= 512),
                 packet.toHex().constData());
    }
}

void tst_DnsResponder::answersOverUdpAfterGarbage()
{
    QUdpSocket client;
    QVERIFY(client.bind(QHostAddress::LocalHost, 0));
    const QHostAddress server = QHostAddress::LocalHost;
    client.writeDatagram(QByteArray(), server, m_dns->port());
    client.writeDatagram(QByteArray(4000, '\xff'), server, m_dns->port());
    client.writeDatagram(header(9, 0x8100, 1), server, m_dns->port());
    const QByteArray good = header(0x4242, 0x0100, 1) + name(MysqlSrv) + typeAndClass(Srv);
    client.writeDatagram(good, server, m_dns->port());
    // Only the well-formed query is answered, and it is answered in full.
    QVERIFY(RawPeer::waitUntil([&] { return client.hasPendingDatagrams(); }));
    const QNetworkDatagram reply = client.receiveDatagram();
    QCOMPARE(reply.data().left(2), QByteArray("\x42\x42", 2));
    QCOMPARE(rcode(reply.data()), 0);
    QCOMPARE(answerCount(reply.data()), 1);
    QVERIFY(reply.data().contains(QByteArray("\x0c\xea", 2))); // port 3306 in the SRV record
}

QTEST_GUILESS_MAIN(tst_DnsResponder)
#include "tst_dnsresponder.moc"
