// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "fieldreader.h"

#include "manifesttr.h"

#include <QDir>
#include <QFileInfo>

namespace Manifest::Internal {

FieldReader::FieldReader(const Node *node, const QString &context, Diagnostics &diagnostics)
    : m_node(node)
    , m_context(context)
    , m_diagnostics(diagnostics)
{
    if (m_node && m_node->isNullLike())
        m_node = nullptr;
    if (m_node && !m_node->isMap()) {
        m_diagnostics.error(
            m_node->origin,
            Tr::tr("'%1' is %2; expected a map").arg(m_context, m_node->kindName()));
        m_valid = false;
        m_node = nullptr;
    }
}

QString FieldReader::path(const QString &key) const
{
    return m_context.isEmpty() ? key : m_context + u'.' + key;
}

const Node::Entry *FieldReader::entry(const QString &key)
{
    if (!m_known.contains(key))
        m_known.append(key);
    if (!m_node)
        return nullptr;
    return m_node->entry(key);
}

const Node *FieldReader::value(const QString &key)
{
    const Node::Entry *e = entry(key);
    if (!e || e->value.isNullLike())
        return nullptr;
    return &e->value;
}

void FieldReader::wrongType(const Node &value, const QString &key, const QString &expected)
{
    m_diagnostics.error(
        value.origin, Tr::tr("'%1' is %2; expected %3").arg(path(key), value.kindName(), expected));
}

std::optional<QString> FieldReader::string(const QString &key)
{
    const Node *v = value(key);
    if (!v)
        return std::nullopt;
    if (!v->isScalar()) {
        wrongType(*v, key, Tr::tr("a string"));
        return std::nullopt;
    }
    return v->scalar;
}

std::optional<QString> FieldReader::choice(const QString &key, const QStringList &allowed,
                                           const QString &what)
{
    const Node *v = value(key);
    if (!v)
        return std::nullopt;
    if (!v->isScalar()) {
        wrongType(*v, key, Tr::tr("one of: %1").arg(allowed.join(QStringLiteral(", "))));
        return std::nullopt;
    }
    if (!allowed.contains(v->scalar)) {
        m_diagnostics.error(v->origin, Tr::tr("unknown %1 '%2' for '%3'%4; expected one of: %5")
                                           .arg(what.isEmpty() ? key : what, v->scalar, m_context,
                                                didYouMean(v->scalar, allowed),
                                                allowed.join(QStringLiteral(", "))));
        return std::nullopt;
    }
    return v->scalar;
}

std::optional<qint64> FieldReader::integer(const QString &key, qint64 min, qint64 max)
{
    const Node *v = value(key);
    if (!v)
        return std::nullopt;
    const auto i = v->toInt();
    if (!i || *i < min || *i > max) {
        if (i) {
            m_diagnostics.error(v->origin, Tr::tr("'%1' is %2; expected an integer from %3 to %4")
                                               .arg(path(key))
                                               .arg(*i)
                                               .arg(min)
                                               .arg(max));
        } else {
            wrongType(*v, key, Tr::tr("an integer from %1 to %2").arg(min).arg(max));
        }
        return std::nullopt;
    }
    return i;
}

std::optional<double> FieldReader::number(const QString &key, double min, double max)
{
    const Node *v = value(key);
    if (!v)
        return std::nullopt;
    const auto d = v->toDouble();
    if (!d || *d < min || *d > max) {
        if (d) {
            m_diagnostics.error(v->origin, Tr::tr("'%1' is %2; expected a number from %3 to %4")
                                               .arg(path(key))
                                               .arg(*d)
                                               .arg(min)
                                               .arg(max));
        } else {
            wrongType(*v, key, Tr::tr("a number from %1 to %2").arg(min).arg(max));
        }
        return std::nullopt;
    }
    return d;
}

std::optional<bool> FieldReader::boolean(const QString &key)
{
    const Node *v = value(key);
    if (!v)
        return std::nullopt;
    const auto b = v->toBool();
    if (!b) {
        wrongType(*v, key, Tr::tr("true or false"));
        return std::nullopt;
    }
    return b;
}

std::optional<QStringList> FieldReader::stringList(const QString &key)
{
    const Node *v = value(key);
    if (!v)
        return std::nullopt;
    if (v->isScalar())
        return QStringList{v->scalar};
    if (!v->isSequence()) {
        wrongType(*v, key, Tr::tr("a string or a list of strings"));
        return std::nullopt;
    }
    QStringList out;
    bool ok = true;
    for (const Node &item : v->items) {
        if (!item.isScalar()) {
            m_diagnostics.error(
                item.origin,
                Tr::tr("an item of '%1' is %2; expected a string").arg(path(key), item.kindName()));
            ok = false;
            continue;
        }
        out.append(item.scalar);
    }
    if (!ok)
        return std::nullopt;
    return out;
}

std::optional<QMap<QString, QString>> FieldReader::stringMap(const QString &key)
{
    const Node *v = value(key);
    if (!v)
        return std::nullopt;
    if (!v->isMap()) {
        wrongType(*v, key, Tr::tr("a map of names to values"));
        return std::nullopt;
    }
    QMap<QString, QString> out;
    bool ok = true;
    for (const Node::Entry &e : v->entries) {
        const auto text = scalarText(e.value);
        if (!text) {
            m_diagnostics.error(e.value.origin,
                                Tr::tr("'%1' is %2; expected a string")
                                    .arg(path(key) + u'.' + e.key, e.value.kindName()));
            ok = false;
            continue;
        }
        out.insert(e.key, *text);
    }
    if (!ok)
        return std::nullopt;
    return out;
}

const Node *FieldReader::map(const QString &key)
{
    const Node *v = value(key);
    if (!v)
        return nullptr;
    if (!v->isMap()) {
        wrongType(*v, key, Tr::tr("a map"));
        return nullptr;
    }
    return v;
}

const Node *FieldReader::list(const QString &key)
{
    const Node *v = value(key);
    if (!v)
        return nullptr;
    if (!v->isSequence()) {
        wrongType(*v, key, Tr::tr("a list"));
        return nullptr;
    }
    return v;
}

void FieldReader::require(const QString &key, const QString &expected)
{
    if (!m_valid)
        return;
    const Node::Entry *e = entry(key);
    if (e && !e->value.isNullLike())
        return;
    Origin where;
    if (e)
        where = e->keyOrigin;
    else if (m_node)
        where = m_node->origin;
    const QString what = m_context.isEmpty()
                             ? Tr::tr("missing required key '%1'; expected %2").arg(key, expected)
                             : Tr::tr("'%1' is missing required key '%2'; expected %3")
                                   .arg(m_context, key, expected);
    if (where.isDefault() && m_node == nullptr)
        return; // the parent reports the absent map itself
    m_diagnostics.error(where, what);
}

void FieldReader::finish()
{
    if (!m_node)
        return;
    for (const Node::Entry &e : m_node->entries) {
        if (m_known.contains(e.key))
            continue;
        const QString where
            = m_context.isEmpty() ? Tr::tr("at the top level") : Tr::tr("in '%1'").arg(m_context);
        m_diagnostics.error(e.keyOrigin, Tr::tr("unknown key '%1' %2%3; expected one of: %4")
                                             .arg(e.key, where, didYouMean(e.key, m_known),
                                                  m_known.join(QStringLiteral(", "))));
    }
}

std::optional<QString> scalarText(const Node &node)
{
    if (node.isNullLike())
        return QString();
    if (!node.isScalar())
        return std::nullopt;
    return node.scalar;
}

QString resolvePath(const QString &path, const Origin &origin)
{
    if (path.isEmpty())
        return path;
    const QString base
        = origin.file.isEmpty() ? QDir::currentPath() : QFileInfo(origin.file).absolutePath();
    QString clean = QDir::cleanPath(QDir::isAbsolutePath(path) ? path : base + u'/' + path);
    // cleanPath keeps ".." above the root ("/../etc"); the file system does not.
    while (clean.startsWith(QStringLiteral("/../")))
        clean.remove(0, 3);
    if (clean == u"/..")
        clean = QStringLiteral("/");
    return clean;
}

} // namespace Manifest::Internal
