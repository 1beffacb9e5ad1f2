// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "../command.h"

namespace Cli {

/** `scs version`: prints the tool's version and the Qt it runs on. */
class VersionCommand final : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    int run(const QStringList &arguments) override;
};

} // namespace Cli
