// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "graph/containeritem.h"
#include "graph/graphstyle.h"
#include "graph/hostitem.h"
#include "graph/linkitem.h"
#include "graph/topologyscene.h"
#include "graph/topologyview.h"
#include "graph/volumeitem.h"
#include "graphtestutil.h"
#include "topologyfixture.h"

#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

using namespace Runtime;
using namespace Ui::Graph;

class tst_TopologyScene final : public QObject
{
    Q_OBJECT

private slots:
    void drawsEveryItemOfTheTopology();
    void followsChangesIncrementally();
    void linksFollowTheirProviderAcrossRemoval();
    void containerChangingHostIsReparented();
    void removingAHostRemovesItsItems();
    void dragOntoAnotherHostRequestsAMove();
    void dragWithinItsHostRequestsNothing();
    void largeStackLaysOutWithoutOverlap();
    void badInputIsIgnored();
    void viewDrawsLinksFromItsLayerAndRedrawsOnChange();
    void linkLayerUpdatedInPartsMatchesAFreshOne();
};

void tst_TopologyScene::drawsEveryItemOfTheTopology()
{
    Topology topology;
    TopologyFixture::fillExampleStack(topology);
    TopologyScene scene;
    scene.setTopology(&topology);
    QCOMPARE(scene.hostCount(), 3);
    QCOMPARE(scene.containerCount(), 3);
    QCOMPARE(scene.volumeCount(), 3);
    QCOMPARE(scene.linkCount(), 2);

    ContainerItem *wordpress = scene.containerItem(QStringLiteral("wordpress@web-1"));
    QVERIFY(wordpress);
    QCOMPARE(wordpress->hostItem(), scene.hostItem(QStringLiteral("web-1")));
    QCOMPARE(wordpress->volumeItems().size(), 1);
    QCOMPARE(wordpress->volumeItems().first()->info().name, QStringLiteral("uploads"));
    LinkItem *link = scene.linkItem(QStringLiteral("wordpress@web-1/mysql"));
    QVERIFY(link);
    QCOMPARE(link->dependent(), wordpress);
    QCOMPARE(link->provider(), scene.containerItem(QStringLiteral("mysqlmaster@db-1")));
    QVERIFY(!link->boundingRect().isEmpty());
    // Containers sit inside their host's box.
    QVERIFY(wordpress->hostItem()->sceneBoundingRect().contains(wordpress->sceneBoundingRect()));
    // Hosts do not overlap.
    const QRectF a = scene.hostItem(QStringLiteral("db-1"))->sceneBoundingRect();
    const QRectF b = scene.hostItem(QStringLiteral("db-2"))->sceneBoundingRect();
    QVERIFY(!a.intersects(b));
}

void tst_TopologyScene::followsChangesIncrementally()
{
    Topology topology;
    TopologyFixture::fillExampleStack(topology);
    TopologyScene scene;
    scene.setTopology(&topology);
    QSignalSpy applied(&scene, &TopologyScene::topologyApplied);
    ContainerItem *before = scene.containerItem(QStringLiteral("mysqlmaster@db-1"));
    HostItem *hostBefore = scene.hostItem(QStringLiteral("db-1"));

    ContainerInfo master = *topology.container(QStringLiteral("mysqlmaster@db-1"));
    master.state = ContainerState::Stopping;
    master.phase = QStringLiteral("engine stop");
    master.progress = 40;
    topology.setContainer(master);
    HostInfo db1 = *topology.host(QStringLiteral("db-1"));
    db1.health = HostHealth::Down;
    topology.setHost(db1);
    QTRY_COMPARE(applied.size(), 1); // one batch, one update
    QCOMPARE(scene.containerItem(QStringLiteral("mysqlmaster@db-1")), before);
    QCOMPARE(scene.hostItem(QStringLiteral("db-1")), hostBefore);
    QCOMPARE(int(before->info().state), int(ContainerState::Stopping));
    QCOMPARE(before->info().progress, 40);
    QCOMPARE(int(hostBefore->info().health), int(HostHealth::Down));

    // A new container with a volume grows its host.
    const qreal heightBefore = scene.hostItem(QStringLiteral("web-1"))->boundingRect().height();
    auto extra
        = TopologyFixture::container(QStringLiteral("cache"), QStringLiteral("web-1"),
                                     QStringLiteral("10.231.0.3"), QStringLiteral("redis"), 6379);
    topology.setContainer(extra);
    topology.setVolume(
        TopologyFixture::volume(extra.id, QStringLiteral("data"), QStringLiteral("/data")));
    QTRY_COMPARE(applied.size(), 2);
    QCOMPARE(scene.containerCount(), 4);
    QVERIFY(scene.hostItem(QStringLiteral("web-1"))->boundingRect().height() > heightBefore);
    QCOMPARE(scene.containerItem(extra.id)->volumeItems().size(), 1);

    topology.removeVolume(extra.id + QStringLiteral("/data"));
    QTRY_COMPARE(applied.size(), 3);
    QCOMPARE(scene.volumeCount(), 3);
    QVERIFY(scene.containerItem(extra.id)->volumeItems().isEmpty());
}

