// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "node.h"

#include "manifesttr.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace Manifest {

QString Origin::position() const
{
    if (line <= 0)
        return file;
    return QStringLiteral("%1:%2:%3").arg(file).arg(line).arg(column);
}

QString Origin::describe() const
{
    if (isDefault())
        return line < 0 ? QStringLiteral("computed") : QStringLiteral("default");
    if (layer < 0)
        return position();
    return QStringLiteral("%1 (layer %2)").arg(position()).arg(layer);
}

const Node *Node::find(const QString &key) const
{
    const Entry *e = entry(key);
    return e ? &e->value : nullptr;
}

Node *Node::find(const QString &key)
{
    for (Entry &e : entries) {
        if (e.key == key)
            return &e.value;
    }
    return nullptr;
}

const Node::Entry *Node::entry(const QString &key) const
{
    for (const Entry &e : entries) {
        if (e.key == key)
            return &e;
    }
    return nullptr;
}

const Node *Node::at(const QStringList &path) const
{
    const Node *node = this;
    for (const QString &step : path) {
        node = node->find(step);
        if (!node)
            return nullptr;
    }
    return node;
}

std::optional<qint64> Node::toInt() const
{
    if (type != Type::Scalar || quoted)
        return std::nullopt;
    QString text = scalar.trimmed();
    text.remove(u'_');
    bool ok = false;
    qint64 value = 0;
    if (text.startsWith(u"0x") || text.startsWith(u"0X"))
        value = text.mid(2).toLongLong(&ok, 16);
    else if (text.startsWith(u"0o"))
        value = text.mid(2).toLongLong(&ok, 8);
    else
        value = text.toLongLong(&ok, 10);
    if (!ok)
        return std::nullopt;
    return value;
}

std::optional<double> Node::toDouble() const
{
    if (const auto i = toInt())
        return double(*i);
    if (type != Type::Scalar || quoted)
        return std::nullopt;
    bool ok = false;
    const double value = scalar.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::optional<bool> Node::toBool() const
{
    if (type != Type::Scalar || quoted)
        return std::nullopt;
    const QString text = scalar.trimmed().toLower();
    if (text == u"true" || text == u"yes" || text == u"on")
        return true;
    if (text == u"false" || text == u"no" || text == u"off")
        return false;
    return std::nullopt;
}

bool Node::isNullLike() const
{
    if (type == Type::Null)
        return true;
    if (type != Type::Scalar || quoted)
        return false;
    const QString text = scalar.trimmed();
    return text.isEmpty() || text == u"~" || text.compare(u"null", Qt::CaseInsensitive) == 0;
}

QJsonValue Node::toJson() const
{
    switch (type) {
    case Type::Null:
        return QJsonValue(QJsonValue::Null);
    case Type::Scalar:
        if (quoted)
            return scalar;
        if (isNullLike())
            return QJsonValue(QJsonValue::Null);
        if (const auto b = toBool())
            return *b;
        if (const auto i = toInt())
            return QJsonValue(*i);
        if (const auto d = toDouble())
            return *d;
        return scalar;
    case Type::Sequence: {
        QJsonArray array;
        for (const Node &item : items)
            array.append(item.toJson());
        return array;
    }
    case Type::Map: {
        QJsonObject object;
        for (const Entry &e : entries)
            object.insert(e.key, e.value.toJson());
        return object;
    }
    }
    return {};
}

QString Node::kindName() const
{
    switch (type) {
    case Type::Null:
        return Tr::tr("nothing");
    case Type::Sequence:
        return Tr::tr("a list");
    case Type::Map:
        return Tr::tr("a map");
    case Type::Scalar:
        break;
    }
    if (quoted)
        return Tr::tr("a string");
    if (isNullLike())
        return Tr::tr("null");
    if (toBool())
        return Tr::tr("a boolean");
    if (toDouble())
        return Tr::tr("a number");
    return Tr::tr("a string");
}

void Node::setLayer(int layer)
{
    origin.layer = layer;
    for (Node &item : items)
        item.setLayer(layer);
    for (Entry &e : entries) {
        e.keyOrigin.layer = layer;
        e.value.setLayer(layer);
    }
}

void Node::mergeFrom(const Node &over)
{
    if (type != Type::Map || over.type != Type::Map) {
        *this = over;
        return;
    }
    origin = over.origin;
    for (const Entry &e : over.entries) {
        if (Entry *mine = findEntry(e.key)) {
            mine->value.mergeFrom(e.value);
            mine->keyOrigin = e.keyOrigin;
        } else {
            entries.push_back(e);
        }
    }
}

void Node::mergeFrom(Node &&over)
{
    if (type != Type::Map || over.type != Type::Map) {
        *this = std::move(over);
        return;
    }
    origin = over.origin;
    for (Entry &e : over.entries) {
        if (Entry *mine = findEntry(e.key)) {
            mine->value.mergeFrom(std::move(e.value));
            mine->keyOrigin = e.keyOrigin;
        } else {
            entries.push_back(std::move(e));
        }
    }
}

Node::Entry *Node::findEntry(const QString &key)
{
    for (Entry &e : entries) {
        if (e.key == key)
            return &e;
    }
    return nullptr;
}

} // namespace Manifest
