// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "manifest/compiled.h"

#include <QString>
#include <QStringList>

namespace Manifest {

/**
 * The manifest compiler: stack + role layers + image manifests + hosts file →
 * one fully resolved CompiledContainer per role.
 *
 * Every problem of every file is reported at once: the error's message holds
 * one "file:line:column: what is wrong; what was expected" line per problem.
 * Never throws; hostile input (garbage, binary, huge, alias bombs) gives errors.
 */
class Compiler
{
public:
    /**
     * Compiles \p stackFile against \p hostsFile. Without a hosts file the stack
     * is compiled for the implicit local environment "dev" (one host "local",
     * unix:///var/run/docker.sock, 127.0.0.1, disco at 127.0.0.1:9640).
     */
    [[nodiscard]] static Scs::Result<CompiledStack> compile(const QString &stackFile,
                                                            const QString &hostsFile = {});

    /** What kind of manifest a file is. */
    enum class FileKind { Unknown, ImageManifest, RuntimeConfig, Stack, Hosts };

    /** Guesses the kind of \p file from its name (scs.yaml) and top-level keys. */
    [[nodiscard]] static FileKind detectKind(const QString &file);

    /**
     * Validates one file of any kind. A stack is compiled (with its role files
     * and images) for the implicit local host; a role config is checked as one
     * layer (no key is required); image manifests and hosts files completely.
     */
    [[nodiscard]] static Scs::Result<FileKind> validateFile(const QString &file);

    [[nodiscard]] static QString kindName(FileKind kind);
};

} // namespace Manifest
