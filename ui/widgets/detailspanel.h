// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "runtime/topology.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace Ui {
class StackController;
}

namespace Ui {
namespace Widgets {

/**
 * Everything about the selected container: overview, compiled config with the layer
 * each value came from, environment, requirements with their bound endpoints and
 * recent liveupdate runs; buttons for logs, exec and restart.
 */
class DetailsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailsPanel)

public:
    explicit DetailsPanel(QWidget *parent = nullptr);
    ~DetailsPanel() override;

    void setSources(Runtime::Topology *topology, StackController *controller);
    void showContainer(const QString &containerId);
    [[nodiscard]] QString containerId() const { return m_containerId; }
    /** Refreshes when \p change touches the shown container or its links. */
    void handleTopologyChanged(const Runtime::TopologyChange &change);

signals:
    void logsRequested(const QString &containerId);
    void execRequested(const QString &containerId);
    void restartRequested(const QString &containerId);

private:
    void refresh();

    QPointer<Runtime::Topology> m_topology;
    QPointer<StackController> m_controller;
    QString m_containerId;
    QLabel *m_titleLabel = nullptr;
    QLabel *m_overviewLabel = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTreeWidget *m_configTree = nullptr;
    QTreeWidget *m_environmentTree = nullptr;
    QTreeWidget *m_requirementsTree = nullptr;
    QPushButton *m_logsButton = nullptr;
    QPushButton *m_execButton = nullptr;
    QPushButton *m_restartButton = nullptr;
};

} // namespace Widgets
} // namespace Ui
