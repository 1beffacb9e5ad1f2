// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

// Plain value types of the Engine API client. They cross threads by value.

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Docker {

/** What GET /version says, plus the API version this client speaks to the engine. */
struct VersionInfo
{
    QString version;       ///< engine version, "20.10.24+dfsg1"
    QString apiVersion;    ///< newest API the engine speaks, "1.41"
    QString minApiVersion; ///< oldest API the engine speaks
    QString os;
    QString arch;
    QString kernelVersion;
    QString negotiatedApiVersion; ///< min(apiVersion, 1.41): what this client uses
};

/** A container port and where it is published on the host. */
struct PortBinding
{
    int containerPort = 0;
    QString protocol = QStringLiteral("tcp");
    QString hostIp;   ///< empty = all addresses; "127.0.0.1" = loopback only
    int hostPort = 0; ///< 0 = the engine picks a free port (read it back from inspect)

    friend bool operator==(const PortBinding &, const PortBinding &) = default;
};

/** A mount of a container: a bind of a host path, a named volume, or a tmpfs. */
struct Mount
{
    enum class Type { Bind, Volume, Tmpfs };
    Type type = Type::Volume;
    QString source; ///< host path (Bind) or volume name (Volume); unused for Tmpfs
    QString target; ///< path in the container
    bool readOnly = false;
    /**
     * Bind only: the engine creates a missing source folder on its own host (sent as
     * HostConfig.Binds, whose legacy form does that, unless a path holds ':' or ',').
     */
    bool createSource = false;
};

/** The container's HEALTHCHECK. Times are in seconds. */
struct HealthCheck
{
    QStringList command; ///< exec form, run as "CMD" (exit 0 = healthy)
    double intervalSeconds = 30;
    double timeoutSeconds = 30;
    int retries = 3;
    double startPeriodSeconds = 0;
};

struct RestartPolicy
{
    QString name = QStringLiteral("no"); ///< no | on-failure | always | unless-stopped
    int maximumRetryCount = 0;
};

/** Everything POST /containers/create needs. */
struct ContainerSpec
{
    QString name; ///< empty = the engine names it
    QString image;
    QStringList command;    ///< empty = the image's CMD
    QStringList entrypoint; ///< empty = the image's ENTRYPOINT
    QMap<QString, QString> environment;
    QMap<QString, QString> labels;
    QList<PortBinding> ports;
    QList<Mount> mounts;
    QString networkMode;        ///< empty = the engine's default bridge
    QStringList networkAliases; ///< on networkMode, if it is a user network
    std::optional<HealthCheck> health;
    RestartPolicy restart;
    bool init = false; ///< run docker-init as PID 1 (reaps, forwards signals)
    QString user;
    QString workingDir;
    QString hostname;
    int stopTimeoutSeconds = -1; ///< -1 = the engine's default (10 s)
    QStringList extraHosts;      ///< "name:address"
};

/** A row of GET /containers/json. */
struct ContainerSummary
{
    QString id;
    QStringList names; ///< without the leading '/'
    QString image;
    QString imageId;
    QString state;  ///< created | running | paused | restarting | removing | exited | dead
    QString status; ///< human text, "Up 3 seconds"
    QMap<QString, QString> labels;
    QList<PortBinding> ports;
    qint64 created = 0; ///< seconds since the epoch
};

/** The state part of a container inspect. */
struct ContainerState
{
    QString status; ///< created | running | paused | restarting | removing | exited | dead
    bool running = false;
    bool restarting = false;
    bool oomKilled = false;
    int exitCode = 0;
    qint64 pid = 0;
    QString error;
    QString startedAt;
    QString finishedAt;
    QString health; ///< empty (no healthcheck) | starting | healthy | unhealthy
    int failingStreak = 0;
    QString lastHealthOutput;
};

/** GET /containers/{id}/json, the fields scs reads, plus the whole document. */
struct ContainerInfo
{
    QString id;
    QString name;  ///< without the leading '/'
    QString image; ///< as given at create
    QString imageId;
    QString created;
    ContainerState state;
    QMap<QString, QString> labels;
    QMap<QString, QString> environment;
    QList<PortBinding> ports;        ///< published ports as bound (dynamic ports resolved)
    QMap<QString, QString> networks; ///< network name → IP address
    QList<Mount> mounts;
    int restartCount = 0;
    QJsonObject raw;

    /** The host port that \p containerPort/\p protocol is published on, or 0. */
    [[nodiscard]] int publishedPort(int containerPort,
                                    const QString &protocol = QStringLiteral("tcp")) const;
};

struct ImageSummary
{
    QString id;
    QStringList repoTags;
    QMap<QString, QString> labels;
    qint64 size = 0;
    qint64 created = 0;
};

struct ImageInfo
{
    QString id;
    QStringList repoTags;
    QMap<QString, QString> labels;
    qint64 size = 0;
    QString created;
    QStringList command; ///< Config.Cmd
    QStringList entrypoint;
    QStringList environment; ///< Config.Env, "K=V"
    QJsonObject raw;
};

/** A container filter for GET /containers/json. */
struct ContainerFilter
{
    bool all = true;               ///< also stopped containers
    QMap<QString, QString> labels; ///< every label must match; an empty value matches any value
    QStringList names;
};

struct ImageFilter
{
    QMap<QString, QString> labels;
    QString reference; ///< "scs/*" style
};

/** POST /images/create?fromSrc=- : a rootfs tar becomes an image. */
struct ImportSpec
{
    QString tarFile;    ///< a tar (may be gzip/xz compressed) of the root file system
    QString repository; ///< "scs/base"
    QString tag;        ///< "bookworm"
    QStringList
        changes; ///< Dockerfile instructions, e.g. "CMD [\"/bin/bash\"]", "ENV LANG=C.UTF-8"
    QString message;
};

/** POST /build. */
struct BuildSpec
{
    QString contextTarFile; ///< the build context as a tar, with the Dockerfile inside
    QString dockerfile = QStringLiteral("Dockerfile");
    QStringList tags;
    QMap<QString, QString> labels;
    QMap<QString, QString> buildArgs;
    bool noCache = false;
    bool pull = false;
    bool removeIntermediate = true;
};

/** One parsed line of a build's JSON progress stream. */
struct BuildProgress
{
    int step = 0;       ///< "Step 3/7 : RUN ..." → 3 (0 when the line is not a step header)
    int totalSteps = 0; ///< → 7
    QString text;       ///< the line of output ("stream"), or the status text
    QString error;      ///< set when the engine reports the build failed
    QString imageId;    ///< set by the final "aux" line
};

/** POST /exec + start + inspect, in one call. */
struct ExecSpec
{
    QStringList command;
    QMap<QString, QString> environment;
    QString user;
    QString workingDir;
};

struct ExecResult
{
    int exitCode = -1;
    QByteArray standardOutput;
    QByteArray standardError;
};

struct LogOptions
{
    bool standardOutput = true;
    bool standardError = true;
    bool timestamps = false;
    int tail = -1;    ///< -1 = all lines
    qint64 since = 0; ///< seconds since the epoch, 0 = from the start
};

/** A piece of a demultiplexed log or exec stream. */
struct LogFrame
{
    enum class Stream { StdIn = 0, StdOut = 1, StdErr = 2 };
    Stream stream = Stream::StdOut;
    QByteArray data;
};

/** One sample of GET /containers/{id}/stats, reduced to what a dashboard shows. */
struct StatsSample
{
    QString read;          ///< the engine's timestamp
    double cpuPercent = 0; ///< of one CPU = 100
    qint64 memoryUsage = 0;
    qint64 memoryLimit = 0;
    qint64 networkRxBytes = 0;
    qint64 networkTxBytes = 0;
    qint64 blockReadBytes = 0;
    qint64 blockWriteBytes = 0;
    qint64 pids = 0;
    QJsonObject raw;
};

struct VolumeSpec
{
    QString name;
    QString driver = QStringLiteral("local");
    QMap<QString, QString>
        driverOptions; ///< e.g. {type: nfs, o: addr=10.0.0.1,rw, device: :/export}
    QMap<QString, QString> labels;
};

struct VolumeInfo
{
    QString name;
    QString driver;
    QString mountpoint;
    QString scope;
    QString createdAt;
    QMap<QString, QString> labels;
    QMap<QString, QString> options;
};

struct NetworkSpec
{
    QString name;
    QString driver = QStringLiteral("bridge");
    QMap<QString, QString> labels;
    QMap<QString, QString> options;
    QString subnet; ///< empty = the engine picks one
    QString gateway;
    bool internal = false;
    bool attachable = false;
};

struct NetworkInfo
{
    QString id;
    QString name;
    QString driver;
    QString scope;
    QString subnet;
    QString gateway;
    bool internal = false;
    QMap<QString, QString> labels;
    QMap<QString, QString> containers; ///< container id → IPv4 address (with prefix)
};

/** One object of the /events stream. */
struct Event
{
    QString type;   ///< container | image | volume | network | ...
    QString action; ///< create | start | die | health_status: healthy | destroy | ...
    QString actorId;
    QMap<QString, QString> attributes; ///< labels, name, image, exitCode, ...
    qint64 timeNano = 0;
};

} // namespace Docker

Q_DECLARE_METATYPE(Docker::VersionInfo)
Q_DECLARE_METATYPE(Docker::ContainerSummary)
Q_DECLARE_METATYPE(Docker::ContainerInfo)
Q_DECLARE_METATYPE(Docker::ImageSummary)
Q_DECLARE_METATYPE(Docker::ImageInfo)
Q_DECLARE_METATYPE(Docker::BuildProgress)
Q_DECLARE_METATYPE(Docker::ExecResult)
Q_DECLARE_METATYPE(Docker::LogFrame)
Q_DECLARE_METATYPE(Docker::StatsSample)
Q_DECLARE_METATYPE(Docker::VolumeInfo)
Q_DECLARE_METATYPE(Docker::NetworkInfo)
Q_DECLARE_METATYPE(Docker::Event)
