// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "widgets/progresspanel.h"

#include "dialogs/moveplandialog.h"

#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

namespace Ui {
namespace Widgets {

ProgressPanel::ProgressPanel(QWidget *parent)
    : QWidget(parent)
    , m_buildOutput(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("progressPanel"));
    auto *rowsWidget = new QWidget(this);
    m_rowsLayout = new QVBoxLayout(rowsWidget);
    m_rowsLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("operationsScrollArea"));
    scroll->setAccessibleName(tr("Running operations"));
    scroll->setWidgetResizable(true);
    scroll->setWidget(rowsWidget);

    m_buildOutput->setObjectName(QStringLiteral("buildOutputPlainTextEdit"));
    m_buildOutput->setAccessibleName(tr("Build output"));
    m_buildOutput->setReadOnly(true);
    m_buildOutput->setMaximumBlockCount(20000);
    m_buildOutput->setPlaceholderText(tr("Build output appears here."));
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_buildOutput->setFont(mono);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(scroll);
    splitter->addWidget(m_buildOutput);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

ProgressPanel::~ProgressPanel() = default;

QString ProgressPanel::moveKey(const QString &containerId)
{
    return QStringLiteral("move:") + containerId;
}

QString ProgressPanel::buildKey(const QString &image)
{
    return QStringLiteral("build:") + image;
}

ProgressPanel::Row &ProgressPanel::ensureRow(const QString &key, const QString &title)
{
    auto it = m_rows.find(key);
    if (it != m_rows.end()) {
        it->titleLabel->setText(title);
        return *it;
    }
    Row row;
    row.widget = new QWidget(this);
    auto *grid = new QGridLayout(row.widget);
    grid->setContentsMargins(4, 2, 4, 2);
    row.titleLabel = new QLabel(title, row.widget);
    QFont bold = row.titleLabel->font();
    bold.setBold(true);
    row.titleLabel->setFont(bold);
    row.statusLabel = new QLabel(row.widget);
    row.statusLabel->setWordWrap(true);
    row.statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row.progressBar = new QProgressBar(row.widget);
    row.progressBar->setRange(0, 100);
    row.progressBar->setAccessibleName(tr("Progress of %1").arg(title));
    row.cancelButton = new QPushButton(tr("Cancel"), row.widget);
    row.cancelButton->setAccessibleName(tr("Cancel %1").arg(title));
    row.cancelButton->setVisible(false);
    grid->addWidget(row.titleLabel, 0, 0);
    grid->addWidget(row.progressBar, 0, 1);
    grid->addWidget(row.cancelButton, 0, 2);
    grid->addWidget(row.statusLabel, 1, 0, 1, 3);
    grid->setColumnStretch(1, 1);
    m_rowsLayout->insertWidget(m_rowsLayout->count() - 1, row.widget);
    return *m_rows.insert(key, row);
}

void ProgressPanel::beginMove(const MovePlan &plan)
{
    Row &row = ensureRow(moveKey(plan.containerId),
                         tr("Move %1 to %2").arg(plan.containerId, plan.targetHost));
    row.running = true;
    row.progressBar->setValue(0);
    row.statusLabel->setText(tr("starting"));
    row.cancelButton->setVisible(true);
    row.cancelButton->setEnabled(true);
    row.cancelButton->disconnect(this);
    const QString id = plan.containerId;
    connect(row.cancelButton, &QPushButton::clicked, this, [this, id] {
        if (auto it = m_rows.find(moveKey(id)); it != m_rows.end()) {
            it->cancelButton->setEnabled(false);
            it->statusLabel->setText(tr("cancelling..."));
        }
        emit moveCancelRequested(id);
    });
}

void ProgressPanel::updateMove(const QString &containerId, const QString &phase, int percent)
{
    Row &row = ensureRow(moveKey(containerId), tr("Move %1").arg(containerId));
    row.running = true;
    if (percent >= 0)
        row.progressBar->setValue(percent);
    row.statusLabel->setText(phase);
}

void ProgressPanel::finishMove(const MoveResult &result)
{
    auto it = m_rows.find(moveKey(result.containerId));
    Row &row = it != m_rows.end()
                   ? *it
                   : ensureRow(moveKey(result.containerId), tr("Move %1").arg(result.containerId));
    row.running = false;
    row.cancelButton->setVisible(false);
    if (result.succeeded) {
        row.progressBar->setValue(100);
        row.statusLabel->setText(
            tr("Moved: now %1. Unavailable for %2. Dependents updated: %3.")
                .arg(result.newContainerId,
                     Dialogs::MovePlanDialog::formatDuration(result.unavailabilityMs),
                     result.dependentsUpdated.isEmpty()
                         ? tr("none")
                         : result.dependentsUpdated.join(QStringLiteral(", "))));
        return;
    }
    QString text = result.cancelled ? tr("Cancelled.") : tr("Failed: %1").arg(result.error);
    if (!result.rollbackSteps.isEmpty())
        text += u' ' + tr("Rolled back: %1.").arg(result.rollbackSteps.join(QStringLiteral("; ")));
    row.statusLabel->setText(text);
    row.statusLabel->setStyleSheet(QStringLiteral("color: #d03a2f"));
}

void ProgressPanel::updateBuild(const QString &image, int percent)
{
    Row &row = ensureRow(buildKey(image), tr("Build %1").arg(image));
    row.running = true;
    row.progressBar->setValue(std::clamp(percent, 0, 100));
    row.statusLabel->setText(tr("building"));
}

void ProgressPanel::appendBuildOutput(const QString &image, const QString &line)
{
    m_buildOutput->appendPlainText(QStringLiteral("[%1] %2").arg(image, line));
}

void ProgressPanel::finishBuild(const QString &image, const Scs::Error &error)
{
    Row &row = ensureRow(buildKey(image), tr("Build %1").arg(image));
    row.running = false;
    if (error.message.isEmpty()) {
        row.progressBar->setValue(100);
        row.statusLabel->setText(tr("built"));
    } else {
        row.statusLabel->setText(tr("Failed: %1").arg(error.message));
    }
}

QString ProgressPanel::operationKey(const QString &what)
{
    return QStringLiteral("op:") + what;
}

void ProgressPanel::updateOperation(const QString &what, const QString &phase, int percent)
{
    Row &row = ensureRow(operationKey(what), what);
    row.running = true;
    row.statusLabel->setStyleSheet(QString());
    if (percent >= 0)
        row.progressBar->setValue(std::clamp(percent, 0, 100));
    row.statusLabel->setText(phase);
}

void ProgressPanel::finishOperation(const QString &what, const Scs::Error &error)
{
    auto it = m_rows.find(operationKey(what));
    if (it == m_rows.end())
        return; // quick answers (exec, logs) get no row
    it->running = false;
    if (error.message.isEmpty()) {
        it->progressBar->setValue(100);
        it->statusLabel->setText(tr("done"));
        it->statusLabel->setStyleSheet(QString());
    } else {
        it->statusLabel->setText(tr("Failed: %1").arg(error.message));
        it->statusLabel->setStyleSheet(QStringLiteral("color: #d03a2f"));
    }
}

QString ProgressPanel::statusText(const QString &key) const
{
    const auto it = m_rows.constFind(key);
    return it == m_rows.cend() ? QString() : it->statusLabel->text();
}

int ProgressPanel::progress(const QString &key) const
{
    const auto it = m_rows.constFind(key);
    return it == m_rows.cend() ? -1 : it->progressBar->value();
}

bool ProgressPanel::isRunning(const QString &key) const
{
    const auto it = m_rows.constFind(key);
    return it != m_rows.cend() && it->running;
}

} // namespace Widgets
} // namespace Ui
