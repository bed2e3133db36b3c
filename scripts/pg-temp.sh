#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster in a temp dir on a free port; sourced by scripts/test.sh.
# Exports TEST_DATABASE_URL; call stop_temp_pg (the caller traps it) to stop and delete the cluster.

pg_bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$dir" ] && command -v pg_ctl >/dev/null 2>&1; then dir=$(dirname "$(command -v pg_ctl)"); fi
  if [ -z "$dir" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "PostgreSQL server binaries missing: installing Debian's postgresql package" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  fi
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    echo "FAIL: no PostgreSQL server binaries (initdb, pg_ctl) found; install PostgreSQL to run the integration tests" >&2
    return 1
  fi
  echo "$dir"
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

start_temp_pg() {
  local bin
  bin=$(pg_bin_dir) || return 1
  PG_TEMP_DIR=$(mktemp -d /tmp/civic-pg.XXXXXX)
  PG_TEMP_PORT=$(free_port)
  local as=()
  if [ "$(id -u)" = 0 ]; then
    # initdb refuses to run as root.
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$PG_TEMP_DIR"
    as=(runuser -u postgres --)
  fi
  "${as[@]}" "$bin/initdb" -D "$PG_TEMP_DIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$PG_TEMP_DIR/initdb.log" 2>&1 \
    || { cat "$PG_TEMP_DIR/initdb.log" >&2; echo "FAIL: initdb" >&2; return 1; }
  "${as[@]}" "$bin/pg_ctl" -D "$PG_TEMP_DIR/data" -w -t 30 -l "$PG_TEMP_DIR/server.log" \
    -o "-p $PG_TEMP_PORT -k $PG_TEMP_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
    || { cat "$PG_TEMP_DIR/server.log" >&2; echo "FAIL: pg_ctl start" >&2; return 1; }
  PG_TEMP_BIN=$bin
  PG_TEMP_AS=("${as[@]}")
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_TEMP_PORT/postgres"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') running on port $PG_TEMP_PORT (data in $PG_TEMP_DIR)"
}

stop_temp_pg() {
  [ -n "${PG_TEMP_DIR:-}" ] || return 0
  "${PG_TEMP_AS[@]}" "$PG_TEMP_BIN/pg_ctl" -D "$PG_TEMP_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_TEMP_DIR"
  PG_TEMP_DIR=
}
