#!/bin/sh
# SPDX-FileCopyrightText: 2026 The scs authors
# SPDX-License-Identifier: MIT
#
# README command 2: install what is missing, build, start what the tests need (a private
# dockerd, a D-Bus session with an unlocked Secret Service, the offscreen Qt platform),
# run the whole suite with ctest, stop what was started, and exit non-zero on any failure.
#
#   SCS_BUILD_DIR  build folder (default: <source>/build)
#   SCS_SANITIZE=1 build with ASan + UBSan (in <source>/build-sanitize unless SCS_BUILD_DIR is set)
#   CTEST_ARGS     extra ctest arguments, e.g. "-L unit" or "-R disco"
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
sanitize=${SCS_SANITIZE:-0}
if [ "$sanitize" = 1 ]; then
    build=${SCS_BUILD_DIR:-$root/build-sanitize}
    sanitize_flag=ON
else
    build=${SCS_BUILD_DIR:-$root/build}
    sanitize_flag=OFF
fi
jobs=$(nproc 2>/dev/null || echo 2)

"$root/packaging/install-deps.sh" test

mkdir -p "$build"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DSCS_SANITIZE=$sanitize_flag >"$build/configure.log" 2>&1 \
    || { cat "$build/configure.log" >&2; exit 1; }
cmake --build "$build" -j"$jobs"

# A short state folder: unix socket paths are limited to 108 bytes.
state=$(mktemp -d /tmp/scs-test.XXXXXX)
cleanup() {
    status=$?
    "$root/tests/tools/dockerd.sh" stop "$state/dockerd" || true
    rm -rf "$state"
    exit $status
}
trap cleanup EXIT INT TERM

# An engine the caller already provides (SCS_TEST_DOCKER_HOST answering) is used as is:
# a second dockerd in the same network namespace would fight the first over docker0
# and iptables.
given=${SCS_TEST_DOCKER_HOST:-}
if [ -n "$given" ] && curl -sf --max-time 2 --unix-socket "${given#unix://}" \
        http://localhost/_ping >/dev/null 2>&1; then
    echo "using the Docker engine the caller provides"
elif [ -S /var/run/docker.sock ] && curl -sf --max-time 2 --unix-socket /var/run/docker.sock \
        http://localhost/_ping >/dev/null 2>&1; then
    # Same reason: share the machine's engine rather than start a rival one beside it.
    SCS_TEST_DOCKER_HOST=unix:///var/run/docker.sock
else
    SCS_TEST_DOCKER_HOST=$("$root/tests/tools/dockerd.sh" start "$state/dockerd")
fi
export SCS_TEST_DOCKER_HOST
export SCS_TEST_STATE_DIR="$state"
export QT_QPA_PLATFORM=offscreen
export HOME="$state/home"
mkdir -p "$HOME"
echo "tests use the Docker engine at $SCS_TEST_DOCKER_HOST"

# The keychain tests need a real Secret Service: gnome-keyring in a private D-Bus session.
# shellcheck disable=SC2016 # expanded by the inner shell
dbus-run-session -- sh -c '
    printf scs-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
    ctest --test-dir "$0" --output-on-failure --timeout 900 -j2 $1
' "$build" "${CTEST_ARGS:-}"
