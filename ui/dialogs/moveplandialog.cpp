// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "dialogs/moveplandialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Ui {
namespace Dialogs {

MovePlanDialog::MovePlanDialog(const MovePlan &plan, QWidget *parent)
    : QDialog(parent)
    , m_plan(plan)
    , m_summaryLabel(new QLabel(this))
    , m_stepsTree(new QTreeWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("movePlanDialog"));
    setWindowTitle(tr("Move %1").arg(plan.role.isEmpty() ? plan.containerId : plan.role));

    m_summaryLabel->setObjectName(QStringLiteral("summaryLabel"));
    m_summaryLabel->setWordWrap(true);
    m_summaryLabel->setText(
        tr("<p>Move <b>%1</b> from <b>%2</b> to <b>%3</b>.</p><p>Expected downtime: <b>%4</b></p>")
            .arg(plan.containerId.toHtmlEscaped(), plan.sourceHost.toHtmlEscaped(),
                 plan.targetHost.toHtmlEscaped(), formatDuration(plan.expectedDowntimeMs)));

    m_stepsTree->setObjectName(QStringLiteral("stepsTreeWidget"));
    m_stepsTree->setAccessibleName(tr("Steps of the move"));
    m_stepsTree->setHeaderLabels({tr("Step"), tr("Details")});
    m_stepsTree->setRootIsDecorated(false);
    int number = 0;
    auto addStep = [this, &number](const QString &step, const QString &details) {
        auto *item
            = new QTreeWidgetItem(m_stepsTree, {tr("%1. %2").arg(++number).arg(step), details});
        item->setToolTip(1, details);
    };
    if (plan.imageTransfer)
        addStep(tr("Transfer image"), tr("%1 to %2").arg(plan.image, plan.targetHost));
    if (plan.stopFirst)
        addStep(tr("Stop on source"),
                tr("%1 holds a volume that attaches to one host only").arg(plan.sourceHost));
    for (const MovePlan::Volume &volume : plan.volumes) {
        QString details = tr("%1 (%2)").arg(volume.name, volume.method);
        if (volume.bytes >= 0)
            details += u' ' + formatBytes(volume.bytes);
        const QString step = volume.action == QStringLiteral("attach")  ? tr("Attach volume")
                             : volume.action == QStringLiteral("fresh") ? tr("Create volume")
                                                                        : tr("Copy volume");
        addStep(step, details);
    }
    addStep(tr("Start"), tr("%1 on %2").arg(plan.role, plan.targetHost));
    if (plan.healthGate)
        addStep(tr("Health gate"),
                tr("wait until healthy, at most %n second(s)", nullptr, plan.healthTimeoutSeconds));
    addStep(tr("Update dependents"),
            plan.dependents.isEmpty() ? tr("none") : plan.dependents.join(QStringLiteral(", ")));
    if (!plan.stopFirst)
        addStep(tr("Stop on source"), tr("%1 on %2").arg(plan.role, plan.sourceHost));
    m_stepsTree->resizeColumnToContents(0);

    QPushButton *moveButton = m_buttons->addButton(tr("&Move"), QDialogButtonBox::AcceptRole);
    moveButton->setObjectName(QStringLiteral("movePushButton"));
    moveButton->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(m_stepsTree, 1);
    layout->addWidget(m_buttons);
    resize(560, 360);
}

MovePlanDialog::~MovePlanDialog() = default;

QStringList MovePlanDialog::steps() const
{
    QStringList result;
    for (int i = 0; i < m_stepsTree->topLevelItemCount(); ++i)
        result << m_stepsTree->topLevelItem(i)->text(0) + QStringLiteral(": ")
                      + m_stepsTree->topLevelItem(i)->text(1);
    return result;
}

QString MovePlanDialog::formatDuration(qint64 ms)
{
    if (ms < 0)
        return tr("unknown");
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    return tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', 1));
}

QString MovePlanDialog::formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes);
}

} // namespace Dialogs
} // namespace Ui
