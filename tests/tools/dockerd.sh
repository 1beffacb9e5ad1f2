#!/bin/sh
# SPDX-FileCopyrightText: 2026 The scs authors
# SPDX-License-Identifier: MIT
#
# dockerd.sh start|stop STATE_DIR — a private Docker engine for the tests, without systemd.
#   start: reuses a daemon already answering on STATE_DIR/docker.sock, otherwise starts one with
#          its own socket, exec-root, pidfile (under STATE_DIR) and data-root
#          (SCS_TEST_DOCKER_DATA, default /var/tmp/scs-test-docker, kept between runs so the
#          image cache survives a clean build folder). Prints the DOCKER_HOST to use.
#   stop:  stops the daemon only if this script started it (STATE_DIR/started-by-us).
set -eu
cmd=${1:?usage: dockerd.sh start|stop STATE_DIR}
state=${2:?usage: dockerd.sh start|stop STATE_DIR}
sock=$state/docker.sock
pidfile=$state/dockerd.pid
data=${SCS_TEST_DOCKER_DATA:-/var/tmp/scs-test-docker}
log=$state/dockerd.log

ping_ok() { curl -sf --max-time 2 --unix-socket "$sock" http://localhost/_ping >/dev/null 2>&1; }

case "$cmd" in
start)
    mkdir -p "$state" "$data"
    if ping_ok; then
        echo "unix://$sock"
        exit 0
    fi
    rm -f "$state/started-by-us"
    # setsid: its own session, so the caller's job control and signals do not reach it.
    setsid dockerd -H "unix://$sock" --data-root "$data" --exec-root "$state/exec" \
        --pidfile "$pidfile" --log-level warn </dev/null >>"$log" 2>&1 &
    pid=$!
    i=0
    while [ $i -lt 600 ]; do
        if ping_ok; then
            touch "$state/started-by-us"
            echo "unix://$sock"
            exit 0
        fi
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "dockerd exited; the end of $log:" >&2
            tail -20 "$log" >&2
            exit 1
        fi
        sleep 0.1
        i=$((i + 1))
    done
    echo "dockerd not ready after 60 s; see $log" >&2
    exit 1
    ;;
stop)
    [ -f "$state/started-by-us" ] || exit 0
    [ -f "$pidfile" ] || exit 0
    pid=$(cat "$pidfile")
    kill -TERM "$pid" 2>/dev/null || exit 0
    i=0
    while [ $i -lt 400 ]; do
        kill -0 "$pid" 2>/dev/null || { rm -f "$state/started-by-us"; exit 0; }
        sleep 0.1
        i=$((i + 1))
    done
    echo "dockerd $pid still running after 40 s" >&2
    exit 1
    ;;
*)
    echo "usage: dockerd.sh start|stop STATE_DIR" >&2
    exit 2
    ;;
esac
