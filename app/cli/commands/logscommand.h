// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "stackcommand.h"

namespace Cli {

/** `scs logs STACK ROLE --hosts FILE [-f]`: the output of a role's container. */
class LogsCommand final : public StackCommand
{
public:
    QString name() const override;
    QString summary() const override;
    int run(const QStringList &arguments) override;
};

} // namespace Cli
