// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

// Internal: the libcurl side of an EngineClient. Lives on the client's I/O thread and
// drives every transfer of one host through one curl multi handle whose sockets are
// watched by QSocketNotifiers, so the thread never blocks and long streams (events,
// logs, builds) run next to short calls.

#include "endpoint.h"
#include "enginerequest.h"

#include <QObject>
#include <QTimer>

#include <map>
#include <memory>
#include <vector>

class QSocketNotifier;

namespace Docker::Internal {

class SshBridge;
struct Transfer;

class EngineWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineWorker)

public:
    explicit EngineWorker(HostConfig config);
    ~EngineWorker() override;

    /** I/O thread: starts \p request; its onDone is called exactly once. */
    void start(quint64 id, Request request);
    /** I/O thread: aborts request \p id (onDone gets Kind::Cancelled). */
    void cancel(quint64 id);

    /** The well-known maximum API version this client uses. */
    static constexpr const char *maxApiVersion = "1.41";
    /** min(engine's version, maxApiVersion), comparing numerically. */
    [[nodiscard]] static QString negotiate(const QString &engineVersion,
                                           const QString &engineMinVersion);
    /** "host local: POST /containers/create: 409 Conflict: message" from a failed response. */
    [[nodiscard]] static Scs::Error httpError(const QString &hostName, const QString &operation,
                                              int status, const QByteArray &body);

    // Called by libcurl's callbacks (defined in the .cpp), on the I/O thread.
    void watchSocket(int socket, int what);
    void setCurlTimer(long timeoutMs);
    /** Resumes transfer \p id if a callback paused it (its pipe can go on). */
    void resume(quint64 id);

private:
    [[nodiscard]] Scs::Result<void> ensureMulti();
    void socketActivity(int socket, int flags);
    void processFinished();
    void scanCanceled();
    void launch(std::unique_ptr<Transfer> transfer);
    void finish(Transfer *transfer, Scs::Result<Response> result);
    void negotiationDone(Scs::Result<Response> result);
    [[nodiscard]] QByteArray baseUrl() const;
    /** A hint for a failed TLS handshake (wrong CA, no client certificate), or nothing. */
    [[nodiscard]] QString tlsHint(int curlCode) const;

    struct SocketWatch
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
    };

    HostConfig m_config;
    void *m_multi = nullptr; // CURLM*, kept out of this header
    QTimer m_curlTimer;
    QTimer m_cancelScan;
    std::map<int, SocketWatch> m_sockets;
    std::map<void *, std::unique_ptr<Transfer>> m_transfers; // by CURL*
    QString m_apiVersion;
    bool m_negotiating = false;
    std::vector<std::pair<quint64, Request>> m_waitingForVersion;
    std::unique_ptr<SshBridge> m_sshBridge;
    QString m_socketPath; // Unix endpoints and the ssh bridge
};

} // namespace Docker::Internal
