#!/usr/bin/env bash
# Reads every CSV export in DIR with pandas' read_csv and R's read.csv, with no options beyond the defaults, and
# checks that each column has the type it should (DIR/types.csv: file,column,type with type number, boolean or text)
# and that both read as many rows as the file has (DIR/rows.csv: file,rows). ExportsInPandasAndRTests writes such a
# directory (target/export-check) and runs this script; run it by hand on any directory of exports the same way.
# Needs python3 with pandas and Rscript (Debian: python3-pandas r-base-core).
set -euo pipefail
DIR=${1:?usage: scripts/check-exports.sh DIR}

PY=python3
if ! "$PY" -c 'import pandas' 2>/dev/null; then
  PY=/usr/bin/python3
fi

"$PY" - "$DIR" <<'PYTHON'
import sys, os
import pandas as pd
d = sys.argv[1]
types = pd.read_csv(os.path.join(d, "types.csv"), dtype=str, keep_default_na=False)
rows = pd.read_csv(os.path.join(d, "rows.csv"), dtype={"file": str, "rows": int})
problems = []
for _, r in rows.iterrows():
    df = pd.read_csv(os.path.join(d, r["file"]))
    if len(df) != r["rows"]:
        problems.append(f"{r['file']}: pandas read {len(df)} rows, not {r['rows']}")
    for _, t in types[types.file == r["file"]].iterrows():
        col = df[t["column"]]
        values = col.dropna()
        if len(values) == 0:
            continue  # an empty column has no type to check
        if t["type"] == "number":
            ok = pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_bool_dtype(col)
        elif t["type"] == "boolean":
            ok = pd.api.types.is_bool_dtype(col) or all(isinstance(v, bool) or type(v).__name__ == "bool_" for v in values)
        else:
            ok = col.dtype == object and all(isinstance(v, str) for v in values)
        if not ok:
            problems.append(f"{r['file']}: pandas reads {t['column']} as {col.dtype} ({values.iloc[0]!r}), not {t['type']}")
if problems:
    print("\n".join(problems))
    sys.exit(1)
print(f"pandas {pd.__version__}: {len(rows)} files, {len(types)} typed columns as expected")
PYTHON

Rscript --vanilla -e '
d <- commandArgs(trailingOnly = TRUE)[1]
types <- read.csv(file.path(d, "types.csv"), colClasses = "character", na.strings = character(0))
rows <- read.csv(file.path(d, "rows.csv"), colClasses = c("character", "integer"))
problems <- character(0)
for (i in seq_len(nrow(rows))) {
  f <- rows$file[i]
  df <- read.csv(file.path(d, f))
  if (nrow(df) != rows$rows[i]) problems <- c(problems, sprintf("%s: R read %d rows, not %d", f, nrow(df), rows$rows[i]))
  mine <- types[types$file == f, ]
  for (j in seq_len(nrow(mine))) {
    col <- df[[make.names(mine$column[j])]]
    if (is.null(col)) { problems <- c(problems, sprintf("%s: R finds no column %s", f, mine$column[j])); next }
    if (all(is.na(col))) next
    type <- mine$type[j]
    ok <- if (type == "number") is.numeric(col) else if (type == "boolean") is.logical(col) else is.character(col)
    if (!ok) problems <- c(problems, sprintf("%s: R reads %s as %s, not %s", f, mine$column[j], class(col)[1], type))
  }
}
if (length(problems) > 0) { cat(problems, sep = "\n"); quit(status = 1) }
cat(sprintf("%s: %d files, %d typed columns as expected\n", R.version.string, nrow(rows), nrow(types)))
' "$DIR"
