// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "httpapi.h"

#include "discolog.h"
#include "discotr.h"
#include "registry.h"
#include "server.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace Disco {
namespace {

constexpr qsizetype MaxHeaderSize = 64 * 1024;
constexpr qsizetype MaxBodySize = 1024 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 413:
        return "Content Too Large";
    case 431:
        return "Request Header Fields Too Large";
    case 505:
        return "HTTP Version Not Supported";
    }
    return "Error";
}

QByteArray errorBody(const QString &name, const QString &message)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("error"),
                                      QJsonObject{{QStringLiteral("name"), name},
                                                  {QStringLiteral("message"), message}}}})
        .toJson(QJsonDocument::Compact);
}

QJsonObject keyJson(const Key &key)
{
    return QJsonObject{{QStringLiteral("key"), key.toString()},
                       {QStringLiteral("environment"), key.environment},
                       {QStringLiteral("service"), key.service},
                       {QStringLiteral("role"), key.role},
                       {QStringLiteral("endpoint"), key.endpoint}};
}

QJsonArray endpointsJson(const QList<Endpoint> &endpoints)
{
    QJsonArray array;
    for (const Endpoint &endpoint : endpoints)
        array.append(endpoint.toJson());
    return array;
}

QJsonObject stringMap(const QMap<QString, QString> &map)
{
    QJsonObject object;
    for (auto it = map.constBegin(); it != map.constEnd(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

/** One HTTP connection: reads requests one after another (keep-alive), answers each. */
class HttpConnection final : public QObject
{
public:
    HttpConnection(QTcpSocket *socket, const HttpApi *api, int idleTimeoutMs, QObject *parent)
        : QObject(parent)
        , m_socket(socket)
        , m_api(api)
        , m_idle(new QTimer(this))
    {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::handleReadyRead);
        connect(socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
        // A peer that connects and then sends nothing, or half a request, would hold its
        // socket for ever: the connection ends after idleTimeoutMs without a whole request.
        m_idle->setSingleShot(true);
        m_idle->setInterval(idleTimeoutMs);
        connect(m_idle, &QTimer::timeout, this, &HttpConnection::handleIdle);
        m_idle->start();
    }

private:
    void handleIdle()
    {
        if (m_buffer.trimmed().isEmpty()) {
            m_socket->disconnectFromHost(); // an idle keep-alive connection: just close it
            return;
        }
        finish(
            408,
            errorBody(QStringLiteral("Error"),
                      Tr::tr("no complete request within %1 s").arg(m_idle->interval() / 1000.0)),
            false, true);
    }

    void handleReadyRead()
    {
        m_buffer.append(m_socket->readAll());
        m_idle->start();
        while (m_socket->state() == QAbstractSocket::ConnectedState) {
            const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                if (m_buffer.size() > MaxHeaderSize)
                    finish(
                        431,
                        errorBody(QStringLiteral("Error"),
                                  Tr::tr("request header larger than %1 bytes").arg(MaxHeaderSize)),
                        false, true);
                return;
            }
            const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            qint64 contentLength = 0;
            bool close = false;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i).trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0)
                    continue;
                const QByteArray name = line.left(colon).trimmed().toLower();
                const QByteArray value = line.mid(colon + 1).trimmed();
                if (name == "content-length") {
                    bool ok = false;
                    contentLength = value.toLongLong(&ok);
                    if (!ok || contentLength < 0)
                        return finish(
                            400, errorBody(QStringLiteral("Error"), Tr::tr("bad Content-Length")),
                            false, true);
                } else if (name == "connection" && value.toLower() == "close") {
                    close = true;
                } else if (name == "transfer-encoding") {
                    return finish(400,
                                  errorBody(QStringLiteral("Error"),
                                            Tr::tr("request bodies are not accepted")),
                                  false, true);
                }
            }
            if (contentLength > MaxBodySize)
                return finish(413,
                              errorBody(QStringLiteral("Error"), Tr::tr("request body too large")),
                              false, true);
            if (m_buffer.size() < headerEnd + 4 + contentLength)
                return; // wait for the (ignored) body
            m_buffer.remove(0, headerEnd + 4 + contentLength);

            if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
                finish(400, errorBody(QStringLiteral("Error"), Tr::tr("malformed request line")),
                       false, true);
                return;
            }
            if (requestLine.at(2) == "HTTP/1.0")
                close = true;
            const QByteArray method = requestLine.at(0);
            const bool head = method == "HEAD";
            if (method != "GET" && !head) {
                finish(405,
                       errorBody(QStringLiteral("Error"),
                                 Tr::tr("method %1 not allowed: the API is read-only")
                                     .arg(QString::fromLatin1(method))),
                       false, close);
                continue;
            }
            QByteArray target = requestLine.at(1);
            const qsizetype query = target.indexOf('?');
            if (query >= 0)
                target.truncate(query);
            const HttpApi::Response response = m_api->handleGet(QString::fromUtf8(target));
            finish(response.status, response.body, head, close);
        }
    }

    void finish(int status, const QByteArray &body, bool head, bool close)
    {
        QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
                              + "\r\nContent-Type: application/json\r\nContent-Length: "
                              + QByteArray::number(body.size() + 1) + "\r\n";
        if (status == 405)
            response += "Allow: GET, HEAD\r\n";
        response += close ? "Connection: close\r\n\r\n" : "\r\n";
        if (!head)
            response += body + '\n';
        m_socket->write(response);
        m_socket->flush();
        if (close) {
            m_buffer.clear();
            m_socket->disconnectFromHost();
        }
    }

    QTcpSocket *m_socket;
    const HttpApi *m_api;
    QTimer *m_idle;
    QByteArray m_buffer;
};

} // namespace

