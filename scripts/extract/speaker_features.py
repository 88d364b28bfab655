"""What describes a speaker candidate of a quote row (issue 17): the features the ranker
(`ranker.py`) weighs, by name, and every name one can have (`FEATURES`, the only keys the weights
file may use). Pure functions of the text, the row and the mention.
"""

from __future__ import annotations

import re

from landstrikes.extract.entities import Mention
from landstrikes.extract.quoterow import Quote
from landstrikes.schema.labels import QUOTE_KINDS

_PREPOSITION = re.compile(r"\b(?:in|at|for|of|from|to|with|by|on|about|against|into|near|over|under)\s+(?:the\s+)?$", re.IGNORECASE)
_HEARER = re.compile(r"\b(?:told|tells|telling|tell|asked|asks|interviewed|informed)\s+(?:the\s+)?$", re.IGNORECASE)
_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame|Professor|Prof)\.?\s+$")
_POSSESSIVE = re.compile(r"[’']s\b")
_SPOKES = re.compile(r"\b(?:spokes(?:man|woman|person)|officials?|sources?|chief|executive|director|president|"
                     r"chairman|chairwoman|head|boss|manager|analyst|economist|minister|secretary)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][”\"’']?\s+(?=[A-Z“\"‘])|\n")
_BODY_WORDS = frozenset("bank group company corp inc ltd plc party council ministry office agency union association "
                        "university house department committee commission court board fund news times post".split())
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?][”\"’']?\s+|\n)(?:(?:The|But|And|However,?|Meanwhile,?|Now)\s+)?$")
_TYPES = ("PERSON", "ORG", "GPE", "MEDIA", "NORP")

FEATURES = frozenset(
    {"rules", "rules_pronoun", "rules_implicit", "relink", "inside_quote", "before_cue", "after_cue", "sentence_initial", "distance",
     "touches_cue", "near_cue", "other_paragraph", "after_preposition", "after_tell", "titled", "possessive", "body_with_role_near",
     "mistyped_person", "paragraph_initial", "previous_speaker", "relink_gender_agrees", "relink_gender_clashes", "relink_distance",
     "relink_after_preposition", "relink_mistyped_person", "relink_previous_speaker"}
    | {f"{side}_quote{cue}" for side in ("before", "after") for cue in ("", "_cue", "_nocue")}
    | {"distance_cue", "distance_nocue"}
    | {f"{prefix}{t}" for prefix in ("type_", "relink_type_") for t in (*_TYPES, "OTHER")}
    | {f"kind_{k}" for k in ("NAME", "NOMINAL", "PRONOUN", "PHRASE")}
    | {f"row_{k}" for k in QUOTE_KINDS} | {f"rules_{k}" for k in QUOTE_KINDS}
    | {f"rules_{s}" for s in ("attributed", "implicit", "unnamed_source", "unattributed", "pronoun")}
    | {f"{prefix}sentences_away_{n}" for prefix in ("", "relink_") for n in (0, 1, 2)})
"""Every feature name a candidate can have: the weights file may name no other."""


def _type_class(type_: str) -> str:
    """An entity type as feature names spell it: one of `_TYPES`, else `OTHER`, so every name
    built from it is one `FEATURES` lists."""
    return type_ if type_ in _TYPES else "OTHER"


def row_anchor(q: Quote) -> tuple[int, int]:
    """Where the row is reported: its cue, else the quotation itself."""
    return (q.cue[0], q.cue[1]) if q.cue else (q.start, q.end)


def distance_to(m: Mention, span: tuple[int, int]) -> int:
    return max(0, span[0] - m.end, m.start - span[1])


def _sentence_gap(text: str, a: int, b: int) -> int:
    """Sentence or paragraph breaks between two offsets (at most 3 counted; a break just before
    the later offset counts: its capital is read past it)."""
    lo, hi = min(a, b), max(a, b)
    return sum(1 for _ in zip(range(3), _SENTENCE_END.finditer(text, lo, min(len(text), hi + 1))))


def sentence_breaks(text: str, m: Mention, anchor: tuple[int, int]) -> int:
    """Sentence breaks between a mention and where the row is reported (after the row, counted from
    its last quoted character: `...end." Ann Lee` starts a sentence)."""
    if m.end <= anchor[0]:
        return _sentence_gap(text, m.start, anchor[0])
    return _sentence_gap(text, max(anchor[0], anchor[1] - 1), m.start)


