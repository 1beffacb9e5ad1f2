// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QMap>
#include <QObject>
#include <QStringList>

namespace Runtime {
class Topology;
}

namespace Ui {

/** What moving a container to another host will do, shown before the user agrees. */
struct MovePlan
{
    struct Volume
    {
        QString name;
        QString method;
        QString action; ///< "copy", "attach", "fresh"
        qint64 bytes = -1;
    };
    QString containerId;
    QString role;
    QString sourceHost;
    QString targetHost;
    QString image;
    bool imageTransfer = false; ///< the image must be carried to the target first
    QList<Volume> volumes;
    bool healthGate = true; ///< wait until the new container is healthy before switching
    int healthTimeoutSeconds = 60;
    QStringList dependents; ///< container ids that get a liveupdate
    bool stopFirst = false; ///< stateful single-attach volume: stop on the source first
    qint64 expectedDowntimeMs = 0;
};

/** How a move ended. */
struct MoveResult
{
    QString containerId;    ///< the id before the move
    QString newContainerId; ///< the id on the target host, when it succeeded
    bool succeeded = false;
    bool cancelled = false;
    qint64 unavailabilityMs = -1; ///< measured time the role did not answer
    QStringList dependentsUpdated;
    QString error;             ///< why it failed
    QStringList rollbackSteps; ///< what was undone after a failure
};

/** The production formats the stack exports to. */
enum class ExportFormat { Compose, Kubernetes, Bundle };

/** An export: the files it writes and what the operator must fill in. */
struct ExportResult
{
    struct OperatorValue
    {
        QString name;        ///< e.g. the secret's key or the host address placeholder
        QString description; ///< what to put there
        QString where;       ///< the file or resource that takes it, when the export names one
    };
    QMap<QString, QByteArray> files; ///< relative path -> content
    QStringList executables;         ///< files (keys of files) written with the executable bit
    QList<OperatorValue> operatorValues;
};

/** One log line of a container. */
struct LogLine
{
    QString containerId;
    QDateTime time;
    QString text;
    bool stderrStream = false;
};

/**
 * What the dashboard asks of the core: plan and run moves, build, start and stop
 * roles, follow logs, exec. The window only calls this and listens to its signals,
 * so it never blocks and never knows which core objects do the work; app/ creates
 * the implementation over the container manager, tests use a fake
 * (tests/mock/fakestackcontroller.h).
 */
class StackController : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~StackController() override = default;

    /** The live model the dashboard draws. */
    [[nodiscard]] virtual Runtime::Topology *topology() const = 0;

    /** Loads \p stackPath with its hosts file; emits stackLoaded or stackFailed. */
    virtual void loadStack(const QString &stackPath, const QString &hostsPath) = 0;
    /** The roles of the loaded stack. */
    [[nodiscard]] virtual QStringList roles() const = 0;

    /** What moving \p containerId to \p targetHost would do (no side effects). */
    [[nodiscard]] virtual Scs::Result<MovePlan> planMove(const QString &containerId,
                                                         const QString &targetHost)
        = 0;
    /** Runs \p plan; progress arrives as moveProgress, the end as moveFinished. */
    virtual void startMove(const MovePlan &plan) = 0;
    virtual void cancelMove(const QString &containerId) = 0;

    /** Builds the images of \p role (empty: every role). */
    virtual void build(const QString &role) = 0;
    virtual void start(const QString &role) = 0;
    virtual void stop(const QString &role) = 0;
    virtual void restart(const QString &containerId) = 0;
    virtual void exec(const QString &containerId, const QStringList &command) = 0;
    virtual void followLogs(const QString &containerId, bool follow) = 0;

    /** The compiled configuration of \p containerId: key, value and the layer it came from. */
    struct ConfigValue
    {
        QString key;
        QString value;
        QString layer;
    };
    [[nodiscard]] virtual QList<ConfigValue> compiledConfig(const QString &containerId) const = 0;
    [[nodiscard]] virtual QMap<QString, QString> environment(const QString &containerId) const = 0;

    /**
     * Compiles the loaded stack into \p format (local work, no network). For Compose,
     * \p host picks the roles placed on that host (empty: every role on one machine).
     */
    [[nodiscard]] virtual Scs::Result<ExportResult> exportStack(ExportFormat format,
                                                                const QString &host)
        = 0;

signals:
    void stackLoaded(const QString &stackPath);
    void stackFailed(const QString &stackPath, const Scs::Error &error);

    void moveProgress(const QString &containerId, const QString &phase, int percent);
    void moveFinished(const Ui::MoveResult &result);

    void buildProgress(const QString &image, int percent);
    void buildOutput(const QString &image, const QString &line);
    void buildFinished(const QString &image, const Scs::Error &error); ///< empty message: success
    void operationFinished(const QString &what, const Scs::Error &error);
    /** A running operation (start, stop, take-over) reached \p phase; \p percent 0-100. */
    void operationProgress(const QString &what, const QString &phase, int percent);
    /** A line about what the core is doing ("carrying image ... to db-2"). */
    void progressMessage(const QString &text);

    void logLine(const Ui::LogLine &line);
    void execFinished(const QString &containerId, int exitCode, const QString &output);
};

} // namespace Ui

Q_DECLARE_METATYPE(Ui::MovePlan)
Q_DECLARE_METATYPE(Ui::MoveResult)
Q_DECLARE_METATYPE(Ui::LogLine)
