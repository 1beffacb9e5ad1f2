#!/bin/sh
# SPDX-FileCopyrightText: 2026 The scs authors
# SPDX-License-Identifier: MIT
#
# Build-time configuration of the MySQL (MariaDB) image. Runs once as root inside the image
# with image.config flattened into SCS_CONFIG_MYSQL_* (role, server_id, binlog).
set -eu

log() { printf 'scs configure mysql: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

is_true() {
    case "$1" in
        1 | true | TRUE | True | yes | on | ON) return 0 ;;
        0 | false | FALSE | False | no | off | OFF | '') return 1 ;;
        *) die "SCS_CONFIG_MYSQL_BINLOG: expected true or false, got '$1'" ;;
    esac
}

role=${SCS_CONFIG_MYSQL_ROLE:-master}
server_id=${SCS_CONFIG_MYSQL_SERVER_ID:-1}
binlog=${SCS_CONFIG_MYSQL_BINLOG:-true}

case "$role" in
    master | replica) ;;
    *) die "SCS_CONFIG_MYSQL_ROLE: expected 'master' or 'replica', got '$role'" ;;
esac
case "$server_id" in
    '' | *[!0-9]*) die "SCS_CONFIG_MYSQL_SERVER_ID: expected a positive integer, got '$server_id'" ;;
esac
if [ "$server_id" -lt 1 ] || [ "$server_id" -gt 4294967295 ]; then
    die "SCS_CONFIG_MYSQL_SERVER_ID: must be between 1 and 4294967295, got $server_id"
fi
if [ "$role" = master ] && ! is_true "$binlog"; then
    log "warning: a master without binary log cannot be replicated from"
fi

log "role=$role server_id=$server_id binlog=$binlog"

export DEBIAN_FRONTEND=noninteractive
# the build is one throw-away layer: dpkg need not fsync every file it unpacks (much faster on
# overlayfs); removed again before the layer is committed
unsafe=/etc/dpkg/dpkg.cfg.d/90scs-build-unsafe-io
echo force-unsafe-io > "$unsafe"
apt-get update
# debootstrap installs no security updates; take them in every derived image
apt-get -y -o Dpkg::Options::=--force-confold upgrade
apt-get -y install mariadb-server mariadb-client
rm -rf /var/lib/apt/lists/*
rm -f "$unsafe"

conf=/etc/mysql/mariadb.conf.d/90-scs.cnf
{
    echo "# Written by /scs/configure.sh at image build time (role $role)."
    echo "[mariadbd]"
    echo "server_id = $server_id"
    echo "bind_address = 0.0.0.0"
    echo "skip_name_resolve = ON"
    # Small log files: a stop-first move copies every file that changed since its pre-copy
    # once the server has stopped, and the redo log (96 MB by default) and the current
    # binary log change with every write. A 16 MB redo log also keeps the dirty pages that
    # a stop must flush small. Costs some write throughput, which this stack can spare.
    echo "innodb_log_file_size = 16M"
    if is_true "$binlog"; then
        echo "log_bin = mysql-bin"
        echo "binlog_format = ROW"
        echo "max_binlog_size = 16M"
        # a replica that logs what it applies can be promoted to master
        echo "log_slave_updates = ON"
    fi
    if [ "$role" = replica ]; then
        echo "read_only = ON"
        echo "relay_log = relay-bin"
        # notice a master that vanished quickly (heartbeats every 5 s)
        echo "slave_net_timeout = 10"
    fi
} > "$conf"
chmod 0644 "$conf"

install -d -m 0755 /scs/bin
echo "$role" > /scs/role
chmod 0755 /scs/bin/*
log "done"
