# Sourced by .ci/run (and usable by hand: `source .ci/postgres.sh`): a throwaway PostgreSQL for the
# server tests. Installs Debian's `postgresql` when no server binaries are there, starts a cluster of
# its own in a temporary folder (whatever else runs on the machine: its own port on 127.0.0.1, its own
# socket folder), creates a role with a random password and a database, exports
# DN_TEST_DATABASE_URL, and stops and removes the cluster when the shell exits.
# An already set DN_TEST_DATABASE_URL is kept as it is.

dn_pg_start() {
  if [ -n "${DN_TEST_DATABASE_URL:-}" ]; then
    echo "PostgreSQL for the server tests: DN_TEST_DATABASE_URL is set, using it."
    return 0
  fi
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$bin" ] || ! [ -x "$bin/initdb" ]; then
    echo "Installing PostgreSQL from Debian's packages…"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
    bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  fi

  # initdb refuses to run as root: as root the cluster belongs to the postgres user the package made.
  local run=()
  if [ "$(id -u)" = 0 ]; then run=(runuser -u postgres --); fi

  DN_PG_DIR="$(mktemp -d /tmp/dn-test-postgres.XXXXXX)"
  local password port
  password="$(node -e "process.stdout.write(require('node:crypto').randomBytes(18).toString('base64url'))")"
  port="$(node -e "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})")"
  printf '%s\n' "$password" >"$DN_PG_DIR/pwfile"
  if [ "$(id -u)" = 0 ]; then chown -R postgres: "$DN_PG_DIR"; fi
  chmod 700 "$DN_PG_DIR"

  # From the cluster's folder: the postgres user may not be allowed into the clone's.
  local here="$PWD"
  cd "$DN_PG_DIR"
  "${run[@]}" "$bin/initdb" -D "$DN_PG_DIR/data" -U dn_test --pwfile="$DN_PG_DIR/pwfile" --auth=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >"$DN_PG_DIR/initdb.log" 2>&1 ||
    { cat "$DN_PG_DIR/initdb.log"; return 1; }
  "${run[@]}" "$bin/pg_ctl" -D "$DN_PG_DIR/data" -l "$DN_PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $DN_PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null ||
    { cat "$DN_PG_DIR/server.log"; return 1; }
  cd "$here"
  DN_PG_STOP=("${run[@]}" "$bin/pg_ctl" -D "$DN_PG_DIR/data" -m immediate stop)
  trap 'dn_pg_stop' EXIT

  PGPASSWORD="$password" "$bin/createdb" -h 127.0.0.1 -p "$port" -U dn_test dn_test
  export DN_TEST_DATABASE_URL="postgres://dn_test:$password@127.0.0.1:$port/dn_test"
  echo "PostgreSQL for the server tests: $("$bin/postgres" --version), 127.0.0.1:$port, data in $DN_PG_DIR."
}

dn_pg_stop() {
  if [ -n "${DN_PG_DIR:-}" ]; then
    (cd / && "${DN_PG_STOP[@]}" >/dev/null 2>&1) || true
    rm -rf "$DN_PG_DIR"
    DN_PG_DIR=''
  fi
}

dn_pg_start
