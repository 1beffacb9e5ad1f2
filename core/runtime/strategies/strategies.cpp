// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
// The built-in strategies, one class per method.
#include "strategy.h"

#include "disco/client.h"
#include "runtime/engine.h"
#include "runtime/futureutil.h"
#include "runtime/host.h"
#include "runtime/runtimelog.h"
#include "runtime/runtimetr.h"
#include "runtime/topology.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

namespace Runtime {

using Internal::onResult;

namespace {

void publishVolume(ContainerContext &ctx, const Manifest::CompiledVolume &volume,
                   const QString &source)
{
    if (!ctx.topology)
        return;
    VolumeInfo info;
    info.id = ctx.id + u'/' + volume.name;
    info.containerId = ctx.id;
    info.name = volume.name;
    info.method = volume.method;
    info.source = source;
    info.mountPath = volume.containerPath;
    ctx.topology->setVolume(info);
}

// ---- volumes ----------------------------------------------------------------------------

/** `local`: a folder on the host, bind-mounted. */
class LocalVolume final : public Strategy
{
public:
    explicit LocalVolume(Manifest::CompiledVolume volume)
        : Strategy(QStringLiteral("volume"), volume.name)
        , m_volume(std::move(volume))
    {}
    QString method() const override { return QStringLiteral("local"); }
    void load(ContainerContext &ctx, StepDone done) override
    {
        if (m_volume.hostPath.isEmpty() || !QDir::isAbsolutePath(m_volume.hostPath)) {
            done(Scs::makeError(Tr::tr("volume %1 of %2: a local volume needs an absolute path, "
                                       "got '%3'")
                                    .arg(m_volume.name, ctx.id, m_volume.hostPath),
                                Scs::Error::Kind::InvalidInput));
            return;
        }
        // A missing folder is created on the host by the engine (the engine's file system
        // may not be ours); where it cannot, by the engine-start step.
        Docker::Mount mount{Docker::Mount::Type::Bind, m_volume.hostPath, m_volume.containerPath};
        mount.createSource = true;
        ctx.spec.mounts.append(mount);
        publishVolume(ctx, m_volume, m_volume.hostPath);
        done({});
    }

private:
    Manifest::CompiledVolume m_volume;
};

/** `docker`: a named Docker volume on the host. */
class DockerVolume final : public Strategy
{
public:
    explicit DockerVolume(Manifest::CompiledVolume volume)
        : Strategy(QStringLiteral("volume"), volume.name)
        , m_volume(std::move(volume))
    {}
    QString method() const override { return QStringLiteral("docker"); }
    void load(ContainerContext &ctx, StepDone done) override
    {
        Docker::VolumeSpec spec;
        spec.name = m_volume.hostPath.isEmpty() ? defaultVolumeName(ctx.compiled, m_volume.name)
                                                : m_volume.hostPath;
        spec.driver
            = m_volume.options.value(QStringLiteral("driver")).toString(QStringLiteral("local"));
        const QJsonObject opts = m_volume.options.value(QStringLiteral("driver_opts")).toObject();
        for (auto it = opts.begin(); it != opts.end(); ++it)
            spec.driverOptions.insert(it.key(), it.value().toVariant().toString());
        spec.labels.insert(QStringLiteral("scs.stack"),
                           ctx.compiled.name.environment + u'/' + ctx.compiled.name.service);
        spec.labels.insert(QStringLiteral("scs.role"), ctx.compiled.role);
        create(ctx, spec, std::move(done));
    }

protected:
    void create(ContainerContext &ctx, const Docker::VolumeSpec &spec, StepDone done)
    {
        const QString where = ctx.id;
        const Manifest::CompiledVolume volume = m_volume;
        ContainerContext *c = &ctx;
        onResult(ctx.host->engine()->createVolume(spec), ctx.guard,
                 [c, spec, volume, where, done](const Scs::Result<Docker::VolumeInfo> &result) {
                     if (!result) {
                         done(Scs::makeError(result.error().withContext(
                             Tr::tr("volume %1 of %2").arg(volume.name, where))));
                         return;
                     }
                     c->spec.mounts.append(Docker::Mount{Docker::Mount::Type::Volume, spec.name,
                                                         volume.containerPath});
                     publishVolume(*c, volume, spec.name);
                     done({});
                 });
    }
    Manifest::CompiledVolume m_volume;
};

/** `nfs`: a Docker volume of the local driver that mounts an NFS export. */
class NfsVolume final : public Strategy
{
public:
    explicit NfsVolume(Manifest::CompiledVolume volume)
        : Strategy(QStringLiteral("volume"), volume.name)
        , m_volume(std::move(volume))
    {}
    QString method() const override { return QStringLiteral("nfs"); }

