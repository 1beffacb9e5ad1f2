<?php
// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
//
// Debian's wp-config.php loads this file. Database name, user and password come from the
// container environment (php-fpm keeps it: clear_env = no); the database host comes from
// scs-db-host.php, which /scs/bin/start writes and /scs/bin/liveupdate-wordpress rewrites
// when the MySQL master moves (the environment of a running container cannot change).
define('DB_NAME', getenv('SCS_DB_NAME') ?: 'wordpress');
define('DB_USER', getenv('SCS_DB_USER') ?: 'wordpress');
define('DB_PASSWORD', (string) getenv('SCS_DB_PASSWORD'));
require '/etc/wordpress/scs-db-host.php';
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_CONTENT_DIR', '/var/lib/wordpress/wp-content');
