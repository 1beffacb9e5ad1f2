// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "docker/endpoint.h"
#include "docker/types.h"
#include "manifest/compiled.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace Docker {
class EngineClient;
}

namespace Runtime {

/**
 * The Docker operations the container manager needs on one host: the seam between
 * the runtime and Docker::EngineClient, so the workflow can be tested with a fake
 * (tests/mock/fakeengine.h). Calls return at once; results come as futures,
 * events as signals. Lives on the thread that uses it.
 */
class Engine : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Engine)

public:
    using QObject::QObject;
    ~Engine() override = default;

    [[nodiscard]] virtual QString hostName() const = 0;
    /** The engine's version; fails when the engine does not answer. */
    [[nodiscard]] virtual QFuture<Scs::Result<Docker::VersionInfo>> version() = 0;
    [[nodiscard]] virtual QFuture<Scs::Result<void>> ping() = 0;

    [[nodiscard]] virtual QFuture<Scs::Result<QString>>
    createContainer(const Docker::ContainerSpec &spec) = 0;
    [[nodiscard]] virtual QFuture<Scs::Result<void>> startContainer(const QString &id) = 0;
    [[nodiscard]] virtual QFuture<Scs::Result<void>> stopContainer(const QString &id,
                                                                   int timeoutSeconds)
        = 0;
    [[nodiscard]] virtual QFuture<Scs::Result<void>> removeContainer(const QString &id, bool force)
        = 0;
    [[nodiscard]] virtual QFuture<Scs::Result<Docker::ContainerInfo>>
    inspectContainer(const QString &id) = 0;
    [[nodiscard]] virtual QFuture<Scs::Result<QList<Docker::ContainerSummary>>>
    listContainers(const Docker::ContainerFilter &filter) = 0;
    [[nodiscard]] virtual QFuture<Scs::Result<Docker::ExecResult>>
    exec(const QString &id, const Docker::ExecSpec &spec) = 0;
    [[nodiscard]] virtual QFuture<Scs::Result<QList<Docker::LogFrame>>>
    logs(const QString &id, const Docker::LogOptions &options) = 0;
    [[nodiscard]] virtual QFuture<Scs::Result<void>>
    getArchive(const QString &id, const QString &path, const QString &tarFile) = 0;
    [[nodiscard]] virtual QFuture<Scs::Result<void>>
    putArchive(const QString &id, const QString &path, const QString &tarFile) = 0;

    /** True when the engine has the image \p reference. */
    [[nodiscard]] virtual QFuture<Scs::Result<bool>> hasImage(const QString &reference) = 0;
    [[nodiscard]] virtual QFuture<Scs::Result<void>> saveImages(const QStringList &names,
                                                                const QString &tarFile)
        = 0;
    [[nodiscard]] virtual QFuture<Scs::Result<void>> loadImages(const QString &tarFile) = 0;

    [[nodiscard]] virtual QFuture<Scs::Result<Docker::VolumeInfo>>
    createVolume(const Docker::VolumeSpec &spec) = 0;
    [[nodiscard]] virtual QFuture<Scs::Result<Docker::VolumeInfo>>
    inspectVolume(const QString &name) = 0;
    [[nodiscard]] virtual QFuture<Scs::Result<void>> removeVolume(const QString &name) = 0;
    [[nodiscard]] virtual QFuture<Scs::Result<Docker::NetworkInfo>>
    inspectNetwork(const QString &name) = 0;

    /** Starts following the engine's events (container events); see eventsReceived(). */
    virtual void startEvents() = 0;
    virtual void stopEvents() = 0;

    /** The real client, when this engine wraps one (image builds use it directly). */
    [[nodiscard]] virtual Docker::EngineClient *client() const { return nullptr; }

signals:
    void eventsReceived(const QList<Docker::Event> &events);
    /** The event stream ended or could not start (the engine went away). */
    void eventsFailed(const Scs::Error &error);
};

/** The real Engine: forwards to a Docker::EngineClient it owns. */
class DockerEngine final : public Engine
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DockerEngine)

public:
    /**
     * The client configuration of \p host: its Docker address plus, for a tcp:// engine,
     * the TLS files (CA, certificate, key) of the hosts file. Fails naming the host when the
     * address does not parse, or a TLS file is missing or unreadable, or TLS is set for a
     * unix:// or ssh:// engine.
     */
    [[nodiscard]] static Scs::Result<Docker::HostConfig>
    hostConfig(const Manifest::CompiledHost &host);
    /** The engine of \p host (see hostConfig()). */
    [[nodiscard]] static Scs::Result<DockerEngine *> create(const Manifest::CompiledHost &host,
                                                            QObject *parent = nullptr);
    /** Fails when \p dockerAddress does not parse. */
    [[nodiscard]] static Scs::Result<DockerEngine *>
    create(const QString &hostName, const QString &dockerAddress, QObject *parent = nullptr);
    ~DockerEngine() override;

    [[nodiscard]] QString hostName() const override;
    QFuture<Scs::Result<Docker::VersionInfo>> version() override;
    QFuture<Scs::Result<void>> ping() override;
    QFuture<Scs::Result<QString>> createContainer(const Docker::ContainerSpec &spec) override;
    QFuture<Scs::Result<void>> startContainer(const QString &id) override;
    QFuture<Scs::Result<void>> stopContainer(const QString &id, int timeoutSeconds) override;
    QFuture<Scs::Result<void>> removeContainer(const QString &id, bool force) override;
    QFuture<Scs::Result<Docker::ContainerInfo>> inspectContainer(const QString &id) override;
    QFuture<Scs::Result<QList<Docker::ContainerSummary>>>
    listContainers(const Docker::ContainerFilter &filter) override;
    QFuture<Scs::Result<Docker::ExecResult>> exec(const QString &id,
                                                  const Docker::ExecSpec &spec) override;
    QFuture<Scs::Result<QList<Docker::LogFrame>>> logs(const QString &id,
                                                       const Docker::LogOptions &options) override;
    QFuture<Scs::Result<void>> getArchive(const QString &id, const QString &path,
                                          const QString &tarFile) override;
    QFuture<Scs::Result<void>> putArchive(const QString &id, const QString &path,
                                          const QString &tarFile) override;
    QFuture<Scs::Result<bool>> hasImage(const QString &reference) override;
    QFuture<Scs::Result<void>> saveImages(const QStringList &names,
                                          const QString &tarFile) override;
    QFuture<Scs::Result<void>> loadImages(const QString &tarFile) override;
    QFuture<Scs::Result<Docker::VolumeInfo>> createVolume(const Docker::VolumeSpec &spec) override;
    QFuture<Scs::Result<Docker::VolumeInfo>> inspectVolume(const QString &name) override;
    QFuture<Scs::Result<void>> removeVolume(const QString &name) override;
    QFuture<Scs::Result<Docker::NetworkInfo>> inspectNetwork(const QString &name) override;
    void startEvents() override;
    void stopEvents() override;
    [[nodiscard]] Docker::EngineClient *client() const override { return m_client; }

private:
    DockerEngine(Docker::EngineClient *client, QObject *parent);

    Docker::EngineClient *m_client;
    QObject *m_events = nullptr; // the running Docker::EventStream
};

} // namespace Runtime