    /** The local driver's options for an NFS mount of \p server:\p exportPath. */
    static QMap<QString, QString> driverOptions(const QString &server, const QString &exportPath,
                                                const QString &mountOptions)
    {
        QString o = QStringLiteral("addr=") + server;
        if (!mountOptions.isEmpty())
            o += u',' + mountOptions;
        return {{QStringLiteral("type"), QStringLiteral("nfs")},
                {QStringLiteral("o"), o},
                {QStringLiteral("device"), u':' + exportPath}};
    }

    void load(ContainerContext &ctx, StepDone done) override
    {
        const QString server = m_volume.options.value(QStringLiteral("server")).toString();
        const QString exportPath = m_volume.options.value(QStringLiteral("export")).toString();
        if (server.isEmpty() || !exportPath.startsWith(u'/')) {
            done(Scs::makeError(Tr::tr("volume %1 of %2: nfs needs options.server and an "
                                       "absolute options.export")
                                    .arg(m_volume.name, ctx.id),
                                Scs::Error::Kind::InvalidInput));
            return;
        }
        QString mountOptions = m_volume.options.value(QStringLiteral("options"))
                                   .toString(QStringLiteral("rw,nfsvers=4"));
        Docker::VolumeSpec spec;
        spec.name = defaultVolumeName(ctx.compiled, m_volume.name);
        spec.driverOptions = driverOptions(server, exportPath, mountOptions);
        spec.labels.insert(QStringLiteral("scs.stack"),
                           ctx.compiled.name.environment + u'/' + ctx.compiled.name.service);
        const Manifest::CompiledVolume volume = m_volume;
        ContainerContext *c = &ctx;
        const QString source = server + u':' + exportPath;
        onResult(ctx.host->engine()->createVolume(spec), ctx.guard,
                 [c, spec, volume, source, done](const Scs::Result<Docker::VolumeInfo> &result) {
                     if (!result) {
                         done(Scs::makeError(result.error().withContext(
                             Tr::tr("nfs volume %1 of %2").arg(volume.name, c->id))));
                         return;
                     }
                     c->spec.mounts.append(Docker::Mount{Docker::Mount::Type::Volume, spec.name,
                                                         volume.containerPath});
                     publishVolume(*c, volume, source);
                     done({});
                 });
    }

private:
    Manifest::CompiledVolume m_volume;
};

/**
 * `metavol`: a sub-folder of a host folder (options.path is the parent, the sub-folder is
 * named after the volume, or options.subpath), bind-mounted: several volumes share one
 * provisioned parent.
 */
class MetaVolume final : public Strategy
{
public:
    explicit MetaVolume(Manifest::CompiledVolume volume)
        : Strategy(QStringLiteral("volume"), volume.name)
        , m_volume(std::move(volume))
    {}
    QString method() const override { return QStringLiteral("metavol"); }
    void load(ContainerContext &ctx, StepDone done) override
    {
        if (!QDir::isAbsolutePath(m_volume.hostPath)) {
            done(Scs::makeError(Tr::tr("volume %1 of %2: metavol needs an absolute parent "
                                       "path, got '%3'")
                                    .arg(m_volume.name, ctx.id, m_volume.hostPath),
                                Scs::Error::Kind::InvalidInput));
            return;
        }
        const QString sub = m_volume.options.value(QStringLiteral("subpath"))
                                .toString(ctx.compiled.role + u'-' + m_volume.name);
        if (sub.contains(QStringLiteral("..")) || sub.startsWith(u'/')) {
            done(Scs::makeError(Tr::tr("volume %1 of %2: subpath '%3' must stay inside the "
                                       "parent folder")
                                    .arg(m_volume.name, ctx.id, sub),
                                Scs::Error::Kind::InvalidInput));
            return;
        }
        const QString source = QDir::cleanPath(m_volume.hostPath + u'/' + sub);
        ctx.spec.mounts.append(
            Docker::Mount{Docker::Mount::Type::Bind, source, m_volume.containerPath});
        publishVolume(ctx, m_volume, source);
        done({});
    }

private:
    Manifest::CompiledVolume m_volume;
};

// ---- networks ---------------------------------------------------------------------------

/** `default`: the engine's bridge, every provide published on the host. */
class DefaultNetwork final : public Strategy
{
public:
    DefaultNetwork()
        : Strategy(QStringLiteral("network"), QStringLiteral("default"))
    {}
    QString method() const override { return QStringLiteral("default"); }
    void load(ContainerContext &ctx, StepDone done) override
    {
        for (const Manifest::CompiledProvide &provide : ctx.compiled.provides) {
            if (provide.containerPort <= 0)
                continue;
            Docker::PortBinding binding;
            binding.containerPort = provide.containerPort;
            binding.protocol = provide.protocol;
            binding.hostPort = provide.publishPort.value_or(0);
            ctx.spec.ports.append(binding);
        }
        done({});
    }
};

/** `host`: the host's network stack; ports are the container's own. */
class HostNetwork final : public Strategy
{
public:
    HostNetwork()
        : Strategy(QStringLiteral("network"), QStringLiteral("host"))
    {}
    QString method() const override { return QStringLiteral("host"); }
    void load(ContainerContext &ctx, StepDone done) override
    {
        ctx.spec.networkMode = QStringLiteral("host");
        done({});
    }
};

// ---- provides ---------------------------------------------------------------------------

int publishedPort(const ContainerContext &ctx, const Manifest::CompiledProvide &provide)
{
    if (ctx.spec.networkMode == u"host")
        return provide.containerPort;
    return ctx.info.publishedPort(provide.containerPort, provide.protocol);
}

void publishEndpoint(ContainerContext &ctx, const QString &name, const QString &host, int port)
{
    if (!ctx.topology)
        return;
    const ContainerInfo *current = ctx.topology->container(ctx.id);
    if (!current)
        return;
    ContainerInfo info = *current;
    info.endpoints.removeIf([&](const PublishedEndpoint &e) { return e.name == name; });
    if (port > 0)
        info.endpoints.append(PublishedEndpoint{name, host, port});
    ctx.topology->setContainer(info);
}

/** `disco`: registers host address + published port with the host's attributes. */
class DiscoProvide final : public Strategy
{
public:
    explicit DiscoProvide(Manifest::CompiledProvide provide)
        : Strategy(QStringLiteral("provide"), provide.name)
        , m_provide(std::move(provide))
    {}
    QString method() const override { return QStringLiteral("disco"); }

