// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "testutil.h"

#include "runtime/topology.h"

#include <QSignalSpy>
#include <QTest>

using namespace Runtime;

class tst_Topology final : public QObject
{
    Q_OBJECT

private slots:
    void batchesChangesPerTurn();
    void unchangedWritesAreSilent();
    void addThenRemoveInOneBatchIsInvisible();
    void removingHostRemovesWhatRunsOnIt();
    void removingProviderUnbindsDependents();

private:
    static HostInfo makeHost(const QString &name)
    {
        HostInfo host;
        host.name = name;
        host.address = QStringLiteral("127.0.0.1");
        host.health = HostHealth::Up;
        return host;
    }
    static ContainerInfo makeContainer(const QString &role, const QString &host)
    {
        ContainerInfo container;
        container.id = role + u'@' + host;
        container.role = role;
        container.host = host;
        container.state = ContainerState::Running;
        return container;
    }
};

void tst_Topology::batchesChangesPerTurn()
{
    Topology topology;
    QSignalSpy spy(&topology, &Topology::changed);
    topology.setHost(makeHost(QStringLiteral("local")));
    for (int i = 0; i < 50; ++i)
        topology.setContainer(
            makeContainer(QStringLiteral("role%1").arg(i), QStringLiteral("local")));
    QCOMPARE(spy.count(), 0); // nothing until the event loop turns
    QTRY_COMPARE(spy.count(), 1);
    const auto change = spy.takeFirst().at(0).value<TopologyChange>();
    QCOMPARE(change.hostsAdded, QStringList{QStringLiteral("local")});
    QCOMPARE(change.containersAdded.size(), 50);
    QVERIFY(change.containersUpdated.isEmpty());

    ContainerInfo updated = *topology.container(QStringLiteral("role3@local"));
    updated.health = ContainerHealth::Healthy;
    topology.setContainer(updated);
    updated.health = ContainerHealth::Unhealthy;
    topology.setContainer(updated);
    QTRY_COMPARE(spy.count(), 1);
    const auto second = spy.takeFirst().at(0).value<TopologyChange>();
    QCOMPARE(second.containersUpdated, QStringList{QStringLiteral("role3@local")});
    QVERIFY(topology.container(QStringLiteral("role3@local"))->health
            == ContainerHealth::Unhealthy);
}

void tst_Topology::unchangedWritesAreSilent()
{
    Topology topology;
    topology.setHost(makeHost(QStringLiteral("local")));
    topology.flush();
    QSignalSpy spy(&topology, &Topology::changed);
    topology.setHost(makeHost(QStringLiteral("local")));
    topology.flush();
    QCOMPARE(spy.count(), 0);
}

void tst_Topology::addThenRemoveInOneBatchIsInvisible()
{
    Topology topology;
    QSignalSpy spy(&topology, &Topology::changed);
    topology.setContainer(makeContainer(QStringLiteral("web"), QStringLiteral("a")));
    topology.removeContainer(QStringLiteral("web@a"));
    topology.flush();
    QCOMPARE(spy.count(), 0);
}

void tst_Topology::removingHostRemovesWhatRunsOnIt()
{
    Topology topology;
    topology.setHost(makeHost(QStringLiteral("a")));
    topology.setContainer(makeContainer(QStringLiteral("db"), QStringLiteral("a")));
    VolumeInfo volume;
    volume.id = QStringLiteral("db@a/data");
    volume.containerId = QStringLiteral("db@a");
    volume.name = QStringLiteral("data");
    topology.setVolume(volume);
    topology.flush();

    QSignalSpy spy(&topology, &Topology::changed);
    topology.removeHost(QStringLiteral("a"));
    topology.flush();
    QCOMPARE(spy.count(), 1);
    const auto change = spy.takeFirst().at(0).value<TopologyChange>();
    QCOMPARE(change.hostsRemoved, QStringList{QStringLiteral("a")});
    QCOMPARE(change.containersRemoved, QStringList{QStringLiteral("db@a")});
    QCOMPARE(change.volumesRemoved, QStringList{QStringLiteral("db@a/data")});
    QVERIFY(topology.containers().isEmpty());
    QVERIFY(topology.volumes().isEmpty());
}

void tst_Topology::removingProviderUnbindsDependents()
{
    Topology topology;
    topology.setContainer(makeContainer(QStringLiteral("db"), QStringLiteral("a")));
    topology.setContainer(makeContainer(QStringLiteral("web"), QStringLiteral("a")));
    LinkInfo link;
    link.id = QStringLiteral("web@a/mysql");
    link.containerId = QStringLiteral("web@a");
    link.requireName = QStringLiteral("mysql");
    link.providerContainerId = QStringLiteral("db@a");
    link.state = LinkState::Bound;
    topology.setLink(link);
    topology.flush();

    topology.removeContainer(QStringLiteral("db@a"));
    topology.flush();
    const LinkInfo *after = topology.link(QStringLiteral("web@a/mysql"));
    QVERIFY(after);
    QVERIFY(after->providerContainerId.isEmpty());
    QCOMPARE(topology.linksOf(QStringLiteral("web@a")).size(), 1);
}

QTEST_GUILESS_MAIN(tst_Topology)
#include "tst_topology.moc"
