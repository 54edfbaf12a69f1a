#!/usr/bin/env bash
# Labelling benchmark (issue #6, "Performance"): on a campaign over the full release (75,000 items, k = 3) with 20
# raters asking for items and submitting labels at once, `next` and a label submit at p95 <= 50 ms on H2 and on
# PostgreSQL; a stratified sample of 1,000 from 75,000 in <= 2 s.
#
# Generates the release's shape (75,000 transcripts, `generate`) unless DATA_DIR holds one, imports it, adds 20
# annotator accounts, starts the app and runs scripts/LabellingBench.java from a second process: 20 threads, each a
# rater with its own logged-in session (a session, not HTTP Basic, which would pay a BCrypt check per call), calling
# POST /api/campaigns/{id}/next then POST /api/transcripts/{id}/labels in a loop (15 s warm-up, then DURATION
# seconds measured), and, as the same-run baseline, the raw SQL of one reservation alone on one JDBC connection.
#
#   scripts/benchmark-labelling.sh [DURATION_SECONDS] [PORT]
#
# WHICH=h2 or WHICH=postgres measures one database only; H2_KEEP=1 reuses the H2 store of an earlier run. PostgreSQL: the database
# scratchpad_labels_bench on localhost:5432 (role scratchpad) is dropped and created again, unless PG_KEEP=1 (then PG_DB
# names a database that holds the release already). Results go to docs/benchmarks.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-60}
PORT=${2:-8183}
WHICH=${WHICH:-both}
RATERS=20
JAR=$PWD/target/scratchpad-lens.jar
WORK=$PWD/target/bench-labelling
DATA=${DATA_DIR:-$WORK/data}
ADMIN=bench-admin-pass-1
BASE=http://localhost:$PORT

[ -f "$JAR" ] || ./mvnw -q -B -ntp -DskipTests package
rm -rf "$WORK/app" && mkdir -p "$WORK/app" "$WORK/h2"
[ -n "${H2_KEEP:-}" ] || rm -rf "$WORK/h2"/*
(cd "$WORK/app" && jar xf "$JAR")
CP="$WORK/app/BOOT-INF/classes:$WORK/app/BOOT-INF/lib/*"
APP_PID=
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; wait 2>/dev/null || true; }
trap cleanup EXIT

echo "== machine"
echo "cores: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); memory: $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "load before: $(uptime)"
java -version 2>&1 | head -1

[ -d "$DATA/json_outputs" ] || java -jar "$JAR" generate "$DATA" --transcripts=75000 | tail -1

start_app() { # Spring arguments for the database
  (cd "$WORK" && ADMIN_PASSWORD=$ADMIN exec java -Xmx1g -jar "$JAR" --server.port=$PORT \
     --scratchpad.sample-data.enabled=false "$@" > "$WORK/app.log" 2>&1) &
  APP_PID=$!
  for _ in $(seq 1 180); do curl -fs -o /dev/null "$BASE/login" && break; sleep 1; done
  sleep 2 # the first admin is created as the app starts
}

stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=; }

bench() { # label, JDBC URL, user, password, then Spring arguments
  local label=$1 url=$2 user=$3 password=$4; shift 4
  start_app "$@"
  java -cp "$CP" scripts/LabellingBench.java run "$BASE" "$ADMIN" $RATERS "$DURATION" "$url" "$user" "$password" \
    | sed "s/^/[$label] /"
  stop_app
  echo "[$label] load after: $(uptime)"
}

if [ "$WHICH" != postgres ]; then
  DB=$WORK/h2/db
  if [ -z "${H2_KEEP:-}" ]; then # H2_KEEP=1 reuses the database of an earlier run (campaigns and labels stay)
    echo "== H2: import the release"
    java -Xmx1g -jar "$JAR" import "$DATA/json_outputs" --spring.datasource.url="jdbc:h2:file:$DB" | grep -E "transcripts:" || true
  fi
  java -cp "$CP" scripts/LabellingBench.java users "jdbc:h2:file:$DB" sa "" $RATERS
  bench H2 "jdbc:h2:file:$DB;AUTO_SERVER=TRUE" sa "" --spring.datasource.url="jdbc:h2:file:$DB;AUTO_SERVER=TRUE"
fi

if [ "$WHICH" != h2 ]; then
  PG_DB=${PG_DB:-scratchpad_labels_bench}
  PG=jdbc:postgresql://localhost:5432/$PG_DB
  if [ -z "${PG_KEEP:-}" ]; then # PG_KEEP=1 reuses a database that holds the release already (PG_DB names it)
    su postgres -c "psql -qc 'drop database if exists $PG_DB'" >/dev/null
    su postgres -c "psql -qc 'create database $PG_DB owner scratchpad'" >/dev/null
    echo "== PostgreSQL: import the release"
    java -Xmx1g -jar "$JAR" import "$DATA/json_outputs" --spring.profiles.active=postgres --spring.datasource.url=$PG \
      | grep -E "transcripts:" || true
  fi
  java -cp "$CP" scripts/LabellingBench.java users $PG scratchpad scratchpad $RATERS
  su postgres -c "psql -q -d $PG_DB -c 'vacuum analyze'"
  bench PostgreSQL $PG scratchpad scratchpad --spring.profiles.active=postgres --spring.datasource.url=$PG
fi
