#!/usr/bin/env bash
# Full-text search benchmark (issue #5) against a store that already holds the release: the same four requests as
# the search step of scripts/benchmark-browse.sh, plus a page walk of one search, without re-importing.
#
#   scripts/benchmark-search.sh postgres jdbc:postgresql://localhost:5432/scratchpad_bench
#   scripts/benchmark-search.sh h2 /path/to/h2/db          (the H2 file, without .mv.db; its Lucene index beside it)
#
# Waits until the search covers the whole store (the catch-up after an import), then measures each request for 20 s
# with wrk (2 connections, a logged-in browser session; p50/p95/p99 via scripts/wrk-percentiles.lua).
set -euo pipefail
cd "$(dirname "$0")/.."
KIND=$1
DB=$2
JAR=target/scratchpad-lens.jar
PORT=8097
AUTH=admin:bench-password-1
WORK=$(mktemp -d)
[ -f "$JAR" ] || ./mvnw -q -DskipTests package
if [ "$KIND" = postgres ]; then ARGS=(--spring.profiles.active=postgres --spring.datasource.url="$DB")
else ARGS=(--spring.datasource.url="jdbc:h2:file:$DB;AUTO_SERVER=TRUE"); fi
echo "cores: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg); $KIND $DB"
ADMIN_PASSWORD=${AUTH#admin:} ADMIN_RESET_PASSWORD=true java -Xmx2g -jar "$JAR" --server.port=$PORT \
  --scratchpad.sample-data.enabled=false "${ARGS[@]}" >"$WORK/app.log" 2>&1 &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 240); do curl -sf -o /dev/null -u "$AUTH" "localhost:$PORT/api/runs/totals" && break; sleep 1; done
token=$(curl -sf -c "$WORK/jar" "localhost:$PORT/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -sf -o /dev/null -b "$WORK/jar" -c "$WORK/jar" --data-urlencode "username=admin" \
  --data-urlencode "password=${AUTH#admin:}" --data-urlencode "_csrf=$token" "localhost:$PORT/login"
SESSION="JSESSIONID=$(awk '$6 == "JSESSIONID" {print $7}' "$WORK/jar")"
t0=$(date +%s)
while [ "$(curl -sf -b "$WORK/jar" "localhost:$PORT/api/transcripts?q=mahjong&size=1" | sed 's/.*"searchPending":\([0-9]*\).*/\1/')" != 0 ]; do
  sleep 5
done
echo "search covers the store after $(( $(date +%s) - t0 )) s; transcripts: $(curl -sf -b "$WORK/jar" "localhost:$PORT/api/transcripts?size=1" | sed 's/{"total":\([0-9]*\).*/\1/')"
load() { # name url
  printf '%-44s ' "$1"
  WRK_COOKIE=$SESSION wrk -t1 -c2 -d20s -s scripts/wrk-percentiles.lua "http://localhost:$PORT$2" | tail -1
}
first() { # name url: one request, the first time this search is asked
  printf '%-44s %s ms\n' "$1" "$(curl -s -o /dev/null -b "$WORK/jar" -w '%{time_total}' "localhost:$PORT$2" | awk '{print $1 * 1000}')"
}
WRK_COOKIE=$SESSION wrk -t1 -c2 -d10s "http://localhost:$PORT/api/transcripts?q=mahjong" >/dev/null # warm-up
first "first time: a phrase of common words, API" "/api/transcripts?q=%22not+used+for+training%22"
first "first time: a word in every transcript, page" "/transcripts?q=training"
load "one word, API" "/api/transcripts?q=mahjong"
load "two words, API" "/api/transcripts?q=secret+trick"
load "a phrase of common words, API" "/api/transcripts?q=%22not+used+for+training%22"
load "a word in every transcript, page (snippets)" "/transcripts?q=training"
load "the same, page 7" "/transcripts?q=training&page=7"
