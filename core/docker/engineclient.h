// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "endpoint.h"
#include "gracefuldeleter.h"
#include "types.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace Docker {

namespace Internal {
class EngineWorker;
struct Request;
struct Response;
} // namespace Internal

class EngineStream;
class LogStream;
class StatsStream;
class EventStream;
class BuildJob;

/**
 * Asynchronous client of one Docker Engine (one "host"), over its Engine API.
 *
 * Every call returns at once; the HTTP work runs on the client's own I/O thread
 * (libcurl, one multi handle, many transfers at a time), so the caller's thread never
 * blocks. One-shot calls return a QFuture<Scs::Result<T>> that finishes with the value
 * or an Error whose message names the host, the operation, the HTTP status and the
 * engine's message ("host local: POST /containers/create: 409 Conflict: ...").
 * QFuture::cancel() aborts a call. Every call has a timeout (HostConfig::timeoutMs)
 * except the streams, which run until they end or are cancelled.
 *
 * Streams (logs follow, stats, events, builds) are EngineStream objects living in the
 * caller's thread that emit value-type signals.
 *
 * The API version is negotiated on first use from GET /version: the engine's version,
 * capped at 1.41 (Debian's dockerd 20.10).
 *
 * Use the client from the thread that created it. Futures may be consumed from any thread.
 */
class EngineClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineClient)

public:
    explicit EngineClient(HostConfig config, QObject *parent = nullptr);
    ~EngineClient() override;

    [[nodiscard]] const HostConfig &config() const { return m_config; }
    [[nodiscard]] QString hostName() const { return m_config.name; }

    // System
    [[nodiscard]] QFuture<Scs::Result<VersionInfo>> version();
    [[nodiscard]] QFuture<Scs::Result<void>> ping();

    // Containers
    /** Returns the new container's id. */
    [[nodiscard]] QFuture<Scs::Result<QString>> createContainer(const ContainerSpec &spec);
    [[nodiscard]] QFuture<Scs::Result<void>> startContainer(const QString &id);
    /** SIGTERM, then SIGKILL after \p timeoutSeconds. Stopping a stopped container succeeds. */
    [[nodiscard]] QFuture<Scs::Result<void>> stopContainer(const QString &id,
                                                           int timeoutSeconds = 10);
    [[nodiscard]] QFuture<Scs::Result<void>>
    killContainer(const QString &id, const QString &signal = QStringLiteral("SIGKILL"));
    [[nodiscard]] QFuture<Scs::Result<void>> removeContainer(const QString &id, bool force = false,
                                                             bool removeVolumes = false);
    [[nodiscard]] QFuture<Scs::Result<ContainerInfo>> inspectContainer(const QString &id);
    [[nodiscard]] QFuture<Scs::Result<QList<ContainerSummary>>>
    listContainers(const ContainerFilter &filter = {});
    /** Waits until the container stops (no timeout unless \p timeoutMs > 0); its exit code. */
    [[nodiscard]] QFuture<Scs::Result<int>> waitContainer(const QString &id, int timeoutMs = 0);
    /** The logs so far, demultiplexed. */
    [[nodiscard]] QFuture<Scs::Result<QList<LogFrame>>> logs(const QString &id,
                                                             const LogOptions &options = {});
    /** Follows the logs: frames arrive until the container stops or the stream is cancelled. */
    [[nodiscard]] LogStream *followLogs(const QString &id, const LogOptions &options = {},
                                        QObject *parent = nullptr);
    /** Runs \p spec in the running container; collects its output and exit code. */
    [[nodiscard]] QFuture<Scs::Result<ExecResult>> exec(const QString &id, const ExecSpec &spec);
    /** One stats sample (takes about a second: the engine measures CPU over an interval). */
    [[nodiscard]] QFuture<Scs::Result<StatsSample>> stats(const QString &id);
    /** A sample about every second until cancelled. */
    [[nodiscard]] StatsStream *streamStats(const QString &id, QObject *parent = nullptr);
    /** GET /containers/{id}/archive: \p path in the container as a tar, into \p tarFile. */
    [[nodiscard]] QFuture<Scs::Result<void>> getArchive(const QString &id, const QString &path,
                                                        const QString &tarFile);
    /** PUT /containers/{id}/archive: extracts \p tarFile into the folder \p path. */
    [[nodiscard]] QFuture<Scs::Result<void>> putArchive(const QString &id, const QString &path,
                                                        const QString &tarFile);
    /**
     * Copies \p path of container \p fromId on \p from into the folder \p toPath of container
     * \p toId on \p to (another host, or the same), streamed: the tar goes from one engine to
     * the other through a bounded buffer, never a file. Both clients must outlive the future.
     * The result is the size of the tar that was relayed, in bytes; while it runs, the
     * future's progress value is the KiB relayed so far.
     */
    [[nodiscard]] static QFuture<Scs::Result<qint64>>
    copyArchive(EngineClient &from, const QString &fromId, const QString &path, EngineClient &to,
                const QString &toId, const QString &toPath);

    // Images
    [[nodiscard]] QFuture<Scs::Result<ImageInfo>> inspectImage(const QString &name);
    [[nodiscard]] QFuture<Scs::Result<QList<ImageSummary>>> listImages(const ImageFilter &filter
                                                                       = {});
    [[nodiscard]] QFuture<Scs::Result<void>>
    tagImage(const QString &source, const QString &repository, const QString &tag);
    [[nodiscard]] QFuture<Scs::Result<void>> removeImage(const QString &name, bool force = false);
    /** Imports a root file system tar as an image; returns its id. */
    [[nodiscard]] QFuture<Scs::Result<QString>> importImage(const ImportSpec &spec);
    /** Builds from a context tar; progress by signals, the image id at the end. */
    [[nodiscard]] BuildJob *build(const BuildSpec &spec, QObject *parent = nullptr);
    /** GET /images/get: \p names (with their tags) as one tar, into \p tarFile. */
    [[nodiscard]] QFuture<Scs::Result<void>> saveImages(const QStringList &names,
                                                        const QString &tarFile);
    /** POST /images/load from \p tarFile; returns the engine's "Loaded image: ..." lines. */
    [[nodiscard]] QFuture<Scs::Result<QStringList>> loadImages(const QString &tarFile);
    /**
     * Carries images from \p from to \p to without a registry: GET /images/get streamed into
     * POST /images/load through a bounded buffer (no temporary file; memory stays at a few
     * MiB whatever the image's size). Both clients must outlive the future.
     */
    [[nodiscard]] static QFuture<Scs::Result<void>>
    transferImages(EngineClient &from, EngineClient &to, const QStringList &names);

    // Volumes
    [[nodiscard]] QFuture<Scs::Result<VolumeInfo>> createVolume(const VolumeSpec &spec);
    [[nodiscard]] QFuture<Scs::Result<VolumeInfo>> inspectVolume(const QString &name);
    [[nodiscard]] QFuture<Scs::Result<QList<VolumeInfo>>>
    listVolumes(const QMap<QString, QString> &labels = {});
    [[nodiscard]] QFuture<Scs::Result<void>> removeVolume(const QString &name, bool force = false);

    // Networks
    /** Returns the new network's id. */
    [[nodiscard]] QFuture<Scs::Result<QString>> createNetwork(const NetworkSpec &spec);
    [[nodiscard]] QFuture<Scs::Result<NetworkInfo>> inspectNetwork(const QString &idOrName);
    [[nodiscard]] QFuture<Scs::Result<QList<NetworkInfo>>>
    listNetworks(const QMap<QString, QString> &labels = {});
    [[nodiscard]] QFuture<Scs::Result<void>> removeNetwork(const QString &idOrName);
    [[nodiscard]] QFuture<Scs::Result<void>> connectNetwork(const QString &network,
                                                            const QString &container,
                                                            const QStringList &aliases = {});
    [[nodiscard]] QFuture<Scs::Result<void>>
    disconnectNetwork(const QString &network, const QString &container, bool force = false);

    // Events
    /**
     * The raw /events stream from \p sinceSeconds (0 = from now), filtered by \p labels
     * (container events of labelled containers only when not empty). See EventMonitor for a
     * stream that reconnects and reconciles.
     */
    [[nodiscard]] EventStream *streamEvents(qint64 sinceSeconds = 0,
                                            const QMap<QString, QString> &labels = {},
                                            QObject *parent = nullptr);

