#!/usr/bin/env bash
# genbench.sh -- generate the generalisation harness's two splits (dev, heldout) and score
# `redact` on both with ../shared/eval/run_tool.sh; prints one table.  See scripts/genbench/README.md.
#
# Usage: scripts/genbench.sh [--redact BIN] [--out DIR] [--seed N] [--docs N] [--no-gen] [-- ARGS...]
#   --redact BIN  the binary to score (default: .build/release/redact, else .build/debug/redact)
#   --out DIR     where documents and results go (default: .build/genbench; never commit it)
#   --seed N      generator seed (default 12); --docs N documents per split (default 150)
#   --no-gen      score the documents already in DIR
#   -- ARGS...    passed to every `redact run` / `redact scan`
# Exit status: 0 both splits scored, 1 a split failed (its log is DIR/score/<split>.log; when
# `redact run` itself failed on some files, the split is still scored from what it wrote, the
# refused files counting as unredacted, and marked * in the table), 2 usage.
set -euo pipefail
cd "$(dirname "$0")/.."

REDACT="" ; OUT=".build/genbench" ; SEED=12 ; DOCS=150 ; GEN=1 ; EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --redact) REDACT="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --docs) DOCS="$2"; shift 2 ;;
    --no-gen) GEN=0; shift ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    --) shift; EXTRA=("$@"); break ;;
    *) echo "genbench.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

RUN_TOOL="../shared/eval/run_tool.sh"
[ -x "$RUN_TOOL" ] || [ -f "$RUN_TOOL" ] || { echo "genbench.sh: $RUN_TOOL not found (run from a worktree next to shared/)" >&2; exit 2; }
if [ -z "$REDACT" ]; then
  if [ -x .build/release/redact ]; then REDACT=.build/release/redact
  elif [ -x .build/debug/redact ]; then REDACT=.build/debug/redact
  else echo "genbench.sh: no redact binary; build one or pass --redact" >&2; exit 2; fi
fi

if [ "$GEN" = 1 ]; then
  python3 -c 'import faker' 2>/dev/null || {
    echo "genbench.sh: Faker is missing: pip install -r scripts/genbench/requirements.txt" >&2; exit 2; }
  python3 scripts/genbench/gen.py --out "$OUT" --seed "$SEED" --dev "$DOCS" --heldout "$DOCS"
fi

status=0
mkdir -p "$OUT/score"
for split in dev heldout; do
  rc=0
  bash "$RUN_TOOL" --redact "$REDACT" --name "genbench-$split" "$OUT/$split/gold.jsonl" "$OUT/$split" \
       "$OUT/score/$split" ${EXTRA[@]+-- "${EXTRA[@]}"} >"$OUT/score/$split.log" 2>&1 || rc=$?
  if [ "$rc" = 3 ] && [ -d "$OUT/score/$split/redacted" ]; then
    # redact failed on some files (e.g. its verification refused to write them): score what it wrote
    echo "genbench.sh: redact failed on $split (see $OUT/score/$split.log):" >&2
    grep -h '^error ' "$OUT/score/$split/logs/"run_*.stderr >&2 || true
    python3 scripts/genbench/rescore.py "$OUT/$split/gold.jsonl" "$OUT/$split" "$OUT/score/$split" "$REDACT" \
      ${EXTRA[@]+"${EXTRA[@]}"} || rc=4
    status=1
  elif [ "$rc" != 0 ]; then
    echo "genbench.sh: scoring $split failed; see $OUT/score/$split.log" >&2
    status=1
  fi
done
echo "redact: $REDACT   seed: $SEED   reports: $OUT/score/<split>/report.txt (look only at dev's details)"
python3 scripts/genbench/table.py "$OUT/score/dev" "$OUT/score/heldout" || status=1
exit $status
