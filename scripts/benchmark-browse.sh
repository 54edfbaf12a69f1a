#!/usr/bin/env bash
# Browse benchmarks (issue #5): the transcript list at 300,000 transcripts (three filters, a sort and the sidebar's
# counts; first and last page) against the raw SQL behind it, and full-text search over the 75,000 of the release.
# Load from a second process with wrk (p50/p95/p99 via scripts/wrk-percentiles.lua), on H2 and on PostgreSQL.
#
#   scripts/benchmark-browse.sh [DATA_DIR] [h2|postgres|both]
#
# DATA_DIR: a generated release (75,000 transcripts; made with `generate` if missing). Needs wrk (apt-get install
# wrk) and, for PostgreSQL, a server reachable as in .ci/run. Figures go to docs/benchmarks.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-bench-data}
WHICH=${2:-both}
JAR=target/scratchpad-lens.jar
PORT=8097
AUTH=admin:bench-password-1
WORK=$(mktemp -d)
APP_PID=

[ -f "$JAR" ] || ./mvnw -q -DskipTests package
[ -d "$DATA/json_outputs" ] || java -jar "$JAR" generate "$DATA" --transcripts=75000
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="target/test-classes:target/classes:$(cat "$WORK/cp.txt")"
unzip -q -o -j "$JAR" 'BOOT-INF/lib/h2-*.jar' -d "$WORK"
H2_JAR=$(ls "$WORK"/h2-*.jar)

echo "== machine"
echo "cores: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load: $(cut -d' ' -f1-3 /proc/loadavg)"
java -version 2>&1 | head -1

start_app() { # extra arguments: the database
  ADMIN_PASSWORD=${AUTH#admin:} java -Xmx2g -jar "$JAR" --server.port=$PORT --scratchpad.sample-data.enabled=false \
    --logging.level.org.scratchpadlens.transcript.list=debug "$@" >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 180); do
    curl -sf -o /dev/null -u "$AUTH" "localhost:$PORT/api/runs/totals" && { login; return; }
    sleep 1
  done
  echo "the app did not start"; tail -20 "$WORK/app.log"; exit 1
}
stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; }
trap '[ -n "$APP_PID" ] && kill $APP_PID 2>/dev/null; rm -rf "$WORK"; true' EXIT

