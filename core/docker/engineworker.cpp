// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "engineworker.h"

#include "dockerlog.h"
#include "dockertr.h"
#include "sshbridge.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QVersionNumber>

#include <curl/curl.h>

namespace Docker::Internal {

using Scs::Error;
using Scs::makeError;

namespace {

constexpr qsizetype maxErrorBody = 64 * 1024;
constexpr qsizetype maxBody = 256 * 1024 * 1024;

QString reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QStringLiteral("OK");
    case 201:
        return QStringLiteral("Created");
    case 204:
        return QStringLiteral("No Content");
    case 304:
        return QStringLiteral("Not Modified");
    case 400:
        return QStringLiteral("Bad Request");
    case 401:
        return QStringLiteral("Unauthorized");
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("Not Found");
    case 406:
        return QStringLiteral("Not Acceptable");
    case 409:
        return QStringLiteral("Conflict");
    case 500:
        return QStringLiteral("Internal Server Error");
    case 503:
        return QStringLiteral("Service Unavailable");
    default:
        return {};
    }
}

Error::Kind kindForStatus(int status)
{
    switch (status) {
    case 400:
        return Error::Kind::InvalidInput;
    case 404:
        return Error::Kind::NotFound;
    case 409:
        return Error::Kind::Conflict;
    default:
        return Error::Kind::Remote;
    }
}

} // namespace

/** One transfer in flight, owned by the worker. */
struct Transfer
{
    quint64 id = 0;
    CURL *easy = nullptr;
    Request request;
    curl_slist *headers = nullptr;
    QByteArray url;
    QByteArray body;
    QFile upload;
    QFile download;
    char errorBuffer[CURL_ERROR_SIZE] = {};
    bool canceled = false;
    bool paused = false;             // a callback paused it on its pipe; resume() goes on
    bool pipeEnded = false;          // the pipe heard how this side ended
    std::optional<Error> abortError; // set by a callback that aborted the transfer

    /** Tells the pipe(s) how this transfer ended, once; \p ok = it succeeded. */
    void endPipes(bool ok)
    {
        if (pipeEnded)
            return;
        pipeEnded = true;
        if (const auto &pipe = request.downloadPipe) {
            pipe->setWakeWriter(nullptr);
            pipe->finishWriting(ok);
        }
        if (const auto &pipe = request.uploadPipe) {
            pipe->setWakeReader(nullptr);
            if (!ok)
                pipe->closeReader();
        }
    }

    ~Transfer()
    {
        endPipes(false);
        if (easy)
            curl_easy_cleanup(easy);
        if (headers)
            curl_slist_free_all(headers);
    }

    [[nodiscard]] long status() const
    {
        long code = 0;
        curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &code);
        return code;
    }
    [[nodiscard]] bool wantsStop()
    {
        if (!canceled && request.isCanceled && request.isCanceled())
            canceled = true;
        return canceled;
    }
};

