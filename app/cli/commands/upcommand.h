// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "stackcommand.h"

namespace Cli {

/** `scs up STACK --hosts FILE [--watch]`: builds what is missing and starts the stack. */
class UpCommand final : public StackCommand
{
public:
    QString name() const override;
    QString summary() const override;
    int run(const QStringList &arguments) override;
};

} // namespace Cli
