// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "stackcontroller.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QTableView;

namespace Runtime {
class Topology;
struct TopologyChange;
} // namespace Runtime

namespace Ui {

namespace Graph {
class TopologyScene;
class TopologyView;
} // namespace Graph
namespace Models {
class ContainerTableModel;
class DiscoveryTimelineModel;
} // namespace Models
namespace Widgets {
class DetailsPanel;
class LogView;
class ProgressPanel;
} // namespace Widgets

/**
 * The dashboard's main window: the live graph in the middle; docks for details,
 * containers, logs, the discovery timeline and running operations; menus and a
 * toolbar with the stack actions; a status bar with the disco address and counts.
 *
 * It draws a Runtime::Topology and asks a StackController for everything else; it
 * never blocks on the network or Docker.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /** Draws \p topology (not owned) without a controller (read-only view). */
    void setTopology(Runtime::Topology *topology);
    /** Uses \p controller (not owned) for every action, and draws its topology. */
    void setController(StackController *controller);

    /** Opens \p stackPath (and its hosts file) as the current stack. */
    void setStack(const QString &stackPath, const QString &hostsPath);
    /** Shows where the embedded disco server listens (empty: not running). */
    void setDiscoAddress(const QString &address);

    /** Appends one line of the dashboard's own messages to the log dock. */
    void appendLog(const QString &line);

    [[nodiscard]] Graph::TopologyScene *scene() const { return m_scene; }
    [[nodiscard]] Graph::TopologyView *view() const { return m_view; }
    [[nodiscard]] Models::DiscoveryTimelineModel *timelineModel() const { return m_timelineModel; }
    [[nodiscard]] Widgets::ProgressPanel *progressPanel() const { return m_progressPanel; }
    [[nodiscard]] Widgets::DetailsPanel *detailsPanel() const { return m_detailsPanel; }
    [[nodiscard]] Widgets::LogView *logView() const { return m_logView; }

signals:
    /** The user asked to move \p containerId to \p targetHost (before the plan dialog). */
    void moveRequested(const QString &containerId, const QString &targetHost);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    QDockWidget *addDock(QWidget *widget, const QString &title, const QString &name,
                         Qt::DockWidgetArea area);
    void restoreSettings();
    void saveSettings() const;
    void updateRecentStacksMenu();
    void updateRoleMenus();
    void updateCounts();
    void updateActions();

    void handleOpenStack();
    void handleChooseHosts();
    void handleAbout();
    void handleHosts();
    void handleExport();
    void handleMoveRequested(const QString &containerId, const QString &targetHost);
    void handleMoveFinished(const MoveResult &result);
    void handleTopologyChanged(const Runtime::TopologyChange &change);
    void handleExecRequested(const QString &containerId);

    Graph::TopologyScene *m_scene = nullptr;
    Graph::TopologyView *m_view = nullptr;
    Models::ContainerTableModel *m_containerModel = nullptr;
    Models::DiscoveryTimelineModel *m_timelineModel = nullptr;
    Widgets::DetailsPanel *m_detailsPanel = nullptr;
    Widgets::LogView *m_logView = nullptr;
    Widgets::ProgressPanel *m_progressPanel = nullptr;
    QTableView *m_containerTable = nullptr;
    QTableView *m_timelineTable = nullptr;
    QDockWidget *m_detailsDock = nullptr;
    QDockWidget *m_logDock = nullptr;
    QDockWidget *m_progressDock = nullptr;
    QDockWidget *m_timelineDock = nullptr;
    QDockWidget *m_containersDock = nullptr;
    QLabel *m_stackLabel = nullptr;
    QLabel *m_discoLabel = nullptr;
    QLabel *m_countsLabel = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_buildMenu = nullptr;
    QMenu *m_startMenu = nullptr;
    QMenu *m_stopMenu = nullptr;

    QAction *m_openAction = nullptr;
    QAction *m_hostsFileAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_buildAction = nullptr;
    QAction *m_startAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_hostsAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_resetZoomAction = nullptr;
    QAction *m_fitAction = nullptr;
    QAction *m_layoutAction = nullptr;
    QAction *m_aboutAction = nullptr;

    QPointer<Runtime::Topology> m_topology;
    QPointer<StackController> m_controller;
    QString m_stackPath;
    QString m_hostsPath;
    bool m_fittedOnce = false;
};

} // namespace Ui
