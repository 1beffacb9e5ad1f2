// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
// The volume strategies against the real Docker engine (SCS_TEST_DOCKER_HOST).
//
// nfs: this machine's kernel has neither an NFS server nor the NFS client file system
// (/proc/filesystems lists no nfs, no modules can be loaded), so Debian's
// nfs-kernel-server cannot run and no NFS mount can succeed here. The test therefore
// checks what Docker receives and stores: a local-driver volume with type=nfs, o=addr=...,
// device=:/export.
#include "testutil.h"

#include "runtime/engine.h"
#include "runtime/futureutil.h"
#include "runtime/host.h"
#include "runtime/strategies/strategy.h"
#include "runtime/topology.h"

#include <QJsonObject>
#include <QTest>
#include <QUuid>

using namespace Runtime;

class tst_VolumeStrategies final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void nfsVolumeReachesDockerWithItsOptions();
    void dockerVolumeIsCreated();
    void localVolumeIsABind();
    void badOptionsAreRejected();

private:
    Scs::Result<void> load(Manifest::CompiledVolume volume, ContainerContext &ctx);

    Topology m_topology;
    Host *m_host = nullptr;
    QString m_suffix;
    QStringList m_volumes;
};

void tst_VolumeStrategies::initTestCase()
{
    SCS_REQUIRE_DOCKER();
    auto engine = DockerEngine::create(QStringLiteral("local"), TestUtil::dockerHost(), nullptr);
    QVERIFY_RESULT(engine);
    m_host = new Host(QStringLiteral("local"), QStringLiteral("127.0.0.1"), {},
                      TestUtil::dockerHost(), *engine, &m_topology, this);
    m_suffix = QUuid::createUuid().toString(QUuid::Id128).left(8);
}

void tst_VolumeStrategies::cleanupTestCase()
{
    if (!m_host)
        return;
    for (const QString &name : std::as_const(m_volumes)) {
        auto removed = m_host->engine()->removeVolume(name);
        QTRY_VERIFY(removed.isFinished());
    }
}

Scs::Result<void> tst_VolumeStrategies::load(Manifest::CompiledVolume volume, ContainerContext &ctx)
{
    ctx.compiled.role = QStringLiteral("db");
    ctx.compiled.name
        = {QStringLiteral("test"), QStringLiteral("runtime") + m_suffix, QStringLiteral("db")};
    ctx.compiled.volumes = {volume};
    ctx.id = QStringLiteral("db@local");
    ctx.host = m_host;
    ctx.topology = &m_topology;
    ctx.guard = this;
    auto strategies = createStrategies(ctx.compiled);
    if (!strategies)
        return Scs::makeError(strategies.error());
    std::optional<Scs::Result<void>> result;
    // The network strategy comes first; the volume's is the second.
    strategies->at(1)->load(ctx, [&result](Scs::Result<void> r) { result = r; });
    if (!QTest::qWaitFor([&]() { return result.has_value(); }, 10000))
        return Scs::makeError(QStringLiteral("load did not answer"));
    return *result;
}

void tst_VolumeStrategies::nfsVolumeReachesDockerWithItsOptions()
{
    Manifest::CompiledVolume volume;
    volume.name = QStringLiteral("data");
    volume.method = QStringLiteral("nfs");
    volume.containerPath = QStringLiteral("/var/lib/mysql");
    volume.options = QJsonObject{{QStringLiteral("server"), QStringLiteral("10.233.0.1")},
                                 {QStringLiteral("export"), QStringLiteral("/srv/nfs/blog")},
                                 {QStringLiteral("options"), QStringLiteral("rw,nfsvers=4.1")}};
    ContainerContext ctx;
    const auto loaded = load(volume, ctx);
    QVERIFY_RESULT(loaded);
    QCOMPARE(ctx.spec.mounts.size(), 1);
    const QString name = ctx.spec.mounts.at(0).source;
    m_volumes.append(name);
    QCOMPARE(name, defaultVolumeName(ctx.compiled, QStringLiteral("data")));
    QCOMPARE(ctx.spec.mounts.at(0).type, Docker::Mount::Type::Volume);
    QCOMPARE(ctx.spec.mounts.at(0).target, QStringLiteral("/var/lib/mysql"));

    auto inspected = m_host->engine()->inspectVolume(name);
    QTRY_VERIFY(inspected.isFinished());
    QVERIFY_RESULT(inspected.result());
    const Docker::VolumeInfo info = *inspected.result();
    QCOMPARE(info.driver, QStringLiteral("local"));
    QCOMPARE(info.options.value(QStringLiteral("type")), QStringLiteral("nfs"));
    QCOMPARE(info.options.value(QStringLiteral("o")),
             QStringLiteral("addr=10.233.0.1,rw,nfsvers=4.1"));
    QCOMPARE(info.options.value(QStringLiteral("device")), QStringLiteral(":/srv/nfs/blog"));
    const VolumeInfo *row = m_topology.volume(QStringLiteral("db@local/data"));
    QVERIFY(row);
    QCOMPARE(row->source, QStringLiteral("10.233.0.1:/srv/nfs/blog"));
}

