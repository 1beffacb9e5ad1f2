// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "movecommand.h"

#include "runtime/containermanager.h"
#include "runtime/headlessstack.h"
#include "runtime/relocation.h"
#include "runtime/topology.h"
#include "runtime/workflow.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <QTimer>

namespace Cli {

QString MoveCommand::name() const
{
    return QStringLiteral("move");
}

QString MoveCommand::summary() const
{
    return QCoreApplication::translate("Cli", "Move a role to another host (its data goes along)");
}

namespace {

/** Leaves once no liveupdate runs any more (dependents follow a move by liveupdate). */
void finishAfterLiveUpdates(Runtime::Topology *topology, int code, int waitedMs = 0)
{
    bool running = false;
    for (const Runtime::LinkInfo &link : topology->links())
        running = running || link.state == Runtime::LinkState::LiveUpdateRunning;
    if (!running || waitedMs > 30000) {
        QCoreApplication::exit(code);
        return;
    }
    QTimer::singleShot(100, topology, [topology, code, waitedMs]() {
        finishAfterLiveUpdates(topology, code, waitedMs + 100);
    });
}

} // namespace

int MoveCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    setupParser(parser);
    addStackOptions(parser);
    parser.addPositionalArgument(QStringLiteral("ROLE"),
                                 QCoreApplication::translate("Cli", "The role to move."));
    const QCommandLineOption to(QStringLiteral("to"),
                                QCoreApplication::translate("Cli", "The target host."),
                                QStringLiteral("HOST"));
    parser.addOption(to);
    if (const int code = parse(parser, arguments); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 2 || !parser.isSet(to)) {
        printError(QCoreApplication::translate("Cli", "expected STACK ROLE --to HOST"));
        return ExitUsage;
    }
    const QString role = parser.positionalArguments().at(1);
    const QString target = parser.value(to);
    return runWithStack(
        parser, parser.positionalArguments().at(0), true,
        [this, role, target](Runtime::HeadlessStack &stack) {
            // This process takes the stack over (so it holds every requirement and runs the
            // dependents' liveupdates), then moves.
            runWorkflow(stack.manager()->adopt(), [this, &stack, role,
                                                   target](Scs::Result<void> adopted) {
                if (!adopted)
                    return int(ExitFailure);
                Runtime::Workflow *move = stack.manager()->move(role, target);
                runWorkflow(move, [&stack](Scs::Result<void> moved) {
                    QTextStream out(stdout);
                    if (Runtime::Relocation *relocation = stack.manager()->lastRelocation()) {
                        for (const auto &phase : relocation->phases())
                            out << QStringLiteral("phase %1: %2 ms\n")
                                       .arg(phase.name)
                                       .arg(phase.durationMs);
                        out << QStringLiteral("mode: %1\n")
                                   .arg(relocation->mode() == Runtime::Relocation::Mode::Live
                                            ? QStringLiteral("live")
                                            : QStringLiteral("stop-first"));
                        out << QStringLiteral("copied: %1 bytes\n").arg(relocation->copiedBytes());
                        out << QStringLiteral("unavailable: %1 ms\n")
                                   .arg(relocation->unavailableMs());
                    }
                    out.flush();
                    finishAfterLiveUpdates(stack.topology(), moved ? ExitOk : ExitFailure);
                    return -1;
                });
                return -1;
            });
            return -1;
        });
}

} // namespace Cli
