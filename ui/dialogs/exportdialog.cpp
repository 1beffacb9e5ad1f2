// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "dialogs/exportdialog.h"

#include "runtime/topology.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Ui {
namespace Dialogs {

ExportDialog::ExportDialog(StackController *controller, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_formatCombo(new QComboBox(this))
    , m_hostCombo(new QComboBox(this))
    , m_fileList(new QListWidget(this))
    , m_preview(new QPlainTextEdit(this))
    , m_valuesTree(new QTreeWidget(this))
    , m_errorLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export Stack"));
    m_formatCombo->setObjectName(QStringLiteral("formatComboBox"));
    m_formatCombo->setAccessibleName(tr("Export format"));
    m_formatCombo->addItem(tr("Docker Compose (one host)"), int(ExportFormat::Compose));
    m_formatCombo->addItem(tr("Kubernetes manifests (cluster)"), int(ExportFormat::Kubernetes));
    m_formatCombo->addItem(tr("scs bundle (scs on every host)"), int(ExportFormat::Bundle));
    m_hostCombo->setObjectName(QStringLiteral("hostComboBox"));
    m_hostCombo->setAccessibleName(tr("Host of the Compose file"));
    m_hostCombo->setToolTip(tr("Compose runs one host: every role on one machine, or the roles "
                               "the hosts file places on one host"));
    m_hostCombo->addItem(tr("Every role on one machine"), QString());
    if (m_controller && m_controller->topology()) {
        for (const Runtime::HostInfo &host : m_controller->topology()->hosts())
            m_hostCombo->addItem(tr("Roles placed on %1").arg(host.name), host.name);
    }
    m_fileList->setObjectName(QStringLiteral("filesListWidget"));
    m_fileList->setAccessibleName(tr("Exported files"));
    m_preview->setObjectName(QStringLiteral("previewPlainTextEdit"));
    m_preview->setAccessibleName(tr("Preview"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_preview->setFont(mono);
    m_valuesTree->setObjectName(QStringLiteral("valuesTreeWidget"));
    m_valuesTree->setAccessibleName(tr("Values the operator must supply"));
    m_valuesTree->setHeaderLabels(
        {tr("Value the operator must supply"), tr("What it is"), tr("Where it goes")});
    m_valuesTree->setRootIsDecorated(false);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #d03a2f"));
    m_errorLabel->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_saveButton = buttons->addButton(tr("&Save to Folder..."), QDialogButtonBox::ActionRole);
    m_saveButton->setObjectName(QStringLiteral("savePushButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_saveButton, &QPushButton::clicked, this, [this] {
        auto *dialog = new QFileDialog(this, tr("Export To"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(QFileDialog::Directory);
        dialog->setOption(QFileDialog::ShowDirsOnly);
        connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &directory) {
            const Scs::Result<void> saved = saveTo(directory);
            m_errorLabel->setVisible(!saved);
            if (!saved)
                m_errorLabel->setText(saved.error().message);
        });
        dialog->open();
    });

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_fileList);
    splitter->addWidget(m_preview);
    splitter->setStretchFactor(1, 3);
    auto *form = new QFormLayout;
    form->addRow(tr("&Format:"), m_formatCombo);
    form->addRow(tr("&Host:"), m_hostCombo);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(splitter, 3);
    layout->addWidget(m_valuesTree, 1);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);

    connect(m_formatCombo, &QComboBox::currentIndexChanged, this, &ExportDialog::regenerate);
    connect(m_hostCombo, &QComboBox::currentIndexChanged, this, &ExportDialog::regenerate);
    connect(m_fileList, &QListWidget::currentRowChanged, this, &ExportDialog::showFile);
    resize(900, 640);
    regenerate();
}

ExportDialog::~ExportDialog() = default;

void ExportDialog::setFormat(ExportFormat format)
{
    m_formatCombo->setCurrentIndex(m_formatCombo->findData(int(format)));
}

void ExportDialog::setHost(const QString &host)
{
    m_hostCombo->setCurrentIndex(std::max(0, m_hostCombo->findData(host)));
}

void ExportDialog::regenerate()
{
    const bool compose
        = ExportFormat(m_formatCombo->currentData().toInt()) == ExportFormat::Compose;
    m_hostCombo->setEnabled(compose);
    m_result = {};
    m_fileList->clear();
    m_preview->clear();
    m_valuesTree->clear();
    m_errorLabel->hide();
    if (!m_controller) {
        m_errorLabel->setText(tr("Open a stack first."));
        m_errorLabel->show();
        m_saveButton->setEnabled(false);
        return;
    }
    const Scs::Result<ExportResult> result
        = m_controller->exportStack(ExportFormat(m_formatCombo->currentData().toInt()),
                                    compose ? m_hostCombo->currentData().toString() : QString());
    if (!result) {
        m_errorLabel->setText(result.error().message);
        m_errorLabel->show();
        m_saveButton->setEnabled(false);
        return;
    }
    m_result = *result;
    for (auto it = m_result.files.cbegin(); it != m_result.files.cend(); ++it)
        m_fileList->addItem(it.key());
    for (const ExportResult::OperatorValue &value : std::as_const(m_result.operatorValues))
        new QTreeWidgetItem(m_valuesTree, {value.name, value.description, value.where});
    m_valuesTree->resizeColumnToContents(0);
    m_saveButton->setEnabled(!m_result.files.isEmpty());
    if (m_fileList->count() > 0)
        m_fileList->setCurrentRow(0);
}

void ExportDialog::showFile(int row)
{
    if (row < 0 || row >= m_fileList->count()) {
        m_preview->clear();
        return;
    }
    m_preview->setPlainText(QString::fromUtf8(m_result.files.value(m_fileList->item(row)->text())));
}

QString ExportDialog::previewText() const
{
    return m_preview->toPlainText();
}

QStringList ExportDialog::operatorValues() const
{
    QStringList result;
    for (const ExportResult::OperatorValue &value : m_result.operatorValues)
        result << value.name;
    return result;
}

QStringList ExportDialog::fileNames() const
{
    return m_result.files.keys();
}

Scs::Result<void> ExportDialog::saveTo(const QString &directory) const
{
    const QDir dir(directory);
    for (auto it = m_result.files.cbegin(); it != m_result.files.cend(); ++it) {
        const QString path = dir.filePath(it.key());
        if (!QDir().mkpath(QFileInfo(path).absolutePath()))
            return Scs::makeError(tr("Cannot create the folder for %1").arg(path),
                                  Scs::Error::Kind::Io);
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(it.value()) != it.value().size()
            || !file.commit())
            return Scs::makeError(tr("Cannot write %1: %2").arg(path, file.errorString()),
                                  Scs::Error::Kind::Io);
        if (m_result.executables.contains(it.key()))
            QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ExeOwner
                                            | QFileDevice::ExeGroup | QFileDevice::ExeOther);
    }
    return {};
}

} // namespace Dialogs
} // namespace Ui
