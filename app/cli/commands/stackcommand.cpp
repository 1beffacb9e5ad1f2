// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "stackcommand.h"

#include "runtime/futureutil.h"
#include "runtime/headlessstack.h"
#include "runtime/statusreport.h"
#include "runtime/workflow.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSocketNotifier>

#include <csignal>
#include <QElapsedTimer>
#include <QTextStream>
#include <QTimer>
#include <sys/socket.h>
#include <unistd.h>

namespace Cli {

void StackCommand::addStackOptions(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(
        QStringLiteral("STACK"),
        QCoreApplication::translate("Cli", "The stack file (stack.yaml)."));
    parser.addOption(QCommandLineOption(
        QStringLiteral("hosts"),
        QCoreApplication::translate("Cli", "The hosts file (default: one local host)."),
        QStringLiteral("FILE")));
}

namespace {
int signalPipe[2] = {-1, -1};

void handleSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}
} // namespace

void StackCommand::quitOnSignal(int code)
{
    if (signalPipe[0] < 0 && ::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier
        = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, QCoreApplication::instance());
    QObject::connect(notifier, &QSocketNotifier::activated, notifier, [notifier, code]() {
        char byte;
        [[maybe_unused]] const auto got = ::read(signalPipe[0], &byte, 1);
        notifier->setEnabled(false);
        printInfo(QCoreApplication::translate("Cli", "signal received: leaving"));
        finish(code);
    });
    std::signal(SIGINT, handleSignal);
    std::signal(SIGTERM, handleSignal);
}

void StackCommand::printStatus(Runtime::HeadlessStack &stack, bool json,
                               std::function<void(int)> done)
{
    Runtime::Internal::onResult(
        stack.manager()->status(), &stack,
        [json, done](const Scs::Result<QList<Runtime::StatusRow>> &rows) {
            if (!rows) {
                printError(rows.error().message);
                done(ExitFailure);
                return;
            }
            QTextStream out(stdout);
            if (json)
                out << QJsonDocument(Runtime::statusToJson(*rows)).toJson(QJsonDocument::Indented);
            else
                out << Runtime::statusToTable(*rows);
            out.flush();
            done(ExitOk);
        });
}

void StackCommand::finish(int code)
{
    // Leave from the event loop, so that objects finish the turn they are in.
    QTimer::singleShot(0, QCoreApplication::instance(), [code]() { QCoreApplication::exit(code); });
}

void StackCommand::printError(const QString &message)
{
    QTextStream(stderr) << QCoreApplication::translate("Cli", "error: %1").arg(message) << "\n";
}

void StackCommand::printInfo(const QString &message)
{
    QTextStream(stderr) << message << "\n";
}

int StackCommand::runWithStack(const QCommandLineParser &parser, const QString &stackFile,
                               bool startDisco,
                               std::function<int(Runtime::HeadlessStack &stack)> then)
{
    Runtime::HeadlessStack stack;
    QObject::connect(&stack, &Runtime::HeadlessStack::message, &stack, &StackCommand::printInfo);
    stack.setBuildHost(m_buildHost);
    if (auto opened = stack.open(stackFile, parser.value(QStringLiteral("hosts"))); !opened) {
        printError(opened.error().message);
        return ExitFailure;
    }
    int immediate = -2;
    stack.connect(
        [&stack, &immediate, then](Scs::Result<void> connected) {
            int code;
            if (!connected) {
                printError(connected.error().message);
                code = ExitFailure;
            } else {
                code = then(stack);
            }
            if (code >= 0) {
                immediate = code;
                finish(code);
            }
        },
        startDisco);
    return QCoreApplication::exec();
}

void StackCommand::runWorkflow(Runtime::Workflow *workflow,
                               std::function<int(Scs::Result<void>)> after)
{
    auto *clock = new QElapsedTimer;
    clock->start();
    QObject::connect(workflow, &Runtime::Workflow::stepStarted, workflow,
                     [clock](int, const QString &name) {
                         printInfo(QStringLiteral("[%1 s] %2")
                                       .arg(double(clock->elapsed()) / 1000.0, 0, 'f', 1)
                                       .arg(name));
                     });
    QObject::connect(
        workflow, &Runtime::Workflow::finished, workflow,
        [clock, after](const Scs::Result<void> &result) {
            const double seconds = double(clock->elapsed()) / 1000.0;
            delete clock;
            int code = result ? ExitOk : ExitFailure;
            if (!result)
                printError(result.error().message);
            else
                printInfo(
                    QCoreApplication::translate("Cli", "done in %1 s").arg(seconds, 0, 'f', 1));
            if (after)
                code = after(result);
            if (code >= 0)
                finish(code);
        });
    workflow->start();
}

} // namespace Cli
