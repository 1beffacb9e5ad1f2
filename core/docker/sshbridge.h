// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

// Internal: reaches an ssh:// engine. A private unix socket that libcurl connects to;
// every connection on it is piped through its own
// `ssh -o BatchMode=yes user@host docker system dial-stdio`.

#include "common/result.h"
#include "endpoint.h"

#include <QObject>
#include <QTemporaryDir>

#include <memory>

class QLocalServer;

namespace Docker::Internal {

class SshBridge final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SshBridge)

public:
    /** Listens on a fresh socket in a private temporary folder (on the calling thread). */
    [[nodiscard]] static Scs::Result<std::unique_ptr<SshBridge>> create(const HostConfig &config);
    ~SshBridge() override;

    [[nodiscard]] QString socketPath() const;

private:
    explicit SshBridge(const HostConfig &config);
    void handleNewConnection();

    HostConfig m_config;
    QTemporaryDir m_dir;
    QLocalServer *m_server = nullptr;
};

} // namespace Docker::Internal
