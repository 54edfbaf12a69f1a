#!/usr/bin/env bash
# End-to-end timing of the agreement command (docs/benchmarks.md, "Agreement engine"): wall time and peak memory of
# `java -jar target/scratchpad-lens.jar agreement FILE.csv` on a 75,000-item x 5-rater table with missing ratings and
# on a 10-item table, RUNS runs each as fresh JVMs, after one untimed run of each (page cache, first-run effects).
# Results go to docs/benchmarks.md by hand; the machine is shared, so report the median and the range.
#
#   scripts/benchmark-agreement.sh [RUNS]
#
# The tables are written to target/bench-agreement/ by python3 with a fixed seed, shaped as AgreementBenchmark's:
# answers none/partial/full with rare positives (true answer none 80 %, partial 15 %, full 5 %), each rater right
# 85 % of the time (else a uniformly random answer), each rating missing with probability 10 %.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
JAR=target/scratchpad-lens.jar
DIR=target/bench-agreement
OPTIONS=(--categories=none,partial,full)

[ -f "$JAR" ] || ./mvnw -q -B -ntp -DskipTests package
mkdir -p "$DIR"

generate() { # ITEMS FILE
  python3 - "$1" "$2" <<'PY'
import random, sys
items, path = int(sys.argv[1]), sys.argv[2]
rng = random.Random(20240601)
labels = ["none", "partial", "full"]
with open(path, "w", newline="") as out:
    out.write("item,rater0,rater1,rater2,rater3,rater4\n")
    for i in range(items):
        u = rng.random()
        truth = 0 if u < 0.80 else 1 if u < 0.95 else 2
        row = []
        for r in range(5):
            if rng.random() < 0.10:
                row.append("")
                continue
            row.append(labels[truth if rng.random() < 0.85 else rng.randrange(3)])
        out.write("t%d,%s\n" % (i, ",".join(row)))
PY
}

[ -f "$DIR/big.csv" ] || generate 75000 "$DIR/big.csv"
[ -f "$DIR/small.csv" ] || generate 10 "$DIR/small.csv"

echo "== machine"
echo "cores: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); memory: $(free -g | awk '/Mem:/ {print $2}') GiB"
java -version 2>&1 | head -1
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

for name in big small; do
  file="$DIR/$name.csv"
  echo "== $name.csv: $(($(wc -l <"$file") - 1)) items, $(wc -c <"$file") bytes"
  java -jar "$JAR" agreement "$file" "${OPTIONS[@]}" >/dev/null 2>&1 # untimed
  times=()
  for run in $(seq "$RUNS"); do
    /usr/bin/time -o "$DIR/time.txt" -f '%e s %M KB %U s user %S s sys' java -jar "$JAR" agreement "$file" "${OPTIONS[@]}" >/dev/null 2>&1
    line=$(cat "$DIR/time.txt")
    echo "run $run: $line"
    times+=("${line%% s*}")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END {
    median = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
    printf "median %.2f s, range %.2f-%.2f s over %d runs\n", median, t[1], t[NR], NR }'
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
