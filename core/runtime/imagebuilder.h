// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "docker/types.h"
#include "manifest/compiled.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace Docker {
class BuildJob;
class EngineClient;
} // namespace Docker

namespace Runtime {

/**
 * Builds compiled images through an EngineClient, following the build convention
 * (notes: contracts): the context is the image source folder; its `scs/` folder becomes
 * `/scs/`; the config script runs once as root with `SCS_CONFIG_*` variables and
 * `/scs/config.json`; CMD from run.command; HEALTHCHECK from health; labels
 * scs.image.hash and scs.image.name; tag scs/<name>:<hash12>.
 *
 * An image whose tag already exists with the same scs.image.hash label is skipped.
 * Images are built one after the other; build() returns at once and reports by signals.
 */
class ImageBuilder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageBuilder)

public:
    explicit ImageBuilder(Docker::EngineClient &client, QObject *parent = nullptr);
    ~ImageBuilder() override;

    /** The Dockerfile generated for \p image (its path in the context: dockerfilePath). */
    [[nodiscard]] static Scs::Result<QString> dockerfile(const Manifest::CompiledImage &image);
    /** Where the generated files live inside the context tar. */
    static constexpr const char *generatedDir = ".scs-build";

    /**
     * Writes the build context of \p image to \p tarFile: the source folder plus the
     * generated Dockerfile and config.json under generatedDir. Blocking (runs tar):
     * call it off the GUI thread; build() does.
     */
    [[nodiscard]] static Scs::Result<void> writeContext(const Manifest::CompiledImage &image,
                                                        const QString &tarFile);

    /** Builds what is missing among \p images (duplicates by tag are built once). */
    void build(const QList<Manifest::CompiledImage> &images, bool noCache = false);
    /** Stops the running build; the rest are not started. finished() follows. */
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }

signals:
    void imageSkipped(const QString &tag);
    void imageStarted(const QString &tag, int index, int count);
    void imageProgressed(const QString &tag, int step, int totalSteps, const QString &text);
    void imageBuilt(const QString &tag, const QString &imageId, qint64 milliseconds);
    void imageFailed(const QString &tag, const Scs::Error &error);
    /** After every image was built, skipped or failed. */
    void finished(int built, int skipped, int failed);

private:
    void next();
    void startBuild(const Manifest::CompiledImage &image);
    void done(const QString &tag, std::optional<Scs::Error> error, const QString &imageId = {});

    Docker::EngineClient &m_client;
    QList<Manifest::CompiledImage> m_queue;
    int m_index = 0;
    int m_count = 0;
    int m_built = 0;
    int m_skipped = 0;
    int m_failed = 0;
    bool m_noCache = false;
    bool m_running = false;
    bool m_canceled = false;
    QPointer<Docker::BuildJob> m_job;
    QString m_workDir;
};

} // namespace Runtime
