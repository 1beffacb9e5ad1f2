// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "../command.h"

#include "common/result.h"

#include <QString>

#include <functional>

namespace Runtime {
class HeadlessStack;
class Workflow;
} // namespace Runtime

namespace Cli {

/**
 * What the stack verbs (up, down, ps, logs, exec, move) share: the STACK argument and
 * --hosts, opening the stack with its disco server, running a workflow with progress on
 * stderr, all under one QCoreApplication::exec().
 */
class StackCommand : public Command
{
protected:
    /** Adds --hosts FILE; the verb adds its positional arguments after STACK. */
    void addStackOptions(QCommandLineParser &parser) const;

    /**
     * Opens \p stackFile with the hosts file of \p parser, connects (starting a disco server
     * when \p startDisco and none answers), then calls \p then; its return value is the exit
     * code unless it returns -1, which keeps the event loop running until finish().
     * Returns the exit code.
     */
    int runWithStack(const QCommandLineParser &parser, const QString &stackFile, bool startDisco,
                     std::function<int(Runtime::HeadlessStack &stack)> then);
    /** Starts \p workflow, reports its progress, and finishes with 0 or 1. */
    void runWorkflow(Runtime::Workflow *workflow, std::function<int(Scs::Result<void>)> after = {});
    /** SIGINT/SIGTERM leave the event loop with \p code (self-pipe, handled in the loop). */
    static void quitOnSignal(int code);
    /** Prints the stack's status table (or JSON), then calls \p done with the exit code. */
    static void printStatus(Runtime::HeadlessStack &stack, bool json,
                            std::function<void(int)> done);
    /** Leaves the event loop with \p code. */
    static void finish(int code);
    static void printError(const QString &message);
    static void printInfo(const QString &message);

    /** The host that builds missing images (`up --build-on`); empty: where they run. */
    QString m_buildHost;
};

} // namespace Cli