    void started(ContainerContext &ctx, StepDone done) override
    {
        const int port = publishedPort(ctx, m_provide);
        if (port <= 0) {
            done(Scs::makeError(Tr::tr("provide %1 of %2: port %3/%4 is not published")
                                    .arg(m_provide.name, ctx.id)
                                    .arg(m_provide.containerPort)
                                    .arg(m_provide.protocol)));
            return;
        }
        publishEndpoint(ctx, m_provide.name, ctx.host->advertisedAddress(), port);
        done({});
    }

    void up(ContainerContext &ctx, StepDone done) override
    {
        // The address others reach it at (a local host's bridge gateway, not loopback).
        ContainerContext *c = &ctx;
        ctx.host->whenAdvertisedAddressKnown(
            ctx.guard, [this, c, done](const QString &address) { registerAt(*c, address, done); });
    }

    void registerAt(ContainerContext &ctx, const QString &address, StepDone done)
    {
        auto key = Disco::Key::fromString(m_provide.discoKey);
        if (!key) {
            done(Scs::makeError(
                key.error().withContext(Tr::tr("provide %1 of %2").arg(m_provide.name, ctx.id))));
            return;
        }
        const int port = publishedPort(ctx, m_provide);
        publishEndpoint(ctx, m_provide.name, address, port);
        Disco::ProvisionSpec spec;
        spec.key = *key;
        spec.address = Disco::Address{address, port};
        spec.attributes = ctx.host->attributes();
        spec.attributes.insert(QStringLiteral("scs.host"), ctx.host->name());
        if (ctx.adopting && !m_handle) {
            takeOver(ctx, spec, std::move(done));
            return;
        }
        provide(ctx, spec, std::move(done));
    }

