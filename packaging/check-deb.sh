#!/bin/sh
# SPDX-FileCopyrightText: 2026 The scs authors
# SPDX-License-Identifier: MIT
#
# check-deb.sh BUILD_DIR: builds the .deb with CPack and checks it: control fields and
# dependencies, the files it installs, that dpkg accepts it on this Debian (dry run), and
# that the unpacked binaries run (--version, and the window opens offscreen).
set -eu
build=$1
out=$(mktemp -d /tmp/scs-deb.XXXXXX)
trap 'rm -rf "$out"' EXIT
(cd "$build" && cpack -G DEB -B "$out/pkg" >"$out/cpack.log" 2>&1) \
    || { cat "$out/cpack.log" >&2; exit 1; }
deb=$(ls "$out"/pkg/*.deb)
echo "package: $deb ($(wc -c <"$deb") bytes)"
dpkg-deb -I "$deb" >"$out/info"
cat "$out/info"
grep -q '^ Package: scs$' "$out/info"
grep -q '^ Depends: .*libqt6widgets6' "$out/info"
grep -q '^ Depends: .*libqt6keychain1' "$out/info"
# The SVG plugins (icons) are loaded at run time: shlibdeps cannot see them.
grep -q '^ Depends: .*libqt6svg6' "$out/info"
dpkg-deb -c "$deb" >"$out/contents"
for f in ./usr/bin/scs-dashboard ./usr/bin/scs ./usr/share/applications/org.example.scs.desktop \
         ./usr/share/metainfo/org.example.scs.metainfo.xml \
         ./usr/share/icons/hicolor/scalable/apps/org.example.scs.svg; do
    grep -q " $f\$" "$out/contents" || { echo "missing from the package: $f" >&2; exit 1; }
done
# dpkg would install it here: dependencies satisfied, no file conflicts.
dpkg --dry-run -i "$deb"
# The unpacked binaries start, and the window is drawn.
dpkg-deb -x "$deb" "$out/root"
"$out/root/usr/bin/scs" version
QT_QPA_PLATFORM=offscreen "$out/root/usr/bin/scs-dashboard" --version
HOME="$out/home" QT_QPA_PLATFORM=offscreen timeout 60 "$out/root/usr/bin/scs-dashboard" \
    --screenshot "$out/window.png" >/dev/null 2>&1
[ -s "$out/window.png" ] || { echo "the packaged dashboard drew no window" >&2; exit 1; }
appstreamcli validate --no-net "$out/root/usr/share/metainfo/org.example.scs.metainfo.xml"
echo "the .deb installs and launches"
