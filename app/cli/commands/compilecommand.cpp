// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "compilecommand.h"

#include "manifest/compiler.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTextStream>

namespace Cli {

QString CompileCommand::name() const
{
    return QStringLiteral("compile");
}

QString CompileCommand::summary() const
{
    return QCoreApplication::translate("Cli", "Compile a stack into one resolved JSON document "
                                              "per container.");
}

int CompileCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    setupParser(parser);
    parser.addPositionalArgument(
        QStringLiteral("stack"),
        QCoreApplication::translate("Cli", "The stack file (stack.yaml)."));
    const QCommandLineOption hostsOption(
        QStringLiteral("hosts"),
        QCoreApplication::translate("Cli", "The hosts file (default: one local host, "
                                           "environment dev)."),
        QStringLiteral("file"));
    const QCommandLineOption outputOption(
        {QStringLiteral("o"), QStringLiteral("output")},
        QCoreApplication::translate("Cli", "Write stack.json and <role>.json into this folder "
                                           "(default: print the whole stack as JSON)."),
        QStringLiteral("dir"));
    const QCommandLineOption explainOption(
        QStringLiteral("explain"),
        QCoreApplication::translate("Cli", "Print every value with the file, line and layer it "
                                           "came from."));
    parser.addOption(hostsOption);
    parser.addOption(outputOption);
    parser.addOption(explainOption);
    if (const int exit = parse(parser, arguments); exit >= 0)
        return exit;
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (parser.positionalArguments().size() != 1) {
        err << arguments.value(0) << ": "
            << QCoreApplication::translate("Cli", "expected exactly one stack file") << "\n";
        return ExitUsage;
    }
    const auto stack = Manifest::Compiler::compile(parser.positionalArguments().constFirst(),
                                                   parser.value(hostsOption));
    if (!stack) {
        err << stack.error().message << "\n";
        return ExitFailure;
    }
    if (parser.isSet(outputOption)) {
        if (auto written = stack->writeTo(parser.value(outputOption)); !written) {
            err << written.error().message << "\n";
            return ExitFailure;
        }
    }
    if (parser.isSet(explainOption)) {
        for (const Manifest::CompiledContainer &c : stack->containers) {
            out << "# " << c.role << " (" << c.name.path() << ") on host " << c.host.name << "\n";
            for (qsizetype i = 0; i < c.configFiles.size(); ++i)
                out << "#   layer " << i << ": " << c.configFiles.at(i) << "\n";
            out << c.explain() << "\n";
        }
    } else if (!parser.isSet(outputOption)) {
        out << QJsonDocument(stack->toFullJson()).toJson(QJsonDocument::Indented);
    }
    return ExitOk;
}

} // namespace Cli
