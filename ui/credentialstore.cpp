// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "credentialstore.h"

#include <qt6keychain/keychain.h>

namespace Ui {

namespace {

Scs::Error toError(const QKeychain::Job *job, const QString &key, const QString &operation)
{
    switch (job->error()) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return Scs::Error{Scs::Error::Kind::NotFound,
                          Ui::CredentialStore::tr("No secret named %1 in the keychain").arg(key)};
    case QKeychain::NoBackendAvailable:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
    case QKeychain::NotImplemented:
        return Scs::Error{Scs::Error::Kind::Io,
                          Ui::CredentialStore::tr("No keychain service is available to %1 %2 (%3). "
                                                  "Secrets are never written to the settings file: "
                                                  "start a Secret Service such as gnome-keyring or "
                                                  "KWallet and unlock it.")
                              .arg(operation, key, job->errorString())};
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    // libsecret reports a missing or dead Secret Service as a generic error.
    const QString reason = job->errorString();
    static const QStringList noService{QStringLiteral("connect"), QStringLiteral("dbus"),
                                       QStringLiteral("d-bus"), QStringLiteral("secrets"),
                                       QStringLiteral("not provided by any .service")};
    for (const QString &hint : noService) {
        if (reason.contains(hint, Qt::CaseInsensitive))
            return Scs::Error{
                Scs::Error::Kind::Io,
                Ui::CredentialStore::tr("No keychain service is available to %1 %2 (%3). "
                                        "Secrets are never written to the settings file: "
                                        "start a Secret Service such as gnome-keyring or "
                                        "KWallet and unlock it.")
                    .arg(operation, key, reason)};
    }
    return Scs::Error{Scs::Error::Kind::Io,
                      Ui::CredentialStore::tr("The keychain could not %1 %2: %3")
                          .arg(operation, key, job->errorString())};
}

} // namespace

CredentialStore::CredentialStore(QObject *parent)
    : QObject(parent)
{}

CredentialStore::~CredentialStore() = default;

void CredentialStore::setService(const QString &service)
{
    m_service = service;
}

void CredentialStore::write(const QString &key, const QString &secret)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *done) {
        emit written(key, toError(done, key, tr("store")));
    });
    job->start();
}

void CredentialStore::read(const QString &key)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *done) {
        const auto *reader = static_cast<QKeychain::ReadPasswordJob *>(done);
        const Scs::Error error = toError(done, key, tr("read"));
        emit readFinished(key, error.message.isEmpty() ? reader->textData() : QString(), error);
    });
    job->start();
}

void CredentialStore::remove(const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *done) {
        emit removed(key, toError(done, key, tr("remove")));
    });
    job->start();
}

} // namespace Ui
