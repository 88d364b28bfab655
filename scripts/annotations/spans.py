"""Resolve a span written as its exact text to code-point offsets (G4).

A span is `text`, made unambiguous either by `n` (1-based occurrence in the article) or by
`in`, a longer context that occurs exactly once and contains the text: reviewers read
`{text: said, in: "Trump said, claiming"}` more easily than `{text: said, n: 7}`.
"""

from __future__ import annotations

import unicodedata

from landstrikes.errors import counted, short
from landstrikes.annotations.sources import Record

_LONGEST_HINTED = 1 << 24
"""Longest article (code points) that a span not found in it is looked for in another normal form."""


def converted_hint(text: str, needle: str) -> str:
    """Why a span's text may be missing from its article: the article writes it in another normal
    form or with other spaces, as a source converted outside git would (nfc58); '' when not so."""
    if len(text) > _LONGEST_HINTED or needle.isascii() and text.isascii():
        return ""
    for form, conversion in (("NFC", "decomposed (NFD)"), ("NFD", "composed (NFC)")):
        other = unicodedata.normalize(form, needle)
        if other != needle and other in text:
            return f"; the article writes it in {form}: was this source {conversion} outside git?"
    if unicodedata.normalize("NFKC", needle) in unicodedata.normalize("NFKC", text):
        return ("; the article writes it with other characters of the same look (a non-breaking hyphen, a no-break "
                "space, ...): was this source converted (NFKC, or no-break spaces turned into spaces) outside git?")
    return ""


def occurrences(text: str, needle: str) -> list[int]:
    """Start offsets of every (possibly overlapping) occurrence of needle in text."""
    found, at = [], text.find(needle)
    while at != -1:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def resolve(record: Record, text: str, spec, what: str = "span") -> tuple[int, int]:
    """spec: a string, or a mapping {text, n?, in?}; returns (start, end)."""
    if isinstance(spec, str):
        spec = {"text": spec}
    if not isinstance(spec, dict) or not isinstance(spec.get("text"), str) or not spec["text"]:
        raise record.error(f"{what} must be a non-empty string or a mapping with a non-empty 'text'", check="wrong-type")
    needle, n, context = spec["text"], spec.get("n"), spec.get("in")
    if context is not None:
        if n is not None:
            raise record.error(f"{what} {short(needle)}: give either n or in, not both", check="span-ambiguous")
        if not isinstance(context, str) or not context:
            raise record.error(f"{what} {short(needle)}: in must be a non-empty string", check="wrong-type")
        where = occurrences(text, context)
        if len(where) != 1:
            raise record.error(f"{what} context {short(context)} occurs {len(where)} times; it must occur exactly once",
                               check="span-ambiguous" if where else "span-not-found")
        inner = context.find(needle)
        if inner == -1:
            raise record.error(f"{what} {short(needle)} is not inside its context {short(context)}", check="span-not-found")
        return where[0] + inner, where[0] + inner + len(needle)
    starts = occurrences(text, needle)
    if not starts:
        raise record.error(f"{what} {short(needle)} not found in the article{converted_hint(text, needle)}", check="span-not-found")
    if n is None:
        if len(starts) > 1:
            raise record.error(f"{what} {short(needle)} is ambiguous: it occurs {len(starts)} times; "
                               f"add n: 1..{len(starts)} or in: <context>", check="span-ambiguous")
        n = 1
    if not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= len(starts):
        raise record.error(f"{what} {short(needle)}: n={short(n)} but it occurs {counted(len(starts), 'time')}", check="span-not-found")
    start = starts[n - 1]
    return start, start + len(needle)


def span_spec(record: Record) -> dict:
    """The span fields of a record whose own text/n/in are the span."""
    return {"text": record.require("text"), "n": record.get("n"), "in": record.get("in")}
