// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

namespace Runtime {

/** Reachability of a Docker host, as the container manager last saw it. */
enum class HostHealth { Unknown, Up, Down };

/** Lifecycle of a container as the workflow and Docker events report it. */
enum class ContainerState {
    Planned,
    Loading,
    Starting,
    Running,
    Stopping,
    Stopped,
    Exited,
    Failed
};

/** Docker's health check result; None when the image has no health check. */
enum class ContainerHealth { None, Starting, Healthy, Unhealthy };

/** State of one service link (a requirement and what it is bound to). */
enum class LinkState { Unresolved, Bound, LiveUpdateRunning, LiveUpdateFailed };

struct HostInfo
{
    QString name;                      ///< as in the hosts file, e.g. "db-1"
    QString address;                   ///< where its published ports are reachable
    QString dockerEndpoint;            ///< unix://, tcp://, ssh://
    QMap<QString, QString> attributes; ///< zone, data center, ...
    HostHealth health = HostHealth::Unknown;
    QString error; ///< why it is down, when it is
    QString engineVersion;

    friend bool operator==(const HostInfo &, const HostInfo &) = default;
};

struct PublishedEndpoint
{
    QString name; ///< the provide's name, e.g. "mysql"
    QString host; ///< host address
    int port = 0;

    friend bool operator==(const PublishedEndpoint &, const PublishedEndpoint &) = default;
};

struct ContainerInfo
{
    QString id; ///< stable scs id: "<role>@<host>"
    QString role;
    QString host;     ///< host name
    QString dockerId; ///< empty until created
    QString image;    ///< image tag
    ContainerState state = ContainerState::Planned;
    ContainerHealth health = ContainerHealth::None;
    QList<PublishedEndpoint> endpoints;
    QString phase;     ///< current workflow or relocation phase, human readable; empty when idle
    int progress = -1; ///< 0-100 while a long operation runs, -1 otherwise
    QString error;     ///< last failure, if any

    friend bool operator==(const ContainerInfo &, const ContainerInfo &) = default;
};

struct VolumeInfo
{
    QString id; ///< "<container id>/<volume name>"
    QString containerId;
    QString name;      ///< e.g. "data"
    QString method;    ///< local, metavol, docker, nfs, ...
    QString source;    ///< host path, Docker volume name or NFS export
    QString mountPath; ///< path inside the container

    friend bool operator==(const VolumeInfo &, const VolumeInfo &) = default;
};

struct LiveUpdateRun
{
    QDateTime finishedAt;
    int exitCode = 0;
    QString output;

    friend bool operator==(const LiveUpdateRun &, const LiveUpdateRun &) = default;
};

struct LinkInfo
{
    QString id;                  ///< "<container id>/<require name>"
    QString containerId;         ///< the dependent
    QString requireName;         ///< e.g. "mysql"
    QString providerContainerId; ///< empty when unresolved or provided outside the stack
    PublishedEndpoint boundTo;   ///< the endpoint in use
    LinkState state = LinkState::Unresolved;
    QList<LiveUpdateRun> liveUpdates; ///< most recent last, bounded

    friend bool operator==(const LinkInfo &, const LinkInfo &) = default;
};

/** One coalesced batch of changes: ids per kind. */
struct TopologyChange
{
    QStringList hostsAdded, hostsUpdated, hostsRemoved;
    QStringList containersAdded, containersUpdated, containersRemoved;
    QStringList volumesAdded, volumesUpdated, volumesRemoved;
    QStringList linksAdded, linksUpdated, linksRemoved;

    [[nodiscard]] bool isEmpty() const;
};

/**
 * The live picture of a running stack: hosts, containers, volumes and service links.
 *
 * The container manager writes it (from the workflow, Docker events and disco
 * notifications); the dashboard draws exactly this. Writes are cheap and may come in
 * bursts; observers get one \c changed() per event-loop turn listing what was added,
 * updated and removed since the last one (an id appears in at most one list per kind).
 * Writes that change nothing emit nothing. Lives on the thread that owns it.
 */
class Topology final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Topology)

public:
    explicit Topology(QObject *parent = nullptr);
    ~Topology() override;

    void setHost(const HostInfo &host);
    /** Removes the host and everything on it (containers, their volumes and links). */
    void removeHost(const QString &name);
    void setContainer(const ContainerInfo &container);
    /** Removes the container with its volumes and the links it depends through. */
    void removeContainer(const QString &id);
    void setVolume(const VolumeInfo &volume);
    void removeVolume(const QString &id);
    void setLink(const LinkInfo &link);
    void removeLink(const QString &id);
    /** Removes everything. */
    void clear();

    [[nodiscard]] QList<HostInfo> hosts() const;
    [[nodiscard]] QList<ContainerInfo> containers() const;
    [[nodiscard]] QList<VolumeInfo> volumes() const;
    [[nodiscard]] QList<LinkInfo> links() const;
    [[nodiscard]] const HostInfo *host(const QString &name) const;
    [[nodiscard]] const ContainerInfo *container(const QString &id) const;
    [[nodiscard]] const VolumeInfo *volume(const QString &id) const;
    [[nodiscard]] const LinkInfo *link(const QString &id) const;
    [[nodiscard]] QList<ContainerInfo> containersOn(const QString &hostName) const;
    [[nodiscard]] QList<VolumeInfo> volumesOf(const QString &containerId) const;
    [[nodiscard]] QList<LinkInfo> linksOf(const QString &containerId) const;

    /** Emits the pending change now instead of at the next event-loop turn. */
    void flush();

signals:
    void changed(const Runtime::TopologyChange &change);

private:
    enum class Kind { Host, Container, Volume, Link };
    void noteAdded(Kind kind, const QString &id);
    void noteUpdated(Kind kind, const QString &id);
    void noteRemoved(Kind kind, const QString &id);
    void scheduleFlush();

    QMap<QString, HostInfo> m_hosts;
    QMap<QString, ContainerInfo> m_containers;
    QMap<QString, VolumeInfo> m_volumes;
    QMap<QString, LinkInfo> m_links;
    TopologyChange m_pending;
    bool m_flushScheduled = false;
};

[[nodiscard]] QString toString(HostHealth health);
[[nodiscard]] QString toString(ContainerState state);
[[nodiscard]] QString toString(ContainerHealth health);
[[nodiscard]] QString toString(LinkState state);

} // namespace Runtime

Q_DECLARE_METATYPE(Runtime::TopologyChange)
