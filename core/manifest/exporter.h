// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "manifest/compiled.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Manifest {

/**
 * What an export writes: files by path relative to the output folder, and the
 * secret values the operator must supply (never written in plain text).
 */
struct ExportResult
{
    QMap<QString, QByteArray> files;
    /** Files (keys of `files`) to write with the executable bit. */
    QStringList executables;
    /** "role: KEY (description) -> where to put it", one per secret. */
    QStringList valuesToSupply;

    /** Writes every file under \p dir (creating folders). */
    [[nodiscard]] Scs::Result<void> writeTo(const QString &dir) const;
};

/** Turns a compiled stack into what other engines run. */
class Exporter
{
public:
    /**
     * A Docker Compose file (\p fileName) for one host: with \p host empty, every
     * role of the stack (the stack folded onto one machine); otherwise the roles
     * placed on \p host, with requires on other hosts resolved to their host's
     * address and published port. Secrets go to env files `secrets/<role>.env`
     * that the operator writes from the `.example` next to them.
     */
    [[nodiscard]] static Scs::Result<ExportResult>
    compose(const CompiledStack &stack, const QString &fileName, const QString &host = {});
    /**
     * Kubernetes manifests in one multi-document YAML file: per role a Deployment
     * (or a StatefulSet when it has volumes), a Service for its provides, a
     * PersistentVolumeClaim per volume, a ConfigMap with its image config and a
     * Secret with placeholders for its secrets.
     */
    [[nodiscard]] static Scs::Result<ExportResult> kubernetes(const CompiledStack &stack,
                                                              const QString &fileName);
    /**
     * The scs bundle for the headless `scs` on production hosts: stack.json and
     * <role>.json without secret values, each image's source folder under
     * images/<name>/ (documents point there, relative), secrets/<role>.env.example
     * and a README.md of the values to supply.
     */
    [[nodiscard]] static Scs::Result<ExportResult> bundle(const CompiledStack &stack);

    /** SCS_REQUIRE_<NAME>: upper case, anything outside [A-Z0-9] as '_'. */
    [[nodiscard]] static QString requireVariable(const QString &requireName);
};

/**
 * Reads a bundle folder written by Exporter::bundle(): relative image paths are
 * made absolute against \p dir, and secret values are read from
 * secrets/<role>.env (KEY=value lines) when the operator has written them.
 */
[[nodiscard]] Scs::Result<CompiledStack> readBundle(const QString &dir);

} // namespace Manifest
