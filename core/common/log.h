// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>
#include <QString>

Q_DECLARE_LOGGING_CATEGORY(scsLog)

namespace Scs {

/**
 * Installs a message handler for the headless tool: one line per message,
 * "2026-11-25T12:00:00.123Z info scs.disco.server: text", on stderr.
 * Messages below \p minimumLevel ("debug", "info", "warning", "critical") are
 * filtered out. Returns false if the level name is unknown.
 */
[[nodiscard]] bool installCliLogHandler(const QString &minimumLevel);

} // namespace Scs
