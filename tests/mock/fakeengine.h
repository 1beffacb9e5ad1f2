// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

// An in-memory Docker engine for the container manager's unit tests: containers,
// images, volumes, exec and archives, with failures that a test switches on.

#include "runtime/engine.h"

#include <QFile>
#include <QHash>
#include <QTimer>

namespace Mock {

class FakeEngine final : public Runtime::Engine
{
    Q_OBJECT

public:
    struct Container
    {
        Docker::ContainerSpec spec;
        bool running = false;
        int hostPortBase = 0;
        QHash<int, int> publishedPorts; ///< container port → host port
        QByteArray archive;             ///< what getArchive returns / putArchive stored
    };
    struct ExecRecord
    {
        QString containerName;
        QStringList command;
        QMap<QString, QString> environment;
    };

    explicit FakeEngine(QString hostName, QObject *parent = nullptr)
        : Runtime::Engine(parent)
        , m_hostName(std::move(hostName))
    {}

    // What tests look at and switch.
    QHash<QString, Container> containers; ///< by id
    QStringList images;
    QStringList volumes;
    QList<ExecRecord> execs;
    QStringList calls; ///< "create scs-dev-blog-db", "start ...", "stop ...", ...
    bool down = false; ///< every call fails as if the daemon was gone
    bool failPutArchive = false;
    bool failCreate = false;
    int healthExitCode = 0; ///< what the health command's exec returns
    int liveUpdateExitCode = 0;
    int nextPort = 32768;

    [[nodiscard]] QString idByName(const QString &name) const
    {
        for (auto it = containers.begin(); it != containers.end(); ++it)
            if (it->spec.name == name)
                return it.key();
        return {};
    }
    [[nodiscard]] const Container *byName(const QString &name) const
    {
        const auto it = containers.constFind(idByName(name));
        return it == containers.constEnd() ? nullptr : &*it;
    }

    /** The container's process dies (kill -9): a "die" event. */
    void kill(const QString &id, int exitCode = 137)
    {
        containers[id].running = false;
        emitEvent(id, QStringLiteral("die"),
                  {{QStringLiteral("exitCode"), QString::number(exitCode)}});
    }
    /** Docker restarts it per its restart policy: a "start" event. */
    void restart(const QString &id)
    {
        containers[id].running = true;
        emitEvent(id, QStringLiteral("start"));
    }
    void emitEvent(const QString &id, const QString &action, QMap<QString, QString> attrs = {})
    {
        Docker::Event event;
        event.type = QStringLiteral("container");
        event.action = action;
        event.actorId = id;
        event.attributes = attrs;
        QTimer::singleShot(0, this, [this, event]() { emit eventsReceived({event}); });
    }

    QString hostName() const override { return m_hostName; }

    QFuture<Scs::Result<Docker::VersionInfo>> version() override
    {
        if (down)
            return ready<Docker::VersionInfo>(gone());
        Docker::VersionInfo info;
        info.version = QStringLiteral("fake");
        return ready<Docker::VersionInfo>(info);
    }
    QFuture<Scs::Result<void>> ping() override { return readyVoid(down ? gone() : ok()); }

