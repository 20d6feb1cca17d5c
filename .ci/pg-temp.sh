#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1 for the store's tests (Debian's `postgresql` package).
#   .ci/pg-temp.sh start   -> prints PG_DIR=… PG_URL=postgres://app@127.0.0.1:PORT/postgres
#   .ci/pg-temp.sh stop DIR
# initdb refuses to run as root, so the cluster belongs to the `postgres` user; trust auth on loopback only.
# fsync is off: the cluster is deleted after the run, and the tests check behaviour, not durability of the server.
set -euo pipefail
if [ "${1:-}" = stop ]; then
  BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  runuser -u postgres -- "$BIN/pg_ctl" -D "$2/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$2"
  exit 0
fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
DIR=$(mktemp -d /tmp/hcc-mdt-pg.XXXXXX)
chown postgres "$DIR"
PORT=${PGPORT_TEST:-$(( 20000 + RANDOM % 20000 ))}
runuser -u postgres -- "$BIN/initdb" -D "$DIR/data" -A trust -U app -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
runuser -u postgres -- "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null
echo "PG_DIR=$DIR PG_URL=postgres://app@127.0.0.1:$PORT/postgres"
