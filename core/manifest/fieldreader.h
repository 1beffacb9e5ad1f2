// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "manifest/diagnostics.h"
#include "manifest/node.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Manifest::Internal {

/**
 * Reads the keys of one YAML map with type checks, and reports what is wrong:
 * every key asked for is known, so finish() can name the unknown ones with a
 * "did you mean" suggestion. Errors go to the Diagnostics and reading goes on,
 * so one pass finds every problem of a file.
 */
class FieldReader
{
public:
    /** \p node may be nullptr (absent); \p context is its dotted path, e.g. "container". */
    FieldReader(const Node *node, const QString &context, Diagnostics &diagnostics);

    /** True when the node is a map (or absent/null: then every key reads as absent). */
    [[nodiscard]] bool isValid() const { return m_valid; }
    [[nodiscard]] const Node *node() const { return m_node; }
    [[nodiscard]] QString context() const { return m_context; }

    /** The raw value of \p key (marks the key known), nullptr when absent or null. */
    const Node *value(const QString &key);
    const Node::Entry *entry(const QString &key);

    std::optional<QString> string(const QString &key);
    /** Strings from a closed set; an unknown value is an error with a suggestion. */
    std::optional<QString> choice(const QString &key, const QStringList &allowed,
                                  const QString &what = {});
    std::optional<qint64> integer(const QString &key, qint64 min, qint64 max);
    std::optional<double> number(const QString &key, double min, double max);
    std::optional<bool> boolean(const QString &key);
    /** A string or a list of strings (a command in CMD form). */
    std::optional<QStringList> stringList(const QString &key);
    /** A map of scalars to strings (environment, attributes). */
    std::optional<QMap<QString, QString>> stringMap(const QString &key);
    /** A map; nullptr when absent. */
    const Node *map(const QString &key);
    const Node *list(const QString &key);

    /** Reports \p key as missing when it is absent. */
    void require(const QString &key, const QString &expected);
    /** Reports unknown keys. Call after reading every known key. */
    void finish();

    QString path(const QString &key) const;
    Diagnostics &diagnostics() { return m_diagnostics; }
    void wrongType(const Node &value, const QString &key, const QString &expected);

private:
    const Node *m_node = nullptr;
    QString m_context;
    Diagnostics &m_diagnostics;
    QStringList m_known;
    bool m_valid = true;
};

/** A scalar's text for environment values: numbers and booleans as written. */
[[nodiscard]] std::optional<QString> scalarText(const Node &node);

/** \p path made absolute against the folder of the file \p origin points into. */
[[nodiscard]] QString resolvePath(const QString &path, const Origin &origin);

} // namespace Manifest::Internal