    QFuture<Scs::Result<QString>> createContainer(const Docker::ContainerSpec &spec) override
    {
        calls.append(QStringLiteral("create ") + spec.name);
        if (down)
            return ready<QString>(gone());
        if (failCreate)
            return ready<QString>(Scs::makeError(QStringLiteral("fake: create refused")));
        if (!spec.name.isEmpty() && !idByName(spec.name).isEmpty())
            return ready<QString>(Scs::makeError(QStringLiteral("fake: name in use"),
                                                 Scs::Error::Kind::Conflict, 409));
        const QString id = QStringLiteral("c%1").arg(++m_nextId);
        Container c;
        c.spec = spec;
        for (const auto &port : spec.ports)
            c.publishedPorts.insert(port.containerPort, port.hostPort ? port.hostPort : nextPort++);
        containers.insert(id, c);
        return ready<QString>(id);
    }
    QFuture<Scs::Result<void>> startContainer(const QString &id) override
    {
        calls.append(QStringLiteral("start ") + nameOf(id));
        if (down)
            return readyVoid(gone());
        if (!containers.contains(id))
            return readyVoid(missing(id));
        // Helpers (volume copies, mkdir) run a short command and exit at once.
        containers[id].running = !containers[id].spec.labels.contains(QStringLiteral("scs.helper"));
        return readyVoid(ok());
    }
    QFuture<Scs::Result<void>> stopContainer(const QString &id, int) override
    {
        calls.append(QStringLiteral("stop ") + nameOf(id));
        if (down)
            return readyVoid(gone());
        if (!containers.contains(id))
            return readyVoid(missing(id));
        if (containers[id].running) {
            containers[id].running = false;
            emitEvent(id, QStringLiteral("die"),
                      {{QStringLiteral("exitCode"), QStringLiteral("0")}});
        }
        return readyVoid(ok());
    }
    QFuture<Scs::Result<void>> removeContainer(const QString &idOrName, bool) override
    {
        if (down)
            return readyVoid(gone());
        QString id = containers.contains(idOrName) ? idOrName : idByName(idOrName);
        if (id.isEmpty())
            return readyVoid(missing(idOrName));
        calls.append(QStringLiteral("remove ") + nameOf(id));
        containers.remove(id);
        return readyVoid(ok());
    }
    QFuture<Scs::Result<Docker::ContainerInfo>> inspectContainer(const QString &id) override
    {
        if (down)
            return ready<Docker::ContainerInfo>(gone());
        if (!containers.contains(id))
            return ready<Docker::ContainerInfo>(missing(id));
        const Container &c = containers[id];
        Docker::ContainerInfo info;
        info.id = id;
        info.name = c.spec.name;
        info.labels = c.spec.labels;
        info.environment = c.spec.environment;
        info.state.running = c.running;
        info.state.status = c.running ? QStringLiteral("running") : QStringLiteral("exited");
        info.state.health = c.spec.health ? QStringLiteral("healthy") : QString();
        for (auto it = c.publishedPorts.begin(); it != c.publishedPorts.end(); ++it)
            info.ports.append(Docker::PortBinding{it.key(), QStringLiteral("tcp"), {}, it.value()});
        return ready<Docker::ContainerInfo>(info);
    }
    QFuture<Scs::Result<QList<Docker::ContainerSummary>>>
    listContainers(const Docker::ContainerFilter &filter) override
    {
        if (down)
            return ready<QList<Docker::ContainerSummary>>(gone());
        QList<Docker::ContainerSummary> list;
        for (auto it = containers.begin(); it != containers.end(); ++it) {
            bool match = filter.all || it->running;
            for (auto l = filter.labels.begin(); l != filter.labels.end(); ++l)
                match = match && it->spec.labels.value(l.key()) == l.value();
            if (!match)
                continue;
            Docker::ContainerSummary s;
            s.id = it.key();
            s.names = {it->spec.name};
            s.labels = it->spec.labels;
            s.state = it->running ? QStringLiteral("running") : QStringLiteral("exited");
            list.append(s);
        }
        return ready<QList<Docker::ContainerSummary>>(list);
    }
    QFuture<Scs::Result<Docker::ExecResult>> exec(const QString &id,
                                                  const Docker::ExecSpec &spec) override
    {
        if (down)
            return ready<Docker::ExecResult>(gone());
        if (!containers.contains(id) || !containers[id].running)
            return ready<Docker::ExecResult>(
                Scs::makeError(QStringLiteral("fake: container %1 is not running").arg(id),
                               Scs::Error::Kind::Conflict, 409));
        execs.append(ExecRecord{containers[id].spec.name, spec.command, spec.environment});
        Docker::ExecResult result;
        const bool health
            = containers[id].spec.health && spec.command == containers[id].spec.health->command;
        result.exitCode = health ? healthExitCode : liveUpdateExitCode;
        result.standardOutput = health ? QByteArray("ok") : QByteArray("re-pointed");
        return ready<Docker::ExecResult>(result);
    }
    QFuture<Scs::Result<QList<Docker::LogFrame>>> logs(const QString &,
                                                       const Docker::LogOptions &) override
    {
        return ready<QList<Docker::LogFrame>>(
            QList<Docker::LogFrame>{{Docker::LogFrame::Stream::StdOut, "fake log\n"}});
    }
    QFuture<Scs::Result<void>> getArchive(const QString &id, const QString &path,
                                          const QString &tarFile) override
    {
        calls.append(QStringLiteral("get-archive ") + path);
        if (down)
            return readyVoid(gone());
        QFile file(tarFile);
        if (!file.open(QIODevice::WriteOnly))
            return readyVoid(Scs::makeError(QStringLiteral("fake: cannot write ") + tarFile));
        file.write(containers.value(id).archive.isEmpty() ? QByteArray("fake-tar:") + path.toUtf8()
                                                          : containers.value(id).archive);
        return readyVoid(ok());
    }
    QFuture<Scs::Result<void>> putArchive(const QString &id, const QString &path,
                                          const QString &tarFile) override
    {
        calls.append(QStringLiteral("put-archive ") + path);
        if (down || failPutArchive)
            return readyVoid(Scs::makeError(QStringLiteral("fake: connection refused"),
                                            Scs::Error::Kind::Network));
        QFile file(tarFile);
        if (file.open(QIODevice::ReadOnly))
            received.append(file.readAll());
        Q_UNUSED(id)
        return readyVoid(ok());
    }
    QByteArrayList received; ///< every archive put into this engine