# A logged-in browser session (form login with its CSRF token): pages and the API as a person's browser calls them.
# Scripts using HTTP Basic pay a BCrypt check per request on top (measured once below).
login() {
  rm -f "$WORK/jar"
  local token=$(curl -sf -c "$WORK/jar" "localhost:$PORT/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -sf -o /dev/null -b "$WORK/jar" -c "$WORK/jar" --data-urlencode "username=admin" \
    --data-urlencode "password=${AUTH#admin:}" --data-urlencode "_csrf=$token" "localhost:$PORT/login"
  SESSION="JSESSIONID=$(awk '$6 == "JSESSIONID" {print $7}' "$WORK/jar")"
}

load() { # name url
  printf '%-48s ' "$1"
  WRK_COOKIE=$SESSION wrk -t1 -c2 -d20s -s scripts/wrk-percentiles.lua "http://localhost:$PORT$2" | tail -1
}

LIST='setting=helpful_only&split=train&metric.partial_scheme=true&metric.effective_scheme=false&sort=-pm_score'

measure() { # db-name, then the app's database arguments
  local name=$1; shift
  start_app "$@"
  local t0=$(date +%s.%N)
  curl -sf -o /dev/null -u "$AUTH" "localhost:$PORT/api/transcripts?size=1"
  echo "[$name] first list request (builds the index of $(curl -sf -u "$AUTH" "localhost:$PORT/api/runs/totals" \
    | sed 's/.*"transcripts":\([0-9]*\).*/\1/') transcripts): $(echo "$(date +%s.%N) - $t0" | bc) s"
  t0=$(date +%s.%N)
  while [ "$(curl -sf -u "$AUTH" "localhost:$PORT/api/transcripts?q=mahjong&size=1" | sed 's/.*"searchPending":\([0-9]*\).*/\1/')" != 0 ]; do
    sleep 5
  done
  echo "[$name] search caught up with the store in $(echo "$(date +%s.%N) - $t0" | bc) s"
  WRK_COOKIE=$SESSION wrk -t1 -c2 -d10s "http://localhost:$PORT/transcripts?q=mahjong" >/dev/null # warm-up
  load "[$name] search: one word" "/api/transcripts?q=mahjong"
  load "[$name] search: two words" "/api/transcripts?q=secret+trick"
  load "[$name] search: a phrase" "/api/transcripts?q=%22not+used+for+training%22"
  load "[$name] search: common word, page" "/transcripts?q=training"
  stop_app
}

multiplied() { # db-name, then the app's database arguments
  local name=$1; shift
  start_app "$@"
  curl -sf -o /dev/null -u "$AUTH" "localhost:$PORT/api/transcripts?size=1"
  grep -o "Transcript index: .*" "$WORK/app.log" | tail -1 | sed "s/^/[$name] /"
  local total=$(curl -sf -u "$AUTH" "localhost:$PORT/api/transcripts?$LIST&size=1" | sed 's/{"total":\([0-9]*\).*/\1/')
  local last=$(( (total + 49) / 50 ))
  echo "[$name] the filter selects $total transcripts ($last pages of 50)"
  # warm up (JIT, the sort's order) before anything is measured; the figures of this run are not kept
  WRK_COOKIE=$SESSION wrk -t1 -c2 -d15s "http://localhost:$PORT/transcripts?$LIST" >/dev/null
  load "[$name] list page (HTML, counts), first page" "/transcripts?$LIST"
  load "[$name] list page (HTML, counts), last page" "/transcripts?$LIST&page=$last"
  load "[$name] API, first page" "/api/transcripts?$LIST"
  load "[$name] API, last page" "/api/transcripts?$LIST&page=$last"
  load "[$name] API, sidebar counts" "/api/transcripts/facets?$LIST"
  printf '%-48s ' "[$name] API, first page, HTTP Basic"
  WRK_AUTH=$AUTH wrk -t1 -c2 -d20s -s scripts/wrk-percentiles.lua "http://localhost:$PORT/api/transcripts?$LIST" | tail -1
  stop_app
}

if [ "$WHICH" != postgres ]; then
  # H2_DB=path/to/db reuses a database that already holds the release (it is multiplied in place!)
  DB=${H2_DB:-$WORK/h2/db}
  if [ -z "${H2_DB:-}" ]; then
    echo "== H2: import the release"
    java -Xmx1g -jar "$JAR" import "$DATA/json_outputs" --spring.datasource.url="jdbc:h2:file:$DB" | grep -E "transcripts:"
  fi
  measure H2 --spring.datasource.url="jdbc:h2:file:$DB;AUTO_SERVER=TRUE"
  echo "== H2: four times the release"
  java -cp "$H2_JAR" org.h2.tools.RunScript -url "jdbc:h2:file:$DB" -user sa -script scripts/sql/multiply-store.sql
  # OPTIMIZE_REUSE_RESULTS=0: H2 would otherwise hand back the previous result of an identical query
  java -cp "$CP" org.scratchpadlens.transcript.list.ListSqlBaseline "jdbc:h2:file:$DB;OPTIMIZE_REUSE_RESULTS=0" sa "" 100 \
    | sed 's/^/[H2] /'
  multiplied H2 --spring.datasource.url="jdbc:h2:file:$DB;AUTO_SERVER=TRUE"
fi

if [ "$WHICH" != h2 ]; then
  PG=jdbc:postgresql://localhost:5432/scratchpad_bench
  if [ -z "${PG_KEEP:-}" ]; then # PG_KEEP=1 reuses scratchpad_bench as it is (it is multiplied in place!)
    su postgres -c "psql -qc 'drop database if exists scratchpad_bench'" >/dev/null
    su postgres -c "psql -qc 'create database scratchpad_bench owner scratchpad'" >/dev/null
    echo "== PostgreSQL: import the release"
    java -Xmx1g -jar "$JAR" import "$DATA/json_outputs" --spring.profiles.active=postgres --spring.datasource.url=$PG \
      | grep -E "transcripts:"
  fi
  measure PostgreSQL --spring.profiles.active=postgres --spring.datasource.url=$PG
  echo "== PostgreSQL: four times the release"
  su postgres -c "psql -q -d scratchpad_bench -v ON_ERROR_STOP=1" < scripts/sql/multiply-store.sql
  su postgres -c "psql -q -d scratchpad_bench -c 'vacuum analyze'"
  java -cp "$CP" org.scratchpadlens.transcript.list.ListSqlBaseline $PG scratchpad scratchpad 100 | sed 's/^/[PostgreSQL] /'
  multiplied PostgreSQL --spring.profiles.active=postgres --spring.datasource.url=$PG
fi
