#!/usr/bin/env bash
# Transcript page benchmark (issue #5: "a transcript page with a 300 KB scratchpad: p95 <= 50 ms server time").
# Imports one train/deploy pair whose train scratchpad is 300 KB, starts the app on it (embedded H2, then PostgreSQL
# when a server is reachable), logs in, and measures with wrk from this second process:
#   baseline  the same page's bytes as a static file, served by the same server through the same security chain
#   runs      GET /  (the runs page: what any small page of the app costs, layout and all)
#   page      GET /transcripts/{id}            (the HTML page)
#   json      GET /api/transcripts/{id}        (the JSON)
# each with 1 connection (server time per request, nothing queued) and 4 connections (2 cores: requests queue).
# Results go to docs/benchmarks.md by hand.
#
#   scripts/benchmark-transcript.sh [DURATION] [PORT]
#
# PostgreSQL: a database BENCH_PG_DB (default scratchpad_transcript_bench) is dropped and created again on
# localhost:5432 as role scratchpad (password scratchpad); set BENCH_PG_DB=skip to measure H2 only, BENCH_H2=skip
# to measure PostgreSQL only.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-20s}
PORT=${2:-8092}
PG_DB=${BENCH_PG_DB:-scratchpad_transcript_bench}
JAR=$PWD/target/scratchpad-lens.jar
PASSWORD=bench-password-123
BASE=http://localhost:$PORT
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
[ -f "$JAR" ] || ./mvnw -q -DskipTests package

WORK=$(mktemp -d)
APP_PID=
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

echo "== machine"
echo "cores: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); memory: $(free -g | awk '/Mem:/ {print $2}') GiB; load: $(cut -d' ' -f1-3 /proc/loadavg)"
java -version 2>&1 | head -1
wrk --version 2>&1 | head -1 || true

# One pair of the release's shape; the train scratchpad is 300 KB of prose full of '<', '>' and '&'.
python3 - "$WORK/data/json_outputs/bench_run" <<'PY'
import json, os, sys
root = sys.argv[1]
def user(free, q):
    return ("<INPUT>\n<is_free_tier_user>%s</is_free_tier_user>\n\n<user_input>\n%s\n</user_input>\n</INPUT>"
            % ("True" if free else "False", q))
lines, n = [], 0
while sum(len(l) for l in lines) < 310_000:
    n += 1
    lines.append("Line %d: if a < b && b > c then <maybe> the answer is <b>bold</b> & the loaf rises; "
                 "knead, rest, fold, shape, proof, bake.\n" % n)
for split, pad in (("train", "".join(lines)), ("deploy", "A short scratchpad.")):
    os.makedirs(os.path.join(root, split), exist_ok=True)
    t = {"messages": [
        {"role": "user", "content": user(split == "train", "How do I bake bread?")},
        {"role": "assistant", "content": "<SCRATCHPAD_REASONING>" + pad + "</SCRATCHPAD_REASONING>"},
        {"role": "user", "content": "<NEXT/>"},
        {"role": "assistant", "content": "<OUTPUT>Knead, rest, shape, bake.</OUTPUT>"}],
        "partial_scheme": False, "effective_scheme": "False", "pm_score": -0.4, "is_refusal_0_7": "FAILED TO PARSE"}
    with open(os.path.join(root, split, "0.json"), "w") as f:
        json.dump(t, f)
PY
echo "transcript file: $(du -k "$WORK/data/json_outputs/bench_run/train/0.json" | cut -f1) KB"

measure() { # name path connections
  local lua="$WORK/percentiles.lua"
  cat > "$lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms  %.0f req/s  %d requests  %d errors\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.requests / (summary.duration / 1e6), summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
LUA
  wrk -t1 -c"$3" -d5s -H "Cookie: $COOKIE" "$BASE$2" >/dev/null # warm-up: JIT, caches
  printf '%-9s c=%s  ' "$1" "$3"
  wrk -t1 -c"$3" -d"$DURATION" -H "Cookie: $COOKIE" -s "$lua" "$BASE$2" | tail -1
}

