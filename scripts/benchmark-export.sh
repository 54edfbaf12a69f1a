#!/usr/bin/env bash
# Export benchmark (issue #7, "Performance"): the wide export of 75,000 transcripts x 3 raters in <= 10 s with flat
# memory. Imports the release's shape (DATA_DIR, default target/bench-data, else generated there), starts the app with a
# 256 MB heap and GC logging, adds a campaign over every transcript with 3 raters and 5 answers per label (SQL),
# then times GET /export/transcripts.csv?campaign=<id> (and the long export) with curl over HTTP Basic, and, as
# the same-run baseline, the raw SQL read of the same rows (scripts/ExportSqlBaseline.java). The heap after each GC
# during the export is printed from the GC log: flat memory means it does not grow with the rows written.
#
#   scripts/benchmark-export.sh [PORT]
#
# H2 only (file database under target/bench-export). Run it on a quiet machine (load < 3); results go to
# docs/benchmarks.md ("Exports") by hand.
#
# KEEP=1 reuses the store and campaign of an earlier run (to measure a change without importing again).
# JAR=<path> runs another build of the app (an older one, to compare in the same conditions).
# JFR=1 records the app with Java Flight Recorder (profile settings) into target/bench-export/export.jfr; then
#   jfr print --events jdk.ExecutionSample target/bench-export/export.jfr
# gives the sampled stacks (count the top frames, or the frames of org.scratchpadlens).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-8187}
JAR=${JAR:-$PWD/target/scratchpad-lens.jar}
WORK=$PWD/target/bench-export
DATA=${DATA_DIR:-$PWD/target/bench-data}
ADMIN=bench-admin-pass-1
BASE=http://localhost:$PORT
DB=$WORK/h2/db
URL="jdbc:h2:file:$DB;AUTO_SERVER=TRUE"

[ -f "$JAR" ] || ./mvnw -q -B -ntp -DskipTests package
rm -rf "$WORK/app" "$WORK/gc.log" "$WORK/export.jfr" && mkdir -p "$WORK/app"
[ -n "${KEEP:-}" ] && [ -f "$WORK/campaign" ] || { rm -rf "$WORK/h2" "$WORK/campaign"; mkdir -p "$WORK/h2"; }
(cd "$WORK/app" && jar xf "$JAR")
CP="$WORK/app/BOOT-INF/classes:$WORK/app/BOOT-INF/lib/*"
APP_PID=
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; wait 2>/dev/null || true; }
trap cleanup EXIT

echo "== machine"
echo "cores: $(nproc); memory: $(free -g | awk '/Mem:/ {print $2}') GiB; load before: $(uptime)"
java -version 2>&1 | head -1

if [ ! -f "$WORK/campaign" ]; then
  if [ ! -d "$DATA/json_outputs" ]; then
    DATA=$WORK/data
    java -jar "$JAR" generate "$DATA" --transcripts=75000 | tail -1
  fi
  echo "== import $DATA"
  java -Xmx1g -jar "$JAR" import "$DATA/json_outputs" --spring.datasource.url="jdbc:h2:file:$DB" | grep -E "transcripts:" || true
fi

# The agreement warm-up is off: it would compute the 225,000-label campaign's agreement
# in the same 256 MB heap at the same time and measure that, not the export.
echo "== app (-Xmx256m)"
RECORD=()
[ -n "${JFR:-}" ] && RECORD=(-XX:FlightRecorderOptions:stackdepth=256 -XX:StartFlightRecording=filename="$WORK/export.jfr",settings=profile)
(cd "$WORK" && ADMIN_PASSWORD=$ADMIN exec java -Xmx256m -Xlog:gc:file="$WORK/gc.log":uptime "${RECORD[@]}" -jar "$JAR" \
   --server.port=$PORT --scratchpad.sample-data.enabled=false --spring.datasource.url="$URL" \
   --scratchpad.agreement.warm-up=false > "$WORK/app.log" 2>&1) &
APP_PID=$!
for _ in $(seq 1 180); do curl -fs -o /dev/null "$BASE/login" && break; sleep 1; done
sleep 2

if [ ! -f "$WORK/campaign" ]; then
echo "== a campaign over every transcript, 3 raters, 5 answers each"
cat > "$WORK/seed.sql" <<'SQL'
insert into app_user (username, password_hash, role, enabled, created_at) values
  ('bench_r1', 'x', 'ANNOTATOR', true, current_timestamp),
  ('bench_r2', 'x', 'ANNOTATOR', true, current_timestamp),
  ('bench_r3', 'x', 'ANNOTATOR', true, current_timestamp);
