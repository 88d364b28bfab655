"""Who spoke, decided by a linear model over the speaker candidates around each quote row (issue 17).

Seven rounds of speaker rules each fixed the errors their writer read, and the next unread audit
batch still found others (a pronoun linked past a name the entity layer mistyped, a company where
its spokesman speaks). Here the rules' choice is one candidate among the mentions near the row; each
candidate is described by a few features (`features`) and the one with the highest dot product
with `speaker_weights.WEIGHTS` (trained by `benchmarks/dev/train_speakers.py`) speaks. The rules'
choice is itself a feature, so it is overridden only on evidence (by more than `MARGIN`). It decides
the row kinds in `KINDS` (partial, indirect): on direct quotes grouped cross-validation found it no
better than the rules, so they keep the rules' choice. Pure and deterministic: same text, same rows.
Spans, kinds and row counts never change here.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, replace

from landstrikes.extract.entities import Mention
from landstrikes.extract.quoterow import Quote, Speaker
from landstrikes.extract.speaker_weights import KINDS, MARGIN, WEIGHTS

RANKED_KINDS = ("direct", "partial", "indirect")
"""Rows with a speaker to decide (a scare quote or an orphan mark has none); `KINDS` of the weights
file says which of them the ranker decides."""
REACH_BEFORE, REACH_AFTER = 300, 200
"""Characters before the row (or its cue) and after it where candidates are looked for."""
MAX_CANDIDATES = 8
"""Nearest mentions kept per row besides the rules' choice (bounded work per row)."""

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

_ROW_KINDS = (*RANKED_KINDS, "scare", "orphan")
FEATURES = frozenset(
    {"rules", "rules_pronoun", "rules_implicit", "relink", "inside_quote", "before_cue", "after_cue", "sentence_initial", "distance",
     "touches_cue", "near_cue", "other_paragraph", "after_preposition", "after_tell", "titled", "possessive", "body_with_role_near",
     "mistyped_person", "paragraph_initial", "previous_speaker", "relink_gender_agrees", "relink_gender_clashes", "relink_distance",
     "relink_after_preposition", "relink_mistyped_person", "relink_previous_speaker"}
    | {f"{side}_quote{cue}" for side in ("before", "after") for cue in ("", "_cue", "_nocue")}
    | {"distance_cue", "distance_nocue"}
    | {f"{prefix}{t}" for prefix in ("type_", "relink_type_") for t in (*_TYPES, "OTHER")}
    | {f"kind_{k}" for k in ("NAME", "NOMINAL", "PRONOUN", "PHRASE")}
    | {f"row_{k}" for k in _ROW_KINDS} | {f"rules_{k}" for k in _ROW_KINDS}
    | {f"rules_{s}" for s in ("attributed", "implicit", "unnamed_source", "unattributed", "pronoun")}
    | {f"{prefix}sentences_away_{n}" for prefix in ("", "relink_") for n in (0, 1, 2)})
"""Every feature name a candidate can have: the weights file may name no other."""
MAX_WEIGHT = 10.0
"""Largest weight (in size) the weights file may give: training (L2-regularised) gives under 2.5, and
one weight past this outvotes every other feature together, a slip of a hand edit."""


class WeightsError(ValueError):
    """The weights file (`speaker_weights`) is not one the ranker can use."""


def check_weights(weights: dict[str, float], margin: float, kinds: tuple[str, ...]) -> None:
    """Refuse a hand-edited weights file at import: an unknown name would be read as weight 0 and a
    NaN or huge weight would decide every row, both silently wrong speakers."""
    unknown = sorted(set(weights) - FEATURES)
    if unknown:
        raise WeightsError(f"speaker_weights.WEIGHTS names features the ranker never computes: {', '.join(unknown)}")
    for name, value in weights.items():
        if not _usable_number(value):
            raise WeightsError(f"speaker_weights.WEIGHTS[{name!r}] is {value!r}: a finite number of at most {MAX_WEIGHT} in size")
    if not _usable_number(margin) or margin < 0:
        raise WeightsError(f"speaker_weights.MARGIN is {margin!r}: a finite number from 0 to {MAX_WEIGHT}")
    if not isinstance(kinds, tuple) or not set(kinds) <= set(RANKED_KINDS):
        raise WeightsError(f"speaker_weights.KINDS is {kinds!r}: a tuple of row kinds among {', '.join(RANKED_KINDS)}")


