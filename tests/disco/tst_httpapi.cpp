// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
//
// The read-only HTTP API over a real socket, fed requests no browser sends: each gets a
// status that says what was wrong (or the connection is closed), and the API keeps serving
// the same registry to the next, well-formed request.
#include "disco/httpapi.h"
#include "disco/server.h"
#include "oneprovision.h"
#include "rawpeer.h"
#include "testutil.h"

#include <QJsonArray>
#include <QTcpSocket>
#include <QTest>

using namespace Disco;

class tst_HttpApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void requests_data();
    void requests();
    void keepAliveAnswersInOrder();
    void oversizedHeaderIsRefused();
    void servesAfterGarbage();
    void idleConnectionsEnd();

private:
    /** Sends \p request on a new connection; returns what came back until close or 2 s. */
    QByteArray exchange(const QByteArray &request, bool waitForClose);

    Server m_server;
    RawPeer m_peer;
    HttpApi *m_api = nullptr;
};

void tst_HttpApi::initTestCase()
{
    QVERIFY(startWithOneProvision(m_server, m_peer));
    m_api = new HttpApi(&m_server, this);
    QVERIFY_RESULT(m_api->start(QHostAddress::LocalHost, 0));
}

QByteArray tst_HttpApi::exchange(const QByteArray &request, bool waitForClose)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_api->serverPort());
    if (!RawPeer::waitUntil([&] { return socket.state() == QAbstractSocket::ConnectedState; }))
        return "(no connection)";
    socket.write(request);
    QByteArray received;
    RawPeer::waitUntil(
        [&] {
            received += socket.readAll();
            if (socket.state() == QAbstractSocket::UnconnectedState)
                return true;
            // Without a close, one whole response is enough.
            const qsizetype end = received.indexOf("\r\n\r\n");
            if (waitForClose || end < 0)
                return false;
            const qsizetype length = received.indexOf("Content-Length: ");
            if (length < 0)
                return false;
            const qsizetype lineEnd = received.indexOf("\r\n", length);
            const qsizetype body = received.mid(length + 16, lineEnd - length - 16).toLongLong();
            return received.size() >= end + 4 + body;
        },
        2000);
    received += socket.readAll();
    return received;
}

void tst_HttpApi::requests_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("statusLine");
    QTest::addColumn<QByteArray>("bodyContains");

    QTest::newRow("health") << QByteArray("GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n")
                            << QByteArray("HTTP/1.1 200") << QByteArray("\"ok\"");
    QTest::newRow("lookup") << QByteArray("GET /v1/discovery/dev/blog/mysqlmaster/mysql HTTP/1.1"
                                          "\r\n\r\n")
                            << QByteArray("HTTP/1.1 200") << QByteArray("3306");
    QTest::newRow("query string ignored") << QByteArray("GET /v1/health?x=%zz&&== HTTP/1.1\r\n\r\n")
                                          << QByteArray("HTTP/1.1 200") << QByteArray();
    QTest::newRow("bad percent-encoding")
        << QByteArray("GET /v1/discovery/%zz/%/%%/%ff HTTP/1.1\r\n\r\n")
        << QByteArray("HTTP/1.1 200") << QByteArray("\"endpoints\":[]");
    QTest::newRow("too few parts") << QByteArray("GET /v1/discovery/dev/blog HTTP/1.1\r\n\r\n")
                                   << QByteArray("HTTP/1.1 404") << QByteArray("ENDPOINT");
    QTest::newRow("dot segments") << QByteArray("GET /v1/../../etc/passwd HTTP/1.1\r\n\r\n")
                                  << QByteArray("HTTP/1.1 404") << QByteArray("NotFound");
    QTest::newRow("POST") << QByteArray("POST /v1/health HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}")
                          << QByteArray("HTTP/1.1 405") << QByteArray("read-only");
    QTest::newRow("garbage request line")
        << QByteArray("\x01\x02\x03\xff\xfe\r\n\r\n", 9) << QByteArray("HTTP/1.1 400")
        << QByteArray("malformed request line");
    QTest::newRow("no version") << QByteArray("GET /v1/health\r\n\r\n")
                                << QByteArray("HTTP/1.1 400") << QByteArray("malformed");
    QTest::newRow("HTTP/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")
                                    << QByteArray("HTTP/1.1 400") << QByteArray("malformed");
    QTest::newRow("negative length")
        << QByteArray("GET /v1/health HTTP/1.1\r\nContent-Length: -5\r\n\r\n")
        << QByteArray("HTTP/1.1 400") << QByteArray("Content-Length");
    QTest::newRow("length not a number")
        << QByteArray("GET /v1/health HTTP/1.1\r\nContent-Length: 1e9\r\n\r\n")
        << QByteArray("HTTP/1.1 400") << QByteArray("Content-Length");
    QTest::newRow("huge length") << QByteArray("GET /v1/health HTTP/1.1\r\nContent-Length: "
                                               "99999999999999999999\r\n\r\n")
                                 << QByteArray("HTTP/1.1 400") << QByteArray("Content-Length");
    QTest::newRow("body too large")
        << QByteArray("GET /v1/health HTTP/1.1\r\nContent-Length: 2000000\r\n\r\n")
        << QByteArray("HTTP/1.1 413") << QByteArray("too large");
    QTest::newRow("chunked") << QByteArray("GET /v1/health HTTP/1.1\r\nTransfer-Encoding: "
                                           "chunked\r\n\r\n0\r\n\r\n")
                             << QByteArray("HTTP/1.1 400") << QByteArray("not accepted");
    QTest::newRow("header without colon")
        << QByteArray("GET /v1/health HTTP/1.1\r\nthis is no header\r\n: empty name\r\n\r\n")
        << QByteArray("HTTP/1.1 200") << QByteArray("\"ok\"");
    QTest::newRow("bare LF line ends") << QByteArray("GET /v1/health HTTP/1.1\n\r\n\r\n")
                                       << QByteArray("HTTP/1.1 200") << QByteArray("\"ok\"");
}