insert into campaign (name, created_by, created_at, rubric_version, raters_per_item, item_order, order_seed,
  hide_metrics, hide_other_labels, mask_condition, reveal_after_submit, reservation_seconds, filter_query, sample_json,
  matched_count, item_count)
  select 'bench', 'admin', current_timestamp, max(version), 3, 'run', 0, false, false, false, true, 1800, '', null,
    0, 0 from rubric_version;
insert into campaign_rater (campaign_id, username)
  select c.id, u.username from campaign c, app_user u where c.name = 'bench' and u.username like 'bench_r%';
insert into campaign_item (campaign_id, transcript_id, position, stratum, label_count, filled)
  select c.id, t.id, row_number() over (order by t.id), null, 3, true
  from campaign c, transcript t where c.name = 'bench' and t.is_current;
insert into label (campaign_id, transcript_id, annotator, rubric_version, revision, seconds_spent, created_at, updated_at)
  select i.campaign_id, i.transcript_id, r.username, c.rubric_version, 1, 30, current_timestamp, current_timestamp
  from campaign c join campaign_item i on i.campaign_id = c.id join campaign_rater r on r.campaign_id = c.id
  where c.name = 'bench';
insert into label_answer (label_id, question, answer)
  select l.id, q.question, case when mod(l.id + q.n, 3) = 0 then 'no' else 'yes' end
  from label l cross join (values ('training_awareness', 1), ('understands_modification', 2),
    ('preference_conflict', 3), ('deviates_for_reward', 4), ('motivated_by_modification', 5)) q(question, n);
SQL
time java -cp "$CP" org.h2.tools.RunScript -url "$URL" -user sa -script "$WORK/seed.sql"
CAMPAIGN=$(java -cp "$CP" org.h2.tools.Shell -url "$URL" -user sa -sql "select id from campaign where name = 'bench'" \
  | sed -n 2p | tr -d ' ')
echo "$CAMPAIGN" > "$WORK/campaign"
fi
CAMPAIGN=$(cat "$WORK/campaign")
echo "campaign $CAMPAIGN"

cpu() { # CPU seconds the app's process has used (all its threads: request, GC, JIT)
  awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$APP_PID/stat"
}
measure() { # label, path
  local start_line cpu_before
  start_line=$(wc -l < "$WORK/gc.log")
  cpu_before=$(cpu)
  curl -fsS -u "admin:$ADMIN" -o "$WORK/out.csv" -w "[$1] %{http_code}, %{size_download} bytes, %{time_total} s\n" \
    "$BASE$2"
  echo "[$1] app CPU: $(echo "$(cpu) - $cpu_before" | bc) s (independent of the machine's load, unlike the wall time)"
  echo "[$1] rows: $(($(wc -l < "$WORK/out.csv") - 1)) lines; heap after the GCs meanwhile (MB):" \
    "$(tail -n +"$((start_line + 1))" "$WORK/gc.log" | grep -oE '[0-9]+M->[0-9]+M' | cut -d'>' -f2 | tr -d M | tr '\n' ' ')"
}
for i in 1 2 3; do
  measure "wide, campaign, run $i" "/export/transcripts.csv?campaign=$CAMPAIGN"
done
measure "wide, all transcripts" "/export/transcripts.csv"
measure "long, campaign" "/export/labels.csv?campaign=$CAMPAIGN"
echo "max heap after any GC (MB): $(grep -oE '[0-9]+M->[0-9]+M' "$WORK/gc.log" | cut -d'>' -f2 | tr -d M | sort -n | tail -1)"

echo "== baseline: the raw SQL read of the same rows (same run, app still up)"
java -cp "$CP" scripts/ExportSqlBaseline.java "$URL" sa "" "$CAMPAIGN"
echo "load after: $(uptime)"
if [ -n "${JFR:-}" ]; then
  kill "$APP_PID" && wait "$APP_PID" 2>/dev/null || true
  APP_PID=
  echo "== JFR: top frames of the execution samples (all threads), then our code's frames"
  jfr print --events jdk.ExecutionSample "$WORK/export.jfr" > "$WORK/samples.txt"
  awk '/stackTrace = \[/ {getline; print}' "$WORK/samples.txt" | sed -E 's/line:.*//; s/^ +//' | sort | uniq -c \
    | sort -rn | head -25
  grep -oE 'org\.scratchpadlens\.[A-Za-z.$]+\.[a-zA-Z$0-9_]+\(' "$WORK/samples.txt" | sort | uniq -c | sort -rn | head -25
fi
