# Sourced by scripts/test and scripts/bench: starts a PostgreSQL cluster of our own on a free
# loopback port, stopped when the script exits.
#
#   start_postgres DIR KEEP [FSYNC]
#                             the cluster lives in DIR (made with initdb if new); KEEP=1 keeps
#                             its data after the stop (the benchmark's seeded templates),
#                             KEEP=0 removes DIR. FSYNC=on for measurements (default off:
#                             tests need no durability and run faster without it).
# Sets PGBIN, PGPORT and PG_ADMIN_URL (postgres://postgres@127.0.0.1:PORT/postgres).

pg_as_owner() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi; }

start_postgres() {
  PG_DIR=$1 PG_KEEP=$2
  local fsync=${3:-off}
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  mkdir -p "$PG_DIR"
  # initdb refuses to run as root: the cluster belongs to the postgres user then.
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PG_DIR"; fi
  if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
    pg_as_owner "'$PGBIN/initdb' -D '$PG_DIR/data' -U postgres -A trust -E UTF8 --no-sync" >/dev/null
  fi
  trap stop_postgres EXIT
  trap 'exit 130' INT TERM   # so that the EXIT trap stops the cluster on Ctrl-C too
  # Tests run in parallel, each with its own schema and a small pool: allow many connections.
  if ! pg_as_owner "'$PGBIN/pg_ctl' -D '$PG_DIR/data' -l '$PG_DIR/server.log' -w -t 60 -o \"-k $PG_DIR -p $PGPORT -c listen_addresses=127.0.0.1 -c fsync=$fsync -c max_connections=500\" start" >/dev/null; then
    echo "PostgreSQL did not start:" >&2
    cat "$PG_DIR/server.log" >&2 || true
    exit 1
  fi
  PG_ADMIN_URL="postgres://postgres@127.0.0.1:$PGPORT/postgres"
}

stop_postgres() {
  pg_as_owner "'$PGBIN/pg_ctl' -D '$PG_DIR/data' -m fast -w stop" >/dev/null 2>&1 || true
  if [ "$PG_KEEP" != 1 ]; then rm -rf "$PG_DIR"; fi
}
