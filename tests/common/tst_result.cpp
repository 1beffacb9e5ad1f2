// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "testutil.h"

#include "common/result.h"

#include <QTest>

using Scs::Error;
using Scs::Result;

namespace {

Result<int> parsePort(const QString &text)
{
    bool ok = false;
    const int port = text.toInt(&ok);
    if (!ok || port <= 0 || port > 65535)
        return Scs::makeError(QStringLiteral("'%1' is not a port").arg(text),
                              Error::Kind::InvalidInput);
    return port;
}

} // namespace

class tst_Result final : public QObject
{
    Q_OBJECT

private slots:
    void valueAndError();
    void withContext();
};

void tst_Result::valueAndError()
{
    const Result<int> good = parsePort(QStringLiteral("9640"));
    QVERIFY_RESULT(good);
    QCOMPARE(*good, 9640);

    const Result<int> bad = parsePort(QStringLiteral("http"));
    QVERIFY(!bad);
    QCOMPARE(bad.error().kind, Error::Kind::InvalidInput);
    QCOMPARE(bad.error().message, QStringLiteral("'http' is not a port"));
}

void tst_Result::withContext()
{
    const Error error{Error::Kind::Network, QStringLiteral("connection refused"), 0};
    const Error wrapped = error.withContext(QStringLiteral("host db-1: GET /version"));
    QCOMPARE(wrapped.message, QStringLiteral("host db-1: GET /version: connection refused"));
    QCOMPARE(wrapped.kind, Error::Kind::Network);
}

QTEST_APPLESS_MAIN(tst_Result)
#include "tst_result.moc"
