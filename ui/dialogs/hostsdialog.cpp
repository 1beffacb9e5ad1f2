// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "dialogs/hostsdialog.h"

#include "credentialstore.h"
#include "docker/engineclient.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryFile>
#include <QTimer>
#include <QVBoxLayout>

namespace Ui {
namespace Dialogs {

namespace {
const auto HostsKey = QStringLiteral("hosts/entries");
const auto AwsKeyIdKey = QStringLiteral("cloud/aws/access-key-id");
const auto AwsSecretKey = QStringLiteral("cloud/aws/secret-access-key");
const auto AwsRegionSetting = QStringLiteral("cloud/aws/region");

QString kindName(HostEntry::Kind kind)
{
    switch (kind) {
    case HostEntry::Kind::Unix:
        return QStringLiteral("unix");
    case HostEntry::Kind::Tcp:
        return QStringLiteral("tcp");
    case HostEntry::Kind::Tls:
        return QStringLiteral("tls");
    case HostEntry::Kind::Ssh:
        return QStringLiteral("ssh");
    }
    return {};
}

HostEntry::Kind kindFromName(const QString &name)
{
    if (name == QStringLiteral("tcp"))
        return HostEntry::Kind::Tcp;
    if (name == QStringLiteral("tls"))
        return HostEntry::Kind::Tls;
    if (name == QStringLiteral("ssh"))
        return HostEntry::Kind::Ssh;
    return HostEntry::Kind::Unix;
}
} // namespace

QString HostEntry::url() const
{
    switch (kind) {
    case Kind::Unix:
        return endpoint.startsWith(QStringLiteral("unix://"))
                   ? endpoint
                   : QStringLiteral("unix://") + endpoint;
    case Kind::Tcp:
    case Kind::Tls:
        return endpoint.startsWith(QStringLiteral("tcp://")) ? endpoint
                                                             : QStringLiteral("tcp://") + endpoint;
    case Kind::Ssh:
        return endpoint.startsWith(QStringLiteral("ssh://")) ? endpoint
                                                             : QStringLiteral("ssh://") + endpoint;
    }
    return endpoint;
}

QString HostEntry::secretKey() const
{
    switch (kind) {
    case Kind::Tls:
        return QStringLiteral("host/%1/tls-key").arg(name);
    case Kind::Ssh:
        return QStringLiteral("host/%1/ssh-passphrase").arg(name);
    case Kind::Unix:
    case Kind::Tcp:
        break;
    }
    return {};
}

HostsDialog::HostsDialog(QWidget *parent)
    : QDialog(parent)
    , m_tester(&testEngine)
    , m_store(new CredentialStore(this))
    , m_hostList(new QListWidget(this))
    , m_nameEdit(new QLineEdit(this))
    , m_kindCombo(new QComboBox(this))
    , m_endpointEdit(new QLineEdit(this))
    , m_addressEdit(new QLineEdit(this))
    , m_zoneEdit(new QLineEdit(this))
    , m_caEdit(new QLineEdit(this))
    , m_certEdit(new QLineEdit(this))
    , m_keyFileEdit(new QLineEdit(this))
    , m_passphraseEdit(new QLineEdit(this))
    , m_awsKeyIdEdit(new QLineEdit(this))
    , m_awsSecretEdit(new QLineEdit(this))
    , m_awsRegionEdit(new QLineEdit(this))
    , m_testButton(new QPushButton(tr("&Test Connection"), this))
    , m_statusLabel(new QLabel(this))
    , m_hostsFileLabel(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("hostsDialog"));
    setWindowTitle(tr("Hosts"));
    m_hostList->setObjectName(QStringLiteral("hostsListWidget"));
    m_hostList->setAccessibleName(tr("Hosts"));
    m_nameEdit->setObjectName(QStringLiteral("nameLineEdit"));
    m_nameEdit->setAccessibleName(tr("Host name"));
    m_kindCombo->setObjectName(QStringLiteral("kindComboBox"));
    m_kindCombo->setAccessibleName(tr("Connection kind"));
    m_kindCombo->addItem(tr("Unix socket"), int(HostEntry::Kind::Unix));
    m_kindCombo->addItem(tr("TCP"), int(HostEntry::Kind::Tcp));
    m_kindCombo->addItem(tr("TCP + TLS"), int(HostEntry::Kind::Tls));
    m_kindCombo->addItem(tr("SSH"), int(HostEntry::Kind::Ssh));
    m_endpointEdit->setObjectName(QStringLiteral("endpointLineEdit"));
    m_endpointEdit->setAccessibleName(tr("Docker endpoint"));
    m_addressEdit->setObjectName(QStringLiteral("addressLineEdit"));
    m_addressEdit->setAccessibleName(tr("Published address"));
    m_zoneEdit->setObjectName(QStringLiteral("zoneLineEdit"));
    m_zoneEdit->setAccessibleName(tr("Zone"));
    m_caEdit->setAccessibleName(tr("CA certificate file"));
    m_certEdit->setAccessibleName(tr("Client certificate file"));
    m_keyFileEdit->setObjectName(QStringLiteral("keyFileLineEdit"));
    m_keyFileEdit->setAccessibleName(tr("Client key file"));
    m_keyFileEdit->setPlaceholderText(tr("read once and stored in the keychain"));
    m_passphraseEdit->setObjectName(QStringLiteral("passphraseLineEdit"));
    m_passphraseEdit->setAccessibleName(tr("SSH key passphrase"));
    m_passphraseEdit->setEchoMode(QLineEdit::Password);
    m_passphraseEdit->setPlaceholderText(tr("unchanged (kept in the keychain)"));
    m_awsKeyIdEdit->setObjectName(QStringLiteral("awsKeyIdLineEdit"));
    m_awsKeyIdEdit->setAccessibleName(tr("AWS access key ID"));
    m_awsKeyIdEdit->setPlaceholderText(tr("unchanged (kept in the keychain)"));
    m_awsSecretEdit->setObjectName(QStringLiteral("awsSecretLineEdit"));
    m_awsSecretEdit->setAccessibleName(tr("AWS secret access key"));
    m_awsSecretEdit->setEchoMode(QLineEdit::Password);
    m_awsSecretEdit->setPlaceholderText(tr("unchanged (kept in the keychain)"));
    m_awsRegionEdit->setAccessibleName(tr("AWS region"));
    m_awsRegionEdit->setText(QSettings().value(AwsRegionSetting).toString());
    m_testButton->setObjectName(QStringLiteral("testPushButton"));
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *browseKey = new QPushButton(tr("Browse..."), this);
    browseKey->setAccessibleName(tr("Choose the client key file"));
    connect(browseKey, &QPushButton::clicked, this, [this] {
        auto *dialog = new QFileDialog(this, tr("Client Key"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::fileSelected, m_keyFileEdit, &QLineEdit::setText);
        dialog->open();
    });
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_keyFileEdit, 1);
    keyRow->addWidget(browseKey);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_nameEdit);
    form->addRow(tr("&Kind:"), m_kindCombo);
    form->addRow(tr("&Endpoint:"), m_endpointEdit);
    form->addRow(tr("Published &address:"), m_addressEdit);
    form->addRow(tr("&Zone:"), m_zoneEdit);
    form->addRow(tr("CA certificate:"), m_caEdit);
    form->addRow(tr("Client certificate:"), m_certEdit);
    form->addRow(tr("Client key:"), keyRow);
    form->addRow(tr("SSH &passphrase:"), m_passphraseEdit);
    auto *cloudBox = new QGroupBox(tr("Cloud credentials (AWS)"), this);
    auto *cloudForm = new QFormLayout(cloudBox);
    cloudForm->addRow(tr("Access key ID:"), m_awsKeyIdEdit);
    cloudForm->addRow(tr("Secret access key:"), m_awsSecretEdit);
    cloudForm->addRow(tr("Region:"), m_awsRegionEdit);