void tst_VolumeStrategies::dockerVolumeIsCreated()
{
    Manifest::CompiledVolume volume;
    volume.name = QStringLiteral("cache");
    volume.method = QStringLiteral("docker");
    volume.containerPath = QStringLiteral("/cache");
    volume.hostPath = QStringLiteral("scs-runtime-test-") + m_suffix;
    ContainerContext ctx;
    const auto loaded = load(volume, ctx);
    QVERIFY_RESULT(loaded);
    m_volumes.append(volume.hostPath);
    auto inspected = m_host->engine()->inspectVolume(volume.hostPath);
    QTRY_VERIFY(inspected.isFinished());
    QVERIFY_RESULT(inspected.result());
    QCOMPARE(inspected.result()->labels.value(QStringLiteral("scs.role")), QStringLiteral("db"));
    // Loading again (a restart) reuses it.
    ContainerContext again;
    const auto reloaded = load(volume, again);
    QVERIFY_RESULT(reloaded);
}

void tst_VolumeStrategies::localVolumeIsABind()
{
    Manifest::CompiledVolume volume;
    volume.name = QStringLiteral("uploads");
    volume.method = QStringLiteral("local");
    volume.containerPath = QStringLiteral("/uploads");
    volume.hostPath = QStringLiteral("/var/tmp/scs-runtime-test/uploads");
    ContainerContext ctx;
    const auto loaded = load(volume, ctx);
    QVERIFY_RESULT(loaded);
    QCOMPARE(ctx.spec.mounts.at(0).type, Docker::Mount::Type::Bind);
    QCOMPARE(ctx.spec.mounts.at(0).source, volume.hostPath);
}

void tst_VolumeStrategies::badOptionsAreRejected()
{
    Manifest::CompiledVolume nfs;
    nfs.name = QStringLiteral("data");
    nfs.method = QStringLiteral("nfs");
    nfs.containerPath = QStringLiteral("/data");
    nfs.options = QJsonObject{{QStringLiteral("export"), QStringLiteral("relative/path")}};
    ContainerContext ctx;
    auto result = load(nfs, ctx);
    QVERIFY(!result);
    QVERIFY2(result.error().message.contains(QStringLiteral("options.server")),
             qPrintable(result.error().message));

    Manifest::CompiledVolume local;
    local.name = QStringLiteral("data");
    local.method = QStringLiteral("local");
    local.hostPath = QStringLiteral("relative");
    ContainerContext ctx2;
    result = load(local, ctx2);
    QVERIFY(!result);
    QVERIFY(result.error().message.contains(QStringLiteral("absolute")));

    Manifest::CompiledVolume meta;
    meta.name = QStringLiteral("logs");
    meta.method = QStringLiteral("metavol");
    meta.hostPath = QStringLiteral("/var/tmp/scs-runtime-test/meta");
    meta.options = QJsonObject{{QStringLiteral("subpath"), QStringLiteral("../escape")}};
    ContainerContext ctx3;
    result = load(meta, ctx3);
    QVERIFY(!result);
    QVERIFY(result.error().message.contains(QStringLiteral("inside")));
}

QTEST_GUILESS_MAIN(tst_VolumeStrategies)
#include "tst_volumestrategies.moc"
