// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "manifest/origin.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Manifest {

/** Who a container is: disco keys and container names are built from these three. */
struct ContainerName
{
    QString environment;
    QString service;
    QString role;

    /** "environment/service/role", the prefix of this container's disco keys. */
    [[nodiscard]] QString path() const;
    /** "scs-environment-service-role": a Docker-safe container name. */
    [[nodiscard]] QString dockerName() const;

    friend bool operator==(const ContainerName &, const ContainerName &) = default;
};

/** The Docker healthcheck of an image (image manifest `health`). Times in seconds. */
struct Health
{
    QStringList command; // CMD form, exit 0 = healthy
    double interval = 2;
    double timeout = 5;
    int retries = 30;
    double startPeriod = 0;

    friend bool operator==(const Health &, const Health &) = default;
};

/** The image a container runs, fixed by its content hash. */
struct CompiledImage
{
    QString name;            // the image source folder's name, e.g. "wordpress"
    QString tag;             // "scs/<name>:<first 12 hex of hash>"
    QString hash;            // SHA-256 (64 lower-case hex) of source tree + manifest + config
    QString sourceDir;       // absolute path of the image source folder (the build context)
    QString manifestPath;    // absolute path of its scs.yaml
    QString base;            // engine.docker.from, e.g. "scs/base:bookworm"
    QString title;           // about.title
    QString description;     // about.description
    QStringList runCommand;  // run.command (CMD form)
    double stopTimeout = 10; // run.stop_timeout, seconds before SIGKILL
    std::optional<Health> health;
    QString configMethod; // "script" | "puppet" | "" (no config step)
    QString configScript; // config.script, relative to sourceDir (under scs/)
    QJsonObject config;   // image.config: the compile-time values
    // A git source (image.source.type git): where sourceDir was exported from. Empty for a
    // path source.
    QString gitUrl;
    QString gitRef;
    QString gitCommit;

    /** The flattened SCS_CONFIG_<SECTION>_<KEY> build variables of `config`. */
    [[nodiscard]] QMap<QString, QString> configEnvironment() const;

    friend bool operator==(const CompiledImage &, const CompiledImage &) = default;
};

/** One endpoint this container offers (`provide`). */
struct CompiledProvide
{
    QString name;                             // key of the provide, e.g. "http"
    QString method = QStringLiteral("disco"); // "disco" | "static"
    QString description;
    int containerPort = 0;
    QString protocol = QStringLiteral("tcp"); // "tcp" | "udp"
    std::optional<int> publishPort;           // host port; nullopt = dynamic
    QString staticIp;                         // static: the advertised address
    std::optional<int> staticPort;            // static: the advertised port
    QString discoKey;                         // "environment/service/role/name"

    friend bool operator==(const CompiledProvide &, const CompiledProvide &) = default;
};

/** A fixed endpoint of a `static` require. */
struct StaticEndpoint
{
    QString ip;
    int port = 0;
    QMap<QString, QString> attributes;

    friend bool operator==(const StaticEndpoint &, const StaticEndpoint &) = default;
};

/** One endpoint this container needs (`require`). */
struct CompiledRequire
{
    QString name;                             // key of the require, e.g. "mysql"
    QString method = QStringLiteral("disco"); // "disco" | "static"
    QString description;
    QString lookupRole;                // options name.role (default: the require's name)
    QString discoKey;                  // "environment/service/lookupRole/name"
    QMap<QString, QString> attributes; // attribute name -> regular expression
    QString liveupdateCommand;         // image's require.X.liveupdate.command ("" = none)
    QList<StaticEndpoint> endpoints;   // static: the endpoints to use

    friend bool operator==(const CompiledRequire &, const CompiledRequire &) = default;
};

/** One volume mounted into this container. */
struct CompiledVolume
{
    QString name;                             // key of the volume, e.g. "uploads"
    QString method = QStringLiteral("local"); // local | metavol | docker | nfs | aws-ec2-ebs
    QString description;
    QString containerPath; // where it is mounted inside the container
    QString hostPath;      // local: absolute host path; docker: the Docker volume name
    QJsonObject options;   // the method's options as written (paths made absolute)

    friend bool operator==(const CompiledVolume &, const CompiledVolume &) = default;
};

/** A sensitive environment variable. Exports never write `value`. */
struct Secret
{
    QString value;
    QString description;

    friend bool operator==(const Secret &, const Secret &) = default;
};

