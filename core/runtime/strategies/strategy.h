// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "docker/types.h"
#include "manifest/compiled.h"
#include "runtime/requireenv.h"
#include "runtime/workflow.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace Disco {
class Client;
}

namespace Runtime {

class Host;
class Topology;

/**
 * What the strategies of one container share while its workflow runs: the compiled
 * container, where it runs, the Docker spec being built, and what Docker said.
 */
struct ContainerContext
{
    Manifest::CompiledContainer compiled;
    QString id; ///< "<role>@<host>", the Topology id
    Host *host = nullptr;
    Topology *topology = nullptr;
    Disco::Client *disco = nullptr; ///< this container's disco session
    QObject *guard = nullptr;       ///< context of every callback (the container object)
    Docker::ContainerSpec spec;     ///< filled by load hooks, used by engine start
    QString dockerId;
    Docker::ContainerInfo info; ///< inspect after engine start (published ports)
    bool running = false;       ///< the container runs (liveupdates may exec into it)
    /**
     * Set while `up` runs for a container taken over in the session of the process that
     * started it (ManagedContainer::adopt): what that process registered is still there,
     * so provides take it over instead of registering duplicates.
     */
    bool adopting = false;
    /** Runs a liveupdate in the container; set by the container object. */
    std::function<void(const QString &requireName, const QStringList &command,
                       const QMap<QString, QString> &env, std::function<void(int, QString)> done)>
        execLiveUpdate;
};

/**
 * One connection of a container (a volume, the network, a provide, a require), chosen by
 * its `method`. The hooks run in workflow order: start = load → (engine start) → started →
 * up; stop = stopped → (engine stop) → down → unload. Every hook is async and calls \p done
 * once; the defaults do nothing. Adding a method is adding one subclass.
 */
class Strategy
{
public:
    explicit Strategy(QString kind, QString name)
        : m_kind(std::move(kind))
        , m_name(std::move(name))
    {}
    virtual ~Strategy() = default;
    Strategy(const Strategy &) = delete;
    Strategy &operator=(const Strategy &) = delete;

    /** "volume", "network", "provide" or "require". */
    [[nodiscard]] QString kind() const { return m_kind; }
    /** The key in the manifest ("data", "mysql", ...); the method for networks. */
    [[nodiscard]] QString name() const { return m_name; }
    [[nodiscard]] virtual QString method() const = 0;

    /** Provision what the container needs and add it to ctx.spec. */
    virtual void load(ContainerContext &ctx, StepDone done)
    {
        Q_UNUSED(ctx)
        done({});
    }
    /** The container was created and started; ctx.info is its inspect. */
    virtual void started(ContainerContext &ctx, StepDone done)
    {
        Q_UNUSED(ctx)
        done({});
    }
    /** The container is healthy: announce it. */
    virtual void up(ContainerContext &ctx, StepDone done)
    {
        Q_UNUSED(ctx)
        done({});
    }
    /** The container is about to stop: stop announcing it (dependents re-point first). */
    virtual void stopped(ContainerContext &ctx, StepDone done)
    {
        Q_UNUSED(ctx)
        done({});
    }
    /** The container has stopped: drop what it used. */
    virtual void down(ContainerContext &ctx, StepDone done)
    {
        Q_UNUSED(ctx)
        done({});
    }
    /** Release what load provisioned (data stays). */
    virtual void unload(ContainerContext &ctx, StepDone done)
    {
        Q_UNUSED(ctx)
        done({});
    }

    /** Supervision: the container died or its host went away: withdraw at once. */
    virtual void withdraw(ContainerContext &ctx) { Q_UNUSED(ctx) }

private:
    QString m_kind;
    QString m_name;
};

using StrategyList = std::vector<std::unique_ptr<Strategy>>;

/**
 * The strategies of \p container in workflow order (network, volumes, requires,
 * provides). Fails on a method this runtime does not implement, naming it.
 */
[[nodiscard]] Scs::Result<StrategyList>
createStrategies(const Manifest::CompiledContainer &container);

/** The Docker volume name scs uses for \p volume of \p container ("docker" without a name). */
[[nodiscard]] QString defaultVolumeName(const Manifest::CompiledContainer &container,
                                        const QString &volume);

} // namespace Runtime

namespace Runtime {
/** The local driver's options of an `nfs` volume (exposed for tests). */
[[nodiscard]] QMap<QString, QString>
nfsDriverOptions(const QString &server, const QString &exportPath, const QString &mountOptions);
} // namespace Runtime
