#!/usr/bin/env bash
# Hook speed: `redact scan` on a 100 kB article (process start included) and `redact scan
# --staged` on a 1 MB staged change, release build. Prints milliseconds (mean ± sd, min)
# from hyperfine (apt-get install hyperfine), or a plain loop when hyperfine is missing.
# Usage: scripts/bench-hooks.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
swift build -c release --product redact >/dev/null
bin=$PWD/.build/release/redact
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home"; mkdir -p "$HOME"

# A 100 kB article: the English news draft (fake personal data) and the Chinese daily report,
# repeated to 100,000 bytes, cut at a line end.
python3 - "$work/article.md" <<'PY'
import sys
parts = [open("Samples/news-draft-en.md", encoding="utf-8").read(), open("Samples/daily-report-zh.txt", encoding="utf-8").read()]
text = ""
while len(text.encode()) < 100_000:
    text += parts[0] + "\n" + parts[1] + "\n"
data = text.encode()[:100_000]
data = data[: data.rfind(b"\n") + 1]
open(sys.argv[1], "wb").write(data)
PY

# A 1 MB staged change: ten 100 kB files (Markdown, CSV, JSON Lines) added to a new repository.
repo="$work/repo"; mkdir -p "$repo"
git -C "$repo" init -q
python3 - "$repo" <<'PY'
import os, sys
root = sys.argv[1]
sources = {"md": "Samples/news-draft-en.md", "txt": "Samples/daily-report-zh.txt",
           "csv": "Samples/foreigners-registry.csv", "jsonl": "Samples/export.jsonl"}
exts = ["md", "txt", "csv", "jsonl", "md", "txt", "csv", "jsonl", "md", "txt"]
for i, ext in enumerate(exts):
    text = open(sources[ext], encoding="utf-8").read()
    header, body = (text.split("\n", 1) + [""])[:2] if ext == "csv" else ("", text)
    out = header + "\n" if header else ""
    while len(out.encode()) < 100_000:
        out += body if body.endswith("\n") else body + "\n"
    os.makedirs(os.path.join(root, "stories"), exist_ok=True)
    open(os.path.join(root, "stories", f"f{i}.{ext}"), "w", encoding="utf-8").write(out)
PY
git -C "$repo" add -A
staged=$(git -C "$repo" diff --cached --numstat | wc -l)
bytes=$(du -cb "$repo"/stories/* | tail -1 | cut -f1)
echo "article: $(wc -c < "$work/article.md") bytes; staged change: $staged files, $bytes bytes"

if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N -w 3 -r "$runs" -i --export-json "$work/a.json" "$bin scan $work/article.md" >/dev/null
    (cd "$repo" && hyperfine -N -w 2 -r "$((runs / 3 + 1))" -i --export-json "$work/s.json" "$bin scan --staged" >/dev/null)
    python3 - "$work/a.json" "$work/s.json" <<'PY'
import json, sys
for name, path in [("scan 100 kB article", sys.argv[1]), ("scan --staged 1 MB", sys.argv[2])]:
    r = json.load(open(path))["results"][0]
    print(f"{name}: mean {r['mean']*1000:.1f} ms ± {r['stddev']*1000:.1f}, min {r['min']*1000:.1f} ms, median {r['median']*1000:.1f} ms (exit codes {sorted(set(r['exit_codes']))})")
PY
else
    for label in article staged; do
        start=$(date +%s%N)
        for _ in $(seq "$runs"); do
            if [ $label = article ]; then "$bin" scan "$work/article.md" >/dev/null 2>&1 || true
            else (cd "$repo" && "$bin" scan --staged >/dev/null 2>&1 || true); fi
        done
        end=$(date +%s%N)
        echo "$label: mean $(( (end - start) / runs / 1000000 )) ms over $runs runs (no hyperfine: plain loop)"
    done
fi
