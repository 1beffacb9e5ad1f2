// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "common/version.h"
#include "dialogs/exportdialog.h"
#include "dialogs/hostsdialog.h"
#include "dialogs/moveplandialog.h"
#include "graph/topologyscene.h"
#include "graph/topologyview.h"
#include "models/containertablemodel.h"
#include "models/discoverytimelinemodel.h"
#include "runtime/topology.h"
#include "theme.h"
#include "widgets/detailspanel.h"
#include "widgets/logview.h"
#include "widgets/progresspanel.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>

namespace Ui {

namespace {
constexpr int MaxRecentStacks = 8;
const auto RecentStacksKey = QStringLiteral("stacks/recent");
const auto HostsFileKey = QStringLiteral("stacks/hostsFile");
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_scene(new Graph::TopologyScene(this))
    , m_view(new Graph::TopologyView(m_scene, this))
    , m_containerModel(new Models::ContainerTableModel(this))
    , m_timelineModel(new Models::DiscoveryTimelineModel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("scs dashboard"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/scs.svg")));
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);

    m_view->setAccessibleName(tr("Stack graph"));
    m_view->setAccessibleDescription(
        tr("Hosts with their containers, volumes and service links. Drag a container onto "
           "another host to move it."));
    setCentralWidget(m_view);
    m_scene->setPalette(palette());

    createActions();
    createMenus();
    createDocks();

    m_stackLabel = new QLabel(tr("No stack open"), this);
    m_stackLabel->setObjectName(QStringLiteral("stackLabel"));
    m_discoLabel = new QLabel(tr("disco: not running"), this);
    m_discoLabel->setObjectName(QStringLiteral("discoLabel"));
    m_countsLabel = new QLabel(this);
    m_countsLabel->setObjectName(QStringLiteral("countsLabel"));
    statusBar()->addWidget(m_stackLabel, 1);
    statusBar()->addPermanentWidget(m_discoLabel);
    statusBar()->addPermanentWidget(m_countsLabel);
    updateCounts();

    connect(m_scene, &Graph::TopologyScene::moveRequested, this, &MainWindow::moveRequested);
    connect(m_scene, &Graph::TopologyScene::moveRequested, this, &MainWindow::handleMoveRequested);
    connect(m_scene, &Graph::TopologyScene::containerSelected, m_detailsPanel,
            &Widgets::DetailsPanel::showContainer);
    connect(m_detailsPanel, &Widgets::DetailsPanel::logsRequested, this, [this](const QString &id) {
        m_logView->follow(id);
        m_logDock->show();
        m_logDock->raise();
    });
    connect(m_detailsPanel, &Widgets::DetailsPanel::restartRequested, this,
            [this](const QString &id) {
                if (m_controller)
                    m_controller->restart(id);
            });
    connect(m_detailsPanel, &Widgets::DetailsPanel::execRequested, this,
            &MainWindow::handleExecRequested);
    connect(m_logView, &Widgets::LogView::followChanged, this,
            [this](const QString &id, bool follow) {
                if (m_controller)
                    m_controller->followLogs(id, follow);
            });
    connect(m_progressPanel, &Widgets::ProgressPanel::moveCancelRequested, this,
            [this](const QString &id) {
                if (m_controller)
                    m_controller->cancelMove(id);
            });

    restoreSettings();
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_openAction = new QAction(QIcon::fromTheme(QStringLiteral("document-open")),
                               tr("&Open Stack..."), this);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::handleOpenStack);
    m_hostsFileAction = new QAction(tr("Choose &Hosts File..."), this);
    m_hostsFileAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(m_hostsFileAction, &QAction::triggered, this, &MainWindow::handleChooseHosts);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_buildAction = new QAction(QIcon::fromTheme(QStringLiteral("run-build")), tr("&Build"), this);
    m_buildAction->setObjectName(QStringLiteral("buildAction"));
    m_buildAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    m_buildAction->setToolTip(tr("Build the images of the stack that are missing"));
    connect(m_buildAction, &QAction::triggered, this, [this] {
        if (m_controller)
            m_controller->build(QString());
        m_progressDock->show();
    });
    m_startAction
        = new QAction(QIcon::fromTheme(QStringLiteral("media-playback-start")), tr("&Start"), this);
    m_startAction->setObjectName(QStringLiteral("startAction"));
    m_startAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_startAction->setToolTip(tr("Start every role of the stack"));
    connect(m_startAction, &QAction::triggered, this, [this] {
        if (m_controller)
            m_controller->start(QString());
    });
    m_stopAction
        = new QAction(QIcon::fromTheme(QStringLiteral("media-playback-stop")), tr("S&top"), this);
    m_stopAction->setObjectName(QStringLiteral("stopAction"));
    m_stopAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_stopAction->setToolTip(tr("Stop every role of the stack"));
    connect(m_stopAction, &QAction::triggered, this, [this] {
        if (m_controller)
            m_controller->stop(QString());
    });
    m_exportAction
        = new QAction(QIcon::fromTheme(QStringLiteral("document-export")), tr("&Export..."), this);
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setToolTip(tr("Export the stack for production"));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::handleExport);
    m_hostsAction = new QAction(tr("&Hosts..."), this);
    m_hostsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    m_hostsAction->setToolTip(tr("Add, edit and test Docker hosts and their credentials"));
    connect(m_hostsAction, &QAction::triggered, this, &MainWindow::handleHosts);

