#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests and the benchmark, in a
# temporary directory, on 127.0.0.1 and a free port; no system service.
#
#   source scripts/postgres.sh    # starts it, exports ACCORD_TEST_POSTGRES,
#                                 # and stops it when the shell exits
#
# Debian keeps initdb and pg_ctl in /usr/lib/postgresql/<version>/bin, off
# PATH; they are found there. initdb refuses to run as root: as root, the
# cluster runs as the `postgres` user that Debian's package creates, and
# its directory belongs to that user. fsync stays on (the store refuses a
# server without it): the tests measure durable commits.

pg_bin=""
for candidate in "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent)")" /usr/lib/postgresql/*/bin; do
  if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then pg_bin="$candidate"; fi
done
if [ -z "$pg_bin" ]; then
  echo "postgres.sh: initdb and pg_ctl not found (install Debian's postgresql package)" >&2
  return 1 2>/dev/null || exit 1
fi

accord_pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/accord-pg.XXXXXX")"
accord_pg_as=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$accord_pg_dir"
  accord_pg_as=(runuser -u postgres --)
fi
accord_pg_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"${accord_pg_as[@]}" "$pg_bin/initdb" -D "$accord_pg_dir/data" -U postgres -A trust -E UTF8 --no-locale >"$accord_pg_dir/initdb.log" 2>&1 || {
  cat "$accord_pg_dir/initdb.log" >&2
  return 1 2>/dev/null || exit 1
}
"${accord_pg_as[@]}" "$pg_bin/pg_ctl" -D "$accord_pg_dir/data" -l "$accord_pg_dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $accord_pg_port -k $accord_pg_dir -c max_connections=400 -c shared_buffers=128MB" start >/dev/null || {
  cat "$accord_pg_dir/server.log" >&2
  return 1 2>/dev/null || exit 1
}
accord_pg_stop() {
  "${accord_pg_as[@]}" "$pg_bin/pg_ctl" -D "$accord_pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$accord_pg_dir"
}
trap accord_pg_stop EXIT
export ACCORD_TEST_POSTGRES="postgres://postgres@127.0.0.1:$accord_pg_port/postgres"
# For the restart test: how to stop and start this cluster.
export ACCORD_TEST_POSTGRES_CTL="${accord_pg_as[*]} $pg_bin/pg_ctl -D $accord_pg_dir/data"
echo "PostgreSQL $("$pg_bin/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$accord_pg_port ($accord_pg_dir)"
