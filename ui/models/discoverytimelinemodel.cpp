// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "models/discoverytimelinemodel.h"

#include <QLocale>

namespace Ui {
namespace Models {

DiscoveryTimelineModel::DiscoveryTimelineModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

DiscoveryTimelineModel::~DiscoveryTimelineModel() = default;

void DiscoveryTimelineModel::append(const DiscoveryEvent &event)
{
    if (m_events.size() >= m_maximumRows) {
        const int drop = int(m_events.size()) - m_maximumRows + 1;
        beginRemoveRows({}, 0, drop - 1);
        m_events.remove(0, drop);
        endRemoveRows();
    }
    const int row = int(m_events.size());
    beginInsertRows({}, row, row);
    m_events.append(event);
    endInsertRows();
}

void DiscoveryTimelineModel::clear()
{
    beginResetModel();
    m_events.clear();
    endResetModel();
}

void DiscoveryTimelineModel::setMaximumRows(int rows)
{
    m_maximumRows = std::max(1, rows);
    if (m_events.size() > m_maximumRows) {
        const int drop = int(m_events.size()) - m_maximumRows;
        beginRemoveRows({}, 0, drop - 1);
        m_events.remove(0, drop);
        endRemoveRows();
    }
}

int DiscoveryTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int DiscoveryTimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DiscoveryTimelineModel::kindName(DiscoveryEvent::Kind kind)
{
    switch (kind) {
    case DiscoveryEvent::Kind::Add:
        return tr("add");
    case DiscoveryEvent::Kind::Drop:
        return tr("drop");
    case DiscoveryEvent::Kind::Notify:
        return tr("notify");
    case DiscoveryEvent::Kind::Ack:
        return tr("ack");
    case DiscoveryEvent::Kind::Join:
        return tr("join");
    case DiscoveryEvent::Kind::Leave:
        return tr("leave");
    case DiscoveryEvent::Kind::Require:
        return tr("require");
    }
    return {};
}

QVariant DiscoveryTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DiscoveryEvent &event = m_events.at(index.row());
    if (role == Qt::TextAlignmentRole && index.column() == LatencyColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return event.time.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
    case KindColumn:
        return kindName(event.kind);
    case KeyColumn:
        return event.key;
    case EndpointColumn:
        return event.endpoint;
    case SubscriberColumn:
        return event.subscriber;
    case LatencyColumn:
        if (event.kind == DiscoveryEvent::Kind::Require)
            return role == Qt::ToolTipRole
                       ? tr("The endpoints came in the answer to the requirement: there is no "
                            "notification to acknowledge.")
                       : tr("in the answer");
        if (event.latencyUs < 0)
            return {};
        return tr("%1 ms").arg(QLocale().toString(event.latencyUs / 1000.0, 'f', 2));
    default:
        return {};
    }
}

QVariant DiscoveryTimelineModel::headerData(int section, Qt::Orientation orientation,
                                            int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case KindColumn:
        return tr("Event");
    case KeyColumn:
        return tr("Key");
    case EndpointColumn:
        return tr("Endpoint");
    case SubscriberColumn:
        return tr("Subscriber");
    case LatencyColumn:
        return tr("Ack latency");
    default:
        return {};
    }
}

} // namespace Models
} // namespace Ui
