#!/bin/sh
# SPDX-FileCopyrightText: 2026 The scs authors
# SPDX-License-Identifier: MIT
#
# tlsengine.sh — a Docker engine behind TLS for the tests: dockerd --tlsverify in a network
# namespace of its own, reached from the root namespace over one veth pair.
#
#   tlsengine.sh up DIR NAME PREFIX    netns NAME, veth "t-NAME" = PREFIX.1/30 here and
#                                      PREFIX.2/30 there; certificates in DIR/certs (a CA, a
#                                      server certificate for PREFIX.2, a client certificate,
#                                      and an unrelated "wrong" CA); dockerd listening on
#                                      tcp://PREFIX.2:2376 (TLS, client certificates required)
#                                      and unix://DIR/docker.sock. Prints the tcp address.
#   tlsengine.sh down DIR NAME         stops that dockerd (SIGTERM, waits), deletes the netns
#                                      and the veth; DIR stays for the caller to remove.
#
# The engine runs no containers (--bridge=none, no iptables in its namespace): the tests use
# it for the API over TLS and as the target of image transfers. dockerd is started with
# nsenter --net (ip netns exec remounts /sys, and dockerd then finds no devices cgroup);
# nothing here touches the root namespace but the veth and its address.
set -eu
cmd=${1:?usage: tlsengine.sh up DIR NAME PREFIX | down DIR NAME}
dir=${2:?dir}
name=${3:?name}
veth="t-$name"

ping_ok() { curl -sf --max-time 2 --unix-socket "$1" http://d/_ping >/dev/null 2>&1; }

certificates() {
    address=$1
    certs=$dir/certs
    mkdir -p "$certs"
    cd "$certs"
    key() { openssl ecparam -name prime256v1 -genkey -noout -out "$1" 2>/dev/null; }
    key ca-key.pem
    openssl req -x509 -new -key ca-key.pem -days 2 -subj "/CN=scs test CA" -out ca.pem
    key wrong-ca-key.pem
    openssl req -x509 -new -key wrong-ca-key.pem -days 2 -subj "/CN=scs wrong CA" -out wrong-ca.pem
    key server-key.pem
    openssl req -new -key server-key.pem -subj "/CN=$address" -out server.csr
    printf 'subjectAltName=IP:%s\nextendedKeyUsage=serverAuth\n' "$address" >server.ext
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 2 \
        -extfile server.ext -out server-cert.pem 2>/dev/null
    key key.pem
    openssl req -new -key key.pem -subj "/CN=scs test client" -out client.csr
    printf 'extendedKeyUsage=clientAuth\n' >client.ext
    openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 2 \
        -extfile client.ext -out cert.pem 2>/dev/null
    chmod 600 ./*key.pem
    cd - >/dev/null
}

case "$cmd" in
up)
    prefix=${4:?prefix}
    "$0" down "$dir" "$name" >/dev/null 2>&1 || true
    mkdir -p "$dir"
    certificates "$prefix.2"
    ip netns add "$name"
    ip link add "$veth" type veth peer name eth0 netns "$name"
    ip addr add "$prefix.1/30" dev "$veth"
    ip link set "$veth" up
    ip -n "$name" link set lo up
    ip -n "$name" addr add "$prefix.2/30" dev eth0
    ip -n "$name" link set eth0 up
    nsenter --net="/run/netns/$name" setsid dockerd \
        -H "unix://$dir/docker.sock" \
        -H "tcp://$prefix.2:2376" \
        --tlsverify \
        --tlscacert "$dir/certs/ca.pem" \
        --tlscert "$dir/certs/server-cert.pem" \
        --tlskey "$dir/certs/server-key.pem" \
        --data-root "$dir/data" \
        --exec-root "$dir/exec" \
        --pidfile "$dir/dockerd.pid" \
        --bridge=none --iptables=false --ip-masq=false \
        --log-level warn \
        </dev/null >"$dir/dockerd.log" 2>&1 &
    i=0
    while [ $i -lt 300 ]; do
        if ping_ok "$dir/docker.sock"; then
            echo "tcp://$prefix.2:2376"
            exit 0
        fi
        sleep 0.1
        i=$((i + 1))
    done
    echo "$name: dockerd not ready after 30 s; the end of $dir/dockerd.log:" >&2
    tail -20 "$dir/dockerd.log" >&2
    exit 1
    ;;
down)
    if [ -f "$dir/dockerd.pid" ]; then
        pid=$(cat "$dir/dockerd.pid")
        if kill -TERM "$pid" 2>/dev/null; then
            i=0
            while [ $i -lt 300 ] && kill -0 "$pid" 2>/dev/null; do
                sleep 0.1
                i=$((i + 1))
            done
        fi
        rm -f "$dir/dockerd.pid"
    fi
    ip link del "$veth" 2>/dev/null || true
    ip netns del "$name" 2>/dev/null || true
    ;;
*)
    echo "tlsengine.sh: unknown command $cmd" >&2
    exit 2
    ;;
esac
