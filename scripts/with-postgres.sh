#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster on loopback: initdb in a temporary directory, a free port,
# DATABASE_URL (and a throwaway JIXIAO_AUDIT_KEY) exported for the command, and the cluster stopped and removed on every way out.
# Usage: scripts/with-postgres.sh COMMAND [ARGS…]
set -euo pipefail

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$PGBIN" ]; then
  echo "PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
fi
PGDATA=$(mktemp -d)
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}
[ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDATA"
cleanup() {
  as_postgres "$PGBIN/pg_ctl -D $PGDATA -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$PGDATA"
}
trap cleanup EXIT
as_postgres "$PGBIN/initdb -D $PGDATA -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
as_postgres "$PGBIN/pg_ctl -D $PGDATA -l $PGDATA/server.log -w -o '-c listen_addresses=127.0.0.1 -p $PORT -k $PGDATA -c fsync=off -c synchronous_commit=off'" start >/dev/null
"$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc 'CREATE DATABASE jixiao_test'
export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/jixiao_test?sslmode=disable"
# A PostgreSQL store keeps its audit key outside the database; a throwaway one for the throwaway cluster.
export JIXIAO_AUDIT_KEY="${JIXIAO_AUDIT_KEY:-$(python3 -c 'import secrets; print(secrets.token_hex(32))')}"
"$@"
