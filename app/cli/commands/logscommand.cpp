// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "logscommand.h"

#include "docker/engineclient.h"
#include "docker/enginestream.h"
#include "runtime/containermanager.h"
#include "runtime/engine.h"
#include "runtime/futureutil.h"
#include "runtime/headlessstack.h"
#include "runtime/host.h"
#include "runtime/managedcontainer.h"

#include <QCoreApplication>
#include <QFile>

namespace Cli {

namespace {

void writeFrames(const QList<Docker::LogFrame> &frames)
{
    static QFile out;
    static QFile err;
    if (!out.isOpen()) {
        (void)out.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered);
        (void)err.open(stderr, QIODevice::WriteOnly | QIODevice::Unbuffered);
    }
    for (const Docker::LogFrame &frame : frames)
        (frame.stream == Docker::LogFrame::Stream::StdErr ? err : out).write(frame.data);
}

} // namespace

QString LogsCommand::name() const
{
    return QStringLiteral("logs");
}

QString LogsCommand::summary() const
{
    return QCoreApplication::translate("Cli", "Print (or follow) the output of a role's container");
}

/** Finds the running container of \p role on any host; calls \p found with host and id. */
void findRoleContainer(Runtime::HeadlessStack &stack, const QString &role,
                       std::function<void(Runtime::Host *, QString)> found)
{
    auto hosts = std::make_shared<QList<Runtime::Host *>>(stack.manager()->hosts());
    auto next = std::make_shared<std::function<void()>>();
    const QString label = stack.manager()->stackLabel();
    *next = [hosts, next, found, role, label, &stack]() {
        if (hosts->isEmpty()) {
            Runtime::Internal::releaseLater(next);
            found(nullptr, {});
            return;
        }
        Runtime::Host *host = hosts->takeFirst();
        Docker::ContainerFilter filter;
        filter.all = true;
        filter.labels.insert(Runtime::Labels::Stack, label);
        filter.labels.insert(Runtime::Labels::Role, role);
        Runtime::Internal::onResult(
            host->engine()->listContainers(filter), &stack,
            [host, next, found](const Scs::Result<QList<Docker::ContainerSummary>> &list) {
                if (list && !list->isEmpty()) {
                    Runtime::Internal::releaseLater(next);
                    found(host, list->first().id);
                    return;
                }
                (*next)();
            });
    };
    (*next)();
}

int LogsCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    setupParser(parser);
    addStackOptions(parser);
    parser.addPositionalArgument(QStringLiteral("ROLE"),
                                 QCoreApplication::translate("Cli", "The role."));
    const QCommandLineOption follow(
        {QStringLiteral("f"), QStringLiteral("follow")},
        QCoreApplication::translate("Cli", "Keep printing new output."));
    parser.addOption(follow);
    if (const int code = parse(parser, arguments); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 2) {
        printError(QCoreApplication::translate("Cli", "expected STACK and ROLE"));
        return ExitUsage;
    }
    const QString role = parser.positionalArguments().at(1);
    const bool following = parser.isSet(follow);
    return runWithStack(
        parser, parser.positionalArguments().at(0), false,
        [role, following](Runtime::HeadlessStack &stack) {
            findRoleContainer(
                stack, role, [&stack, role, following](Runtime::Host *host, const QString &id) {
                    if (!host) {
                        printError(QCoreApplication::translate("Cli", "no container of role '%1' "
                                                                      "on any host of the stack")
                                       .arg(role));
                        finish(ExitFailure);
                        return;
                    }
                    Docker::EngineClient *client = host->engine()->client();
                    if (following && client) {
                        Docker::LogOptions options;
                        auto *stream = client->followLogs(id, options, &stack);
                        QObject::connect(stream, &Docker::LogStream::framesReceived, &stack,
                                         &writeFrames);
                        QObject::connect(stream, &Docker::EngineStream::completed, &stack,
                                         []() { finish(ExitOk); });
                        QObject::connect(stream, &Docker::EngineStream::failed, &stack,
                                         [](const Scs::Error &error) {
                                             printError(error.message);
                                             finish(ExitFailure);
                                         });
                        quitOnSignal(ExitOk);
                        return;
                    }
                    Runtime::Internal::onResult(
                        host->engine()->logs(id, {}), &stack,
                        [](const Scs::Result<QList<Docker::LogFrame>> &frames) {
                            if (!frames) {
                                printError(frames.error().message);
                                finish(ExitFailure);
                                return;
                            }
                            writeFrames(*frames);
                            finish(ExitOk);
                        });
                });
            return -1;
        });
}

} // namespace Cli
