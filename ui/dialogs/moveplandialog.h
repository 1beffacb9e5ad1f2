// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "stackcontroller.h"

#include <QDialog>

class QDialogButtonBox;
class QTreeWidget;
class QLabel;

namespace Ui {
namespace Dialogs {

/** Shows what moving a container will do (the plan) and asks before doing it. */
class MovePlanDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MovePlanDialog)

public:
    explicit MovePlanDialog(const MovePlan &plan, QWidget *parent = nullptr);
    ~MovePlanDialog() override;

    [[nodiscard]] const MovePlan &plan() const { return m_plan; }
    /** The steps in the order they will run, as shown in the dialog. */
    [[nodiscard]] QStringList steps() const;

    [[nodiscard]] static QString formatDuration(qint64 ms);
    [[nodiscard]] static QString formatBytes(qint64 bytes);

private:
    MovePlan m_plan;
    QLabel *m_summaryLabel = nullptr;
    QTreeWidget *m_stepsTree = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Dialogs
} // namespace Ui
