# Sourced by bin/backup, bin/restore and bin/check-consistency: which database, and PostgreSQL client programs new
# enough for its server.
#   1. SPRING_DATASOURCE_URL (+ SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD), as the app itself is given;
#   2. else the standard PG* variables (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD) when PGHOST or PGDATABASE is set;
#   3. else the embedded database of a running bin/start (its port from BOSETTING_DATA_DIR/postmaster.pid, default
#      ./data/pgdata; user and password postgres). The embedded PostgreSQL runs only while the app runs.

pg_env() {
  if [ -n "${SPRING_DATASOURCE_URL:-}" ]; then
    [[ $SPRING_DATASOURCE_URL =~ ^jdbc:postgresql://([^/:]+)(:([0-9]+))?/([^?]+) ]] \
      || { echo "Cannot read SPRING_DATASOURCE_URL=$SPRING_DATASOURCE_URL" >&2; return 2; }
    export PGHOST=${BASH_REMATCH[1]} PGPORT=${BASH_REMATCH[3]:-5432} PGDATABASE=${BASH_REMATCH[4]}
    export PGUSER=${SPRING_DATASOURCE_USERNAME:-${PGUSER:-postgres}}
    [ -z "${SPRING_DATASOURCE_PASSWORD:-}" ] || export PGPASSWORD=$SPRING_DATASOURCE_PASSWORD
    PG_WHERE="SPRING_DATASOURCE_URL"
  elif [ -n "${PGHOST:-}" ] || [ -n "${PGDATABASE:-}" ]; then
    PG_WHERE="PG* variables"
  else
    local dir=${BOSETTING_DATA_DIR:-data/pgdata}
    if [ ! -f "$dir/postmaster.pid" ]; then
      echo "No database given (SPRING_DATASOURCE_URL or PG* variables) and no running embedded database in $dir:" >&2
      echo "start the app (bin/start) or set BOSETTING_DATA_DIR" >&2
      return 2
    fi
    export PGHOST=localhost PGPORT=$(sed -n 4p "$dir/postmaster.pid") PGDATABASE=postgres PGUSER=postgres PGPASSWORD=postgres
    PG_WHERE="the embedded database in $dir"
  fi
  export PGCONNECT_TIMEOUT=${PGCONNECT_TIMEOUT:-10}
}

# The path of a PostgreSQL client program (pg_dump, pg_restore, psql) whose major version is at least $2 (the server's):
# zonky's binaries (/tmp/embedded-pg/PG-*/bin), Debian's (/usr/lib/postgresql/*/bin), then PATH, newest first.
pg_tool() {
  local name=$1 need=${2:-0} best="" bestv=0 c v
  for c in /tmp/embedded-pg/PG-*/bin/"$name" /usr/lib/postgresql/*/bin/"$name" "$(command -v "$name" 2>/dev/null)"; do
    [ -x "$c" ] || continue
    v=$("$c" --version 2>/dev/null | sed -nE 's/.* ([0-9]+)(\.[0-9]+)*.*/\1/p' | head -1)
    [ -n "$v" ] && [ "$v" -gt "$bestv" ] && { best=$c; bestv=$v; }
  done
  if [ -z "$best" ] || [ "$bestv" -lt "$need" ]; then
    echo "No $name for PostgreSQL $need or newer (found: ${best:-none}${best:+ v$bestv}). Install the client of the" \
      "server's version, e.g. apt-get install postgresql-client-$need (from apt.postgresql.org where Debian lacks it)." >&2
    return 2
  fi
  echo "$best"
}

# The server's major version.
pg_server_major() {
  "$(pg_tool psql 0)" -qtAX -c "show server_version_num" | awk '{print int($1 / 10000)}'
}
