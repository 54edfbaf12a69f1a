#!/usr/bin/env bash
# Dashboard benchmark (issue #5: the dashboard over the full release, ~75,000 transcripts with 18 metrics each, in
# <= 1 s). Imports release-shaped data into a fresh H2 file database and a fresh PostgreSQL database, starts the app
# on each, and measures GET /api/dashboard and GET /dashboard with wrk from a second process (one connection, one
# request at a time: the latency one researcher sees), p50/p95/p99. The baseline, measured in the same run on the
# same database, is the raw SQL behind the endpoint over plain JDBC (scripts/DashboardSqlBaseline.java).
# Results go to docs/benchmarks.md by hand.
#
#   scripts/benchmark-dashboard.sh [DATA_DIR] [TRANSCRIPTS] [PORT] [SECONDS]
#
# DATA_DIR defaults to ./bench-data (shared with benchmark-import.sh; about 3 GB for 75,000 transcripts; git-ignored).
# Needs wrk (apt-get install -y wrk). PostgreSQL is measured when `psql` can reach a server as the postgres OS user
# (SKIP_PG=1 measures H2 only).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-bench-data}
N=${2:-75000}
PORT=${3:-8093}
SECONDS_EACH=${4:-30}
JAR=target/scratchpad-lens.jar
PASSWORD=bench-password-123
AUTH="Basic $(printf 'admin:%s' "$PASSWORD" | base64)"
WORK=$(mktemp -d)
APP_PID=

stop_app() {
  if [ -n "$APP_PID" ]; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=
  fi
}
trap 'stop_app; rm -rf "$WORK"' EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
[ -f "$JAR" ] || ./mvnw -q -DskipTests package
if [ ! -d "$DATA/json_outputs" ]; then
  java -jar "$JAR" generate "$DATA" --transcripts="$N"