void tst_HttpApi::requests()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, statusLine);
    QFETCH(QByteArray, bodyContains);
    const QByteArray response = exchange(request, false);
    QVERIFY2(response.startsWith(statusLine), response.constData());
    QVERIFY2(response.contains(bodyContains), response.constData());
    QVERIFY2(response.contains("Content-Type: application/json"), response.constData());
}

void tst_HttpApi::keepAliveAnswersInOrder()
{
    const QByteArray response
        = exchange("GET /v1/health HTTP/1.1\r\n\r\nGET /nowhere HTTP/1.1\r\n\r\n"
                   "HEAD /v1/sessions HTTP/1.1\r\n\r\nGET /v1/health HTTP/1.0\r\n\r\n",
                   true);
    const qsizetype first = response.indexOf("HTTP/1.1 200");
    const qsizetype second = response.indexOf("HTTP/1.1 404");
    const qsizetype third = response.indexOf("HTTP/1.1 200", second);
    const qsizetype fourth = response.indexOf("HTTP/1.1 200", third + 1);
    QVERIFY2(first == 0 && second > first && third > second && fourth > third,
             response.constData());
    // HTTP/1.0 closes after its answer.
    QVERIFY(response.contains("Connection: close"));
}

void tst_HttpApi::oversizedHeaderIsRefused()
{
    QByteArray request = "GET /v1/health HTTP/1.1\r\nX-Filler: ";
    request += QByteArray(70 * 1024, 'a');
    const QByteArray response = exchange(request, true);
    QVERIFY2(response.startsWith("HTTP/1.1 431"), response.left(200).constData());
}

void tst_HttpApi::servesAfterGarbage()
{
    // Half a request, then the peer vanishes; then pure noise: nothing of it lingers.
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_api->serverPort());
        QVERIFY(
            RawPeer::waitUntil([&] { return socket.state() == QAbstractSocket::ConnectedState; }));
        socket.write("GET /v1/sess");
        socket.flush();
        socket.abort();
    }
    exchange(QByteArray(8192, '\0'), false);
    const QByteArray response = exchange("GET /v1/sessions HTTP/1.1\r\n\r\n", false);
    QVERIFY2(response.startsWith("HTTP/1.1 200"), response.constData());
    QVERIFY(response.contains("\"mysqlmaster\""));
}

void tst_HttpApi::idleConnectionsEnd()
{
    m_api->setIdleTimeout(300);
    // Half a request: 408, then closed. Nothing at all: closed without a word.
    const QByteArray partial = exchange("GET /v1/health HTTP/1.1\r\nHost:", true);
    QVERIFY2(partial.startsWith("HTTP/1.1 408"), partial.constData());
    QVERIFY(partial.contains("Connection: close"));
    QTcpSocket silent;
    silent.connectToHost(QHostAddress::LocalHost, m_api->serverPort());
    QVERIFY(RawPeer::waitUntil([&] { return silent.state() == QAbstractSocket::ConnectedState; }));
    QVERIFY(RawPeer::waitUntil([&] { return silent.state() == QAbstractSocket::UnconnectedState; },
                               3000));
    QVERIFY(silent.readAll().isEmpty());
    m_api->setIdleTimeout(30'000);
}

QTEST_GUILESS_MAIN(tst_HttpApi)
#include "tst_httpapi.moc"
