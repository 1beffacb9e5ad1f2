// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
//
// bench_ui [DASHBOARD]: the graph of 500 containers on 10 hosts in the dashboard's main
// window (offscreen): frame times while 50 containers change state per second, while a
// container is dragged across hosts, while the view is panned and zoomed, for fit and
// auto-layout; and the dashboard's startup to its first painted window. Prints numbers;
// asserts nothing. Targets: frames < 16 ms, startup < 1 s.
//
// A frame is timed from what caused it (a topology write, a mouse event) to the end of
// the window's repaint that shows it: the topology's own batching, the scene, the view's
// update scheduling, the paint and the flush to the (offscreen) backing store.

#include "graph/containeritem.h"
#include "graph/graphstyle.h"
#include "graph/hostitem.h"
#include "graph/topologyscene.h"
#include "graph/topologyview.h"
#include "mainwindow.h"
#include "runtime/topology.h"
#include "topologyfixture.h"

#include <QAbstractEventDispatcher>
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QMouseEvent>
#include <QProcess>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <optional>

namespace {

struct Stats
{
    double median = 0, p95 = 0, max = 0, mean = 0;
    qsizetype count = 0;
};

Stats statsOf(QList<double> values)
{
    Stats stats;
    stats.count = values.size();
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
    std::printf("%-50s n %4lld  median %6.2f  p95 %6.2f  max %6.2f  mean %6.2f ms\n", what,
                static_cast<long long>(stats.count), stats.median, stats.p95, stats.max,
                stats.mean);
    std::fflush(stdout);
}

/**
 * Records every repaint of a top-level window: when the repaint manager's update request
 * started and ended (it paints every dirty widget and flushes the backing store), and
 * whether the graph's viewport was among the painted widgets.
 */
class FrameClock final : public QObject
{
public:
    struct Frame
    {
        qint64 startNs = 0;
        qint64 endNs = 0;
        qint64 idleNsAtEnd = 0; ///< idleNs() when the repaint ended
        bool graphPainted = false;
    };

    FrameClock(QWidget *window, QWidget *graphViewport)
        : QObject(window)
        , m_window(window)
        , m_viewport(graphViewport)
    {
        m_clock.start();
        window->installEventFilter(this);
        graphViewport->installEventFilter(this);
        // The time the GUI thread sleeps in the event dispatcher is idle: a frame's latency
        // minus the idle time in it is the work the frame took.
        QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
        connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, this,
                [this] { m_blockedAt = now(); });
        connect(dispatcher, &QAbstractEventDispatcher::awake, this, &FrameClock::noteAwake);
    }

    /**
     * The GUI thread is working (again). The glib dispatcher may say awake() only after it
     * dispatched a timer: whoever handles an event calls this first.
     */
    void noteAwake()
    {
        if (m_blockedAt >= 0)
            m_idleNs += now() - m_blockedAt;
        m_blockedAt = -1;
    }

    [[nodiscard]] qint64 now() const { return m_clock.nsecsElapsed(); }
    /** Total time the GUI thread slept waiting for events so far. */
    [[nodiscard]] qint64 idleNs() const { return m_idleNs; }
    [[nodiscard]] const QList<Frame> &frames() const { return m_frames; }
    void clear() { m_frames.clear(); }

    /** The first repaint that started at or after \p sinceNs (and before \p untilNs). */
    [[nodiscard]] const Frame *firstFrameAfter(qint64 sinceNs, qint64 untilNs = -1) const
    {
        for (const Frame &frame : m_frames) {
            if (frame.startNs >= sinceNs && (untilNs < 0 || frame.startNs < untilNs))
                return &frame;
        }
        return nullptr;
    }

