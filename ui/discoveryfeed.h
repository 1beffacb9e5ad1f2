// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "disco/types.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace Disco {
class Server;
}

namespace Ui {

namespace Models {
class DiscoveryTimelineModel;
}

/**
 * Feeds the discovery timeline from the embedded Disco::Server: every provision
 * added or dropped, every requirement with the endpoints its answer carried, every
 * notification sent to a subscriber and its acknowledgement with the latency.
 * Subscribers are shown by the name their session announced (attribute "name" or
 * "container"), else by session id.
 */
class DiscoveryFeed final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiscoveryFeed)

public:
    DiscoveryFeed(Disco::Server *server, Models::DiscoveryTimelineModel *model,
                  QObject *parent = nullptr);
    ~DiscoveryFeed() override;

private:
    void handleSessionJoined(const Disco::SessionInfo &session);
    void handleProvision(const Disco::ProvisionInfo &provision, bool added);
    void handleRequirementAdded(const Disco::RequirementInfo &requirement);
    void handleNotification(const Disco::NotificationInfo &notification, qint64 latencyUs,
                            bool acknowledged);
    [[nodiscard]] QString subscriberName(const QString &sessionId) const;

    QPointer<Models::DiscoveryTimelineModel> m_model;
    QHash<QString, QString> m_sessionNames;
    QHash<QString, QString> m_requirementKeys;
};

} // namespace Ui
