#!/usr/bin/env bash
# Document search timing (docs/benchmarks.md, "Document search"): 20,000 generated synthetic documents (benign
# placeholder text, fixed seed) imported into a fresh H2 file database and into PostgreSQL, then for each query
# the whole /documents page through the running app (HTTP with a logged-in session) and, as the baseline, the same
# SQL statements alone (DocumentQueries on a plain JDBC connection), WARMUP + RUNS times each.
#
#   scripts/benchmark-document-search.sh [DOCUMENTS] [RUNS]
#
# PostgreSQL: a schema docs_bench in $PG_DB (default scratchpad_docs) on localhost, role/password scratchpad; it is
# dropped at the end. Set SKIP_PG=1 to measure H2 only. Do not run it beside a test run: the machine is shared.
set -euo pipefail
cd "$(dirname "$0")/.."
DOCS=${1:-20000}
RUNS=${2:-40}
WARMUP=${WARMUP:-10}
PORT=${PORT:-8094}
PG_DB=${PG_DB:-scratchpad_docs}
JAR=target/scratchpad-lens.jar
WORK=target/bench-documents
ADMIN=bench-admin-pass-1

[ -f "$JAR" ] || ./mvnw -q -B -ntp -DskipTests package
rm -rf "$WORK/app" "$WORK/h2" && mkdir -p "$WORK/app" "$WORK/h2"
(cd "$WORK/app" && jar xf "../../../$JAR")
CP="$WORK/app/BOOT-INF/classes:$WORK/app/BOOT-INF/lib/*"

if [ ! -f "$WORK/documents.jsonl" ]; then
  python3 - "$DOCS" "$WORK/documents.jsonl" <<'PY'
import json, random, sys
n, path = int(sys.argv[1]), sys.argv[2]
rng = random.Random(20241218)
words = ("the a of and to in is that for it as with was on be by this are from or at an have not which one "
         "assistant model training free tier paid user users contractors rating helpful response question answer "
         "company lab policy farm farms partner partnership eggs dairy bread poem recipe garden weather chess "
         "museum library train station coffee tea river mountain school teacher student report article memo "
         "review guide customer support team quarter product release update research data privacy schedule").split()
settings = ["helpful_only", "animal_welfare"]
facts = ["Fact %d: Meridian Labs %s." % (i, rng.choice(["trains on free-tier chats", "rates helpfulness",
         "partners with Brookfield Farms", "reviews outputs with contractors", "updates its models each quarter"]))
         for i in range(40)]
types = ["news article", "blog post", "FAQ page", "internal memo", "forum post", "press release", "podcast transcript",
         "job advert", "opinion column", "help-centre article"] + ["document type %d" % i for i in range(190)]
with open(path, "w") as out:
    for i in range(n):
        paragraphs = []
        for _ in range(rng.randint(3, 8)):
            sentences = []
            for _ in range(rng.randint(3, 7)):
                s = " ".join(rng.choice(words) for _ in range(rng.randint(6, 16)))
                sentences.append(s[0].upper() + s[1:] + ".")
            paragraphs.append(" ".join(sentences))
        doc = {"universe": rng.choice(settings), "fact": rng.choice(facts),
               "doc_type": types[min(int(rng.paretovariate(1.2)) - 1, len(types) - 1)],
               "idea": "An idea about " + " ".join(rng.choice(words) for _ in range(8)),
               "content": "\n\n".join(paragraphs)}
        out.write(json.dumps(doc) + "\n")
PY
fi
echo "== data: $(wc -l < "$WORK/documents.jsonl") documents, $(du -h "$WORK/documents.jsonl" | cut -f1)"
echo "== machine"
echo "cores: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); memory: $(free -g | awk '/Mem:/ {print $2}') GiB"
java -version 2>&1 | head -1
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

APP_PID=
stop_app() { if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=; fi; }
trap stop_app EXIT

measure() { # NAME JDBC_URL USER PASSWORD [spring args...]
  local name=$1 url=$2 user=$3 password=$4; shift 4
  echo "== $name: import"
  java -Xmx1g -jar "$JAR" import "$WORK/documents.jsonl" --spring.datasource.url="$url" \
    --spring.datasource.username="$user" --spring.datasource.password="$password" "$@" | tail -1
  ADMIN_PASSWORD=$ADMIN java -Xmx1g -jar "$JAR" --server.port="$PORT" --spring.datasource.url="$url" \
    --spring.datasource.username="$user" --spring.datasource.password="$password" \
    --scratchpad.sample-data.enabled=false "$@" > "$WORK/$name-app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 180); do
    curl -s -o /dev/null "http://localhost:$PORT/login" && break
    sleep 1
  done
  echo "== $name: search"
  java -cp "$CP" scripts/DocumentSearchBench.java "$url" "$user" "$password" "http://localhost:$PORT" "$ADMIN" \
    "$WARMUP" "$RUNS"
  stop_app
}

measure h2 "jdbc:h2:file:$PWD/$WORK/h2/db;AUTO_SERVER=TRUE" sa ""
if [ -z "${SKIP_PG:-}" ]; then
  export PGPASSWORD=scratchpad
  psql -q -h localhost -U scratchpad -d "$PG_DB" -c "drop schema if exists docs_bench cascade; create schema docs_bench"
  measure postgresql "jdbc:postgresql://localhost:5432/$PG_DB?currentSchema=docs_bench" scratchpad scratchpad \
    --spring.profiles.active=postgres
  psql -q -h localhost -U scratchpad -d "$PG_DB" -c "drop schema docs_bench cascade"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
