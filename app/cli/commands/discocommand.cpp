// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "discocommand.h"

#include "common/log.h"
#include "disco/client.h"
#include "disco/discolog.h"
#include "disco/dnsresponder.h"
#include "disco/forwarder.h"
#include "disco/httpapi.h"
#include "disco/registry.h"
#include "disco/server.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSocketNotifier>
#include <QTextStream>
#include <QTimer>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace Cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}

struct HostPort
{
    QString host;
    quint16 port = 0;
};

/** "HOST:PORT", "[V6]:PORT" or ":PORT"; "off" gives nullopt with \p off set. */
std::optional<HostPort> parseHostPort(const QString &text, bool *off = nullptr)
{
    if (off)
        *off = text == u"off";
    if (text == u"off")
        return std::nullopt;
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon < 0)
        return std::nullopt;
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (host.isEmpty())
        host = QStringLiteral("127.0.0.1");
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return std::nullopt;
    return HostPort{host, quint16(port)};
}

int usageError(const QString &verb, const QString &message)
{
    QTextStream(stderr) << verb << ": " << message << "\n"
                        << tr("Try '%1 --help'.").arg(verb) << "\n";
    return ExitUsage;
}

// SIGINT/SIGTERM through a self-pipe, so the handler only writes a byte and the
// event loop does the real work (a clean shutdown with notifications).
int g_signalPipe[2] = {-1, -1};

void handleSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[0], &byte, 1);
}

/** Calls \p onSignal on the event loop when SIGINT or SIGTERM arrives. */
void watchSignals(QObject *context, std::function<void()> onSignal)
{
    if (g_signalPipe[0] < 0 && ::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return;
    struct sigaction action = {};
    action.sa_handler = handleSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
    auto *notifier = new QSocketNotifier(g_signalPipe[1], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [notifier, onSignal] {
        char byte;
        [[maybe_unused]] const auto read = ::read(g_signalPipe[1], &byte, 1);
        notifier->setEnabled(false);
        onSignal();
    });
}

QString attributesText(const QMap<QString, QString> &attributes)
{
    QStringList parts;
    for (auto it = attributes.constBegin(); it != attributes.constEnd(); ++it)
        parts.append(it.key() + u'=' + it.value());
    return parts.join(u' ');
}

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void addServerOption(QCommandLineParser &parser, const QString &defaultValue, const QString &what)
{
    parser.addOption(QCommandLineOption(QStringLiteral("server"), what, QStringLiteral("HOST:PORT"),
                                        defaultValue));
}

/** requirement spec from KEY and --attr k=regex options. */
std::optional<Disco::RequirementSpec> requirementFrom(const QString &keyText,
                                                      const QStringList &attributes, QString &error)
{
    const auto key = Disco::Key::fromString(keyText);
    if (!key) {
        error = key.error().message;
        return std::nullopt;
    }
    Disco::RequirementSpec spec{*key, {}};
    for (const QString &attribute : attributes) {
        const qsizetype equals = attribute.indexOf(u'=');
        if (equals <= 0) {
            error = tr("--attr expects KEY=REGEX, got '%1'").arg(attribute);
            return std::nullopt;
        }
        spec.attributes.insert(attribute.left(equals), attribute.mid(equals + 1));
    }
    return spec;
}

} // namespace

QString DiscoCommand::name() const
{
    return QStringLiteral("disco");
}

QString DiscoCommand::summary() const
{
    return tr("Run the discovery server, or list, watch and forward what it holds.");
}

int DiscoCommand::run(const QStringList &arguments)
{
    const QString verb = arguments.value(1);
    QStringList rest = arguments.mid(2);
    rest.prepend(arguments.value(0) + u' ' + verb);
    if (verb == u"serve")
        return serve(rest);
    if (verb == u"ls")
        return list(rest);
    if (verb == u"watch")
        return watch(rest);
    if (verb == u"forward")
        return forward(rest);
    QTextStream out(verb == u"--help" || verb == u"-h" ? stdout : stderr);
    if (!verb.isEmpty() && verb != u"--help" && verb != u"-h")
        out << tr("%1: unknown sub-verb '%2'").arg(arguments.value(0), verb) << "\n\n";
    out << tr("Usage: %1 <serve|ls|watch|forward> [options]").arg(arguments.value(0)) << "\n\n"
        << summary() << "\n\n"
        << "  serve    " << tr("run the disco server (protocol, HTTP read API, DNS SRV)") << "\n"
        << "  ls       " << tr("list the registered endpoints (through the HTTP API)") << "\n"
        << "  watch    " << tr("print every change of one lookup key as it arrives") << "\n"
        << "  forward  " << tr("forward a loopback port to a current endpoint of a key") << "\n\n"
        << tr("Run '%1 <sub-verb> --help' for its options.").arg(arguments.value(0)) << "\n";
    return verb == u"--help" || verb == u"-h" ? ExitOk : ExitUsage;
}

