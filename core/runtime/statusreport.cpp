// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "statusreport.h"

#include <QJsonObject>
#include <QStringList>

namespace Runtime {

namespace {

QJsonValue addressJson(const StatusRow::Endpoint &endpoint)
{
    if (endpoint.host.isEmpty())
        return QJsonValue(QJsonValue::Null);
    return QJsonObject{{QStringLiteral("host"), endpoint.host},
                       {QStringLiteral("port"), endpoint.port}};
}

QJsonArray endpointsJson(const QList<StatusRow::Endpoint> &endpoints)
{
    QJsonArray array;
    for (const auto &endpoint : endpoints)
        array.append(QJsonObject{{QStringLiteral("name"), endpoint.name},
                                 {QStringLiteral("address"), addressJson(endpoint)}});
    return array;
}

QString endpointsText(const QList<StatusRow::Endpoint> &endpoints, bool isRequire)
{
    QStringList parts;
    for (const auto &endpoint : endpoints) {
        if (endpoint.host.isEmpty())
            parts.append(
                endpoint.name
                + (isRequire ? QStringLiteral("→(unbound)") : QStringLiteral("=(unpublished)")));
        else
            parts.append(endpoint.name + (isRequire ? QStringLiteral("→") : QStringLiteral("="))
                         + endpoint.host + u':' + QString::number(endpoint.port));
    }
    return parts.isEmpty() ? QStringLiteral("-") : parts.join(QStringLiteral(", "));
}

} // namespace

QJsonArray statusToJson(const QList<StatusRow> &rows)
{
    QJsonArray array;
    for (const StatusRow &row : rows) {
        array.append(QJsonObject{
            {QStringLiteral("role"), row.role},
            {QStringLiteral("host"), row.host},
            {QStringLiteral("state"), row.state},
            {QStringLiteral("health"), row.health},
            {QStringLiteral("endpoints"), endpointsJson(row.endpoints)},
            {QStringLiteral("requires"), endpointsJson(row.requirements)},
        });
    }
    return array;
}

QString statusToTable(const QList<StatusRow> &rows)
{
    QList<QStringList> cells;
    cells.append({QStringLiteral("ROLE"), QStringLiteral("HOST"), QStringLiteral("STATE"),
                  QStringLiteral("HEALTH"), QStringLiteral("ENDPOINTS"),
                  QStringLiteral("REQUIRES")});
    for (const StatusRow &row : rows)
        cells.append({row.role, row.host, row.state, row.health,
                      endpointsText(row.endpoints, false), endpointsText(row.requirements, true)});
    QList<qsizetype> widths(cells.first().size(), 0);
    for (const QStringList &line : cells)
        for (qsizetype i = 0; i < line.size(); ++i)
            widths[i] = std::max(widths[i], line.at(i).size());
    QString text;
    for (const QStringList &line : cells) {
        QString out;
        for (qsizetype i = 0; i < line.size(); ++i)
            out += i + 1 < line.size() ? line.at(i).leftJustified(widths.at(i) + 2) : line.at(i);
        text += out + u'\n';
    }
    return text;
}

} // namespace Runtime
