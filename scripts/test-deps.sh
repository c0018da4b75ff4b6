#!/usr/bin/env bash
# Installs and starts what the test suite needs on a fresh Debian machine:
# boto3, the AWS CLI, Chromium and HAProxy (the multi-node test's load
# balancer) from Debian's packages (and Node.js, gcc and g++ if missing),
# a PostgreSQL server on
# 127.0.0.1:5432 that accepts user postgres with password postgres, and a
# MariaDB server on 127.0.0.1:3306 that accepts root with an empty password
# and has a database named test.
# Safe to run again: it only installs what is missing.
set -euo pipefail

need=()
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import boto3' 2>/dev/null || need+=(python3-boto3)
[ -x /usr/bin/aws ] || need+=(awscli)
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/sbin/mariadbd ] || need+=(mariadb-server)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/sbin/haproxy ] || need+=(haproxy)
command -v node >/dev/null 2>&1 || need+=(nodejs npm)
# SPICE links DuckDB through cgo.
command -v gcc >/dev/null 2>&1 || need+=(gcc)
command -v g++ >/dev/null 2>&1 || need+=(g++)
if [ ${#need[@]} -gt 0 ]; then
  echo "test-deps: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi

# Start PostgreSQL if it is not running.
if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  cluster=$(ls /etc/postgresql | sort -V | tail -n1)
  echo "test-deps: starting PostgreSQL $cluster"
  pg_ctlcluster --skip-systemctl-redirect "$cluster" main start
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi

# Make sure password login works (a fresh Debian cluster has no trust auth on TCP).
if ! PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
  runuser -u postgres -- psql -Atqc "ALTER USER postgres PASSWORD 'postgres'" >/dev/null
fi
PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -d postgres -Atqc 'select 1' >/dev/null

# A role whose password PostgreSQL always checks, whatever the cluster's
# other rules (a local cluster may trust loopback): the wrong-password tests
# of the console's data-source pages sign in as it.
pw_user=sg_pw
pw_secret='sg-pw-Secret-1'
hba=$(PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -d postgres -Atqc 'show hba_file')
if ! grep -q "^host all $pw_user 127.0.0.1/32 scram-sha-256" "$hba"; then
  sed -i "1i host all $pw_user 127.0.0.1/32 scram-sha-256" "$hba"
  PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -d postgres -Atqc 'select pg_reload_conf()' >/dev/null
fi
PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -d postgres -Atqc "SET password_encryption = 'scram-sha-256'; DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$pw_user') THEN CREATE ROLE $pw_user LOGIN; END IF; END\$\$; ALTER ROLE $pw_user PASSWORD '$pw_secret'" >/dev/null

# Start MariaDB if it is not running. Debian's package starts it through
# systemd, which a container may lack; then it is started directly.
# (mariadb-admin ping succeeds whenever the server answers, even if it refuses the login.)
if ! mariadb-admin -h127.0.0.1 -uroot ping >/dev/null 2>&1; then
  echo "test-deps: starting MariaDB"
  install -d -o mysql -g mysql /run/mysqld
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
  for _ in $(seq 1 30); do mariadb-admin -h127.0.0.1 -uroot ping >/dev/null 2>&1 && break; sleep 1; done
fi

# Make root usable over TCP with an empty password (a fresh Debian install
# lets root in only through the socket) and create database test.
if ! mariadb -h127.0.0.1 -uroot -e 'SELECT 1' test >/dev/null 2>&1; then
  mariadb -uroot <<'SQL'
CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '';
GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('');
CREATE DATABASE IF NOT EXISTS test;
FLUSH PRIVILEGES;
SQL
fi
mariadb -h127.0.0.1 -uroot -e 'SELECT 1' test >/dev/null
echo "test-deps: ready"
