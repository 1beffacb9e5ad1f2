// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "docker/types.h"
#include "topology.h"

#include <QMap>
#include <QObject>
#include <QString>

#include <functional>

class QTimer;

namespace Runtime {

class Engine;

/**
 * One Docker host of a stack: its engine, the address its published ports are
 * reachable on, and its attributes (zone, data center). Watches its health: the
 * engine's event stream and a periodic ping. Keeps its row of the Topology current.
 */
class Host final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Host)

public:
    /** Takes ownership of \p engine. */
    Host(QString name, QString address, QMap<QString, QString> attributes, QString dockerEndpoint,
         Engine *engine, Topology *topology, QObject *parent = nullptr);
    ~Host() override;

    [[nodiscard]] QString name() const { return m_name; }
    [[nodiscard]] QString address() const { return m_address; }
    [[nodiscard]] QMap<QString, QString> attributes() const { return m_attributes; }
    [[nodiscard]] QString dockerEndpoint() const { return m_dockerEndpoint; }
    [[nodiscard]] Engine *engine() const { return m_engine; }
    [[nodiscard]] HostHealth health() const { return m_health; }
    /** True when the engine's socket is on this machine (unix://): host paths are local. */
    [[nodiscard]] bool isLocal() const;

    /**
     * The address this host's published ports are advertised at (disco, ps): the hosts
     * file's address, except that a loopback one (a local development host) is replaced by
     * the engine's bridge gateway, which both this machine and every container on the host
     * reach (127.0.0.1 in a container is the container itself). Empty gateway (not known
     * yet, or no bridge): the address as written.
     */
    [[nodiscard]] QString advertisedAddress() const;
    /** Calls \p done with advertisedAddress() once the bridge gateway is known (or failed). */
    void whenAdvertisedAddressKnown(QObject *context, std::function<void(const QString &)> done);

    /**
     * The address a container on this host uses to reach \p address: a loopback address
     * means "this host", which a container on the default bridge reaches through the
     * bridge's gateway.
     */
    [[nodiscard]] QString reachableFromContainer(const QString &address) const;

    /**
     * True when the engine or the address is a documentation one (*.example, 192.0.2.x,
     * as in the example hosts files): such a host is never contacted.
     */
    [[nodiscard]] bool isDocumentationHost() const;
    [[nodiscard]] static bool isDocumentationAddress(const QString &hostOrAddress);

    /** Starts watching: events plus a ping every \p pingIntervalMs. */
    void startMonitoring(int pingIntervalMs = 1000);
    void stopMonitoring();
    /** Pings now; health follows the answer. */
    void checkNow();

signals:
    void healthChanged(Runtime::HostHealth health);
    void containerEventsReceived(const QList<Docker::Event> &events);

private:
    void handlePing(const Scs::Result<void> &result);
    void setHealth(HostHealth health, const QString &error);
    void updateTopology();
    [[nodiscard]] bool hasLoopbackAddress() const;

    QString m_name;
    QString m_address;
    QMap<QString, QString> m_attributes;
    QString m_dockerEndpoint;
    Engine *m_engine;
    Topology *m_topology;
    QTimer *m_pingTimer;
    HostHealth m_health = HostHealth::Unknown;
    QString m_error;
    QString m_engineVersion;
    QString m_bridgeGateway;
    bool m_pingInFlight = false;
    bool m_monitoring = false;
};

} // namespace Runtime
