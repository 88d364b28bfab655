"""Body nominals (M3, E1): `the committee`, `the retailer`, `a college spokesman` refer to a body
named before them, or are a described body of their own. The body nouns here also tell a
person's name from a body's elsewhere (`pronouns`).
"""

from __future__ import annotations

import bisect
import re

from landstrikes.extract.entities import Mention
from landstrikes.extract.guard import with_words
from landstrikes.extract.speakers.words import LOOKBACK, NOT_A_SUBJECT


BODY_HEADS = (
    "committee", "government", "company", "firm", "group", "bank", "council", "ministry", "department", "party",
    "board", "union", "agency", "court", "commission", "executive", "trust", "authority", "club", "hospital",
    "university", "airline", "charity", "organisation", "organization", "institute", "association", "federation",
    "foundation", "office", "service", "assembly", "parliament", "senate", "newspaper", "network", "channel", "church",
    "retailer", "carrier", "insurer", "lender", "broadcaster", "magazine", "watchdog", "regulator", "college", "school",
    "embassy", "museum",
)
GENERIC_HEADS = {
    "company": "ORG", "firm": "ORG", "group": "ORG", "retailer": "ORG", "carrier": "ORG", "airline": "ORG",
    "insurer": "ORG", "lender": "ORG", "bank": "ORG", "club": "ORG", "agency": "ORG",
    "newspaper": "MEDIA", "broadcaster": "MEDIA", "magazine": "MEDIA", "channel": "MEDIA", "network": "MEDIA",
}
"""Heads that name what kind of body a name is, not part of it: `Tesco ... the retailer said`
refers back to the nearest organisation (or outlet) named before, whatever its name holds."""
NOT_DESCRIBED = frozenset({"government", "office", "service", "party", "executive", "group", "company", "firm"})
"""Heads whose description alone does not pick one body (`the Labour government` is a GPE's,
`the foreign office` has a name); `the company` without a named one before is nobody here."""


_DEFINITE_BODY = with_words(
    r"\b[Tt]he (?P<modifiers>(?:[a-z]+ ){0,2})(?P<head><HEAD>)\b(?! (?:of|for) )", 0,
    r"[Tt](?<!\w.)he (?P<modifiers>(?:[a-z]+ ){0,2})(?P<head><HEAD>)\b(?! (?:of|for) )", HEAD=BODY_HEADS,
)
"""(Scanned opening with a character class, `[Tt](?<!\\w.)he` for `\\b[Tt]he`: the engine skips to a T in C.)"""


LOCAL_BODIES = ("school", "college", "university", "hospital", "museum", "church", "club", "charity", "academy")
"""Bodies a place names without owning them: `the Keswater secondary school` is a school in
Keswater, not Keswater's government (as `the Keswater council` would be)."""
_PLACE_BODY = with_words(r"\b[Tt]he (?P<place>[A-Z][a-z]+) (?P<modifiers>(?:[a-z]+ ){0,2})(?P<head><HEAD>)\b(?! (?:of|for) )", 0,
                         HEAD=LOCAL_BODIES)


def place_bodies(text: str, everything: list[Mention]) -> list[Mention]:
    """`The Keswater secondary school said`: a body described by the place it stands in, never named
    (E1: an entity of its own, the whole description its mention). The place's name is its own
    mention; the body, not the place, speaks (extract47: the place had been the speaker). Only a
    one-word place or unknown name (a place, or the entity layer's one-word default, ORG), not a
    longer body's name (`the Norcom Group school`) nor a person's."""
    out = []
    if "he " not in text:
        return out
    starts = [m.start for m in everything]
    for m in _PLACE_BODY.finditer(text):
        i = bisect.bisect_left(starts, m.start("place"))
        name = everything[i] if i < len(everything) and everything[i].start == m.start("place") else None
        if name is None or name.end != m.end("place") or name.kind != "NAME" or name.type not in ("GPE", "LOC", "ORG"):
            continue
        described = f"{m.group('place')} {m.group('modifiers')}{m.group('head')}"
        out.append(Mention(m.start(), m.end(), described, "ORG", "NOMINAL", 0.4))
    return out


def body_nominals(text: str, everything: list[Mention]) -> list[Mention]:
    """'the committee', 'the assembly government': a body noun refers to the nearest previous
    organisation or place whose name holds that noun ('Welsh Assembly Government'), as in M3; a
    kind of body (`the retailer`) to the nearest one of that kind; and a described body never
    named (`the environment select committee`) is an entity of its own, a definite description
    (E1), which a later `the committee` refers back to."""
    bodies = [m for m in everything if m.kind == "NAME" and m.type in ("ORG", "MEDIA", "GPE")]
    starts = [m.start for m in bodies]
    out: list[Mention] = []
    described: list[Mention] = []
    for m in _DEFINITE_BODY.finditer(text):
        head = m.group("head")
        i = bisect.bisect_left(starts, m.start())
        earlier = bodies[max(0, i - LOOKBACK):i]
        named = next((b for b in reversed(earlier) if head in b.name.lower().split()), None)
        if named is None and head in GENERIC_HEADS:  # the nearest of that kind in a subject's place, else the nearest
            wanted, nearest = GENERIC_HEADS[head], None
            for b in reversed(earlier):
                if b.type == wanted:
                    nearest = nearest or b
                    if not NOT_A_SUBJECT.search(text, max(0, b.start - 48), b.start):
                        named = b
                        break
            named = named or nearest
        if named is None:
            named = next((d for d in reversed(described[-LOOKBACK:]) if d.name.split()[-1] == head), None)
        if named is None and m.group("modifiers") and head not in NOT_DESCRIBED:
            named = Mention(m.start(), m.end(), (m.group("modifiers") + head).lower(), "ORG", "NOMINAL", 0.4)
            described.append(named)
        if named is not None:
            out.append(Mention(m.start(), m.end(), named.name, named.type, "NOMINAL", 0.45 if named.kind == "NAME" else 0.4))
    return out


_SPOKES_WORD = re.compile(r"spokes(?:man|woman|person)\b|official\b|source\b")
_SPOKES_LITERALS = ("spokes", "official", "source")
_BODY_BEFORE_SPOKES = with_words(r"\b[Aa]n? (?P<head><HEAD>) $", 0, HEAD=BODY_HEADS)
"""`a college spokesman`, `a council official`: someone speaking for a body of that kind (the
role word is found first, the article and body noun looked for just before it)."""


def body_spokespersons(text: str, bodies: list[Mention], starts: list[int]) -> list[Mention]:
    """`A college spokesman added:` speaks for the nearest body named before whose name holds
    that noun (`Norland Vocational College`), the whole phrase being the mention (as Q9's named
    groups); nobody when no such body was named."""
    out = []
    for literal in _SPOKES_LITERALS:  # (str.find runs in C: most texts hold one of these words somewhere)
        at = text.find(literal)
        while at != -1:
            word = _SPOKES_WORD.match(text, at)
            m = _BODY_BEFORE_SPOKES.search(text, max(0, at - 24), at) if word is not None else None
            if m is not None:
                head = m.group("head").lower()
                i = bisect.bisect_left(starts, m.start())
                named = next((b for b in reversed(bodies[max(0, i - LOOKBACK):i]) if head in b.name.lower().split()), None)
                if named is not None:
                    out.append(Mention(m.start(), word.end(), named.name, named.type, "NOMINAL", 0.45))
            at = text.find(literal, at + 1)
    return sorted(out, key=lambda x: x.start)
