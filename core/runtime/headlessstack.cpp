// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "headlessstack.h"

#include "disco/server.h"
#include "manifest/compiler.h"
#include "runtimelog.h"
#include "runtimetr.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QTimer>

namespace Runtime {

Scs::Result<QPair<QString, quint16>> parseHostPort(const QString &text)
{
    QString host;
    QString port;
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        if (close < 0 || text.mid(close + 1, 1) != u":")
            return Scs::makeError(Tr::tr("'%1' is not host:port").arg(text),
                                  Scs::Error::Kind::InvalidInput);
        host = text.mid(1, close - 1);
        port = text.mid(close + 2);
    } else {
        const qsizetype colon = text.lastIndexOf(u':');
        if (colon <= 0)
            return Scs::makeError(Tr::tr("'%1' is not host:port").arg(text),
                                  Scs::Error::Kind::InvalidInput);
        host = text.left(colon);
        port = text.mid(colon + 1);
    }
    bool ok = false;
    const uint value = port.toUInt(&ok);
    if (!ok || value == 0 || value > 65535 || host.isEmpty())
        return Scs::makeError(Tr::tr("'%1' is not host:port (port 1-65535)").arg(text),
                              Scs::Error::Kind::InvalidInput);
    return QPair<QString, quint16>{host, quint16(value)};
}

HeadlessStack::HeadlessStack(QObject *parent)
    : QObject(parent)
    , m_topology(new Topology(this))
    , m_manager(new ContainerManager(m_topology, this))
{
    QObject::connect(m_manager, &ContainerManager::progressMessage, this, &HeadlessStack::message);
}

HeadlessStack::~HeadlessStack() = default;

Scs::Result<void> HeadlessStack::open(const QString &stackFile, const QString &hostsFile,
                                      double sessionTimeout)
{
    auto stack = Manifest::Compiler::compile(stackFile, hostsFile);
    if (!stack)
        return Scs::makeError(stack.error());
    m_stack = *stack;
    m_sessionTimeout = sessionTimeout;
    const QString address
        = m_stack.discoAddress.isEmpty() ? QStringLiteral("127.0.0.1:9640") : m_stack.discoAddress;
    auto hostPort = parseHostPort(address);
    if (!hostPort)
        return Scs::makeError(hostPort.error().withContext(Tr::tr("disco.address")));
    m_discoHost = hostPort->first;
    m_discoPort = hostPort->second;
    return {};
}

QString HeadlessStack::discoAddress() const
{
    return m_discoHost + u':' + QString::number(m_discoPort);
}

void HeadlessStack::connect(std::function<void(Scs::Result<void>)> done, bool startOwnServer)
{
    // Never reach for a documentation address (*.example, 192.0.2.x): start our own.
    const bool documentation = m_discoHost.endsWith(QStringLiteral(".example"))
                               || m_discoHost.startsWith(QStringLiteral("192.0.2."));
    if (documentation) {
        if (startOwnServer)
            this->startOwnServer(std::move(done));
        else
            finishConnect(std::move(done), false);
        return;
    }
    auto *socket = new QTcpSocket(this);
    auto finished = std::make_shared<bool>(false);
    auto decide = [this, socket, finished, done, startOwnServer](bool answered) {
        if (*finished)
            return;
        *finished = true;
        socket->disconnect();
        socket->abort();
        socket->deleteLater();
        if (answered) {
            emit message(Tr::tr("using the disco server at %1").arg(discoAddress()));
            finishConnect(done);
        } else if (startOwnServer) {
            this->startOwnServer(done);
        } else {
            finishConnect(done, false);
        }
    };
    QObject::connect(socket, &QTcpSocket::connected, socket,
                     [socket]() { socket->write("c:probe ping\n"); });
    QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, decide]() {
        if (socket->readAll().contains("r:probe"))
            decide(true);
    });
    QObject::connect(socket, &QTcpSocket::errorOccurred, socket,
                     [decide](QAbstractSocket::SocketError) { decide(false); });
    QTimer::singleShot(1000, socket, [decide]() { decide(false); });
    socket->connectToHost(m_discoHost, m_discoPort);
}

void HeadlessStack::startOwnServer(std::function<void(Scs::Result<void>)> done)
{
    m_server = new Disco::Server(this);
    const QHostAddress configured(m_discoHost);
    const bool loopback = m_discoHost == u"localhost" || configured.isLoopback();
    const quint16 port = loopback ? m_discoPort : 0;
    auto started = m_server->start(QHostAddress::LocalHost, port);
    if (!started) {
        done(Scs::makeError(started.error().withContext(
            Tr::tr("no disco server answers at %1 and starting one failed").arg(discoAddress()))));
        return;
    }
    const QString was = discoAddress();
    m_discoHost = QStringLiteral("127.0.0.1");
    m_discoPort = m_server->serverPort();
    emit message(Tr::tr("no disco server answers at %1: started one in this process at %2 "
                        "(registrations last while this command runs)")
                     .arg(was, discoAddress()));
    finishConnect(std::move(done));
}

void HeadlessStack::finishConnect(std::function<void(Scs::Result<void>)> done, bool discoAvailable)
{
    ContainerManager::Options options;
    options.discoHost = m_discoHost;
    options.discoPort = m_discoPort;
    options.sessionTimeout = m_server ? 0 : m_sessionTimeout;
    options.discoAvailable = discoAvailable;
    options.buildHost = m_buildHost;
    done(m_manager->setStack(m_stack, options));
}

} // namespace Runtime
