#!/bin/bash
# SPDX-FileCopyrightText: 2026 The scs authors
# SPDX-License-Identifier: MIT
#
# dockhosts.sh: extra Docker "hosts" for tests, each a dockerd in its own network namespace
# (and its own mount namespace), all on one private LAN that lives in its own namespace (a
# switch) and is reachable from the root namespace. The ctest fixture of the stack e2e test
# (setup/teardown) and the tool of every other multi-host test.
#
#   dockhosts.sh setup              LAN + the hosts of $SCS_DOCKHOST_NAMES (idempotent); the
#                                   hosts' private folders are emptied (fresh test data)
#   dockhosts.sh teardown           stops those hosts, deletes their namespaces and the LAN
#   dockhosts.sh lan-up | lan-down  the LAN alone
#   dockhosts.sh up NAME IDX        one host at $PREFIX.IDX; prints its DOCKER_HOST
#   dockhosts.sh down NAME          stops its dockerd, deletes its namespace (data kept)
#   dockhosts.sh stop NAME          kills its dockerd, keeps namespace and data (a dying host)
#   dockhosts.sh start NAME         brings a stopped host back
#   dockhosts.sh sock NAME          prints unix://$RUN/NAME/docker.sock
#
# Settings (another user of this script at the same time must pick other values for all
# of the first four, and other host names):
#   SCS_DOCKHOST_PREFIX   the LAN's first three octets (default 10.233.0): the root
#                         namespace is .1, host IDX is .IDX
#   SCS_DOCKHOST_BIP      host IDX's docker0 is $BIP.(100+IDX).1/24 (default 10.233)
#   SCS_DOCKHOST_LAN      the switch namespace (default scslan); its root leg is "vh-$LAN"
#   SCS_DOCKHOST_NAMES    the hosts of setup/teardown (default "scs-h1:11 scs-h2:12 scs-h3:13")
#   SCS_DOCKHOST_PRIVATE  the folder each host sees privately (default /var/tmp/scs-e2e/private)
#   SCS_DOCKHOST_RUN      sockets, pids, logs (default /run/dockhost)
#   SCS_DOCKHOST_DATA     data roots (default /var/lib/dockhost; kept between runs, so images
#                         carried to a host stay cached)
#
# Every host sees its own private copy of $SCS_DOCKHOST_PRIVATE ($DATA/NAME/private bind-
# mounted there in the daemon's mount namespace), so a `local` volume under it is really
# host-local, as on separate machines.
#
# Why this shape (each reproduced): `ip netns exec NS dockerd` dies ("Devices cgroup isn't
# mounted") because it remounts /sys, so nsenter --net is used; a bridge in the root
# namespace would put host-to-host frames through the root FORWARD chain, which the main
# dockerd set to DROP; a second dockerd in the root namespace would fight the first over
# docker0 and iptables. Nothing here touches the root namespace but one veth and its address.
# Namespace hosts have no egress: build images on the main engine, carry them with save/load.
set -euo pipefail
P=${SCS_DOCKHOST_PREFIX:-10.233.0}
BIP=${SCS_DOCKHOST_BIP:-10.233}
LAN=${SCS_DOCKHOST_LAN:-scslan}
PRIVATE=${SCS_DOCKHOST_PRIVATE:-/var/tmp/scs-e2e/private}
HOSTS=${SCS_DOCKHOST_NAMES:-"scs-h1:11 scs-h2:12 scs-h3:13"}
RUN=${SCS_DOCKHOST_RUN:-/run/dockhost}
DATA=${SCS_DOCKHOST_DATA:-/var/lib/dockhost}
cmd=${1:?usage: setup|teardown|lan-up|lan-down|up NAME IDX|down NAME|start NAME|stop NAME|sock NAME}
shift

ping_ok() {
    curl -sf --max-time 2 --unix-socket "$RUN/$1/docker.sock" http://d/_ping >/dev/null 2>&1
}

