#!/usr/bin/env python3
"""Print one table for genbench runs: score.sh's columns plus documents-with-a-leak %.

    python3 scripts/genbench/table.py OUT_DIR...     # each holds run_tool.sh's summary.json
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

COLS = [("PASSPORT_NUMBER", "PASSPORT"), ("DATE_OF_BIRTH", "DOB"), ("ADDRESS", "ADDRESS"),
        ("PHONE_NUMBER", "PHONE"), ("EMAIL_ADDRESS", "EMAIL"), ("NATIONAL_ID", "NAT_ID"), ("PERSON", "PERSON")]
HEAD = ["set", "docs", "leak%"] + [c for _, c in COLS] + ["over-red%", "spanF1%", "docLeak%", "MB/s"]


def pct(v):
    return "-" if v is None else f"{100 * v:.1f}"


def row(out_dir):
    p = Path(out_dir) / "summary.json"
    try:
        s = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return [Path(out_dir).name, "", "NO RESULT (no readable summary.json)"]
    if s.get("status") not in ("ok", "partial"):
        return [s.get("name", Path(out_dir).name), str(s.get("documents", "")), "ERROR: " + str(s.get("error", "?"))[:70]]
    h = s["headline"]
    items = h.get("leak_items", {})
    cells = [pct(h["primary_leak_rate"])]
    cells += [pct(h["leak_rate"].get(e)) if items.get(e) else "-" for e, _ in COLS]
    cells += [pct(h["overredaction_rate"]), pct(h["span_f1"]), pct(h["doc_leak_rate"]),
              "-" if h.get("mb_per_s") is None else f"{h['mb_per_s']:.2f}"]
    name = s.get("name", Path(out_dir).name) + ("*" if s["status"] == "partial" else "")
    return [name, str(s.get("documents", ""))] + cells


def main(args):
    rows = [row(a) for a in args]
    width = max([len(HEAD[0])] + [len(r[0]) for r in rows])
    widths = [width, 5, 6] + [max(6, len(c)) for _, c in COLS] + [9, 8, 8, 7]
    print("leak% = primary leak (passport, DOB, address, phone, e-mail); per-entity columns = leak %;")
    print("over-red% = keep items removed; spanF1% = typed span F1 of scan findings; docLeak% = documents with"
          " >= 1 leaked primary item")
    print("  ".join(h.rjust(w) if i else h.ljust(w) for i, (h, w) in enumerate(zip(HEAD, widths))))
    for r in rows:
        if len(r) == 3:
            print(r[0].ljust(width) + "  " + r[1].rjust(5) + "  " + r[2])
        else:
            print("  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))))
    if any(r[0].endswith("*") for r in rows):
        print("* redact run failed (exit >= 2) on some files: scored from what it wrote, refused files count as"
              " unredacted; no MB/s")
    return 0 if all(len(r) > 3 for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
