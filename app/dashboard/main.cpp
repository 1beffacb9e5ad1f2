// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "corestackcontroller.h"
#include "discoveryfeed.h"
#include "mainwindow.h"
#include "theme.h"

#include "common/version.h"
#include "disco/server.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <memory>

namespace {

/** --help and --version need no display: answer them before a QApplication exists. */
bool wantsTextOnly(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "--help-all" || arg == "--version"
            || arg == "-v")
            return true;
    }
    return false;
}

/** Prints the time from main() to the window's first paint and quits. */
class FirstPaintWatcher final : public QObject
{
public:
    FirstPaintWatcher(const QElapsedTimer &since, QObject *parent)
        : QObject(parent)
        , m_since(since)
    {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_reported) {
            m_reported = true;
            std::printf("first-paint-ms %.1f\n", m_since.nsecsElapsed() / 1e6);
            std::fflush(stdout);
            QTimer::singleShot(0, this, &QCoreApplication::quit);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QElapsedTimer m_since;
    bool m_reported = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    std::unique_ptr<QCoreApplication> application;
    if (wantsTextOnly(argc, argv))
        application = std::make_unique<QCoreApplication>(argc, argv);
    else
        application = std::make_unique<QApplication>(argc, argv);
    QCoreApplication &app = *application;
    QApplication::setApplicationName(QStringLiteral("scs-dashboard"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("scs"));
    QApplication::setOrganizationName(QStringLiteral("scs"));
    QApplication::setApplicationVersion(Scs::versionString());
    QApplication::setDesktopFileName(QStringLiteral("org.example.scs"));

    // The dashboard's own strings are embedded (qt_add_translations); Qt's come from the system.
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("scs"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("Dashboard", "The scs dashboard: a live graph of your stack."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("stack"),
                                 QApplication::translate("Dashboard", "The stack.yaml to open."),
                                 QStringLiteral("[STACK]"));
    const QCommandLineOption hostsOption(
        QStringLiteral("hosts"),
        QApplication::translate("Dashboard", "The hosts file to run the stack on."),
        QStringLiteral("FILE"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate(
            "Dashboard", "Save a picture of the window to FILE once it is drawn, then quit."),
        QStringLiteral("FILE"));
    const QCommandLineOption quitAfterOption(
        QStringLiteral("quit-after"),
        QApplication::translate("Dashboard", "Quit after MS milliseconds (for tests)."),
        QStringLiteral("MS"));
    const QCommandLineOption buildDockerOption(
        QStringLiteral("build-docker"),
        QApplication::translate("Dashboard",
                                "Build images on this Docker engine (default: the first host of "
                                "the stack); the hosts get them from there."),
        QStringLiteral("ADDRESS"));
    parser.addOptions({hostsOption, buildDockerOption, screenshotOption, quitAfterOption});
    parser.process(app); // exits after printing --help or --version

    Ui::Theme::apply(Ui::Theme::modeFromSettings());

    Ui::MainWindow window;

    // The in-process disco server; its events feed the discovery timeline.
    Disco::Server discoServer;
    Ui::DiscoveryFeed discoveryFeed(&discoServer, window.timelineModel());
    Scs::Result<void> listening = discoServer.start(QHostAddress::LocalHost, Disco::DefaultPort);
    if (!listening) {
        window.appendLog(
            QApplication::translate("Dashboard", "disco: %1; using a free port instead")
                .arg(listening.error().message));
        listening = discoServer.start(QHostAddress::LocalHost, 0);
    }
    if (listening)
        window.setDiscoAddress(QStringLiteral("127.0.0.1:%1").arg(discoServer.serverPort()));
    else
        window.appendLog(listening.error().message);
    Ui::CoreStackController controller;
    if (listening)
        controller.setDiscoServer(&discoServer);
    QString buildDocker = parser.value(buildDockerOption);
    if (buildDocker.isEmpty())
        buildDocker = QSettings().value(QStringLiteral("build/docker")).toString();
    controller.setBuildEngine(buildDocker);
    window.setController(&controller);

    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty())
        window.setStack(positional.first(), parser.value(hostsOption));
    window.show();

    // For tests/bench/bench_ui: report when the window is first painted, then quit.
    if (qEnvironmentVariableIsSet("SCS_REPORT_FIRST_PAINT")) {
        auto *watcher = new FirstPaintWatcher(sinceStart, &window);
        window.installEventFilter(watcher);
    }
    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        QTimer::singleShot(1500, &window, [&window, file] {
            const bool saved = window.grab().save(file);
            QApplication::exit(saved ? 0 : 1);
        });
    }
    if (parser.isSet(quitAfterOption))
        QTimer::singleShot(parser.value(quitAfterOption).toInt(), &app, &QApplication::quit);
    return QApplication::exec();
}
