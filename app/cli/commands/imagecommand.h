// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "../command.h"

namespace Cli {

/**
 * `scs image base`: makes the base image scs/base:bookworm from Debian packages
 * (debootstrap minbase → rootfs tar → import through the Engine API), no registry.
 * The image carries a label with the hash of its inputs; a second run with the same
 * inputs finds it and does nothing.
 */
class ImageCommand final : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    int run(const QStringList &arguments) override;
};

} // namespace Cli
