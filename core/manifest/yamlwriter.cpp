// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "yamlwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace Manifest {

namespace {

QByteArray scalar(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return "null";
    case QJsonValue::Bool:
        return value.toBool() ? "true" : "false";
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (d == double(qint64(d)))
            return QByteArray::number(qint64(d));
        return QByteArray::number(d, 'g', 17);
    }
    case QJsonValue::String: {
        // QJsonDocument's escaping of a one-element array, without the brackets.
        const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        return json.mid(1, json.size() - 2);
    }
    default:
        return {};
    }
}

QByteArray key(const QString &k)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_./-]*$"));
    if (plain.match(k).hasMatch() && k != u"y" && k != u"n" && k != u"yes" && k != u"no"
        && k != u"on" && k != u"off" && k != u"true" && k != u"false" && k != u"null")
        return k.toUtf8();
    return scalar(k);
}

bool isEmptyContainer(const QJsonValue &v)
{
    return (v.isObject() && v.toObject().isEmpty()) || (v.isArray() && v.toArray().isEmpty());
}

void write(QByteArray &out, const QJsonValue &value, int indent);

void writeMap(QByteArray &out, const QJsonObject &object, int indent, bool firstInline)
{
    bool first = true;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!(first && firstInline))
            out += QByteArray(indent, ' ');
        first = false;
        out += key(it.key()) + ':';
        const QJsonValue v = it.value();
        if (v.isObject() && !isEmptyContainer(v)) {
            out += '\n';
            writeMap(out, v.toObject(), indent + 2, false);
        } else if (v.isArray() && !isEmptyContainer(v)) {
            out += '\n';
            write(out, v, indent + 2);
        } else {
            out += ' ';
            out += v.isObject() ? QByteArray("{}") : v.isArray() ? QByteArray("[]") : scalar(v);
            out += '\n';
        }
    }
}

void write(QByteArray &out, const QJsonValue &value, int indent)
{
    if (value.isObject() && !isEmptyContainer(value)) {
        writeMap(out, value.toObject(), indent, false);
        return;
    }
    if (value.isArray() && !isEmptyContainer(value)) {
        for (const QJsonValue &item : value.toArray()) {
            out += QByteArray(indent, ' ') + "- ";
            if (item.isObject() && !isEmptyContainer(item)) {
                writeMap(out, item.toObject(), indent + 2, true);
            } else if (item.isArray() && !isEmptyContainer(item)) {
                out += '\n';
                write(out, item, indent + 2);
            } else {
                out += item.isObject()  ? QByteArray("{}")
                       : item.isArray() ? QByteArray("[]")
                                        : scalar(item);
                out += '\n';
            }
        }
        return;
    }
    out += QByteArray(indent, ' ');
    out += value.isObject() ? QByteArray("{}") : value.isArray() ? QByteArray("[]") : scalar(value);
    out += '\n';
}

} // namespace

QByteArray YamlWriter::write(const QJsonValue &value)
{
    QByteArray out;
    Manifest::write(out, value, 0);
    return out;
}

QByteArray YamlWriter::writeDocuments(const QList<QJsonValue> &documents)
{
    QByteArray out;
    for (const QJsonValue &document : documents) {
        out += "---\n";
        out += write(document);
    }
    return out;
}

} // namespace Manifest
