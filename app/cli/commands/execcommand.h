// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "stackcommand.h"

namespace Cli {

/** `scs exec STACK ROLE --hosts FILE -- CMD...`: runs a command in a role's container. */
class ExecCommand final : public StackCommand
{
public:
    QString name() const override;
    QString summary() const override;
    int run(const QStringList &arguments) override;
};

} // namespace Cli
