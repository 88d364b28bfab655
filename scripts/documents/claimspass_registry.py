"""Which independent claims passes exist, what each was compared with, and under which guidelines.

Kept apart from the agreement code (`claimspasses.py`, which needs pandas) so that `stats`, the
datasheet and the dataset card, which must not import pandas (tests/test_lean_commands.py), can
name the passes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ClaimsPass:
    """One claims pass: its folder, the release made before it and that release's published pin."""

    name: str
    folder: Path
    partner: Path
    pin: str
    """The sha256 of the partner's MANIFEST.json as published (CHANGELOG, README)."""
    guidelines: str
    """The guidelines version the reader was given."""


CLAIMS_PASSES = (
    ClaimsPass("sixth", Path("annotations") / "sixth_pass", Path("releases") / "2.21.0" / "data",
               "2d0c7ab3175b53255a2fa257224668abd3e765afa5afac3b2cb787b5165c39be", "2.15"),
    ClaimsPass("seventh", Path("annotations") / "seventh_pass", Path("releases") / "2.22.0" / "data",
               "533d38ee5e9a1c3c2280d8762bc1de27eb8584a938a00bc6bedc12fc07a78ef4", "2.16"),
    ClaimsPass("eighth", Path("annotations") / "eighth_pass", Path("releases") / "2.23.0" / "data",
               "b8ffeeaeab6645733b5d3a65e2fdbabc8f2ff17efd9056798af96a9c436bc0ae", "2.17"),
)

CROSS_ARTICLE_PASSES = (
    # the claim spans of the partner taken as given: which of them state one proposition (ninth),
    # and whether each proposition agrees with the public record (tenth); crossarticlepasses.py
    ClaimsPass("ninth", Path("annotations") / "ninth_pass", Path("releases") / "2.24.1" / "data",
               "7672b387842e6979684c7059e6f68f1667aff3993a9bc4b2d59c561a56353685", "2.18"),
    ClaimsPass("tenth", Path("annotations") / "tenth_pass", Path("releases") / "2.24.1" / "data",
               "7672b387842e6979684c7059e6f68f1667aff3993a9bc4b2d59c561a56353685", "2.18"),
)
"""The passes over the cross-article layer (clusters, record status) of the claims."""
