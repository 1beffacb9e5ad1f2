# SPDX-FileCopyrightText: 2026 The scs authors
# SPDX-License-Identifier: MIT
#
# Helpers shared by the scripts of the MySQL image; sourced, never run.
# shellcheck shell=sh

SCS_MYSQL_SOCKET=/run/mysqld/mysqld.sock

log() { printf '%s scs-mysql[%s]: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "${SCS_LOG_TAG:-sh}" "$*" >&2; }
die() {
    log "error: $*"
    exit 1
}

# A child process that runs (kill -0 also succeeds for a zombie that is not reaped yet).
alive() { [ -r "/proc/$1/status" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null; }

# The role the image was built for (written by configure.sh).
scs_role() { cat /scs/role 2>/dev/null || echo master; }

# A value as the body of a single-quoted SQL string literal.
sql_string() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e "s/'/''/g"; }

# A value as the body of a back-quoted SQL identifier.
# shellcheck disable=SC2016 # the back quote is literal
sql_ident() { printf '%s' "$1" | sed -e 's/`/``/g'; }

# Runs SQL from stdin as root over the unix socket (root has no password, only the socket).
sql_root() { mariadb --protocol=socket --socket="$SCS_MYSQL_SOCKET" -uroot --batch --skip-column-names "$@"; }

# The server answers on its socket.
ping_server() {
    mariadb-admin --protocol=socket --socket="$SCS_MYSQL_SOCKET" -uroot --connect-timeout=2 \
        ping >/dev/null 2>&1
}

# Checks SCS_REQUIRE_MYSQL_HOST/PORT; sets master_host, master_port.
require_endpoint() {
    master_host=${SCS_REQUIRE_MYSQL_HOST:-}
    master_port=${SCS_REQUIRE_MYSQL_PORT:-3306}
    case "$master_host" in
        *[!A-Za-z0-9.:_-]*) die "SCS_REQUIRE_MYSQL_HOST: not a host name or address: '$master_host'" ;;
    esac
    case "$master_port" in
        '' | *[!0-9]*) die "SCS_REQUIRE_MYSQL_PORT: not a port number: '$master_port'" ;;
    esac
    if [ "$master_port" -lt 1 ] || [ "$master_port" -gt 65535 ]; then
        die "SCS_REQUIRE_MYSQL_PORT: out of range: $master_port"
    fi
}
