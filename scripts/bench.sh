#!/usr/bin/env bash
# Benchmark wrapper: run from anywhere; builds .build/release/redact first when it is missing or
# older than Sources/, Rules/ or Package.swift (skip with --redact PATH, --generate-only or
# BENCH_NO_BUILD=1). All arguments go to scripts/bench.py (see --help).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/redact
case " $* " in *" --redact"*|*" --generate-only "*|*" -h "*|*" --help "*) BENCH_NO_BUILD=1 ;; esac
if [ "${BENCH_NO_BUILD:-0}" != 1 ] && { [ ! -x "$bin" ] || [ -n "$(find Sources Rules Package.swift -newer "$bin" -print -quit 2>/dev/null)" ]; }; then
    swift build -c release --product redact
fi
exec python3 scripts/bench.py "$@"
