// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "common/version.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>

namespace Ui {

namespace {
constexpr int MaxRecentStacks = 8;
const auto RecentStacksKey = QStringLiteral("stacks/recent");
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_scene(new QGraphicsScene(this))
    , m_view(new QGraphicsView(m_scene, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("scs dashboard"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/scs.svg")));

    m_view->setObjectName(QStringLiteral("graphView"));
    m_view->setAccessibleName(tr("Stack graph"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setDragMode(QGraphicsView::ScrollHandDrag);
    m_view->setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    m_scene->setSceneRect(QRectF(0, 0, 800, 500));
    setCentralWidget(m_view);

    createActions();
    createMenus();
    createDocks();

    m_stackLabel = new QLabel(tr("No stack open"), this);
    m_discoLabel = new QLabel(tr("disco: not running"), this);
    m_countsLabel = new QLabel(tr("0 hosts, 0 containers up"), this);
    statusBar()->addWidget(m_stackLabel, 1);
    statusBar()->addPermanentWidget(m_discoLabel);
    statusBar()->addPermanentWidget(m_countsLabel);

    restoreSettings();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_openAction = new QAction(tr("&Open Stack..."), this);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::handleOpenStack);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_buildAction = new QAction(tr("&Build"), this);
    m_buildAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    m_buildAction->setToolTip(tr("Build the images of the stack that are missing"));
    m_startAction = new QAction(tr("&Start"), this);
    m_startAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_startAction->setToolTip(tr("Start every role of the stack"));
    m_stopAction = new QAction(tr("S&top"), this);
    m_stopAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_stopAction->setToolTip(tr("Stop every role of the stack"));
    m_exportAction = new QAction(tr("&Export..."), this);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setToolTip(tr("Export the stack for production"));
    for (QAction *action : {m_buildAction, m_startAction, m_stopAction, m_exportAction})
        action->setEnabled(false);

    m_zoomInAction = new QAction(tr("Zoom &In"), this);
    m_zoomInAction->setShortcut(QKeySequence::ZoomIn);
    connect(m_zoomInAction, &QAction::triggered, this, [this] { m_view->scale(1.25, 1.25); });
    m_zoomOutAction = new QAction(tr("Zoom &Out"), this);
    m_zoomOutAction->setShortcut(QKeySequence::ZoomOut);
    connect(m_zoomOutAction, &QAction::triggered, this, [this] { m_view->scale(0.8, 0.8); });
    m_fitAction = new QAction(tr("&Fit to Window"), this);
    m_fitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(m_fitAction, &QAction::triggered, this, [this] {
        m_view->fitInView(m_scene->itemsBoundingRect().marginsAdded(QMarginsF(20, 20, 20, 20)),
                          Qt::KeepAspectRatio);
    });

    m_aboutAction = new QAction(tr("&About scs"), this);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::handleAbout);

    QToolBar *toolBar = addToolBar(tr("Stack"));
    toolBar->setObjectName(QStringLiteral("stackToolBar"));
    toolBar->setAccessibleName(tr("Stack actions"));
    toolBar->addAction(m_buildAction);
    toolBar->addAction(m_startAction);
    toolBar->addAction(m_stopAction);
    toolBar->addSeparator();
    toolBar->addAction(m_exportAction);
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(m_openAction);
    m_recentMenu = fileMenu->addMenu(tr("Open &Recent"));
    fileMenu->addSeparator();
    fileMenu->addAction(m_exportAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_quitAction);

    QMenu *stackMenu = menuBar()->addMenu(tr("&Stack"));
    stackMenu->addAction(m_buildAction);
    stackMenu->addAction(m_startAction);
    stackMenu->addAction(m_stopAction);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(m_zoomInAction);
    viewMenu->addAction(m_zoomOutAction);
    viewMenu->addAction(m_fitAction);
    viewMenu->setObjectName(QStringLiteral("viewMenu"));

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(m_aboutAction);
    updateRecentStacksMenu();
}

void MainWindow::createDocks()
{
    m_logView = new QPlainTextEdit(this);
    m_logView->setObjectName(QStringLiteral("logPlainTextEdit"));
    m_logView->setAccessibleName(tr("Log"));
    m_logView->setReadOnly(true);
    m_logView->setMaximumBlockCount(10000);
    m_logDock = new QDockWidget(tr("Log"), this);
    m_logDock->setObjectName(QStringLiteral("logDockWidget"));
    m_logDock->setWidget(m_logView);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);

    QMenu *viewMenu = menuBar()->findChild<QMenu *>(QStringLiteral("viewMenu"));
    if (viewMenu) {
        viewMenu->addSeparator();
        viewMenu->addAction(m_logDock->toggleViewAction());
    }
}

void MainWindow::setStack(const QString &stackPath, const QString &hostsPath)
{
    m_stackPath = stackPath;
    m_hostsPath = hostsPath;
    const QString stackName = QFileInfo(stackPath).absoluteFilePath();
    m_stackLabel->setText(hostsPath.isEmpty()
                              ? tr("Stack: %1").arg(stackName)
                              : tr("Stack: %1 (hosts: %2)").arg(stackName, hostsPath));
    setWindowTitle(tr("%1 - scs dashboard").arg(QFileInfo(stackPath).dir().dirName()));

    QSettings settings;
    QStringList recent = settings.value(RecentStacksKey).toStringList();
    recent.removeAll(stackName);
    recent.prepend(stackName);
    while (recent.size() > MaxRecentStacks)
        recent.removeLast();
    settings.setValue(RecentStacksKey, recent);
    updateRecentStacksMenu();
    appendLog(tr("Opened stack %1").arg(stackName));
}

void MainWindow::appendLog(const QString &line)
{
    m_logView->appendPlainText(line);
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
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Stack"), QString(),
                                                      tr("Stack files (*.yaml *.yml)"));
    if (!path.isEmpty())
        setStack(path, m_hostsPath);
}

void MainWindow::handleAbout()
{
    QMessageBox::about(this, tr("About scs"),
                       tr("<p><b>scs %1</b></p><p>Run the same containerised stack on a laptop "
                          "as in production, and move services between hosts without "
                          "re-wiring them.</p>")
                           .arg(Scs::versionString()));
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    const QByteArray geometry = settings.value(QStringLiteral("window/geometry")).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1200, 800);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
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

} // namespace Ui