    auto *addButton = new QPushButton(tr("&Add"), this);
    addButton->setObjectName(QStringLiteral("addPushButton"));
    auto *removeButton = new QPushButton(tr("&Remove"), this);
    removeButton->setObjectName(QStringLiteral("removePushButton"));
    connect(addButton, &QPushButton::clicked, this,
            [this] { addHost(tr("host-%1").arg(m_hosts.size() + 1)); });
    connect(removeButton, &QPushButton::clicked, this, [this] {
        if (m_currentRow < 0)
            return;
        const int row = m_currentRow;
        m_currentRow = -1;
        m_hosts.removeAt(row);
        delete m_hostList->takeItem(row);
        selectHost(std::min(row, int(m_hosts.size()) - 1));
    });
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(addButton);
    listButtons->addWidget(removeButton);
    auto *left = new QVBoxLayout;
    left->addWidget(m_hostList, 1);
    left->addLayout(listButtons);
    auto *right = new QVBoxLayout;
    right->addLayout(form);
    right->addWidget(m_testButton, 0, Qt::AlignLeft);
    right->addWidget(cloudBox);
    right->addStretch(1);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_hostsFileLabel);
    layout->addLayout(columns, 1);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_buttons);
    m_hostsFileLabel->hide();

    connect(m_kindCombo, &QComboBox::currentIndexChanged, this, &HostsDialog::updateKindFields);
    connect(m_hostList, &QListWidget::currentRowChanged, this, [this](int row) {
        storeForm();
        loadForm(row);
    });
    connect(m_testButton, &QPushButton::clicked, this, &HostsDialog::testSelected);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &HostsDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_store, &CredentialStore::written, this,
            [this](const QString &, const Scs::Error &error) {
                if (!error.message.isEmpty())
                    m_writeErrors << error.message;
                if (--m_pendingWrites > 0)
                    return;
                m_buttons->setEnabled(true);
                emit saved(m_writeErrors);
                if (m_writeErrors.isEmpty()) {
                    accept();
                    return;
                }
                setStatus(m_writeErrors.first(), true);
            });

    m_hosts = loadHosts();
    for (const HostEntry &host : std::as_const(m_hosts))
        m_hostList->addItem(host.name);
    selectHost(m_hosts.isEmpty() ? -1 : 0);
    updateKindFields();
    resize(760, 520);
}

