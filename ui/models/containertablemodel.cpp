// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "models/containertablemodel.h"

#include "graph/graphstyle.h"

#include <algorithm>

namespace Ui {
namespace Models {

using namespace Runtime;

ContainerTableModel::ContainerTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

ContainerTableModel::~ContainerTableModel() = default;

void ContainerTableModel::setTopology(Topology *topology)
{
    if (m_topology)
        disconnect(m_topology, nullptr, this, nullptr);
    m_topology = topology;
    if (m_topology)
        connect(m_topology, &Topology::changed, this, &ContainerTableModel::handleTopologyChanged);
    reload();
}

void ContainerTableModel::reload()
{
    beginResetModel();
    m_rows = m_topology ? m_topology->containers() : QList<ContainerInfo>();
    endResetModel();
}

int ContainerTableModel::rowOf(const QString &containerId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].id == containerId)
            return row;
    }
    return -1;
}

void ContainerTableModel::handleTopologyChanged(const TopologyChange &change)
{
    if (!m_topology)
        return;
    for (const QString &id : change.containersRemoved) {
        const int row = rowOf(id);
        if (row < 0)
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    QList<ContainerInfo> added;
    for (const QString &id : change.containersAdded) {
        const ContainerInfo *info = m_topology->container(id);
        if (info && rowOf(id) < 0)
            added.append(*info);
    }
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_rows.append(added);
        endInsertRows();
    }
    int firstChanged = int(m_rows.size());
    int lastChanged = -1;
    QList<int> changedRows;
    for (const QString &id : change.containersUpdated) {
        const int row = rowOf(id);
        const ContainerInfo *info = m_topology->container(id);
        if (row < 0 || !info)
            continue;
        m_rows[row] = *info;
        changedRows.append(row);
        firstChanged = std::min(firstChanged, row);
        lastChanged = std::max(lastChanged, row);
    }
    if (changedRows.isEmpty())
        return;
    // Many scattered rows: one range is cheaper for the views than many signals.
    if (changedRows.size() > m_rows.size() / 2 || changedRows.size() > 32) {
        emit dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
        return;
    }
    for (int row : std::as_const(changedRows))
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int ContainerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ContainerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContainerTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ContainerInfo &info = m_rows.at(index.row());
    switch (role) {
    case ContainerIdRole:
        return info.id;
    case StateRole:
        return int(info.state);
    case HealthRole:
        return int(info.health);
    case Qt::DecorationRole:
        if (index.column() == StateColumn)
            return Graph::stateColor(info.state);
        if (index.column() == HealthColumn)
            return Graph::healthColor(info.health);
        return {};
    case Qt::ToolTipRole:
        return info.error.isEmpty() ? QVariant() : QVariant(info.error);
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case IdColumn:
        return info.id;
    case RoleColumn:
        return info.role;
    case HostColumn:
        return info.host;
    case StateColumn:
        return toString(info.state);
    case HealthColumn:
        return toString(info.health);
    case EndpointsColumn: {
        QStringList endpoints;
        for (const PublishedEndpoint &endpoint : info.endpoints)
            endpoints
                << QStringLiteral("%1 %2:%3").arg(endpoint.name, endpoint.host).arg(endpoint.port);
        return endpoints.join(QStringLiteral(", "));
    }
    case PhaseColumn:
        return info.progress >= 0 ? tr("%1 (%2%)").arg(info.phase).arg(info.progress) : info.phase;
    default:
        return {};
    }
}

QVariant ContainerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Container");
    case RoleColumn:
        return tr("Role");
    case HostColumn:
        return tr("Host");
    case StateColumn:
        return tr("State");
    case HealthColumn:
        return tr("Health");
    case EndpointsColumn:
        return tr("Endpoints");
    case PhaseColumn:
        return tr("Activity");
    default:
        return {};
    }
}

} // namespace Models
} // namespace Ui
