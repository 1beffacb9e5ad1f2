// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "sshbridge.h"

#include "dockerlog.h"
#include "dockertr.h"

#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>

namespace Docker::Internal {

using Scs::Error;
using Scs::makeError;

SshBridge::SshBridge(const HostConfig &config)
    : m_config(config)
    // Short and private: unix socket paths are limited to 108 bytes.
    , m_dir(QDir::tempPath() + QStringLiteral("/scs-ssh-XXXXXX"))
{}

SshBridge::~SshBridge()
{
    // Children (server, sockets, processes) go with us; kill the ssh processes first so
    // that none outlives the client.
    const auto processes = findChildren<QProcess *>();
    for (QProcess *process : processes) {
        process->disconnect(this);
        process->kill();
        process->waitForFinished(1000);
    }
}

Scs::Result<std::unique_ptr<SshBridge>> SshBridge::create(const HostConfig &config)
{
    std::unique_ptr<SshBridge> bridge(new SshBridge(config));
    if (!bridge->m_dir.isValid())
        return makeError(Tr::tr("host %1: cannot create a folder for the ssh bridge: %2")
                             .arg(config.name, bridge->m_dir.errorString()),
                         Error::Kind::Io);
    bridge->m_server = new QLocalServer(bridge.get());
    bridge->m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!bridge->m_server->listen(bridge->socketPath()))
        return makeError(
            Tr::tr("host %1: cannot listen on %2: %3")
                .arg(config.name, bridge->socketPath(), bridge->m_server->errorString()),
            Error::Kind::Io);
    connect(bridge->m_server, &QLocalServer::newConnection, bridge.get(),
            &SshBridge::handleNewConnection);
    return bridge;
}

QString SshBridge::socketPath() const
{
    return m_dir.filePath(QStringLiteral("docker.sock"));
}

void SshBridge::handleNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        auto *process = new QProcess(this);
        const QStringList command = sshDialCommand(m_config.endpoint, m_config.sshProgram);
        process->setProgram(command.first());
        process->setArguments(command.mid(1));
        process->setProcessChannelMode(QProcess::SeparateChannels);

        connect(socket, &QLocalSocket::readyRead, process,
                [socket, process] { process->write(socket->readAll()); });
        connect(process, &QProcess::readyReadStandardOutput, socket,
                [socket, process] { socket->write(process->readAllStandardOutput()); });
        connect(process, &QProcess::readyReadStandardError, process, [this, process] {
            qCWarning(dockerLog).noquote()
                << "host" << m_config.name
                << "ssh:" << QString::fromLocal8Bit(process->readAllStandardError()).trimmed();
        });
        // Either side ending ends the other: curl sees the close as a broken connection.
        connect(socket, &QLocalSocket::disconnected, process, [process] {
            process->closeWriteChannel();
            process->terminate();
        });
        connect(process, &QProcess::finished, socket, [socket, process] {
            socket->write(process->readAllStandardOutput());
            socket->disconnectFromServer();
            socket->deleteLater();
            process->deleteLater();
        });
        connect(process, &QProcess::errorOccurred, socket,
                [this, socket, process](QProcess::ProcessError error) {
                    if (error != QProcess::FailedToStart)
                        return;
                    qCWarning(dockerLog).noquote() << "host" << m_config.name << "cannot start"
                                                   << process->program() << process->errorString();
                    socket->disconnectFromServer();
                    socket->deleteLater();
                    process->deleteLater();
                });
        process->start();
    }
}

} // namespace Docker::Internal