def mention_features(text: str, q: Quote, m: Mention, anchor: tuple[int, int], previous: str | None, breaks: int | None = None) -> dict[str, float]:
    """What describes mention `m` as the speaker of row `q` (names are the weights file's keys)."""
    f: dict[str, float] = {f"type_{_type_class(m.type)}": 1.0, f"kind_{m.kind}": 1.0, f"row_{q.kind}": 1.0}
    before = text[max(0, m.start - 24):m.start]
    after = text[m.end:m.end + 40]
    cue = "cue" if q.cue else "nocue"
    if m.end <= q.start:
        f["before_quote"] = f[f"before_quote_{cue}"] = 1.0
    elif m.start >= q.end:
        f["after_quote"] = f[f"after_quote_{cue}"] = 1.0
    else:
        f["inside_quote"] = 1.0
    if q.cue:
        f["before_cue" if m.end <= q.cue[0] else "after_cue"] = 1.0
    if _SENTENCE_OPENING.search(before) or m.start == 0:
        f["sentence_initial"] = 1.0
    gap = distance_to(m, anchor)
    f["distance"] = f[f"distance_{cue}"] = min(gap, 400) / 100
    if gap <= 3:
        f["touches_cue"] = 1.0
    elif gap <= 40:
        f["near_cue"] = 1.0
    breaks = sentence_breaks(text, m, anchor) if breaks is None else breaks
    if breaks:
        f[f"sentences_away_{min(breaks, 2)}"] = 1.0
    if "\n" in text[min(m.start, q.start):max(m.end, q.start)]:
        f["other_paragraph"] = 1.0
    if _PREPOSITION.search(before):
        f["after_preposition"] = 1.0
    if _HEARER.search(before):
        f["after_tell"] = 1.0
    if _TITLE.search(before):
        f["titled"] = 1.0
    if _POSSESSIVE.match(after):
        f["possessive"] = 1.0
    if m.type in ("ORG", "MEDIA", "GPE") and (_SPOKES.search(after[:30]) or _SPOKES.search(before)):
        f["body_with_role_near"] = 1.0
    if m.type != "PERSON" and m.kind == "NAME" and _reads_as_a_name(m.name):
        f["mistyped_person"] = 1.0
    if m.start == 0 or text[m.start - 1] == "\n":
        f["paragraph_initial"] = 1.0
    if previous is not None and m.name == previous:
        f["previous_speaker"] = 1.0
    return f


def rules_features(text: str, q: Quote, rules: Mention | None, anchor: tuple[int, int], previous: str | None) -> dict[str, float]:
    """The rules' choice: `rules` plus its status, and the features of its mention if it has one."""
    if rules is None and q.speaker.phrase is not None:  # an unnamed source where the text names it: placed like a mention
        phrase = Mention(q.speaker.phrase[0], q.speaker.phrase[1], "", "UNNAMED", "PHRASE", 0.0)
        return {**mention_features(text, q, phrase, anchor, None), "rules": 1.0, f"rules_{q.kind}": 1.0, f"rules_{q.speaker.status}": 1.0}
    if rules is None:
        return {"rules": 1.0, f"rules_{q.kind}": 1.0, f"rules_{q.speaker.status}": 1.0, f"row_{q.kind}": 1.0}
    if rules.kind == "PRONOUN":
        f = {"rules": 1.0, f"rules_{q.kind}": 1.0, "rules_pronoun": 1.0, f"row_{q.kind}": 1.0, f"type_{_type_class(rules.type)}": 1.0}
        if previous is not None and rules.name == previous:
            f["previous_speaker"] = 1.0
        return f
    f = mention_features(text, q, rules, anchor, previous)
    f["rules"] = f[f"rules_{q.kind}"] = 1.0
    if q.speaker.status == "implicit":
        f["rules_implicit"] = 1.0
    return f


def relink_features(text: str, q: Quote, pronoun: Mention, m: Mention, previous: str | None, genders: dict[str, str]) -> dict[str, float]:
    """A he/she the rules resolved, resolved instead to the earlier name `m`."""
    f = {"relink": 1.0, f"relink_type_{_type_class(m.type)}": 1.0, f"row_{q.kind}": 1.0}
    gender = genders.get(m.name)
    if gender == pronoun.gender:
        f["relink_gender_agrees"] = 1.0
    elif gender is not None:
        f["relink_gender_clashes"] = 1.0
    f["relink_distance"] = min(pronoun.start - m.end, 400) / 100
    breaks = _sentence_gap(text, m.end, pronoun.start)
    f[f"relink_sentences_away_{min(breaks, 2)}"] = 1.0
    before = text[max(0, m.start - 24):m.start]
    if _PREPOSITION.search(before):
        f["relink_after_preposition"] = 1.0
    if m.type != "PERSON" and _reads_as_a_name(m.name):
        f["relink_mistyped_person"] = 1.0
    if previous is not None and m.name == previous:
        f["relink_previous_speaker"] = 1.0
    return f


def _reads_as_a_name(name: str) -> bool:
    """Two or three capitalised words none of which is a body word: a person's name typed otherwise."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not any(w.lower().strip(".") in _BODY_WORDS for w in words)