int DiscoCommand::serve(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Run the disco server until SIGINT or SIGTERM."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("listen"), tr("Protocol address (default 127.0.0.1:9640)."),
         QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:9640")},
        {QStringLiteral("http"), tr("HTTP read API address, or 'off' (default 127.0.0.1:9641)."),
         QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:9641")},
        {QStringLiteral("dns"), tr("DNS SRV address (UDP), or 'off' (default 127.0.0.1:9653)."),
         QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:9653")},
        {QStringLiteral("heartbeat"), tr("Seconds between heartbeats (default 22)."),
         QStringLiteral("S"), QStringLiteral("22")},
        {QStringLiteral("timeout"),
         tr("Seconds of silence after which a peer is dead (default 60)."), QStringLiteral("S"),
         QStringLiteral("60")},
        {QStringLiteral("log-level"), tr("debug, info, warning or critical (default info)."),
         QStringLiteral("LEVEL"), QStringLiteral("info")},
    });
    if (const int exit = parse(parser, arguments); exit >= 0)
        return exit;
    const QString verb = arguments.value(0);
    if (!parser.positionalArguments().isEmpty())
        return usageError(verb,
                          tr("unexpected argument '%1'").arg(parser.positionalArguments().at(0)));
    if (!Scs::installCliLogHandler(parser.value(QStringLiteral("log-level"))))
        return usageError(
            verb, tr("unknown log level '%1'").arg(parser.value(QStringLiteral("log-level"))));
    bool ok1 = false;
    bool ok2 = false;
    const double heartbeat = parser.value(QStringLiteral("heartbeat")).toDouble(&ok1);
    const double timeout = parser.value(QStringLiteral("timeout")).toDouble(&ok2);
    if (!ok1 || heartbeat <= 0)
        return usageError(verb, tr("--heartbeat expects a positive number of seconds"));
    if (!ok2 || timeout <= 0)
        return usageError(verb, tr("--timeout expects a positive number of seconds"));
    const auto listen = parseHostPort(parser.value(QStringLiteral("listen")));
    if (!listen)
        return usageError(
            verb,
            tr("--listen expects HOST:PORT, got '%1'").arg(parser.value(QStringLiteral("listen"))));
    bool httpOff = false;
    bool dnsOff = false;
    const auto http = parseHostPort(parser.value(QStringLiteral("http")), &httpOff);
    const auto dns = parseHostPort(parser.value(QStringLiteral("dns")), &dnsOff);
    if (!http && !httpOff)
        return usageError(verb, tr("--http expects HOST:PORT or 'off'"));
    if (!dns && !dnsOff)
        return usageError(verb, tr("--dns expects HOST:PORT or 'off'"));

    Disco::Server server;
    server.setHeartbeatInterval(heartbeat);
    server.setLivenessTimeout(timeout);
    if (auto started = server.start(QHostAddress(listen->host), listen->port); !started) {
        QTextStream(stderr) << verb << ": " << started.error().message << "\n";
        return ExitFailure;
    }
    Disco::HttpApi httpApi(&server);
    if (http) {
        if (auto started = httpApi.start(QHostAddress(http->host), http->port); !started) {
            QTextStream(stderr) << verb << ": " << started.error().message << "\n";
            return ExitFailure;
        }
    }
    Disco::DnsResponder dnsResponder(&server.registry());
    if (dns) {
        if (auto started = dnsResponder.start(QHostAddress(dns->host), dns->port); !started) {
            QTextStream(stderr) << verb << ": " << started.error().message << "\n";
            return ExitFailure;
        }
    }

    // One log line per change.
    QObject::connect(
        &server, &Disco::Server::sessionJoined, &server, [](const Disco::SessionInfo &s) {
            qCInfo(discoLog).noquote() << "session" << s.id << "joined from" << s.remote
                                       << "timeout" << s.timeout << compactJson(s.attributes);
        });
    QObject::connect(
        &server, &Disco::Server::sessionAttached, &server, [](const Disco::SessionInfo &s) {
            qCInfo(discoLog).noquote() << "session" << s.id << "attached from" << s.remote;
        });
    QObject::connect(
        &server, &Disco::Server::sessionDetached, &server, [](const Disco::SessionInfo &s) {
            qCInfo(discoLog).noquote()
                << "session" << s.id << "detached; it lives on for" << s.timeout << "s";
        });
    QObject::connect(&server, &Disco::Server::sessionEnded, &server,
                     [](const Disco::SessionInfo &s) {
                         qCInfo(discoLog).noquote() << "session" << s.id << "ended";
                     });
    QObject::connect(
        &server, &Disco::Server::provisionAdded, &server, [](const Disco::ProvisionInfo &p) {
            qCInfo(discoLog).noquote()
                << "provision" << p.id << "added:" << p.key.toString() << "at"
                << QString(p.address.toString() + u' ' + attributesText(p.attributes)).trimmed()
                << "(session" << p.sessionId + u')';
        });
    QObject::connect(&server, &Disco::Server::provisionDropped, &server,
                     [](const Disco::ProvisionInfo &p) {
                         qCInfo(discoLog).noquote()
                             << "provision" << p.id << "dropped:" << p.key.toString() << "at"
                             << p.address.toString() << "(session" << p.sessionId + u')';
                     });
    QObject::connect(
        &server, &Disco::Server::requirementAdded, &server, [](const Disco::RequirementInfo &r) {
            qCInfo(discoLog).noquote()
                << "requirement" << r.id << "added:"
                << QString(r.key.toString() + u' ' + attributesText(r.attributes)).trimmed()
                << "(session" << r.sessionId + u')';
        });
    QObject::connect(
        &server, &Disco::Server::requirementDropped, &server, [](const Disco::RequirementInfo &r) {
            qCInfo(discoLog).noquote() << "requirement" << r.id << "dropped:" << r.key.toString()
                                       << "(session" << r.sessionId + u')';
        });

    watchSignals(&server, [&server] {
        qCInfo(discoLog).noquote() << "stopping: ending every session";
        server.shutdown();
        // Let the sockets write the last notifications before the loop ends.
        QTimer::singleShot(200, &server, [] { QCoreApplication::exit(ExitOk); });
    });
    return QCoreApplication::exec();
}

