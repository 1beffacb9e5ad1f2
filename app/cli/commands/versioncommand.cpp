// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "versioncommand.h"

#include "common/version.h"

#include <QCoreApplication>
#include <QTextStream>

namespace Cli {

QString VersionCommand::name() const
{
    return QStringLiteral("version");
}

QString VersionCommand::summary() const
{
    return QCoreApplication::translate("Cli", "Print the version of scs and of the Qt it runs on.");
}

int VersionCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    setupParser(parser);
    if (const int exit = parse(parser, arguments); exit >= 0)
        return exit;
    QTextStream(stdout) << "scs " << Scs::versionString() << " (Qt " << qVersion() << ")\n";
    return ExitOk;
}

} // namespace Cli