def _usable_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and abs(value) <= MAX_WEIGHT


check_weights(WEIGHTS, MARGIN, KINDS)


@dataclass(frozen=True)
class Candidate:
    """One possible speaker of a row: the speaker the row would get, and what describes it."""

    speaker: Speaker
    features: dict[str, float]
    rules: bool


def score(features: dict[str, float], weights: dict[str, float]) -> float:
    return sum(value * weights.get(name, 0.0) for name, value in features.items())


def best_candidate(features: list[dict[str, float]], weights: dict[str, float], margin: float = MARGIN) -> int:
    """Index of the candidate kept: the highest score, if it beats the rules' choice (index 0) by
    more than `margin`; the first of equals."""
    scores = [score(f, weights) for f in features]
    best = max(range(len(scores)), key=lambda i: (scores[i], -i))
    return best if scores[best] - scores[0] > margin else 0


def rank_speakers(quotes: list[Quote], text: str, outside: list[Mention], genders: dict[str, str],
                  weights: dict[str, float] = WEIGHTS, kinds: tuple[str, ...] = KINDS, margin: float = MARGIN) -> list[Quote]:
    """Each row of `kinds`: its best candidate by `weights` (the rules' choice unless another beats
    it by more than `margin`)."""
    if not weights or not any(q.kind in kinds for q in quotes):
        return quotes
    out = []
    moved: dict[tuple[int, int], tuple[Speaker, Speaker]] = {}  # a row's span -> its speaker (rules', ranker's)
    for q, found in zip(quotes, speaker_candidates(quotes, text, outside, genders, kinds)):
        inherited = moved.get(q.parent) if q.parent else None
        if inherited is not None and q.speaker.mention is not None and q.speaker.mention == inherited[0].mention:
            new = replace(q.speaker, mention=inherited[1].mention)  # a nested row took its parent's speaker (Q4)
        elif len(found) > 1 and (best := best_candidate([c.features for c in found], weights, margin)):
            new = found[best].speaker
        else:
            out.append(q)
            continue
        moved[(q.start, q.end)] = (q.speaker, new)
        out.append(replace(q, speaker=new))
    return out


def speaker_candidates(quotes: list[Quote], text: str, outside: list[Mention], genders: dict[str, str],
                       kinds: tuple[str, ...] = RANKED_KINDS) -> list[list[Candidate]]:
    """Per row (in the order given), its candidates: the rules' choice first, then the mentions
    outside quotation marks near it (or, for a he/she the rules resolved, the names that pronoun
    could stand for). Rows of other kinds get the rules' choice alone."""
    mentions = sorted((m for m in outside if m.kind in ("NAME", "NOMINAL")), key=lambda m: (m.start, m.end, m.name))
    starts = [m.start for m in mentions]
    previous: str | None = None  # the entity of the last row that had one
    out = []
    for q in quotes:
        if q.kind not in kinds:
            out.append([Candidate(q.speaker, {}, True)])
            if q.kind in RANKED_KINDS and q.speaker.status in ("attributed", "implicit") and q.speaker.mention is not None:
                previous = q.speaker.mention.name
            continue
        lo = max(0, min(q.start, q.cue[0] if q.cue else q.start) - REACH_BEFORE)
        hi = max(q.end, q.cue[1] if q.cue else q.end) + REACH_AFTER
        near = mentions[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]
        # (a speaker's words never overlap the quoted or reported words: validate's speaker-words-inconsistent)
        near = [m for m in near if m.end <= hi and not (m.start < q.end and q.start < m.end)]
        rules = q.speaker.mention if q.speaker.status in ("attributed", "implicit") else None
        anchor = _anchor(q)
        near = sorted(near, key=lambda m: (_distance(m, anchor), m.start, m.end))[:MAX_CANDIDATES]
        found = []
        if rules is not None and rules.kind == "PRONOUN" and rules.gender in ("male", "female"):
            for m in sorted(near, key=lambda m: (m.start, m.end)):
                if m.end <= rules.start and m.name != rules.name and m.kind == "NAME":
                    relinked = replace(rules, name=m.name, type=m.type)
                    found.append(Candidate(Speaker("attributed", relinked), _relink_features(text, q, rules, m, previous, genders), False))
        else:
            for m in sorted(near, key=lambda m: (m.start, m.end)):
                if rules is not None and m.name == rules.name:
                    continue  # another mention of whom the rules chose: who speaks would not change
                breaks = _breaks(text, m, anchor)
                if q.kind == "indirect" and breaks:
                    continue  # reported speech is one clause: its speaker is named in its sentence
                found.append(Candidate(Speaker("attributed", m), features(text, q, m, anchor, previous, breaks), False))
        # (alone, the rules' choice is not scored: its features are worked out only when there is a rival)
        found.insert(0, Candidate(q.speaker, _rules_features(text, q, rules, anchor, previous, genders) if found else {}, True))
        out.append(found)
        if rules is not None:
            previous = rules.name
    return out


