// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "runtime/topology.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace Ui {
namespace Models {

/**
 * The containers of a Runtime::Topology as a table (one row per container), kept in
 * step with the topology's batched changed() signal: removals and insertions row by
 * row, updates as one dataChanged range when many rows changed (qBittorrent's
 * TransferListModel::handleTorrentsUpdated).
 */
class ContainerTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContainerTableModel)

public:
    enum Column {
        IdColumn,
        RoleColumn,
        HostColumn,
        StateColumn,
        HealthColumn,
        EndpointsColumn,
        PhaseColumn,
        ColumnCount
    };
    enum Role { ContainerIdRole = Qt::UserRole + 1, StateRole, HealthRole };

    explicit ContainerTableModel(QObject *parent = nullptr);
    ~ContainerTableModel() override;

    void setTopology(Runtime::Topology *topology);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    /** The row of \p containerId, or -1. */
    [[nodiscard]] int rowOf(const QString &containerId) const;

private:
    void handleTopologyChanged(const Runtime::TopologyChange &change);
    void reload();

    QPointer<Runtime::Topology> m_topology;
    QList<Runtime::ContainerInfo> m_rows;
};

} // namespace Models
} // namespace Ui
