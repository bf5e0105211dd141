#!/usr/bin/env python3
"""genbench: generate labelled documents in the gold format of ../shared/eval, in two splits.

    python3 scripts/genbench/gen.py [--out .build/genbench] [--seed 12] [--dev 150] [--heldout 150]
    python3 scripts/genbench/gen.py --list-split      # which family / spelling is in which split

Writes OUT/<split>/docs/<id>.<ext>, OUT/<split>/gold.jsonl and OUT/<split>/manifest.json for
split in dev, heldout.  Deterministic given --seed and the Faker version pinned in
requirements.txt (the manifest records both and every file's SHA-256).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from countries import COUNTRIES  # noqa: E402
from docbuild import Doc  # noqa: E402
from prose import PROSE_FAMILIES  # noqa: E402
from split import SPLITS, split_of, stable_int  # noqa: E402
from traps import DocRandom  # noqa: E402
from tables import JSON_FAMILIES, TABLE_FAMILIES, jsonl_doc, table_doc  # noqa: E402
from vocab import HEADERS, KEYS  # noqa: E402

EXT = {"csv": "csv", "tsv": "tsv", "jsonl": "jsonl", "text": "txt"}
MAX_ATTEMPTS = 40
GENERATOR_VERSION = "1.0.0"  # bump when a change alters the documents of a given seed


def all_families():
    return sorted(list(TABLE_FAMILIES) + JSON_FAMILIES + list(PROSE_FAMILIES))


def families_of(split):
    return [f for f in all_families() if split_of("family", f) == split]


class Fakes:
    """Faker instances by locale, re-seeded on first use in each document so that a document's
    values depend only on its own seed."""

    _cache = {}

    def __init__(self, doc_seed):
        self.doc_seed, self.seeded = doc_seed, set()

    def __call__(self, locale):
        from faker import Faker
        f = self._cache.get(locale)
        if f is None:
            f = self._cache[locale] = Faker(locale)
        if locale not in self.seeded:
            f.seed_instance(stable_int(self.doc_seed, locale))
            self.seeded.add(locale)
        return f


def build(family, split, doc_seed):
    rng = DocRandom(doc_seed)
    fakes = Fakes(doc_seed)
    doc = Doc()
    if family in TABLE_FAMILIES:
        meta = table_doc(doc, rng, fakes, COUNTRIES, family, split)
    elif family in JSON_FAMILIES:
        meta = jsonl_doc(doc, rng, fakes, COUNTRIES, family, split)
    else:
        meta = PROSE_FAMILIES[family](doc, rng, fakes, COUNTRIES, split)
    return doc, meta


def generate_split(out, split, n, seed):
    fams = families_of(split)
    order = random.Random(stable_int(seed, split, "order"))
    docs_dir = out / split / "docs"
    docs_dir.mkdir(parents=True, exist_ok=True)
    for old in docs_dir.iterdir():
        old.unlink()
    gold_lines, files, rejected = [], {}, 0
    # Families in turn, so each gets an equal share; the turn order is shuffled per seed.
    seq = []
    while len(seq) < n:
        block = list(fams)
        order.shuffle(block)
        seq.extend(block)
    for i, family in enumerate(seq[:n], 1):
        for attempt in range(MAX_ATTEMPTS):
            doc, meta = build(family, split, stable_int(seed, split, i, attempt))
            reason = doc.check()
            if reason is None:
                break
            rejected += 1
        else:
            raise SystemExit(f"genbench: {split} document {i} ({family}): no sound document in "
                             f"{MAX_ATTEMPTS} attempts (last: {reason})")
        doc_id = f"gb-{split}-{i:04d}"
        rel = f"docs/{doc_id}.{EXT[meta['format']]}"
        data = doc.text.encode("utf-8")
        (out / split / rel).write_bytes(data)
        files[rel] = hashlib.sha256(data).hexdigest()
        gold_lines.append(doc.gold(id=doc_id, file=rel, format=meta["format"], lang=meta["lang"], template=family))
    with open(out / split / "gold.jsonl", "w", encoding="utf-8", newline="\n") as fh:
        for g in gold_lines:
            fh.write(json.dumps(g, ensure_ascii=False) + "\n")
    import faker
    manifest = {"generator": "scripts/genbench/gen.py", "generator_version": GENERATOR_VERSION, "seed": seed,
                "n_docs": n, "split": split, "faker_version": faker.VERSION,
                "families": fams, "documents": n, "rejected_attempts": rejected, "files": files}
    (out / split / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n",
                                               encoding="utf-8")
    n_pii = sum(len(g["pii"]) for g in gold_lines)
    n_keep = sum(len(g["keep"]) for g in gold_lines)
    print(f"genbench: {split}: {n} documents from {len(fams)} families, {n_pii} PII items, {n_keep} keep items"
          f" ({rejected} drafts regenerated) -> {out / split}", file=sys.stderr)


def list_split():
    for split in SPLITS:
        print(f"== {split}")
        print("families: " + ", ".join(families_of(split)))
        for kind, entries in HEADERS.items():
            names = [s for s, _ in entries if split_of("header:" + kind, s) == split]
            print(f"header {kind}: " + " | ".join(dict.fromkeys(names)))
        for kind, entries in KEYS.items():
            print(f"key {kind}: " + " | ".join(k for k in entries if split_of("key:" + kind, k) == split))


def main(argv=None):
    # Some Faker providers draw from sets, whose order follows Python's per-process string hash:
    # fix the hash seed so that a seed gives the same documents in every run.
    if os.environ.get("PYTHONHASHSEED") != "0" and argv is None:
        os.execve(sys.executable, [sys.executable, str(Path(__file__).resolve())] + sys.argv[1:],
                  {**os.environ, "PYTHONHASHSEED": "0"})
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=".build/genbench")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--dev", type=int, default=150)
    ap.add_argument("--heldout", type=int, default=150)
    ap.add_argument("--list-split", action="store_true")
    a = ap.parse_args(argv)
    if a.list_split:
        list_split()
        return 0
    out = Path(a.out)
    for split, n in (("dev", a.dev), ("heldout", a.heldout)):
        if n > 0:
            generate_split(out, split, n, a.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