namespace {

size_t writeCallback(char *data, size_t size, size_t count, void *userp)
{
    auto *t = static_cast<Transfer *>(userp);
    const size_t bytes = size * count;
    if (t->wantsStop())
        return 0; // aborts with CURLE_WRITE_ERROR; finish() reports Cancelled
    const long status = t->status();
    const bool ok = status >= 200 && status < 300;
    if (ok && t->request.downloadPipe) {
        switch (t->request.downloadPipe->push(data, qsizetype(bytes))) {
        case BytePipe::Push::Accepted:
            return bytes;
        case BytePipe::Push::Full:
            t->paused = true; // curl keeps these bytes and offers them again on resume
            return CURL_WRITEFUNC_PAUSE;
        case BytePipe::Push::ReaderGone:
            t->abortError
                = Error{Error::Kind::Cancelled, Tr::tr("the receiving engine stopped reading")};
            return 0;
        }
    }
    if (ok && t->request.onChunk) {
        t->request.onChunk(QByteArray(data, qsizetype(bytes)));
        return bytes;
    }
    if (ok && t->download.isOpen()) {
        if (t->download.write(data, qint64(bytes)) != qint64(bytes)) {
            t->abortError = Error{Error::Kind::Io,
                                  Tr::tr("cannot write %1: %2")
                                      .arg(t->download.fileName(), t->download.errorString())};
            return 0;
        }
        return bytes;
    }
    const qsizetype cap = ok ? maxBody : maxErrorBody;
    if (t->body.size() + qsizetype(bytes) > cap) {
        if (!ok)
            return bytes; // an error body: the start of it is enough for the message
        t->abortError
            = Error{Error::Kind::Remote, Tr::tr("response larger than %1 bytes").arg(maxBody)};
        return 0;
    }
    t->body.append(data, qsizetype(bytes));
    return bytes;
}

size_t readCallback(char *buffer, size_t size, size_t count, void *userp)
{
    auto *t = static_cast<Transfer *>(userp);
    if (t->wantsStop())
        return CURL_READFUNC_ABORT;
    if (t->request.uploadPipe) {
        qsizetype copied = 0;
        switch (t->request.uploadPipe->pull(buffer, qsizetype(size * count), copied)) {
        case BytePipe::Pull::Data:
            return size_t(copied);
        case BytePipe::Pull::Empty:
            t->paused = true;
            return CURL_READFUNC_PAUSE;
        case BytePipe::Pull::End:
            return 0;
        case BytePipe::Pull::WriterFailed:
            t->abortError
                = Error{Error::Kind::Cancelled, Tr::tr("the sending engine stopped sending")};
            return CURL_READFUNC_ABORT;
        }
    }
    const qint64 got = t->upload.read(buffer, qint64(size * count));
    if (got < 0) {
        t->abortError = Error{
            Error::Kind::Io,
            Tr::tr("cannot read %1: %2").arg(t->upload.fileName(), t->upload.errorString())};
        return CURL_READFUNC_ABORT;
    }
    return size_t(got);
}

int xferInfoCallback(void *userp, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    return static_cast<Transfer *>(userp)->wantsStop() ? 1 : 0;
}

int curlSocketCallback(CURL *, curl_socket_t socket, int what, void *userp, void *)
{
    static_cast<EngineWorker *>(userp)->watchSocket(socket, what);
    return 0;
}

int curlTimerCallback(CURLM *, long timeoutMs, void *userp)
{
    static_cast<EngineWorker *>(userp)->setCurlTimer(timeoutMs);
    return 0;
}

} // namespace

EngineWorker::EngineWorker(HostConfig config)
    : m_config(std::move(config))
    , m_curlTimer(this) // children, so that moveToThread() takes them along
    , m_cancelScan(this)
{
    m_curlTimer.setSingleShot(true);
    connect(&m_curlTimer, &QTimer::timeout, this,
            [this] { socketActivity(CURL_SOCKET_TIMEOUT, 0); });
    m_cancelScan.setInterval(200);
    connect(&m_cancelScan, &QTimer::timeout, this, &EngineWorker::scanCanceled);
    if (m_config.endpoint.kind == Endpoint::Kind::Unix)
        m_socketPath = m_config.endpoint.socketPath;
}

EngineWorker::~EngineWorker()
{
    // Runs on the I/O thread after its loop ended: the client is going away, so the
    // callbacks of unfinished requests are dropped (their promises cancel themselves).
    for (auto &[easy, transfer] : m_transfers)
        curl_multi_remove_handle(m_multi, easy);
    m_transfers.clear();
    for (auto &[socket, watch] : m_sockets) {
        delete watch.read;
        delete watch.write;
    }
    m_sockets.clear();
    if (m_multi)
        curl_multi_cleanup(m_multi);
}

QString EngineWorker::negotiate(const QString &engineVersion, const QString &engineMinVersion)
{
    const auto cap = QVersionNumber::fromString(QLatin1String(maxApiVersion));
    const auto engine = QVersionNumber::fromString(engineVersion);
    if (engine.isNull())
        return QLatin1String(maxApiVersion);
    QVersionNumber chosen = QVersionNumber::compare(engine, cap) < 0 ? engine : cap;
    const auto minimum = QVersionNumber::fromString(engineMinVersion);
    if (!minimum.isNull() && QVersionNumber::compare(chosen, minimum) < 0)
        chosen = minimum; // an engine that dropped 1.41 would refuse anything older
    return chosen.toString();
}

