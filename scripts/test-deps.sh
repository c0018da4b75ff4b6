#!/usr/bin/env bash
# Installs and starts what the test suite needs on a fresh Debian machine:
# boto3, the AWS CLI and Chromium from Debian's packages (and Node.js if
# missing), and a PostgreSQL server on
# 127.0.0.1:5432 that accepts user postgres with password postgres.
# Safe to run again: it only installs what is missing.
set -euo pipefail

need=()
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import boto3' 2>/dev/null || need+=(python3-boto3)
[ -x /usr/bin/aws ] || need+=(awscli)
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v node >/dev/null 2>&1 || need+=(nodejs npm)
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
echo "test-deps: ready"