HostsDialog::~HostsDialog() = default;

void HostsDialog::setHostsFile(const QString &path)
{
    m_hostsFileLabel->setText(tr("The stack runs on the hosts in %1; the hosts here are the "
                                 "engines and credentials the dashboard can reach.")
                                  .arg(path));
    m_hostsFileLabel->setWordWrap(true);
    m_hostsFileLabel->show();
}

void HostsDialog::setTester(Tester tester)
{
    m_tester = std::move(tester);
}

QList<HostEntry> HostsDialog::loadHosts()
{
    QList<HostEntry> result;
    QSettings settings;
    const int count = settings.beginReadArray(HostsKey);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        HostEntry entry;
        entry.name = settings.value(QStringLiteral("name")).toString();
        entry.kind = kindFromName(settings.value(QStringLiteral("kind")).toString());
        entry.endpoint = settings.value(QStringLiteral("endpoint")).toString();
        entry.address = settings.value(QStringLiteral("address")).toString();
        entry.zone = settings.value(QStringLiteral("zone")).toString();
        entry.caFile = settings.value(QStringLiteral("caFile")).toString();
        entry.certFile = settings.value(QStringLiteral("certFile")).toString();
        if (!entry.name.isEmpty())
            result.append(entry);
    }
    settings.endArray();
    return result;
}

void HostsDialog::saveHosts(const QList<HostEntry> &hosts)
{
    // Plain keys (no serialized variants), so the file stays readable and reviewable.
    QSettings settings;
    settings.remove(HostsKey);
    settings.beginWriteArray(HostsKey, int(hosts.size()));
    for (int i = 0; i < hosts.size(); ++i) {
        const HostEntry &entry = hosts.at(i);
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("name"), entry.name);
        settings.setValue(QStringLiteral("kind"), kindName(entry.kind));
        settings.setValue(QStringLiteral("endpoint"), entry.endpoint);
        settings.setValue(QStringLiteral("address"), entry.address);
        settings.setValue(QStringLiteral("zone"), entry.zone);
        settings.setValue(QStringLiteral("caFile"), entry.caFile);
        settings.setValue(QStringLiteral("certFile"), entry.certFile);
    }
    settings.endArray();
}

void HostsDialog::selectHost(int row)
{
    if (row >= 0 && row < m_hostList->count()) {
        m_hostList->setCurrentRow(row);
        return;
    }
    loadForm(-1);
}