Error EngineWorker::httpError(const QString &hostName, const QString &operation, int status,
                              const QByteArray &body)
{
    QString message;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject())
        message = doc.object().value(QStringLiteral("message")).toString();
    if (message.isEmpty())
        message = QString::fromUtf8(body.left(2000)).trimmed();
    QString statusText = QString::number(status);
    if (const QString reason = reasonPhrase(status); !reason.isEmpty())
        statusText += u' ' + reason;
    QString text = Tr::tr("host %1: %2: %3").arg(hostName, operation, statusText);
    if (!message.isEmpty())
        text += QStringLiteral(": ") + message;
    return Error{kindForStatus(status), text, status};
}

Scs::Result<void> EngineWorker::ensureMulti()
{
    if (m_multi)
        return {};
    if (m_config.endpoint.kind == Endpoint::Kind::Ssh && !m_sshBridge) {
        auto bridge = SshBridge::create(m_config);
        if (!bridge)
            return makeError(bridge.error());
        m_sshBridge = std::move(*bridge);
        m_socketPath = m_sshBridge->socketPath();
    }
    m_multi = curl_multi_init();
    if (!m_multi)
        return makeError(Tr::tr("host %1: cannot initialise libcurl").arg(m_config.name));
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETFUNCTION, curlSocketCallback);
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERFUNCTION, curlTimerCallback);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERDATA, this);
    return {};
}

void EngineWorker::watchSocket(int socket, int what)
{
    if (what == CURL_POLL_REMOVE) {
        auto it = m_sockets.find(socket);
        if (it == m_sockets.end())
            return;
        // We may be inside this notifier's own activated(): never delete it right here.
        for (QSocketNotifier *n : {it->second.read, it->second.write}) {
            n->setEnabled(false);
            n->disconnect(this);
            n->deleteLater();
        }
        m_sockets.erase(it);
        return;
    }
    SocketWatch &watch = m_sockets[socket];
    if (!watch.read) {
        watch.read = new QSocketNotifier(socket, QSocketNotifier::Read, this);
        watch.write = new QSocketNotifier(socket, QSocketNotifier::Write, this);
        connect(watch.read, &QSocketNotifier::activated, this,
                [this, socket] { socketActivity(socket, CURL_CSELECT_IN); });
        connect(watch.write, &QSocketNotifier::activated, this,
                [this, socket] { socketActivity(socket, CURL_CSELECT_OUT); });
    }
    watch.read->setEnabled(what == CURL_POLL_IN || what == CURL_POLL_INOUT);
    watch.write->setEnabled(what == CURL_POLL_OUT || what == CURL_POLL_INOUT);
}

void EngineWorker::setCurlTimer(long timeoutMs)
{
    if (timeoutMs < 0)
        m_curlTimer.stop();
    else
        m_curlTimer.start(int(timeoutMs));
}

void EngineWorker::resume(quint64 id)
{
    for (auto &[easy, t] : m_transfers) {
        if (t->id != id)
            continue;
        if (t->paused) {
            t->paused = false;
            curl_easy_pause(t->easy, CURLPAUSE_CONT); // may call the callbacks right away
            processFinished();
        }
        return;
    }
}

void EngineWorker::socketActivity(int socket, int flags)
{
    if (!m_multi)
        return;
    int running = 0;
    curl_multi_socket_action(m_multi, socket, flags, &running);
    processFinished();
}

QString EngineWorker::tlsHint(int curlCode) const
{
    const TlsFiles &tls = m_config.endpoint.tls;
    if (m_config.endpoint.kind != Endpoint::Kind::Tcp || !tls.isEnabled())
        return {};
    if (curlCode == CURLE_PEER_FAILED_VERIFICATION)
        return Tr::tr(" (the engine's certificate is not signed by the CA in %1)")
            .arg(tls.caFile.isEmpty() ? Tr::tr("the system's store") : tls.caFile);
    if ((curlCode == CURLE_RECV_ERROR || curlCode == CURLE_SSL_CONNECT_ERROR
         || curlCode == CURLE_SEND_ERROR)
        && tls.certFile.isEmpty())
        return Tr::tr(" (the engine may require a client certificate: give cert and key)");
    if (curlCode == CURLE_SSL_CERTPROBLEM)
        return Tr::tr(" (client certificate %1, key %2)").arg(tls.certFile, tls.keyFile);
    return {};
}

