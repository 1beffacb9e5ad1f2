// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
//
// bench_ui [DASHBOARD]: the graph's frame time with 500 containers on 10 hosts while 50
// containers change state per second (offscreen), and the dashboard's startup to its
// first painted window. Prints numbers; asserts nothing. Targets: < 16 ms, < 1 s.

#include "graph/graphstyle.h"
#include "graph/hostitem.h"
#include "graph/topologyscene.h"
#include "graph/topologyview.h"
#include "mainwindow.h"
#include "runtime/topology.h"
#include "topologyfixture.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace {

/** Counts paint events of a widget, so a measured frame is known to have been drawn. */
class PaintCounter final : public QObject
{
public:
    using QObject::QObject;
    int paints = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }
};

struct Stats
{
    double median = 0, p95 = 0, max = 0, mean = 0;
};

Stats statsOf(QList<double> values)
{
    Stats stats;
    if (values.isEmpty())
        return stats;
    std::sort(values.begin(), values.end());
    stats.median = values[values.size() / 2];
    stats.p95 = values[std::min<qsizetype>(values.size() - 1, values.size() * 95 / 100)];
    stats.max = values.last();
    double sum = 0;
    for (double value : values)
        sum += value;
    stats.mean = sum / values.size();
    return stats;
}

void printStats(const char *what, const Stats &stats)
{
    std::printf("%-58s median %6.2f ms  p95 %6.2f ms  max %6.2f ms  mean %6.2f ms\n", what,
                stats.median, stats.p95, stats.max, stats.mean);
}

/**
 * One frame per 20 ms tick (50 state changes per second): change one container,
 * let the topology emit its batch, let the scene and view update and paint. The
 * time from the change to the end of the paint is the frame time.
 */
Stats measureFrames(Ui::Graph::TopologyView &view, Runtime::Topology &topology, int frames,
                    int *paintCount)
{
    auto *counter = new PaintCounter(&view);
    view.viewport()->installEventFilter(counter);
    const QList<Runtime::ContainerInfo> containers = topology.containers();
    QList<double> times;
    times.reserve(frames);
    for (int frame = 0; frame < frames; ++frame) {
        Runtime::ContainerInfo info = containers[(frame * 37) % containers.size()];
        static const Runtime::ContainerState states[]
            = {Runtime::ContainerState::Stopping, Runtime::ContainerState::Stopped,
               Runtime::ContainerState::Starting, Runtime::ContainerState::Running};
        info.state = states[frame % 4];
        info.health
            = frame % 2 ? Runtime::ContainerHealth::Starting : Runtime::ContainerHealth::Healthy;
        info.progress = frame % 100;
        info.phase = QStringLiteral("phase %1").arg(frame);
        QElapsedTimer timer;
        timer.start();
        topology.setContainer(info);
        topology.flush();
        // Scene dirty-item processing and the viewport's paint both happen here.
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        times.append(timer.nsecsElapsed() / 1e6);
    }
    *paintCount = counter->paints;
    view.viewport()->removeEventFilter(counter);
    return statsOf(times);
}

Stats measureFullRepaints(Ui::Graph::TopologyView &view, int frames)
{
    QList<double> times;
    for (int frame = 0; frame < frames; ++frame) {
        QElapsedTimer timer;
        timer.start();
        view.viewport()->repaint();
        times.append(timer.nsecsElapsed() / 1e6);
    }
    return statsOf(times);
}

/** A full repaint right after a link changed: the view redraws its whole link layer. */
Stats measureLinkLayerMisses(Ui::Graph::TopologyView &view, Runtime::Topology &topology, int frames)
{
    const QList<Runtime::LinkInfo> links = topology.links();
    QList<double> times;
    for (int frame = 0; frame < frames && !links.isEmpty(); ++frame) {
        Runtime::LinkInfo link = links[(frame * 13) % links.size()];
        link.state = frame % 2 ? Runtime::LinkState::LiveUpdateRunning : Runtime::LinkState::Bound;
        topology.setLink(link);
        topology.flush(); // the scene takes the change now; the layer is stale
        QElapsedTimer timer;
        timer.start();
        view.viewport()->repaint();
        times.append(timer.nsecsElapsed() / 1e6);
        QCoreApplication::processEvents();
    }
    return statsOf(times);
}

