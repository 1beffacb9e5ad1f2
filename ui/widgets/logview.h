// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "stackcontroller.h"

#include <QWidget>

class QCheckBox;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;

namespace Ui {
namespace Widgets {

/**
 * The logs dock: follows the logs of one or several containers (checked in the
 * list), with a search filter, pause and optional timestamps. Lines that arrive while
 * paused are kept and shown when the user resumes.
 */
class LogView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogView)

public:
    explicit LogView(QWidget *parent = nullptr);
    ~LogView() override;

    /** Adds \p containerId to the followed list (checked) if it is not there yet. */
    void follow(const QString &containerId);
    void unfollow(const QString &containerId);
    [[nodiscard]] QStringList followed() const;

    void appendLine(const LogLine &line);
    /** Lines of the app itself (stack loaded, errors), always shown. */
    void appendMessage(const QString &text);

    void setPaused(bool paused);
    void setSearchText(const QString &text);
    void setShowTimestamps(bool show);
    /** The text currently shown. */
    [[nodiscard]] QString visibleText() const;

signals:
    void followChanged(const QString &containerId, bool follow);

private:
    [[nodiscard]] bool matches(const LogLine &line) const;
    [[nodiscard]] QString format(const LogLine &line) const;
    void refilter();

    QListWidget *m_containerList = nullptr;
    QLineEdit *m_searchEdit = nullptr;
    QCheckBox *m_pauseCheckBox = nullptr;
    QCheckBox *m_timestampsCheckBox = nullptr;
    QPlainTextEdit *m_textEdit = nullptr;
    QList<LogLine> m_lines;
    qsizetype m_shownUpTo = 0; ///< index in m_lines up to which lines were considered for display
    static constexpr int MaxLines = 20000;
};

} // namespace Widgets
} // namespace Ui