void EngineWorker::processFinished()
{
    int left = 0;
    while (CURLMsg *msg = curl_multi_info_read(m_multi, &left)) {
        if (msg->msg != CURLMSG_DONE)
            continue;
        auto it = m_transfers.find(msg->easy_handle);
        if (it == m_transfers.end())
            continue;
        Transfer *t = it->second.get();
        const CURLcode code = msg->data.result;
        const QString operation = t->request.operation();
        if (t->abortError) {
            finish(t, makeError(t->abortError->withContext(
                          Tr::tr("host %1: %2").arg(m_config.name, operation))));
            continue;
        }
        if (t->canceled || code == CURLE_ABORTED_BY_CALLBACK) {
            finish(t, makeError(Tr::tr("host %1: %2: cancelled").arg(m_config.name, operation),
                                Error::Kind::Cancelled));
            continue;
        }
        const int status = int(t->status());
        if (code != CURLE_OK) {
            QString detail = QString::fromLocal8Bit(t->errorBuffer).trimmed();
            if (detail.isEmpty())
                detail = QString::fromUtf8(curl_easy_strerror(code));
            Error::Kind kind = Error::Kind::Network;
            if (code == CURLE_OPERATION_TIMEDOUT)
                kind = Error::Kind::Timeout;
            if (code == CURLE_COULDNT_CONNECT && !m_socketPath.isEmpty())
                detail = Tr::tr("cannot connect to %1 (is dockerd running?)").arg(m_socketPath);
            detail += tlsHint(code);
            QString text;
            if (status > 0
                && (code == CURLE_PARTIAL_FILE || code == CURLE_RECV_ERROR
                    || code == CURLE_GOT_NOTHING))
                text = Tr::tr(
                    "host %1 (%2): %3: the engine closed the connection mid-response (%4)");
            else
                text = Tr::tr("host %1 (%2): %3: %4");
            finish(t, makeError(
                          text.arg(m_config.name, m_config.endpoint.toString(), operation, detail),
                          kind, status));
            continue;
        }
        if (status < 200 || status >= 300) {
            finish(t, makeError(httpError(m_config.name, operation, status, t->body)));
            continue;
        }
        char *contentType = nullptr;
        curl_easy_getinfo(t->easy, CURLINFO_CONTENT_TYPE, &contentType);
        Response response;
        response.status = status;
        response.contentType = contentType ? QByteArray(contentType) : QByteArray();
        response.body = std::move(t->body);
        if (t->download.isOpen() && !t->download.flush()) {
            finish(t, makeError(Tr::tr("host %1: %2: cannot write %3: %4")
                                    .arg(m_config.name, operation, t->download.fileName(),
                                         t->download.errorString()),
                                Error::Kind::Io));
            continue;
        }
        finish(t, std::move(response));
    }
    if (m_transfers.empty())
        m_cancelScan.stop();
}

void EngineWorker::finish(Transfer *transfer, Scs::Result<Response> result)
{
    auto it = m_transfers.find(transfer->easy);
    Q_ASSERT(it != m_transfers.end());
    std::unique_ptr<Transfer> owned = std::move(it->second);
    m_transfers.erase(it);
    curl_multi_remove_handle(m_multi, owned->easy);
    owned->endPipes(bool(result));
    if (owned->download.isOpen()) {
        owned->download.close();
        if (!result)
            owned->download.remove(); // no half-written files
    }
    auto onDone = std::move(owned->request.onDone);
    owned.reset();
    if (onDone)
        onDone(std::move(result));
}

void EngineWorker::scanCanceled()
{
    std::vector<Transfer *> canceled;
    for (auto &[easy, t] : m_transfers) {
        if (t->wantsStop())
            canceled.push_back(t.get());
    }
    for (Transfer *t : canceled) {
        finish(t, makeError(
                      Tr::tr("host %1: %2: cancelled").arg(m_config.name, t->request.operation()),
                      Error::Kind::Cancelled));
    }
    if (m_transfers.empty())
        m_cancelScan.stop();
}

void EngineWorker::cancel(quint64 id)
{
    for (auto &[easy, t] : m_transfers) {
        if (t->id == id) {
            t->canceled = true;
            finish(t.get(),
                   makeError(
                       Tr::tr("host %1: %2: cancelled").arg(m_config.name, t->request.operation()),
                       Error::Kind::Cancelled));
            return;
        }
    }
    for (auto it = m_waitingForVersion.begin(); it != m_waitingForVersion.end(); ++it) {
        if (it->first == id) {
            Request request = std::move(it->second);
            m_waitingForVersion.erase(it);
            if (request.onDone)
                request.onDone(makeError(
                    Tr::tr("host %1: %2: cancelled").arg(m_config.name, request.operation()),
                    Error::Kind::Cancelled));
            return;
        }
    }
}

