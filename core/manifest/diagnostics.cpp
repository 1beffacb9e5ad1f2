// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "diagnostics.h"

#include "manifesttr.h"

#include <algorithm>
#include <vector>

namespace Manifest {

QString Diagnostic::toString() const
{
    const QString position = where.position();
    return position.isEmpty() ? message : position + QStringLiteral(": ") + message;
}

void Diagnostics::error(const Origin &where, const QString &message)
{
    m_items.append(Diagnostic{where, message});
}

void Diagnostics::error(const Scs::Error &error)
{
    m_raw.append(error.message.split(u'\n', Qt::SkipEmptyParts));
}

QStringList Diagnostics::lines() const
{
    QList<Diagnostic> sorted = m_items;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic &a, const Diagnostic &b) {
        if (a.where.file != b.where.file)
            return a.where.file < b.where.file;
        if (a.where.line != b.where.line)
            return a.where.line < b.where.line;
        return a.where.column < b.where.column;
    });
    QStringList out = m_raw;
    for (const Diagnostic &d : sorted) {
        const QString line = d.toString();
        if (!out.contains(line))
            out.append(line);
    }
    out.removeDuplicates();
    return out;
}

Scs::Error Diagnostics::toError() const
{
    return Scs::Error{Scs::Error::Kind::InvalidInput, lines().join(u'\n'), 0};
}

int editDistance(const QString &a, const QString &b)
{
    std::vector<int> previous(b.size() + 1);
    std::vector<int> current(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int cost = a.at(i - 1).toLower() == b.at(j - 1).toLower() ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

QString didYouMean(const QString &word, const QStringList &candidates)
{
    QString best;
    int bestDistance = 0;
    for (const QString &candidate : candidates) {
        const int d = editDistance(word, candidate);
        if (best.isEmpty() || d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    const int allowed = std::max<int>(2, int(word.size()) / 3);
    if (best.isEmpty() || bestDistance > allowed || bestDistance >= word.size())
        return {};
    return Tr::tr(" (did you mean '%1'?)").arg(best);
}

} // namespace Manifest
