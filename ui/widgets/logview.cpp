// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "widgets/logview.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QVBoxLayout>

namespace Ui {
namespace Widgets {

LogView::LogView(QWidget *parent)
    : QWidget(parent)
    , m_containerList(new QListWidget(this))
    , m_searchEdit(new QLineEdit(this))
    , m_pauseCheckBox(new QCheckBox(tr("&Pause"), this))
    , m_timestampsCheckBox(new QCheckBox(tr("&Timestamps"), this))
    , m_textEdit(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("logView"));
    m_containerList->setObjectName(QStringLiteral("followedListWidget"));
    m_containerList->setAccessibleName(tr("Followed containers"));
    m_searchEdit->setObjectName(QStringLiteral("searchLineEdit"));
    m_searchEdit->setAccessibleName(tr("Search the logs"));
    m_searchEdit->setPlaceholderText(tr("Search..."));
    m_searchEdit->setClearButtonEnabled(true);
    m_pauseCheckBox->setObjectName(QStringLiteral("pauseCheckBox"));
    m_timestampsCheckBox->setObjectName(QStringLiteral("timestampsCheckBox"));
    m_timestampsCheckBox->setChecked(true);
    m_textEdit->setObjectName(QStringLiteral("logPlainTextEdit"));
    m_textEdit->setAccessibleName(tr("Log"));
    m_textEdit->setReadOnly(true);
    m_textEdit->setMaximumBlockCount(MaxLines);
    m_textEdit->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_textEdit->setFont(mono);

    connect(m_searchEdit, &QLineEdit::textChanged, this, &LogView::refilter);
    connect(m_timestampsCheckBox, &QCheckBox::toggled, this, &LogView::refilter);
    connect(m_pauseCheckBox, &QCheckBox::toggled, this, [this](bool paused) {
        if (!paused)
            refilter();
    });
    connect(m_containerList, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        emit followChanged(item->text(), item->checkState() == Qt::Checked);
        refilter();
    });

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_searchEdit, 1);
    controls->addWidget(m_pauseCheckBox);
    controls->addWidget(m_timestampsCheckBox);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(controls);
    rightLayout->addWidget(m_textEdit, 1);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_containerList);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 4);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

LogView::~LogView() = default;

void LogView::follow(const QString &containerId)
{
    const QList<QListWidgetItem *> found
        = m_containerList->findItems(containerId, Qt::MatchExactly);
    if (!found.isEmpty()) {
        found.first()->setCheckState(Qt::Checked);
        return;
    }
    auto *item = new QListWidgetItem(containerId);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Unchecked);
    m_containerList->addItem(item);
    item->setCheckState(Qt::Checked); // emits followChanged through itemChanged
}

void LogView::unfollow(const QString &containerId)
{
    for (QListWidgetItem *item : m_containerList->findItems(containerId, Qt::MatchExactly))
        item->setCheckState(Qt::Unchecked);
}

QStringList LogView::followed() const
{
    QStringList result;
    for (int i = 0; i < m_containerList->count(); ++i) {
        if (m_containerList->item(i)->checkState() == Qt::Checked)
            result << m_containerList->item(i)->text();
    }
    return result;
}

bool LogView::matches(const LogLine &line) const
{
    if (!line.containerId.isEmpty() && !followed().contains(line.containerId))
        return false;
    const QString search = m_searchEdit->text();
    return search.isEmpty() || line.text.contains(search, Qt::CaseInsensitive)
           || line.containerId.contains(search, Qt::CaseInsensitive);
}

QString LogView::format(const LogLine &line) const
{
    QString text;
    if (m_timestampsCheckBox->isChecked() && line.time.isValid())
        text += line.time.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz "));
    if (!line.containerId.isEmpty())
        text += QStringLiteral("[%1] ").arg(line.containerId);
    return text + line.text;
}

void LogView::appendLine(const LogLine &line)
{
    m_lines.append(line);
    if (m_lines.size() > MaxLines) {
        const qsizetype drop = m_lines.size() - MaxLines;
        m_lines.remove(0, drop);
        m_shownUpTo = std::max<qsizetype>(0, m_shownUpTo - drop);
    }
    if (m_pauseCheckBox->isChecked())
        return;
    m_shownUpTo = m_lines.size();
    if (matches(line))
        m_textEdit->appendPlainText(format(line));
}

void LogView::appendMessage(const QString &text)
{
    appendLine(LogLine{QString(), QDateTime::currentDateTimeUtc(), text, false});
}

void LogView::refilter()
{
    if (m_pauseCheckBox->isChecked())
        return;
    QStringList shown;
    for (const LogLine &line : std::as_const(m_lines)) {
        if (matches(line))
            shown << format(line);
    }
    m_shownUpTo = m_lines.size();
    m_textEdit->setPlainText(shown.join(u'\n'));
    m_textEdit->moveCursor(QTextCursor::End);
}

void LogView::setPaused(bool paused)
{
    m_pauseCheckBox->setChecked(paused);
}

void LogView::setSearchText(const QString &text)
{
    m_searchEdit->setText(text);
}

void LogView::setShowTimestamps(bool show)
{
    m_timestampsCheckBox->setChecked(show);
}

QString LogView::visibleText() const
{
    return m_textEdit->toPlainText();
}

} // namespace Widgets
} // namespace Ui