int DiscoCommand::list(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("List what a disco server holds, through its HTTP read API."));
    parser.addHelpOption();
    addServerOption(parser, QStringLiteral("127.0.0.1:9641"),
                    tr("The server's HTTP API address (default 127.0.0.1:9641)."));
    parser.addOption({QStringLiteral("json"), tr("Print the API's JSON as it is.")});
    parser.addPositionalArgument(QStringLiteral("PATH"),
                                 tr("ENV[/SERVICE[/ROLE[/ENDPOINT]]]: only keys under it."),
                                 QStringLiteral("[PATH]"));
    if (const int exit = parse(parser, arguments); exit >= 0)
        return exit;
    const QString verb = arguments.value(0);
    const auto server = parseHostPort(parser.value(QStringLiteral("server")));
    if (!server)
        return usageError(verb, tr("--server expects HOST:PORT"));
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return usageError(verb, tr("expected at most one PATH"));
    QString prefix = positional.value(0);
    while (prefix.endsWith(u'/'))
        prefix.chop(1);

    QNetworkAccessManager network;
    const QString host = server->host.contains(u':') ? u'[' + server->host + u']' : server->host;
    const QUrl url(QStringLiteral("http://%1:%2/v1/discovery").arg(host).arg(server->port));
    QNetworkRequest request(url);
    request.setTransferTimeout(10000);
    QNetworkReply *reply = network.get(request);
    const bool json = parser.isSet(QStringLiteral("json"));
    int exitCode = ExitFailure;
    QObject::connect(
        reply, &QNetworkReply::finished, &network, [&] {
            QTextStream out(stdout);
            if (reply->error() != QNetworkReply::NoError) {
                QTextStream(stderr)
                    << verb << ": "
                    << tr("cannot read %1: %2").arg(url.toString(), reply->errorString()) << "\n";
                QCoreApplication::exit(ExitFailure);
                return;
            }
            const QJsonObject document = QJsonDocument::fromJson(reply->readAll()).object();
            QJsonArray keys;
            for (const QJsonValue &value : document.value(u"keys").toArray()) {
                const QString key = value.toObject().value(u"key").toString();
                if (prefix.isEmpty() || key == prefix || key.startsWith(prefix + u'/'))
                    keys.append(value);
            }
            if (json) {
                out << QJsonDocument(QJsonObject{{QStringLiteral("keys"), keys}})
                           .toJson(QJsonDocument::Indented);
            } else {
                for (const QJsonValue &value : std::as_const(keys)) {
                    const QJsonObject key = value.toObject();
                    const QJsonArray endpoints = key.value(u"endpoints").toArray();
                    out << key.value(u"key").toString();
                    if (endpoints.isEmpty())
                        out << "  " << tr("(required, no endpoint)");
                    out << "\n";
                    for (const QJsonValue &e : endpoints) {
                        const auto endpoint = Disco::Endpoint::fromJson(e.toObject());
                        if (!endpoint)
                            continue;
                        out << "  " << endpoint->address.toString() << "  " << endpoint->id;
                        const QString attributes = attributesText(endpoint->attributes);
                        if (!attributes.isEmpty())
                            out << "  " << attributes;
                        out << "\n";
                    }
                }
            }
            exitCode = ExitOk;
            QCoreApplication::exit(ExitOk);
        });
    QCoreApplication::exec();
    reply->deleteLater();
    return exitCode;
}

