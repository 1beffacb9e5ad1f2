// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "client.h"
#include "types.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>

namespace Disco {

/**
 * Listens on a local port and forwards each accepted connection to a current
 * endpoint of a requirement (`scs disco forward`): the newest endpoint first,
 * failing over to the others when a connect fails, waiting a little for an
 * endpoint when there is none. Connections already forwarded stay where they
 * are; new ones follow the changes.
 */
class Forwarder final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Forwarder)

public:
    /** \p client must outlive the forwarder; the requirement is registered on it. */
    Forwarder(Client *client, const RequirementSpec &requirement, QObject *parent = nullptr);
    ~Forwarder() override;

    [[nodiscard]] Scs::Result<void> start(const QHostAddress &address, quint16 port);

    /** Seconds to wait for an endpoint, and for one connect attempt. */
    void setTimeouts(double waitForEndpoint, double connectTimeout);

    [[nodiscard]] QList<Endpoint> endpoints() const;

signals:
    void connectionForwarded(const Disco::Address &to);
    void connectionFailed(const QString &reason);
    void endpointsChanged(const QList<Disco::Endpoint> &endpoints);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    friend class ForwardedConnection;
    void handleRequirementChanged(const RequirementEvent &event);

    QPointer<Client> m_client;
    Client::RequirementHandle m_handle = 0;
    double m_waitForEndpoint = 10;
    double m_connectTimeout = 3;
};

} // namespace Disco

Q_DECLARE_METATYPE(Disco::Address)
