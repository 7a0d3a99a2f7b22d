#!/bin/sh
# Runs once at image build time, as postgres: creates the cluster and the seeded records
# database, then stops the server cleanly so the data files in the image are consistent.
set -eu

initdb -D "$PGDATA" --encoding=UTF8 --locale=C.UTF-8 --auth=trust --username=postgres >/dev/null

# A sample system, published on 127.0.0.1 only: trust keeps drills and checks password-free.
cat >"$PGDATA/pg_hba.conf" <<'HBA'
local all all trust
host  all all 0.0.0.0/0 trust
host  all all ::/0 trust
HBA
cat >>"$PGDATA/postgresql.conf" <<'CONF'
listen_addresses = '*'
port = 5432
unix_socket_directories = '/run/postgresql'
CONF

# Build-time server listens on the socket only.
pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start >/dev/null
psql -v ON_ERROR_STOP=1 -q -d postgres -c "CREATE DATABASE records"
psql -v ON_ERROR_STOP=1 -q -d records -f /usr/local/share/records/seed.sql
count="$(psql -tAq -d records -c 'SELECT count(*) FROM citizens')"
[ "$count" = 1000 ] || { echo "seeded $count citizens, expected 1000" >&2; exit 1; }
pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
