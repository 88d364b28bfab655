"""Who spoke, decided by a linear model over the speaker candidates around each quote row (issue 17).

Seven rounds of speaker rules each fixed the errors their writer read, and the next unread audit
batch still found others (a pronoun linked past a name the entity layer mistyped, a company where
its spokesman speaks). Here the rules' choice is one candidate among the mentions near the row; each
candidate is described by a few features (`speaker_features`) and the one with the highest dot product
with `speaker_weights.WEIGHTS` (trained by `benchmarks/dev/train_speakers.py`) speaks. The rules'
choice is itself a feature, so it is overridden only on evidence (by more than `MARGIN`). It decides
the row kinds in `KINDS` (partial, indirect): on direct quotes grouped cross-validation found it no
better than the rules, so they keep the rules' choice, except a direct quotation nested in a row whose
speaker moved and citing that row's speaker, which follows it (Q4). Pure and deterministic: same text, same rows.
Spans, kinds and row counts never change here.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, replace

from landstrikes.extract.entities import Mention
from landstrikes.extract.quoterow import Quote, Speaker
from landstrikes.extract.speaker_features import (FEATURES, distance_to, mention_features, relink_features, row_anchor, rules_features,
                                                  sentence_breaks)
from landstrikes.extract.speaker_weights import KINDS, MARGIN, WEIGHTS
from landstrikes.schema.labels import SILENT_SPEAKERS

RANKED_KINDS = ("direct", "partial", "indirect")
"""Rows with a speaker to decide (a scare quote or an orphan mark has none); `KINDS` of the weights
file says which of them the ranker decides."""
REACH_BEFORE, REACH_AFTER = 300, 200
"""Characters before the row (or its cue) and after it where candidates are looked for."""
MUTE_TYPES = SILENT_SPEAKERS | {"OTHER"}
"""Entity types never a candidate: an event or a law cannot utter words (Q6), nor a product
(`Some <phone> users say ...`: the users speak, not the phone; extract47). (A LOC stays one: `Downing
Street said` speaks for the government, as the dev gold types it ORG.)"""
MAX_CANDIDATES = 8
"""Nearest mentions kept per row besides the rules' choice (bounded work per row)."""

MAX_WEIGHT = 10.0
"""Largest weight (in size) the weights file may give: training (L2-regularised) gives under 2.5, and
one weight past this outvotes every other feature together, a slip of a hand edit."""


class WeightsError(ValueError):
    """The weights file (`speaker_weights`) is not one the ranker can use."""


def check_weights(weights: dict[str, float], margin: float, kinds: tuple[str, ...]) -> None:
    """Refuse a hand-edited weights file at import: an unknown (misspelt) or deleted name would be
    read as weight 0 and a NaN or huge weight would decide every row, all silently wrong speakers."""
    unknown = sorted(set(weights) - FEATURES)
    if unknown:
        raise WeightsError(f"speaker_weights.WEIGHTS names features the ranker never computes: {', '.join(unknown)}")
    missing = sorted(FEATURES - set(weights))
    if missing:
        raise WeightsError(f"speaker_weights.WEIGHTS lacks features the ranker computes (0.0 if unused): {', '.join(missing)}")
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
    # (an event, a law or a product cannot utter words, Q6: never a candidate, nor a name a he/she stands for)
    mentions = sorted((m for m in outside if m.kind in ("NAME", "NOMINAL") and m.type not in MUTE_TYPES),
                      key=lambda m: (m.start, m.end, m.name))
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
        anchor = row_anchor(q)
        near = sorted(near, key=lambda m: (distance_to(m, anchor), m.start, m.end))[:MAX_CANDIDATES]
        found = []
        if rules is not None and rules.kind == "PRONOUN" and rules.gender in ("male", "female"):
            for m in sorted(near, key=lambda m: (m.start, m.end)):
                if m.end <= rules.start and m.name != rules.name and m.kind == "NAME":
                    relinked = replace(rules, name=m.name, type=m.type)
                    found.append(Candidate(Speaker("attributed", relinked), relink_features(text, q, rules, m, previous, genders), False))
        else:
            for m in sorted(near, key=lambda m: (m.start, m.end)):
                if rules is not None and m.name == rules.name:
                    continue  # another mention of whom the rules chose: who speaks would not change
                breaks = sentence_breaks(text, m, anchor)
                if q.kind == "indirect" and breaks:
                    continue  # reported speech is one clause: its speaker is named in its sentence
                found.append(Candidate(Speaker("attributed", m), mention_features(text, q, m, anchor, previous, breaks), False))
        # (alone, the rules' choice is not scored: its features are worked out only when there is a rival)
        found.insert(0, Candidate(q.speaker, rules_features(text, q, rules, anchor, previous) if found else {}, True))
        out.append(found)
        if rules is not None:
            previous = rules.name
    return out


