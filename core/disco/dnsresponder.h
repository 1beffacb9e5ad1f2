// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "types.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>

class QUdpSocket;

namespace Disco {

class Registry;

/**
 * Answers DNS SRV queries from a disco Registry over UDP (disco-protocol.md,
 * extensions): `_{endpoint}._tcp.{role}.{service}.{environment}.disco.` gets
 * one SRV record per provision, with the A/AAAA record of each target in the
 * additional section. Targets of IP-literal hosts are named
 * `{provision-id}.{role}.{service}.{environment}.disco.` and answer A/AAAA
 * queries too. Malformed packets are dropped without an answer.
 */
class DnsResponder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DnsResponder)

public:
    explicit DnsResponder(const Registry *registry, QObject *parent = nullptr);
    ~DnsResponder() override;

    [[nodiscard]] Scs::Result<void> start(const QHostAddress &address = QHostAddress::LocalHost,
                                          quint16 port = DefaultDnsPort);
    [[nodiscard]] quint16 port() const;

    /** The answer to one query packet; empty when the packet is dropped (public for tests). */
    [[nodiscard]] QByteArray answer(const QByteArray &query) const;

private:
    void handleReadyRead();

    const Registry *m_registry;
    QUdpSocket *m_socket;
};

} // namespace Disco