void tst_TopologyScene::linksFollowTheirProviderAcrossRemoval()
{
    Topology topology;
    TopologyFixture::fillExampleStack(topology);
    TopologyScene scene;
    scene.setTopology(&topology);
    QSignalSpy applied(&scene, &TopologyScene::topologyApplied);
    const QString masterId = QStringLiteral("mysqlmaster@db-1");
    const ContainerInfo master = *topology.container(masterId);
    const QList<VolumeInfo> volumes = topology.volumesOf(masterId);

    topology.removeContainer(masterId);
    QTRY_COMPARE(applied.size(), 1);
    QVERIFY(!scene.containerItem(masterId));
    LinkItem *link = scene.linkItem(QStringLiteral("wordpress@web-1/mysql"));
    QVERIFY(link);
    QVERIFY(!link->provider());
    QCOMPARE(link->dependent(), scene.containerItem(QStringLiteral("wordpress@web-1")));

    // Back again (as after a restart): the link finds its provider again.
    topology.setContainer(master);
    for (const VolumeInfo &volume : volumes)
        topology.setVolume(volume);
    LinkInfo relinked = *topology.link(QStringLiteral("wordpress@web-1/mysql"));
    relinked.providerContainerId = masterId;
    relinked.state = LinkState::LiveUpdateRunning;
    topology.setLink(relinked);
    QTRY_COMPARE(applied.size(), 2);
    QCOMPARE(link->provider(), scene.containerItem(masterId));
    QCOMPARE(int(link->info().state), int(LinkState::LiveUpdateRunning));
}

void tst_TopologyScene::containerChangingHostIsReparented()
{
    Topology topology;
    TopologyFixture::fillExampleStack(topology);
    TopologyScene scene;
    scene.setTopology(&topology);
    QSignalSpy applied(&scene, &TopologyScene::topologyApplied);
    ContainerInfo wordpress = *topology.container(QStringLiteral("wordpress@web-1"));
    wordpress.host = QStringLiteral("db-2");
    topology.setContainer(wordpress);
    QTRY_COMPARE(applied.size(), 1);
    ContainerItem *item = scene.containerItem(wordpress.id);
    QCOMPARE(item->hostItem(), scene.hostItem(QStringLiteral("db-2")));
    QVERIFY(scene.hostItem(QStringLiteral("db-2"))
                ->sceneBoundingRect()
                .contains(item->sceneBoundingRect()));
    QVERIFY(scene.hostItem(QStringLiteral("web-1"))->containerItems().isEmpty());
}

void tst_TopologyScene::removingAHostRemovesItsItems()
{
    Topology topology;
    TopologyFixture::fillExampleStack(topology);
    TopologyScene scene;
    scene.setTopology(&topology);
    QSignalSpy applied(&scene, &TopologyScene::topologyApplied);
    topology.removeHost(QStringLiteral("web-1"));
    QTRY_COMPARE(applied.size(), 1);
    QCOMPARE(scene.hostCount(), 2);
    QCOMPARE(scene.containerCount(), 2);
    QCOMPARE(scene.volumeCount(), 2);
    QVERIFY(!scene.linkItem(QStringLiteral("wordpress@web-1/mysql")));
    topology.clear();
    QTRY_COMPARE(applied.size(), 2);
    QCOMPARE(scene.hostCount(), 0);
    QCOMPARE(scene.items().size(), 0);
}

void tst_TopologyScene::dragOntoAnotherHostRequestsAMove()
{
    Topology topology;
    TopologyFixture::fillExampleStack(topology);
    TopologyScene scene;
    scene.setTopology(&topology);
    TopologyView view(&scene);
    view.resize(1200, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.fitAll();
    QSignalSpy requested(&scene, &TopologyScene::moveRequested);

    ContainerItem *wordpress = scene.containerItem(QStringLiteral("wordpress@web-1"));
    const QPointF home = wordpress->pos();
    const QPointF from = wordpress->mapToScene(QPointF(60, 12));
    const QPointF to = scene.hostItem(QStringLiteral("db-2"))->sceneBoundingRect().center();
    GraphTestUtil::drag(&view, from, to);

    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().at(0).toString(), QStringLiteral("wordpress@web-1"));
    QCOMPARE(requested.first().at(1).toString(), QStringLiteral("db-2"));
    // The item goes back: only the topology decides where it runs.
    QCOMPARE(wordpress->pos(), home);
    QCOMPARE(wordpress->hostItem(), scene.hostItem(QStringLiteral("web-1")));
    QVERIFY(!scene.hostItem(QStringLiteral("db-2"))->isDropTarget());
}