QByteArray EngineWorker::baseUrl() const
{
    const Endpoint &e = m_config.endpoint;
    if (e.kind == Endpoint::Kind::Tcp) {
        const QByteArray scheme = e.tls.isEnabled() ? "https://" : "http://";
        QByteArray host = e.host.toUtf8();
        if (host.contains(':'))
            host = '[' + host + ']';
        return scheme + host + ':' + QByteArray::number(e.port);
    }
    return "http://localhost"; // unix socket (and the ssh bridge): the host part is ignored
}

void EngineWorker::start(quint64 id, Request request)
{
    if (auto ready = ensureMulti(); !ready) {
        if (request.onDone)
            request.onDone(makeError(ready.error()));
        return;
    }
    if (request.versioned && m_apiVersion.isEmpty()) {
        m_waitingForVersion.emplace_back(id, std::move(request));
        if (!m_negotiating) {
            m_negotiating = true;
            Request version;
            version.path = QStringLiteral("/version");
            version.versioned = false;
            version.onDone = [this](Scs::Result<Response> r) { negotiationDone(std::move(r)); };
            auto t = std::make_unique<Transfer>();
            t->request = std::move(version);
            launch(std::move(t));
        }
        return;
    }
    auto t = std::make_unique<Transfer>();
    t->id = id;
    t->request = std::move(request);
    launch(std::move(t));
}

void EngineWorker::negotiationDone(Scs::Result<Response> result)
{
    m_negotiating = false;
    std::optional<Error> failure;
    if (result) {
        const QJsonObject o = QJsonDocument::fromJson(result->body).object();
        const QString version = o.value(QStringLiteral("ApiVersion")).toString();
        if (version.isEmpty())
            failure = Error{
                Error::Kind::Remote,
                Tr::tr("host %1: GET /version: the answer names no ApiVersion").arg(m_config.name)};
        else
            m_apiVersion = negotiate(version, o.value(QStringLiteral("MinAPIVersion")).toString());
        qCDebug(dockerLog) << "host" << m_config.name << "speaks API" << version << "; using"
                           << m_apiVersion;
    } else {
        failure = result.error();
    }
    auto waiting = std::move(m_waitingForVersion);
    m_waitingForVersion.clear();
    for (auto &[id, request] : waiting) {
        if (failure) {
            if (request.onDone)
                request.onDone(makeError(*failure));
        } else {
            start(id, std::move(request));
        }
    }
}

