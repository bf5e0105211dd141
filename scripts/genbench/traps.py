"""The document's random source and its trap plan.

Issue 12, class 6: a given name that is also a month, a country or a city (June, Jordan, Paris)
gets propagated into dates, nationality cells and place names.  A document may carry one such
plan: some of its people bear the trap name, and the same word appears as keep material (event
dates in that month, a person of that country, that city as a place).
"""
from __future__ import annotations

import random

PLANS = [  # (share of documents, trap given name(s), month to favour, country to include)
    (0.15, ("June",), 6, None),
    (0.07, ("April",), 4, None),
    (0.05, ("May",), 5, None),
    (0.12, ("Jordan",), None, "JO"),
    (0.06, ("Paris",), None, "FR"),
]


class DocRandom(random.Random):
    """random.Random carrying the document's trap plan (trap_given, trap_month, trap_country)."""

    def __init__(self, seed):
        super().__init__(seed)
        self.trap_given = self.trap_month = self.trap_country = None
        r, acc = self.random(), 0.0
        for share, names, month, country in PLANS:
            acc += share
            if r < acc:
                self.trap_given, self.trap_month, self.trap_country = self.choice(names), month, country
                break


def include_trap_country(rng, pool, all_countries):
    """The pool with the trap plan's country in it (when the plan names one)."""
    code = getattr(rng, "trap_country", None)
    if code and all(c.code != code for c in pool):
        pool = list(pool) + [c for c in all_countries if c.code == code]
    return pool
