"""Guideline AQ2, the rule that gives an article its quality label, and the segment kinds that
count as boilerplate: shared by the builder, the statistics and the articles checks.

Apart from `articles_checks.py` so that what only needs the rule (the builder, `stats`) does not
import the cross checks, and pandas with them.
"""

from __future__ import annotations

from landstrikes.schema.labels import QUALITY_FLAGS

BOILERPLATE_KINDS = ("navigation", "prompt", "advertisement")
MAJOR_FLAGS = ("spun_text", "fabricated_content", "hypothetical_content")
FACTUAL_SLIPS = ("factual_error", "misquotation")
"""Flags whose rows are counted together by AQ2 (a misquotation counts as a factual error)."""
assert set(MAJOR_FLAGS) <= set(QUALITY_FLAGS) and set(FACTUAL_SLIPS) <= set(QUALITY_FLAGS)


def quality_label_for(flags: list[str], factual_errors: int) -> str:
    """Guideline AQ2, the one implementation the builder and the check share."""
    if not flags:
        return "clean"
    if any(f in MAJOR_FLAGS for f in flags) or factual_errors >= 2:
        return "major_issues"
    return "minor_issues"
