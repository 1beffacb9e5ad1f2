#!/bin/sh
# SPDX-FileCopyrightText: 2026 The scs authors
# SPDX-License-Identifier: MIT
# Fails when a file under the given folder includes a QtWidgets or QtGui header.
set -eu
dir=${1:?usage: check-gui-free.sh CORE_DIR}
[ -d "$dir" ] || { echo "no such folder: $dir" >&2; exit 2; }
pattern='^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](QtWidgets|QtGui|QtSvg|QtSvgWidgets)(/|>|")|^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]Q(Widget|Application|GuiApplication|MainWindow|Dialog|Graphics[A-Za-z]*|Icon|Color|Pixmap|Painter|Image|Font|Palette|Brush|Pen|Action|Menu|Label|PushButton|Window|Screen|Clipboard)[>"]'
hits=$(grep -rnE --include='*.h' --include='*.cpp' --include='*.hpp' "$pattern" "$dir" || true)
if [ -n "$hits" ]; then
    echo "core/ must not include QtWidgets or QtGui headers:" >&2
    echo "$hits" >&2
    exit 1
fi
echo "core is GUI-free ($(find "$dir" -name '*.h' -o -name '*.cpp' | wc -l) files checked)"
