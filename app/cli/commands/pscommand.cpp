// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "pscommand.h"

#include "runtime/headlessstack.h"

#include <QCoreApplication>

namespace Cli {

QString PsCommand::name() const
{
    return QStringLiteral("ps");
}

QString PsCommand::summary() const
{
    return QCoreApplication::translate("Cli", "List a stack's containers, endpoints and bindings");
}

int PsCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    setupParser(parser);
    addStackOptions(parser);
    const QCommandLineOption json(QStringLiteral("json"),
                                  QCoreApplication::translate("Cli", "Print a JSON array."));
    parser.addOption(json);
    if (const int code = parse(parser, arguments); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1) {
        printError(QCoreApplication::translate("Cli", "expected one STACK file"));
        return ExitUsage;
    }
    const bool asJson = parser.isSet(json);
    return runWithStack(parser, parser.positionalArguments().at(0), false,
                        [asJson](Runtime::HeadlessStack &stack) {
                            printStatus(stack, asJson, [](int code) { finish(code); });
                            return -1;
                        });
}

} // namespace Cli