    QFuture<Scs::Result<bool>> hasImage(const QString &reference) override
    {
        if (down)
            return ready<bool>(gone());
        return ready<bool>(images.contains(reference));
    }
    QFuture<Scs::Result<void>> saveImages(const QStringList &names, const QString &tarFile) override
    {
        QFile file(tarFile);
        if (!file.open(QIODevice::WriteOnly))
            return readyVoid(Scs::makeError(QStringLiteral("fake: cannot write")));
        file.write(names.join(u'\n').toUtf8());
        return readyVoid(ok());
    }
    QFuture<Scs::Result<void>> loadImages(const QString &tarFile) override
    {
        if (down)
            return readyVoid(gone());
        QFile file(tarFile);
        if (!file.open(QIODevice::ReadOnly))
            return readyVoid(Scs::makeError(QStringLiteral("fake: cannot read")));
        images.append(QString::fromUtf8(file.readAll()).split(u'\n'));
        calls.append(QStringLiteral("load"));
        return readyVoid(ok());
    }
    QFuture<Scs::Result<Docker::VolumeInfo>> createVolume(const Docker::VolumeSpec &spec) override
    {
        volumes.append(spec.name);
        lastVolume = spec;
        Docker::VolumeInfo info;
        info.name = spec.name;
        info.options = spec.driverOptions;
        return ready<Docker::VolumeInfo>(info);
    }
    Docker::VolumeSpec lastVolume;
    QFuture<Scs::Result<Docker::VolumeInfo>> inspectVolume(const QString &name) override
    {
        Docker::VolumeInfo info;
        info.name = name;
        return ready<Docker::VolumeInfo>(info);
    }
    QFuture<Scs::Result<void>> removeVolume(const QString &name) override
    {
        volumes.removeAll(name);
        return readyVoid(ok());
    }
    QFuture<Scs::Result<Docker::NetworkInfo>> inspectNetwork(const QString &name) override
    {
        Docker::NetworkInfo info;
        info.name = name;
        info.gateway = QStringLiteral("172.17.0.1");
        return ready<Docker::NetworkInfo>(info);
    }
    void startEvents() override {}
    void stopEvents() override {}

private:
    template<typename T>
    static QFuture<Scs::Result<T>> ready(Scs::Result<T> value)
    {
        return QtFuture::makeReadyFuture(std::move(value));
    }
    static QFuture<Scs::Result<void>> readyVoid(Scs::Result<void> value)
    {
        return QtFuture::makeReadyFuture(std::move(value));
    }
    static Scs::Result<void> ok() { return {}; }
    std::unexpected<Scs::Error> gone() const
    {
        return Scs::makeError(QStringLiteral("host %1: connection refused").arg(m_hostName),
                              Scs::Error::Kind::Network);
    }
    static std::unexpected<Scs::Error> missing(const QString &id)
    {
        return Scs::makeError(QStringLiteral("fake: no such container ") + id,
                              Scs::Error::Kind::NotFound, 404);
    }
    QString nameOf(const QString &id) const { return containers.value(id).spec.name; }

    QString m_hostName;
    int m_nextId = 0;
};

} // namespace Mock
