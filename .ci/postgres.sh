#!/usr/bin/env bash
# A local PostgreSQL for the platform's tests: installs Debian's `postgresql` when it is
# missing, makes sure a cluster runs, creates the role and database `vigie`, and prints the
# URL to export (only the URL goes to stdout; everything else goes to stderr):
#
#   export VIGIE_TEST_DATABASE_URL="$(bash .ci/postgres.sh)"
#
# The role may create databases: each test run makes its own and drops it afterwards.
# It listens on 127.0.0.1 only, with a password that is no secret, for tests alone.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
say() { printf 'postgres.sh: %s\n' "$*" >&2; }
export DEBIAN_FRONTEND=noninteractive

if ! compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null; then
  say 'installing Debian postgresql'
  as_root apt-get update -qq >&2
  as_root apt-get install -y -qq postgresql >&2
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
# Containers without systemd lose /run between boots; the cluster needs its socket directory.
as_root install -d -o postgres -g postgres -m 2775 /var/run/postgresql

if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { found = 1 } END { exit !found }'; then
  say "creating cluster $version/main"
  as_root pg_createcluster "$version" main >&2
fi
port="$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')"
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 ~ /online/ { found = 1 } END { exit !found }'; then
  say "starting cluster $version/main on port $port"
  as_root pg_ctlcluster "$version" main start >&2
fi
for _ in $(seq 1 60); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 0.5
done
pg_isready -q -h 127.0.0.1 -p "$port" || { say "PostgreSQL did not become ready on port $port"; exit 1; }

psql_admin() { as_postgres psql -p "$port" -v ON_ERROR_STOP=1 -qAt "$@"; }
if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = 'vigie'")" != 1 ]; then
  psql_admin -c "CREATE ROLE vigie LOGIN CREATEDB PASSWORD 'vigie'" >&2
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = 'vigie'")" != 1 ]; then
  psql_admin -c "CREATE DATABASE vigie OWNER vigie" >&2
fi

say "PostgreSQL $version ready on 127.0.0.1:$port"
echo "postgres://vigie:vigie@127.0.0.1:$port/vigie"
