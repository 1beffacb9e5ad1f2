#!/bin/sh
# SPDX-FileCopyrightText: 2026 The scs authors
# SPDX-License-Identifier: MIT
# dashboard-opens.sh DASHBOARD OUT.png STACK: the window opens, is drawn, and the app exits 0.
set -eu
dashboard=$1; out=$2; stack=$3
rm -f "$out"
timeout 60 "$dashboard" "$stack" --screenshot "$out"
[ -s "$out" ] || { echo "no screenshot written to $out" >&2; exit 1; }
size=$(wc -c <"$out")
[ "$size" -gt 5000 ] || { echo "screenshot is suspiciously small ($size bytes)" >&2; exit 1; }
echo "window drawn: $out ($size bytes)"
