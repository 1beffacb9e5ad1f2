// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "upcommand.h"

#include "runtime/containermanager.h"
#include "runtime/headlessstack.h"
#include "runtime/workflow.h"

#include <QCoreApplication>

namespace Cli {

QString UpCommand::name() const
{
    return QStringLiteral("up");
}

QString UpCommand::summary() const
{
    return QCoreApplication::translate("Cli",
                                       "Build what is missing and start a stack on its hosts");
}

int UpCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    setupParser(parser);
    addStackOptions(parser);
    const QCommandLineOption watch(
        QStringLiteral("watch"),
        QCoreApplication::translate("Cli", "Stay and supervise the stack (re-register restarted "
                                           "containers, run liveupdates) until interrupted."));
    const QCommandLineOption buildOn(
        QStringLiteral("build-on"),
        QCoreApplication::translate("Cli", "Build missing images on HOST (a host of the hosts "
                                           "file) and carry them to where they run (default: "
                                           "each host builds what it lacks)."),
        QStringLiteral("HOST"));
    parser.addOption(watch);
    parser.addOption(buildOn);
    if (const int code = parse(parser, arguments); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1) {
        printError(QCoreApplication::translate("Cli", "expected one STACK file"));
        return ExitUsage;
    }
    const bool watching = parser.isSet(watch);
    m_buildHost = parser.value(buildOn);
    return runWithStack(
        parser, parser.positionalArguments().at(0), true,
        [this, watching](Runtime::HeadlessStack &stack) {
            runWorkflow(stack.manager()->up(), [&stack, watching](Scs::Result<void> result) {
                if (!result)
                    return int(ExitFailure);
                printStatus(stack, false, [watching](int code) {
                    if (!watching || code != ExitOk) {
                        finish(code);
                        return;
                    }
                    printInfo(QCoreApplication::translate("Cli",
                                                          "supervising; Ctrl-C to leave (the "
                                                          "stack keeps running)"));
                    quitOnSignal(ExitOk);
                });
                return -1;
            });
            return -1;
        });
}

} // namespace Cli
