// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"

#include <QObject>

namespace Ui {

/**
 * Secrets (TLS keys, SSH passphrases, cloud credentials) in the desktop keychain
 * through QtKeychain, never in QSettings. Every call is asynchronous: the Secret
 * Service is a D-Bus round trip. Results arrive as the finished signals; when no
 * keychain service runs, the error says so in words the user can act on.
 */
class CredentialStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialStore)

public:
    explicit CredentialStore(QObject *parent = nullptr);
    ~CredentialStore() override;

    /** The keychain service name entries are filed under ("scs" by default). */
    void setService(const QString &service);
    [[nodiscard]] QString service() const { return m_service; }

    void write(const QString &key, const QString &secret);
    void read(const QString &key);
    void remove(const QString &key);

signals:
    void written(const QString &key, const Scs::Error &error);
    void readFinished(const QString &key, const QString &secret, const Scs::Error &error);
    void removed(const QString &key, const Scs::Error &error);

private:
    QString m_service = QStringLiteral("scs");
};

} // namespace Ui
