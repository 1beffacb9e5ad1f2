#!/bin/sh
# SPDX-FileCopyrightText: 2026 The scs authors
# SPDX-License-Identifier: MIT
#
# dockhost.sh — extra Docker "hosts" for tests: one dockerd per network namespace, all on
# a private LAN that lives in its own namespace (a switch), reachable from the root one.
#
#   dockhost.sh lan-up             switch netns $LAN_NS (bridge br0) + root leg $SUBNET_PREFIX.1/24
#   dockhost.sh up NAME IDX        netns NAME, eth0 = $SUBNET_PREFIX.IDX, dockerd on
#                                  $DOCKHOST_RUN/NAME/docker.sock; prints its DOCKER_HOST
#   dockhost.sh down NAME          stops that dockerd (SIGTERM, waits), deletes the netns
#   dockhost.sh lan-down
#
# Settings (pick values no other test uses; several tests may run at once):
#   SUBNET_PREFIX  the LAN's first three octets (default 10.231.0)
#   BIP_PREFIX     docker0 of host IDX is $BIP_PREFIX.(100+IDX).1/24 (default 10.231)
#   LAN_NS         the switch namespace (default lan231); its root leg is veth "vh-$LAN_NS"
#   DOCKHOST_RUN   sockets and pids (default /run/dockhost); DOCKHOST_DATA data roots
#                  (default /var/lib/dockhost, kept: images survive between runs)
#
# Why this shape (each reproduced): `ip netns exec NS dockerd` dies ("Devices cgroup isn't
# mounted") because it remounts /sys, so nsenter --net is used; a bridge in the root
# namespace would put host-to-host frames through the root FORWARD chain, which the main
# dockerd set to DROP; a second dockerd in the root namespace would fight the first over
# docker0 and iptables. Nothing here touches the root namespace but one veth and its address.
# Namespace hosts have no egress: build images on the main engine, carry them with save/load.
set -eu
P=${SUBNET_PREFIX:-10.231.0}
BIP=${BIP_PREFIX:-10.231}
LAN=${LAN_NS:-lan231}
RUN=${DOCKHOST_RUN:-/run/dockhost}
DATA=${DOCKHOST_DATA:-/var/lib/dockhost}
cmd=${1:?usage: dockhost.sh lan-up|up NAME IDX|down NAME|lan-down}
shift

ping_ok() { curl -sf --max-time 2 --unix-socket "$1" http://d/_ping >/dev/null 2>&1; }

case "$cmd" in
lan-up)
    # Idempotent: a leftover of an interrupted run is replaced.
    ip link del "vh-$LAN" 2>/dev/null || true
    ip netns del "$LAN" 2>/dev/null || true
    ip netns add "$LAN"
    ip -n "$LAN" link add br0 type bridge
    ip -n "$LAN" link set br0 up
    ip link add "vh-$LAN" type veth peer name p-root netns "$LAN"
    ip -n "$LAN" link set p-root master br0 up
    ip addr add "$P.1/24" dev "vh-$LAN"
    ip link set "vh-$LAN" up
    ;;
lan-down)
    ip link del "vh-$LAN" 2>/dev/null || true
    ip netns del "$LAN" 2>/dev/null || true
    ;;
up)
    name=${1:?name}
    idx=${2:?idx}
    run=$RUN/$name
    data=$DATA/$name
    "$0" down "$name" >/dev/null 2>&1 || true
    mkdir -p "$run" "$data"
    ip netns add "$name"
    ip -n "$LAN" link add "p-$name" type veth peer name eth0 netns "$name"
    ip -n "$LAN" link set "p-$name" master br0 up
    ip -n "$name" link set lo up
    ip -n "$name" addr add "$P.$idx/24" dev eth0
    ip -n "$name" link set eth0 up
    ip -n "$name" route add default via "$P.1"
    nsenter --net="/run/netns/$name" setsid dockerd \
        -H "unix://$run/docker.sock" \
        --data-root "$data" \
        --exec-root "$run/exec" \
        --pidfile "$run/dockerd.pid" \
        --bip "$BIP.$((100 + idx)).1/24" \
        --log-level warn \
        </dev/null >"$run/dockerd.log" 2>&1 &
    i=0
    while [ $i -lt 300 ]; do
        if ping_ok "$run/docker.sock"; then
            echo "unix://$run/docker.sock"
            exit 0
        fi
        sleep 0.1
        i=$((i + 1))
    done
    echo "$name: dockerd not ready after 30 s; the end of $run/dockerd.log:" >&2
    tail -20 "$run/dockerd.log" >&2
    exit 1
    ;;
down)
    name=${1:?name}
    run=$RUN/$name
    if [ -f "$run/dockerd.pid" ]; then
        pid=$(cat "$run/dockerd.pid")
        if kill -TERM "$pid" 2>/dev/null; then
            i=0
            while [ $i -lt 300 ] && kill -0 "$pid" 2>/dev/null; do
                sleep 0.1
                i=$((i + 1))
            done
        fi
        rm -f "$run/dockerd.pid"
    fi
    ip -n "$LAN" link del "p-$name" 2>/dev/null || true
    ip netns del "$name" 2>/dev/null || true
    ;;
*)
    echo "dockhost.sh: unknown command $cmd" >&2
    exit 2
    ;;
esac
