// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "engineclient.h"

#include "dockertr.h"
#include "enginejson.h"
#include "enginerequest.h"
#include "enginestream.h"
#include "engineworker.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPromise>
#include <QThread>

#include <curl/curl.h>

#include <mutex>

namespace Docker {

using Internal::Request;
using Internal::Response;
using Scs::Error;
using Scs::makeError;
using Scs::Result;

namespace {

/** A promise shared between the I/O thread's callbacks and the returned future. */
template<typename T>
class Pending
{
public:
    Pending()
        : m_promise(std::make_shared<QPromise<Result<T>>>())
    {
        m_promise->start();
    }
    [[nodiscard]] QFuture<Result<T>> future() const { return m_promise->future(); }
    void done(Result<T> result) const
    {
        m_promise->addResult(std::move(result));
        m_promise->finish();
    }
    /** Thread-safe; only increases are reported, and Qt throttles the signals. */
    void progress(int value) const { m_promise->setProgressValue(value); }
    [[nodiscard]] std::function<bool()> canceled() const
    {
        return [p = m_promise] { return p->isCanceled(); };
    }

private:
    std::shared_ptr<QPromise<Result<T>>> m_promise;
};

QJsonObject jsonObject(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

QJsonArray jsonArray(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).array();
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Request jsonPost(const QString &path, const QJsonObject &body)
{
    Request r;
    r.method = "POST";
    r.path = path;
    r.body = compact(body);
    r.contentType = "application/json";
    return r;
}

/** A request without a body: \p method \p path. */
Request request(const QByteArray &method, const QString &path)
{
    Request r;
    r.method = method;
    r.path = path;
    return r;
}

QString flag(bool on)
{
    return on ? QStringLiteral("1") : QStringLiteral("0");
}

/** ?filters={"label": [...]} when there is a label to filter by. */
void addLabelFilters(Request &r, const QMap<QString, QString> &labels)
{
    if (!labels.isEmpty())
        r.query.addQueryItem(QStringLiteral("filters"),
                             QString::fromUtf8(Internal::labelFilters(labels)));
}

// Readers of the engine's answer, for call().

Result<void> noAnswer(const Response &)
{
    return {};
}

/** {"Id": "..."}: the new object's id. */
Result<QString> idAnswer(const Response &response)
{
    return jsonObject(response.body).value(QStringLiteral("Id")).toString();
}

/** One JSON object, read by \p from. */
template<typename T>
std::function<Result<T>(const Response &)> objectAnswer(T (*from)(const QJsonObject &))
{
    return
        [from](const Response &response) -> Result<T> { return from(jsonObject(response.body)); };
}

/** A JSON array of objects (or the array in \p field of an object), each read by \p from. */
template<typename T>
std::function<Result<QList<T>>(const Response &)> listAnswer(T (*from)(const QJsonObject &),
                                                             const QString &field = {})
{
    return [from, field](const Response &response) -> Result<QList<T>> {
        const QJsonArray array = field.isEmpty() ? jsonArray(response.body)
                                                 : jsonObject(response.body).value(field).toArray();
        QList<T> out;
        out.reserve(array.size());
        for (const QJsonValue &v : array)
            out.append(from(v.toObject()));
        return out;
    };
}

QString segment(const QString &idOrName)
{
    // An id or name becomes one path segment; names of images may hold '/' (scs/base),
    // which the engine's router accepts as is.
    return idOrName;
}

/** A 304 (already started / already stopped) is not a failure for start and stop. */
Result<void> acceptNotModified(const Result<void> &r)
{
    if (!r && r.error().status == 304)
        return {};
    return r;
}

/** Streamed JSON answers (import, load) report failures inside a 200 body. */
Result<QStringList> streamedMessages(const QString &host, const QString &operation,
                                     const QByteArray &body)
{
    JsonLineDecoder decoder;
    QList<QJsonObject> lines = decoder.feed(body);
    lines += decoder.finish();
    QStringList messages;
    for (const QJsonObject &line : lines) {
        const QString error = line.value(QStringLiteral("error")).toString();
        if (!error.isEmpty())
            return makeError(Tr::tr("host %1: %2: %3").arg(host, operation, error),
                             Error::Kind::Remote);
        const QString text = line.value(QStringLiteral("stream")).toString().trimmed();
        const QString status = line.value(QStringLiteral("status")).toString().trimmed();
        if (!text.isEmpty())
            messages.append(text);
        else if (!status.isEmpty())
            messages.append(status);
    }
    return messages;
}

void initCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

} // namespace

EngineClient::EngineClient(HostConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    initCurlOnce();
    qRegisterMetaType<Scs::Error>();
    qRegisterMetaType<Docker::Event>();
    qRegisterMetaType<QList<Docker::Event>>();
    qRegisterMetaType<Docker::LogFrame>();
    qRegisterMetaType<QList<Docker::LogFrame>>();
    qRegisterMetaType<Docker::StatsSample>();
    qRegisterMetaType<Docker::BuildProgress>();
    qRegisterMetaType<Docker::ContainerSummary>();
    qRegisterMetaType<QList<Docker::ContainerSummary>>();

    m_ioThread.reset(new QThread);
    m_ioThread->setObjectName(QStringLiteral("docker-io-") + m_config.name);
    m_worker = new Internal::EngineWorker(m_config);
    m_worker->moveToThread(m_ioThread.get());
    connect(m_ioThread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    m_ioThread->start();
}

EngineClient::~EngineClient()
{
    // Stop the I/O thread first: after this no callback can reach this object.
    m_ioThread.reset();
    m_worker = nullptr;
    for (const QPointer<EngineStream> &stream : std::as_const(m_streams)) {
        if (stream)
            stream->m_running = false;
    }
}

quint64 EngineClient::submit(Request request)
{
    const quint64 id = m_nextId.fetch_add(1);
    Internal::EngineWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [worker, id, request = std::move(request)]() mutable {
            worker->start(id, std::move(request));
        },
        Qt::QueuedConnection);
    return id;
}

void EngineClient::cancelRequest(quint64 id)
{
    Internal::EngineWorker *worker = m_worker;
    if (!worker)
        return;
    QMetaObject::invokeMethod(
        worker, [worker, id] { worker->cancel(id); }, Qt::QueuedConnection);
}

template<typename T>
QFuture<Result<T>> EngineClient::call(Request request,
                                      std::function<Result<T>(const Response &)> parse)
{
    Pending<T> pending;
    request.isCanceled = pending.canceled();
    request.onDone = [pending, parse = std::move(parse)](Result<Response> r) {
        if (!r)
            pending.done(makeError(r.error()));
        else
            pending.done(parse(*r));
    };
    submit(std::move(request));
    return pending.future();
}

void EngineClient::startStream(EngineStream *stream, Request request)
{
    request.timeoutMs = 0;
    const quint64 id = m_nextId.fetch_add(1);
    request.onChunk = [this, id](const QByteArray &chunk) {
        QMetaObject::invokeMethod(
            this, [this, id, chunk] { deliverChunk(id, chunk); }, Qt::QueuedConnection);
    };
    request.onDone = [this, id](Result<Response> r) {
        Result<void> end;
        if (!r)
            end = makeError(r.error());
        QMetaObject::invokeMethod(
            this, [this, id, end] { deliverEnd(id, end); }, Qt::QueuedConnection);
    };
    stream->m_client = this;
    stream->m_id = id;
    stream->m_running = true;
    m_streams.insert(id, stream);
    Internal::EngineWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [worker, id, request = std::move(request)]() mutable {
            worker->start(id, std::move(request));
        },
        Qt::QueuedConnection);
}

void EngineClient::deliverChunk(quint64 id, const QByteArray &chunk)
{
    const QPointer<EngineStream> stream = m_streams.value(id);
    if (stream && stream->m_running)
        stream->handleChunk(chunk);
}

void EngineClient::deliverEnd(quint64 id, const Result<void> &result)
{
    const QPointer<EngineStream> stream = m_streams.take(id);
    if (stream)
        stream->end(result);
}

// System

QFuture<Result<VersionInfo>> EngineClient::version()
{
    Request r;
    r.path = QStringLiteral("/version");
    r.versioned = false;
    return call<VersionInfo>(std::move(r), [](const Response &response) -> Result<VersionInfo> {
        VersionInfo info = Internal::versionFromJson(jsonObject(response.body));
        info.negotiatedApiVersion
            = Internal::EngineWorker::negotiate(info.apiVersion, info.minApiVersion);
        return info;
    });
}

QFuture<Result<void>> EngineClient::ping()
{
    Request r;
    r.path = QStringLiteral("/_ping");
    r.versioned = false;
    return call<void>(std::move(r), noAnswer);
}

// Containers

QFuture<Result<QString>> EngineClient::createContainer(const ContainerSpec &spec)
{
    Request r = jsonPost(QStringLiteral("/containers/create"), Internal::containerCreateBody(spec));
    if (!spec.name.isEmpty())
        r.query.addQueryItem(QStringLiteral("name"), spec.name);
    return call<QString>(std::move(r), idAnswer);
}

QFuture<Result<void>> EngineClient::startContainer(const QString &id)
{
    Request r;
    r.method = "POST";
    r.path = QStringLiteral("/containers/%1/start").arg(segment(id));
    Pending<void> pending;
    r.isCanceled = pending.canceled();
    r.onDone = [pending](Result<Response> result) {
        pending.done(result ? Result<void>() : acceptNotModified(makeError(result.error())));
    };
    submit(std::move(r));
    return pending.future();
}

QFuture<Result<void>> EngineClient::stopContainer(const QString &id, int timeoutSeconds)
{
    Request r;
    r.method = "POST";
    r.path = QStringLiteral("/containers/%1/stop").arg(segment(id));
    r.query.addQueryItem(QStringLiteral("t"), QString::number(timeoutSeconds));
    // The engine answers only after the container stopped: wait longer than its timeout.
    r.timeoutMs = std::max(m_config.timeoutMs, (timeoutSeconds + 30) * 1000);
    Pending<void> pending;
    r.isCanceled = pending.canceled();
    r.onDone = [pending](Result<Response> result) {
        pending.done(result ? Result<void>() : acceptNotModified(makeError(result.error())));
    };
    submit(std::move(r));
    return pending.future();
}

QFuture<Result<void>> EngineClient::killContainer(const QString &id, const QString &signal)
{
    Request r = request("POST", QStringLiteral("/containers/%1/kill").arg(segment(id)));
    r.query.addQueryItem(QStringLiteral("signal"), signal);
    return call<void>(std::move(r), noAnswer);
}

QFuture<Result<void>> EngineClient::removeContainer(const QString &id, bool force,
                                                    bool removeVolumes)
{
    Request r = request("DELETE", QStringLiteral("/containers/%1").arg(segment(id)));
    r.query.addQueryItem(QStringLiteral("force"), flag(force));
    r.query.addQueryItem(QStringLiteral("v"), flag(removeVolumes));
    return call<void>(std::move(r), noAnswer);
}

QFuture<Result<ContainerInfo>> EngineClient::inspectContainer(const QString &id)
{
    return call<ContainerInfo>(
        request("GET", QStringLiteral("/containers/%1/json").arg(segment(id))),
        objectAnswer(&Internal::containerInfoFromJson));
}

QFuture<Result<QList<ContainerSummary>>> EngineClient::listContainers(const ContainerFilter &filter)
{
    Request r = request("GET", QStringLiteral("/containers/json"));
    if (filter.all)
        r.query.addQueryItem(QStringLiteral("all"), QStringLiteral("1"));
    if (!filter.labels.isEmpty() || !filter.names.isEmpty())
        r.query.addQueryItem(QStringLiteral("filters"), QString::fromUtf8(Internal::labelFilters(
                                                            filter.labels, filter.names)));
    return call<QList<ContainerSummary>>(std::move(r),
                                         listAnswer(&Internal::containerSummaryFromJson));
}

QFuture<Result<int>> EngineClient::waitContainer(const QString &id, int timeoutMs)
{
    Request r;
    r.method = "POST";
    r.path = QStringLiteral("/containers/%1/wait").arg(segment(id));
    r.timeoutMs = timeoutMs;
    return call<int>(std::move(r), [](const Response &response) -> Result<int> {
        return jsonObject(response.body).value(QStringLiteral("StatusCode")).toInt();
    });
}

namespace {

Request logsRequest(const QString &id, const LogOptions &options, bool follow)
{
    Request r = request("GET", QStringLiteral("/containers/%1/logs").arg(segment(id)));
    r.query.addQueryItem(QStringLiteral("stdout"), flag(options.standardOutput));
    r.query.addQueryItem(QStringLiteral("stderr"), flag(options.standardError));
    r.query.addQueryItem(QStringLiteral("timestamps"), flag(options.timestamps));
    r.query.addQueryItem(QStringLiteral("follow"), flag(follow));
    if (options.tail >= 0)
        r.query.addQueryItem(QStringLiteral("tail"), QString::number(options.tail));
    if (options.since > 0)
        r.query.addQueryItem(QStringLiteral("since"), QString::number(options.since));
    return r;
}

QList<LogFrame> demultiplex(const QByteArray &body)
{
    const bool multiplexed = body.isEmpty()
                             || (body.size() >= 8 && uchar(body[0]) <= 2 && body[1] == 0
                                 && body[2] == 0 && body[3] == 0);
    FrameDecoder decoder(!multiplexed);
    return decoder.feed(body);
}

} // namespace

QFuture<Result<QList<LogFrame>>> EngineClient::logs(const QString &id, const LogOptions &options)
{
    return call<QList<LogFrame>>(logsRequest(id, options, false),
                                 [](const Response &response) -> Result<QList<LogFrame>> {
                                     return demultiplex(response.body);
                                 });
}

LogStream *EngineClient::followLogs(const QString &id, const LogOptions &options, QObject *parent)
{
    auto *stream = new LogStream(parent);
    startStream(stream, logsRequest(id, options, true));
    return stream;
}

QFuture<Result<ExecResult>> EngineClient::exec(const QString &id, const ExecSpec &spec)
{
    Pending<ExecResult> pending;
    const QString host = m_config.name;
    if (spec.command.isEmpty()) {
        pending.done(makeError(Tr::tr("host %1: exec in %2: no command given").arg(host, id),
                               Error::Kind::InvalidInput));
        return pending.future();
    }
    Request create = jsonPost(QStringLiteral("/containers/%1/exec").arg(segment(id)),
                              Internal::execCreateBody(spec));
    create.isCanceled = pending.canceled();
    create.onDone = [this, pending](Result<Response> created) {
        if (!created)
            return pending.done(makeError(created.error()));
        const QString execId = jsonObject(created->body).value(QStringLiteral("Id")).toString();
        Request start = jsonPost(
            QStringLiteral("/exec/%1/start").arg(execId),
            QJsonObject{{QStringLiteral("Detach"), false}, {QStringLiteral("Tty"), false}});
        start.timeoutMs = 0; // the command runs as long as it needs; cancel() stops waiting
        start.isCanceled = pending.canceled();
        start.onDone = [this, pending, execId](Result<Response> output) {
            if (!output)
                return pending.done(makeError(output.error()));
            ExecResult result;
            FrameDecoder decoder;
            for (const LogFrame &frame : decoder.feed(output->body)) {
                if (frame.stream == LogFrame::Stream::StdErr)
                    result.standardError += frame.data;
                else
                    result.standardOutput += frame.data;
            }
            Request inspect;
            inspect.path = QStringLiteral("/exec/%1/json").arg(execId);
            inspect.isCanceled = pending.canceled();
            inspect.onDone = [pending, result](Result<Response> state) mutable {
                if (!state)
                    return pending.done(makeError(state.error()));
                const QJsonValue code = jsonObject(state->body).value(QStringLiteral("ExitCode"));
                result.exitCode = code.isNull() ? -1 : code.toInt();
                pending.done(result);
            };
            submit(std::move(inspect));
        };
        submit(std::move(start));
    };
    submit(std::move(create));
    return pending.future();
}

QFuture<Result<StatsSample>> EngineClient::stats(const QString &id)
{
    Request r = request("GET", QStringLiteral("/containers/%1/stats").arg(segment(id)));
    r.query.addQueryItem(QStringLiteral("stream"), QStringLiteral("0"));
    return call<StatsSample>(std::move(r), objectAnswer(&Internal::statsFromJson));
}

StatsStream *EngineClient::streamStats(const QString &id, QObject *parent)
{
    Request r;
    r.path = QStringLiteral("/containers/%1/stats").arg(segment(id));
    r.query.addQueryItem(QStringLiteral("stream"), QStringLiteral("1"));
    auto *stream = new StatsStream(parent);
    startStream(stream, std::move(r));
    return stream;
}

QFuture<Result<void>> EngineClient::getArchive(const QString &id, const QString &path,
                                               const QString &tarFile)
{
    Request r = request("GET", QStringLiteral("/containers/%1/archive").arg(segment(id)));
    r.query.addQueryItem(QStringLiteral("path"), path);
    r.downloadFile = tarFile;
    r.timeoutMs = 0; // volumes may be large; cancel() stops it
    return call<void>(std::move(r), noAnswer);
}

QFuture<Result<void>> EngineClient::putArchive(const QString &id, const QString &path,
                                               const QString &tarFile)
{
    Request r = request("PUT", QStringLiteral("/containers/%1/archive").arg(segment(id)));
    r.query.addQueryItem(QStringLiteral("path"), path);
    r.uploadFile = tarFile;
    r.contentType = "application/x-tar";
    r.timeoutMs = 0;
    return call<void>(std::move(r), noAnswer);
}

template<typename T>
QFuture<Result<T>> EngineClient::relay(EngineClient &from, Request download, EngineClient &to,
                                       Request upload,
                                       std::function<Result<T>(const Response &, qint64)> parse)
{
    struct Outcome
    {
        std::mutex mutex;
        std::optional<Result<Response>> download;
        std::optional<Result<Response>> upload;
    };
    Pending<T> pending;
    auto outcome = std::make_shared<Outcome>();
    auto pipe = std::make_shared<Internal::BytePipe>();
    // Progress in KiB: an int holds 2 TiB that way.
    pipe->setOnDelivered([pending](qint64 bytes) { pending.progress(int(bytes / 1024)); });
    // Both sides end (a failing one makes the other abort); the cause wins over the
    // abort it caused (Kind::Cancelled), and the sender's error over the receiver's.
    const auto settle = [pending, outcome, pipe, parse = std::move(parse)] {
        std::lock_guard lock(outcome->mutex);
        if (!outcome->download || !outcome->upload)
            return;
        const Result<Response> &down = *outcome->download;
        const Result<Response> &up = *outcome->upload;
        if (down && up)
            return pending.done(parse(*up, pipe->delivered()));
        if (!down
            && (up || down.error().kind != Error::Kind::Cancelled
                || up.error().kind == Error::Kind::Cancelled))
            return pending.done(makeError(down.error()));
        pending.done(makeError(up.error()));
    };
    download.downloadPipe = pipe;
    download.timeoutMs = 0; // images and volumes may be large; cancel() stops it
    download.isCanceled = pending.canceled();
    download.onDone = [outcome, settle](Result<Response> r) {
        {
            std::lock_guard lock(outcome->mutex);
            outcome->download = std::move(r);
        }
        settle();
    };
    upload.uploadPipe = pipe;
    upload.contentType = "application/x-tar";
    upload.timeoutMs = 0;
    upload.isCanceled = pending.canceled();
    upload.onDone = [outcome, settle](Result<Response> r) {
        {
            std::lock_guard lock(outcome->mutex);
            outcome->upload = std::move(r);
        }
        settle();
    };
    to.submit(std::move(upload));
    from.submit(std::move(download));
    return pending.future();
}

QFuture<Result<qint64>> EngineClient::copyArchive(EngineClient &from, const QString &fromId,
                                                  const QString &path, EngineClient &to,
                                                  const QString &toId, const QString &toPath)
{
    Request get = request("GET", QStringLiteral("/containers/%1/archive").arg(segment(fromId)));
    get.query.addQueryItem(QStringLiteral("path"), path);
    Request put = request("PUT", QStringLiteral("/containers/%1/archive").arg(segment(toId)));
    put.query.addQueryItem(QStringLiteral("path"), toPath);
    return relay<qint64>(from, std::move(get), to, std::move(put),
                         [](const Response &, qint64 bytes) -> Result<qint64> { return bytes; });
}

// Images

QFuture<Result<ImageInfo>> EngineClient::inspectImage(const QString &name)
{
    return call<ImageInfo>(request("GET", QStringLiteral("/images/%1/json").arg(segment(name))),
                           objectAnswer(&Internal::imageInfoFromJson));
}

QFuture<Result<QList<ImageSummary>>> EngineClient::listImages(const ImageFilter &filter)
{
    Request r = request("GET", QStringLiteral("/images/json"));
    if (!filter.labels.isEmpty() || !filter.reference.isEmpty())
        r.query.addQueryItem(QStringLiteral("filters"), QString::fromUtf8(Internal::labelFilters(
                                                            filter.labels, {}, filter.reference)));
    return call<QList<ImageSummary>>(std::move(r), listAnswer(&Internal::imageSummaryFromJson));
}

QFuture<Result<void>> EngineClient::tagImage(const QString &source, const QString &repository,
                                             const QString &tag)
{
    Request r = request("POST", QStringLiteral("/images/%1/tag").arg(segment(source)));
    r.query.addQueryItem(QStringLiteral("repo"), repository);
    r.query.addQueryItem(QStringLiteral("tag"), tag);
    return call<void>(std::move(r), noAnswer);
}

QFuture<Result<void>> EngineClient::removeImage(const QString &name, bool force)
{
    Request r = request("DELETE", QStringLiteral("/images/%1").arg(segment(name)));
    r.query.addQueryItem(QStringLiteral("force"), flag(force));
    return call<void>(std::move(r), noAnswer);
}

QFuture<Result<QString>> EngineClient::importImage(const ImportSpec &spec)
{
    Request r;
    r.method = "POST";
    r.path = QStringLiteral("/images/create");
    r.query.addQueryItem(QStringLiteral("fromSrc"), QStringLiteral("-"));
    r.query.addQueryItem(QStringLiteral("repo"), spec.repository);
    if (!spec.tag.isEmpty())
        r.query.addQueryItem(QStringLiteral("tag"), spec.tag);
    if (!spec.message.isEmpty())
        r.query.addQueryItem(QStringLiteral("message"), spec.message);
    for (const QString &change : spec.changes)
        r.query.addQueryItem(QStringLiteral("changes"), change);
    r.uploadFile = spec.tarFile;
    r.contentType = "application/x-tar";
    r.timeoutMs = 0;
    const QString host = m_config.name;
    return call<QString>(std::move(r), [host](const Response &response) -> Result<QString> {
        auto messages
            = streamedMessages(host, QStringLiteral("POST /images/create"), response.body);
        if (!messages)
            return makeError(messages.error());
        for (const QString &m : std::as_const(*messages)) {
            if (m.startsWith(QStringLiteral("sha256:")))
                return m;
        }
        return makeError(
            Tr::tr("host %1: POST /images/create: the engine named no image id").arg(host),
            Error::Kind::Remote);
    });
}

BuildJob *EngineClient::build(const BuildSpec &spec, QObject *parent)
{
    Request r;
    r.method = "POST";
    r.path = QStringLiteral("/build");
    for (const QString &tag : spec.tags)
        r.query.addQueryItem(QStringLiteral("t"), tag);
    r.query.addQueryItem(QStringLiteral("dockerfile"), spec.dockerfile);
    r.query.addQueryItem(QStringLiteral("rm"),
                         spec.removeIntermediate ? QStringLiteral("1") : QStringLiteral("0"));
    r.query.addQueryItem(QStringLiteral("forcerm"), QStringLiteral("1"));
    if (spec.noCache)
        r.query.addQueryItem(QStringLiteral("nocache"), QStringLiteral("1"));
    if (spec.pull)
        r.query.addQueryItem(QStringLiteral("pull"), QStringLiteral("1"));
    const auto toJson = [](const QMap<QString, QString> &map) {
        QJsonObject o;
        for (auto it = map.begin(); it != map.end(); ++it)
            o.insert(it.key(), it.value());
        return QString::fromUtf8(compact(o));
    };
    if (!spec.labels.isEmpty())
        r.query.addQueryItem(QStringLiteral("labels"), toJson(spec.labels));
    if (!spec.buildArgs.isEmpty())
        r.query.addQueryItem(QStringLiteral("buildargs"), toJson(spec.buildArgs));
    r.uploadFile = spec.contextTarFile;
    r.contentType = "application/x-tar";
    auto *job = new BuildJob(parent);
    startStream(job, std::move(r));
    return job;
}

QFuture<Result<void>> EngineClient::saveImages(const QStringList &names, const QString &tarFile)
{
    Request r;
    r.path = QStringLiteral("/images/get");
    for (const QString &name : names)
        r.query.addQueryItem(QStringLiteral("names"), name);
    r.downloadFile = tarFile;
    r.timeoutMs = 0;
    return call<void>(std::move(r), noAnswer);
}

QFuture<Result<QStringList>> EngineClient::loadImages(const QString &tarFile)
{
    Request r;
    r.method = "POST";
    r.path = QStringLiteral("/images/load");
    r.query.addQueryItem(QStringLiteral("quiet"), QStringLiteral("1"));
    r.uploadFile = tarFile;
    r.contentType = "application/x-tar";
    r.timeoutMs = 0;
    const QString host = m_config.name;
    return call<QStringList>(std::move(r), [host](const Response &response) {
        return streamedMessages(host, QStringLiteral("POST /images/load"), response.body);
    });
}

QFuture<Result<void>> EngineClient::transferImages(EngineClient &from, EngineClient &to,
                                                   const QStringList &names)
{
    Request save;
    save.path = QStringLiteral("/images/get");
    for (const QString &name : names)
        save.query.addQueryItem(QStringLiteral("names"), name);
    Request load;
    load.method = "POST";
    load.path = QStringLiteral("/images/load");
    load.query.addQueryItem(QStringLiteral("quiet"), QStringLiteral("1"));
    const QString targetHost = to.hostName();
    return relay<void>(from, std::move(save), to, std::move(load),
                       [targetHost](const Response &loaded, qint64) -> Result<void> {
                           auto messages = streamedMessages(
                               targetHost, QStringLiteral("POST /images/load"), loaded.body);
                           return messages ? Result<void>() : makeError(messages.error());
                       });
}

// Volumes

QFuture<Result<VolumeInfo>> EngineClient::createVolume(const VolumeSpec &spec)
{
    return call<VolumeInfo>(
        jsonPost(QStringLiteral("/volumes/create"), Internal::volumeCreateBody(spec)),
        objectAnswer(&Internal::volumeInfoFromJson));
}

QFuture<Result<VolumeInfo>> EngineClient::inspectVolume(const QString &name)
{
    return call<VolumeInfo>(request("GET", QStringLiteral("/volumes/%1").arg(segment(name))),
                            objectAnswer(&Internal::volumeInfoFromJson));
}

QFuture<Result<QList<VolumeInfo>>> EngineClient::listVolumes(const QMap<QString, QString> &labels)
{
    Request r = request("GET", QStringLiteral("/volumes"));
    addLabelFilters(r, labels);
    return call<QList<VolumeInfo>>(
        std::move(r), listAnswer(&Internal::volumeInfoFromJson, QStringLiteral("Volumes")));
}

QFuture<Result<void>> EngineClient::removeVolume(const QString &name, bool force)
{
    Request r = request("DELETE", QStringLiteral("/volumes/%1").arg(segment(name)));
    if (force)
        r.query.addQueryItem(QStringLiteral("force"), QStringLiteral("1"));
    return call<void>(std::move(r), noAnswer);
}

// Networks

QFuture<Result<QString>> EngineClient::createNetwork(const NetworkSpec &spec)
{
    return call<QString>(
        jsonPost(QStringLiteral("/networks/create"), Internal::networkCreateBody(spec)), idAnswer);
}

QFuture<Result<NetworkInfo>> EngineClient::inspectNetwork(const QString &idOrName)
{
    return call<NetworkInfo>(request("GET", QStringLiteral("/networks/%1").arg(segment(idOrName))),
                             objectAnswer(&Internal::networkInfoFromJson));
}

QFuture<Result<QList<NetworkInfo>>> EngineClient::listNetworks(const QMap<QString, QString> &labels)
{
    Request r = request("GET", QStringLiteral("/networks"));
    addLabelFilters(r, labels);
    return call<QList<NetworkInfo>>(std::move(r), listAnswer(&Internal::networkInfoFromJson));
}

QFuture<Result<void>> EngineClient::removeNetwork(const QString &idOrName)
{
    return call<void>(request("DELETE", QStringLiteral("/networks/%1").arg(segment(idOrName))),
                      noAnswer);
}

QFuture<Result<void>> EngineClient::connectNetwork(const QString &network, const QString &container,
                                                   const QStringList &aliases)
{
    QJsonObject body{{QStringLiteral("Container"), container}};
    if (!aliases.isEmpty())
        body.insert(QStringLiteral("EndpointConfig"),
                    QJsonObject{{QStringLiteral("Aliases"), QJsonArray::fromStringList(aliases)}});
    return call<void>(jsonPost(QStringLiteral("/networks/%1/connect").arg(segment(network)), body),
                      noAnswer);
}

QFuture<Result<void>> EngineClient::disconnectNetwork(const QString &network,
                                                      const QString &container, bool force)
{
    return call<void>(jsonPost(QStringLiteral("/networks/%1/disconnect").arg(segment(network)),
                               QJsonObject{{QStringLiteral("Container"), container},
                                           {QStringLiteral("Force"), force}}),
                      noAnswer);
}

// Events

EventStream *EngineClient::streamEvents(qint64 sinceSeconds, const QMap<QString, QString> &labels,
                                        QObject *parent)
{
    Request r;
    r.path = QStringLiteral("/events");
    if (sinceSeconds > 0)
        r.query.addQueryItem(QStringLiteral("since"), QString::number(sinceSeconds));
    addLabelFilters(r, labels);
    auto *stream = new EventStream(parent);
    startStream(stream, std::move(r));
    return stream;
}

} // namespace Docker
