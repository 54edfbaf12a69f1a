#!/usr/bin/env bash
# Import benchmark (issue: the full release in <= 60 s with a heap <= 1 GB on H2; compared with a plain Jackson
# parse of the same files in the same run; PostgreSQL measured too). Results go to docs/benchmarks.md by hand.
#
#   scripts/benchmark-import.sh [DATA_DIR] [TRANSCRIPTS]
#
# DATA_DIR defaults to ./bench-data (about 3 GB for 75,000 transcripts; git-ignored). PostgreSQL is measured when
# `psql` can reach a server as the postgres OS user (as .ci/run sets it up); otherwise that step is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-bench-data}
N=${2:-75000}
JAR=target/scratchpad-lens.jar
HEAP=-Xmx1g
TIME="/usr/bin/time -f %e_s_wall_%P_cpu_%M_KB_maxrss"

[ -f "$JAR" ] || ./mvnw -q -DskipTests package
if [ ! -d "$DATA/json_outputs" ]; then
  java -jar "$JAR" generate "$DATA" --transcripts="$N"
fi

echo "== machine"
echo "cores: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); memory: $(free -g | awk '/Mem:/ {print $2}') GiB"
java -version 2>&1 | head -1
echo "data: $(find "$DATA/json_outputs" -name '*.json' | wc -l) files, $(du -sh "$DATA/json_outputs" | cut -f1)"

echo "== warm the page cache (both runs read from memory, as a second run on a laptop would)"
cat $(find "$DATA/json_outputs" -name '*.json' | head -1) >/dev/null
find "$DATA/json_outputs" -name '*.json' -print0 | xargs -0 cat >/dev/null

echo "== baseline: plain Jackson parse of every file, one thread"
$TIME java $HEAP -jar "$JAR" baseline "$DATA/json_outputs"

echo "== import into a fresh H2 file database"
DB=$(mktemp -d)
$TIME java $HEAP -jar "$JAR" import "$DATA/json_outputs" --spring.datasource.url="jdbc:h2:file:$DB/db" \
  --report="$DB/report.json" | grep -E "Import job|transcripts:|rejected:"
echo "database size: $(du -sh "$DB" | cut -f1)"
echo "== the same again: nothing changed, nothing added"
$TIME java $HEAP -jar "$JAR" import "$DATA/json_outputs" --spring.datasource.url="jdbc:h2:file:$DB/db" \
  | grep -E "Import job|transcripts:"
rm -rf "$DB"

if su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1; then
  echo "== import into a fresh PostgreSQL database"
  su postgres -c "psql -qc 'drop database if exists scratchpad_bench'" >/dev/null
  su postgres -c "psql -qc 'create database scratchpad_bench owner scratchpad'" >/dev/null
  $TIME java $HEAP -jar "$JAR" import "$DATA/json_outputs" --spring.profiles.active=postgres \
    --spring.datasource.url=jdbc:postgresql://localhost:5432/scratchpad_bench | grep -E "Import job|transcripts:|rejected:"
  su postgres -c "psql -qtAc \"select 'database size: ' || pg_size_pretty(pg_database_size('scratchpad_bench'))\""
else
  echo "== PostgreSQL: no server reachable as the postgres user; skipped"
fi
