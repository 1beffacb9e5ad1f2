// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "forwarder.h"

#include "discolog.h"
#include "discotr.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace Disco {

/** One accepted connection: finds an upstream, then copies bytes both ways. */
class ForwardedConnection final : public QObject
{
public:
    ForwardedConnection(QTcpSocket *inbound, Forwarder *forwarder)
        : QObject(forwarder)
        , m_forwarder(forwarder)
        , m_inbound(inbound)
        , m_timer(new QTimer(this))
    {
        inbound->setParent(this);
        m_timer->setSingleShot(true);
        connect(m_inbound, &QTcpSocket::readyRead, this, &ForwardedConnection::handleInbound);
        connect(m_inbound, &QTcpSocket::disconnected, this,
                &ForwardedConnection::handleInboundClosed);
        connect(forwarder, &Forwarder::endpointsChanged, this, [this] {
            if (!m_outbound && !m_connecting)
                tryNext();
        });
        connect(m_timer, &QTimer::timeout, this, &ForwardedConnection::handleTimeout);
        m_deadline.start();
        tryNext();
    }

private:
    void tryNext()
    {
        // Newest first: after a move the new endpoint appears before the old one is dropped.
        QList<Endpoint> candidates = m_forwarder->endpoints();
        std::reverse(candidates.begin(), candidates.end());
        for (const Endpoint &endpoint : std::as_const(candidates)) {
            const QString key = endpoint.id + u'@' + endpoint.address.toString();
            if (m_tried.contains(key))
                continue;
            m_tried.insert(key);
            connectTo(endpoint.address);
            return;
        }
        // Nothing (left) to try: retry shortly (an endpoint may be starting) or wait for a
        // change, until the deadline.
        const qint64 remaining
            = qint64(m_forwarder->m_waitForEndpoint * 1000) - m_deadline.elapsed();
        if (remaining <= 0) {
            fail(Tr::tr("no reachable endpoint for the forwarded connection"));
            return;
        }
        m_connecting = false;
        if (!candidates.isEmpty()) {
            m_tried.clear();
            m_timer->start(int(std::min<qint64>(200, remaining)));
        } else {
            m_timer->start(int(remaining));
        }
    }

    void connectTo(const Address &address)
    {
        m_connecting = true;
        m_target = address;
        auto *outbound = new QTcpSocket(this);
        m_candidate = outbound;
        connect(outbound, &QTcpSocket::connected, this, [this, outbound] {
            if (outbound != m_candidate)
                return;
            m_timer->stop();
            m_connecting = false;
            m_outbound = outbound;
            m_outbound->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            connect(m_outbound, &QTcpSocket::readyRead, this, [this] {
                if (m_inbound)
                    m_inbound->write(m_outbound->readAll());
            });
            connect(m_outbound, &QTcpSocket::disconnected, this, [this] {
                if (m_inbound) {
                    m_inbound->write(m_outbound->readAll());
                    m_inbound->disconnectFromHost();
                }
                deleteLater();
            });
            emit m_forwarder->connectionForwarded(m_target);
            m_outbound->write(m_pending);
            m_pending.clear();
            if (m_inboundClosed)
                m_outbound->disconnectFromHost();
        });
        connect(outbound, &QTcpSocket::errorOccurred, this, [this, outbound] {
            if (outbound != m_candidate || m_outbound == outbound)
                return;
            qCInfo(discoLog).noquote()
                << Tr::tr("forward: %1 refused (%2); trying the next endpoint")
                       .arg(m_target.toString(), outbound->errorString());
            m_candidate = nullptr;
            outbound->deleteLater();
            tryNext();
        });
        m_timer->start(int(m_forwarder->m_connectTimeout * 1000));
        outbound->connectToHost(address.host, quint16(address.port));
    }

    void handleTimeout()
    {
        if (m_connecting && m_candidate) {
            QTcpSocket *stale = std::exchange(m_candidate, nullptr);
            stale->abort();
            stale->deleteLater();
        }
        tryNext();
    }

    void handleInbound()
    {
        const QByteArray data = m_inbound->readAll();
        if (m_outbound)
            m_outbound->write(data);
        else
            m_pending += data;
    }

    void handleInboundClosed()
    {
        m_inboundClosed = true;
        if (m_outbound)
            m_outbound->disconnectFromHost();
        else if (!m_connecting)
            deleteLater();
    }

    void fail(const QString &reason)
    {
        emit m_forwarder->connectionFailed(reason);
        qCWarning(discoLog).noquote() << Tr::tr("forward: %1").arg(reason);
        m_inbound->abort();
        deleteLater();
    }

    Forwarder *m_forwarder;
    QTcpSocket *m_inbound;
    QPointer<QTcpSocket> m_candidate;
    QPointer<QTcpSocket> m_outbound;
    QTimer *m_timer;
    QElapsedTimer m_deadline;
    QSet<QString> m_tried;
    QByteArray m_pending;
    Address m_target;
    bool m_connecting = false;
    bool m_inboundClosed = false;
};

Forwarder::Forwarder(Client *client, const RequirementSpec &requirement, QObject *parent)
    : QTcpServer(parent)
    , m_client(client)
{
    qRegisterMetaType<Disco::Address>();
    m_handle = client->require(requirement, this, [this](const RequirementEvent &event) {
        handleRequirementChanged(event);
    });
}

Forwarder::~Forwarder()
{
    if (m_client)
        (void)m_client->unrequire(m_handle);
}

Scs::Result<void> Forwarder::start(const QHostAddress &address, quint16 port)
{
    if (!listen(address, port))
        return Scs::makeError(Tr::tr("cannot listen on %1:%2: %3")
                                  .arg(address.toString())
                                  .arg(port)
                                  .arg(errorString()),
                              Scs::Error::Kind::Network);
    return {};
}

void Forwarder::setTimeouts(double waitForEndpoint, double connectTimeout)
{
    m_waitForEndpoint = waitForEndpoint;
    m_connectTimeout = connectTimeout;
}

QList<Endpoint> Forwarder::endpoints() const
{
    return m_client ? m_client->endpoints(m_handle) : QList<Endpoint>();
}

void Forwarder::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket;
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    new ForwardedConnection(socket, this);
}

void Forwarder::handleRequirementChanged(const RequirementEvent &event)
{
    emit endpointsChanged(event.current);
}

} // namespace Disco
