#!/usr/bin/env bash
# Evidence spans in a 300 KB scratchpad (issue #6, "span selection in a 300 KB scratchpad without lag"): runs the
# Chromium test EvidenceSpansInChromiumTests with ROUNDS extra key presses. The test writes a transcript whose
# scratchpad is ~300,000 characters, opens its labelling page in headless Chromium, selects text with the Selection
# API (near the start, near the end, then ROUNDS more places near the end) and presses e; the page itself times with
# performance.now() from the keydown to the span listed and highlighted (CSS.highlights, same task), to the next
# animation frame, and to a task after that frame; navigation timing gives the page's load. The test prints lines
# starting with "spans benchmark:"; results go to docs/benchmarks.md by hand.
#
#   scripts/benchmark-spans.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-20}
echo "== machine"
echo "cores: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load: $(cut -d' ' -f1-3 /proc/loadavg)"
(chromium --version || /usr/bin/chromium --version) 2>/dev/null | head -1 || true
[ -f node_modules/axe-core/axe.min.js ] || npm ci --no-audit --no-fund >/dev/null
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
./mvnw -ntp -o test -Dtest=EvidenceSpansInChromiumTests -Dsurefire.failIfNoSpecifiedTests=false \
  -Dspans.rounds="$ROUNDS" >"$LOG" 2>&1 || { tail -50 "$LOG"; exit 1; }
grep -h "spans benchmark:" "$LOG" | sed 's/.*spans benchmark: //'
echo "== key press to highlight (ms): median and max over all presses"
grep -h "spans benchmark: e ->" "$LOG" | python3 -c '
import re, statistics, sys
rows = [list(map(float, re.findall(r"([0-9.]+) ms", l))) for l in sys.stdin]
for i, name in enumerate(["listed and highlighted", "next frame", "after the frame"]):
    xs = sorted(r[i] for r in rows)
    print(f"{name}: n={len(xs)} median {statistics.median(xs):.1f} max {xs[-1]:.1f}")'
