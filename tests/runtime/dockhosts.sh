#!/bin/bash
# SPDX-FileCopyrightText: 2026 The scs authors
# SPDX-License-Identifier: MIT
#
# dockhosts.sh: the e2e fixture of the stack tests (a superset of tests/tools/dockhost.sh:
# setup/teardown for ctest, stop/start of one host, a private mount namespace per host).
# Extra Docker "hosts" for end-to-end tests, each a dockerd in its own network
# namespace (and its own mount namespace), all on one private LAN reachable from the root
# namespace. Never touches the root namespace's docker0 or iptables.
#
#   dockhost.sh setup               # LAN + hosts scs-h1..scs-h3 (idempotent; ctest fixture)
#   dockhost.sh teardown            # stops the hosts, deletes the namespaces (ctest fixture)
#   dockhost.sh up NAME IDX | down NAME | start NAME | stop NAME | lan-up | lan-down
#   dockhost.sh sock NAME           # prints unix:///run/dockhost/NAME/docker.sock
#
# The LAN is $SCS_DOCKHOST_PREFIX.0/24 (default 10.233.0): the root namespace is .1 and host
# IDX is .IDX (scs-h1 = .11, scs-h2 = .12, scs-h3 = .13); host IDX's docker0 is
# 10.233.(100+IDX).1/24. The switch bridge lives in its own namespace: a bridge in the root
# namespace would see its frames dropped by the main dockerd's FORWARD policy.
#
# Every host sees its own private copy of $SCS_DOCKHOST_PRIVATE (default
# /var/tmp/scs-e2e/private): a bind mount in the daemon's mount namespace, so that a `local`
# volume under it is really host-local, as on separate machines.
#
# `stop NAME` kills a host's dockerd but keeps its namespace and data; `start NAME` brings
# it back (tests that simulate a dying host).
set -euo pipefail
P=${SCS_DOCKHOST_PREFIX:-10.233.0}
BIP=${SCS_DOCKHOST_BIP:-10.233}
LAN=${SCS_DOCKHOST_LAN:-scslan}
PRIVATE=${SCS_DOCKHOST_PRIVATE:-/var/tmp/scs-e2e/private}
HOSTS=${SCS_DOCKHOST_NAMES:-"scs-h1:11 scs-h2:12 scs-h3:13"}
cmd=${1:?usage: setup|teardown|up NAME IDX|down NAME|start NAME|stop NAME|lan-up|lan-down|sock NAME}
shift

ping_ok() { curl -sf --max-time 2 --unix-socket "/run/dockhost/$1/docker.sock" http://d/_ping >/dev/null 2>&1; }

lan_up() {
    ip netns list | grep -qw "$LAN" && return 0
    ip netns add "$LAN"
    ip -n "$LAN" link add br0 type bridge
    ip -n "$LAN" link set br0 up
    ip link add "vh-$LAN" type veth peer name p-root netns "$LAN"
    ip -n "$LAN" link set p-root master br0 up
    ip addr add "$P.1/24" dev "vh-$LAN"
    ip link set "vh-$LAN" up
}

lan_down() {
    ip link del "vh-$LAN" 2>/dev/null || true
    ip netns del "$LAN" 2>/dev/null || true
}

start_daemon() {
    local name=$1 idx=$2
    local run=/run/dockhost/$name data=/var/lib/dockhost/$name
    mkdir -p "$run" "$data/docker" "$data/private" "$PRIVATE"
    echo "$idx" >"$run/idx"
    # nsenter --net, not "ip netns exec" (that remounts /sys and dockerd then dies with
    # "Devices cgroup isn't mounted"); unshare --mount gives the daemon its own view of
    # $PRIVATE.
    setsid nsenter --net="/run/netns/$name" unshare --mount --propagation private \
        sh -c 'mount --bind "$1" "$2" && exec dockerd -H "unix://$3/docker.sock" \
            --data-root "$4/docker" --exec-root "$3/exec" --pidfile "$3/dockerd.pid" \
            --bip "$5" --log-level warn' \
        sh "$data/private" "$PRIVATE" "$run" "$data" "$BIP.$((100 + idx)).1/24" \
        </dev/null >>"$run/dockerd.log" 2>&1 &
    for _ in $(seq 1 300); do
        if ping_ok "$name"; then
            return 0
        fi
        sleep 0.1
    done
    echo "$name: dockerd not ready after 30 s; see $run/dockerd.log" >&2
    tail -5 "$run/dockerd.log" >&2
    return 1
}

stop_daemon() {
    local run=/run/dockhost/$1
    [ -f "$run/dockerd.pid" ] || return 0
    local pid
    pid=$(cat "$run/dockerd.pid")
    kill -TERM "$pid" 2>/dev/null || return 0
    for _ in $(seq 1 300); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
}

host_up() {
    local name=$1 idx=$2
    if ! ip netns list | grep -qw "$name"; then
        ip netns add "$name"
        ip -n "$LAN" link add "p-$name" type veth peer name eth0 netns "$name"
        ip -n "$LAN" link set "p-$name" master br0 up
        ip -n "$name" link set lo up
        ip -n "$name" addr add "$P.$idx/24" dev eth0
        ip -n "$name" link set eth0 up
        ip -n "$name" route add default via "$P.1"
    fi
    ping_ok "$name" || start_daemon "$name" "$idx"
}

host_down() {
    stop_daemon "$1"
    ip -n "$LAN" link del "p-$1" 2>/dev/null || true
    ip netns del "$1" 2>/dev/null || true
}

case "$cmd" in
setup)
    lan_up
    for h in $HOSTS; do
        host_up "${h%%:*}" "${h##*:}"
    done
    echo "dockhosts ready: $HOSTS on $P.0/24"
    ;;
teardown)
    for h in $HOSTS; do
        host_down "${h%%:*}"
    done
    lan_down
    ;;
lan-up) lan_up ;;
lan-down) lan_down ;;
up) host_up "${1:?name}" "${2:?idx}" ;;
down) host_down "${1:?name}" ;;
stop) stop_daemon "${1:?name}" ;;
start)
    name=${1:?name}
    ping_ok "$name" || start_daemon "$name" "$(cat "/run/dockhost/$name/idx")"
    ;;
sock) echo "unix:///run/dockhost/${1:?name}/docker.sock" ;;
*)
    echo "unknown command $cmd" >&2
    exit 2
    ;;
esac