    /**
     * Adopt: the resumed session may hold this container's provision from the process that
     * started it. Take that one over when it is exactly what would be registered now, so
     * dependents see no change; otherwise register anew and drop the leftovers.
     */
    void takeOver(ContainerContext &ctx, const Disco::ProvisionSpec &spec, StepDone done)
    {
        ContainerContext *c = &ctx;
        onResult(ctx.disco->lookup(spec.key), ctx.guard,
                 [this, c, spec, done](const Scs::Result<QList<Disco::Endpoint>> &found) {
                     if (!found) {
                         done(Scs::makeError(found.error().withContext(
                             Tr::tr("provide %1 of %2").arg(m_provide.name, c->id))));
                         return;
                     }
                     // This container's endpoints of the key: one role has one container per
                     // host. They may also come from other sessions (an older process's that
                     // never ended); the server only lets a session drop its own provisions.
                     QList<Disco::Endpoint> ours;
                     for (const Disco::Endpoint &e : *found)
                         if (e.attributes.value(QStringLiteral("scs.host")) == c->host->name())
                             ours.append(e);
                     if (ours.size() == 1 && ours.first().address == spec.address
                         && ours.first().attributes == spec.attributes) {
                         // Probably ours (v1 cannot say whose): were it another session's, drops
                         // of it fail and our own copy still ends with the session.
                         m_handle = c->disco->adoptProvision(spec, ours.first().id);
                         qCInfo(runtimeLog) << c->id << "took over provision" << ours.first().id;
                         done({});
                         return;
                     }
                     // Another port after a restart nobody supervised, other host attributes,
                     // or nothing registered: register what is true now, then drop the stale
                     // ones (after the add, so dependents never see none).
                     provide(*c, spec, [c, ours, done](Scs::Result<void> result) {
                         if (result) {
                             for (const Disco::Endpoint &stale : ours)
                                 (void)c->disco->call(
                                     QStringLiteral("provision.drop"),
                                     QJsonObject{{QStringLiteral("id"), stale.id},
                                                 {QStringLiteral("wait"), QJsonValue()}});
                         }
                         done(std::move(result));
                     });
                 });
    }

    void provide(ContainerContext &ctx, const Disco::ProvisionSpec &spec, StepDone done)
    {
        Disco::Client *client = ctx.disco;
        if (m_handle)
            client->drop(*m_handle, Disco::Wait{Disco::Wait::Mode::None, 0});
        const Disco::Client::ProvisionHandle handle = client->provide(spec);
        m_handle = handle;
        // "Registered" means the server has it: wait for its id.
        if (client->provisionId(handle)) {
            done({});
            return;
        }
        auto *waiter = new QObject(ctx.guard);
        auto finish = [waiter, done](Scs::Result<void> result) {
            waiter->deleteLater();
            done(std::move(result));
        };
        QObject::connect(client, &Disco::Client::provisionRegistered, waiter,
                         [handle, finish](Disco::Client::ProvisionHandle h, const QString &) {
                             if (h == handle)
                                 finish({});
                         });
        QObject::connect(
            client, &Disco::Client::provisionFailed, waiter,
            [handle, finish](Disco::Client::ProvisionHandle h, const Scs::Error &error) {
                if (h == handle)
                    finish(Scs::makeError(error));
            });
        const QString what = ctx.id;
        QTimer::singleShot(15000, waiter, [finish, what]() {
            finish(Scs::makeError(
                Tr::tr("%1: disco did not confirm the registration within 15 s").arg(what),
                Scs::Error::Kind::Timeout));
        });
    }

