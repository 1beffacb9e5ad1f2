// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "host.h"

#include "engine.h"
#include "futureutil.h"
#include "runtimelog.h"
#include "runtimetr.h"

#include <QHostAddress>
#include <QTimer>

namespace Runtime {

using Internal::onResult;

Host::Host(QString name, QString address, QMap<QString, QString> attributes, QString dockerEndpoint,
           Engine *engine, Topology *topology, QObject *parent)
    : QObject(parent)
    , m_name(std::move(name))
    , m_address(std::move(address))
    , m_attributes(std::move(attributes))
    , m_dockerEndpoint(std::move(dockerEndpoint))
    , m_engine(engine)
    , m_topology(topology)
    , m_pingTimer(new QTimer(this))
{
    m_engine->setParent(this);
    connect(m_pingTimer, &QTimer::timeout, this, &Host::checkNow);
    connect(m_engine, &Engine::eventsReceived, this, &Host::containerEventsReceived);
    connect(m_engine, &Engine::eventsFailed, this, [this](const Scs::Error &error) {
        // A dead event stream is the quickest sign that the engine went away.
        qCInfo(runtimeLog) << "host" << m_name << "event stream ended:" << error.message;
        if (m_monitoring)
            checkNow();
    });
    updateTopology();
}

Host::~Host()
{
    m_engine->stopEvents();
}

bool Host::isLocal() const
{
    return m_dockerEndpoint.startsWith(QStringLiteral("unix://"));
}

QString Host::reachableFromContainer(const QString &address) const
{
    const QHostAddress parsed(address);
    if ((address == u"localhost" || parsed.isLoopback()) && !m_bridgeGateway.isEmpty())
        return m_bridgeGateway;
    return address;
}

bool Host::hasLoopbackAddress() const
{
    return m_address == u"localhost" || QHostAddress(m_address).isLoopback();
}

QString Host::advertisedAddress() const
{
    if (hasLoopbackAddress() && !m_bridgeGateway.isEmpty())
        return m_bridgeGateway;
    return m_address;
}

void Host::whenAdvertisedAddressKnown(QObject *context, std::function<void(const QString &)> done)
{
    if (!hasLoopbackAddress() || !m_bridgeGateway.isEmpty()) {
        done(advertisedAddress());
        return;
    }
    onResult(m_engine->inspectNetwork(QStringLiteral("bridge")), context,
             [this, done](const Scs::Result<Docker::NetworkInfo> &network) {
                 if (network && !network->gateway.isEmpty())
                     m_bridgeGateway = network->gateway;
                 else
                     qCInfo(runtimeLog) << "host" << m_name << "has no bridge gateway; "
                                        << "advertising" << m_address;
                 done(advertisedAddress());
             });
}

bool Host::isDocumentationAddress(const QString &hostOrAddress)
{
    const QString h = hostOrAddress.toLower();
    return h.endsWith(QStringLiteral(".example")) || h.contains(QStringLiteral(".example:"))
           || h.contains(QStringLiteral(".example/")) || h.startsWith(QStringLiteral("192.0.2."))
           || h.contains(QStringLiteral("//192.0.2.")) || h.contains(QStringLiteral("@192.0.2."));
}

bool Host::isDocumentationHost() const
{
    return isDocumentationAddress(m_dockerEndpoint) || isDocumentationAddress(m_address);
}

void Host::startMonitoring(int pingIntervalMs)
{
    if (isDocumentationHost()) {
        setHealth(HostHealth::Unknown,
                  Tr::tr("%1 is a documentation address; not contacted").arg(m_dockerEndpoint));
        return;
    }
    m_monitoring = true;
    m_pingTimer->start(pingIntervalMs);
    checkNow();
}

void Host::stopMonitoring()
{
    m_monitoring = false;
    m_pingTimer->stop();
    m_engine->stopEvents();
}

void Host::checkNow()
{
    if (m_pingInFlight || isDocumentationHost())
        return;
    m_pingInFlight = true;
    onResult(m_engine->ping(), this,
             [this](const Scs::Result<void> &result) { handlePing(result); });
}

void Host::handlePing(const Scs::Result<void> &result)
{
    m_pingInFlight = false;
    if (!result) {
        m_engine->stopEvents();
        setHealth(HostHealth::Down, result.error().message);
        return;
    }
    if (m_health != HostHealth::Up) {
        if (m_monitoring)
            m_engine->startEvents();
        onResult(m_engine->version(), this, [this](const Scs::Result<Docker::VersionInfo> &v) {
            if (v) {
                m_engineVersion = v->version;
                updateTopology();
            }
        });
        onResult(m_engine->inspectNetwork(QStringLiteral("bridge")), this,
                 [this](const Scs::Result<Docker::NetworkInfo> &network) {
                     if (network)
                         m_bridgeGateway = network->gateway;
                 });
    }
    setHealth(HostHealth::Up, {});
}

void Host::setHealth(HostHealth health, const QString &error)
{
    if (m_health == health && m_error == error)
        return;
    const bool changed = m_health != health;
    m_health = health;
    m_error = error;
    updateTopology();
    if (changed) {
        qCInfo(runtimeLog) << "host" << m_name << "is" << toString(health) << error;
        emit healthChanged(health);
    }
}

void Host::updateTopology()
{
    if (!m_topology)
        return;
    HostInfo info;
    info.name = m_name;
    info.address = m_address;
    info.dockerEndpoint = m_dockerEndpoint;
    info.attributes = m_attributes;
    info.health = m_health;
    info.error = m_error;
    info.engineVersion = m_engineVersion;
    m_topology->setHost(info);
}

} // namespace Runtime