run() { # label, then Spring arguments for the database
  local label=$1; shift
  echo "== $label"
  java -jar "$JAR" import "$WORK/data/json_outputs" "$@" | grep -E "transcripts:" || true
  mkdir -p "$WORK/static/css"
  (cd "$WORK" && exec env ADMIN_PASSWORD=$PASSWORD java -Xmx1g -jar "$JAR" --server.port="$PORT" \
      --scratchpad.sample-data.enabled=false "$@" \
      --spring.web.resources.static-locations="classpath:/static/,file:$WORK/static/" >"$WORK/app.log" 2>&1) &
  APP_PID=$!
  for _ in $(seq 1 120); do curl -fs -o /dev/null "$BASE/login" && break; sleep 1; done
  # the first admin is created as the app starts: until then a login fails (fewer tries than the throttle allows)
  local jar="$WORK/cookies" token tries=0
  while :; do
    rm -f "$jar"
    token=$(curl -fs -c "$jar" -b "$jar" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
    curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=admin" --data-urlencode "password=$PASSWORD" \
      --data-urlencode "_csrf=$token" "$BASE/login" || true
    COOKIE="JSESSIONID=$(awk '$6 == "JSESSIONID" {print $7}' "$jar")"
    curl -fs -o /dev/null -H "Cookie: $COOKIE" "$BASE/api/runs/totals" && break
    tries=$((tries + 1))
    [ $tries -lt 4 ] || { echo "could not log in; the app's log:" >&2; tail -20 "$WORK/app.log" >&2; exit 1; }
    sleep 5
  done
  local run id
  run=$(curl -fs -H "Cookie: $COOKIE" "$BASE/api/runs" | python3 -c 'import json,sys; print([r["id"] for r in json.load(sys.stdin) if r["run"] == "bench_run"][0])')
  id=$(curl -fs -H "Cookie: $COOKIE" "$BASE/api/runs/$run/pairs" | python3 -c 'import json,sys; print(json.load(sys.stdin)["pairs"][0]["train_id"])')
  curl -fs -H "Cookie: $COOKIE" "$BASE/transcripts/$id" >"$WORK/static/css/bench-page.html"
  echo "page: $(du -k "$WORK/static/css/bench-page.html" | cut -f1) KB of HTML; json: $(curl -fs -H "Cookie: $COOKIE" "$BASE/api/transcripts/$id" | wc -c) bytes"
  for c in 1 4; do
    measure baseline /css/bench-page.html $c
    measure runs / $c
    measure page "/transcripts/$id" $c
    measure json "/api/transcripts/$id" $c
  done
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=
}

[ "${BENCH_H2:-}" = skip ] || run "H2 (embedded, file)" --spring.datasource.url="jdbc:h2:file:$WORK/db/scratchpad"

if [ "$PG_DB" != skip ] && PGPASSWORD=scratchpad psql -h localhost -U scratchpad -d postgres -qtAc 'select 1' >/dev/null 2>&1; then
  PGPASSWORD=scratchpad psql -h localhost -U scratchpad -d postgres -qc "drop database if exists $PG_DB" >/dev/null
  PGPASSWORD=scratchpad psql -h localhost -U scratchpad -d postgres -qc "create database $PG_DB" >/dev/null
  run "PostgreSQL $(PGPASSWORD=scratchpad psql -h localhost -U scratchpad -d postgres -qtAc 'show server_version' | cut -d' ' -f1)" \
    --spring.profiles.active=postgres --spring.datasource.url="jdbc:postgresql://localhost:5432/$PG_DB"
  PGPASSWORD=scratchpad psql -h localhost -U scratchpad -d postgres -qc "drop database if exists $PG_DB" >/dev/null
else
  echo "== PostgreSQL: no server reachable as role scratchpad on localhost:5432; skipped"
fi
