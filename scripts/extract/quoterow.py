"""The quote row the rules build (before it becomes a table row) and its speaker."""

from __future__ import annotations

from dataclasses import dataclass

from landstrikes.extract.entities import Mention


@dataclass(frozen=True)
class Speaker:
    """Who spoke: an entity mention (a name or a resolved pronoun), or only a status; for an
    unnamed source, where the text names it (`phrase`, [start, end): `a council spokesman`)."""

    status: str
    mention: Mention | None = None
    phrase: tuple[int, int] | None = None


@dataclass(frozen=True)
class Quote:
    start: int
    end: int
    kind: str
    speaker: Speaker
    cue: tuple[int, int, str] | None
    parent: tuple[int, int] | None
    confidence: float
