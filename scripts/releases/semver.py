"""Dataset versions: strict X.Y.Z, ordered, and the size of the step between two of them."""

from __future__ import annotations

import re
from typing import NamedTuple

from landstrikes.schema.versions import MAX_LENGTH, VERSION as _VERSION  # one spelling: validate's stamp rule reads it too

LEVELS = ("patch", "minor", "major")
"""Bump levels from smallest to largest; a level's index is its rank."""


class Version(NamedTuple):
    major: int
    minor: int
    patch: int

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"


def parse_version(text: str) -> Version | None:
    """'1.0.2' -> Version(1, 0, 2); anything else (prefixes, pre-releases, '01') -> None."""
    text = text.strip() if isinstance(text, str) else ""
    match = _VERSION.fullmatch(text) if len(text) <= MAX_LENGTH else None
    return Version(*(int(part) for part in match.groups())) if match else None


_SCHEMA_VERSION = re.compile(r"(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})")


def parse_schema_version(text: str) -> tuple[int, int] | None:
    """A schema version '2.1' as (2, 1), for ordering; ASCII digits, no padding, no blanks (None
    for anything else: '2.1 ' names no schema)."""
    match = _SCHEMA_VERSION.fullmatch(text) if isinstance(text, str) else None
    return (int(match.group(1)), int(match.group(2))) if match else None


def folder_version(name: str) -> Version | None:
    """The version a release folder is named after: only the exact X.Y.Z spelling. '2.0.0 ' is
    not 2.0.0: it would stand beside the real folder and hide it (or pose as the newest)."""
    version = parse_version(name)
    return version if version is not None and str(version) == name else None


def bump_level(previous: Version, new: Version) -> str | None:
    """How big a step `new` is after `previous` ('major', 'minor', 'patch'); None if not greater."""
    if new <= previous:
        return None
    if new.major != previous.major:
        return "major"
    if new.minor != previous.minor:
        return "minor"
    return "patch"


def at_least(level: str, required: str) -> bool:
    return LEVELS.index(level) >= LEVELS.index(required)