    void stopped(ContainerContext &ctx, StepDone done) override
    {
        if (!m_handle) {
            done({});
            return;
        }
        const auto handle = *m_handle;
        m_handle.reset();
        // Wait (bounded) until every dependent acknowledged the drop: it re-points first.
        onResult(ctx.disco->drop(handle, Disco::Wait{Disco::Wait::Mode::Bounded, 5}), ctx.guard,
                 [done](const Scs::Result<void> &result) {
                     if (!result)
                         qCInfo(runtimeLog) << "provision drop:" << result.error().message;
                     done({});
                 });
    }

    void withdraw(ContainerContext &ctx) override
    {
        if (!m_handle)
            return;
        const auto handle = *m_handle;
        m_handle.reset();
        (void)ctx.disco->drop(handle, Disco::Wait{Disco::Wait::Mode::None, 0});
    }

    void down(ContainerContext &ctx, StepDone done) override
    {
        withdraw(ctx);
        publishEndpoint(ctx, m_provide.name, {}, 0);
        done({});
    }

private:
    Manifest::CompiledProvide m_provide;
    std::optional<Disco::Client::ProvisionHandle> m_handle;
};

/** `static`: advertised at a fixed address; nothing is registered. */
class StaticProvide final : public Strategy
{
public:
    explicit StaticProvide(Manifest::CompiledProvide provide)
        : Strategy(QStringLiteral("provide"), provide.name)
        , m_provide(std::move(provide))
    {}
    QString method() const override { return QStringLiteral("static"); }
    void started(ContainerContext &ctx, StepDone done) override
    {
        const QString host
            = m_provide.staticIp.isEmpty() ? ctx.host->advertisedAddress() : m_provide.staticIp;
        const int port = m_provide.staticPort.value_or(publishedPort(ctx, m_provide));
        publishEndpoint(ctx, m_provide.name, host, port);
        done({});
    }
    void down(ContainerContext &ctx, StepDone done) override
    {
        publishEndpoint(ctx, m_provide.name, {}, 0);
        done({});
    }

private:
    Manifest::CompiledProvide m_provide;
};

// ---- requires ---------------------------------------------------------------------------

/** Shared by both require methods: the link in the Topology and the liveupdate runs. */
class RequireBase : public Strategy
{
public:
    explicit RequireBase(Manifest::CompiledRequire require)
        : Strategy(QStringLiteral("require"), require.name)
        , m_require(std::move(require))
    {}

protected:
    QList<ServiceEndpoint> reachable(const ContainerContext &ctx,
                                     const QList<ServiceEndpoint> &endpoints) const
    {
        QList<ServiceEndpoint> out = endpoints;
        for (ServiceEndpoint &e : out)
            e.host = ctx.host->reachableFromContainer(e.host);
        return out;
    }

    void updateLink(ContainerContext &ctx, LinkState state,
                    std::optional<LiveUpdateRun> run = std::nullopt)
    {
        if (!ctx.topology)
            return;
        const QString id = ctx.id + u'/' + m_require.name;
        LinkInfo link;
        if (const LinkInfo *existing = ctx.topology->link(id))
            link = *existing;
        link.id = id;
        link.containerId = ctx.id;
        link.requireName = m_require.name;
        link.state
            = m_endpoints.isEmpty() && state == LinkState::Bound ? LinkState::Unresolved : state;
        if (m_endpoints.isEmpty()) {
            link.boundTo = {};
            link.providerContainerId.clear();
        } else {
            const ServiceEndpoint &first = m_endpoints.first();
            link.boundTo = PublishedEndpoint{m_require.name, first.host, first.port};
            link.providerContainerId.clear();
            const QString providerHost = first.attributes.value(QStringLiteral("scs.host"));
            if (!providerHost.isEmpty())
                link.providerContainerId = m_require.lookupRole + u'@' + providerHost;
        }
        if (run) {
            link.liveUpdates.append(*run);
            while (link.liveUpdates.size() > 10)
                link.liveUpdates.removeFirst();
        }
        ctx.topology->setLink(link);
    }

