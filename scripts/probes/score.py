#!/usr/bin/env python3
"""Scores a redact binary on the probe corpora (scripts/probes/{en,intl}).

Two corpora written by helpers who had not read the rules, from their own knowledge of real
documents: EN (UK/US/IE/AU/CA/IN/NG/ZA/SG papers, court judgments) and intl (Chinese,
Taiwanese, Hong Kong and European-language papers). They are a second development set beside
genbench's dev split: tuned on since they were first measured, so not held out.

A gold value leaks when it is still in the redacted file verbatim (for an address, also when one
of its `parts` is); a keep value is over-redacted when it is gone (`soft` keeps, organisations'
own contact details, are counted apart). Files that are not UTF-8 (intl/encodings.json) are
refused by design and counted apart.

    python3 scripts/probes/score.py [--redact PATH] [--set en|intl]
"""
import argparse, collections, json, os, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def score(name, redact):
    root = os.path.join(HERE, name)
    work = tempfile.mkdtemp(prefix="probe-")
    env = dict(os.environ, XDG_STATE_HOME=os.path.join(work, "state"), XDG_CONFIG_HOME=os.path.join(work, "config"))
    out = os.path.join(work, "out")
    run = subprocess.run([redact, "run", os.path.join(root, "docs"), "--out", out], env=env,
                         capture_output=True, text=True)
    refused = set()
    for line in run.stderr.splitlines():
        if line.startswith("error"):
            refused.add(line.split()[1].split(":")[0])
    def text(file):
        path = os.path.join(out, file)
        if not os.path.exists(path):
            return None
        with open(path, "rb") as f:
            return f.read().decode("utf-8", "replace")
    values, leaks = collections.Counter(), collections.Counter()
    in_refused = collections.Counter()
    for item in load(os.path.join(root, "gold.jsonl")):
        kind = item["kind"]
        values[kind] += 1
        output = text(item["file"])
        if output is None:
            in_refused[kind] += 1
            continue
        pieces = [item["value"]] + (item.get("parts", []) if kind == "address" else [])
        if any(piece in output for piece in pieces):
            leaks[kind] += 1
    keeps = load(os.path.join(root, "keep.jsonl"))
    over = collections.Counter()
    for item in keeps:
        output = text(item["file"])
        if output is not None and item["value"] not in output:
            over["soft" if item.get("soft") else "hard"] += 1
    shutil.rmtree(work, ignore_errors=True)
    print(f"{name}: redact exit {run.returncode}, files without output: {len(refused)} {sorted(refused)}")
    print(f"  {'kind':12} {'values':>6} {'leaks':>6} {'leak%':>6} {'no output':>9}")
    for kind in sorted(values):
        scored = values[kind] - in_refused[kind]
        print(f"  {kind:12} {values[kind]:6} {leaks[kind]:6} {100 * leaks[kind] / max(scored, 1):6.1f} {in_refused[kind]:9}")
    total = sum(values.values()) - sum(in_refused.values())
    print(f"  {'TOTAL':12} {sum(values.values()):6} {sum(leaks.values()):6} {100 * sum(leaks.values()) / max(total, 1):6.1f} "
          f"{sum(in_refused.values()):9}")
    hard = sum(1 for k in keeps if not k.get("soft"))
    print(f"  over-redaction: {over['hard']} of {hard} keep values ({100 * over['hard'] / max(hard, 1):.1f} %), "
          f"{over['soft']} of {len(keeps) - hard} organisation contact details")


def main():
    parser = argparse.ArgumentParser()
    default = os.path.join(HERE, "..", "..", ".build", "release", "redact")
    parser.add_argument("--redact", default=os.path.normpath(default))
    parser.add_argument("--set", choices=["en", "intl"], action="append")
    args = parser.parse_args()
    if not os.path.exists(args.redact):
        sys.exit(f"no binary at {args.redact}: swift build -c release, or pass --redact")
    for name in args.set or ["en", "intl"]:
        score(name, args.redact)


if __name__ == "__main__":
    main()
