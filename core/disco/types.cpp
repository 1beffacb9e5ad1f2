// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "types.h"

#include "discotr.h"

#include <QJsonValue>

namespace Disco {

QString Key::toString() const
{
    return environment + u'/' + service + u'/' + role + u'/' + endpoint;
}

Scs::Result<Key> Key::fromString(const QString &text)
{
    const QStringList parts = text.split(u'/');
    if (parts.size() != 4 || parts.contains(QString()))
        return Scs::makeError(Tr::tr("'%1' is not a lookup key "
                                     "ENVIRONMENT/SERVICE/ROLE/ENDPOINT")
                                  .arg(text),
                              Scs::Error::Kind::InvalidInput);
    return Key{parts.at(0), parts.at(1), parts.at(2), parts.at(3)};
}

QString Address::toString() const
{
    if (host.contains(u':'))
        return u'[' + host + u"]:" + QString::number(port);
    return host + u':' + QString::number(port);
}

QJsonObject Endpoint::toJson() const
{
    QJsonObject attributesObject;
    for (auto it = attributes.constBegin(); it != attributes.constEnd(); ++it)
        attributesObject.insert(it.key(), it.value());
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("address"), QJsonObject{{QStringLiteral("host"), address.host},
                                                {QStringLiteral("port"), address.port}}},
        {QStringLiteral("attributes"), attributesObject},
    };
}

Scs::Result<Endpoint> Endpoint::fromJson(const QJsonObject &object)
{
    const QJsonValue id = object.value(QStringLiteral("id"));
    const QJsonObject address = object.value(QStringLiteral("address")).toObject();
    const QJsonValue host = address.value(QStringLiteral("host"));
    const QJsonValue port = address.value(QStringLiteral("port"));
    if (!id.isString() || !host.isString() || !port.isDouble())
        return Scs::makeError(Tr::tr("not an endpoint object (id, address.host, address.port)"),
                              Scs::Error::Kind::InvalidInput);
    Endpoint endpoint{id.toString(), Address{host.toString(), port.toInt()}, {}};
    const QJsonObject attributes = object.value(QStringLiteral("attributes")).toObject();
    for (auto it = attributes.constBegin(); it != attributes.constEnd(); ++it)
        endpoint.attributes.insert(it.key(), it.value().toString());
    return endpoint;
}

QString actionName(Action action)
{
    return action == Action::Add ? QStringLiteral("add") : QStringLiteral("drop");
}

} // namespace Disco