HttpApi::HttpApi(const Server *server, QObject *parent)
    : QTcpServer(parent)
    , m_server(server)
{
    m_uptime.start();
}

HttpApi::~HttpApi() = default;

Scs::Result<void> HttpApi::start(const QHostAddress &address, quint16 port)
{
    if (!listen(address, port))
        return Scs::makeError(Tr::tr("cannot listen for HTTP on %1:%2: %3")
                                  .arg(address.toString())
                                  .arg(port)
                                  .arg(errorString()),
                              Scs::Error::Kind::Network);
    qCInfo(discoLog).noquote() << Tr::tr("disco HTTP API on http://%1:%2/v1/")
                                      .arg(serverAddress().toString())
                                      .arg(serverPort());
    return {};
}

void HttpApi::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket;
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    new HttpConnection(socket, this, m_idleTimeoutMs, this);
}

HttpApi::Response HttpApi::handleGet(const QString &path) const
{
    const Registry &registry = m_server->registry();
    auto json = [](const QJsonObject &object) {
        return Response{200, QJsonDocument(object).toJson(QJsonDocument::Compact)};
    };
    if (path == u"/v1/health") {
        return json(QJsonObject{
            {QStringLiteral("status"), QStringLiteral("ok")},
            {QStringLiteral("listening"), m_server->isListening()},
            {QStringLiteral("sessions"), registry.sessionCount()},
            {QStringLiteral("provisions"), registry.provisionCount()},
            {QStringLiteral("requirements"), registry.requirementCount()},
            {QStringLiteral("connections"), m_server->connectionCount()},
            {QStringLiteral("pending_notifications"), registry.pendingNotificationCount()},
            {QStringLiteral("uptime"), double(m_uptime.elapsed()) / 1000.0},
        });
    }
    if (path == u"/v1/discovery" || path == u"/v1/discovery/") {
        QJsonArray keys;
        for (const Key &key : registry.keys()) {
            QJsonObject object = keyJson(key);
            object.insert(QStringLiteral("endpoints"), endpointsJson(registry.endpoints(key)));
            keys.append(object);
        }
        return json(QJsonObject{{QStringLiteral("keys"), keys}});
    }
    if (path.startsWith(u"/v1/discovery/")) {
        const QStringList parts = path.mid(14).split(u'/');
        if (parts.size() == 4 && !parts.contains(QString())) {
            Key key;
            key.environment = QUrl::fromPercentEncoding(parts.at(0).toUtf8());
            key.service = QUrl::fromPercentEncoding(parts.at(1).toUtf8());
            key.role = QUrl::fromPercentEncoding(parts.at(2).toUtf8());
            key.endpoint = QUrl::fromPercentEncoding(parts.at(3).toUtf8());
            QJsonObject object = keyJson(key);
            object.insert(QStringLiteral("endpoints"), endpointsJson(registry.endpoints(key)));
            return json(object);
        }
        return Response{404, errorBody(QStringLiteral("NotFound"),
                                       Tr::tr("expected /v1/discovery/ENVIRONMENT/SERVICE/ROLE/"
                                              "ENDPOINT, got %1")
                                           .arg(path))};
    }
    if (path == u"/v1/sessions") {
        QJsonArray sessions;
        for (const SessionInfo &session : registry.sessions()) {
            QJsonArray provisions;
            for (const ProvisionInfo &p : registry.provisions(session.id)) {
                QJsonObject object = keyJson(p.key);
                object.insert(QStringLiteral("id"), p.id);
                object.insert(QStringLiteral("address"),
                              QJsonObject{{QStringLiteral("host"), p.address.host},
                                          {QStringLiteral("port"), p.address.port}});
                object.insert(QStringLiteral("attributes"), stringMap(p.attributes));
                provisions.append(object);
            }
            QJsonArray requirements;
            for (const RequirementInfo &r : registry.requirements(session.id)) {
                QJsonObject object = keyJson(r.key);
                object.insert(QStringLiteral("id"), r.id);
                object.insert(QStringLiteral("attributes"), stringMap(r.attributes));
                requirements.append(object);
            }
            sessions.append(QJsonObject{
                {QStringLiteral("id"), session.id},
                {QStringLiteral("attributes"), session.attributes},
                {QStringLiteral("timeout"), session.timeout},
                {QStringLiteral("attached"), session.attached},
                {QStringLiteral("remote"), session.remote},
                {QStringLiteral("provisions"), provisions},
                {QStringLiteral("requirements"), requirements},
            });
        }
        return json(QJsonObject{{QStringLiteral("sessions"), sessions}});
    }
    return Response{404, errorBody(QStringLiteral("NotFound"), Tr::tr("no resource %1").arg(path))};
}

} // namespace Disco
