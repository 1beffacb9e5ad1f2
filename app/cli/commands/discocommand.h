// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "../command.h"

namespace Cli {

/**
 * `scs disco serve|ls|watch|forward`: runs the discovery server, lists what it
 * holds, follows one lookup key, or forwards a local port to it.
 */
class DiscoCommand final : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    int run(const QStringList &arguments) override;

private:
    int serve(const QStringList &arguments);
    int list(const QStringList &arguments);
    int watch(const QStringList &arguments);
    int forward(const QStringList &arguments);
};

} // namespace Cli
