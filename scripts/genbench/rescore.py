#!/usr/bin/env python3
"""Score a split whose `redact run` failed (exit status >= 2), so its figures are not lost.

    python3 scripts/genbench/rescore.py GOLD ROOT OUT_DIR REDACT_BIN [ARGS...]

run_tool.sh stops when `redact run` exits with 2 or more (the contract: an error is not scored)
-- e.g. when redact's own verification refuses to write a file.  The files it did write are in
OUT_DIR/redacted; this scores them with score.py --allow-missing, so every refused file counts
as an unredacted copy (fail-closed for the figures too), and rewrites OUT_DIR/summary.json with
status "partial".  Spans come from `redact scan ROOT/docs` run here (score.py matches its file
names to the gold by path suffix).
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

PRIMARY = ["PASSPORT_NUMBER", "DATE_OF_BIRTH", "ADDRESS", "PHONE_NUMBER", "EMAIL_ADDRESS"]
ENTITIES = PRIMARY + ["NATIONAL_ID", "PERSON"]


def main(gold, root, out, redact, *extra):
    out = Path(out)
    findings = out / "findings.jsonl"
    scan = subprocess.run([redact, "scan", str(Path(root) / "docs"), "--format", "jsonl", *extra],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    rc = scan.returncode
    kept = []
    for line in scan.stdout.decode("utf-8", errors="replace").splitlines() if rc in (0, 1) else []:
        try:
            d = json.loads(line)
        except ValueError:
            continue
        if isinstance(d, dict) and d.get("type", "finding") == "finding" and "file" in d:
            kept.append(line)
    findings.write_text("".join(l + "\n" for l in kept), encoding="utf-8")
    score_py = Path(__file__).resolve().parents[3] / "shared" / "eval" / "score.py"
    summ_path = out / "summary.json"
    before = json.loads(summ_path.read_text(encoding="utf-8")) if summ_path.exists() else {}
    args = [sys.executable, str(score_py), "--gold", gold, "--root", root, "--redacted", str(out / "redacted"),
            "--findings", str(findings), "--json", str(out / "score.json"), "--details", str(out / "details.jsonl"), "--allow-missing",
            "--breakdown", "format,lang,template,variant"]
    p = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        print(p.stderr, file=sys.stderr)
        return 4
    sc = json.loads((out / "score.json").read_text(encoding="utf-8"))
    leak = sc["leak"]
    refused = []
    for log in sorted((out / "logs").glob("run_*.stderr")):
        refused += re.findall(r"^error\s+(\S+):", log.read_text(encoding="utf-8", errors="replace"), re.M)
    summary = {"name": before.get("name", out.name), "documents": before.get("documents"),
               "status": "partial", "error": before.get("error"), "refused_files": refused,
               "headline": {"primary_leak_rate": leak["PRIMARY"]["leak_rate"],
                            "leak_rate": {e: leak[e]["leak_rate"] for e in ENTITIES if e in leak},
                            "leak_items": {e: leak[e]["items"] for e in ENTITIES if e in leak},
                            "doc_leak_rate": sc["doc_leak"]["rate"],
                            "overredaction_rate": sc["overredaction"]["TOTAL"]["rate"],
                            "span_f1": sc.get("spans", {}).get("typed", {}).get("MICRO", {}).get("f1") if rc in (0, 1) else None,
                            "mb_per_s": None}}
    summ_path.write_text(json.dumps(summary, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (out / "report.txt").write_text(f"PARTIAL: {before.get('error')}; refused files scored as unredacted: "
                                    f"{', '.join(refused) or '?'}\n\n" + p.stdout, encoding="utf-8")
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 5:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(*sys.argv[1:]))
