// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "protocol.h"

#include <QByteArray>
#include <QObject>

class QTcpSocket;

namespace Disco {

class Server;

/**
 * One accepted socket of the Server: buffers input, frames lines with the
 * codec (an over-long line is answered with `e` and the socket closed), keeps
 * the time of the last received line for the liveness scan, and writes.
 */
class ServerConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerConnection)

public:
    ServerConnection(quint64 id, QTcpSocket *socket, Server *server);
    ~ServerConnection() override;

    [[nodiscard]] quint64 id() const { return m_id; }
    [[nodiscard]] QString remote() const { return m_remote; }
    [[nodiscard]] qint64 lastReceived() const { return m_lastReceived; }
    [[nodiscard]] bool isClosing() const { return m_closing; }

    /** Queues \p data; the server flushes after the current batch (one write per batch). */
    void send(const QByteArray &data);
    void flush();
    /** Closes after writing what is queued. */
    void closeGracefully();
    /** Drops the socket at once (dead peer). */
    void abort();

private:
    void handleReadyRead();

    quint64 m_id;
    QTcpSocket *m_socket;
    Server *m_server;
    QString m_remote;
    QByteArray m_buffer;
    QByteArray m_output;
    qint64 m_lastReceived = 0;
    bool m_closing = false;
};

} // namespace Disco