void EngineWorker::launch(std::unique_ptr<Transfer> t)
{
    const auto fail = [&](const QString &why, Error::Kind kind) {
        if (t->request.onDone)
            t->request.onDone(makeError(
                Tr::tr("host %1: %2: %3").arg(m_config.name, t->request.operation(), why), kind));
    };
    Request &r = t->request;
    if (m_config.endpoint.kind == Endpoint::Kind::Tcp && m_config.endpoint.tls.isEnabled()) {
        const TlsFiles &tls = m_config.endpoint.tls;
        for (const auto &[what, file] : {std::pair{Tr::tr("CA"), tls.caFile},
                                         std::pair{Tr::tr("client certificate"), tls.certFile},
                                         std::pair{Tr::tr("client key"), tls.keyFile}}) {
            if (!file.isEmpty() && !QFileInfo(file).isFile())
                return fail(Tr::tr("TLS %1 file %2 does not exist").arg(what, file),
                            Error::Kind::InvalidInput);
        }
    }
    if (!r.uploadFile.isEmpty()) {
        t->upload.setFileName(r.uploadFile);
        if (!t->upload.open(QIODevice::ReadOnly))
            return fail(Tr::tr("cannot read %1: %2").arg(r.uploadFile, t->upload.errorString()),
                        Error::Kind::Io);
    }
    if (!r.downloadFile.isEmpty()) {
        t->download.setFileName(r.downloadFile);
        if (!t->download.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return fail(
                Tr::tr("cannot write %1: %2").arg(r.downloadFile, t->download.errorString()),
                Error::Kind::Io);
    }
    t->easy = curl_easy_init();
    if (!t->easy)
        return fail(Tr::tr("cannot initialise libcurl"), Error::Kind::Generic);
    CURL *easy = t->easy;

    QByteArray url = baseUrl();
    if (r.versioned)
        url += "/v" + m_apiVersion.toLatin1();
    url += QUrl::toPercentEncoding(r.path, "/");
    if (!r.query.isEmpty())
        url += '?' + r.query.query(QUrl::FullyEncoded).toLatin1();
    t->url = url;
    curl_easy_setopt(easy, CURLOPT_URL, t->url.constData());
    if (!m_socketPath.isEmpty())
        curl_easy_setopt(easy, CURLOPT_UNIX_SOCKET_PATH, m_socketPath.toLocal8Bit().constData());
    const TlsFiles &tls = m_config.endpoint.tls;
    if (m_config.endpoint.kind == Endpoint::Kind::Tcp && tls.isEnabled()) {
        if (!tls.caFile.isEmpty())
            curl_easy_setopt(easy, CURLOPT_CAINFO, tls.caFile.toLocal8Bit().constData());
        if (!tls.certFile.isEmpty())
            curl_easy_setopt(easy, CURLOPT_SSLCERT, tls.certFile.toLocal8Bit().constData());
        if (!tls.keyFile.isEmpty())
            curl_easy_setopt(easy, CURLOPT_SSLKEY, tls.keyFile.toLocal8Bit().constData());
        curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, tls.verifyPeer ? 1L : 0L);
    }
    curl_easy_setopt(easy, CURLOPT_PRIVATE, t.get());
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, t->errorBuffer);
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, long(m_config.connectTimeoutMs));
    const int timeout = r.timeoutMs < 0 ? m_config.timeoutMs : r.timeoutMs;
    if (timeout > 0)
        curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, long(timeout));
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, writeCallback);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, t.get());
    curl_easy_setopt(easy, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(easy, CURLOPT_XFERINFOFUNCTION, xferInfoCallback);
    curl_easy_setopt(easy, CURLOPT_XFERINFODATA, t.get());
    curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, r.method.constData());

    t->headers = curl_slist_append(t->headers, "Expect:"); // no 100-continue round trip
    if (!r.contentType.isEmpty())
        t->headers = curl_slist_append(t->headers,
                                       QByteArray("Content-Type: " + r.contentType).constData());
    for (const auto &[name, value] : r.headers)
        t->headers = curl_slist_append(t->headers, QByteArray(name + ": " + value).constData());
    // The other side of a pipe wakes a paused transfer through this worker's event loop.
    const auto wake = [this, id = t->id] {
        QMetaObject::invokeMethod(
            this, [this, id] { resume(id); }, Qt::QueuedConnection);
    };
    if (r.downloadPipe)
        r.downloadPipe->setWakeWriter(wake);
    if (r.uploadPipe) {
        r.uploadPipe->setWakeReader(wake);
        curl_easy_setopt(easy, CURLOPT_UPLOAD, 1L); // size unknown: chunked
        curl_easy_setopt(easy, CURLOPT_READFUNCTION, readCallback);
        curl_easy_setopt(easy, CURLOPT_READDATA, t.get());
    } else if (t->upload.isOpen()) {
        curl_easy_setopt(easy, CURLOPT_UPLOAD, 1L);
        curl_easy_setopt(easy, CURLOPT_READFUNCTION, readCallback);
        curl_easy_setopt(easy, CURLOPT_READDATA, t.get());
        curl_easy_setopt(easy, CURLOPT_INFILESIZE_LARGE, curl_off_t(t->upload.size()));
    } else if (r.method == "POST" || r.method == "PUT" || !r.body.isEmpty()) {
        curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(r.body.size()));
        curl_easy_setopt(easy, CURLOPT_POSTFIELDS, r.body.constData());
    } else if (r.method == "HEAD") {
        curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
    }
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, t->headers);

    qCDebug(dockerLog).noquote() << "host" << m_config.name << r.operation();
    m_transfers.emplace(easy, std::move(t));
    if (curl_multi_add_handle(m_multi, easy) != CURLM_OK) {
        Transfer *added = m_transfers[easy].get();
        return finish(added, makeError(Tr::tr("host %1: %2: cannot start the transfer")
                                           .arg(m_config.name, added->request.operation())));
    }
    if (!m_cancelScan.isActive())
        m_cancelScan.start();
}

} // namespace Docker::Internal
