// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "manifest/origin.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace Manifest {

/**
 * A parsed YAML value with the position of every part, independent of the
 * YAML library. Maps keep the order of the file. Scalars keep their text; they
 * are typed on use (toInt(), toBool()...), since YAML decides types by context.
 */
class Node
{
public:
    enum class Type { Null, Scalar, Sequence, Map };
    struct Entry;

    Type type = Type::Null;
    QString scalar;      // Scalar: the text
    bool quoted = false; // Scalar: written in quotes or as a block (always a string)
    Origin origin;
    std::vector<Node> items;    // Sequence
    std::vector<Entry> entries; // Map, in file order

    [[nodiscard]] bool isNull() const { return type == Type::Null; }
    [[nodiscard]] bool isScalar() const { return type == Type::Scalar; }
    [[nodiscard]] bool isSequence() const { return type == Type::Sequence; }
    [[nodiscard]] bool isMap() const { return type == Type::Map; }

    /** The value of \p key in a map, or nullptr. */
    [[nodiscard]] const Node *find(const QString &key) const;
    [[nodiscard]] Node *find(const QString &key);
    /** The entry of \p key in a map, or nullptr. */
    [[nodiscard]] const Entry *entry(const QString &key) const;
    /** Follows \p path through maps; nullptr when a step is missing. */
    [[nodiscard]] const Node *at(const QStringList &path) const;

    /** Plain scalar as an integer (decimal, 0x.., 0o..), nullopt otherwise. */
    [[nodiscard]] std::optional<qint64> toInt() const;
    /** Plain scalar as a number, nullopt otherwise. */
    [[nodiscard]] std::optional<double> toDouble() const;
    /** Plain true/false/yes/no/on/off (any case), nullopt otherwise. */
    [[nodiscard]] std::optional<bool> toBool() const;
    /** Plain null, ~ or empty scalar. */
    [[nodiscard]] bool isNullLike() const;

    /**
     * The value as JSON: plain scalars become numbers, booleans or null when
     * they read as one, everything else a string.
     */
    [[nodiscard]] QJsonValue toJson() const;

    /** "a map", "a list", "a string", "a number"... for error messages. */
    [[nodiscard]] QString kindName() const;

    /** Sets \p layer on this node and every node below it. */
    void setLayer(int layer);

    /**
     * Merges \p over onto this node: maps merge key by key (deeply); lists,
     * scalars and type changes are replaced by \p over.
     */
    void mergeFrom(const Node &over);
    /** The same, taking \p over's parts instead of copying them. */
    void mergeFrom(Node &&over);

private:
    Entry *findEntry(const QString &key);
};

struct Node::Entry
{
    QString key;
    Origin keyOrigin;
    Node value;
};

} // namespace Manifest
