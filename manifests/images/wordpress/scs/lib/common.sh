# SPDX-FileCopyrightText: 2026 The scs authors
# SPDX-License-Identifier: MIT
#
# Helpers shared by the scripts of the WordPress image; sourced, never run.
# shellcheck shell=sh disable=SC2034 # variables for the scripts that source this

SCS_DB_HOST_FILE=/etc/wordpress/scs-db-host.php
SCS_FPM_PIDFILE=/run/php/php8.2-fpm.pid

log() { printf '%s scs-wordpress[%s]: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "${SCS_LOG_TAG:-sh}" "$*" >&2; }
die() {
    log "error: $*"
    exit 1
}

# php-fpm answers its ping through nginx: both are up.
fpm_ping() { [ "$(curl -fsS --max-time 4 http://127.0.0.1/scs-fpm-ping 2>/dev/null)" = pong ]; }

# Checks SCS_REQUIRE_MYSQL_HOST/PORT; sets db_host ("host:port", "[v6]:port", or empty).
require_endpoint() {
    _host=${SCS_REQUIRE_MYSQL_HOST:-}
    _port=${SCS_REQUIRE_MYSQL_PORT:-3306}
    case "$_host" in
        *[!A-Za-z0-9.:_-]*) die "SCS_REQUIRE_MYSQL_HOST: not a host name or address: '$_host'" ;;
    esac
    case "$_port" in
        '' | *[!0-9]*) die "SCS_REQUIRE_MYSQL_PORT: not a port number: '$_port'" ;;
    esac
    if [ "$_port" -lt 1 ] || [ "$_port" -gt 65535 ]; then
        die "SCS_REQUIRE_MYSQL_PORT: out of range: $_port"
    fi
    case "$_host" in
        '') db_host= ;;
        *:*) db_host="[$_host]:$_port" ;;
        *) db_host="$_host:$_port" ;;
    esac
}

# Writes scs-db-host.php for $1 atomically (a request never reads half a file).
# Returns 1 when the file already said so.
write_db_host() {
    _new="$SCS_DB_HOST_FILE.new"
    {
        printf '%s\n' '<?php'
        printf '%s\n' '// Written by the scs image scripts (start, liveupdate-wordpress); do not edit.'
        printf "define('DB_HOST', '%s');\n" "$1"
    } > "$_new"
    chmod 0644 "$_new"
    if cmp -s "$_new" "$SCS_DB_HOST_FILE"; then
        rm -f "$_new"
        return 1
    fi
    mv -f "$_new" "$SCS_DB_HOST_FILE"
}
