#!/usr/bin/env bash
# Renders the review report of a run over Samples/ in a real headless browser (Chromium from
# Debian) and checks it: a screenshot is taken (scripts/report-check.png, look at it), the DOM
# after the page's script ran holds every highlighted decision, and a filter link
# (#hide=keep) hides the near-misses. Installs chromium and a CJK font when missing.
# Usage: scripts/report-check.sh [SCREENSHOT.png]
set -euo pipefail
cd "$(dirname "$0")/.."
shot=${1:-scripts/report-check.png}
scripts/setup.sh
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "cjk" || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
    echo "report-check: installing ${missing[*]}" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
swift build --product redact >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
redact=.build/debug/redact
"$redact" run Samples --out "$work/out" --audit "$work/audit.sqlite" --key-file "$work/key" 2>"$work/run.log"
"$redact" report --html "$work/review.html" --audit "$work/audit.sqlite"
# --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
browser=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile")
"${browser[@]}" --window-size=1280,2400 --screenshot="$work/shot.png" "file://$work/review.html" 2>/dev/null
"${browser[@]}" --dump-dom "file://$work/review.html" >"$work/dom.html" 2>/dev/null
"${browser[@]}" --dump-dom "file://$work/review.html#hide=keep" >"$work/filtered.html" 2>/dev/null
cp "$work/shot.png" "$shot"
python3 - "$work" "$shot" <<'PY'
import re, sys, zlib, struct
work, shot = sys.argv[1], sys.argv[2]
page = open(f"{work}/review.html", encoding="utf-8").read()
dom = open(f"{work}/dom.html", encoding="utf-8").read()
filtered = open(f"{work}/filtered.html", encoding="utf-8").read()
marks = len(re.findall(r"<mark id=", page))
problems = []
if marks == 0: problems.append("the page marks no decision")
if len(re.findall(r"<mark id=", dom)) != marks: problems.append("the browser's DOM lost marks")
if re.search(r'class="[^"]*filtered', dom): problems.append("something is filtered without a filter")
kept_rows = len(re.findall(r'<tr id="r\d+" class="k-keep', page))
hidden_rows = len(re.findall(r'<tr id="r\d+" class="k-keep filtered"', filtered))
if kept_rows == 0 or hidden_rows != kept_rows:
    problems.append(f"#hide=keep hid {hidden_rows} of {kept_rows} near-miss rows")
if re.search(r'(src|href)="https?:', page): problems.append("the page loads something from the network")
# The screenshot: a real PNG, and not blank (its rows differ).
data = open(shot, "rb").read()
if data[:8] != b"\x89PNG\r\n\x1a\n": problems.append("the screenshot is not a PNG")
else:
    width, height = struct.unpack(">II", data[16:24])
    chunks, pos = [], 8
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT": chunks.append(data[pos + 8:pos + 8 + length])
        pos += 12 + length
    raw = zlib.decompress(b"".join(chunks))
    stride = len(raw) // height
    distinct = len({raw[row * stride + 1:(row + 1) * stride] for row in range(0, height, 8)})
    if distinct < 20: problems.append(f"the screenshot looks blank ({distinct} distinct rows)")
    print(f"report-check: {marks} decisions marked, {kept_rows} near-miss rows hidden by #hide=keep, "
          f"screenshot {width}x{height} ({len(data)} bytes) in {shot}")
if problems:
    print("report-check: FAILED: " + "; ".join(problems), file=sys.stderr)
    sys.exit(1)
print("report-check: ok")
PY