fi
# the JDBC drivers the app ships, for the baseline
(cd "$WORK" && unzip -q -j -o "$OLDPWD/$JAR" 'BOOT-INF/lib/h2-*.jar' 'BOOT-INF/lib/postgresql-*.jar')
DRIVERS=$(ls "$WORK"/*.jar | paste -sd:)

echo "== machine"
echo "cores: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); memory: $(free -g | awk '/Mem:/ {print $2}') GiB"
java -version 2>&1 | head -1
wrk --version 2>&1 | head -1 || true  # wrk exits 1 after printing its version
echo "data: $(find "$DATA/json_outputs" -name '*.json' | wc -l) transcript files"

# measure URL_DB USER PASSWORD [extra app arguments...]
measure() {
  local url=$1 user=$2 pass=$3
  shift 3
  ADMIN_PASSWORD=$PASSWORD java -Xmx1g -jar "$JAR" --server.port="$PORT" --scratchpad.sample-data.enabled=false \
    --spring.datasource.url="$url" "$@" >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do
    curl -fs -o /dev/null "http://localhost:$PORT/login" && break
    sleep 1
  done
  # log in as a browser does (form + CSRF token) and measure with the session cookie: with HTTP Basic every request
  # would also pay a BCrypt check of the password (~70 ms), which is not the dashboard's cost
  local jar="$WORK/cookies.txt" token session
  rm -f "$jar"
  token=$(curl -fs -c "$jar" "http://localhost:$PORT/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -fs -o /dev/null -b "$jar" -c "$jar" --data-urlencode username=admin --data-urlencode "password=$PASSWORD" \
    --data-urlencode "_csrf=$token" "http://localhost:$PORT/login"
  session="JSESSIONID=$(awk '$6 == "JSESSIONID" {print $7}' "$jar")"
  echo "first request after start (nothing cached, JIT cold): $(curl -fs -o /dev/null -w '%{time_total}' -b "$session" \
    "http://localhost:$PORT/api/dashboard") s"
  echo "transcripts counted: $(curl -fs -H "Authorization: $AUTH" "http://localhost:$PORT/api/dashboard" \
    | grep -o '"n":[0-9]*,"rates"' | grep -o '[0-9]*' | paste -sd+ | bc)"
  echo "-- warm-up: 20 requests"
  for _ in $(seq 1 10); do
    curl -fs -o /dev/null -b "$session" "http://localhost:$PORT/api/dashboard"
    curl -fs -o /dev/null -b "$session" "http://localhost:$PORT/dashboard"
  done
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "-- GET /api/dashboard, wrk 1 thread 1 connection ${SECONDS_EACH} s"
  WRK_COOKIE=$session WRK_ACCEPT=application/json wrk -t1 -c1 -d"${SECONDS_EACH}s" --timeout 10s -s scripts/wrk-percentiles.lua \
    "http://localhost:$PORT/api/dashboard" | tail -1
  echo "-- GET /dashboard (the page), wrk 1 thread 1 connection ${SECONDS_EACH} s"
  WRK_COOKIE=$session WRK_ACCEPT=text/html wrk -t1 -c1 -d"${SECONDS_EACH}s" --timeout 10s -s scripts/wrk-percentiles.lua \
    "http://localhost:$PORT/dashboard" | tail -1
  echo "-- GET /api/dashboard, wrk 2 threads 4 connections ${SECONDS_EACH} s (four researchers at once)"
  WRK_COOKIE=$session WRK_ACCEPT=application/json wrk -t2 -c4 -d"${SECONDS_EACH}s" --timeout 10s -s scripts/wrk-percentiles.lua \
    "http://localhost:$PORT/api/dashboard" | tail -1
  echo "-- baseline: the raw SQL over JDBC, 200 runs (the app idle, same database)"
  java -cp "$DRIVERS" scripts/DashboardSqlBaseline.java "$url" "$user" "$pass" 200
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  stop_app
}

echo "== H2: import into a fresh file database"
DB="$WORK/h2"
java -Xmx1g -jar "$JAR" import "$DATA/json_outputs" --spring.datasource.url="jdbc:h2:file:$DB/db" | grep -E "transcripts:|rejected:"
measure "jdbc:h2:file:$DB/db;AUTO_SERVER=TRUE" sa ""
rm -rf "$DB"

if [ -z "${SKIP_PG:-}" ] && su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1; then
  echo "== PostgreSQL: import into a fresh database"
  PGDB=scratchpad_bench_dashboard
  su postgres -c "psql -qc 'drop database if exists $PGDB'" >/dev/null
  su postgres -c "psql -qc 'create database $PGDB owner scratchpad'" >/dev/null
  PGURL=jdbc:postgresql://localhost:5432/$PGDB
  java -Xmx1g -jar "$JAR" import "$DATA/json_outputs" --spring.profiles.active=postgres \
    --spring.datasource.url="$PGURL" | grep -E "transcripts:|rejected:"
  su postgres -c "psql -qc 'vacuum analyze' $PGDB" >/dev/null
  measure "$PGURL" scratchpad scratchpad --spring.profiles.active=postgres
  echo "-- plan of the aggregate"
  su postgres -c "psql -qtA $PGDB" <<'SQL' | grep -E "Execution Time|Scan|Join|Aggregate" | head -20
prepare q as select t.run_id, t.split, count(*) from transcript t
  left join metric m0 on m0.transcript_id = t.id and m0.metric_name_id = (select id from metric_name where name = 'partial_scheme')
  left join metric m1 on m1.transcript_id = t.id and m1.metric_name_id = (select id from metric_name where name = 'effective_scheme')
  left join metric m2 on m2.transcript_id = t.id and m2.metric_name_id = (select id from metric_name where name = 'is_refusal_0_7')
  where t.is_current group by t.run_id, t.split;
explain analyze execute q;
SQL
  su postgres -c "psql -qc 'drop database $PGDB'" >/dev/null
else
  echo "== PostgreSQL: skipped (SKIP_PG set, or no server reachable as the postgres user)"
fi
