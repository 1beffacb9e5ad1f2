// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "../command.h"

namespace Cli {

/** `scs validate FILE...`: checks manifests of any kind and prints every problem. */
class ValidateCommand final : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    int run(const QStringList &arguments) override;
};

} // namespace Cli
