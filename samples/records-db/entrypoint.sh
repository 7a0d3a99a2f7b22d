#!/bin/sh
# PID 1 of the records database: a small supervisor, running as root, that starts PostgreSQL
# and then stays up whatever postgres does. Restore drills stop postgres with `pg_ctl stop`,
# replace PGDATA and then restart the container: if postgres were PID 1 the container would
# die with it and the restore could not copy files in.
set -u

PGDATA="${PGDATA:-/var/lib/postgresql/data}"
export PGDATA

stop_postgres() {
  echo "records-db: stopping postgres" >&2
  su postgres -c "pg_ctl -D '$PGDATA' -m fast -w stop" >&2 || true
  exit 0
}
trap stop_postgres TERM INT

mkdir -p /run/postgresql
chown postgres:postgres /run/postgresql

if [ -s "$PGDATA/PG_VERSION" ]; then
  # A restore may bring files back under another owner or mode; postgres refuses to start
  # unless it owns PGDATA with mode 0700.
  chown -R postgres:postgres "$PGDATA"
  chmod 0700 "$PGDATA"
  # We are PID 1 and nothing else runs yet, so any postmaster.pid is stale (left by a kill).
  # Its PID may now belong to one of our own processes, which would make postgres refuse.
  rm -f "$PGDATA/postmaster.pid"
  su postgres -c "pg_ctl -D '$PGDATA' -w start" >&2 \
    || echo "records-db: postgres did not start; staying up so the data can be restored" >&2
else
  # Never init a blank cluster here: an empty database that answers would hide a lost
  # volume from every check. Stay up without postgres so a restore can fill PGDATA.
  echo "records-db: error: $PGDATA holds no database cluster (empty volume?)." >&2
  echo "records-db: restore PGDATA, then restart the container. Postgres is not running." >&2
fi

# `sleep & wait` rather than a bare sleep: wait returns as soon as TERM arrives.
while :; do
  sleep 1 &
  wait $!
done
