// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"

#include <QHash>
#include <QString>

namespace Manifest {

/**
 * Image sources of `type: git`: a folder of a commit in a git repository on this machine.
 *
 * The folder is exported once (`git archive` of its tree) into a cache keyed by the git
 * tree id, so the same tree is never exported twice and the compiled image's source folder
 * is stable; the image's content hash is then taken from that folder like any other. Only
 * local repositories (a path, or file://) are read: the compiler fetches nothing over the
 * network. Blocking (runs git): the compiler is.
 */
class GitSources
{
public:
    /** \p cacheDir: where trees are exported; empty = defaultCacheDir(). */
    explicit GitSources(QString cacheDir = {});

    struct Checkout
    {
        QString folder; ///< the exported tree (read-only by convention)
        QString commit; ///< the full commit id \p ref named
        QString tree;   ///< the git tree id of the folder
    };

    /**
     * The folder \p subdir ("" = the root) of commit \p ref ("" = HEAD) of the repository
     * \p url (an absolute path or a file:// URL).
     */
    [[nodiscard]] Scs::Result<Checkout> checkout(const QString &url, const QString &ref,
                                                 const QString &subdir);

    /** $SCS_CACHE_DIR/git, else $XDG_CACHE_HOME/scs/git, else ~/.cache/scs/git. */
    [[nodiscard]] static QString defaultCacheDir();
    /** True for URLs the compiler does not fetch (http, ssh, git@host:...). */
    [[nodiscard]] static bool isRemote(const QString &url);

private:
    QString m_cacheDir;
    QHash<QString, Checkout> m_done; // by url + ref + subdir
};

} // namespace Manifest
