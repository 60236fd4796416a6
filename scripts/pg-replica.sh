#!/usr/bin/env bash
# A PostgreSQL primary and its streaming replica on this machine, for the replica tests:
#
#   bash scripts/pg-replica.sh start   # prints the two URLs as shell assignments
#   bash scripts/pg-replica.sh stop    # stops both and deletes their folders
#   bash scripts/pg-replica.sh stop-replica   # the replica only: a lost replica, for tests
#
# Both clusters are new and throwaway (initdb, then pg_basebackup -R for the replica), on
# loopback ports PRIMARY_PORT (55432) and REPLICA_PORT (55433), in PG_REPLICA_DIR
# (/tmp/parley-pg-replica), run as the `postgres` system user when started by root. The
# machine's own cluster on 5432 is not touched.
set -euo pipefail

PRIMARY_PORT=${PRIMARY_PORT:-55432}
REPLICA_PORT=${REPLICA_PORT:-55433}
BASE=${PG_REPLICA_DIR:-/tmp/parley-pg-replica}
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)}

as_pg() {
  if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop() {
  for name in replica primary; do
    if [[ -f $BASE/$name/postmaster.pid ]]; then
      as_pg "$PGBIN/pg_ctl" -D "$BASE/$name" -m immediate stop >/dev/null 2>&1 || true
    fi
  done
  rm -rf "$BASE"
}

wait_ready() {
  for _ in $(seq 1 60); do
    "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$1" && return 0
    sleep 0.5
  done
  echo "PostgreSQL on port $1 did not start" >&2
  return 1
}

start() {
  stop
  for port in "$PRIMARY_PORT" "$REPLICA_PORT"; do
    if "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$port"; then
      echo "port $port is taken by another PostgreSQL: stop it or set PRIMARY_PORT/REPLICA_PORT" >&2
      exit 1
    fi
  done
  mkdir -p "$BASE"
  [[ $(id -u) == 0 ]] && chown postgres: "$BASE"
  as_pg "$PGBIN/initdb" -D "$BASE/primary" -U postgres --auth=trust -E UTF8 \
    --locale=C.UTF-8 >"$BASE/initdb.log"
  cat >>"$BASE/primary/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PRIMARY_PORT
unix_socket_directories = '$BASE'
wal_level = replica
max_wal_senders = 4
fsync = off
CONF
  echo "host replication all 127.0.0.1/32 trust" >>"$BASE/primary/pg_hba.conf"
  as_pg "$PGBIN/pg_ctl" -D "$BASE/primary" -l "$BASE/primary.log" -w start >/dev/null ||
    { cat "$BASE/primary.log" >&2; exit 1; }
  wait_ready "$PRIMARY_PORT"
  # The replica: a base backup of the primary, set up to stream from it (-R).
  as_pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres \
    -D "$BASE/replica" -R -X stream -c fast
  sed -i "s/^port = $PRIMARY_PORT/port = $REPLICA_PORT/" "$BASE/replica/postgresql.conf"
  echo "hot_standby = on" >>"$BASE/replica/postgresql.conf"
  as_pg "$PGBIN/pg_ctl" -D "$BASE/replica" -l "$BASE/replica.log" -w start >/dev/null
  wait_ready "$REPLICA_PORT"
  local state
  state=$(psql -Atq -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -c "SELECT pg_is_in_recovery()")
  [[ $state == t ]] || { echo "the replica is not in recovery" >&2; exit 1; }
  echo "PARLEY_PG_PRIMARY_URL=postgres://postgres@127.0.0.1:$PRIMARY_PORT/postgres"
  echo "PARLEY_PG_REPLICA_URL=postgres://postgres@127.0.0.1:$REPLICA_PORT/postgres"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  stop-replica) as_pg "$PGBIN/pg_ctl" -D "$BASE/replica" -m immediate stop >/dev/null ;;
  *) echo "usage: $0 start|stop|stop-replica" >&2; exit 2 ;;
esac