    m_zoomInAction = new QAction(QIcon::fromTheme(QStringLiteral("zoom-in")), tr("Zoom &In"), this);
    m_zoomInAction->setShortcut(QKeySequence::ZoomIn);
    connect(m_zoomInAction, &QAction::triggered, m_view, &Graph::TopologyView::zoomIn);
    m_zoomOutAction
        = new QAction(QIcon::fromTheme(QStringLiteral("zoom-out")), tr("Zoom &Out"), this);
    m_zoomOutAction->setShortcut(QKeySequence::ZoomOut);
    connect(m_zoomOutAction, &QAction::triggered, m_view, &Graph::TopologyView::zoomOut);
    m_resetZoomAction = new QAction(tr("&Actual Size"), this);
    m_resetZoomAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(m_resetZoomAction, &QAction::triggered, m_view, &Graph::TopologyView::resetZoom);
    m_fitAction = new QAction(QIcon::fromTheme(QStringLiteral("zoom-fit-best")),
                              tr("&Fit to Window"), this);
    m_fitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(m_fitAction, &QAction::triggered, m_view, &Graph::TopologyView::fitAll);
    m_layoutAction = new QAction(tr("Auto &Layout"), this);
    m_layoutAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(m_layoutAction, &QAction::triggered, this, [this] {
        m_scene->autoLayout();
        m_view->fitAll();
    });

