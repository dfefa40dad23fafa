#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on a loopback port for the test suite.
#   source scripts/pg-temp.sh && pg_temp_start   -> exports TEST_DATABASE_URL
#   pg_temp_stop                                 -> stops it and removes its files
# Uses Debian's server binaries from /usr/lib/postgresql/<version>/bin. initdb
# refuses to run as root, so as root the server runs as the postgres user.

pg_temp_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    echo "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (apt-get install -y postgresql)" >&2
    return 1
  fi
  echo "$dir"
}

pg_temp_as_owner() {
  if [ "$(id -u)" = "0" ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_temp_start() {
  local bin port
  bin=$(pg_temp_bin) || return 1
  port=${PG_TEMP_PORT:-$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}
  PG_TEMP_DIR=$(mktemp -d /tmp/skillgrid-pg.XXXXXX)
  chmod 755 "$PG_TEMP_DIR"
  [ "$(id -u)" = "0" ] && chown postgres:postgres "$PG_TEMP_DIR"
  pg_temp_as_owner "$bin/initdb" -D "$PG_TEMP_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$PG_TEMP_DIR/initdb.log" 2>&1 \
    || { cat "$PG_TEMP_DIR/initdb.log" >&2; return 1; }
  pg_temp_as_owner "$bin/pg_ctl" -D "$PG_TEMP_DIR/data" -l "$PG_TEMP_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_TEMP_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$PG_TEMP_DIR/server.log" >&2; return 1; }
  export PG_TEMP_DIR PG_TEMP_BIN="$bin" PG_TEMP_PORT="$port"
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($PG_TEMP_DIR)"
}

pg_temp_stop() {
  if [ -n "${PG_TEMP_DIR:-}" ] && [ -d "$PG_TEMP_DIR/data" ]; then
    pg_temp_as_owner "$PG_TEMP_BIN/pg_ctl" -D "$PG_TEMP_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_TEMP_DIR"
  fi
}
