// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "requireenv.h"

#include <QStringList>

namespace Runtime {

QString ServiceEndpoint::hostPort() const
{
    // IPv6 literals need brackets to keep the port separable.
    if (host.contains(u':'))
        return u'[' + host + QStringLiteral("]:") + QString::number(port);
    return host + u':' + QString::number(port);
}

QString requireVariableStem(const QString &requireName)
{
    QString stem = requireName.toUpper();
    for (QChar &c : stem) {
        const char16_t u = c.unicode();
        if (!((u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')))
            c = u'_';
    }
    return stem;
}

QMap<QString, QString> requireEnvironment(const QString &requireName,
                                          const QList<ServiceEndpoint> &endpoints)
{
    const QString base = QStringLiteral("SCS_REQUIRE_") + requireVariableStem(requireName);
    QMap<QString, QString> env;
    QStringList all;
    for (const ServiceEndpoint &endpoint : endpoints)
        all.append(endpoint.hostPort());
    const ServiceEndpoint first = endpoints.value(0);
    env.insert(base, endpoints.isEmpty() ? QString() : first.hostPort());
    env.insert(base + QStringLiteral("_HOST"), endpoints.isEmpty() ? QString() : first.host);
    env.insert(base + QStringLiteral("_PORT"),
               endpoints.isEmpty() ? QString() : QString::number(first.port));
    env.insert(base + QStringLiteral("_ENDPOINTS"), all.join(u','));
    return env;
}

} // namespace Runtime
