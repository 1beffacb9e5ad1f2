// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "mainwindow.h"
#include "theme.h"

#include "common/version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QTimer>

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

} // namespace

int main(int argc, char *argv[])
{
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
    parser.addOptions({hostsOption, screenshotOption, quitAfterOption});
    parser.process(app); // exits after printing --help or --version

    Ui::Theme::apply(Ui::Theme::modeFromSettings());

    Ui::MainWindow window;
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty())
        window.setStack(positional.first(), parser.value(hostsOption));
    window.show();

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
