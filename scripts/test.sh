#!/usr/bin/env bash
# The test command: installs what is missing, then runs every test (unit, rule examples,
# end-to-end CLI tests against the real binary) and `redact rules check`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build
.build/debug/redact rules check
# The generalisation harness's own tests (gold offsets, disjoint splits, check digits).
(cd scripts/genbench && python3 -m unittest -q test_genbench)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
swift test 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# Swift Testing closes with "… Test run with N tests in M suites passed …" (N counts skipped
# tests too); repeat it as the plain "N passed, N failed" line every CI reader understands.
total=$(grep -oE 'Test run with [0-9]+ tests?' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
skipped=$(grep -cE '^➜ Test .* skipped' "$log" || true)
failed=$(grep -cE '^✘ Test .* failed' "$log" || true)
if [ "$status" -eq 0 ]; then
    echo "$((total - skipped)) passed, 0 failed, ${skipped} skipped"
else
    echo "$((total - skipped - failed)) passed, ${failed} failed, ${skipped} skipped"
fi
exit "$status"
