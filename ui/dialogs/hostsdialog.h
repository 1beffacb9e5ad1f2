// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"

#include <QDialog>
#include <QList>

#include <functional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Ui {
class CredentialStore;
}

namespace Ui {
namespace Dialogs {

/** A Docker host as the hosts dialog edits it; secrets are not part of it. */
struct HostEntry
{
    enum class Kind { Unix, Tcp, Tls, Ssh };
    QString name;
    Kind kind = Kind::Unix;
    QString endpoint; ///< socket path, host:port or user@host
    QString address;  ///< where published ports are reachable
    QString zone;
    QString caFile;   ///< TLS: CA certificate (public, a path)
    QString certFile; ///< TLS: client certificate (public, a path)

    friend bool operator==(const HostEntry &, const HostEntry &) = default;
    /** The Docker endpoint URL: unix:///..., tcp://..., ssh://... */
    [[nodiscard]] QString url() const;
    /** Keychain key of this host's secret (TLS key or SSH passphrase), empty if none. */
    [[nodiscard]] QString secretKey() const;
};

/**
 * Add, edit and remove Docker hosts (unix socket, TCP, TCP+TLS, SSH) and test the
 * connection. Hosts are saved in QSettings; TLS private keys, SSH passphrases and the
 * cloud credentials go to the keychain only (CredentialStore), and when no keychain
 * service is available the dialog says so and keeps them out of the settings file.
 */
class HostsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostsDialog)

public:
    /** Tests a host; calls \p done (on the GUI thread) with the engine version or an error. */
    using Tester = std::function<void(const HostEntry &entry, QObject *context,
                                      std::function<void(const Scs::Result<QString> &)> done)>;

    explicit HostsDialog(QWidget *parent = nullptr);
    ~HostsDialog() override;

    void setHostsFile(const QString &path);
    void setTester(Tester tester);

    [[nodiscard]] QList<HostEntry> hosts() const { return m_hosts; }
    static QList<HostEntry> loadHosts();
    static void saveHosts(const QList<HostEntry> &hosts);

    /** Selects row \p row (for keyboard users and tests). */
    void selectHost(int row);
    /** Adds a new host with \p name and selects it. */
    void addHost(const QString &name);
    /** Runs the connection test of the selected host. */
    void testSelected();
    /** Saves the hosts and writes the typed secrets to the keychain; accept() follows. */
    void save();
    [[nodiscard]] QString statusText() const;

signals:
    void testFinished(const QString &name, bool ok, const QString &message);
    /** Every pending keychain write has finished (with \p errors, empty if none). */
    void saved(const QStringList &errors);

private:
    void loadForm(int row);
    void storeForm();
    void updateKindFields();
    void setStatus(const QString &text, bool error);

    QList<HostEntry> m_hosts;
    QMap<QString, QString> m_pendingSecrets; ///< keychain key -> secret typed in this session
    int m_currentRow = -1;
    int m_pendingWrites = 0;
    QStringList m_writeErrors;
    Tester m_tester;
    CredentialStore *m_store = nullptr;

    QListWidget *m_hostList = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QComboBox *m_kindCombo = nullptr;
    QLineEdit *m_endpointEdit = nullptr;
    QLineEdit *m_addressEdit = nullptr;
    QLineEdit *m_zoneEdit = nullptr;
    QLineEdit *m_caEdit = nullptr;
    QLineEdit *m_certEdit = nullptr;
    QLineEdit *m_keyFileEdit = nullptr;
    QLineEdit *m_passphraseEdit = nullptr;
    QLineEdit *m_awsKeyIdEdit = nullptr;
    QLineEdit *m_awsSecretEdit = nullptr;
    QLineEdit *m_awsRegionEdit = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_hostsFileLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

/**
 * The default tester: asks the engine for its version through Docker::EngineClient
 * (unix, tcp, tcp+TLS with the key from the keychain, ssh), asynchronously.
 */
void testEngine(const HostEntry &entry, QObject *context,
                std::function<void(const Scs::Result<QString> &)> done);

} // namespace Dialogs
} // namespace Ui
