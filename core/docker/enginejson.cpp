// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "enginejson.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>

namespace Docker::Internal {

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QStringList stringList(const QJsonValue &v)
{
    QStringList out;
    if (v.isString()) {
        out.append(v.toString());
        return out;
    }
    const QJsonArray a = v.toArray();
    for (const QJsonValue &item : a)
        out.append(item.toString());
    return out;
}

QMap<QString, QString> stringMap(const QJsonValue &v)
{
    QMap<QString, QString> out;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

QJsonObject mapToJson(const QMap<QString, QString> &map)
{
    QJsonObject o;
    for (auto it = map.begin(); it != map.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QJsonArray listToJson(const QStringList &list)
{
    QJsonArray a;
    for (const QString &s : list)
        a.append(s);
    return a;
}

QJsonArray envToJson(const QMap<QString, QString> &env)
{
    QJsonArray a;
    for (auto it = env.begin(); it != env.end(); ++it)
        a.append(QString(it.key() + u'=' + it.value()));
    return a;
}

qint64 nanos(double seconds)
{
    return qint64(seconds * 1e9);
}

// "80/tcp" → {80, "tcp"}
std::pair<int, QString> splitPort(const QString &key)
{
    const qsizetype slash = key.indexOf(u'/');
    if (slash < 0)
        return {key.toInt(), QStringLiteral("tcp")};
    return {key.left(slash).toInt(), key.mid(slash + 1)};
}

Mount::Type mountType(const QString &type)
{
    if (type == u"bind")
        return Mount::Type::Bind;
    if (type == u"tmpfs")
        return Mount::Type::Tmpfs;
    return Mount::Type::Volume;
}

} // namespace

VersionInfo versionFromJson(const QJsonObject &o)
{
    VersionInfo v;
    v.version = str(o, "Version");
    v.apiVersion = str(o, "ApiVersion");
    v.minApiVersion = str(o, "MinAPIVersion");
    v.os = str(o, "Os");
    v.arch = str(o, "Arch");
    v.kernelVersion = str(o, "KernelVersion");
    return v;
}

ContainerSummary containerSummaryFromJson(const QJsonObject &o)
{
    ContainerSummary c;
    c.id = str(o, "Id");
    for (QString name : stringList(o.value(QLatin1String("Names")))) {
        if (name.startsWith(u'/'))
            name.remove(0, 1);
        c.names.append(name);
    }
    c.image = str(o, "Image");
    c.imageId = str(o, "ImageID");
    c.state = str(o, "State");
    c.status = str(o, "Status");
    c.labels = stringMap(o.value(QLatin1String("Labels")));
    c.created = o.value(QLatin1String("Created")).toInteger();
    const QJsonArray ports = o.value(QLatin1String("Ports")).toArray();
    for (const QJsonValue &pv : ports) {
        const QJsonObject p = pv.toObject();
        PortBinding b;
        b.containerPort = p.value(QLatin1String("PrivatePort")).toInt();
        b.protocol = str(p, "Type");
        b.hostIp = str(p, "IP");
        b.hostPort = p.value(QLatin1String("PublicPort")).toInt();
        c.ports.append(b);
    }
    return c;
}

ContainerInfo containerInfoFromJson(const QJsonObject &o)
{
    ContainerInfo c;
    c.raw = o;
    c.id = str(o, "Id");
    c.name = str(o, "Name");
    if (c.name.startsWith(u'/'))
        c.name.remove(0, 1);
    c.imageId = str(o, "Image");
    c.created = str(o, "Created");
    c.restartCount = o.value(QLatin1String("RestartCount")).toInt();
    const QJsonObject config = o.value(QLatin1String("Config")).toObject();
    c.image = str(config, "Image");
    c.labels = stringMap(config.value(QLatin1String("Labels")));
    for (const QString &kv : stringList(config.value(QLatin1String("Env")))) {
        const qsizetype eq = kv.indexOf(u'=');
        c.environment.insert(kv.left(eq), eq < 0 ? QString() : kv.mid(eq + 1));
    }
    const QJsonObject s = o.value(QLatin1String("State")).toObject();
    c.state.status = str(s, "Status");
    c.state.running = s.value(QLatin1String("Running")).toBool();
    c.state.restarting = s.value(QLatin1String("Restarting")).toBool();
    c.state.oomKilled = s.value(QLatin1String("OOMKilled")).toBool();
    c.state.exitCode = s.value(QLatin1String("ExitCode")).toInt();
    c.state.pid = s.value(QLatin1String("Pid")).toInteger();
    c.state.error = str(s, "Error");
    c.state.startedAt = str(s, "StartedAt");
    c.state.finishedAt = str(s, "FinishedAt");
    const QJsonObject health = s.value(QLatin1String("Health")).toObject();
    c.state.health = str(health, "Status");
    c.state.failingStreak = health.value(QLatin1String("FailingStreak")).toInt();
    const QJsonArray healthLog = health.value(QLatin1String("Log")).toArray();
    if (!healthLog.isEmpty())
        c.state.lastHealthOutput = str(healthLog.last().toObject(), "Output");

    const QJsonObject net = o.value(QLatin1String("NetworkSettings")).toObject();
    const QJsonObject ports = net.value(QLatin1String("Ports")).toObject();
    for (auto it = ports.begin(); it != ports.end(); ++it) {
        const auto [port, protocol] = splitPort(it.key());
        const QJsonArray bindings = it.value().toArray();
        for (const QJsonValue &bv : bindings) {
            const QJsonObject b = bv.toObject();
            c.ports.append(
                PortBinding{port, protocol, str(b, "HostIp"), str(b, "HostPort").toInt()});
        }
    }
    const QJsonObject networks = net.value(QLatin1String("Networks")).toObject();
    for (auto it = networks.begin(); it != networks.end(); ++it)
        c.networks.insert(it.key(), str(it.value().toObject(), "IPAddress"));
    const QJsonArray mounts = o.value(QLatin1String("Mounts")).toArray();
    for (const QJsonValue &mv : mounts) {
        const QJsonObject m = mv.toObject();
        Mount mount;
        mount.type = mountType(str(m, "Type"));
        mount.source = mount.type == Mount::Type::Volume ? str(m, "Name") : str(m, "Source");
        mount.target = str(m, "Destination");
        mount.readOnly = !m.value(QLatin1String("RW")).toBool(true);
        c.mounts.append(mount);
    }
    return c;
}

ImageSummary imageSummaryFromJson(const QJsonObject &o)
{
    ImageSummary i;
    i.id = str(o, "Id");
    i.repoTags = stringList(o.value(QLatin1String("RepoTags")));
    i.repoTags.removeAll(QStringLiteral("<none>:<none>"));
    i.labels = stringMap(o.value(QLatin1String("Labels")));
    i.size = o.value(QLatin1String("Size")).toInteger();
    i.created = o.value(QLatin1String("Created")).toInteger();
    return i;
}

ImageInfo imageInfoFromJson(const QJsonObject &o)
{
    ImageInfo i;
    i.raw = o;
    i.id = str(o, "Id");
    i.repoTags = stringList(o.value(QLatin1String("RepoTags")));
    i.size = o.value(QLatin1String("Size")).toInteger();
    i.created = str(o, "Created");
    const QJsonObject config = o.value(QLatin1String("Config")).toObject();
    i.labels = stringMap(config.value(QLatin1String("Labels")));
    i.command = stringList(config.value(QLatin1String("Cmd")));
    i.entrypoint = stringList(config.value(QLatin1String("Entrypoint")));
    i.environment = stringList(config.value(QLatin1String("Env")));
    return i;
}

VolumeInfo volumeInfoFromJson(const QJsonObject &o)
{
    VolumeInfo v;
    v.name = str(o, "Name");
    v.driver = str(o, "Driver");
    v.mountpoint = str(o, "Mountpoint");
    v.scope = str(o, "Scope");
    v.createdAt = str(o, "CreatedAt");
    v.labels = stringMap(o.value(QLatin1String("Labels")));
    v.options = stringMap(o.value(QLatin1String("Options")));
    return v;
}

NetworkInfo networkInfoFromJson(const QJsonObject &o)
{
    NetworkInfo n;
    n.id = str(o, "Id");
    n.name = str(o, "Name");
    n.driver = str(o, "Driver");
    n.scope = str(o, "Scope");
    n.internal = o.value(QLatin1String("Internal")).toBool();
    n.labels = stringMap(o.value(QLatin1String("Labels")));
    const QJsonArray configs
        = o.value(QLatin1String("IPAM")).toObject().value(QLatin1String("Config")).toArray();
    if (!configs.isEmpty()) {
        n.subnet = str(configs.first().toObject(), "Subnet");
        n.gateway = str(configs.first().toObject(), "Gateway");
    }
    // An engine that found docker0 already configured (or picked a free pool itself) may
    // list only the subnet; its default IPAM then uses the subnet's first address.
    if (n.gateway.isEmpty() && !n.subnet.isEmpty() && n.driver == u"bridge") {
        const auto [network, prefix] = QHostAddress::parseSubnet(n.subnet);
        if (network.protocol() == QAbstractSocket::IPv4Protocol && prefix > 0 && prefix < 31)
            n.gateway = QHostAddress(network.toIPv4Address() + 1).toString();
    }
    const QJsonObject containers = o.value(QLatin1String("Containers")).toObject();
    for (auto it = containers.begin(); it != containers.end(); ++it)
        n.containers.insert(it.key(), str(it.value().toObject(), "IPv4Address"));
    return n;
}

Event eventFromJson(const QJsonObject &o)
{
    Event e;
    e.type = str(o, "Type");
    e.action = str(o, "Action");
    const QJsonObject actor = o.value(QLatin1String("Actor")).toObject();
    e.actorId = str(actor, "ID");
    e.attributes = stringMap(actor.value(QLatin1String("Attributes")));
    e.timeNano = o.value(QLatin1String("timeNano")).toInteger();
    return e;
}

StatsSample statsFromJson(const QJsonObject &o)
{
    StatsSample s;
    s.raw = o;
    s.read = str(o, "read");
    const QJsonObject cpu = o.value(QLatin1String("cpu_stats")).toObject();
    const QJsonObject pre = o.value(QLatin1String("precpu_stats")).toObject();
    const auto total = [](const QJsonObject &c) {
        return c.value(QLatin1String("cpu_usage"))
            .toObject()
            .value(QLatin1String("total_usage"))
            .toDouble();
    };
    const double cpuDelta = total(cpu) - total(pre);
    const double systemDelta = cpu.value(QLatin1String("system_cpu_usage")).toDouble()
                               - pre.value(QLatin1String("system_cpu_usage")).toDouble();
    int cpus = cpu.value(QLatin1String("online_cpus")).toInt();
    if (cpus <= 0)
        cpus = int(cpu.value(QLatin1String("cpu_usage"))
                       .toObject()
                       .value(QLatin1String("percpu_usage"))
                       .toArray()
                       .size());
    if (cpus <= 0)
        cpus = 1;
    if (cpuDelta > 0 && systemDelta > 0)
        s.cpuPercent = cpuDelta / systemDelta * cpus * 100.0;
    const QJsonObject mem = o.value(QLatin1String("memory_stats")).toObject();
    s.memoryUsage = mem.value(QLatin1String("usage")).toInteger();
    s.memoryLimit = mem.value(QLatin1String("limit")).toInteger();
    const QJsonObject networks = o.value(QLatin1String("networks")).toObject();
    for (auto it = networks.begin(); it != networks.end(); ++it) {
        const QJsonObject n = it.value().toObject();
        s.networkRxBytes += n.value(QLatin1String("rx_bytes")).toInteger();
        s.networkTxBytes += n.value(QLatin1String("tx_bytes")).toInteger();
    }
    const QJsonArray io = o.value(QLatin1String("blkio_stats"))
                              .toObject()
                              .value(QLatin1String("io_service_bytes_recursive"))
                              .toArray();
    for (const QJsonValue &v : io) {
        const QJsonObject entry = v.toObject();
        const QString op = str(entry, "op").toLower();
        if (op == u"read")
            s.blockReadBytes += entry.value(QLatin1String("value")).toInteger();
        else if (op == u"write")
            s.blockWriteBytes += entry.value(QLatin1String("value")).toInteger();
    }
    s.pids = o.value(QLatin1String("pids_stats"))
                 .toObject()
                 .value(QLatin1String("current"))
                 .toInteger();
    return s;
}

QJsonObject containerCreateBody(const ContainerSpec &spec)
{
    QJsonObject body;
    body.insert(QLatin1String("Image"), spec.image);
    if (!spec.command.isEmpty())
        body.insert(QLatin1String("Cmd"), listToJson(spec.command));
    if (!spec.entrypoint.isEmpty())
        body.insert(QLatin1String("Entrypoint"), listToJson(spec.entrypoint));
    if (!spec.environment.isEmpty())
        body.insert(QLatin1String("Env"), envToJson(spec.environment));
    if (!spec.labels.isEmpty())
        body.insert(QLatin1String("Labels"), mapToJson(spec.labels));
    if (!spec.user.isEmpty())
        body.insert(QLatin1String("User"), spec.user);
    if (!spec.workingDir.isEmpty())
        body.insert(QLatin1String("WorkingDir"), spec.workingDir);
    if (!spec.hostname.isEmpty())
        body.insert(QLatin1String("Hostname"), spec.hostname);
    if (spec.stopTimeoutSeconds >= 0)
        body.insert(QLatin1String("StopTimeout"), spec.stopTimeoutSeconds);
    if (spec.health) {
        QJsonArray test{QStringLiteral("CMD")};
        for (const QString &arg : spec.health->command)
            test.append(arg);
        body.insert(QLatin1String("Healthcheck"),
                    QJsonObject{
                        {QLatin1String("Test"), test},
                        {QLatin1String("Interval"), nanos(spec.health->intervalSeconds)},
                        {QLatin1String("Timeout"), nanos(spec.health->timeoutSeconds)},
                        {QLatin1String("Retries"), spec.health->retries},
                        {QLatin1String("StartPeriod"), nanos(spec.health->startPeriodSeconds)},
                    });
    }

    QJsonObject exposed;
    QJsonObject bindings;
    for (const PortBinding &p : spec.ports) {
        const QString key = QString::number(p.containerPort) + u'/'
                            + (p.protocol.isEmpty() ? QStringLiteral("tcp") : p.protocol);
        exposed.insert(key, QJsonObject());
        QJsonArray list = bindings.value(key).toArray();
        list.append(QJsonObject{
            {QLatin1String("HostIp"), p.hostIp},
            {QLatin1String("HostPort"), p.hostPort > 0 ? QString::number(p.hostPort) : QString()}});
        bindings.insert(key, list);
    }
    if (!exposed.isEmpty())
        body.insert(QLatin1String("ExposedPorts"), exposed);

    QJsonObject host;
    if (!bindings.isEmpty())
        host.insert(QLatin1String("PortBindings"), bindings);
    QJsonArray mounts;
    QJsonArray binds;
    for (const Mount &m : spec.mounts) {
        const auto plain
            = [](const QString &path) { return !path.contains(u':') && !path.contains(u','); };
        if (m.type == Mount::Type::Bind && m.createSource && plain(m.source) && plain(m.target)) {
            // A missing source is created by the engine on its host, with no extra container
            // and on whatever file system the engine sees (it may not be ours).
            binds.append(QString(m.source + u':' + m.target
                                 + (m.readOnly ? QStringLiteral(":ro") : QStringLiteral(":rw"))));
            continue;
        }
        QJsonObject mount{{QLatin1String("Target"), m.target},
                          {QLatin1String("ReadOnly"), m.readOnly}};
        switch (m.type) {
        case Mount::Type::Bind:
            mount.insert(QLatin1String("Type"), QStringLiteral("bind"));
            break;
        case Mount::Type::Volume:
            mount.insert(QLatin1String("Type"), QStringLiteral("volume"));
            break;
        case Mount::Type::Tmpfs:
            mount.insert(QLatin1String("Type"), QStringLiteral("tmpfs"));
            break;
        }
        if (m.type != Mount::Type::Tmpfs)
            mount.insert(QLatin1String("Source"), m.source);
        mounts.append(mount);
    }
    if (!mounts.isEmpty())
        host.insert(QLatin1String("Mounts"), mounts);
    if (!binds.isEmpty())
        host.insert(QLatin1String("Binds"), binds);
    if (!spec.networkMode.isEmpty())
        host.insert(QLatin1String("NetworkMode"), spec.networkMode);
    host.insert(
        QLatin1String("RestartPolicy"),
        QJsonObject{
            {QLatin1String("Name"), spec.restart.name == u"no" ? QString() : spec.restart.name},
            {QLatin1String("MaximumRetryCount"),
             spec.restart.name == u"on-failure" ? spec.restart.maximumRetryCount : 0}});
    if (spec.init)
        host.insert(QLatin1String("Init"), true);
    if (!spec.extraHosts.isEmpty())
        host.insert(QLatin1String("ExtraHosts"), listToJson(spec.extraHosts));
    body.insert(QLatin1String("HostConfig"), host);

    if (!spec.networkMode.isEmpty() && !spec.networkAliases.isEmpty()) {
        body.insert(QLatin1String("NetworkingConfig"),
                    QJsonObject{{QLatin1String("EndpointsConfig"),
                                 QJsonObject{{spec.networkMode,
                                              QJsonObject{{QLatin1String("Aliases"),
                                                           listToJson(spec.networkAliases)}}}}}});
    }
    return body;
}

QJsonObject volumeCreateBody(const VolumeSpec &spec)
{
    QJsonObject body{
        {QLatin1String("Driver"), spec.driver.isEmpty() ? QStringLiteral("local") : spec.driver}};
    if (!spec.name.isEmpty())
        body.insert(QLatin1String("Name"), spec.name);
    if (!spec.driverOptions.isEmpty())
        body.insert(QLatin1String("DriverOpts"), mapToJson(spec.driverOptions));
    if (!spec.labels.isEmpty())
        body.insert(QLatin1String("Labels"), mapToJson(spec.labels));
    return body;
}

QJsonObject networkCreateBody(const NetworkSpec &spec)
{
    QJsonObject body{
        {QLatin1String("Name"), spec.name},
        {QLatin1String("CheckDuplicate"), true},
        {QLatin1String("Driver"), spec.driver.isEmpty() ? QStringLiteral("bridge") : spec.driver},
        {QLatin1String("Internal"), spec.internal},
        {QLatin1String("Attachable"), spec.attachable}};
    if (!spec.labels.isEmpty())
        body.insert(QLatin1String("Labels"), mapToJson(spec.labels));
    if (!spec.options.isEmpty())
        body.insert(QLatin1String("Options"), mapToJson(spec.options));
    if (!spec.subnet.isEmpty()) {
        QJsonObject config{{QLatin1String("Subnet"), spec.subnet}};
        if (!spec.gateway.isEmpty())
            config.insert(QLatin1String("Gateway"), spec.gateway);
        body.insert(QLatin1String("IPAM"),
                    QJsonObject{{QLatin1String("Driver"), QStringLiteral("default")},
                                {QLatin1String("Config"), QJsonArray{config}}});
    }
    return body;
}

QJsonObject execCreateBody(const ExecSpec &spec)
{
    QJsonObject body{{QLatin1String("Cmd"), listToJson(spec.command)},
                     {QLatin1String("AttachStdout"), true},
                     {QLatin1String("AttachStderr"), true},
                     {QLatin1String("AttachStdin"), false},
                     {QLatin1String("Tty"), false}};
    if (!spec.environment.isEmpty())
        body.insert(QLatin1String("Env"), envToJson(spec.environment));
    if (!spec.user.isEmpty())
        body.insert(QLatin1String("User"), spec.user);
    if (!spec.workingDir.isEmpty())
        body.insert(QLatin1String("WorkingDir"), spec.workingDir);
    return body;
}

QByteArray labelFilters(const QMap<QString, QString> &labels, const QStringList &names,
                        const QString &reference)
{
    QJsonObject filters;
    if (!labels.isEmpty()) {
        QJsonArray list;
        for (auto it = labels.begin(); it != labels.end(); ++it)
            list.append(it.value().isEmpty() ? it.key() : QString(it.key() + u'=' + it.value()));
        filters.insert(QLatin1String("label"), list);
    }
    if (!names.isEmpty())
        filters.insert(QLatin1String("name"), listToJson(names));
    if (!reference.isEmpty())
        filters.insert(QLatin1String("reference"), QJsonArray{reference});
    return QJsonDocument(filters).toJson(QJsonDocument::Compact);
}

} // namespace Docker::Internal

namespace Docker {

int ContainerInfo::publishedPort(int containerPort, const QString &protocol) const
{
    for (const PortBinding &b : ports) {
        if (b.containerPort == containerPort && b.protocol == protocol && b.hostPort > 0)
            return b.hostPort;
    }
    return 0;
}

} // namespace Docker
