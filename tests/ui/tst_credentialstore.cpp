// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "credentialstore.h"
#include "dialogs/hostsdialog.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

/**
 * Secrets against the real Secret Service (tests/run-all.sh runs these under
 * dbus-run-session with an unlocked gnome-keyring). Without one they fail.
 * With SCS_EXPECT_NO_KEYCHAIN=1 (no D-Bus session at all) the store must say so clearly.
 */
class tst_CredentialStore final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void writesReadsAndRemoves();
    void hostsDialogKeepsSecretsOutOfSettings();

private:
    bool m_expectNoKeychain = false;
    QString m_service;
};

void tst_CredentialStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("scs-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_credentialstore"));
    QSettings().clear();
    m_expectNoKeychain = qEnvironmentVariableIntValue("SCS_EXPECT_NO_KEYCHAIN") == 1;
    m_service = QStringLiteral("scs-test-%1").arg(QCoreApplication::applicationPid());
    if (!m_expectNoKeychain && qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QFAIL("no D-Bus session: run the keychain tests through tests/run-all.sh, which starts "
              "dbus-run-session with gnome-keyring");
}

void tst_CredentialStore::writesReadsAndRemoves()
{
    Ui::CredentialStore store;
    store.setService(m_service);
    QSignalSpy written(&store, &Ui::CredentialStore::written);
    QSignalSpy read(&store, &Ui::CredentialStore::readFinished);
    QSignalSpy removed(&store, &Ui::CredentialStore::removed);
    const QString secret
        = QStringLiteral("-----BEGIN PRIVATE KEY-----\nsecret ü\n-----END PRIVATE KEY-----\n");
    store.write(QStringLiteral("host/db-1/tls-key"), secret);
    QTRY_COMPARE_WITH_TIMEOUT(written.size(), 1, 10000);
    const auto error = written.first().at(1).value<Scs::Error>();
    if (m_expectNoKeychain) {
        QVERIFY2(error.message.contains(QStringLiteral("No keychain service is available")),
                 qPrintable(error.message));
        QVERIFY(error.message.contains(QStringLiteral("host/db-1/tls-key")));
        return;
    }
    QVERIFY2(error.message.isEmpty(), qPrintable(error.message));

    store.read(QStringLiteral("host/db-1/tls-key"));
    QTRY_COMPARE_WITH_TIMEOUT(read.size(), 1, 10000);
    QCOMPARE(read.first().at(1).toString(), secret);
    QVERIFY(read.first().at(2).value<Scs::Error>().message.isEmpty());

    store.remove(QStringLiteral("host/db-1/tls-key"));
    QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, 10000);
    QVERIFY(removed.first().at(1).value<Scs::Error>().message.isEmpty());
    store.read(QStringLiteral("host/db-1/tls-key"));
    QTRY_COMPARE_WITH_TIMEOUT(read.size(), 2, 10000);
    const auto missing = read.last().at(2).value<Scs::Error>();
    QCOMPARE(missing.kind, Scs::Error::Kind::NotFound);
    QVERIFY(read.last().at(1).toString().isEmpty());
}

void tst_CredentialStore::hostsDialogKeepsSecretsOutOfSettings()
{
    if (m_expectNoKeychain)
        return;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString keyFile = dir.filePath(QStringLiteral("client-key.pem"));
    const QByteArray key
        = "-----BEGIN PRIVATE KEY-----\nTOP-SECRET-KEY-MATERIAL\n-----END PRIVATE KEY-----\n";
    {
        QFile file(keyFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(key);
    }
    Ui::Dialogs::HostsDialog dialog;
    dialog.addHost(QStringLiteral("prod-db"));
    dialog.findChild<QComboBox *>(QStringLiteral("kindComboBox"))->setCurrentIndex(2); // TCP + TLS
    dialog.findChild<QLineEdit *>(QStringLiteral("endpointLineEdit"))
        ->setText(QStringLiteral("192.0.2.10:2376"));
    dialog.findChild<QLineEdit *>(QStringLiteral("keyFileLineEdit"))->setText(keyFile);
    dialog.findChild<QLineEdit *>(QStringLiteral("awsSecretLineEdit"))
        ->setText(QStringLiteral("AWS-SECRET-VALUE"));
    QSignalSpy saved(&dialog, &Ui::Dialogs::HostsDialog::saved);
    dialog.save();
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 10000);
    QVERIFY2(saved.first().at(0).toStringList().isEmpty(),
             qPrintable(saved.first().at(0).toStringList().join(u'\n')));

    const QList<Ui::Dialogs::HostEntry> hosts = Ui::Dialogs::HostsDialog::loadHosts();
    QCOMPARE(hosts.size(), 1);
    QCOMPARE(hosts.first().kind, Ui::Dialogs::HostEntry::Kind::Tls);
    QCOMPARE(hosts.first().url(), QStringLiteral("tcp://192.0.2.10:2376"));
    // The settings file holds the host but none of the secrets.
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
    const QByteArray content = file.readAll();
    QVERIFY(content.contains("prod-db"));
    for (const QString &secret :
         {QStringLiteral("TOP-SECRET-KEY-MATERIAL"), QStringLiteral("AWS-SECRET-VALUE")}) {
        QVERIFY(!content.contains(secret.toUtf8()));
        QVERIFY(!content.contains(
            QByteArray(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2)));
    }

    // ... they are in the keychain, under the "scs" service.
    Ui::CredentialStore store;
    QSignalSpy read(&store, &Ui::CredentialStore::readFinished);
    store.read(QStringLiteral("host/prod-db/tls-key"));
    store.read(QStringLiteral("cloud/aws/secret-access-key"));
    QTRY_COMPARE_WITH_TIMEOUT(read.size(), 2, 10000);
    QStringList values{read.at(0).at(1).toString(), read.at(1).at(1).toString()};
    QVERIFY(values.contains(QString::fromUtf8(key)));
    QVERIFY(values.contains(QStringLiteral("AWS-SECRET-VALUE")));
    store.remove(QStringLiteral("host/prod-db/tls-key"));
    store.remove(QStringLiteral("cloud/aws/secret-access-key"));
    QSignalSpy removed(&store, &Ui::CredentialStore::removed);
    QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 2, 10000);
}

QTEST_MAIN(tst_CredentialStore)
#include "tst_credentialstore.moc"
