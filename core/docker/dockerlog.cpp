// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "dockerlog.h"

Q_LOGGING_CATEGORY(dockerLog, "scs.docker", QtInfoMsg)