void tst_TopologyScene::dragWithinItsHostRequestsNothing()
{
    Topology topology;
    TopologyFixture::fillExampleStack(topology);
    TopologyScene scene;
    scene.setTopology(&topology);
    TopologyView view(&scene);
    view.resize(1200, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.fitAll();
    QSignalSpy requested(&scene, &TopologyScene::moveRequested);
    ContainerItem *master = scene.containerItem(QStringLiteral("mysqlmaster@db-1"));
    const QPointF from = master->mapToScene(QPointF(60, 12));
    GraphTestUtil::drag(&view, from, from + QPointF(15, 10));
    // Dropped on empty canvas: nothing either.
    GraphTestUtil::drag(&view, from, scene.sceneRect().bottomRight() - QPointF(5, 5));
    QCOMPARE(requested.size(), 0);
}

void tst_TopologyScene::largeStackLaysOutWithoutOverlap()
{
    Topology topology;
    TopologyFixture::fillLarge(topology, 10, 50);
    TopologyScene scene;
    scene.setTopology(&topology);
    QCOMPARE(scene.hostCount(), 10);
    QCOMPARE(scene.containerCount(), 500);
    QCOMPARE(scene.linkCount(), 490);
    QList<QRectF> rects;
    for (int h = 0; h < 10; ++h)
        rects << scene.hostItem(QStringLiteral("host-%1").arg(h, 2, 10, QLatin1Char('0')))
                     ->sceneBoundingRect();
    for (int i = 0; i < rects.size(); ++i) {
        for (int j = i + 1; j < rects.size(); ++j)
            QVERIFY2(!rects[i].intersects(rects[j]),
                     qPrintable(QStringLiteral("%1 %2").arg(i).arg(j)));
    }
    // An update of 50 containers touches only those items.
    QSignalSpy applied(&scene, &TopologyScene::topologyApplied);
    const QList<ContainerInfo> all = topology.containers();
    for (int i = 0; i < 50; ++i) {
        ContainerInfo info = all[i * 10];
        info.state = ContainerState::Stopped;
        topology.setContainer(info);
    }
    QTRY_COMPARE(applied.size(), 1);
    QCOMPARE(int(scene.containerItem(all[0].id)->info().state), int(ContainerState::Stopped));
}

void tst_TopologyScene::badInputIsIgnored()
{
    Topology topology;
    TopologyScene scene;
    scene.setTopology(&topology);
    QSignalSpy applied(&scene, &TopologyScene::topologyApplied);
    // A container on a host the topology does not know gets a placeholder box.
    auto orphan = TopologyFixture::container(QStringLiteral("x"), QStringLiteral("nowhere"),
                                             QString(), QString(), 0);
    topology.setContainer(orphan);
    // A volume of an unknown container, a link to an unknown provider.
    topology.setVolume(TopologyFixture::volume(QStringLiteral("ghost@h"), QStringLiteral("v"),
                                               QStringLiteral("/v")));
    LinkInfo dangling;
    dangling.id = QStringLiteral("x@nowhere/db");
    dangling.containerId = orphan.id;
    dangling.requireName = QStringLiteral("db");
    dangling.providerContainerId = QStringLiteral("missing@h");
    topology.setLink(dangling);
    QTRY_COMPARE(applied.size(), 1);
    QVERIFY(scene.hostItem(QStringLiteral("nowhere")));
    QCOMPARE(scene.volumeCount(), 0);
    QVERIFY(scene.linkItem(dangling.id));
    QVERIFY(!scene.linkItem(dangling.id)->provider());
    scene.setTopology(nullptr);
    QCOMPARE(scene.items().size(), 0);
}

namespace {

/** Pixels of \p image close to \p color. */
int countColor(const QImage &image, const QColor &color)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (qAbs(pixel.red() - color.red()) < 12 && qAbs(pixel.green() - color.green()) < 12
                && qAbs(pixel.blue() - color.blue()) < 12)
                ++count;
        }
    }
    return count;
}

} // namespace

void tst_TopologyScene::viewDrawsLinksFromItsLayerAndRedrawsOnChange()
{
    Topology topology;
    TopologyFixture::fillExampleStack(topology);
    TopologyScene scene;
    scene.setTopology(&topology);
    {
        TopologyView view(&scene);
        QVERIFY(scene.linksDrawnByView());
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.fitAll();
        const QColor bound = linkColor(LinkState::Bound);
        const QColor failed = linkColor(LinkState::LiveUpdateFailed);
        QTRY_VERIFY(countColor(view.viewport()->grab().toImage(), bound) > 50);
        QCOMPARE(countColor(view.viewport()->grab().toImage(), failed), 0);

        // A link that changes state is redrawn from a new layer.
        LinkInfo link = *topology.link(QStringLiteral("wordpress@web-1/mysql"));
        link.state = LinkState::LiveUpdateFailed;
        topology.setLink(link);
        topology.flush();
        QTRY_VERIFY(countColor(view.viewport()->grab().toImage(), failed) > 50);

        // Panning within the layer's margin and zooming keep the links in place.
        view.zoomIn();
        view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->value() + 40);
        QTRY_VERIFY(countColor(view.viewport()->grab().toImage(), failed) > 50);
    }
    // Without a view the items draw themselves again (e.g. QGraphicsScene::render).
    QVERIFY(!scene.linksDrawnByView());
}

