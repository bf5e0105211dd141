"""The fixed dev / heldout assignment of template families and vocabulary entries.

Every template family and every header / JSON-key spelling belongs to exactly one split,
decided by a hash of its namespace and name -- not by the seed, and not by hand -- so a
heldout document uses layouts and spellings that no dev document shows.  Changing SALT
reshuffles everything; don't (figures before and after would not be comparable).
"""
from __future__ import annotations

import hashlib

SALT = "genbench/split/v1"
SPLITS = ("dev", "heldout")


def split_of(namespace: str, name: str) -> str:
    """'dev' or 'heldout' for an entry `name` of `namespace` (e.g. 'family', 'header:passport')."""
    h = hashlib.sha256(f"{SALT}\x1f{namespace}\x1f{name}".encode("utf-8")).digest()
    return SPLITS[h[0] & 1]


def stable_int(*parts) -> int:
    """A seed derived from its arguments, the same on every machine and Python run."""
    h = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).digest()
    return int.from_bytes(h[:8], "big")
