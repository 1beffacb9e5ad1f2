// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "imagecommand.h"

#include "buildsupport.h"
#include "docker/engineclient.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>

namespace Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}

// Bumped whenever the script below changes what goes into the image.
constexpr int recipeVersion = 1;
const QString inputsLabel = QStringLiteral("scs.base.inputs");

/**
 * debootstrap minbase → trimmed rootfs → DIR/rootfs.tar. Arguments: DIR MIRROR SUITE.
 * Trims docs, man pages, locales and apt lists; adds a policy-rc.d that keeps package
 * installs from starting services, the security suite to the sources (debootstrap
 * installs no security updates: derived images upgrade), and apt settings for images.
 */
const char *const baseScript = R"SH(
set -eu
dir=$1; mirror=$2; suite=$3
root=$dir/root
debootstrap --variant=minbase "$suite" "$root" "$mirror" >"$dir/debootstrap.log" 2>&1 || {
    tail -30 "$dir/debootstrap.log" >&2; exit 1; }
cat >"$root/etc/apt/sources.list" <<SRC
deb $mirror $suite main
deb $mirror $suite-updates main
deb ${mirror%/debian}/debian-security $suite-security main
SRC
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"
cat >"$root/etc/apt/apt.conf.d/90container" <<'APT'
APT::Install-Recommends "false";
APT::Install-Suggests "false";
Acquire::Languages "none";
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/*.bin || true"; };
APT
cat >"$root/etc/dpkg/dpkg.cfg.d/90container-nodoc" <<'DPKG'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
DPKG
find "$root/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete 2>/dev/null || true
rm -rf "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/var/lib/apt/lists/* \
    "$root"/var/cache/apt/* "$root"/var/log/*.log
find "$root/var/cache/debconf" -name '*-old' -delete 2>/dev/null || true
find "$root/usr/share/locale" -mindepth 1 -maxdepth 1 -not -name locale.alias -exec rm -rf {} +
: >"$root/etc/machine-id"
rm -f "$root/etc/resolv.conf" "$root/etc/hostname"
tar -C "$root" --numeric-owner -cf "$dir/rootfs.tar" .
rm -rf "$root"
)SH";

/** The mirror apt uses on this machine (deb822 sources first, then sources.list). */
QString systemMirror()
{
    QFile deb822(QStringLiteral("/etc/apt/sources.list.d/debian.sources"));
    if (deb822.open(QIODevice::ReadOnly)) {
        const QStringList lines = QString::fromUtf8(deb822.readAll()).split(u'\n');
        for (const QString &line : lines) {
            if (line.startsWith(QStringLiteral("URIs:")))
                return line.mid(5).trimmed().section(u' ', 0, 0);
        }
    }
    QFile list(QStringLiteral("/etc/apt/sources.list"));
    if (list.open(QIODevice::ReadOnly)) {
        static const QRegularExpression deb(QStringLiteral("^deb\\s+(\\S+)"));
        const QStringList lines = QString::fromUtf8(list.readAll()).split(u'\n');
        for (const QString &line : lines) {
            if (const auto m = deb.match(line.trimmed()); m.hasMatch())
                return m.captured(1);
        }
    }
    return {};
}

} // namespace

QString ImageCommand::name() const
{
    return QStringLiteral("image");
}

QString ImageCommand::summary() const
{
    return tr("Make images without a registry: 'scs image base' builds scs/base:bookworm.");
}

int ImageCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    setupParser(parser);
    parser.addPositionalArgument(QStringLiteral("action"), tr("base"));
    const QCommandLineOption dockerOption(
        QStringLiteral("docker"),
        tr("The Docker engine to use (default: $DOCKER_HOST or unix:///var/run/docker.sock)."),
        tr("address"));
    const QCommandLineOption tagOption(QStringLiteral("tag"), tr("The image's name."), tr("name"),
                                       QStringLiteral("scs/base:bookworm"));
    const QCommandLineOption mirrorOption(
        QStringLiteral("mirror"), tr("Debian mirror (default: the one apt uses here)."), tr("url"));
    const QCommandLineOption suiteOption(QStringLiteral("suite"), tr("Debian suite."), tr("name"),
                                         QStringLiteral("bookworm"));
    const QCommandLineOption forceOption(QStringLiteral("force"),
                                         tr("Build even if an image with the same inputs exists."));
    parser.addOptions({dockerOption, tagOption, mirrorOption, suiteOption, forceOption});
    if (const int exit = parse(parser, arguments); exit >= 0)
        return exit;

    QTextStream out(stdout);
    QTextStream err(stderr);
    if (parser.positionalArguments() != QStringList{QStringLiteral("base")}) {
        err << arguments.value(0) << ": " << tr("expected one action: base") << "\n";
        return ExitUsage;
    }
    const QString tag = parser.value(tagOption);
    if (!tag.contains(u':')) {
        err << arguments.value(0) << ": " << tr("--tag needs a name:tag, got '%1'").arg(tag)
            << "\n";
        return ExitUsage;
    }
    QString mirror = parser.value(mirrorOption);
    if (mirror.isEmpty())
        mirror = systemMirror();
    if (mirror.isEmpty()) {
        err << tr("scs image base: no Debian mirror in the apt sources of this machine; "
                  "use --mirror")
            << "\n";
        return ExitFailure;
    }
    const QString suite = parser.value(suiteOption);

    auto host = dockerHostFromOption(parser.value(dockerOption));
    if (!host) {
        err << host.error().message << "\n";
        return ExitUsage;
    }
    Docker::EngineClient client(*host);

    const QByteArray inputs = QByteArray::number(recipeVersion) + '\n' + mirror.toUtf8() + '\n'
                              + suite.toUtf8() + '\n' + QByteArray(baseScript);
    const QString inputsHash = QString::fromLatin1(
        QCryptographicHash::hash(inputs, QCryptographicHash::Sha256).toHex().left(16));

    QTemporaryDir dir(QStringLiteral("/var/tmp/scs-base-XXXXXX"));
    if (!dir.isValid()) {
        err << tr("scs image base: cannot create a work folder: %1").arg(dir.errorString()) << "\n";
        return ExitFailure;
    }
    QElapsedTimer timer;
    qint64 bootstrapMs = 0;
    QProcess script;
    script.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const bool force = parser.isSet(forceOption);

    const auto import = [&] {
        bootstrapMs = timer.elapsed();
        Docker::ImportSpec spec;
        spec.tarFile = dir.filePath(QStringLiteral("rootfs.tar"));
        spec.repository = tag.section(u':', 0, 0);
        spec.tag = tag.section(u':', 1);
        spec.changes = {QStringLiteral("CMD [\"/bin/bash\"]"), QStringLiteral("ENV LANG=C.UTF-8"),
                        QStringLiteral("LABEL %1=%2").arg(inputsLabel, inputsHash)};
        spec.message = QStringLiteral("scs image base: debootstrap --variant=minbase %1 %2")
                           .arg(suite, mirror);
        out << tr("importing %1 MB as %2 ...")
                   .arg(QFileInfo(spec.tarFile).size() / (1024 * 1024))
                   .arg(tag)
            << Qt::endl;
        whenReady(client.importImage(spec), &client, [&](const Scs::Result<QString> &imported) {
            if (!imported) {
                err << imported.error().message << Qt::endl;
                return finish(ExitFailure);
            }
            out << tr("built %1 (%2) in %3 s (debootstrap %4 s)")
                       .arg(tag, imported->left(19))
                       .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
                       .arg(double(bootstrapMs) / 1000.0, 0, 'f', 1)
                << Qt::endl;
            finish(ExitOk);
        });
    };
    QObject::connect(&script, &QProcess::finished, &client, [&] {
        if (script.exitStatus() != QProcess::NormalExit || script.exitCode() != 0) {
            err << tr("scs image base: making the root file system failed (see above)") << Qt::endl;
            return finish(ExitFailure);
        }
        import();
    });
    QObject::connect(&script, &QProcess::errorOccurred, &client, [&](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return;
        err << tr("scs image base: cannot run sh: %1").arg(script.errorString()) << Qt::endl;
        finish(ExitFailure);
    });
    const auto bootstrap = [&] {
        timer.start();
        out << tr("debootstrap %1 from %2 ...").arg(suite, mirror) << Qt::endl;
        script.start(QStringLiteral("sh"), {QStringLiteral("-c"), QString::fromUtf8(baseScript),
                                            QStringLiteral("sh"), dir.path(), mirror, suite});
    };

    return runUntilFinished([&] {
        if (force)
            return bootstrap();
        whenReady(client.inspectImage(tag), &client,
                  [&](const Scs::Result<Docker::ImageInfo> &existing) {
                      if (existing && existing->labels.value(inputsLabel) == inputsHash) {
                          out << tr("%1 is up to date (inputs %2); nothing to build.")
                                     .arg(tag, inputsHash)
                              << Qt::endl;
                          return finish(ExitOk);
                      }
                      if (!existing && existing.error().kind != Scs::Error::Kind::NotFound) {
                          err << existing.error().message << Qt::endl;
                          return finish(ExitFailure);
                      }
                      bootstrap();
                  });
    });
}

} // namespace Cli