namespace {

/** What a view shows, painted now. */
QImage shot(TopologyView &view)
{
    return view.viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
}

/**
 * Pixels that differ by more than antialiasing does when the same curve is drawn at
 * another whole-pixel offset (a layer with or without its margin).
 */
int differingPixels(const QImage &a, const QImage &b)
{
    if (a.size() != b.size())
        return a.width() * a.height();
    int count = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y);
            const QRgb q = b.pixel(x, y);
            if (qAbs(qRed(p) - qRed(q)) > 24 || qAbs(qGreen(p) - qGreen(q)) > 24
                || qAbs(qBlue(p) - qBlue(q)) > 24)
                ++count;
        }
    }
    return count;
}

/** A second view on the same part of the scene: its link layer is drawn from scratch. */
QImage freshShot(TopologyScene &scene, const TopologyView &like)
{
    QImage image;
    {
        TopologyView fresh(&scene);
        fresh.resize(like.size());
        fresh.setTransform(like.transform());
        fresh.show();
        if (!QTest::qWaitForWindowExposed(&fresh))
            return {};
        fresh.horizontalScrollBar()->setValue(like.horizontalScrollBar()->value());
        fresh.verticalScrollBar()->setValue(like.verticalScrollBar()->value());
        image = shot(fresh);
    }
    // Its destructor told the scene that no view draws the links any more; one still does.
    scene.setLinksDrawnByView(true);
    return image;
}

} // namespace

void tst_TopologyScene::linkLayerUpdatedInPartsMatchesAFreshOne()
{
    Topology topology;
    TopologyFixture::fillLarge(topology, 3, 8);
    TopologyScene scene;
    scene.setTopology(&topology);
    TopologyView view(&scene);
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.fitAll();
    for (int i = 0; i < 2; ++i)
        view.zoomIn(); // close enough for labels and wide pens
    view.centerOn(scene.hostItem(QStringLiteral("host-01"))->sceneBoundingRect().center());
    QCoreApplication::processEvents();

    // Links change state: the view redraws only those parts of its layer.
    const quint64 before = scene.linksGeneration();
    for (const QString &id :
         {QStringLiteral("role003@host-01/svc"), QStringLiteral("role006@host-01/svc")}) {
        LinkInfo link = *topology.link(id);
        link.state = LinkState::LiveUpdateFailed;
        topology.setLink(link);
    }
    topology.flush();
    QCoreApplication::processEvents();
    QVERIFY(scene.linksGeneration() > before);
    QList<QRectF> changed;
    QVERIFY(scene.linksChangedSince(before, &changed));
    QVERIFY(!changed.isEmpty());
    QImage updated = shot(view);
    QVERIFY(countColor(updated, linkColor(LinkState::LiveUpdateFailed)) > 20);
    QCOMPARE(differingPixels(updated, freshShot(scene, view)), 0);

    // While a container is dragged its links move with it, drawn as items outside the
    // layer; afterwards they are back in it, where it was before.
    ContainerItem *provider = scene.containerItem(QStringLiteral("role000@host-01"));
    QVERIFY(provider);
    QVERIFY(!provider->links().isEmpty());
    QWidget *viewport = view.viewport();
    const QPoint from = view.mapFromScene(provider->mapToScene(QPointF(60, 12)));
    QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, from);
    for (int step = 1; step <= 4; ++step) {
        const QPointF pos = from + QPointF(step * 25, step * 15);
        QMouseEvent move(QEvent::MouseMove, pos, viewport->mapToGlobal(pos), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &move);
        QCoreApplication::processEvents();
    }
    QVERIFY(provider->isDragging());
    for (LinkItem *link : provider->links())
        QVERIFY(link->isMoving());
    updated = shot(view);
    QCOMPARE(differingPixels(updated, freshShot(scene, view)), 0);

    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, from + QPoint(100, 60));
    QCoreApplication::processEvents();
    QVERIFY(!provider->isDragging());
    for (LinkItem *link : provider->links())
        QVERIFY(!link->isMoving());
    updated = shot(view);
    QCOMPARE(differingPixels(updated, freshShot(scene, view)), 0);
}

QTEST_MAIN(tst_TopologyScene)
#include "tst_topologyscene.moc"
