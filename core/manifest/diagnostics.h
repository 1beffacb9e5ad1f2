// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "manifest/origin.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Manifest {

/** One problem found in a manifest: where, and what is wrong / what was expected. */
struct Diagnostic
{
    Origin where;
    QString message;

    /** "file:line:column: message". */
    [[nodiscard]] QString toString() const;
};

/**
 * Collects every problem of a validation run, so that a user sees all the
 * errors of a file at once instead of fixing them one by one.
 */
class Diagnostics
{
public:
    void error(const Origin &where, const QString &message);
    /** Adds an error that already carries its own position (e.g. from the YAML reader). */
    void error(const Scs::Error &error);

    [[nodiscard]] bool isEmpty() const { return m_items.isEmpty(); }
    [[nodiscard]] qsizetype size() const { return m_items.size(); }
    /** The problems as lines, sorted by file, line and column, duplicates removed. */
    [[nodiscard]] QStringList lines() const;
    /** All lines joined by "\n" as one InvalidInput error. */
    [[nodiscard]] Scs::Error toError() const;

private:
    QList<Diagnostic> m_items;
    QStringList m_raw;
};

/** Levenshtein distance between two words. */
[[nodiscard]] int editDistance(const QString &a, const QString &b);
/**
 * The candidate closest to \p word when it is close enough to be a typo, as
 * " (did you mean 'x'?)", or an empty string.
 */
[[nodiscard]] QString didYouMean(const QString &word, const QStringList &candidates);

} // namespace Manifest
