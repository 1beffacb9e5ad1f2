#!/bin/sh
# SPDX-FileCopyrightText: 2026 The scs authors
# SPDX-License-Identifier: MIT
# The Docker engine the test command started answers /version with API 1.41.
set -eu
[ -n "${SCS_TEST_DOCKER_HOST:-}" ] || { echo "SCS_TEST_DOCKER_HOST is not set: run tests/run-all.sh" >&2; exit 1; }
curl -sf --max-time 5 --unix-socket "${SCS_TEST_DOCKER_HOST#unix://}" http://localhost/v1.41/version
