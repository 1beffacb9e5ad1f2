// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "downcommand.h"

#include "runtime/containermanager.h"
#include "runtime/headlessstack.h"

#include <QCoreApplication>

namespace Cli {

QString DownCommand::name() const
{
    return QStringLiteral("down");
}

QString DownCommand::summary() const
{
    return QCoreApplication::translate("Cli", "Stop and remove every container of a stack");
}

int DownCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    setupParser(parser);
    addStackOptions(parser);
    if (const int code = parse(parser, arguments); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1) {
        printError(QCoreApplication::translate("Cli", "expected one STACK file"));
        return ExitUsage;
    }
    // No disco server of our own: the sessions to end live on the configured one.
    return runWithStack(parser, parser.positionalArguments().at(0), false,
                        [this](Runtime::HeadlessStack &stack) {
                            runWorkflow(stack.manager()->down());
                            return -1;
                        });
}

} // namespace Cli