/** Docker restart policy. */
struct RestartPolicy
{
    QString policy = QStringLiteral("unless-stopped"); // no | on-failure | always | unless-stopped
    int maxRetries = 0;                                // on-failure only

    friend bool operator==(const RestartPolicy &, const RestartPolicy &) = default;
};

/** TLS client files for a tcp:// Docker endpoint (absolute paths). */
struct TlsFiles
{
    QString ca;
    QString cert;
    QString key;

    [[nodiscard]] bool isEmpty() const { return ca.isEmpty() && cert.isEmpty() && key.isEmpty(); }
    friend bool operator==(const TlsFiles &, const TlsFiles &) = default;
};

/** A Docker host from the hosts file. */
struct CompiledHost
{
    QString name;
    QString docker; // unix:///path | tcp://host:port | ssh://user@host[:port]
    TlsFiles tls;
    QString address; // where published ports are reachable (default: from `docker`)
    QMap<QString, QString> attributes; // e.g. zone

    friend bool operator==(const CompiledHost &, const CompiledHost &) = default;
};

/**
 * One container, fully resolved: the static document the runtime, the dashboard
 * and the exporters consume. Every default is filled in and every path is absolute.
 */
struct CompiledContainer
{
    QString role;
    ContainerName name;
    CompiledImage image;
    QList<CompiledProvide> provides;                   // sorted by name
    QList<CompiledRequire> requirements;               // `requires`, sorted by name
    QList<CompiledVolume> volumes;                     // sorted by name
    QString networkMethod = QStringLiteral("default"); // default | host | aws-ec2-eni
    QJsonObject networkOptions;
    QMap<QString, QString> environment;
    QMap<QString, Secret> secrets;
    RestartPolicy restart;
    CompiledHost host;
    QString discoAddress;    // host:port of the environment's disco server
    QStringList configFiles; // the role's layers, absolute, in merge order

    /** Where each value came from: compiled JSON path ("provides/http/publishPort") -> origin. */
    QMap<QString, Origin> origins;

    [[nodiscard]] const CompiledProvide *provide(const QString &name) const;
    [[nodiscard]] const CompiledRequire *require(const QString &name) const;
    [[nodiscard]] const CompiledVolume *volume(const QString &name) const;

    /**
     * The JSON document. Keys are sorted (QJsonDocument does), so the same
     * container always gives the same bytes. With \p withSecrets false, secret
     * values are left out (descriptions stay).
     */
    [[nodiscard]] QJsonObject toJson(bool withSecrets = true) const;
    [[nodiscard]] QByteArray toJsonBytes(bool withSecrets = true) const;
    [[nodiscard]] static Scs::Result<CompiledContainer> fromJson(const QJsonObject &object);
    [[nodiscard]] static Scs::Result<CompiledContainer> fromJsonBytes(const QByteArray &bytes,
                                                                      const QString &fileName = {});

    /**
     * The compiled document as `path = value  origin` lines, one per leaf:
     * which file, line and layer each value came from, or "default".
     */
    [[nodiscard]] QString explain() const;
};

/** A whole stack compiled against one hosts file. */
struct CompiledStack
{
    QString service;
    QString environment;
    QString stackFile; // absolute
    QString hostsFile; // absolute; empty when compiled for the implicit local host
    QString discoAddress;
    QList<CompiledHost> hosts;           // sorted by name
    QList<CompiledContainer> containers; // sorted by role

    [[nodiscard]] const CompiledContainer *container(const QString &role) const;
    [[nodiscard]] const CompiledHost *host(const QString &name) const;

    /** The index document: service, environment, disco, hosts, and each role's file name. */
    [[nodiscard]] QJsonObject toJson() const;
    /** The index plus every container embedded (`containers` as objects). */
    [[nodiscard]] QJsonObject toFullJson(bool withSecrets = true) const;
    [[nodiscard]] static Scs::Result<CompiledStack> fromFullJson(const QJsonObject &object);

    /**
     * Writes `stack.json` (index) and `<role>.json` per container into \p dir,
     * creating it. Byte-identical for the same stack.
     */
    [[nodiscard]] Scs::Result<void> writeTo(const QString &dir) const;
    /** Reads what writeTo() wrote (e.g. a bundle on a production host). */
    [[nodiscard]] static Scs::Result<CompiledStack> readFrom(const QString &dir);
};

} // namespace Manifest
