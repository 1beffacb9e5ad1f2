// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "manifest/compiled.h"
#include "statusreport.h"
#include "topology.h"
#include "workflow.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace Runtime {

class Engine;
class Host;
class ManagedContainer;
class Relocation;

/**
 * Runs one compiled stack on its hosts: the API both the CLI and the dashboard use.
 *
 * Every operation (up, down, move) returns a Workflow owned by the manager: connect to
 * its progressChanged()/finished() and start() it; nothing blocks. The manager keeps the
 * Topology current (hosts, containers, volumes, links) and supervises what it started.
 * Containers carry labels (stack, role, host, hash, disco session), so a later process
 * finds them again: status() and down() work on a stack another process started.
 */
class ContainerManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContainerManager)

public:
    struct Options
    {
        QString discoHost = QStringLiteral("127.0.0.1");
        quint16 discoPort = 9640;
        /** Seconds a container's disco session outlives this process (0: ends with it). */
        double sessionTimeout = 0;
        int pingIntervalMs = 1000;
        int healthPollMs = 250;
        /** False when no disco server answers: status() reads bindings from the environment. */
        bool discoAvailable = true;
        /**
         * The host that builds images no host has (then they are carried to where they
         * run); empty: the host that needs the image builds it.
         */
        QString buildHost;
    };

    /**
     * Builds \p image on \p engine. Without one set, Runtime::ImageBuilder builds through
     * the host's Docker client, with progress lines on progressMessage().
     */
    using ImageBuilder = std::function<void(const Manifest::CompiledImage &image, Engine *engine,
                                            QObject *context, StepDone done)>;
    /** Makes the Engine of a host; the default connects to its Docker endpoint. */
    using EngineFactory = std::function<Scs::Result<Engine *>(const Manifest::CompiledHost &)>;

    explicit ContainerManager(Topology *topology, QObject *parent = nullptr);
    ~ContainerManager() override;

    void setEngineFactory(EngineFactory factory) { m_engineFactory = std::move(factory); }
    void setImageBuilder(ImageBuilder builder) { m_imageBuilder = std::move(builder); }

    /** Takes the stack and connects its hosts (nothing starts yet). */
    [[nodiscard]] Scs::Result<void> setStack(const Manifest::CompiledStack &stack,
                                             const Options &options);
    [[nodiscard]] const Manifest::CompiledStack &stack() const { return m_stack; }
    [[nodiscard]] Topology *topology() const { return m_topology; }
    [[nodiscard]] QList<Host *> hosts() const;
    [[nodiscard]] Host *host(const QString &name) const;
    /** The container of \p role this manager runs, or nullptr. */
    [[nodiscard]] ManagedContainer *container(const QString &role) const;
    /** "environment/service": the value of the scs.stack label. */
    [[nodiscard]] QString stackLabel() const;

    /** Roles in start order, grouped: every role's providers come in an earlier group. */
    [[nodiscard]] static Scs::Result<QList<QStringList>>
    startOrder(const Manifest::CompiledStack &stack);

    /** Builds what is missing, replaces what an earlier run left, starts in dependency order. */
    [[nodiscard]] Workflow *up();
    /**
     * Takes over the stack's running containers that another process started (found by
     * their labels), so this process supervises them and can move them. Each stays in the
     * disco session its label names (see ManagedContainer::adopt), so a later down or move
     * from any process still ends it.
     */
    [[nodiscard]] Workflow *adopt();
    /** Stops every container of the stack (also those another process started). */
    [[nodiscard]] Workflow *down();
    /**
     * Moves \p role to \p hostName; see Relocation. The manager keeps only the last
     * relocation: the one before is deleted (later) once its workflow has finished.
     */
    [[nodiscard]] Workflow *move(const QString &role, const QString &hostName);
    /** The last relocation (phases, measured unavailability), or nullptr. */
    [[nodiscard]] Relocation *lastRelocation() const;

    /** Every container of the stack on every host, from Docker labels (+ disco bindings). */
    [[nodiscard]] QFuture<Scs::Result<QList<StatusRow>>> status();

    /**
     * Makes sure \p image is on \p target: present, carried from another host, or built
     * (on Options::buildHost and carried, or on the target).
     */
    void ensureImage(const Manifest::CompiledImage &image, Host *target, StepDone done);
    /** Builds \p image on \p on with Runtime::ImageBuilder (the default builder). */
    void buildImage(const Manifest::CompiledImage &image, Host *on, StepDone done);
    /** Carries \p reference from \p from to \p to with save/load. */
    void transferImage(const QString &reference, Host *from, Host *to, StepDone done);

    /** The compiled container of \p role, placed on \p hostName. */
    [[nodiscard]] Scs::Result<Manifest::CompiledContainer> placed(const QString &role,
                                                                  const QString &hostName) const;
    /** Creates the managed container object of \p compiled on its host (not started). */
    ManagedContainer *createContainer(const Manifest::CompiledContainer &compiled);
    /** Makes \p container the one this manager runs for its role (after a move). */
    void adoptContainer(ManagedContainer *container);
    /** Forgets and deletes \p container (after it stopped). */
    void discardContainer(ManagedContainer *container);

signals:
    /** Human-readable progress of the running operation. */
    void progressMessage(const QString &message);

private:
    void removeLeftovers(StepDone done);
    void startRole(const QString &role, StepDone done);
    void stopRole(const QString &role, StepDone done);
    void stopForeign(const QString &role, StepDone done);

    Topology *m_topology;
    Manifest::CompiledStack m_stack;
    Options m_options;
    EngineFactory m_engineFactory;
    ImageBuilder m_imageBuilder;
    QMap<QString, Host *> m_hosts;
    QMap<QString, ManagedContainer *> m_containers; // by role
    QPointer<Relocation> m_lastRelocation;
};

namespace Internal {
/**
 * Ends a detached disco session another process left behind (session.attach, then
 * registry.leave), so its provisions are dropped. Calls \p done with the outcome.
 */
void closeDiscoSession(const QString &host, quint16 port, const QString &sessionId,
                       QObject *context, std::function<void(Scs::Result<void>)> done);
} // namespace Internal

} // namespace Runtime
