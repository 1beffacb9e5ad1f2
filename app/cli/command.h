// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace Cli {

/**
 * One verb of the `scs` tool ("scs version", "scs disco", ...).
 *
 * A command is thin: it parses its own arguments with QCommandLineParser, calls
 * the core, prints, and returns the process exit code. Commands that wait for
 * asynchronous work run QCoreApplication::exec() themselves.
 */
class Command
{
public:
    virtual ~Command() = default;

    /** The verb as typed on the command line. */
    [[nodiscard]] virtual QString name() const = 0;
    /** One line for `scs --help`. */
    [[nodiscard]] virtual QString summary() const = 0;
    /** \p arguments[0] is "scs <verb>", the rest are the verb's arguments. */
    virtual int run(const QStringList &arguments) = 0;

protected:
    /** Gives \p parser --help and the verb's summary as description. */
    void setupParser(QCommandLineParser &parser) const;

    /**
     * Parses \p arguments. Returns an exit code when the command must stop here
     * (--help printed: 0; a usage error printed: 2), or -1 to go on.
     */
    [[nodiscard]] int parse(QCommandLineParser &parser, const QStringList &arguments) const;
};

/** Every verb of the tool, in the order `scs --help` lists them. */
[[nodiscard]] std::vector<std::unique_ptr<Command>> makeCommands();

/** Exit codes shared by every verb. */
enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1,
    ExitUsage = 2,
};

} // namespace Cli
