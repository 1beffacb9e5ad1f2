// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "widgets/detailspanel.h"

#include "stackcontroller.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Ui {
namespace Widgets {

using namespace Runtime;

namespace {

QTreeWidget *makeTree(QWidget *parent, const QString &name, const QStringList &headers)
{
    auto *tree = new QTreeWidget(parent);
    tree->setObjectName(name);
    tree->setHeaderLabels(headers);
    tree->setRootIsDecorated(false);
    tree->setAlternatingRowColors(true);
    tree->setUniformRowHeights(true);
    return tree;
}

} // namespace

DetailsPanel::DetailsPanel(QWidget *parent)
    : QWidget(parent)
    , m_titleLabel(new QLabel(this))
    , m_overviewLabel(new QLabel(this))
    , m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("detailsPanel"));
    QFont bold = m_titleLabel->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_titleLabel->setFont(bold);
    m_overviewLabel->setWordWrap(true);
    m_overviewLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_overviewLabel->setObjectName(QStringLiteral("overviewLabel"));

    m_configTree
        = makeTree(this, QStringLiteral("configTreeWidget"), {tr("Key"), tr("Value"), tr("Layer")});
    m_configTree->setAccessibleName(tr("Compiled configuration"));
    m_environmentTree
        = makeTree(this, QStringLiteral("environmentTreeWidget"), {tr("Variable"), tr("Value")});
    m_environmentTree->setAccessibleName(tr("Environment"));
    m_requirementsTree = makeTree(this, QStringLiteral("requirementsTreeWidget"),
                                  {tr("Requirement"), tr("State"), tr("Bound to")});
    m_requirementsTree->setAccessibleName(tr("Requirements"));
    m_requirementsTree->setRootIsDecorated(true);
    m_tabs->setObjectName(QStringLiteral("detailsTabWidget"));
    m_tabs->addTab(m_configTree, tr("Config"));
    m_tabs->addTab(m_environmentTree, tr("Environment"));
    m_tabs->addTab(m_requirementsTree, tr("Requirements"));

    m_logsButton = new QPushButton(tr("&Logs"), this);
    m_logsButton->setObjectName(QStringLiteral("logsPushButton"));
    m_logsButton->setToolTip(tr("Follow the logs of this container"));
    m_execButton = new QPushButton(tr("E&xec..."), this);
    m_execButton->setObjectName(QStringLiteral("execPushButton"));
    m_execButton->setToolTip(tr("Run a command in this container"));
    m_restartButton = new QPushButton(tr("Res&tart"), this);
    m_restartButton->setObjectName(QStringLiteral("restartPushButton"));
    m_restartButton->setToolTip(tr("Restart this container"));
    connect(m_logsButton, &QPushButton::clicked, this,
            [this] { emit logsRequested(m_containerId); });
    connect(m_execButton, &QPushButton::clicked, this,
            [this] { emit execRequested(m_containerId); });
    connect(m_restartButton, &QPushButton::clicked, this,
            [this] { emit restartRequested(m_containerId); });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_logsButton);
    buttons->addWidget(m_execButton);
    buttons->addWidget(m_restartButton);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_overviewLabel);
    layout->addLayout(buttons);
    layout->addWidget(m_tabs, 1);
    refresh();
}

DetailsPanel::~DetailsPanel() = default;

void DetailsPanel::setSources(Topology *topology, StackController *controller)
{
    m_topology = topology;
    m_controller = controller;
    refresh();
}

void DetailsPanel::showContainer(const QString &containerId)
{
    m_containerId = containerId;
    refresh();
}

void DetailsPanel::handleTopologyChanged(const TopologyChange &change)
{
    if (m_containerId.isEmpty())
        return;
    const QString linkPrefix = m_containerId + u'/';
    auto touches = [&](const QStringList &ids) {
        for (const QString &id : ids) {
            if (id == m_containerId || id.startsWith(linkPrefix))
                return true;
        }
        return false;
    };
    if (touches(change.containersUpdated) || touches(change.containersRemoved)
        || touches(change.linksAdded) || touches(change.linksUpdated)
        || touches(change.linksRemoved))
        refresh();
}

void DetailsPanel::refresh()
{
    const ContainerInfo *info
        = m_topology && !m_containerId.isEmpty() ? m_topology->container(m_containerId) : nullptr;
    for (QPushButton *button : {m_logsButton, m_execButton, m_restartButton})
        button->setEnabled(info != nullptr);
    m_configTree->clear();
    m_environmentTree->clear();
    m_requirementsTree->clear();
    if (!info) {
        m_titleLabel->setText(tr("Nothing selected"));
        m_overviewLabel->setText(tr("Select a container in the graph to see its details."));
        return;
    }
    m_titleLabel->setText(info->id);
    QStringList endpoints;
    for (const PublishedEndpoint &endpoint : info->endpoints)
        endpoints
            << QStringLiteral("%1 → %2:%3").arg(endpoint.name, endpoint.host).arg(endpoint.port);
    QString overview
        = tr("Role: %1\nHost: %2\nImage: %3\nState: %4\nHealth: %5\nPorts: %6")
              .arg(info->role, info->host, info->image.isEmpty() ? tr("(not built)") : info->image,
                   toString(info->state), toString(info->health),
                   endpoints.isEmpty() ? tr("none") : endpoints.join(QStringLiteral(", ")));
    if (!info->phase.isEmpty())
        overview += u'\n' + tr("Activity: %1").arg(info->phase);
    if (!info->error.isEmpty())
        overview += u'\n' + tr("Error: %1").arg(info->error);
    m_overviewLabel->setText(overview);

    if (m_controller) {
        for (const StackController::ConfigValue &value : m_controller->compiledConfig(info->id))
            new QTreeWidgetItem(m_configTree, {value.key, value.value, value.layer});
        const QMap<QString, QString> environment = m_controller->environment(info->id);
        for (auto it = environment.cbegin(); it != environment.cend(); ++it)
            new QTreeWidgetItem(m_environmentTree, {it.key(), it.value()});
    }
    for (const LinkInfo &link : m_topology->linksOf(info->id)) {
        const QString bound
            = link.boundTo.port > 0
                  ? QStringLiteral("%1:%2").arg(link.boundTo.host).arg(link.boundTo.port)
                  : tr("(unbound)");
        auto *item = new QTreeWidgetItem(
            m_requirementsTree, {link.requireName, toString(link.state),
                                 link.providerContainerId.isEmpty()
                                     ? bound
                                     : tr("%1 (%2)").arg(bound, link.providerContainerId)});
        for (const LiveUpdateRun &run : link.liveUpdates) {
            auto *child = new QTreeWidgetItem(
                item, {tr("liveupdate %1")
                           .arg(run.finishedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss"))),
                       tr("exit %1").arg(run.exitCode), run.output.trimmed()});
            child->setToolTip(2, run.output);
        }
        item->setExpanded(true);
    }
    for (QTreeWidget *tree : {m_configTree, m_environmentTree, m_requirementsTree})
        tree->resizeColumnToContents(0);
}

} // namespace Widgets
} // namespace Ui
