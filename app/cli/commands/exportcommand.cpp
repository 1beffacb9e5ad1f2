// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "exportcommand.h"

#include "manifest/compiler.h"
#include "manifest/exporter.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTextStream>

namespace Cli {

QString ExportCommand::name() const
{
    return QStringLiteral("export");
}

QString ExportCommand::summary() const
{
    return QCoreApplication::translate("Cli", "Export a stack as a Docker Compose file, "
                                              "Kubernetes manifests or an scs bundle.");
}

int ExportCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    setupParser(parser);
    parser.addPositionalArgument(
        QStringLiteral("stack"),
        QCoreApplication::translate("Cli", "The stack file (stack.yaml)."));
    const QCommandLineOption formatOption(
        QStringLiteral("format"),
        QCoreApplication::translate("Cli", "compose, kubernetes or bundle."),
        QStringLiteral("format"));
    const QCommandLineOption hostsOption(QStringLiteral("hosts"),
                                         QCoreApplication::translate("Cli", "The hosts file."),
                                         QStringLiteral("file"));
    const QCommandLineOption outputOption(
        {QStringLiteral("o"), QStringLiteral("output")},
        QCoreApplication::translate("Cli", "The file to write (compose, kubernetes) or the "
                                           "folder (bundle)."),
        QStringLiteral("path"));
    const QCommandLineOption hostOption(
        QStringLiteral("host"),
        QCoreApplication::translate("Cli", "compose: only the roles placed on this host "
                                           "(default: the whole stack on one machine)."),
        QStringLiteral("name"));
    parser.addOption(formatOption);
    parser.addOption(hostsOption);
    parser.addOption(outputOption);
    parser.addOption(hostOption);
    if (const int exit = parse(parser, arguments); exit >= 0)
        return exit;
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString format = parser.value(formatOption);
    const auto usage = [&](const QString &what) {
        err << arguments.value(0) << ": " << what << "\n";
        return ExitUsage;
    };
    if (format != u"compose" && format != u"kubernetes" && format != u"bundle")
        return usage(
            QCoreApplication::translate("Cli", "--format must be compose, kubernetes or bundle"));
    if (parser.positionalArguments().size() != 1)
        return usage(QCoreApplication::translate("Cli", "expected exactly one stack file"));
    if (!parser.isSet(hostsOption))
        return usage(QCoreApplication::translate("Cli", "--hosts FILE is required"));
    if (!parser.isSet(outputOption))
        return usage(QCoreApplication::translate("Cli", "-o PATH is required"));

    const auto stack = Manifest::Compiler::compile(parser.positionalArguments().constFirst(),
                                                   parser.value(hostsOption));
    if (!stack) {
        err << stack.error().message << "\n";
        return ExitFailure;
    }
    const QFileInfo output(parser.value(outputOption));
    Scs::Result<Manifest::ExportResult> result;
    QString dir = output.absoluteFilePath();
    if (format == u"bundle") {
        result = Manifest::Exporter::bundle(*stack);
    } else {
        dir = output.absolutePath();
        result = format == u"compose" ? Manifest::Exporter::compose(*stack, output.fileName(),
                                                                    parser.value(hostOption))
                                      : Manifest::Exporter::kubernetes(*stack, output.fileName());
    }
    if (!result) {
        err << result.error().message << "\n";
        return ExitFailure;
    }
    if (auto written = result->writeTo(dir); !written) {
        err << written.error().message << "\n";
        return ExitFailure;
    }
    out << QCoreApplication::translate("Cli", "Wrote %1 file(s) under %2")
               .arg(result->files.size())
               .arg(dir)
        << "\n";
    if (!result->valuesToSupply.isEmpty()) {
        out << QCoreApplication::translate("Cli", "Values to supply (never written by scs):")
            << "\n";
        for (const QString &line : result->valuesToSupply)
            out << "  " << line << "\n";
    }
    return ExitOk;
}

} // namespace Cli
