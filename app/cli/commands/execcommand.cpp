// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "execcommand.h"

#include "runtime/engine.h"
#include "runtime/futureutil.h"
#include "runtime/headlessstack.h"
#include "runtime/host.h"

#include <QCoreApplication>
#include <QFile>

namespace Cli {

void findRoleContainer(Runtime::HeadlessStack &stack, const QString &role,
                       std::function<void(Runtime::Host *, QString)> found);

QString ExecCommand::name() const
{
    return QStringLiteral("exec");
}

QString ExecCommand::summary() const
{
    return QCoreApplication::translate("Cli", "Run a command in a role's container");
}

int ExecCommand::run(const QStringList &arguments)
{
    // Everything after "--" is the command, untouched by the parser.
    QStringList ours = arguments;
    QStringList command;
    if (const qsizetype dashes = arguments.indexOf(QStringLiteral("--")); dashes >= 0) {
        ours = arguments.mid(0, dashes);
        command = arguments.mid(dashes + 1);
    }
    QCommandLineParser parser;
    setupParser(parser);
    addStackOptions(parser);
    parser.addPositionalArgument(QStringLiteral("ROLE"),
                                 QCoreApplication::translate("Cli", "The role."));
    parser.addPositionalArgument(QStringLiteral("-- CMD"),
                                 QCoreApplication::translate("Cli", "The command and its "
                                                                    "arguments."));
    if (const int code = parse(parser, ours); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 2 || command.isEmpty()) {
        printError(QCoreApplication::translate("Cli", "expected STACK ROLE -- CMD..."));
        return ExitUsage;
    }
    const QString role = parser.positionalArguments().at(1);
    return runWithStack(
        parser, parser.positionalArguments().at(0), false,
        [role, command](Runtime::HeadlessStack &stack) {
            findRoleContainer(
                stack, role, [&stack, role, command](Runtime::Host *host, const QString &id) {
                    if (!host) {
                        printError(QCoreApplication::translate("Cli", "no container of role '%1' "
                                                                      "on any host of the stack")
                                       .arg(role));
                        finish(ExitFailure);
                        return;
                    }
                    Docker::ExecSpec spec;
                    spec.command = command;
                    Runtime::Internal::onResult(host->engine()->exec(id, spec), &stack,
                                                [](const Scs::Result<Docker::ExecResult> &result) {
                                                    if (!result) {
                                                        printError(result.error().message);
                                                        finish(ExitFailure);
                                                        return;
                                                    }
                                                    QFile out;
                                                    QFile err;
                                                    (void)out.open(stdout, QIODevice::WriteOnly);
                                                    (void)err.open(stderr, QIODevice::WriteOnly);
                                                    out.write(result->standardOutput);
                                                    err.write(result->standardError);
                                                    out.flush();
                                                    err.flush();
                                                    finish(result->exitCode);
                                                });
                });
            return -1;
        });
}

} // namespace Cli
