#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests, benchmarks and CI: initdb into DIR, start it listening
# only on a unix socket in DIR (no TCP port is opened, so it meets no other cluster), create the
# database "sitmap" with PostGIS, and print the connection string. As root (CI), the cluster runs
# as the "postgres" user (initdb refuses root) through runuser.
#   scripts/pg-cluster.sh start DIR [PORT]   -> prints: host=DIR port=PORT dbname=sitmap
#   scripts/pg-cluster.sh stop DIR           stops it (pg_ctl stop -m fast) and removes DIR
#   scripts/pg-cluster.sh ensure|release DIR [PORT]   as start/stop, but nothing when the caller
#                                                     gives a server in $SITMAP_PG_CONNINFO (ctest's fixture)
set -euo pipefail
cmd="${1:-}"
dir="${2:-}"
port="${3:-54329}"
if [ -z "$cmd" ] || [ -z "$dir" ]; then
  echo "usage: $0 start|stop DIR [PORT]" >&2
  exit 2
fi
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "pg-cluster: no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql postgis)" >&2
  exit 1
fi
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
owner="$(id -un)"
if [ "$(id -u)" -eq 0 ]; then owner=postgres; fi

if [ -n "${SITMAP_PG_CONNINFO:-}" ]; then
  case "$cmd" in
    ensure) echo "pg-cluster: using \$SITMAP_PG_CONNINFO ($SITMAP_PG_CONNINFO)"; exit 0 ;;
    release) exit 0 ;;
  esac
fi
case "$cmd" in
  ensure) cmd=start ;;
  release) cmd=stop ;;
esac

case "$cmd" in
  start)
    if [ -f "$dir/data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      echo "host=$dir port=$port dbname=sitmap"
      exit 0
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; fi
    as_owner "$bin/initdb" -D "$dir/data" -U "$owner" --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses='' -c unix_socket_directories='$dir' -p $port -c fsync=off" start >/dev/null ||
      { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$bin/createdb" -h "$dir" -p "$port" -U "$owner" sitmap
    as_owner "$bin/psql" -q -h "$dir" -p "$port" -U "$owner" -d sitmap -c "CREATE EXTENSION IF NOT EXISTS postgis" >/dev/null
    # The caller (root in CI, who cannot own the cluster) gets a role of its own name.
    if [ "$owner" != "$(id -un)" ]; then
      as_owner "$bin/createuser" -h "$dir" -p "$port" -U "$owner" -s "$(id -un)"
    fi
    echo "host=$dir port=$port dbname=sitmap"
    ;;
  stop)
    if [ -d "$dir/data" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR [PORT]" >&2
    exit 2
    ;;
esac
