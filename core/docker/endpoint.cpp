// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "endpoint.h"

#include "dockertr.h"

#include <QUrl>

namespace Docker {

using Scs::Error;
using Scs::makeError;

Scs::Result<Endpoint> Endpoint::parse(const QString &address)
{
    const QString text = address.trimmed();
    const auto invalid = [&](const QString &why) {
        return makeError(Tr::tr("Docker endpoint '%1': %2").arg(address, why),
                         Error::Kind::InvalidInput);
    };
    if (text.isEmpty())
        return invalid(Tr::tr("empty address"));

    Endpoint endpoint;
    if (text.startsWith(u'/')) { // a bare socket path
        endpoint.kind = Kind::Unix;
        endpoint.socketPath = text;
        return endpoint;
    }
    if (text.startsWith(QStringLiteral("unix://"))) {
        endpoint.kind = Kind::Unix;
        endpoint.socketPath = text.mid(7);
        if (!endpoint.socketPath.startsWith(u'/'))
            return invalid(Tr::tr("a unix socket path must be absolute (unix:///path)"));
        return endpoint;
    }

    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return invalid(url.errorString());
    const QString scheme = url.scheme();
    if (scheme == u"tcp" || scheme == u"http" || scheme == u"https") {
        endpoint.kind = Kind::Tcp;
        endpoint.host = url.host();
        if (endpoint.host.isEmpty())
            return invalid(Tr::tr("no host name"));
        endpoint.port = url.port(scheme == u"https" ? 2376 : 2375);
        if (!url.path().isEmpty() && url.path() != u"/")
            return invalid(Tr::tr("a tcp address has no path"));
        return endpoint;
    }
    if (scheme == u"ssh") {
        endpoint.kind = Kind::Ssh;
        endpoint.host = url.host();
        endpoint.user = url.userName();
        endpoint.port = url.port(0);
        if (endpoint.host.isEmpty())
            return invalid(Tr::tr("no host name"));
        if (!url.password().isEmpty())
            return invalid(Tr::tr("passwords are not accepted in ssh addresses; use keys"));
        if (!url.path().isEmpty() && url.path() != u"/")
            return invalid(Tr::tr("an ssh address has no path"));
        return endpoint;
    }
    return invalid(Tr::tr("unknown scheme '%1' (expected unix, tcp or ssh)").arg(scheme));
}

QString Endpoint::toString() const
{
    switch (kind) {
    case Kind::Unix:
        return QStringLiteral("unix://") + socketPath;
    case Kind::Tcp:
        return QStringLiteral("tcp://%1:%2").arg(host).arg(port);
    case Kind::Ssh: {
        QString text = QStringLiteral("ssh://");
        if (!user.isEmpty())
            text += user + u'@';
        text += host;
        if (port > 0)
            text += u':' + QString::number(port);
        return text;
    }
    }
    return {};
}

QStringList sshDialCommand(const Endpoint &endpoint, const QString &program)
{
    QStringList command{program, QStringLiteral("-o"), QStringLiteral("BatchMode=yes")};
    if (endpoint.port > 0)
        command << QStringLiteral("-p") << QString::number(endpoint.port);
    // "--" so that a host name starting with '-' can never become an ssh option.
    command << QStringLiteral("--")
            << (endpoint.user.isEmpty() ? endpoint.host : endpoint.user + u'@' + endpoint.host)
            << QStringLiteral("docker") << QStringLiteral("system") << QStringLiteral("dial-stdio");
    return command;
}

Scs::Result<HostConfig> HostConfig::fromAddress(const QString &name, const QString &address)
{
    auto endpoint = Endpoint::parse(address);
    if (!endpoint)
        return makeError(endpoint.error().withContext(Tr::tr("host %1").arg(name)));
    HostConfig config;
    config.name = name;
    config.endpoint = *endpoint;
    return config;
}

} // namespace Docker
