#!/bin/sh
# SPDX-FileCopyrightText: 2026 The scs authors
# SPDX-License-Identifier: MIT
#
# Times a full build of the example stack's images from nothing, the way a user makes them:
# `scs image base` (debootstrap → import) and then `scs build manifests/stack.yaml`.
#
#   docker_fullbuild.sh SCS_BINARY ENGINE_ADDRESS
#
# "From nothing" without disturbing an engine others share: the base is made under a
# private tag, and the role images are built from a copy of manifests/ whose image manifests
# name that base. The fresh base has a new image id, so the engine's layer cache cannot
# serve any step, and the copies have new content hashes, so no existing tag is touched.
# Everything the run made is removed at the end. Needs the docker CLI for the clean-up.
set -eu
scs=${1:?usage: docker_fullbuild.sh SCS_BINARY ENGINE_ADDRESS}
engine=${2:?usage: docker_fullbuild.sh SCS_BINARY ENGINE_ADDRESS}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/scs-fullbuild.XXXXXX)
base="scsdk-fullbuild-$$/base:bookworm"
log="$work/build.log"

cleanup() {
    status=$?
    # The role images this run built, then the private base.
    sed -n 's/^\(scs\/[^:]*:[0-9a-f]\{12\}\): built .*/\1/p' "$log" 2>/dev/null |
        while read -r tag; do
            docker -H "$engine" rmi "$tag" >/dev/null 2>&1 || true
        done
    docker -H "$engine" rmi "$base" >/dev/null 2>&1 || true
    rm -rf "$work"
    exit $status
}
trap cleanup EXIT INT TERM

cp -r "$root/manifests" "$work/"
for manifest in "$work"/manifests/images/*/scs.yaml; do
    sed -i "s|from: scs/base:bookworm|from: $base|" "$manifest"
done

now() { date +%s.%N; }
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
t0=$(now)
"$scs" image base --force --docker "$engine" --tag "$base" | tee "$work/base.log"
t1=$(now)
"$scs" build "$work/manifests/stack.yaml" --docker "$engine" | tee "$log"
t2=$(now)
"$scs" build "$work/manifests/stack.yaml" --docker "$engine" | tee "$work/again.log"
t3=$(now)
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" 'BEGIN {
    printf "full build from nothing: base %.1f s + role images %.1f s = %.1f s; second run %.1f s\n",
        b - a, c - b, c - a, d - c }'
grep -q "Nothing to build" "$work/again.log"
