// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "stackcontroller.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QVBoxLayout;

namespace Ui {
namespace Widgets {

/**
 * Long operations in one place: a row per move and per image build with its phase,
 * a progress bar and a cancel button, the outcome once it ends; below, the streamed
 * build output.
 */
class ProgressPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProgressPanel)

public:
    explicit ProgressPanel(QWidget *parent = nullptr);
    ~ProgressPanel() override;

    void beginMove(const MovePlan &plan);
    void updateMove(const QString &containerId, const QString &phase, int percent);
    void finishMove(const MoveResult &result);

    void updateBuild(const QString &image, int percent);
    void appendBuildOutput(const QString &image, const QString &line);
    void finishBuild(const QString &image, const Scs::Error &error);

    /** A stack operation (start, stop, take-over) reached \p phase. */
    void updateOperation(const QString &what, const QString &phase, int percent);
    void finishOperation(const QString &what, const Scs::Error &error);

    /** The text an operation's row shows now (for tests and accessibility). */
    [[nodiscard]] QString statusText(const QString &key) const;
    [[nodiscard]] int progress(const QString &key) const;
    [[nodiscard]] bool isRunning(const QString &key) const;

    /** Keys of rows: "move:<container id>" and "build:<image>". */
    [[nodiscard]] static QString moveKey(const QString &containerId);
    [[nodiscard]] static QString buildKey(const QString &image);
    /** "op:<what>" for updateOperation() rows. */
    [[nodiscard]] static QString operationKey(const QString &what);

signals:
    void moveCancelRequested(const QString &containerId);

private:
    struct Row
    {
        QWidget *widget = nullptr;
        QLabel *titleLabel = nullptr;
        QLabel *statusLabel = nullptr;
        QProgressBar *progressBar = nullptr;
        QPushButton *cancelButton = nullptr;
        bool running = false;
    };
    Row &ensureRow(const QString &key, const QString &title);

    QVBoxLayout *m_rowsLayout = nullptr;
    QPlainTextEdit *m_buildOutput = nullptr;
    QHash<QString, Row> m_rows;
};

} // namespace Widgets
} // namespace Ui
