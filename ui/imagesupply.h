// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "docker/endpoint.h"
#include "manifest/compiled.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace Docker {
class EngineClient;
}
namespace Runtime {
class ImageBuilder;
}

namespace Ui {

/**
 * Where the dashboard's images come from: every build runs on one build engine (the
 * first host of the stack unless the user names another, e.g. the engine that can reach
 * a package mirror), one request at a time, with Runtime::ImageBuilder (an image whose
 * tag is up to date is skipped). supply() is the container manager's image builder hook:
 * it builds on the build engine and carries the image to the host that lacks it with
 * save/load. Progress and output come per image by signals; nothing blocks.
 */
class ImageSupply final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageSupply)

public:
    using Done = std::function<void(Scs::Result<void>)>;

    explicit ImageSupply(QObject *parent = nullptr);
    ~ImageSupply() override;

    /** Builds on \p config from now on (requests already queued use the new engine too). */
    void setBuildEngine(const Docker::HostConfig &config);
    [[nodiscard]] bool hasBuildEngine() const { return m_client != nullptr; }
    /** The build engine's address as written, e.g. "unix:///var/run/docker.sock". */
    [[nodiscard]] QString buildEngineAddress() const { return m_address; }

    /** Builds what is missing among \p images on the build engine; \p done after all. */
    void build(const QList<Manifest::CompiledImage> &images, Done done);
    /**
     * Makes \p image present on \p target (named \p targetName): built on the build engine,
     * then carried over unless \p target is the build engine (\p targetIsBuildEngine).
     */
    void supply(const Manifest::CompiledImage &image, Docker::EngineClient *target,
                const QString &targetName, bool targetIsBuildEngine, Done done);
    /** Stops the running build; queued requests fail as cancelled. */
    void cancel();
    [[nodiscard]] bool isBusy() const { return m_running || !m_queue.isEmpty(); }

signals:
    void imageProgress(const QString &tag, int percent);
    void imageOutput(const QString &tag, const QString &line);
    /** One image is done: built, up to date or carried (empty message), or failed. */
    void imageFinished(const QString &tag, const Scs::Error &error);

private:
    struct Request
    {
        QList<Manifest::CompiledImage> images;
        QPointer<Docker::EngineClient> target; // null: build only
        QString targetName;
        bool carry = false;
        Done done;
    };
    void next();
    void carry(const Request &request);
    void finish(const Request &request, Scs::Result<void> result);

    Docker::EngineClient *m_client = nullptr;
    QString m_address;
    QList<Request> m_queue;
    QPointer<Runtime::ImageBuilder> m_builder;
    bool m_running = false;
};

} // namespace Ui
