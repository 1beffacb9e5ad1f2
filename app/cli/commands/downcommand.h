// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "stackcommand.h"

namespace Cli {

/** `scs down STACK --hosts FILE`: stops every container of the stack. */
class DownCommand final : public StackCommand
{
public:
    QString name() const override;
    QString summary() const override;
    int run(const QStringList &arguments) override;
};

} // namespace Cli
