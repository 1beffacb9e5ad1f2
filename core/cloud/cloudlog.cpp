// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "cloudlog.h"

Q_LOGGING_CATEGORY(cloudLog, "scs.cloud")
