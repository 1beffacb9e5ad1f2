#!/bin/sh
# SPDX-FileCopyrightText: 2026 The scs authors
# SPDX-License-Identifier: MIT
#
# install-deps.sh build|run|test — installs the Debian 12 packages scs needs.
# Idempotent: runs `apt-get update` and `apt-get install` only when a package is missing.
set -eu
profile=${1:-build}

build="g++ cmake ninja-build pkg-config git ca-certificates ccache
       qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
       libyaml-cpp-dev qtkeychain-qt6-dev libcurl4-openssl-dev"
# The dashboard needs a Docker engine to run the example stack, and a display.
run="$build docker.io xvfb xauth curl debootstrap iproute2 procps"
# Everything the test suite starts or checks against: a private dockerd, several
# dockerd "hosts" in network namespaces, a Secret Service for QtKeychain, and the real
# consumers of our outputs (docker-compose, dig, the Kubernetes models, appstreamcli).
test="$run dbus dbus-x11 gnome-keyring libsecret-1-0 dnsutils docker-compose
      etcd-server etcd-client python3 python3-kubernetes python3-yaml
      clang libclang-rt-14-dev appstream imagemagick bc util-linux
      mariadb-client shellcheck busybox-static openssl file dpkg-dev"

case "$profile" in
build) pkgs=$build ;;
run) pkgs=$run ;;
test) pkgs=$test ;;
*) echo "usage: install-deps.sh build|run|test" >&2; exit 2 ;;
esac

missing=""
for p in $pkgs; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
if [ -z "$missing" ]; then
    echo "install-deps: all $profile packages present"
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing packages:$missing (run as root to install them)" >&2
    exit 1
fi
echo "install-deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086 # word splitting of the package list is intended
apt-get install -y -qq --no-install-recommends $missing