    /** Runs the event loop until a repaint that started after \p sinceNs has ended. */
    const Frame *waitForFrame(qint64 sinceNs, int timeoutMs = 500)
    {
        QTimer timeout; // wakes the loop when nothing is going to be painted
        timeout.setSingleShot(true);
        timeout.start(timeoutMs);
        while (!firstFrameAfter(sinceNs) && timeout.isActive())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        return firstFrameAfter(sinceNs);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_viewport && event->type() == QEvent::Paint) {
            m_graphPainted = true;
        } else if (watched == m_window && event->type() == QEvent::UpdateRequest && !m_inside) {
            // Handle the request here, inside a clock: the window's own event() does the
            // work (this filter is not re-entered), then the event counts as handled.
            noteAwake();
            m_inside = true;
            m_graphPainted = false;
            Frame frame;
            frame.startNs = now();
            QCoreApplication::sendEvent(m_window, event);
            frame.endNs = now();
            frame.idleNsAtEnd = m_idleNs;
            frame.graphPainted = m_graphPainted;
            m_frames.append(frame);
            m_inside = false;
            return true;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QWidget *m_window;
    QWidget *m_viewport;
    QElapsedTimer m_clock;
    QList<Frame> m_frames;
    qint64 m_idleNs = 0;
    qint64 m_blockedAt = -1;
    bool m_inside = false;
    bool m_graphPainted = false;
};

double ms(qint64 ns)
{
    return ns / 1e6;
}

/**
 * Frames timed from their cause (a write, an input event) to the end of the repaint that
 * showed it (latency), and the GUI thread's work in that time (latency minus the time it
 * slept waiting for events). Causes that needed no repaint are counted, not timed.
 */
struct Series
{
    QList<double> latency;
    QList<double> work;
    int unpainted = 0;

