// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "docker/engineclient.h"
#include "docker/enginestream.h"
#include "testutil.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFuture>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace ImageTest {

using namespace Qt::StringLiterals;

/** Waits (processing events) until \p future finishes; a timeout or cancel becomes an error. */
template<typename T>
T await(QFuture<T> future, int timeoutMs = 120000)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, timeoutMs)) {
        future.cancel();
        return T(std::unexpected(Scs::Error{Scs::Error::Kind::Timeout, u"test gave up waiting"_s}));
    }
    if (future.resultCount() == 0)
        return T(std::unexpected(Scs::Error{Scs::Error::Kind::Cancelled, u"future cancelled"_s}));
    return future.result();
}

/** A name no other test on the shared engine uses. */
inline QString uniqueName(const QString &what)
{
    return u"scs-%1-%2-%3"_s.arg(what)
        .arg(QCoreApplication::applicationPid())
        .arg(QRandomGenerator::global()->bounded(1000000));
}

/** image.config: section → key → value. */
using ImageConfig = QMap<QString, QMap<QString, QString>>;

struct BuiltImage
{
    QString tag;
    bool built = false; ///< false: the engine had it already
    double seconds = 0;
    qint64 sizeBytes = 0;
};

/** SCS_CONFIG_<SECTION>_<KEY>: upper case, anything outside [A-Z0-9] turned into '_'. */
inline QString configVariable(const QString &section, const QString &key)
{
    QString name = (u"SCS_CONFIG_"_s + section + u"_"_s + key).toUpper();
    for (QChar &c : name)
        if (!((c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')))
            c = u'_';
    return name;
}

/**
 * Builds the image source folder \p folder with \p config the way the build convention
 * (notes/contracts.md) says, through the project's Docker::EngineClient: context = the folder,
 * scs/ copied to /scs/, the config as /scs/config.json and SCS_CONFIG_* for one RUN of the
 * config script. Tagged by a hash of the folder's files and the config, so an unchanged image
 * is not built again.
 */
inline Scs::Result<BuiltImage> buildRoleImage(Docker::EngineClient &client, const QString &folder,
                                              const ImageConfig &config)
{
    const QDir source(folder);
    if (!source.exists(u"scs.yaml"_s))
        return Scs::makeError(u"%1: no scs.yaml"_s.arg(folder));

    QJsonObject json;
    QString environment;
    for (auto section = config.cbegin(); section != config.cend(); ++section) {
        QJsonObject values;
        for (auto it = section->cbegin(); it != section->cend(); ++it) {
            values.insert(it.key(), it.value());
            environment += u" %1=%2"_s.arg(configVariable(section.key(), it.key()), it.value());
        }
        json.insert(section.key(), values);
    }
    const QByteArray configJson = QJsonDocument(json).toJson(QJsonDocument::Compact);

    QCryptographicHash hash(QCryptographicHash::Sha256);
    QStringList files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << source.relativeFilePath(it.next());
    files.sort();
    for (const QString &file : std::as_const(files)) {
        QFile f(source.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            return Scs::makeError(u"cannot read %1"_s.arg(f.fileName()));
        const QByteArray header
            = file.toUtf8() + '\0' + QByteArray::number(int(f.permissions())) + '\0';
        hash.addData(header);
        hash.addData(f.readAll());
    }
    hash.addData(configJson);
    BuiltImage image;
    image.tag = u"scs-test/%1:%2"_s.arg(source.dirName(),
                                        QString::fromLatin1(hash.result().toHex().left(12)));

    QElapsedTimer timer;
    timer.start();
    if (auto existing = await(client.inspectImage(image.tag))) {
        image.sizeBytes = existing->size;
        return image;
    }
    const QString base = u"scs/base:bookworm"_s;
    if (!await(client.inspectImage(base)))
        return Scs::makeError(
            u"the base image %1 is missing on %2: make it with `scs image base`"_s.arg(
                base, client.hostName()));

    QTemporaryDir work;
    if (!work.isValid())
        return Scs::makeError(u"cannot create a temporary folder"_s);
    const QString dockerfile
        = u"FROM %1\n"
          "COPY scs/ /scs/\n"
          "COPY scs-config.json /scs/config.json\n"
          "RUN env%2 /scs/configure.sh\n"
          "LABEL scs.image.name=%3\n"
          "CMD [\"/scs/bin/start\"]\n"_s.arg(base, environment, source.dirName());
    QFile df(work.filePath(u"Dockerfile.scs-test"_s));
    QFile cj(work.filePath(u"scs-config.json"_s));
    if (!df.open(QIODevice::WriteOnly) || df.write(dockerfile.toUtf8()) < 0
        || !cj.open(QIODevice::WriteOnly) || cj.write(configJson) < 0)
        return Scs::makeError(u"cannot write the build files in %1"_s.arg(work.path()));
    df.close();
    cj.close();
    const QString context = work.filePath(u"context.tar"_s);
    for (const QStringList &args : {QStringList{u"-C"_s, folder, u"-cf"_s, context, u"scs"_s},
                                    QStringList{u"-C"_s, work.path(), u"-rf"_s, context,
                                                u"Dockerfile.scs-test"_s, u"scs-config.json"_s}}) {
        QProcess tar;
        tar.start(u"tar"_s, args);
        if (!tar.waitForFinished(60000) || tar.exitCode() != 0)
            return Scs::makeError(u"tar %1 failed: %2"_s.arg(
                args.join(u' '), QString::fromLocal8Bit(tar.readAllStandardError())));
    }

    Docker::BuildSpec spec;
    spec.contextTarFile = context;
    spec.dockerfile = u"Dockerfile.scs-test"_s;
    spec.tags = {image.tag};
    std::unique_ptr<Docker::BuildJob> job(client.build(spec));
    bool done = false;
    QObject::connect(job.get(), &Docker::EngineStream::completed, job.get(), [&] { done = true; });
    QObject::connect(job.get(), &Docker::EngineStream::failed, job.get(), [&] { done = true; });
    if (!QTest::qWaitFor([&] { return done; }, 20 * 60 * 1000)) {
        job->cancel();
        return Scs::makeError(u"building %1 took more than 20 minutes"_s.arg(image.tag));
    }
    if (job->error())
        return Scs::makeError(job->error()->withContext(u"building %1"_s.arg(image.tag)));
    image.built = true;
    image.seconds = double(timer.elapsed()) / 1000.0;
    auto built = await(client.inspectImage(image.tag));
    if (!built)
        return Scs::makeError(built.error());
    image.sizeBytes = built->size;
    return image;
}

} // namespace ImageTest
