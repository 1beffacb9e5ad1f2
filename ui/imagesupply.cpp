// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "imagesupply.h"

#include "docker/engineclient.h"
#include "runtime/futureutil.h"
#include "runtime/imagebuilder.h"

#include <QTimer>

#include <memory>

namespace Ui {

ImageSupply::ImageSupply(QObject *parent)
    : QObject(parent)
{}

ImageSupply::~ImageSupply() = default;

void ImageSupply::setBuildEngine(const Docker::HostConfig &config)
{
    if (m_client && m_address == config.endpoint.toString() && m_client->hostName() == config.name)
        return;
    if (m_builder)
        m_builder->cancel();
    if (m_client)
        m_client->deleteLater();
    Docker::HostConfig slow = config;
    // A busy engine (two builds, a save of 450 MB) may take long to answer one call.
    slow.timeoutMs = std::max(slow.timeoutMs, 300000);
    m_client = new Docker::EngineClient(slow, this);
    m_address = config.endpoint.toString();
}

void ImageSupply::build(const QList<Manifest::CompiledImage> &images, Done done)
{
    m_queue.append(Request{images, nullptr, QString(), false, std::move(done)});
    if (!m_running)
        next();
}

void ImageSupply::supply(const Manifest::CompiledImage &image, Docker::EngineClient *target,
                         const QString &targetName, bool targetIsBuildEngine, Done done)
{
    m_queue.append(Request{{image}, target, targetName, !targetIsBuildEngine, std::move(done)});
    if (!m_running)
        next();
}

void ImageSupply::cancel()
{
    const QList<Request> queued = std::exchange(m_queue, {});
    for (const Request &request : queued)
        request.done(
            Scs::makeError(tr("cancelled before it started"), Scs::Error::Kind::Cancelled));
    if (m_builder)
        m_builder->cancel();
}

void ImageSupply::next()
{
    if (m_queue.isEmpty()) {
        m_running = false;
        return;
    }
    m_running = true;
    const Request request = m_queue.takeFirst();
    if (!m_client) {
        finish(request, Scs::makeError(tr("no build engine is set: open a stack with a hosts "
                                          "file, or name one with --build-docker"),
                                       Scs::Error::Kind::InvalidInput));
        return;
    }
    auto *builder = new Runtime::ImageBuilder(*m_client, this);
    m_builder = builder;
    auto firstError = std::make_shared<std::optional<Scs::Error>>();
    const QString engineName = m_client->hostName();
    connect(builder, &Runtime::ImageBuilder::imageSkipped, this,
            [this, engineName](const QString &tag) {
                emit imageOutput(tag, tr("up to date on %1").arg(engineName));
                emit imageProgress(tag, 100);
            });
    connect(builder, &Runtime::ImageBuilder::imageStarted, this,
            [this, engineName](const QString &tag, int index, int count) {
                emit imageProgress(tag, 0);
                emit imageOutput(
                    tag, tr("building on %1 (%2 of %3)").arg(engineName).arg(index).arg(count));
            });
    connect(builder, &Runtime::ImageBuilder::imageProgressed, this,
            [this](const QString &tag, int step, int total, const QString &text) {
                // The last step is the commit: keep the bar below 100 until it is built.
                if (total > 0)
                    emit imageProgress(tag, std::min(99, 100 * std::max(0, step - 1) / total));
                const QString line = text.trimmed();
                if (!line.isEmpty())
                    emit imageOutput(tag, line);
            });
    connect(
        builder, &Runtime::ImageBuilder::imageBuilt, this,
        [this](const QString &tag, const QString &imageId, qint64 ms) {
            emit imageProgress(tag, 100);
            emit imageOutput(
                tag,
                tr("built %1 in %2 s").arg(imageId.left(19)).arg(double(ms) / 1000.0, 0, 'f', 1));
        });
    connect(builder, &Runtime::ImageBuilder::imageFailed, this,
            [this, firstError](const QString &tag, const Scs::Error &error) {
                if (!*firstError)
                    *firstError = error;
                emit imageFinished(tag, error);
            });
    connect(builder, &Runtime::ImageBuilder::finished, this,
            [this, builder, request, firstError](int, int, int failed) {
                builder->deleteLater();
                if (failed > 0 || *firstError) {
                    finish(request,
                           Scs::makeError(firstError->value_or(Scs::Error{
                               Scs::Error::Kind::Cancelled, tr("the build was cancelled")})));
                    return;
                }
                if (request.carry) {
                    carry(request);
                    return;
                }
                for (const Manifest::CompiledImage &image : request.images)
                    emit imageFinished(image.tag, Scs::Error{});
                finish(request, {});
            });
    builder->build(request.images);
}

void ImageSupply::carry(const Request &request)
{
    const QString tag = request.images.first().tag;
    if (!request.target) {
        finish(request, Scs::makeError(tr("image %1: host %2 went away before the image reached "
                                          "it")
                                           .arg(tag, request.targetName),
                                       Scs::Error::Kind::Cancelled));
        return;
    }
    emit imageOutput(tag, tr("carrying to %1 (save/load)").arg(request.targetName));
    Runtime::Internal::onResult(
        Docker::EngineClient::transferImages(*m_client, *request.target, {tag}), this,
        [this, request, tag](const Scs::Result<void> &carried) {
            if (!carried) {
                const Scs::Error error = carried.error().withContext(
                    tr("carrying image %1 from %2 to %3")
                        .arg(tag, m_client ? m_client->hostName() : QString(), request.targetName));
                emit imageFinished(tag, error);
                finish(request, Scs::makeError(error));
                return;
            }
            emit imageOutput(tag, tr("now on %1").arg(request.targetName));
            emit imageFinished(tag, Scs::Error{});
            finish(request, {});
        });
}

void ImageSupply::finish(const Request &request, Scs::Result<void> result)
{
    request.done(std::move(result));
    // The next request starts from the event loop, not inside the caller's callback.
    QTimer::singleShot(0, this, &ImageSupply::next);
}

} // namespace Ui