    m_aboutAction = new QAction(tr("&About scs"), this);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::handleAbout);

    m_buildMenu = new QMenu(tr("Build"), this);
    m_startMenu = new QMenu(tr("Start"), this);
    m_stopMenu = new QMenu(tr("Stop"), this);

    QToolBar *toolBar = addToolBar(tr("Stack"));
    toolBar->setObjectName(QStringLiteral("stackToolBar"));
    toolBar->setAccessibleName(tr("Stack actions"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    const std::pair<QAction *, QMenu *> withMenus[]
        = {{m_buildAction, m_buildMenu}, {m_startAction, m_startMenu}, {m_stopAction, m_stopMenu}};
    for (const auto &[action, menu] : withMenus) {
        auto *button = new QToolButton(toolBar);
        button->setDefaultAction(action);
        button->setMenu(menu);
        button->setPopupMode(QToolButton::MenuButtonPopup);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setAccessibleName(action->text().remove(u'&'));
        toolBar->addWidget(button);
    }
    toolBar->addSeparator();
    toolBar->addAction(m_exportAction);
    toolBar->addAction(m_hostsAction);
    toolBar->addSeparator();
    toolBar->addAction(m_fitAction);
    toolBar->addAction(m_layoutAction);
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(m_openAction);
    m_recentMenu = fileMenu->addMenu(tr("Open &Recent"));
    fileMenu->addAction(m_hostsFileAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_exportAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_quitAction);

    QMenu *stackMenu = menuBar()->addMenu(tr("&Stack"));
    stackMenu->addAction(m_buildAction);
    stackMenu->addAction(m_startAction);
    stackMenu->addAction(m_stopAction);
    stackMenu->addSeparator();
    stackMenu->addMenu(m_buildMenu);
    stackMenu->addMenu(m_startMenu);
    stackMenu->addMenu(m_stopMenu);
    stackMenu->addSeparator();
    stackMenu->addAction(m_hostsAction);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(m_zoomInAction);
    m_viewMenu->addAction(m_zoomOutAction);
    m_viewMenu->addAction(m_resetZoomAction);
    m_viewMenu->addAction(m_fitAction);
    m_viewMenu->addAction(m_layoutAction);
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    QMenu *themeMenu = m_viewMenu->addMenu(tr("&Theme"));
    auto *themeGroup = new QActionGroup(this);
    const std::pair<QString, Theme::Mode> themes[]
        = {{tr("Follow the &System"), Theme::Mode::System},
           {tr("&Light"), Theme::Mode::Light},
           {tr("&Dark"), Theme::Mode::Dark}};
    const Theme::Mode current = Theme::modeFromSettings();
    for (const auto &[text, mode] : themes) {
        QAction *action = themeMenu->addAction(text);
        action->setCheckable(true);
        action->setChecked(mode == current);
        themeGroup->addAction(action);
        connect(action, &QAction::triggered, this, [mode] {
            Theme::saveMode(mode);
            Theme::apply(mode);
        });
    }

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(m_aboutAction);
    updateRecentStacksMenu();
    updateRoleMenus();
}

QDockWidget *MainWindow::addDock(QWidget *widget, const QString &title, const QString &name,
                                 Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(name);
    dock->setWidget(widget);
    dock->setAccessibleName(title);
    addDockWidget(area, dock);
    m_viewMenu->addAction(dock->toggleViewAction());
    return dock;
}

void MainWindow::createDocks()
{
    m_viewMenu->addSeparator();
    m_detailsPanel = new Widgets::DetailsPanel(this);
    m_detailsDock = addDock(m_detailsPanel, tr("Details"), QStringLiteral("detailsDockWidget"),
                            Qt::RightDockWidgetArea);
    m_detailsDock->toggleViewAction()->setShortcut(QKeySequence(Qt::ALT | Qt::Key_1));

    m_containerTable = new QTableView(this);
    m_containerTable->setObjectName(QStringLiteral("containersTableView"));
    m_containerTable->setAccessibleName(tr("Containers"));
    m_containerTable->setModel(m_containerModel);
    m_containerTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_containerTable->setSortingEnabled(false);
    m_containerTable->horizontalHeader()->setStretchLastSection(true);
    m_containerTable->verticalHeader()->hide();
    m_containerTable->verticalHeader()->setDefaultSectionSize(
        m_containerTable->fontMetrics().height() + 6);
    connect(m_containerTable, &QTableView::activated, this, [this](const QModelIndex &index) {
        m_detailsPanel->showContainer(
            index.data(Models::ContainerTableModel::ContainerIdRole).toString());
        m_detailsDock->show();
    });
    m_containersDock = addDock(m_containerTable, tr("Containers"),
                               QStringLiteral("containersDockWidget"), Qt::RightDockWidgetArea);
    m_containersDock->toggleViewAction()->setShortcut(QKeySequence(Qt::ALT | Qt::Key_2));
    tabifyDockWidget(m_detailsDock, m_containersDock);
    m_detailsDock->raise();

    m_logView = new Widgets::LogView(this);
    m_logDock
        = addDock(m_logView, tr("Logs"), QStringLiteral("logDockWidget"), Qt::BottomDockWidgetArea);
    m_logDock->toggleViewAction()->setShortcut(QKeySequence(Qt::ALT | Qt::Key_3));

    m_timelineTable = new QTableView(this);
    m_timelineTable->setObjectName(QStringLiteral("timelineTableView"));
    m_timelineTable->setAccessibleName(tr("Discovery timeline"));
    m_timelineTable->setModel(m_timelineModel);
    m_timelineTable->verticalHeader()->hide();
    m_timelineTable->horizontalHeader()->setStretchLastSection(true);
    const int timelineWidths[] = {110, 70, 280, 220, 200};
    for (int column = 0; column < int(std::size(timelineWidths)); ++column)
        m_timelineTable->setColumnWidth(column, timelineWidths[column]);
    m_timelineTable->verticalHeader()->setDefaultSectionSize(m_timelineTable->fontMetrics().height()
                                                             + 6);
    m_timelineTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    connect(m_timelineModel, &QAbstractItemModel::rowsInserted, m_timelineTable,
            [this] { m_timelineTable->scrollToBottom(); });
    m_timelineDock = addDock(m_timelineTable, tr("Discovery"), QStringLiteral("timelineDockWidget"),
                             Qt::BottomDockWidgetArea);
    m_timelineDock->toggleViewAction()->setShortcut(QKeySequence(Qt::ALT | Qt::Key_4));

    m_progressPanel = new Widgets::ProgressPanel(this);
    m_progressDock = addDock(m_progressPanel, tr("Operations"),
                             QStringLiteral("progressDockWidget"), Qt::BottomDockWidgetArea);
    m_progressDock->toggleViewAction()->setShortcut(QKeySequence(Qt::ALT | Qt::Key_5));
    tabifyDockWidget(m_logDock, m_timelineDock);
    tabifyDockWidget(m_timelineDock, m_progressDock);
    m_logDock->raise();
}

void MainWindow::setTopology(Runtime::Topology *topology)
{
    if (m_topology)
        disconnect(m_topology, nullptr, this, nullptr);
    m_topology = topology;
    m_scene->setTopology(topology);
    m_containerModel->setTopology(topology);
    m_detailsPanel->setSources(topology, m_controller);
    if (m_topology)
        connect(m_topology, &Runtime::Topology::changed, this, &MainWindow::handleTopologyChanged);
    m_fittedOnce = false;
    updateCounts();
    if (m_scene->hostCount() > 0) {
        m_view->fitAll();
        m_fittedOnce = true;
    }
}

void MainWindow::setController(StackController *controller)
{
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    setTopology(controller ? controller->topology() : nullptr);
    updateActions();
    if (!m_controller)
        return;
    connect(m_controller, &StackController::stackLoaded, this, [this](const QString &path) {
        appendLog(tr("Loaded stack %1").arg(path));
        updateRoleMenus();
        updateActions();
    });
    connect(m_controller, &StackController::stackFailed, this,
            [this](const QString &path, const Scs::Error &error) {
                appendLog(tr("Could not load %1: %2").arg(path, error.message));
                statusBar()->showMessage(tr("Could not load the stack: %1").arg(error.message),
                                         10000);
                updateActions();
            });
    connect(m_controller, &StackController::moveProgress, m_progressPanel,
            &Widgets::ProgressPanel::updateMove);
    connect(m_controller, &StackController::moveFinished, this, &MainWindow::handleMoveFinished);
    connect(m_controller, &StackController::buildProgress, m_progressPanel,
            &Widgets::ProgressPanel::updateBuild);
    connect(m_controller, &StackController::buildOutput, m_progressPanel,
            &Widgets::ProgressPanel::appendBuildOutput);
    connect(m_controller, &StackController::buildFinished, m_progressPanel,
            &Widgets::ProgressPanel::finishBuild);
    connect(m_controller, &StackController::operationFinished, this,
            [this](const QString &what, const Scs::Error &error) {
                m_progressPanel->finishOperation(what, error);
                if (error.message.isEmpty()) {
                    appendLog(tr("%1: done").arg(what));
                    return;
                }
                appendLog(tr("%1 failed: %2").arg(what, error.message));
                statusBar()->showMessage(tr("%1 failed: %2").arg(what, error.message), 15000);
            });
    connect(m_controller, &StackController::operationProgress, m_progressPanel,
            &Widgets::ProgressPanel::updateOperation);
    connect(m_controller, &StackController::progressMessage, this, &MainWindow::appendLog);
    connect(m_controller, &StackController::logLine, m_logView, &Widgets::LogView::appendLine);
    connect(
        m_controller, &StackController::execFinished, this,
        [this](const QString &id, int exitCode, const QString &output) {
            appendLog(tr("exec in %1 exited with %2").arg(id).arg(exitCode));
            for (const QString &line : output.split(u'\n', Qt::SkipEmptyParts))
                m_logView->appendLine(LogLine{id, QDateTime::currentDateTimeUtc(), line, false});
        });
    if (!m_stackPath.isEmpty())
        m_controller->loadStack(m_stackPath, m_hostsPath);
}

void MainWindow::setStack(const QString &stackPath, const QString &hostsPath)
{
    const QString stackName = QFileInfo(stackPath).absoluteFilePath();
    m_stackPath = stackName;
    m_hostsPath = hostsPath.isEmpty() ? QString() : QFileInfo(hostsPath).absoluteFilePath();
    m_stackLabel->setText(m_hostsPath.isEmpty()
                              ? tr("Stack: %1").arg(stackName)
                              : tr("Stack: %1 (hosts: %2)").arg(stackName, m_hostsPath));
    setWindowTitle(tr("%1 - scs dashboard").arg(QFileInfo(stackName).dir().dirName()));

    QSettings settings;
    QStringList recent = settings.value(RecentStacksKey).toStringList();
    recent.removeAll(stackName);
    recent.prepend(stackName);
    while (recent.size() > MaxRecentStacks)
        recent.removeLast();
    settings.setValue(RecentStacksKey, recent);
    if (!m_hostsPath.isEmpty())
        settings.setValue(HostsFileKey, m_hostsPath);
    updateRecentStacksMenu();
    appendLog(tr("Opened stack %1").arg(stackName));
    if (m_controller)
        m_controller->loadStack(m_stackPath, m_hostsPath);
    updateActions();
}

void MainWindow::setDiscoAddress(const QString &address)
{
    m_discoLabel->setText(address.isEmpty() ? tr("disco: not running")
                                            : tr("disco: %1").arg(address));
}

void MainWindow::appendLog(const QString &line)
{
    m_logView->appendMessage(line);
}

void MainWindow::updateActions()
{
    const bool ready = m_controller && !m_stackPath.isEmpty();
    for (QAction *action : {m_buildAction, m_startAction, m_stopAction, m_exportAction})
        action->setEnabled(ready);
    for (QMenu *menu : {m_buildMenu, m_startMenu, m_stopMenu})
        menu->setEnabled(ready);
}

void MainWindow::updateRoleMenus()
{
    const QStringList roles = m_controller ? m_controller->roles() : QStringList();
    const std::pair<QMenu *, void (StackController::*)(const QString &)> menus[]
        = {{m_buildMenu, &StackController::build},
           {m_startMenu, &StackController::start},
           {m_stopMenu, &StackController::stop}};
    for (const auto &[menu, method] : menus) {
        menu->clear();
        QAction *all = menu->addAction(tr("Whole Stack"));
        connect(all, &QAction::triggered, this, [this, method] {
            if (m_controller)
                (m_controller->*method)(QString());
        });
        menu->addSeparator();
        for (const QString &role : roles) {
            QAction *action = menu->addAction(role);
            connect(action, &QAction::triggered, this, [this, method, role] {
                if (m_controller)
                    (m_controller->*method)(role);
            });
        }
    }
}

void MainWindow::updateCounts()
{
    int hostsUp = 0;
    int containersUp = 0;
    int hosts = 0;
    int containers = 0;
    if (m_topology) {
        for (const Runtime::HostInfo &host : m_topology->hosts()) {
            ++hosts;
            hostsUp += host.health == Runtime::HostHealth::Up ? 1 : 0;
        }
        for (const Runtime::ContainerInfo &container : m_topology->containers()) {
            ++containers;
            containersUp += container.state == Runtime::ContainerState::Running ? 1 : 0;
        }
    }
    m_countsLabel->setText(tr("%1/%2 hosts up, %3/%4 containers running")
                               .arg(hostsUp)
                               .arg(hosts)
                               .arg(containersUp)
                               .arg(containers));
}

void MainWindow::handleTopologyChanged(const Runtime::TopologyChange &change)
{
    updateCounts();
    m_detailsPanel->handleTopologyChanged(change);
    if (!m_fittedOnce && m_scene->hostCount() > 0) {
        m_view->fitAll();
        m_fittedOnce = true;
    }
}

void MainWindow::updateRecentStacksMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(RecentStacksKey).toStringList();
    for (const QString &path : recent) {
        QAction *action = m_recentMenu->addAction(path);
        connect(action, &QAction::triggered, this, [this, path] { setStack(path, m_hostsPath); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::handleOpenStack()
{
    auto *dialog
        = new QFileDialog(this, tr("Open Stack"), QString(), tr("Stack files (*.yaml *.yml)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this](const QString &path) { setStack(path, m_hostsPath); });
    dialog->open();
}

void MainWindow::handleChooseHosts()
{
    auto *dialog = new QFileDialog(this, tr("Choose Hosts File"), QString(),
                                   tr("Hosts files (*.yaml *.yml)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        if (m_stackPath.isEmpty()) {
            m_hostsPath = path;
            QSettings().setValue(HostsFileKey, path);
        } else {
            setStack(m_stackPath, path);
        }
    });
    dialog->open();
}

void MainWindow::handleAbout()
{
    QMessageBox::about(this, tr("About scs"),
                       tr("<p><b>scs %1</b></p><p>Run the same containerised stack on a laptop "
                          "as in production, and move services between hosts without "
                          "re-wiring them.</p>")
                           .arg(Scs::versionString()));
}

void MainWindow::handleHosts()
{
    auto *dialog = new Dialogs::HostsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!m_hostsPath.isEmpty())
        dialog->setHostsFile(m_hostsPath);
    dialog->open();
}

void MainWindow::handleExport()
{
    auto *dialog = new Dialogs::ExportDialog(m_controller, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::handleMoveRequested(const QString &containerId, const QString &targetHost)
{
    if (!m_controller) {
        appendLog(tr("Cannot move %1: no container manager is connected").arg(containerId));
        return;
    }
    const Scs::Result<MovePlan> plan = m_controller->planMove(containerId, targetHost);
    if (!plan) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Cannot Move"),
                                    tr("%1 cannot move to %2.").arg(containerId, targetHost),
                                    QMessageBox::Ok, this);
        box->setInformativeText(plan.error().message);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return;
    }
    auto *dialog = new Dialogs::MovePlanDialog(*plan, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (!m_controller)
            return;
        const MovePlan accepted = dialog->plan();
        m_progressPanel->beginMove(accepted);
        m_progressDock->show();
        m_progressDock->raise();
        appendLog(tr("Moving %1 to %2").arg(accepted.containerId, accepted.targetHost));
        m_controller->startMove(accepted);
    });
    dialog->open();
}

void MainWindow::handleMoveFinished(const MoveResult &result)
{
    m_progressPanel->finishMove(result);
    if (result.succeeded) {
        appendLog(tr("Moved %1 to %2 (unavailable for %3)")
                      .arg(result.containerId, result.newContainerId,
                           Dialogs::MovePlanDialog::formatDuration(result.unavailabilityMs)));
        statusBar()->showMessage(tr("Moved %1").arg(result.containerId), 8000);
        return;
    }
    appendLog(result.cancelled ? tr("Move of %1 cancelled").arg(result.containerId)
                               : tr("Move of %1 failed: %2").arg(result.containerId, result.error));
    if (!result.cancelled) {
        auto *box
            = new QMessageBox(QMessageBox::Critical, tr("Move Failed"),
                              tr("Moving %1 failed: %2").arg(result.containerId, result.error),
                              QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("moveFailedMessageBox"));
        if (!result.rollbackSteps.isEmpty())
            box->setInformativeText(tr("Rolled back: %1").arg(result.rollbackSteps.join(u'\n')));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
}

void MainWindow::handleExecRequested(const QString &containerId)
{
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Exec in %1").arg(containerId));
    dialog->setLabelText(tr("Command (split at spaces):"));
    dialog->setTextValue(QStringLiteral("sh -c 'uptime'"));
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this, containerId](const QString &text) {
                if (m_controller && !text.trimmed().isEmpty())
                    m_controller->exec(containerId, QProcess::splitCommand(text));
            });
    dialog->open();
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    const QByteArray geometry = settings.value(QStringLiteral("window/geometry")).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1400, 900);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_hostsPath = settings.value(HostsFileKey).toString();
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    event->accept();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        m_scene->setPalette(palette());
    QMainWindow::changeEvent(event);
}

} // namespace Ui
