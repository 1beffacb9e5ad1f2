// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "gitsource.h"

#include "manifesttr.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>

namespace Manifest {

using Scs::Error;
using Scs::makeError;

namespace {

constexpr int gitTimeoutMs = 120000;

/** `git -C REPO ARGS`: its trimmed standard output, or its error output as the error. */
Scs::Result<QString> git(const QString &repository, const QStringList &arguments)
{
    QProcess process;
    // The repository may belong to another user: reading it runs no hooks or filters.
    process.start(QStringLiteral("git"),
                  QStringList{QStringLiteral("-c"), QStringLiteral("safe.directory=*"),
                              QStringLiteral("-C"), repository}
                      + arguments);
    if (!process.waitForStarted())
        return makeError(Tr::tr("cannot run git: %1").arg(process.errorString()), Error::Kind::Io);
    if (!process.waitForFinished(gitTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return makeError(
            Tr::tr("git %1 took longer than %2 s").arg(arguments.value(0)).arg(gitTimeoutMs / 1000),
            Error::Kind::Timeout);
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        QString why = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
        why.replace(QRegularExpression(QStringLiteral("\\s*\\n\\s*")), QStringLiteral("; "));
        return makeError(why.isEmpty() ? Tr::tr("git %1 failed").arg(arguments.value(0)) : why);
    }
    return QString::fromLocal8Bit(process.readAllStandardOutput()).trimmed();
}

} // namespace

GitSources::GitSources(QString cacheDir)
    : m_cacheDir(cacheDir.isEmpty() ? defaultCacheDir() : std::move(cacheDir))
{}

QString GitSources::defaultCacheDir()
{
    if (const QString dir = qEnvironmentVariable("SCS_CACHE_DIR"); !dir.isEmpty())
        return dir + QStringLiteral("/git");
    if (const QString dir = qEnvironmentVariable("XDG_CACHE_HOME"); !dir.isEmpty())
        return dir + QStringLiteral("/scs/git");
    return QDir::homePath() + QStringLiteral("/.cache/scs/git");
}

bool GitSources::isRemote(const QString &url)
{
    static const QRegularExpression remote(
        QStringLiteral("^(?!file://)([a-z][a-z0-9+.-]*://|[^/]+@[^/]+:)"));
    return remote.match(url).hasMatch();
}

Scs::Result<GitSources::Checkout> GitSources::checkout(const QString &url, const QString &ref,
                                                       const QString &subdir)
{
    const QString key = url + u'\n' + ref + u'\n' + subdir;
    if (const auto it = m_done.constFind(key); it != m_done.cend())
        return *it;
    const QString name = ref.isEmpty() ? QStringLiteral("HEAD") : ref;
    const QString where = subdir.isEmpty() || subdir == u"." ? QString() : subdir;
    const auto fail = [&](const QString &why) {
        return makeError(Tr::tr("git repository '%1', ref '%2'%3: %4")
                             .arg(url, name,
                                  where.isEmpty() ? QString() : Tr::tr(", folder '%1'").arg(where),
                                  why),
                         Error::Kind::InvalidInput);
    };
    if (isRemote(url))
        return fail(Tr::tr("not a repository on this machine; expected a path or file:// URL "
                           "(the compiler fetches nothing over the network)"));
    QString repository = url;
    if (repository.startsWith(QStringLiteral("file://")))
        repository = repository.mid(7);
    if (!QFileInfo(repository).isDir())
        return fail(Tr::tr("no such folder"));
    if (name.startsWith(u'-') || where.startsWith(u'-') || where.startsWith(u'/')
        || where.split(u'/').contains(QStringLiteral("..")))
        return fail(Tr::tr("expected a ref name and a relative folder inside the repository"));

    Checkout out;
    auto commit = git(repository, {QStringLiteral("rev-parse"), QStringLiteral("--verify"),
                                   name + QStringLiteral("^{commit}")});
    if (!commit)
        return fail(Tr::tr("no such commit (%1)").arg(commit.error().message));
    out.commit = *commit;
    // "<commit>:<folder>" names the folder's object (everything after ':' is the path).
    QString treeSpec = out.commit + QStringLiteral("^{tree}");
    if (!where.isEmpty())
        treeSpec = out.commit + u':' + where;
    auto tree
        = git(repository, {QStringLiteral("rev-parse"), QStringLiteral("--verify"), treeSpec});
    if (!tree)
        return fail(Tr::tr("commit %1 has no such folder").arg(out.commit.left(12)));
    if (auto type = git(repository, {QStringLiteral("cat-file"), QStringLiteral("-t"), *tree});
        !type || *type != u"tree")
        return fail(Tr::tr("in commit %1 this is not a folder").arg(out.commit.left(12)));
    out.tree = *tree;
    out.folder = m_cacheDir + u'/' + out.tree;

    if (!QFileInfo(out.folder).isDir()) {
        // Export into a private folder, then rename: a half-written tree is never used.
        const QString partial = QStringLiteral("%1/.partial-%2-%3")
                                    .arg(m_cacheDir, out.tree)
                                    .arg(QCoreApplication::applicationPid());
        QDir(partial).removeRecursively();
        if (!QDir().mkpath(partial))
            return fail(Tr::tr("cannot create %1").arg(partial));
        QProcess archive;
        QProcess untar;
        archive.setStandardOutputProcess(&untar);
        archive.start(QStringLiteral("git"),
                      {QStringLiteral("-c"), QStringLiteral("safe.directory=*"),
                       QStringLiteral("-C"), repository, QStringLiteral("archive"),
                       QStringLiteral("--format=tar"), out.tree});
        untar.start(QStringLiteral("tar"), {QStringLiteral("-x"), QStringLiteral("-C"), partial});
        const bool archived = archive.waitForFinished(gitTimeoutMs)
                              && archive.exitStatus() == QProcess::NormalExit
                              && archive.exitCode() == 0;
        const bool extracted = untar.waitForFinished(gitTimeoutMs)
                               && untar.exitStatus() == QProcess::NormalExit
                               && untar.exitCode() == 0;
        if (!archived || !extracted) {
            const QString why = QString::fromLocal8Bit(archive.readAllStandardError()
                                                       + untar.readAllStandardError())
                                    .trimmed();
            QDir(partial).removeRecursively();
            return fail(Tr::tr("exporting tree %1 into %2 failed: %3")
                            .arg(out.tree.left(12), m_cacheDir, why));
        }
        if (!QDir().rename(partial, out.folder)) {
            QDir(partial).removeRecursively(); // another run exported it meanwhile
            if (!QFileInfo(out.folder).isDir())
                return fail(Tr::tr("cannot create %1").arg(out.folder));
        }
    }
    m_done.insert(key, out);
    return out;
}

} // namespace Manifest
