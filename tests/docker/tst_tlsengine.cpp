// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
// EngineClient against a real dockerd behind TLS (--tlsverify, client certificates required)
// that this test starts in a network namespace of its own (tlsengine.sh), with certificates
// it makes with openssl: version, ping, inspect and an image carried to it from the test
// engine, streamed (no temporary file, bounded memory); and clear errors for a wrong CA, a
// missing client certificate, a missing file, and plain HTTP to the TLS port.

#include "dockertestutil.h"
#include "testconfig.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

using namespace DockerTest;
using Docker::EngineClient;

namespace {

Scs::Result<QString> fixture(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(SCS_TEST_SOURCE_DIR "/tests/docker/tlsengine.sh"), arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return Scs::makeError(
            QStringLiteral("tlsengine.sh %1 failed: %2")
                .arg(arguments.join(u' '), QString::fromLocal8Bit(process.readAllStandardError())));
    return QString::fromLocal8Bit(process.readAllStandardOutput()).trimmed();
}

/** The peak resident memory of this process so far, in KiB. */
qint64 peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

class tst_TlsEngine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        SCS_REQUIRE_DOCKER();
        QVERIFY(m_dir.isValid());
        const qint64 pid = QCoreApplication::applicationPid();
        m_name = QStringLiteral("sdtls%1").arg(pid % 100000);
        const QString prefix = QStringLiteral("10.239.%1").arg(20 + pid % 200);
        const auto address = fixture({QStringLiteral("up"), m_dir.path(), m_name, prefix});
        QVERIFY_RESULT(address);
        m_up = true;
        m_address = *address;
        m_certs = m_dir.filePath(QStringLiteral("certs/"));