def _anchor(q: Quote) -> tuple[int, int]:
    """Where the row is reported: its cue, else the quotation itself."""
    return (q.cue[0], q.cue[1]) if q.cue else (q.start, q.end)


def _distance(m: Mention, span: tuple[int, int]) -> int:
    return max(0, span[0] - m.end, m.start - span[1])


def _sentence_gap(text: str, a: int, b: int) -> int:
    """Sentence or paragraph breaks between two offsets (at most 3 counted; a break just before
    the later offset counts: its capital is read past it)."""
    lo, hi = min(a, b), max(a, b)
    return sum(1 for _ in zip(range(3), _SENTENCE_END.finditer(text, lo, min(len(text), hi + 1))))


def _breaks(text: str, m: Mention, anchor: tuple[int, int]) -> int:
    """Sentence breaks between a mention and where the row is reported (after the row, counted from
    its last quoted character: `...end." Ann Lee` starts a sentence)."""
    if m.end <= anchor[0]:
        return _sentence_gap(text, m.start, anchor[0])
    return _sentence_gap(text, max(anchor[0], anchor[1] - 1), m.start)


def features(text: str, q: Quote, m: Mention, anchor: tuple[int, int], previous: str | None, breaks: int | None = None) -> dict[str, float]:
    """What describes mention `m` as the speaker of row `q` (names are the weights file's keys)."""
    f: dict[str, float] = {f"type_{m.type if m.type in _TYPES else 'OTHER'}": 1.0, f"kind_{m.kind}": 1.0, f"row_{q.kind}": 1.0}
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
    gap = _distance(m, anchor)
    f["distance"] = f[f"distance_{cue}"] = min(gap, 400) / 100
    if gap <= 3:
        f["touches_cue"] = 1.0
    elif gap <= 40:
        f["near_cue"] = 1.0
    breaks = _breaks(text, m, anchor) if breaks is None else breaks
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


def _rules_features(text: str, q: Quote, rules: Mention | None, anchor: tuple[int, int], previous: str | None,
                    genders: dict[str, str]) -> dict[str, float]:
    """The rules' choice: `rules` plus its status, and the features of its mention if it has one."""
    if rules is None and q.speaker.phrase is not None:  # an unnamed source where the text names it: placed like a mention
        phrase = Mention(q.speaker.phrase[0], q.speaker.phrase[1], "", "UNNAMED", "PHRASE", 0.0)
        return {**features(text, q, phrase, anchor, None), "rules": 1.0, f"rules_{q.kind}": 1.0, f"rules_{q.speaker.status}": 1.0}
    if rules is None:
        return {"rules": 1.0, f"rules_{q.kind}": 1.0, f"rules_{q.speaker.status}": 1.0, f"row_{q.kind}": 1.0}
    if rules.kind == "PRONOUN":
        f = {"rules": 1.0, f"rules_{q.kind}": 1.0, "rules_pronoun": 1.0, f"row_{q.kind}": 1.0, f"type_{rules.type if rules.type in _TYPES else 'OTHER'}": 1.0}
        if previous is not None and rules.name == previous:
            f["previous_speaker"] = 1.0
        return f
    f = features(text, q, rules, anchor, previous)
    f["rules"] = f[f"rules_{q.kind}"] = 1.0
    if q.speaker.status == "implicit":
        f["rules_implicit"] = 1.0
    return f


def _relink_features(text: str, q: Quote, pronoun: Mention, m: Mention, previous: str | None, genders: dict[str, str]) -> dict[str, float]:
    """A he/she the rules resolved, resolved instead to the earlier name `m`."""
    f = {"relink": 1.0, f"relink_type_{m.type if m.type in _TYPES else 'OTHER'}": 1.0, f"row_{q.kind}": 1.0}
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
