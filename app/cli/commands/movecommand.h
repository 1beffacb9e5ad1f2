// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "stackcommand.h"

namespace Cli {

/** `scs move STACK ROLE --to HOST --hosts FILE`: moves a role to another host. */
class MoveCommand final : public StackCommand
{
public:
    QString name() const override;
    QString summary() const override;
    int run(const QStringList &arguments) override;
};

} // namespace Cli