int DiscoCommand::watch(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Print every change of one lookup key until SIGINT/SIGTERM."));
    parser.addHelpOption();
    addServerOption(parser, QStringLiteral("127.0.0.1:9640"),
                    tr("The disco server (default 127.0.0.1:9640)."));
    parser.addOption({QStringLiteral("attr"),
                      tr("Only endpoints whose attribute KEY matches REGEX (repeatable)."),
                      QStringLiteral("KEY=REGEX")});
    parser.addPositionalArgument(QStringLiteral("KEY"), tr("ENV/SERVICE/ROLE/ENDPOINT"));
    if (const int exit = parse(parser, arguments); exit >= 0)
        return exit;
    const QString verb = arguments.value(0);
    const auto server = parseHostPort(parser.value(QStringLiteral("server")));
    if (!server)
        return usageError(verb, tr("--server expects HOST:PORT"));
    if (parser.positionalArguments().size() != 1)
        return usageError(verb, tr("expected one KEY ENV/SERVICE/ROLE/ENDPOINT"));
    QString error;
    const auto spec = requirementFrom(parser.positionalArguments().at(0),
                                      parser.values(QStringLiteral("attr")), error);
    if (!spec)
        return usageError(verb, error);

    if (!Scs::installCliLogHandler(QStringLiteral("warning")))
        return ExitFailure;
    Disco::Client client;
    client.setServer(server->host, server->port);
    client.setAttributes({{QStringLiteral("tool"), QStringLiteral("scs disco watch")}});
    QTextStream out(stdout);
    int exitCode = ExitOk;
    client.require(*spec, &client, [&out](const Disco::RequirementEvent &event) {
        const QString stamp = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        if (event.initial && event.changed.isEmpty())
            out << stamp << " " << tr("no endpoint yet") << "\n";
        for (const Disco::Endpoint &endpoint : event.changed) {
            out << stamp << ' '
                << (event.initial ? QStringLiteral("have") : Disco::actionName(event.action)) << ' '
                << endpoint.address.toString() << ' ' << endpoint.id;
            const QString attributes = attributesText(endpoint.attributes);
            if (!attributes.isEmpty())
                out << ' ' << attributes;
            out << "\n";
        }
        out.flush();
    });
    QObject::connect(&client, &Disco::Client::requirementFailed, &client,
                     [&](Disco::Client::RequirementHandle, const Scs::Error &e) {
                         QTextStream(stderr) << verb << ": " << e.message << "\n";
                         exitCode = ExitFailure;
                         QCoreApplication::exit(ExitFailure);
                     });
    QObject::connect(&client, &Disco::Client::disconnected, &client, [&] {
        QTextStream(stderr)
            << verb << ": "
            << tr("not connected to %1:%2; retrying").arg(server->host).arg(server->port) << "\n";
    });
    watchSignals(&client, [&client] {
        client.leave(Disco::Wait{Disco::Wait::Mode::None, 0})
            .then(&client, [](const Scs::Result<void> &) { QCoreApplication::exit(ExitOk); });
        QTimer::singleShot(1000, &client, [] { QCoreApplication::exit(ExitOk); });
    });
    client.start();
    const int result = QCoreApplication::exec();
    return exitCode != ExitOk ? exitCode : result;
}