void HostsDialog::addHost(const QString &name)
{
    storeForm();
    HostEntry entry;
    entry.name = name;
    entry.endpoint = QStringLiteral("/var/run/docker.sock");
    entry.address = QStringLiteral("127.0.0.1");
    m_hosts.append(entry);
    m_hostList->addItem(name);
    m_hostList->setCurrentRow(int(m_hosts.size()) - 1);
    m_nameEdit->setFocus();
    m_nameEdit->selectAll();
}

void HostsDialog::loadForm(int row)
{
    m_currentRow = row;
    const bool valid = row >= 0 && row < m_hosts.size();
    const HostEntry entry = valid ? m_hosts.at(row) : HostEntry();
    for (QWidget *widget : std::initializer_list<QWidget *>{
             m_nameEdit, m_kindCombo, m_endpointEdit, m_addressEdit, m_zoneEdit, m_caEdit,
             m_certEdit, m_keyFileEdit, m_passphraseEdit, m_testButton})
        widget->setEnabled(valid);
    m_nameEdit->setText(entry.name);
    m_kindCombo->setCurrentIndex(m_kindCombo->findData(int(entry.kind)));
    m_endpointEdit->setText(entry.endpoint);
    m_addressEdit->setText(entry.address);
    m_zoneEdit->setText(entry.zone);
    m_caEdit->setText(entry.caFile);
    m_certEdit->setText(entry.certFile);
    m_keyFileEdit->clear();
    m_passphraseEdit->clear();
    updateKindFields();
}

void HostsDialog::storeForm()
{
    if (m_currentRow < 0 || m_currentRow >= m_hosts.size())
        return;
    HostEntry &entry = m_hosts[m_currentRow];
    entry.name = m_nameEdit->text().trimmed();
    entry.kind = HostEntry::Kind(m_kindCombo->currentData().toInt());
    entry.endpoint = m_endpointEdit->text().trimmed();
    entry.address = m_addressEdit->text().trimmed();
    entry.zone = m_zoneEdit->text().trimmed();
    entry.caFile = m_caEdit->text().trimmed();
    entry.certFile = m_certEdit->text().trimmed();
    if (QListWidgetItem *item = m_hostList->item(m_currentRow))
        item->setText(entry.name);
    // Secrets typed in the form stay in memory until save() hands them to the keychain.
    if (entry.kind == HostEntry::Kind::Ssh && !m_passphraseEdit->text().isEmpty())
        m_pendingSecrets.insert(entry.secretKey(), m_passphraseEdit->text());
    if (entry.kind == HostEntry::Kind::Tls && !m_keyFileEdit->text().trimmed().isEmpty()) {
        QFile file(m_keyFileEdit->text().trimmed());
        if (file.open(QIODevice::ReadOnly))
            m_pendingSecrets.insert(entry.secretKey(), QString::fromUtf8(file.readAll()));
        else
            setStatus(
                tr("Cannot read the client key %1: %2").arg(file.fileName(), file.errorString()),
                true);
    }
}

void HostsDialog::updateKindFields()
{
    const auto kind = HostEntry::Kind(m_kindCombo->currentData().toInt());
    const bool tls = kind == HostEntry::Kind::Tls;
    m_caEdit->setEnabled(tls && m_currentRow >= 0);
    m_certEdit->setEnabled(tls && m_currentRow >= 0);
    m_keyFileEdit->setEnabled(tls && m_currentRow >= 0);
    m_passphraseEdit->setEnabled(kind == HostEntry::Kind::Ssh && m_currentRow >= 0);
    switch (kind) {
    case HostEntry::Kind::Unix:
        m_endpointEdit->setPlaceholderText(QStringLiteral("/var/run/docker.sock"));
        break;
    case HostEntry::Kind::Tcp:
    case HostEntry::Kind::Tls:
        m_endpointEdit->setPlaceholderText(QStringLiteral("10.0.0.5:2376"));
        break;
    case HostEntry::Kind::Ssh:
        m_endpointEdit->setPlaceholderText(QStringLiteral("deploy@db-1"));
        break;
    }
}

void HostsDialog::setStatus(const QString &text, bool error)
{
    m_statusLabel->setText(text);
    m_statusLabel->setStyleSheet(error ? QStringLiteral("color: #d03a2f") : QString());
}

QString HostsDialog::statusText() const
{
    return m_statusLabel->text();
}

