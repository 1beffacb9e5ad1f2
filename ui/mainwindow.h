// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>

class QAction;
class QDockWidget;
class QGraphicsScene;
class QGraphicsView;
class QLabel;
class QMenu;
class QPlainTextEdit;

namespace Ui {

/**
 * The dashboard's main window: menus, the toolbar with the stack actions, the
 * graph of the stack in the middle, a log dock and a status bar.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /** Shows \p stackPath (and its hosts file) as the current stack. */
    void setStack(const QString &stackPath, const QString &hostsPath);

    /** Appends one line to the log dock. */
    void appendLog(const QString &line);

    [[nodiscard]] QGraphicsScene *scene() const { return m_scene; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    void restoreSettings();
    void saveSettings() const;
    void updateRecentStacksMenu();
    void handleOpenStack();
    void handleAbout();

    QGraphicsScene *m_scene = nullptr;
    QGraphicsView *m_view = nullptr;
    QDockWidget *m_logDock = nullptr;
    QPlainTextEdit *m_logView = nullptr;
    QLabel *m_stackLabel = nullptr;
    QLabel *m_discoLabel = nullptr;
    QLabel *m_countsLabel = nullptr;
    QMenu *m_recentMenu = nullptr;

    QAction *m_openAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_buildAction = nullptr;
    QAction *m_startAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_fitAction = nullptr;
    QAction *m_aboutAction = nullptr;

    QString m_stackPath;
    QString m_hostsPath;
};

} // namespace Ui
