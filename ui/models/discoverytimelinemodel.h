// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace Ui {
namespace Models {

/** One line of the discovery timeline, as the embedded disco server reported it. */
struct DiscoveryEvent
{
    /**
     * Require: a subscriber asked for a key; the endpoints that matched came in the
     * answer, so there is no notification and no acknowledgement for them.
     */
    enum class Kind { Add, Drop, Notify, Ack, Join, Leave, Require };
    QDateTime time;
    Kind kind = Kind::Add;
    QString key;           ///< "env/service/role/name"
    QString endpoint;      ///< "host:port", when there is one
    QString subscriber;    ///< the session an ack or notification belongs to
    qint64 latencyUs = -1; ///< from sending the notification to its ack
};

/**
 * The discovery timeline: add/drop/notify/ack events, newest last, bounded. The
 * columns are time, event, key, endpoint, subscriber and ack latency. A require row
 * says in its latency column that its endpoints came in the answer.
 */
class DiscoveryTimelineModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiscoveryTimelineModel)

public:
    enum Column {
        TimeColumn,
        KindColumn,
        KeyColumn,
        EndpointColumn,
        SubscriberColumn,
        LatencyColumn,
        ColumnCount
    };

    explicit DiscoveryTimelineModel(QObject *parent = nullptr);
    ~DiscoveryTimelineModel() override;

    void append(const DiscoveryEvent &event);
    void clear();
    void setMaximumRows(int rows);
    [[nodiscard]] const DiscoveryEvent &event(int row) const { return m_events.at(row); }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    [[nodiscard]] static QString kindName(DiscoveryEvent::Kind kind);

private:
    QList<DiscoveryEvent> m_events;
    int m_maximumRows = 5000;
};

} // namespace Models
} // namespace Ui
