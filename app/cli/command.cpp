// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "command.h"

#include "commands/buildcommand.h"
#include "commands/compilecommand.h"
#include "commands/discocommand.h"
#include "commands/downcommand.h"
#include "commands/execcommand.h"
#include "commands/exportcommand.h"
#include "commands/imagecommand.h"
#include "commands/logscommand.h"
#include "commands/movecommand.h"
#include "commands/pscommand.h"
#include "commands/upcommand.h"
#include "commands/validatecommand.h"
#include "commands/versioncommand.h"

#include <QTextStream>

namespace Cli {

void Command::setupParser(QCommandLineParser &parser) const
{
    parser.setApplicationDescription(summary());
    parser.addHelpOption();
}

int Command::parse(QCommandLineParser &parser, const QStringList &arguments) const
{
    if (!parser.parse(arguments)) {
        QTextStream(stderr)
            << arguments.value(0) << ": " << parser.errorText() << "\n"
            << QCoreApplication::translate("Cli", "Try '%1 --help'.").arg(arguments.value(0))
            << "\n";
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // QCommandLineParser names the binary in its usage line; name the verb instead.
        QString text = parser.helpText();
        const qsizetype firstLineEnd = text.indexOf(u'\n');
        const QString usage = text.left(firstLineEnd);
        const qsizetype optionsAt = usage.indexOf(QStringLiteral(" [options]"));
        text.replace(0, optionsAt < 0 ? firstLineEnd : optionsAt,
                     QCoreApplication::translate("Cli", "Usage: %1").arg(arguments.value(0)));
        QTextStream(stdout) << text;
        return ExitOk;
    }
    return -1;
}

std::vector<std::unique_ptr<Command>> makeCommands()
{
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(std::make_unique<CompileCommand>());
    commands.push_back(std::make_unique<ExportCommand>());
    commands.push_back(std::make_unique<ValidateCommand>());
    commands.push_back(std::make_unique<VersionCommand>());
    commands.push_back(std::make_unique<UpCommand>());
    commands.push_back(std::make_unique<DownCommand>());
    commands.push_back(std::make_unique<PsCommand>());
    commands.push_back(std::make_unique<LogsCommand>());
    commands.push_back(std::make_unique<ExecCommand>());
    commands.push_back(std::make_unique<MoveCommand>());
    commands.push_back(std::make_unique<DiscoCommand>());
    commands.push_back(std::make_unique<ImageCommand>());
    commands.push_back(std::make_unique<BuildCommand>());
    return commands;
}

} // namespace Cli