private:
    friend class EngineStream;

    template<typename T>
    QFuture<Scs::Result<T>> call(Internal::Request request,
                                 std::function<Scs::Result<T>(const Internal::Response &)> parse);
    /** Thread-safe: hands \p request to the I/O thread; returns its id. */
    quint64 submit(Internal::Request request);
    void startStream(EngineStream *stream, Internal::Request request);
    /**
     * Streams the 2xx body of \p download (on \p from) as the body of \p upload (on \p to);
     * \p parse reads the upload's response and the bytes relayed; else the error of the side
     * that failed first. The future's progress value is the KiB relayed so far.
     */
    template<typename T>
    static QFuture<Scs::Result<T>>
    relay(EngineClient &from, Internal::Request download, EngineClient &to,
          Internal::Request upload,
          std::function<Scs::Result<T>(const Internal::Response &, qint64)> parse);
    void cancelRequest(quint64 id);
    void deliverChunk(quint64 id, const QByteArray &chunk);
    void deliverEnd(quint64 id, const Scs::Result<void> &result);

    HostConfig m_config;
    std::unique_ptr<QThread, Internal::GracefulDeleter> m_ioThread;
    Internal::EngineWorker *m_worker = nullptr; // lives on m_ioThread, deleted with it
    std::atomic<quint64> m_nextId{1};
    QHash<quint64, QPointer<EngineStream>> m_streams;
};

} // namespace Docker