    void add(qint64 startNs, qint64 idleAtStart, const FrameClock::Frame *frame)
    {
        if (!frame) {
            ++unpainted;
            return;
        }
        latency.append(ms(frame->endNs - startNs));
        work.append(ms(frame->endNs - startNs - (frame->idleNsAtEnd - idleAtStart)));
    }
    Series &operator+=(const Series &other)
    {
        latency += other.latency;
        work += other.work;
        unpainted += other.unpainted;
        return *this;
    }
};

void printSeries(const char *what, const Series &series)
{
    printStats(what, statsOf(series.latency));
    printStats("    of it, work on the GUI thread", statsOf(series.work));
    if (series.unpainted > 0)
        std::printf("    (%d caused no repaint)\n", series.unpainted);
}

/** Runs \p action (one cause) and times it until the repaint that shows it. */
template<typename Action>
void timeFrame(FrameClock &clock, Series &series, Action action)
{
    const qint64 start = clock.now();
    const qint64 idle = clock.idleNs();
    action();
    series.add(start, idle, clock.waitForFrame(start));
}

/**
 * 50 state changes per second in real time for \p seconds: every 20 ms one container's
 * state, health, phase and progress change, written with Runtime::Topology::setContainer
 * as ManagedContainer does. Nothing here flushes or repaints; the topology batches, the
 * window and its view schedule the repaint themselves.
 */
void measureLiveChanges(Runtime::Topology &topology, FrameClock &clock, int seconds)
{
    const QList<Runtime::ContainerInfo> containers = topology.containers();
    static const Runtime::ContainerState states[]
        = {Runtime::ContainerState::Stopping, Runtime::ContainerState::Stopped,
           Runtime::ContainerState::Starting, Runtime::ContainerState::Running};
    const int changes = seconds * 50;
    // Each run starts elsewhere in the cycle, so every write really changes the container.
    static int run = 0;
    const int offset = ++run;
    QList<qint64> changedAt;
    QList<qint64> idleAt;
    changedAt.reserve(changes);
    idleAt.reserve(changes);
    clock.clear();
    QEventLoop loop;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(20);
    int tick = 0;
    QObject::connect(&ticker, &QTimer::timeout, &loop, [&] {
        if (tick == changes) {
            ticker.stop();
            // One more interval for the last change's frame.
            QTimer::singleShot(20, &loop, &QEventLoop::quit);
            return;
        }
        Runtime::ContainerInfo info
            = *topology.container(containers[(tick * 37) % containers.size()].id);
        info.state = states[(tick + offset) % 4];
        info.health = (tick + offset) % 2 ? Runtime::ContainerHealth::Starting
                                          : Runtime::ContainerHealth::Healthy;
        info.progress = info.state == Runtime::ContainerState::Starting ? tick % 100 : -1;
        info.phase = info.state == Runtime::ContainerState::Starting
                         ? QStringLiteral("waiting for health (%1)").arg(tick)
                         : QString();
        clock.noteAwake();
        changedAt.append(clock.now());
        idleAt.append(clock.idleNs());
        topology.setContainer(info);
        ++tick;
    });
    ticker.start();
    loop.exec();

    Series series;
    QList<double> repaint;
    int graphFrames = 0;
    for (qsizetype i = 0; i < changedAt.size(); ++i) {
        const qint64 next = i + 1 < changedAt.size() ? changedAt[i + 1] : -1;
        const FrameClock::Frame *frame = clock.firstFrameAfter(changedAt[i], next);
        series.add(changedAt[i], idleAt[i], frame);
        if (frame) {
            repaint.append(ms(frame->endNs - frame->startNs));
            graphFrames += frame->graphPainted ? 1 : 0;
        }
    }
    std::printf("  50 state changes/s for %d s: %lld repaints, %d of them drew the graph\n",
                seconds, static_cast<long long>(series.latency.size()), graphFrames);
    printSeries("  change -> batch -> scene -> painted", series);
    printStats("    of it, the repaint (paint + flush)", statsOf(repaint));
}

/** Sends one mouse event to the view's viewport. */
void sendMouse(QWidget *viewport, QEvent::Type type, const QPointF &pos, Qt::MouseButton button,
               Qt::MouseButtons buttons)
{
    QMouseEvent event(type, pos, viewport->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(viewport, &event);
}

/** A point of the viewport over the background (no item): where a pan drag starts. */
std::optional<QPoint> backgroundPoint(Ui::Graph::TopologyView &view)
{
    const QRect area = view.viewport()->rect().adjusted(10, 10, -10, -10);
    for (int y = area.top(); y < area.bottom(); y += 7) {
        for (int x = area.left(); x < area.right(); x += 7) {
            if (!view.itemAt(QPoint(x, y)))
                return QPoint(x, y);
        }
    }
    return std::nullopt;
}

/**
 * Drags \p item with the mouse onto the box of \p over and back to its own host, one
 * mouse move per frame, then releases it at home (no move is requested). The press
 * (which selects the item) and the release are timed as frames too.
 */
Series dragAcross(FrameClock &clock, Ui::Graph::TopologyView &view, Ui::Graph::ContainerItem *item,
                  Ui::Graph::HostItem *over, int steps)
{
    QWidget *viewport = view.viewport();
    const QPointF grip = view.mapFromScene(item->mapToScene(QPointF(60, 12)));
    const QPointF target = view.mapFromScene(over->sceneBoundingRect().center());
    Series series;
    timeFrame(clock, series, [&] {
        sendMouse(viewport, QEvent::MouseButtonPress, grip, Qt::LeftButton, Qt::LeftButton);
    });
    for (int i = 1; i <= 2 * steps; ++i) {
        const qreal t = i <= steps ? qreal(i) / steps : qreal(2 * steps - i) / steps;
        timeFrame(clock, series, [&] {
            sendMouse(viewport, QEvent::MouseMove, grip + (target - grip) * t, Qt::NoButton,
                      Qt::LeftButton);
        });
    }
    timeFrame(clock, series, [&] {
        sendMouse(viewport, QEvent::MouseButtonRelease, grip, Qt::LeftButton, Qt::NoButton);
    });
    return series;
}

/**
 * Pans \p steps moves of \p step pixels, there and back: by dragging the background with
 * the mouse, or, where boxes cover the whole view, by the scroll bars.
 */
Series panBy(FrameClock &clock, Ui::Graph::TopologyView &view, QPoint step, int steps,
             bool *byScrollBars)
{
    QWidget *viewport = view.viewport();
    const std::optional<QPoint> start = backgroundPoint(view);
    *byScrollBars = !start;
    Series series;
    if (!start) {
        QScrollBar *horizontal = view.horizontalScrollBar();
        QScrollBar *vertical = view.verticalScrollBar();
        for (int i = 0; i < 2 * steps; ++i) {
            const QPoint delta = i < steps ? step : -step;
            timeFrame(clock, series, [&] {
                horizontal->setValue(horizontal->value() + delta.x());
                vertical->setValue(vertical->value() + delta.y());
            });
        }
        return series;
    }
    sendMouse(viewport, QEvent::MouseButtonPress, *start, Qt::LeftButton, Qt::LeftButton);
    clock.waitForFrame(clock.now());
    QPoint pos = *start;
    for (int i = 0; i < 2 * steps; ++i) {
        pos += i < steps ? step : -step;
        timeFrame(clock, series, [&] {
            sendMouse(viewport, QEvent::MouseMove, pos, Qt::NoButton, Qt::LeftButton);
        });
    }
    sendMouse(viewport, QEvent::MouseButtonRelease, pos, Qt::LeftButton, Qt::NoButton);
    clock.waitForFrame(clock.now());
    return series;
}

/** Wheel zoom at the centre: \p steps notches in, then as many out. */
Series wheelZoom(FrameClock &clock, Ui::Graph::TopologyView &view, int steps)
{
    QWidget *viewport = view.viewport();
    const QPointF pos = viewport->rect().center();
    Series series;
    for (int i = 0; i < 2 * steps; ++i) {
        const int delta = i < steps ? 120 : -120;
        timeFrame(clock, series, [&] {
            QWheelEvent wheel(pos, viewport->mapToGlobal(pos), QPoint(), QPoint(0, delta),
                              Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
            QApplication::sendEvent(viewport, &wheel);
        });
    }
    return series;
}

/** Drags, pans and wheel zooms at the view's current place and zoom. */
void measureInteraction(FrameClock &clock, Ui::Graph::TopologyScene &scene,
                        Ui::Graph::TopologyView &view)
{
    // The busiest container (49 links end at it) and an ordinary one, over another host.
    printSeries("  drag role000@host-04 (49 links) over host-05",
                dragAcross(clock, view, scene.containerItem(QStringLiteral("role000@host-04")),
                           scene.hostItem(QStringLiteral("host-05")), 30));
    printSeries("  drag role017@host-04 (1 link) over host-05",
                dragAcross(clock, view, scene.containerItem(QStringLiteral("role017@host-04")),
                           scene.hostItem(QStringLiteral("host-05")), 30));
    if (view.horizontalScrollBar()->maximum() > view.horizontalScrollBar()->minimum()) {
        bool byScrollBars = false;
        const Series pan = panBy(clock, view, QPoint(15, 6), 30, &byScrollBars);
        printSeries(byScrollBars ? "  pan: scroll bars (boxes fill the view), 15 px a step"
                                 : "  pan: drag the background, 15 px per move",
                    pan);
    } else {
        std::printf("  pan: nothing to pan, the whole scene is in view\n");
    }
    const qreal zoom = view.zoom();
    Series zooms = wheelZoom(clock, view, 6);
    zooms += wheelZoom(clock, view, 6);
    printSeries("  zoom: wheel, 6 notches in and out, twice", zooms);
    // Back to exactly where it was (the wheel's factors do not cancel exactly).
    view.scale(zoom / view.zoom(), zoom / view.zoom());
    clock.waitForFrame(clock.now());
}

void benchGraph()
{
    Runtime::Topology topology;
    TopologyFixture::fillLarge(topology, 10, 50);

    Ui::MainWindow window;
    window.resize(1600, 1000);
    QElapsedTimer build;
    build.start();
    window.setTopology(&topology); // as setController() does with the controller's topology
    const double buildMs = build.nsecsElapsed() / 1e6;
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) {
        std::printf("graph: the window was not exposed\n");
        return;
    }
    Ui::Graph::TopologyScene &scene = *window.scene();
    Ui::Graph::TopologyView &view = *window.view();
    FrameClock clock(&window, view.viewport());
    clock.waitForFrame(0);
    std::printf("graph: %d hosts, %d containers, %d volumes, %d links; scene built in %.1f ms; "
                "window 1600x1000, graph viewport %dx%d\n",
                scene.hostCount(), scene.containerCount(), scene.volumeCount(), scene.linkCount(),
                buildMs, view.viewport()->width(), view.viewport()->height());

    // Fit: the whole stack in view, every change is on screen.
    Series fit;
    timeFrame(clock, fit, [&] { view.fitAll(); });
    std::printf("zoom %.2f (the whole stack in view)\n", view.zoom());
    printSeries("  fit to window", fit);
    measureLiveChanges(topology, clock, 10);
    {
        // A burst: 50 containers change in one event-loop turn (one batch).
        const QList<Runtime::ContainerInfo> containers = topology.containers();
        Series bursts;
        for (int round = 0; round < 20; ++round) {
            timeFrame(clock, bursts, [&] {
                for (int i = 0; i < 50; ++i) {
                    Runtime::ContainerInfo info = *topology.container(
                        containers[(round * 50 + i * 7) % containers.size()].id);
                    info.state = info.state == Runtime::ContainerState::Running
                                     ? Runtime::ContainerState::Stopped
                                     : Runtime::ContainerState::Running;
                    topology.setContainer(info);
                }
            });
        }
        printSeries("  burst: 50 changes in one batch -> painted", bursts);
    }
    {
        const QList<Runtime::LinkInfo> links = topology.links();
        Series series;
        for (int i = 0; i < 30; ++i) {
            timeFrame(clock, series, [&] {
                Runtime::LinkInfo link = *topology.link(links[(i * 13) % links.size()].id);
                link.state = link.state == Runtime::LinkState::Bound
                                 ? Runtime::LinkState::LiveUpdateRunning
                                 : Runtime::LinkState::Bound;
                topology.setLink(link);
            });
        }
        printSeries("  a link changes state -> painted", series);
    }
    measureInteraction(clock, scene, view);
    {
        // Auto-layout after the user moved a host away.
        Ui::Graph::HostItem *moved = scene.hostItem(QStringLiteral("host-03"));
        moved->setPos(moved->pos() + QPointF(700, 400));
        clock.waitForFrame(clock.now());
        Series layout;
        timeFrame(clock, layout, [&] { scene.autoLayout(); });
        printSeries("  auto-layout", layout);
    }

    // Zoom 0.51 (three notches out of 1): text drawn, a few hosts in view; zoom 1: one host.
    for (const int notchesOut : {3, 0}) {
        view.resetZoom();
        for (int i = 0; i < notchesOut; ++i)
            view.zoomOut();
        view.centerOn(scene.hostItem(QStringLiteral("host-04"))->sceneBoundingRect().center());
        clock.waitForFrame(clock.now());
        std::printf("zoom %.2f (centred on host-04, text drawn)\n", view.zoom());
        measureLiveChanges(topology, clock, 10);
        measureInteraction(clock, scene, view);
    }
    Series fitAgain;
    timeFrame(clock, fitAgain, [&] { view.fitAll(); });
    printSeries("  fit to window", fitAgain);
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
    printStats("startup: main() -> first painted window", statsOf(firstPaint));
    printStats("startup: exec -> first paint -> exit", statsOf(wall));
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // The window reads and writes its settings: keep them away from the user's.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("scs-bench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_ui"));
    benchGraph();
    const QString dashboard
        = argc > 1 ? QString::fromLocal8Bit(argv[1])
                   : QCoreApplication::applicationDirPath() + QStringLiteral("/scs-dashboard");
    benchStartup(dashboard);
    return 0;
}
