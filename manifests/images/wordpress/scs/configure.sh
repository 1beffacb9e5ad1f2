#!/bin/sh
# SPDX-FileCopyrightText: 2026 The scs authors
# SPDX-License-Identifier: MIT
#
# Build-time configuration of the WordPress image: Debian's wordpress behind nginx and
# php-fpm 8.2, no Apache. Runs once as root inside the image.
set -eu

log() { printf 'scs configure wordpress: %s\n' "$*" >&2; }

export DEBIAN_FRONTEND=noninteractive
# the build is one throw-away layer: dpkg need not fsync every file it unpacks (much faster on
# overlayfs); removed again before the layer is committed
unsafe=/etc/dpkg/dpkg.cfg.d/90scs-build-unsafe-io
echo force-unsafe-io > "$unsafe"
apt-get update
# debootstrap installs no security updates; take them in every derived image
apt-get -y -o Dpkg::Options::=--force-confold upgrade
# the trailing '-' keeps Apache out (wordpress depends on "libapache2-mod-php | php")
apt-get -y install nginx php8.2-fpm php8.2-mysql wordpress wordpress-theme-twentytwentythree \
    curl libapache2-mod-php8.2-
rm -rf /var/lib/apt/lists/*
rm -f "$unsafe"

log "nginx: the WordPress site, logs to stdout/stderr"
rm -f /etc/nginx/sites-enabled/*
install -m 0644 /scs/files/nginx-site.conf /etc/nginx/sites-available/wordpress
ln -s ../sites-available/wordpress /etc/nginx/sites-enabled/wordpress
ln -sf /dev/stdout /var/log/nginx/access.log
ln -sf /dev/stderr /var/log/nginx/error.log

log "php-fpm: foreground, environment kept, ping for the health check"
install -m 0644 /scs/files/php-fpm.conf /etc/php/8.2/fpm/php-fpm.conf
install -m 0644 /scs/files/fpm-pool.conf /etc/php/8.2/fpm/pool.d/www.conf

log "wordpress: database settings from the environment and scs-db-host.php"
install -m 0644 /scs/files/config-default.php /etc/wordpress/config-default.php
install -d -o www-data -g www-data -m 0755 /var/lib/wordpress/wp-content/uploads

nginx -t
php-fpm8.2 -t
chmod 0755 /scs/bin/*
log "done"
