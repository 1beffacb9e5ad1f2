// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "validatecommand.h"

#include "manifest/compiler.h"

#include <QCoreApplication>
#include <QTextStream>

namespace Cli {

QString ValidateCommand::name() const
{
    return QStringLiteral("validate");
}

QString ValidateCommand::summary() const
{
    return QCoreApplication::translate("Cli", "Check manifests (stack, role config, image "
                                              "manifest, hosts file) and list every problem.");
}

int ValidateCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    setupParser(parser);
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QCoreApplication::translate("Cli", "The files to check."),
                                 QStringLiteral("FILE..."));
    if (const int exit = parse(parser, arguments); exit >= 0)
        return exit;
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        err << arguments.value(0) << ": "
            << QCoreApplication::translate("Cli", "expected at least one file") << "\n";
        return ExitUsage;
    }
    int exit = ExitOk;
    for (const QString &file : files) {
        const auto kind = Manifest::Compiler::validateFile(file);
        if (!kind) {
            err << kind.error().message << "\n";
            exit = ExitFailure;
            continue;
        }
        out << QCoreApplication::translate("Cli", "%1: valid %2")
                   .arg(file, Manifest::Compiler::kindName(*kind))
            << "\n";
    }
    return exit;
}

} // namespace Cli
