#!/bin/sh
# SPDX-FileCopyrightText: 2026 The scs authors
# SPDX-License-Identifier: MIT
# The GUI-free check must catch a GUI include: copy core/, add one, expect a failure.
set -eu
core=${1:?usage: check-gui-free-selftest.sh CORE_DIR}
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for include in '#include <QWidget>' '#include <QtGui/QColor>' '#include <QtWidgets>' '#  include "QPainter"'; do
    rm -rf "$tmp/core"
    cp -r "$core" "$tmp/core"
    victim=$(find "$tmp/core" -name '*.cpp' | head -1)
    echo "$include" >>"$victim"
    if sh "$here/check-gui-free.sh" "$tmp/core" >/dev/null 2>&1; then
        echo "check-gui-free.sh missed: $include" >&2
        exit 1
    fi
done
sh "$here/check-gui-free.sh" "$core"
