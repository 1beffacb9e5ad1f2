// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "command.h"

#include "common/version.h"

#include <QCoreApplication>
#include <QTextStream>

namespace {

void printUsage(QTextStream &out, const std::vector<std::unique_ptr<Cli::Command>> &commands)
{
    out << QCoreApplication::translate("Cli", "Usage: scs <verb> [options]") << "\n\n"
        << QCoreApplication::translate("Cli", "Run a containerised stack the same way on a laptop "
                                              "and in production.")
        << "\n\n"
        << QCoreApplication::translate("Cli", "Verbs:") << "\n";
    qsizetype width = 0;
    for (const auto &command : commands)
        width = std::max(width, command->name().size());
    for (const auto &command : commands)
        out << "  " << command->name().leftJustified(width + 2) << command->summary() << "\n";
    out << "\n"
        << QCoreApplication::translate("Cli", "Run 'scs <verb> --help' for the options of a verb.")
        << "\n";
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("scs"));
    QCoreApplication::setOrganizationName(QStringLiteral("scs"));
    QCoreApplication::setApplicationVersion(Scs::versionString());

    const auto commands = Cli::makeCommands();
    const QStringList arguments = QCoreApplication::arguments();
    QTextStream out(stdout);
    QTextStream err(stderr);

    if (arguments.size() < 2 || arguments.at(1) == u"--help" || arguments.at(1) == u"-h"
        || arguments.at(1) == u"help") {
        printUsage(out, commands);
        return arguments.size() < 2 ? Cli::ExitUsage : Cli::ExitOk;
    }
    if (arguments.at(1) == u"--version" || arguments.at(1) == u"-v") {
        out << "scs " << Scs::versionString() << "\n";
        return Cli::ExitOk;
    }

    const QString verb = arguments.at(1);
    for (const auto &command : commands) {
        if (command->name() != verb)
            continue;
        QStringList rest = arguments.mid(2);
        rest.prepend(QStringLiteral("scs ") + verb);
        return command->run(rest);
    }
    err << QCoreApplication::translate("Cli", "scs: unknown verb '%1'").arg(verb) << "\n\n";
    err.flush();
    printUsage(err, commands);
    return Cli::ExitUsage;
}