    /** The endpoints changed while the container runs: run the liveupdate (serialised). */
    void endpointsChanged(ContainerContext &ctx)
    {
        updateLink(ctx, LinkState::Bound);
        if (!ctx.running)
            return; // the next start gets the new variables anyway
        if (m_require.liveupdateCommand.isEmpty())
            return;
        if (m_liveUpdateRunning) {
            m_liveUpdatePending = true;
            return;
        }
        runLiveUpdate(ctx);
    }

    void runLiveUpdate(ContainerContext &ctx)
    {
        m_liveUpdateRunning = true;
        m_liveUpdatePending = false;
        updateLink(ctx, LinkState::LiveUpdateRunning);
        const QMap<QString, QString> env
            = requireEnvironment(m_require.name, reachable(ctx, m_endpoints));
        ContainerContext *c = &ctx;
        qCInfo(runtimeLog) << ctx.id << "liveupdate" << m_require.name << env;
        ctx.execLiveUpdate(
            m_require.name, QStringList{m_require.liveupdateCommand}, env,
            [this, c](int exitCode, const QString &output) {
                m_liveUpdateRunning = false;
                LiveUpdateRun run;
                run.finishedAt = QDateTime::currentDateTimeUtc();
                run.exitCode = exitCode;
                run.output = output;
                updateLink(*c, exitCode == 0 ? LinkState::Bound : LinkState::LiveUpdateFailed, run);
                if (m_liveUpdatePending && c->running)
                    runLiveUpdate(*c);
            });
    }

    Manifest::CompiledRequire m_require;
    QList<ServiceEndpoint> m_endpoints;
    bool m_liveUpdateRunning = false;
    bool m_liveUpdatePending = false;
};

/** `disco`: resolved before start into SCS_REQUIRE_*; every change runs the liveupdate. */
class DiscoRequire final : public RequireBase
{
public:
    using RequireBase::RequireBase;
    QString method() const override { return QStringLiteral("disco"); }

    void load(ContainerContext &ctx, StepDone done) override
    {
        auto key = Disco::Key::fromString(m_require.discoKey);
        if (!key) {
            done(Scs::makeError(
                key.error().withContext(Tr::tr("require %1 of %2").arg(m_require.name, ctx.id))));
            return;
        }
        Disco::RequirementSpec spec{*key, m_require.attributes};
        auto pending = std::make_shared<StepDone>(std::move(done));
        ContainerContext *c = &ctx;
        m_handle = ctx.disco->require(
            spec, ctx.guard, [this, c, pending](const Disco::RequirementEvent &event) {
                QList<ServiceEndpoint> endpoints;
                for (const Disco::Endpoint &e : event.current)
                    endpoints.append(
                        ServiceEndpoint{e.id, e.address.host, e.address.port, e.attributes});
                const bool changed = endpoints != m_endpoints;
                m_endpoints = endpoints;
                if (*pending) {
                    // The answer to requirement.add: the variables the container starts with.
                    const auto env = requireEnvironment(m_require.name, reachable(*c, endpoints));
                    for (auto it = env.begin(); it != env.end(); ++it)
                        c->spec.environment.insert(it.key(), it.value());
                    updateLink(*c, LinkState::Bound);
                    StepDone done = std::move(*pending);
                    *pending = nullptr;
                    done({});
                    return;
                }
                if (changed)
                    endpointsChanged(*c);
            });
        auto *timer = new QTimer(ctx.guard);
        timer->setSingleShot(true);
        QObject::connect(timer, &QTimer::timeout, ctx.guard, [pending, timer, c, this]() {
            timer->deleteLater();
            if (!*pending)
                return;
            StepDone done = std::move(*pending);
            *pending = nullptr;
            done(Scs::makeError(Tr::tr("require %1 of %2: the disco server did not answer "
                                       "within 15 s")
                                    .arg(m_require.name, c->id),
                                Scs::Error::Kind::Timeout));
        });
        timer->start(15000);
    }