        auto local = testHost();
        QVERIFY_RESULT(local);
        m_local = std::make_unique<EngineClient>(*local);
        m_tls = std::make_unique<EngineClient>(
            tlsHost(QStringLiteral("tls"), QStringLiteral("ca.pem"), QStringLiteral("cert.pem"),
                    QStringLiteral("key.pem")));
    }

    void versionAndPingOverTls()
    {
        const auto version = await(m_tls->version());
        QVERIFY_RESULT(version);
        QVERIFY2(version->version.startsWith(QStringLiteral("20.10")),
                 qPrintable(version->version));
        QCOMPARE(version->negotiatedApiVersion, QStringLiteral("1.41"));
        QVERIFY_RESULT(await(m_tls->ping()));
    }

    void inspectOverTls()
    {
        const auto missing = await(m_tls->inspectImage(QStringLiteral("scsdk-no-such:image")));
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, Scs::Error::Kind::NotFound);
        QVERIFY2(missing.error().message.startsWith(
                     QStringLiteral("host tls: GET /images/scsdk-no-such:image/json: 404")),
                 qPrintable(missing.error().message));
    }

    void imagesTravelStreamed()
    {
        // A 48 MiB image (more than the relay's buffer) made on the test engine...
        QVERIFY_RESULT(ensureBusyboxImage(*m_local));
        const QString name = uniqueName(QStringLiteral("tls")) + QStringLiteral(":big");
        QTemporaryDir root;
        QVERIFY(root.isValid());
        {
            QFile payload(root.filePath(QStringLiteral("payload.bin")));
            QVERIFY(payload.open(QIODevice::WriteOnly));
            QByteArray block(1024 * 1024, Qt::Uninitialized);
            for (int i = 0; i < 48; ++i) {
                for (qsizetype j = 0; j < block.size(); j += 4)
                    *reinterpret_cast<quint32 *>(block.data() + j)
                        = QRandomGenerator::global()->generate();
                payload.write(block);
            }
        }
        const QString tar = m_dir.filePath(QStringLiteral("big.tar"));
        QProcess pack;
        pack.start(QStringLiteral("tar"), {QStringLiteral("-C"), root.path(), QStringLiteral("-cf"),
                                           tar, QStringLiteral("payload.bin")});
        QVERIFY(pack.waitForFinished() && pack.exitCode() == 0);
        Docker::ImportSpec spec;
        spec.tarFile = tar;
        spec.repository = name.section(u':', 0, 0);
        spec.tag = name.section(u':', 1);
        const auto imported = await(m_local->importImage(spec));
        QVERIFY_RESULT(imported);
        m_localImages << name;
        QFile::remove(tar);

        // ... goes to the TLS engine without a file, in bounded memory, and arrives whole:
        // image ids are content hashes.
        const qint64 before = peakRssKiB();
        QVERIFY_RESULT(
            await(EngineClient::transferImages(*m_local, *m_tls, {name, busyboxImage()}), 120000));
        const qint64 growth = peakRssKiB() - before;
        qInfo("peak memory grew by %lld KiB while carrying a 48 MiB image", growth);
        QVERIFY2(growth < 40 * 1024, qPrintable(QString::number(growth)));
        for (const QString &image : {name, busyboxImage()}) {
            const auto there = await(m_tls->inspectImage(image));
            QVERIFY_RESULT(there);
            QCOMPARE(there->id, await(m_local->inspectImage(image))->id);
        }
        const QStringList files = QDir::temp().entryList({QStringLiteral("scs-images-*")});
        QVERIFY2(files.isEmpty(), qPrintable(files.join(u' '))); // no temporary file left

        // Bad transfers: a missing image, and a target that is not there.
        const auto noImage = await(EngineClient::transferImages(
            *m_local, *m_tls, {QStringLiteral("scsdk-no-such:image")}));
        QVERIFY(!noImage);
        QVERIFY2(noImage.error().message.contains(QStringLiteral("host local: GET /images/get")),
                 qPrintable(noImage.error().message));
        Docker::HostConfig deadConfig;
        deadConfig.name = QStringLiteral("gone");
        deadConfig.endpoint.socketPath = m_dir.filePath(QStringLiteral("gone.sock"));
        EngineClient dead(deadConfig);
        const auto noTarget
            = await(EngineClient::transferImages(*m_local, dead, {busyboxImage()}), 30000);
        QVERIFY(!noTarget);
        QVERIFY2(noTarget.error().message.startsWith(QStringLiteral("host gone (unix://")),
                 qPrintable(noTarget.error().message));
        QVERIFY2(noTarget.error().message.contains(QStringLiteral("is dockerd running?")),
                 qPrintable(noTarget.error().message));
    }

    void wrongCaIsAClearError()
    {
        EngineClient client(tlsHost(QStringLiteral("tls-wrong-ca"), QStringLiteral("wrong-ca.pem"),
                                    QStringLiteral("cert.pem"), QStringLiteral("key.pem")));
        const auto ping = await(client.ping());
        QVERIFY(!ping);
        const QString message = ping.error().message;
        QVERIFY2(message.startsWith(
                     QStringLiteral("host tls-wrong-ca (%1): GET /_ping: ").arg(m_address)),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("certificate")), qPrintable(message));
        QVERIFY2(message.contains(m_certs + QStringLiteral("wrong-ca.pem")), qPrintable(message));
        QCOMPARE(ping.error().kind, Scs::Error::Kind::Network);
        // Versioned calls fail the same way (the negotiation is the first request).
        const auto inspect = await(client.inspectImage(busyboxImage()));
        QVERIFY(!inspect);
        QVERIFY2(inspect.error().message.contains(QStringLiteral("GET /version")),
                 qPrintable(inspect.error().message));
    }

    void missingClientCertificateIsRefused()
    {
        EngineClient client(
            tlsHost(QStringLiteral("tls-no-cert"), QStringLiteral("ca.pem"), {}, {}));
        const auto ping = await(client.ping());
        QVERIFY(!ping);
        QVERIFY2(ping.error().message.startsWith(
                     QStringLiteral("host tls-no-cert (%1): GET /_ping: ").arg(m_address)),
                 qPrintable(ping.error().message));
        QVERIFY2(ping.error().message.contains(QStringLiteral("client certificate")),
                 qPrintable(ping.error().message));
    }

    void missingFileIsNamed()
    {
        EngineClient client(tlsHost(QStringLiteral("tls-missing"), QStringLiteral("ca.pem"),
                                    QStringLiteral("nope.pem"), QStringLiteral("key.pem")));
        const auto ping = await(client.ping());
        QVERIFY(!ping);
        QVERIFY2(ping.error().message.contains(m_certs + QStringLiteral("nope.pem")),
                 qPrintable(ping.error().message));
        QVERIFY2(ping.error().message.contains(QStringLiteral("does not exist")),
                 qPrintable(ping.error().message));
    }

    void plainHttpToTheTlsPort()
    {
        auto config = Docker::HostConfig::fromAddress(QStringLiteral("tls-plain"), m_address);
        QVERIFY_RESULT(config);
        EngineClient client(*config);
        const auto ping = await(client.ping());
        QVERIFY(!ping);
        QVERIFY2(ping.error().message.contains(
                     QStringLiteral("host tls-plain: GET /_ping: 400 Bad Request: Client sent an "
                                    "HTTP request to an HTTPS server.")),
                 qPrintable(ping.error().message));
    }

    void cleanupTestCase()
    {
        if (m_local) {
            for (const QString &image : std::as_const(m_localImages))
                (void)await(m_local->removeImage(image, true));
        }
        m_tls.reset();
        if (m_up)
            QVERIFY_RESULT(fixture({QStringLiteral("down"), m_dir.path(), m_name}));
    }

private:
    Docker::HostConfig tlsHost(const QString &name, const QString &ca, const QString &cert,
                               const QString &key) const
    {
        auto config = Docker::HostConfig::fromAddress(name, m_address);
        Q_ASSERT(config);
        const auto file = [this](const QString &f) { return f.isEmpty() ? f : m_certs + f; };
        config->endpoint.tls = Docker::TlsFiles{file(ca), file(cert), file(key), true};
        return *config;
    }

    QTemporaryDir m_dir{QStringLiteral("/tmp/scsdk-tls-XXXXXX")};
    QString m_name;
    QString m_address;
    QString m_certs;
    bool m_up = false;
    std::unique_ptr<EngineClient> m_local;
    std::unique_ptr<EngineClient> m_tls;
    QStringList m_localImages;
};

QTEST_GUILESS_MAIN(tst_TlsEngine)
#include "tst_tlsengine.moc"
