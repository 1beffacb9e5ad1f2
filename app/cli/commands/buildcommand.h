// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "../command.h"

namespace Cli {

/**
 * `scs build STACK [--hosts FILE] [--progress]`: compiles the stack and builds every image
 * it needs that the engine does not have yet (same tag and content hash); a second run
 * builds nothing and says so. Images are built on one engine (--docker, else the first
 * host of the stack) and carried to the other hosts that run them with save/load.
 */
class BuildCommand final : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    int run(const QStringList &arguments) override;
};

} // namespace Cli