lan_up() {
    if ip netns list | grep -qw "$LAN"; then
        # A leftover without its root leg (an interrupted run) is replaced.
        ip link show "vh-$LAN" >/dev/null 2>&1 && return 0
        ip netns del "$LAN"
    fi
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
    local run=$RUN/$name data=$DATA/$name
    mkdir -p "$run" "$data/docker" "$data/private" "$PRIVATE"
    echo "$idx" >"$run/idx"
    # A dockerd killed with SIGKILL (a dying host) stays a zombie until init reaps it, which
    # here takes a few seconds, and its containerd goes down meanwhile; started before both
    # are gone, dockerd refuses ("pid file found") or times out waiting for containerd. Wait
    # (at most 20 s) until neither of the old processes exists.
    local pidfile
    for pidfile in "$run/dockerd.pid" "$run/exec/containerd/containerd.pid"; do
        [ -f "$pidfile" ] || continue
        local old
        old=$(cat "$pidfile")
        for _ in $(seq 1 200); do
            [ -n "$old" ] && [ -e "/proc/$old" ] || break
            sleep 0.1
        done
    done
    # nsenter --net, not "ip netns exec" (see above); unshare --mount gives the daemon its
    # own view of $PRIVATE. The daemon outlives this script, so it must not keep any
    # descriptor it inherited: a caller's `flock /tmp/scs-e2e.lock` would stay locked for
    # as long as the daemon runs (seen: every later e2e run waited forever).
    (
        for fd in /proc/"$BASHPID"/fd/*; do
            fd=${fd##*/}
            if [ "$fd" -gt 2 ]; then
                eval "exec $fd>&-"
            fi
        done
        exec setsid nsenter --net="/run/netns/$name" unshare --mount --propagation private \
            sh -c 'mount --bind "$1" "$2" && exec dockerd -H "unix://$3/docker.sock" \
                --data-root "$4/docker" --exec-root "$3/exec" --pidfile "$3/dockerd.pid" \
                --bip "$5" --log-level warn' \
            sh "$data/private" "$PRIVATE" "$run" "$data" "$BIP.$((100 + idx)).1/24"
    ) </dev/null >>"$run/dockerd.log" 2>&1 &
    for _ in $(seq 1 300); do
        if ping_ok "$name"; then
            return 0
        fi
        sleep 0.1
    done
    echo "$name: dockerd not ready after 30 s; the end of $run/dockerd.log:" >&2
    tail -20 "$run/dockerd.log" >&2
    return 1
}

stop_daemon() {
    local run=$RUN/$1 signal=${2:-TERM}
    [ -f "$run/dockerd.pid" ] || return 0
    local pid
    pid=$(cat "$run/dockerd.pid")
    kill "-$signal" "$pid" 2>/dev/null || return 0
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

# Removes the test data a host keeps privately and the containers a test left on it.
host_clean() {
    local name=$1
    local sock=$RUN/$name/docker.sock ids
    ids=$(curl -sf --max-time 10 --unix-socket "$sock" "http://d/containers/json?all=1" \
        | grep -o '"Id":"[0-9a-f]*"' | cut -d'"' -f4 || true)
    for id in $ids; do
        curl -sf --max-time 30 -X DELETE --unix-socket "$sock" \
            "http://d/containers/$id?force=1&v=1" >/dev/null || true
    done
    find "$DATA/$name/private" -mindepth 1 -delete 2>/dev/null || true
}

case "$cmd" in
setup)
    lan_up
    for h in $HOSTS; do
        host_up "${h%%:*}" "${h##*:}"
        host_clean "${h%%:*}"
    done
    echo "dockhosts ready: $HOSTS on $P.0/24"
    ;;
teardown)
    for h in $HOSTS; do
        ping_ok "${h%%:*}" && host_clean "${h%%:*}"
        host_down "${h%%:*}"
    done
    lan_down
    ;;
lan-up) lan_up ;;
lan-down) lan_down ;;
up)
    name=${1:?name}
    host_up "$name" "${2:?idx}"
    echo "unix://$RUN/$name/docker.sock"
    ;;
down) host_down "${1:?name}" ;;
stop) stop_daemon "${1:?name}" ;;
start)
    name=${1:?name}
    ping_ok "$name" || start_daemon "$name" "$(cat "$RUN/$name/idx")"
    ;;
sock) echo "unix://$RUN/${1:?name}/docker.sock" ;;
*)
    echo "dockhosts.sh: unknown command $cmd" >&2
    exit 2
    ;;
esac
