// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "stackcontroller.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace Ui {
namespace Dialogs {

/**
 * Export the stack for production: Docker Compose, Kubernetes or the scs bundle,
 * with a preview of every file and the list of values the operator must supply
 * (secrets turned into references, host addresses).
 */
class ExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    explicit ExportDialog(StackController *controller, QWidget *parent = nullptr);
    ~ExportDialog() override;

    void setFormat(ExportFormat format);
    /** For Compose: the roles placed on \p host (empty: every role on one machine). */
    void setHost(const QString &host);
    [[nodiscard]] QString previewText() const;
    [[nodiscard]] QStringList operatorValues() const;
    [[nodiscard]] QStringList fileNames() const;
    /** Writes the files under \p directory. */
    [[nodiscard]] Scs::Result<void> saveTo(const QString &directory) const;

private:
    void regenerate();
    void showFile(int row);

    QPointer<StackController> m_controller;
    ExportResult m_result;
    QComboBox *m_formatCombo = nullptr;
    QComboBox *m_hostCombo = nullptr;
    QListWidget *m_fileList = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QTreeWidget *m_valuesTree = nullptr;
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_saveButton = nullptr;
};

} // namespace Dialogs
} // namespace Ui
