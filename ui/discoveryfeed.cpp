// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "discoveryfeed.h"

#include "disco/server.h"
#include "models/discoverytimelinemodel.h"

#include <QJsonObject>

namespace Ui {

using Models::DiscoveryEvent;

DiscoveryFeed::DiscoveryFeed(Disco::Server *server, Models::DiscoveryTimelineModel *model,
                             QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    connect(server, &Disco::Server::sessionJoined, this, &DiscoveryFeed::handleSessionJoined);
    connect(server, &Disco::Server::sessionEnded, this, [this](const Disco::SessionInfo &session) {
        if (m_model)
            m_model->append({QDateTime::currentDateTimeUtc(), DiscoveryEvent::Kind::Leave,
                             QString(), session.remote, subscriberName(session.id), -1});
        m_sessionNames.remove(session.id);
    });
    connect(server, &Disco::Server::provisionAdded, this,
            [this](const Disco::ProvisionInfo &provision) { handleProvision(provision, true); });
    connect(server, &Disco::Server::provisionDropped, this,
            [this](const Disco::ProvisionInfo &provision) { handleProvision(provision, false); });
    connect(server, &Disco::Server::requirementAdded, this, &DiscoveryFeed::handleRequirementAdded);
    connect(server, &Disco::Server::requirementDropped, this,
            [this](const Disco::RequirementInfo &requirement) {
                m_requirementKeys.remove(requirement.id);
            });
    connect(server, &Disco::Server::notificationSent, this,
            [this](const Disco::NotificationInfo &notification) {
                handleNotification(notification, -1, false);
            });
    connect(server, &Disco::Server::notificationAcknowledged, this,
            [this](const Disco::NotificationInfo &notification, qint64 latencyUs) {
                handleNotification(notification, latencyUs, true);
            });
}

DiscoveryFeed::~DiscoveryFeed() = default;

QString DiscoveryFeed::subscriberName(const QString &sessionId) const
{
    return m_sessionNames.value(sessionId, sessionId);
}

void DiscoveryFeed::handleSessionJoined(const Disco::SessionInfo &session)
{
    QString name = session.attributes.value(QStringLiteral("name")).toString();
    if (name.isEmpty())
        name = session.attributes.value(QStringLiteral("container")).toString();
    if (!name.isEmpty())
        m_sessionNames.insert(session.id, name);
    if (m_model)
        m_model->append({QDateTime::currentDateTimeUtc(), DiscoveryEvent::Kind::Join, QString(),
                         session.remote, subscriberName(session.id), -1});
}

void DiscoveryFeed::handleProvision(const Disco::ProvisionInfo &provision, bool added)
{
    if (!m_model)
        return;
    m_model->append({QDateTime::currentDateTimeUtc(),
                     added ? DiscoveryEvent::Kind::Add : DiscoveryEvent::Kind::Drop,
                     provision.key.toString(), provision.address.toString(),
                     subscriberName(provision.sessionId), -1});
}

void DiscoveryFeed::handleRequirementAdded(const Disco::RequirementInfo &requirement)
{
    m_requirementKeys.insert(requirement.id, requirement.key.toString());
    if (!m_model)
        return;
    // A subscriber that asks after its provider is there gets the endpoints in the answer,
    // not in a notification: without this row it would never appear in the timeline.
    QStringList endpoints;
    for (const Disco::Endpoint &endpoint : requirement.endpoints)
        endpoints << endpoint.address.toString();
    m_model->append({QDateTime::currentDateTimeUtc(), DiscoveryEvent::Kind::Require,
                     requirement.key.toString(), endpoints.join(QStringLiteral(", ")),
                     subscriberName(requirement.sessionId), -1});
}

void DiscoveryFeed::handleNotification(const Disco::NotificationInfo &notification,
                                       qint64 latencyUs, bool acknowledged)
{
    if (!m_model)
        return;
    QStringList endpoints;
    for (const Disco::Endpoint &endpoint : notification.endpoints)
        endpoints << endpoint.address.toString();
    QString what = notification.action == Disco::Action::Add ? tr("add") : tr("drop");
    if (!endpoints.isEmpty())
        what += u' ' + endpoints.join(QStringLiteral(", "));
    m_model->append(
        {QDateTime::currentDateTimeUtc(),
         acknowledged ? DiscoveryEvent::Kind::Ack : DiscoveryEvent::Kind::Notify,
         m_requirementKeys.value(notification.requirementId, notification.requirementId), what,
         subscriberName(notification.sessionId), latencyUs});
}

} // namespace Ui
