// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "dialogs/hostsdialog.h"
#include "testutil.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

/** The hosts dialog's connection test against the real test engine. */
class tst_HostsDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void testConnectionReachesTheEngine();
    void unreachableEngineIsReported();
    void duplicateNamesAreRefused();
};

void tst_HostsDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("scs-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_hostsdialog"));
    QSettings().clear();
}

void tst_HostsDialog::testConnectionReachesTheEngine()
{
    SCS_REQUIRE_DOCKER();
    Ui::Dialogs::HostsDialog dialog;
    dialog.addHost(QStringLiteral("local"));
    QString endpoint = TestUtil::dockerHost();
    auto *kind = dialog.findChild<QComboBox *>(QStringLiteral("kindComboBox"));
    if (endpoint.startsWith(QStringLiteral("unix://"))) {
        kind->setCurrentIndex(0);
        endpoint = endpoint.mid(7);
    } else {
        kind->setCurrentIndex(1);
        endpoint.remove(QStringLiteral("tcp://"));
    }
    dialog.findChild<QLineEdit *>(QStringLiteral("endpointLineEdit"))->setText(endpoint);
    QSignalSpy finished(&dialog, &Ui::Dialogs::HostsDialog::testFinished);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("testPushButton")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QVERIFY2(finished.first().at(1).toBool(), qPrintable(finished.first().at(2).toString()));
    QVERIFY(finished.first().at(2).toString().contains(QStringLiteral("API 1.")));
    QVERIFY(dialog.statusText().startsWith(QStringLiteral("local answers: Docker ")));
}

void tst_HostsDialog::unreachableEngineIsReported()
{
    Ui::Dialogs::HostsDialog dialog;
    dialog.addHost(QStringLiteral("gone"));
    dialog.findChild<QLineEdit *>(QStringLiteral("endpointLineEdit"))
        ->setText(QStringLiteral("/nonexistent/scs/docker.sock"));
    QSignalSpy finished(&dialog, &Ui::Dialogs::HostsDialog::testFinished);
    dialog.testSelected();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QVERIFY(!finished.first().at(1).toBool());
    QVERIFY2(dialog.statusText().startsWith(QStringLiteral("gone does not answer: ")),
             qPrintable(dialog.statusText()));
    QVERIFY(!finished.first().at(2).toString().isEmpty());
}

void tst_HostsDialog::duplicateNamesAreRefused()
{
    Ui::Dialogs::HostsDialog dialog;
    dialog.addHost(QStringLiteral("twin"));
    dialog.addHost(QStringLiteral("twin"));
    QSignalSpy saved(&dialog, &Ui::Dialogs::HostsDialog::saved);
    dialog.save();
    QCOMPARE(saved.size(), 0);
    QVERIFY(dialog.statusText().contains(QStringLiteral("unique name (twin)")));
    QVERIFY(Ui::Dialogs::HostsDialog::loadHosts().isEmpty());
}

QTEST_MAIN(tst_HostsDialog)
#include "tst_hostsdialog.moc"
