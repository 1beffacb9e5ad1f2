// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "runtimelog.h"

Q_LOGGING_CATEGORY(runtimeLog, "scs.runtime")
