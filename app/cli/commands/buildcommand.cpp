// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "buildcommand.h"

#include "buildsupport.h"
#include "docker/engineclient.h"
#include "manifest/compiler.h"
#include "runtime/engine.h"
#include "runtime/imagebuilder.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QTextStream>

#include <unistd.h>

#include <memory>

namespace Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}

/** "[#######.......]  3/7" */
QString bar(int step, int total, int width = 24)
{
    const int filled = total > 0 ? std::min(width, width * step / total) : 0;
    return u'[' + QString(filled, u'#') + QString(width - filled, u'.') + u']'
           + QStringLiteral(" %1/%2").arg(step, 2).arg(total);
}

/** The engine of \p host as the runtime reaches it, with a build's longer timeout. */
Scs::Result<Docker::HostConfig> hostConfig(const Manifest::CompiledHost &host)
{
    auto config = Runtime::DockerEngine::hostConfig(host);
    if (config)
        config->timeoutMs = 120000;
    return config;
}

} // namespace

QString BuildCommand::name() const
{
    return QStringLiteral("build");
}

QString BuildCommand::summary() const
{
    return tr("Build the images of a stack that are missing (content-hash tags).");
}

int BuildCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    setupParser(parser);
    parser.addPositionalArgument(QStringLiteral("stack"), tr("The stack file (stack.yaml)."));
    const QCommandLineOption hostsOption(
        QStringLiteral("hosts"), tr("The hosts file (default: the local host)."), tr("file"));
    const QCommandLineOption dockerOption(
        QStringLiteral("docker"),
        tr("Build on this engine (default: the first host of the stack, or $DOCKER_HOST "
           "without a hosts file)."),
        tr("address"));
    const QCommandLineOption progressOption(QStringLiteral("progress"),
                                            tr("Show a progress bar per image."));
    const QCommandLineOption noCacheOption(QStringLiteral("no-cache"),
                                           tr("Rebuild every image, ignoring caches."));
    parser.addOptions({hostsOption, dockerOption, progressOption, noCacheOption});
    if (const int exit = parse(parser, arguments); exit >= 0)
        return exit;
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (parser.positionalArguments().size() != 1) {
        err << arguments.value(0) << ": " << tr("expected one stack file") << Qt::endl;
        return ExitUsage;
    }

    const auto stack = Manifest::Compiler::compile(parser.positionalArguments().first(),
                                                   parser.value(hostsOption));
    if (!stack) {
        err << stack.error().message << Qt::endl;
        return ExitFailure;
    }
    QList<Manifest::CompiledImage> images;
    QSet<QString> uniqueTags;
    QHash<QString, QStringList> tagsByHost; // the other hosts that need an image
    QList<Manifest::CompiledHost> usedHosts;
    for (const Manifest::CompiledContainer &c : stack->containers) {
        images.append(c.image);
        uniqueTags.insert(c.image.tag);
        if (!tagsByHost.contains(c.host.name))
            usedHosts.append(c.host);
        if (!tagsByHost[c.host.name].contains(c.image.tag))
            tagsByHost[c.host.name].append(c.image.tag);
    }
    if (images.isEmpty()) {
        out << tr("The stack has no images.") << Qt::endl;
        return ExitOk;
    }

    // Where to build: --docker; else $DOCKER_HOST for a stack without a hosts file; else the
    // first host that runs a container.
    Docker::HostConfig buildHost;
    if (parser.isSet(dockerOption) || !parser.isSet(hostsOption)) {
        auto config = dockerHostFromOption(parser.value(dockerOption));
        if (!config) {
            err << config.error().message << Qt::endl;
            return ExitUsage;
        }
        buildHost = *config;
        if (!parser.isSet(hostsOption))
            tagsByHost.clear(); // the implicit local host is the build engine itself
    } else {
        auto config = hostConfig(usedHosts.first());
        if (!config) {
            err << config.error().message << Qt::endl;
            return ExitFailure;
        }
        buildHost = *config;
        tagsByHost.remove(buildHost.name);
    }

    Docker::EngineClient client(buildHost);
    Runtime::ImageBuilder builder(client);
    const bool progress = parser.isSet(progressOption);
    const bool terminal = isatty(STDOUT_FILENO);
    QElapsedTimer timer;
    std::vector<std::unique_ptr<Docker::EngineClient>> targets;

    QObject::connect(&builder, &Runtime::ImageBuilder::imageSkipped, &builder,
                     [&](const QString &tag) { out << tr("%1: up to date").arg(tag) << Qt::endl; });
    QObject::connect(&builder, &Runtime::ImageBuilder::imageStarted, &builder,
                     [&](const QString &tag, int index, int count) {
                         out << tr("%1: building (%2 of %3) on %4")
                                    .arg(tag)
                                    .arg(index)
                                    .arg(count)
                                    .arg(buildHost.name)
                             << Qt::endl;
                     });
    int lastStep = -1;
    QObject::connect(&builder, &Runtime::ImageBuilder::imageProgressed, &builder,
                     [&](const QString &tag, int step, int total, const QString &text) {
                         if (!progress)
                             return;
                         if (terminal) {
                             QString line
                                 = QStringLiteral("\r  %1 %2 %3")
                                       .arg(bar(step, total), tag, text.simplified().left(40));
                             out << line.leftJustified(110, u' ', true) << Qt::flush;
                         } else if (step != lastStep) {
                             out << QStringLiteral("  %1 %2").arg(bar(step, total), tag)
                                 << Qt::endl;
                         }
                         lastStep = step;
                     });
    QObject::connect(&builder, &Runtime::ImageBuilder::imageBuilt, &builder,
                     [&](const QString &tag, const QString &id, qint64 ms) {
                         if (progress && terminal)
                             out << u'\r' << QString(110, u' ') << u'\r';
                         lastStep = -1;
                         out << tr("%1: built %2 in %3 s")
                                    .arg(tag, id.left(19))
                                    .arg(double(ms) / 1000.0, 0, 'f', 1)
                             << Qt::endl;
                     });
    QObject::connect(&builder, &Runtime::ImageBuilder::imageFailed, &builder,
                     [&](const QString &tag, const Scs::Error &error) {
                         if (progress && terminal)
                             out << Qt::endl;
                         err << tr("%1: FAILED: %2").arg(tag, error.message) << Qt::endl;
                     });

    // Carry the images to the other hosts that run them and lack them.
    std::function<void(int)> transferNext;
    QStringList hostOrder = tagsByHost.keys();
    int failedTransfers = 0;
    int builtCount = 0;
    int failedCount = 0;
    const auto report = [&] {
        const int code = failedCount + failedTransfers > 0 ? ExitFailure : ExitOk;
        if (builtCount == 0 && failedCount == 0)
            out << QCoreApplication::translate("Cli",
                                               "Nothing to build: all %n image(s) are up to date.",
                                               nullptr, int(uniqueTags.size()))
                << Qt::endl;
        else
            out << tr("Built %1, failed %2, in %3 s.")
                       .arg(builtCount)
                       .arg(failedCount)
                       .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
                << Qt::endl;
        finish(code);
    };
    transferNext = [&](int index) {
        if (index >= hostOrder.size())
            return report();
        const QString hostName = hostOrder.at(index);
        const Manifest::CompiledHost *host = stack->host(hostName);
        if (!host)
            return transferNext(index + 1);
        auto config = hostConfig(*host);
        if (!config) {
            err << config.error().message << Qt::endl;
            ++failedTransfers;
            return transferNext(index + 1);
        }
        targets.push_back(std::make_unique<Docker::EngineClient>(*config));
        Docker::EngineClient *target = targets.back().get();
        const QStringList tags = tagsByHost.value(hostName);
        // Only what the target lacks: list its scs images.
        whenReady(
            target->listImages(), &builder,
            [&, target, tags, index,
             hostName](const Scs::Result<QList<Docker::ImageSummary>> &present) {
                if (!present) {
                    err << present.error().message << Qt::endl;
                    ++failedTransfers;
                    return transferNext(index + 1);
                }
                QStringList missing = tags;
                for (const auto &image : *present) {
                    for (const QString &t : image.repoTags)
                        missing.removeAll(t);
                }
                if (missing.isEmpty())
                    return transferNext(index + 1);
                out << tr("carrying %1 to %2 ...").arg(missing.join(QStringLiteral(", ")), hostName)
                    << Qt::endl;
                whenReady(Docker::EngineClient::transferImages(client, *target, missing), &builder,
                          [&, index](const Scs::Result<void> &moved) {
                              if (!moved) {
                                  err << moved.error().message << Qt::endl;
                                  ++failedTransfers;
                              }
                              transferNext(index + 1);
                          });
            });
    };
    QObject::connect(&builder, &Runtime::ImageBuilder::finished, &builder,
                     [&](int built, int, int failed) {
                         builtCount = built;
                         failedCount = failed;
                         if (failed > 0)
                             return report();
                         transferNext(0);
                     });

    return runUntilFinished([&] {
        timer.start();
        builder.build(images, parser.isSet(noCacheOption));
    });
}

} // namespace Cli
