// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "engine.h"

#include "docker/engineclient.h"
#include "docker/enginestream.h"

#include <QFileInfo>

namespace Runtime {

Scs::Result<Docker::HostConfig> DockerEngine::hostConfig(const Manifest::CompiledHost &host)
{
    auto config = Docker::HostConfig::fromAddress(host.name, host.docker);
    if (!config)
        return Scs::makeError(config.error().withContext(QStringLiteral("host %1").arg(host.name)));
    if (host.tls.isEmpty())
        return config;
    if (config->endpoint.kind != Docker::Endpoint::Kind::Tcp)
        return Scs::makeError(QStringLiteral("host %1: tls files apply to tcp:// engines only, "
                                             "not to %2")
                                  .arg(host.name, host.docker),
                              Scs::Error::Kind::InvalidInput);
    const QList<QPair<QString, QString>> files{{QStringLiteral("ca"), host.tls.ca},
                                               {QStringLiteral("cert"), host.tls.cert},
                                               {QStringLiteral("key"), host.tls.key}};
    for (const auto &[what, path] : files) {
        if (path.isEmpty() || !QFileInfo(path).isReadable())
            return Scs::makeError(QStringLiteral("host %1: the tls %2 file '%3' %4")
                                      .arg(host.name, what, path,
                                           path.isEmpty() ? QStringLiteral("is not set")
                                                          : QStringLiteral("cannot be read")),
                                  Scs::Error::Kind::InvalidInput);
    }
    config->endpoint.tls = Docker::TlsFiles{host.tls.ca, host.tls.cert, host.tls.key, true};
    return config;
}

Scs::Result<DockerEngine *> DockerEngine::create(const Manifest::CompiledHost &host,
                                                 QObject *parent)
{
    auto config = hostConfig(host);
    if (!config)
        return Scs::makeError(config.error());
    return new DockerEngine(new Docker::EngineClient(*config), parent);
}

Scs::Result<DockerEngine *> DockerEngine::create(const QString &hostName,
                                                 const QString &dockerAddress, QObject *parent)
{
    auto config = Docker::HostConfig::fromAddress(hostName, dockerAddress);
    if (!config)
        return Scs::makeError(config.error().withContext(QStringLiteral("host %1").arg(hostName)));
    auto *client = new Docker::EngineClient(*config);
    return new DockerEngine(client, parent);
}

DockerEngine::DockerEngine(Docker::EngineClient *client, QObject *parent)
    : Engine(parent)
    , m_client(client)
{
    m_client->setParent(this);
}

DockerEngine::~DockerEngine()
{
    stopEvents();
}

QString DockerEngine::hostName() const
{
    return m_client->hostName();
}

QFuture<Scs::Result<Docker::VersionInfo>> DockerEngine::version()
{
    return m_client->version();
}

QFuture<Scs::Result<void>> DockerEngine::ping()
{
    return m_client->ping();
}

QFuture<Scs::Result<QString>> DockerEngine::createContainer(const Docker::ContainerSpec &spec)
{
    return m_client->createContainer(spec);
}

QFuture<Scs::Result<void>> DockerEngine::startContainer(const QString &id)
{
    return m_client->startContainer(id);
}

QFuture<Scs::Result<void>> DockerEngine::stopContainer(const QString &id, int timeoutSeconds)
{
    return m_client->stopContainer(id, timeoutSeconds);
}

QFuture<Scs::Result<void>> DockerEngine::removeContainer(const QString &id, bool force)
{
    return m_client->removeContainer(id, force);
}

QFuture<Scs::Result<Docker::ContainerInfo>> DockerEngine::inspectContainer(const QString &id)
{
    return m_client->inspectContainer(id);
}

QFuture<Scs::Result<QList<Docker::ContainerSummary>>>
DockerEngine::listContainers(const Docker::ContainerFilter &filter)
{
    return m_client->listContainers(filter);
}

QFuture<Scs::Result<Docker::ExecResult>> DockerEngine::exec(const QString &id,
                                                            const Docker::ExecSpec &spec)
{
    return m_client->exec(id, spec);
}

QFuture<Scs::Result<QList<Docker::LogFrame>>> DockerEngine::logs(const QString &id,
                                                                 const Docker::LogOptions &options)
{
    return m_client->logs(id, options);
}

QFuture<Scs::Result<void>> DockerEngine::getArchive(const QString &id, const QString &path,
                                                    const QString &tarFile)
{
    return m_client->getArchive(id, path, tarFile);
}

QFuture<Scs::Result<void>> DockerEngine::putArchive(const QString &id, const QString &path,
                                                    const QString &tarFile)
{
    return m_client->putArchive(id, path, tarFile);
}

QFuture<Scs::Result<bool>> DockerEngine::hasImage(const QString &reference)
{
    return m_client->inspectImage(reference).then(
        this, [](const Scs::Result<Docker::ImageInfo> &result) -> Scs::Result<bool> {
            if (result)
                return true;
            if (result.error().kind == Scs::Error::Kind::NotFound || result.error().status == 404)
                return false;
            return Scs::makeError(result.error());
        });
}

QFuture<Scs::Result<void>> DockerEngine::saveImages(const QStringList &names,
                                                    const QString &tarFile)
{
    return m_client->saveImages(names, tarFile);
}

QFuture<Scs::Result<void>> DockerEngine::loadImages(const QString &tarFile)
{
    return m_client->loadImages(tarFile).then(
        this, [](const Scs::Result<QStringList> &result) -> Scs::Result<void> {
            if (!result)
                return Scs::makeError(result.error());
            return {};
        });
}

QFuture<Scs::Result<Docker::VolumeInfo>> DockerEngine::createVolume(const Docker::VolumeSpec &spec)
{
    return m_client->createVolume(spec);
}

QFuture<Scs::Result<Docker::VolumeInfo>> DockerEngine::inspectVolume(const QString &name)
{
    return m_client->inspectVolume(name);
}

QFuture<Scs::Result<void>> DockerEngine::removeVolume(const QString &name)
{
    return m_client->removeVolume(name);
}

QFuture<Scs::Result<Docker::NetworkInfo>> DockerEngine::inspectNetwork(const QString &name)
{
    return m_client->inspectNetwork(name);
}

void DockerEngine::startEvents()
{
    if (m_events)
        return;
    Docker::EventStream *stream = m_client->streamEvents(0, {}, this);
    m_events = stream;
    connect(stream, &Docker::EventStream::eventsReceived, this, &Engine::eventsReceived);
    auto ended = [this, stream](const Scs::Error &error) {
        if (m_events == stream)
            m_events = nullptr;
        stream->deleteLater();
        if (error.kind != Scs::Error::Kind::Cancelled)
            emit eventsFailed(error);
    };
    connect(stream, &Docker::EngineStream::failed, this, ended);
    connect(stream, &Docker::EngineStream::completed, this, [this, ended]() {
        ended(Scs::Error{Scs::Error::Kind::Network,
                         QStringLiteral("host %1: the event stream ended").arg(hostName()), 0});
    });
}

void DockerEngine::stopEvents()
{
    if (!m_events)
        return;
    auto *stream = static_cast<Docker::EventStream *>(m_events);
    m_events = nullptr;
    stream->disconnect(this);
    stream->cancel();
    stream->deleteLater();
}

} // namespace Runtime