/** Where the time of a full repaint goes: the same view with one kind of item hidden. */
void printBreakdown(Ui::Graph::TopologyScene &scene, Ui::Graph::TopologyView &view)
{
    const int kinds[] = {Ui::Graph::LinkType, Ui::Graph::VolumeType, Ui::Graph::ContainerType};
    const char *names[] = {"  full repaint without links", "  full repaint without volumes",
                           "  full repaint without containers (and their volumes)"};
    for (int k = 0; k < 3; ++k) {
        QList<QGraphicsItem *> hidden;
        for (QGraphicsItem *item : scene.items())
            if (item->type() == kinds[k] && item->isVisible()) {
                item->hide();
                hidden.append(item);
            }
        measureFullRepaints(view, 2);
        printStats(names[k], measureFullRepaints(view, 20));
        for (QGraphicsItem *item : std::as_const(hidden))
            item->show();
    }
}

void benchGraph()
{
    Runtime::Topology topology;
    QElapsedTimer fill;
    fill.start();
    TopologyFixture::fillLarge(topology, 10, 50);
    Ui::Graph::TopologyScene scene;
    scene.setPalette(QApplication::palette());
    QElapsedTimer build;
    build.start();
    scene.setTopology(&topology);
    const double buildMs = build.nsecsElapsed() / 1e6;
    Ui::Graph::TopologyView view(&scene);
    view.resize(1600, 1000);
    view.show();
    QCoreApplication::processEvents();
    std::printf("graph: %d hosts, %d containers, %d volumes, %d links; scene built in %.1f ms\n",
                scene.hostCount(), scene.containerCount(), scene.volumeCount(), scene.linkCount(),
                buildMs);

    view.fitAll();
    QCoreApplication::processEvents();
    measureFullRepaints(view, 3); // warm the item caches
    int paints = 0;
    const Stats fitted = measureFrames(view, topology, 250, &paints);
    std::printf("zoom %.2f (whole stack in view), 250 frames, %d paints:\n", view.zoom(), paints);
    printStats("  frame: 1 state change -> batch -> scene -> paint", fitted);
    printStats("  full repaint of the viewport", measureFullRepaints(view, 30));
    printBreakdown(scene, view);
    printStats("  full repaint after a link changed (layer redrawn)",
               measureLinkLayerMisses(view, topology, 20));

    view.resetZoom();
    view.centerOn(scene.hostItem(QStringLiteral("host-04"))->sceneBoundingRect().center());
    QCoreApplication::processEvents();
    measureFullRepaints(view, 3);
    const Stats actual = measureFrames(view, topology, 250, &paints);
    std::printf("zoom 1.00 (text drawn), 250 frames, %d paints:\n", paints);
    printStats("  frame: 1 state change -> batch -> scene -> paint", actual);
    printStats("  full repaint of the viewport", measureFullRepaints(view, 30));
    printBreakdown(scene, view);
    printStats("  full repaint after a link changed (layer redrawn)",
               measureLinkLayerMisses(view, topology, 20));

    // A burst: 50 containers change in one event-loop turn (one batch).
    QList<double> bursts;
    const QList<Runtime::ContainerInfo> containers = topology.containers();
    for (int round = 0; round < 20; ++round) {
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 50; ++i) {
            Runtime::ContainerInfo info = containers[(round * 50 + i * 7) % containers.size()];
            info.state
                = round % 2 ? Runtime::ContainerState::Running : Runtime::ContainerState::Stopped;
            topology.setContainer(info);
        }
        topology.flush();
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        bursts.append(timer.nsecsElapsed() / 1e6);
    }
    printStats("  burst: 50 changes in one batch -> paint", statsOf(bursts));
}

void benchStartup(const QString &dashboard)
{
    QList<double> firstPaint;
    QList<double> wall;
    for (int run = 0; run < 5; ++run) {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("SCS_REPORT_FIRST_PAINT"), QStringLiteral("1"));
        process.setProcessEnvironment(environment);
        QElapsedTimer timer;
        timer.start();
        process.start(dashboard, {});
        if (!process.waitForFinished(20000)) {
            std::printf("startup: %s did not exit\n", qPrintable(dashboard));
            process.kill();
            return;
        }
        wall.append(timer.nsecsElapsed() / 1e6);
        const QByteArray out = process.readAllStandardOutput();
        const qsizetype at = out.indexOf("first-paint-ms ");
        if (at >= 0)
            firstPaint.append(out.mid(at + 15).trimmed().toDouble());
    }
    printStats("startup: main() -> first painted window (in process)", statsOf(firstPaint));
    printStats("startup: exec -> first paint -> exit (whole process)", statsOf(wall));
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchGraph();
    const QString dashboard
        = argc > 1 ? QString::fromLocal8Bit(argv[1])
                   : QCoreApplication::applicationDirPath() + QStringLiteral("/scs-dashboard");
    benchStartup(dashboard);
    return 0;
}