int DiscoCommand::forward(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Listen on a loopback port and forward each connection to a current endpoint of a key, "
           "following its changes, until SIGINT/SIGTERM."));
    parser.addHelpOption();
    addServerOption(parser, QStringLiteral("127.0.0.1:9640"),
                    tr("The disco server (default 127.0.0.1:9640)."));
    parser.addOption({QStringLiteral("attr"),
                      tr("Only endpoints whose attribute KEY matches REGEX (repeatable)."),
                      QStringLiteral("KEY=REGEX")});
    parser.addOption({QStringLiteral("wait"),
                      tr("Seconds a connection waits for an endpoint (default 10)."),
                      QStringLiteral("S"), QStringLiteral("10")});
    parser.addPositionalArgument(QStringLiteral("LOCALPORT:KEY"),
                                 tr("e.g. 8080:dev/blog/wordpress/http"));
    if (const int exit = parse(parser, arguments); exit >= 0)
        return exit;
    const QString verb = arguments.value(0);
    const auto server = parseHostPort(parser.value(QStringLiteral("server")));
    if (!server)
        return usageError(verb, tr("--server expects HOST:PORT"));
    if (parser.positionalArguments().size() != 1)
        return usageError(verb, tr("expected one LOCALPORT:ENV/SERVICE/ROLE/ENDPOINT"));
    const QString target = parser.positionalArguments().at(0);
    const qsizetype colon = target.indexOf(u':');
    bool ok = false;
    const uint localPort = target.left(colon).toUInt(&ok);
    if (colon <= 0 || !ok || localPort > 65535)
        return usageError(verb,
                          tr("expected LOCALPORT:ENV/SERVICE/ROLE/ENDPOINT, got '%1'").arg(target));
    QString error;
    const auto spec
        = requirementFrom(target.mid(colon + 1), parser.values(QStringLiteral("attr")), error);
    if (!spec)
        return usageError(verb, error);
    const double wait = parser.value(QStringLiteral("wait")).toDouble(&ok);
    if (!ok || wait < 0)
        return usageError(verb, tr("--wait expects a number of seconds"));
    if (!Scs::installCliLogHandler(QStringLiteral("info")))
        return ExitFailure;

    Disco::Client client;
    client.setServer(server->host, server->port);
    client.setAttributes({{QStringLiteral("tool"), QStringLiteral("scs disco forward")}});
    Disco::Forwarder forwarder(&client, *spec);
    forwarder.setTimeouts(wait, 3);
    if (auto started = forwarder.start(QHostAddress::LocalHost, quint16(localPort)); !started) {
        QTextStream(stderr) << verb << ": " << started.error().message << "\n";
        return ExitFailure;
    }
    qCInfo(discoLog).noquote()
        << QStringLiteral("forwarding 127.0.0.1:%1").arg(forwarder.serverPort()) << "to"
        << spec->key.toString();
    QObject::connect(&forwarder, &Disco::Forwarder::endpointsChanged, &forwarder,
                     [](const QList<Disco::Endpoint> &endpoints) {
                         QStringList addresses;
                         for (const Disco::Endpoint &e : endpoints)
                             addresses.append(e.address.toString());
                         qCInfo(discoLog).noquote()
                             << "endpoints now:"
                             << (addresses.isEmpty() ? QStringLiteral("(none)")
                                                     : addresses.join(u", "));
                     });
    QObject::connect(&forwarder, &Disco::Forwarder::connectionForwarded, &forwarder,
                     [](const Disco::Address &to) {
                         qCDebug(discoLog).noquote() << "connection forwarded to" << to.toString();
                     });
    watchSignals(&forwarder, [&client] {
        client.leave(Disco::Wait{Disco::Wait::Mode::None, 0})
            .then(&client, [](const Scs::Result<void> &) { QCoreApplication::exit(ExitOk); });
        QTimer::singleShot(1000, &client, [] { QCoreApplication::exit(ExitOk); });
    });
    client.start();
    return QCoreApplication::exec();
}

} // namespace Cli
