#!/bin/sh
# SPDX-FileCopyrightText: 2026 The scs authors
# SPDX-License-Identifier: MIT
#
# lint-scripts.sh SOURCE_DIR — the shell scripts of the role images (manifests/images/*/scs)
# parse with their own shell, pass shellcheck, carry the SPDX header, and the ones the
# images run are executable.
set -eu
root=${1:?usage: lint-scripts.sh SOURCE_DIR}
command -v shellcheck >/dev/null || { echo "shellcheck is missing (packaging/install-deps.sh test)" >&2; exit 1; }
status=0
count=0
fail() { echo "FAIL $*" >&2; status=1; }
for dir in "$root"/manifests/images/*/scs; do
    for f in $(find "$dir" -type f | sort); do
        first=$(head -n 1 "$f")
        case "$first" in
            '#!/bin/sh') shell='sh' ;;
            '#!/bin/bash') shell='bash' ;;
            *)
                if ! grep -q '^# shellcheck shell=sh' "$f"; then
                    continue
                fi
                shell='sh'
                ;;
        esac
        count=$((count + 1))
        "$shell" -n "$f" || fail "$f: $shell -n"
        shellcheck -x "$f" || fail "$f: shellcheck"
        grep -q '^# SPDX-License-Identifier: MIT' "$f" || fail "$f: no SPDX header"
        case "$f" in
            */scs/configure.sh | */scs/bin/*) [ -x "$f" ] || fail "$f: not executable" ;;
        esac
    done
done
[ "$count" -gt 0 ] || fail "no scripts found under $root/manifests/images"
echo "$count scripts checked"
exit $status