void HostsDialog::testSelected()
{
    storeForm();
    if (m_currentRow < 0 || !m_tester)
        return;
    const HostEntry entry = m_hosts.at(m_currentRow);
    setStatus(tr("Testing %1 (%2)...").arg(entry.name, entry.url()), false);
    m_testButton->setEnabled(false);
    m_tester(entry, this, [this, name = entry.name](const Scs::Result<QString> &result) {
        m_testButton->setEnabled(m_currentRow >= 0);
        if (result) {
            setStatus(tr("%1 answers: Docker %2").arg(name, *result), false);
            emit testFinished(name, true, *result);
        } else {
            setStatus(tr("%1 does not answer: %2").arg(name, result.error().message), true);
            emit testFinished(name, false, result.error().message);
        }
    });
}

void HostsDialog::save()
{
    storeForm();
    QStringList names;
    for (const HostEntry &entry : std::as_const(m_hosts)) {
        if (entry.name.isEmpty() || names.contains(entry.name)) {
            setStatus(tr("Every host needs a unique name (%1).").arg(entry.name), true);
            return;
        }
        names << entry.name;
    }
    saveHosts(m_hosts);
    QSettings().setValue(AwsRegionSetting, m_awsRegionEdit->text().trimmed());
    if (!m_awsKeyIdEdit->text().isEmpty())
        m_pendingSecrets.insert(AwsKeyIdKey, m_awsKeyIdEdit->text().trimmed());
    if (!m_awsSecretEdit->text().isEmpty())
        m_pendingSecrets.insert(AwsSecretKey, m_awsSecretEdit->text());
    if (m_pendingSecrets.isEmpty()) {
        emit saved({});
        accept();
        return;
    }
    m_writeErrors.clear();
    m_pendingWrites = int(m_pendingSecrets.size());
    m_buttons->setEnabled(false);
    setStatus(tr("Storing %n secret(s) in the keychain...", nullptr, m_pendingWrites), false);
    const QMap<QString, QString> secrets = std::exchange(m_pendingSecrets, {});
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it)
        m_store->write(it.key(), it.value());
}

void testEngine(const HostEntry &entry, QObject *context,
                std::function<void(const Scs::Result<QString> &)> done)
{
    Scs::Result<Docker::HostConfig> config
        = Docker::HostConfig::fromAddress(entry.name, entry.url());
    if (!config) {
        done(std::unexpected(config.error()));
        return;
    }
    config->timeoutMs = 8000;
    auto run = [context, done](const Docker::HostConfig &hostConfig,
                               std::shared_ptr<QTemporaryFile> keyFile) {
        auto *client = new Docker::EngineClient(hostConfig, context);
        auto *watcher = new QFutureWatcher<Scs::Result<Docker::VersionInfo>>(context);
        QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                         [watcher, client, done, keyFile] {
                             const Scs::Result<Docker::VersionInfo> version = watcher->result();
                             watcher->deleteLater();
                             client->deleteLater();
                             if (version)
                                 done(QStringLiteral("%1 (API %2)")
                                          .arg(version->version, version->negotiatedApiVersion));
                             else
                                 done(std::unexpected(version.error()));
                         });
        watcher->setFuture(client->version());
    };
    if (entry.kind != HostEntry::Kind::Tls) {
        run(*config, nullptr);
        return;
    }
    // The client key lives in the keychain only; libcurl wants a file, so it gets a
    // private temporary one for the duration of the test.
    config->endpoint.tls.caFile = entry.caFile;
    config->endpoint.tls.certFile = entry.certFile;
    auto *store = new CredentialStore(context);
    QObject::connect(
        store, &CredentialStore::readFinished, context,
        [store, run, done, hostConfig = *config](const QString &, const QString &secret,
                                                 const Scs::Error &error) mutable {
            store->deleteLater();
            if (!error.message.isEmpty()) {
                done(std::unexpected(error));
                return;
            }
            auto keyFile = std::make_shared<QTemporaryFile>();
            if (!keyFile->open() || keyFile->write(secret.toUtf8()) < 0 || !keyFile->flush()) {
                done(Scs::makeError(HostsDialog::tr("Cannot write a temporary key file: %1")
                                        .arg(keyFile->errorString()),
                                    Scs::Error::Kind::Io));
                return;
            }
            hostConfig.endpoint.tls.keyFile = keyFile->fileName();
            run(hostConfig, keyFile);
        });
    store->read(entry.secretKey());
}

} // namespace Dialogs
} // namespace Ui
