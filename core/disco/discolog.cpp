// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "discolog.h"

Q_LOGGING_CATEGORY(discoLog, "scs.disco")
