// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "manifestlog.h"

Q_LOGGING_CATEGORY(manifestLog, "scs.manifest")
