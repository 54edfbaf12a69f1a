#!/usr/bin/env bash
# Agreement page benchmark (issue #7, "Performance"): the agreement of a 75,000-item, 5-rater campaign in <= 2 s.
#
# Generates the release's shape (75,000 transcripts, `generate`) unless DATA_DIR holds one, imports it into H2,
# writes a campaign over every transcript with 5 raters who labelled every item, an evidence span on every other label
# (scripts/AgreementPageBench.java, JDBC batch inserts), starts the app and times GET /api/campaigns/{id}/agreement:
# the first call (computed), cached calls, a call after one label changed (an answer flipped, a span moved: computed
# again); baseline: the raw SQL read of the label answers in the same run. Run it only on a quiet machine (load < 3):
# the page is CPU-bound.
#
#   scripts/benchmark-agreement-page.sh [PORT]
#
# KEEP=1 reuses the store and campaign of an earlier run (to measure a change without importing again).
#
# The computing part alone, without a database (seconds, no import):
#   ./mvnw -q -o test-compile && java -cp "target/classes:target/test-classes:$(./mvnw -q -o \
#     dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" \
#     org.scratchpadlens.agreement.web.AgreementComputeBench 75000 5 8
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-8187}
RATERS=5
JAR=$PWD/target/scratchpad-lens.jar
WORK=$PWD/target/bench-agreement-page
DATA=${DATA_DIR:-$WORK/data}
BASE=http://localhost:$PORT

[ -f "$JAR" ] || ./mvnw -q -B -ntp -DskipTests package
rm -rf "$WORK/app" && mkdir -p "$WORK/app"
[ -n "${KEEP:-}" ] && [ -f "$WORK/campaign" ] || { rm -rf "$WORK/h2" "$WORK/campaign"; mkdir -p "$WORK/h2"; }
(cd "$WORK/app" && jar xf "$JAR")
CP="$WORK/app/BOOT-INF/classes:$WORK/app/BOOT-INF/lib/*"
APP_PID=
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; wait 2>/dev/null || true; }
trap cleanup EXIT

echo "== machine"
echo "cores: $(nproc); memory: $(free -g | awk '/Mem:/ {print $2}') GiB; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -version 2>&1 | head -1

[ -d "$DATA/json_outputs" ] || java -jar "$JAR" generate "$DATA" --transcripts=75000 | tail -1
DB=$WORK/h2/db
if [ ! -f "$WORK/campaign" ]; then
  echo "== H2: import the release"
  java -Xmx1g -jar "$JAR" import "$DATA/json_outputs" --spring.datasource.url="jdbc:h2:file:$DB" | grep -E "transcripts:" || true
  echo "== labels"
  CAMPAIGN=$(java -cp "$CP" scripts/AgreementPageBench.java labels "jdbc:h2:file:$DB" sa "" $RATERS | tail -1)
  echo "$CAMPAIGN" > "$WORK/campaign"
fi
CAMPAIGN=$(cat "$WORK/campaign")
echo "campaign $CAMPAIGN"
# Evidence spans on every other label, as AgreementPageBench writes them, for a store made before spans were part
# of the benchmark.
cat > "$WORK/spans.sql" <<SQL
insert into label_span (label_id, question, message_ordinal, start_offset, end_offset, quoted)
select l.id, case when t.split = 'train' then 'training_awareness' else 'awareness_not_used_for_training' end, 2,
  20 + mod(l.id, 7), 70 + mod(l.id * 13, 29), 'placeholder evidence'
from label l join transcript t on t.id = l.transcript_id
where l.campaign_id = $CAMPAIGN and mod(l.id, 2) = 0
  and not exists (select 1 from label_span s join label m on m.id = s.label_id where m.campaign_id = $CAMPAIGN);
SQL
java -cp "$CP" org.h2.tools.RunScript -url "jdbc:h2:file:$DB" -user sa -script "$WORK/spans.sql"
start_app() { # extra Spring arguments
  (cd "$WORK" && ADMIN_PASSWORD=bench-admin-pass-1 exec java -Xmx2g -jar "$JAR" --server.port=$PORT \
     --scratchpad.sample-data.enabled=false --spring.datasource.url="jdbc:h2:file:$DB;AUTO_SERVER=TRUE" "$@" \
     > "$WORK/app.log" 2>&1) &
  APP_PID=$!
  for _ in $(seq 1 180); do curl -fs -o /dev/null "$BASE/login" && break; sleep 1; done
}
stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=; }

forget_figures() { # the figures kept in the store (V17), as if never computed; the app is running
  echo "delete from agreement_figures;" > "$WORK/forget.sql"
  java -cp "$CP" org.h2.tools.RunScript -url "jdbc:h2:file:$DB;AUTO_SERVER=TRUE" -user sa -script "$WORK/forget.sql"
}

echo "== without the warm-up after a start, nothing kept: the first view reads every label"
start_app --scratchpad.agreement.warm-up=false
forget_figures
java -cp "$CP" scripts/AgreementPageBench.java run "$BASE" "$CAMPAIGN" "jdbc:h2:file:$DB;AUTO_SERVER=TRUE" sa ""
stop_app
echo "== after a restart, without the warm-up: the figures kept in the store by the run above"
start_app --scratchpad.agreement.warm-up=false
java -cp "$CP" scripts/AgreementPageBench.java first "$BASE" "$CAMPAIGN"
stop_app
echo "== after a restart with the warm-up (the default): the kept figures, as soon as the app answers"
start_app
java -cp "$CP" scripts/AgreementPageBench.java first "$BASE" "$CAMPAIGN"
stop_app
echo "== with the warm-up, nothing kept: the first view as soon as the app answers"
start_app
forget_figures
java -cp "$CP" scripts/AgreementPageBench.java first "$BASE" "$CAMPAIGN"
stop_app
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
