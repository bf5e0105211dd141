"""Building one labelled document: text plus gold items at code-point offsets.

A document is written as a sequence of segments: plain strings, or `Span`s that carry a gold
label (a PII entity or a keep kind).  Cells of CSV/TSV and strings of JSON are escaped segment
by segment, so every gold item's offsets still point at exactly the characters in the file
(for JSON that is the escaped form: a multi-line address reads `12 Main St\\nDublin 4`).

`Doc.check()` applies the scorer's counting rules to the finished text and refuses a document
in which a PII value, or a name/street part of one, also occurs unannotated: such a document
would charge a tool for text nobody labelled (score.py assumes `occ(S, T) == n`).
"""
from __future__ import annotations

import json
import re
import unicodedata

NEAR = 400  # characters: farther than any scorer window around one value in these documents


class Span:
    """A labelled piece of text: `entity` for PII (with `variant` and optional `parts`), or
    `kind` for a keep item."""

    __slots__ = ("text", "entity", "kind", "variant", "parts")

    def __init__(self, text, entity=None, kind=None, variant="", parts=None):
        assert text and (entity or kind), (text, entity, kind)
        self.text, self.entity, self.kind = text, entity, kind
        self.variant, self.parts = variant, parts


def P(entity, text, variant, parts=None):
    """A PII span."""
    return Span(text, entity=entity, variant=variant, parts=parts)


def K(kind, text):
    """A keep span (must survive redaction)."""
    return Span(text, kind=kind)


def _csv_needs_quote(text, delim):
    return any(c in text for c in (delim, '"', "\n", "\r"))


def esc_json(s):
    return json.dumps(s, ensure_ascii=False)[1:-1]


class Doc:
    """Accumulates text and gold items; offsets are Python str indices = code points."""

    def __init__(self):
        self._buf, self._n = [], 0
        self.pii, self.keep = [], []

    def add(self, *segments, esc=None):
        for seg in segments:
            if seg is None:
                continue
            if isinstance(seg, (list, tuple)):
                self.add(*seg, esc=esc)
                continue
            if isinstance(seg, Span):
                text = esc(seg.text) if esc else seg.text
                self._label(seg, text)
            else:
                text = esc(seg) if esc else seg
            self._buf.append(text)
            self._n += len(text)
        return self

    def _label(self, span, text):
        item = {"start": self._n, "end": self._n + len(text), "text": text}
        if span.entity:
            item = {"entity": span.entity, **item, "variant": span.variant}
            if span.parts:
                for p in span.parts:
                    assert p in text, (p, text)
                item["parts"] = list(span.parts)
            self.pii.append(item)
        else:
            self.keep.append({"kind": span.kind, **item})

    def cell(self, segments, delim):
        """One CSV/TSV field: quoted (and its quotes doubled) when it needs to be."""
        segs = segments if isinstance(segments, (list, tuple)) else [segments]
        flat = "".join(s.text if isinstance(s, Span) else (s or "") for s in segs)
        if _csv_needs_quote(flat, delim):
            self.add('"')
            self.add(*segs, esc=lambda s: s.replace('"', '""'))
            self.add('"')
        else:
            self.add(*segs)

    def json_string(self, segments):
        segs = segments if isinstance(segments, (list, tuple)) else [segments]
        self.add('"')
        self.add(*segs, esc=esc_json)
        self.add('"')

    @property
    def text(self):
        return "".join(self._buf)

    # ------------------------------------------------------------------ checks
    def check(self):
        """None when the document is sound, else a reason (no values in it) to regenerate."""
        text = self.text
        items = self.pii + self.keep
        spans = sorted((x["start"], x["end"]) for x in items)
        for (a1, b1), (a2, b2) in zip(spans, spans[1:]):
            if a2 < b1:
                return "overlapping gold spans"
        for x in items:
            if text[x["start"]:x["end"]] != x["text"] or x["text"] != x["text"].strip():
                return "gold text does not match the file (or has outer spaces)"
        norm = lambda s: unicodedata.normalize("NFC", s)
        if norm(text) != text:
            return "text not in NFC"
        texts = sorted({x["text"] for x in items}, key=len)
        whole = {}
        for x in items:
            t, a, b = x["text"], x["start"], x["end"]
            ok = (not is_word(t[0]) or a == 0 or not is_word(text[a - 1])) and \
                 (not is_word(t[-1]) or b >= len(text) or not is_word(text[b]))
            whole[t] = whole.get(t, True) and ok
        n_by_text = {}
        for x in self.pii:
            n_by_text[x["text"]] = n_by_text.get(x["text"], 0) + 1
        for t, n in n_by_text.items():
            containers = [u for u in texts if len(u) > len(t) and t in u]
            if count_occ(mask(text, containers), t, whole[t]) != n:
                return "a PII value also occurs unannotated"
        # Name tokens, street lines and e-mail local parts are looked for around each item;
        # outside the gold spans they must not occur at all.
        blanked = list(text)
        for x in items:
            blanked[x["start"]:x["end"]] = ["\x00"] * (x["end"] - x["start"])
        blanked = "".join(blanked)
        for x in self.pii:
            for p in x.get("parts", ()):
                if find_word(blanked, p):
                    return "a part of a PII value occurs unannotated"
        # The scorer does not blank, around a PII item, a keep item that is a substring of it
        # (nationality "Jordan" next to the name "PEREZ, Jordan"): the keep text would read as
        # a surviving name part.  Such neighbours must stand far apart (the trap stays, in
        # different rows or paragraphs).
        for x in self.pii:
            for k in self.keep:
                if k["text"] in x["text"] and any(find_word(k["text"], p) for p in x.get("parts", ())) \
                        and abs(k["start"] - x["start"]) < NEAR:
                    return "a keep item that is a name part stands next to the name"
        return None

    def gold(self, **meta):
        return {**meta, "n_chars": len(self.text), "pii": self.pii, "keep": self.keep}


# The scorer's notions of a word and of counting (see score.py RULE 1), restated so that
# generation does not depend on the eval kit being present.
def is_cjk(c):
    return "\u2e80" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af" or "\uf900" <= c <= "\ufaff"


def is_word(c):
    return c.isalnum() and not is_cjk(c)


def find_word(hay, needle):
    i = hay.find(needle)
    while i >= 0:
        j = i + len(needle)
        if (not (is_word(needle[0]) and i > 0 and is_word(hay[i - 1]))
                and not (is_word(needle[-1]) and j < len(hay) and is_word(hay[j]))):
            return True
        i = hay.find(needle, i + 1)
    return False


def mask(text, texts):
    for t in sorted(texts, key=len, reverse=True):
        text = text.replace(t, "\x00")
    return text


def count_occ(z, t, whole_word):
    if not whole_word:
        return z.count(t)
    n, i, lw, rw = 0, z.find(t), is_word(t[0]), is_word(t[-1])
    while i >= 0:
        j = i + len(t)
        if (not lw or i == 0 or not is_word(z[i - 1])) and (not rw or j == len(z) or not is_word(z[j])):
            n += 1
            i = z.find(t, j)
        else:
            i = z.find(t, i + 1)
    return n


_LATIN_TOKEN = re.compile(r"[^\W\d_]+")


def name_parts(name):
    """Scorer parts of a Latin-script name: its letter tokens of >= 3 letters (none for CJK)."""
    if any(is_cjk(c) for c in name):
        return None
    parts = [t for t in _LATIN_TOKEN.findall(name) if len(t) >= 3]
    return parts or None
