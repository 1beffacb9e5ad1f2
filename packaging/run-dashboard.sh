#!/bin/sh
# SPDX-FileCopyrightText: 2026 The scs authors
# SPDX-License-Identifier: MIT
#
# README command 1: install what is missing, build, and open the dashboard on the
# example stack (manifests/stack.yaml on manifests/hosts.dev.yaml).
# Starts a Docker engine on /var/run/docker.sock if none answers there, and runs the
# window under Xvfb when there is no display. Extra arguments go to scs-dashboard.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${SCS_BUILD_DIR:-$root/build}

"$root/packaging/install-deps.sh" run
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$(nproc 2>/dev/null || echo 2)" --target scs scs-dashboard

if ! curl -sf --max-time 2 --unix-socket /var/run/docker.sock http://localhost/_ping >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then
        echo "starting dockerd on /var/run/docker.sock (log: /var/log/scs-dockerd.log)"
        setsid dockerd </dev/null >>/var/log/scs-dockerd.log 2>&1 &
        i=0
        until curl -sf --max-time 2 --unix-socket /var/run/docker.sock http://localhost/_ping >/dev/null 2>&1; do
            i=$((i + 1)); [ $i -lt 300 ] || { echo "dockerd did not start" >&2; break; }
            sleep 0.1
        done
    else
        echo "no Docker engine answers on /var/run/docker.sock; the dashboard shows the host as down" >&2
    fi
fi

set -- "$root/manifests/stack.yaml" --hosts "$root/manifests/hosts.dev.yaml" "$@"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "no display: running the dashboard under Xvfb (DISPLAY is chosen by xvfb-run)"
    exec xvfb-run -a -s "-screen 0 1600x1000x24 -nolisten tcp" "$build/bin/scs-dashboard" "$@"
fi
exec "$build/bin/scs-dashboard" "$@"
