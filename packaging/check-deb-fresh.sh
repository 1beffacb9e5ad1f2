#!/bin/sh
# SPDX-FileCopyrightText: 2026 The scs authors
# SPDX-License-Identifier: MIT
#
# check-deb-fresh.sh BUILD_DIR OUT_DIR: the .deb on a fresh Debian 12. Builds the package
# with CPack, then, in a new container of the debootstrapped base image (scs/base:bookworm,
# which `scs image base` or the test suite makes; nothing else installed), installs it with
# apt — so only the package's own Depends bring Qt, QtKeychain and the rest from the Debian
# archive — and launches both binaries. The dashboard runs under Xvfb and saves its window
# to OUT_DIR/deb-fresh.png.
#
# Needs DOCKER_HOST (or the default socket) and a network path to the Debian archive from
# containers: a manual release check, not part of ctest (CI has no business downloading
# the Qt runtime on every run).
set -eu
build=$(cd "${1:?usage: check-deb-fresh.sh BUILD_DIR OUT_DIR}" && pwd)
mkdir -p "${2:?usage: check-deb-fresh.sh BUILD_DIR OUT_DIR}"
out=$(cd "$2" && pwd)
image=${SCS_BASE_IMAGE:-scs/base:bookworm}
work=$(mktemp -d /tmp/scs-debfresh.XXXXXX)
name=scs-debfresh-$$
cleanup() {
    docker rm -f "$name" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

(cd "$build" && cpack -G DEB -B "$work/pkg" >"$work/cpack.log" 2>&1) \
    || { cat "$work/cpack.log" >&2; exit 1; }
deb=$(ls "$work"/pkg/*.deb)
echo "package: $(basename "$deb")"
docker image inspect "$image" >/dev/null 2>&1 \
    || { echo "no $image on this engine: run 'scs image base' first" >&2; exit 1; }

docker run -d --name "$name" -v "$work/pkg:/pkg:ro" -v "$out:/out" "$image" sleep 3600 >/dev/null
# The base image has no X server: xvfb and xauth are the only extras, for the screenshot.
docker exec "$name" sh -c '
    set -eu
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends /pkg/*.deb xvfb xauth >/tmp/apt.log 2>&1 \
        || { tail -30 /tmp/apt.log; exit 1; }
    dpkg -s scs | grep -E "^(Status|Version|Depends):"
    scs version
    scs --help | head -5
    scs-dashboard --version
    HOME=/tmp/home xvfb-run -a -s "-screen 0 1280x800x24" \
        timeout 60 scs-dashboard --screenshot /out/deb-fresh.png
    test -s /out/deb-fresh.png
    echo "installed from the .deb and launched on a fresh Debian 12"
'
