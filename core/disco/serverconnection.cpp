// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "serverconnection.h"

#include "discolog.h"
#include "discotr.h"
#include "server.h"

#include <QTcpSocket>
#include <QTimer>

#include <cerrno>
#include <sys/socket.h>

namespace Disco {

namespace {
// A peer that does not read its notifications is cut off before it costs the
// server unbounded memory.
constexpr qint64 MaxPendingOutput = 64 * 1024 * 1024;
} // namespace

ServerConnection::ServerConnection(quint64 id, QTcpSocket *socket, Server *server)
    : QObject(server)
    , m_id(id)
    , m_socket(socket)
    , m_server(server)
{
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    const QHostAddress peer = m_socket->peerAddress();
    bool isV4 = false;
    const quint32 v4 = peer.toIPv4Address(&isV4);
    const QString host = isV4 ? QHostAddress(v4).toString() : peer.toString();
    m_remote = (host.contains(u':') ? u'[' + host + u']' : host) + u':'
               + QString::number(m_socket->peerPort());
    m_lastReceived = server->now();
    connect(m_socket, &QTcpSocket::readyRead, this, &ServerConnection::handleReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this,
            [this] { m_server->handleDisconnected(this); });
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            m_server->handleDisconnected(this);
    });
}

ServerConnection::~ServerConnection() = default;

void ServerConnection::send(const QByteArray &data)
{
    if (m_closing)
        return;
    if (m_output.isEmpty())
        m_server->markDirty(this);
    m_output.append(data);
}

void ServerConnection::flush()
{
    if (m_output.isEmpty() || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    // One send() per batch, straight to the kernel while nothing waits in the socket's own
    // buffer: QTcpSocket would keep a 16 KiB write buffer per connection once it used it,
    // which 10,000 sessions cannot afford. What the kernel does not take goes through Qt.
    qsizetype written = 0;
    if (m_socket->bytesToWrite() == 0) {
        const ssize_t n = ::send(int(m_socket->socketDescriptor()), m_output.constData(),
                                 size_t(m_output.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0)
            written = qsizetype(n);
        else if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
            written = m_output.size(); // the peer is gone; the read side will notice
    }
    if (written < m_output.size())
        m_socket->write(m_output.constData() + written, m_output.size() - written);
    m_output.clear();
    if (m_socket->bytesToWrite() > MaxPendingOutput) {
        qCWarning(discoLog).noquote()
            << Tr::tr("%1 does not read what the server sends; closing it").arg(m_remote);
        abort();
    }
}

void ServerConnection::closeGracefully()
{
    if (m_closing)
        return;
    m_closing = true;
    m_socket->disconnectFromHost();
}

void ServerConnection::abort()
{
    m_closing = true;
    m_socket->abort();
    m_server->handleDisconnected(this);
}

void ServerConnection::handleReadyRead()
{
    if (m_closing) {
        m_socket->readAll();
        return;
    }
    // Read through a stack buffer: readAll() would allocate 16 KiB per call and per socket.
    char chunk[16384];
    while (true) {
        const qint64 n = m_socket->read(chunk, sizeof chunk);
        if (n <= 0)
            break;
        m_buffer.append(chunk, n);
        if (n < qint64(sizeof chunk))
            break;
    }
    m_lastReceived = m_server->now();
    qsizetype offset = 0;
    while (!m_closing) {
        const Protocol::ParseResult parsed
            = Protocol::parse(QByteArrayView(m_buffer).sliced(offset));
        if (parsed.status == Protocol::ParseStatus::Incomplete)
            break;
        if (parsed.status == Protocol::ParseStatus::TooLong) {
            qCWarning(discoLog).noquote()
                << Tr::tr("%1 sent a line longer than %2 bytes; closing it")
                       .arg(m_remote)
                       .arg(Protocol::MaxLineLength);
            m_socket->write(Protocol::encodeErrorLine(
                Protocol::ErrorName.toString(),
                Tr::tr("line longer than %1 bytes").arg(Protocol::MaxLineLength)));
            m_buffer.clear();
            offset = 0;
            m_socket->flush();
            // Send the `e` line and a FIN, discard what still comes for a moment, then close:
            // closing with unread input at once would reset the connection and could destroy
            // the `e` line before the peer reads it.
            m_closing = true;
            ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
            QTimer::singleShot(500, this, [this] { abort(); });
            break;
        }
        offset += parsed.frameSize;
        m_server->handleLine(this, parsed.line);
    }
    // An idle connection keeps no buffer (10,000 sessions must stay small).
    if (offset >= m_buffer.size())
        m_buffer.clear();
    else if (offset > 0)
        m_buffer.remove(0, offset);
    m_server->flushDirty();
}

} // namespace Disco