    void down(ContainerContext &ctx, StepDone done) override
    {
        if (m_handle) {
            (void)ctx.disco->unrequire(*m_handle);
            m_handle.reset();
        }
        if (ctx.topology)
            ctx.topology->removeLink(ctx.id + u'/' + m_require.name);
        done({});
    }

private:
    std::optional<Disco::Client::RequirementHandle> m_handle;
};

/** `static`: fixed endpoints from options.endpoints. */
class StaticRequire final : public RequireBase
{
public:
    using RequireBase::RequireBase;
    QString method() const override { return QStringLiteral("static"); }
    void load(ContainerContext &ctx, StepDone done) override
    {
        m_endpoints.clear();
        for (const Manifest::StaticEndpoint &e : m_require.endpoints)
            m_endpoints.append(ServiceEndpoint{{}, e.ip, e.port, e.attributes});
        const auto env = requireEnvironment(m_require.name, reachable(ctx, m_endpoints));
        for (auto it = env.begin(); it != env.end(); ++it)
            ctx.spec.environment.insert(it.key(), it.value());
        updateLink(ctx, LinkState::Bound);
        done({});
    }
    void down(ContainerContext &ctx, StepDone done) override
    {
        if (ctx.topology)
            ctx.topology->removeLink(ctx.id + u'/' + m_require.name);
        done({});
    }
};

} // namespace

QString defaultVolumeName(const Manifest::CompiledContainer &container, const QString &volume)
{
    return container.name.dockerName() + u'-' + volume;
}

Scs::Result<StrategyList> createStrategies(const Manifest::CompiledContainer &container)
{
    StrategyList list;
    const QString where = container.role;
    if (container.networkMethod == u"default" || container.networkMethod.isEmpty())
        list.push_back(std::make_unique<DefaultNetwork>());
    else if (container.networkMethod == u"host")
        list.push_back(std::make_unique<HostNetwork>());
    else
        return Scs::makeError(Tr::tr("role %1: network method '%2' is not supported by this "
                                     "runtime (supported: default, host)")
                                  .arg(where, container.networkMethod),
                              Scs::Error::Kind::InvalidInput);
    for (const Manifest::CompiledVolume &volume : container.volumes) {
        if (volume.method == u"local")
            list.push_back(std::make_unique<LocalVolume>(volume));
        else if (volume.method == u"docker")
            list.push_back(std::make_unique<DockerVolume>(volume));
        else if (volume.method == u"nfs")
            list.push_back(std::make_unique<NfsVolume>(volume));
        else if (volume.method == u"metavol")
            list.push_back(std::make_unique<MetaVolume>(volume));
        else
            return Scs::makeError(Tr::tr("role %1, volume %2: method '%3' is not supported by "
                                         "this runtime (supported: local, metavol, docker, nfs)")
                                      .arg(where, volume.name, volume.method),
                                  Scs::Error::Kind::InvalidInput);
    }
    for (const Manifest::CompiledRequire &require : container.requirements) {
        if (require.method == u"disco")
            list.push_back(std::make_unique<DiscoRequire>(require));
        else if (require.method == u"static")
            list.push_back(std::make_unique<StaticRequire>(require));
        else
            return Scs::makeError(Tr::tr("role %1, require %2: method '%3' is not supported "
                                         "(supported: disco, static)")
                                      .arg(where, require.name, require.method),
                                  Scs::Error::Kind::InvalidInput);
    }
    for (const Manifest::CompiledProvide &provide : container.provides) {
        if (provide.method == u"disco")
            list.push_back(std::make_unique<DiscoProvide>(provide));
        else if (provide.method == u"static")
            list.push_back(std::make_unique<StaticProvide>(provide));
        else
            return Scs::makeError(Tr::tr("role %1, provide %2: method '%3' is not supported "
                                         "(supported: disco, static)")
                                      .arg(where, provide.name, provide.method),
                                  Scs::Error::Kind::InvalidInput);
    }
    return list;
}

QMap<QString, QString> nfsDriverOptions(const QString &server, const QString &exportPath,
                                        const QString &mountOptions)
{
    return NfsVolume::driverOptions(server, exportPath, mountOptions);
}

} // namespace Runtime
