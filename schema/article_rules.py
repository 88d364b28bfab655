"""Article columns derived from other rows: the title from the headline segments, the quality
label from the quality flags (guideline AQ2).

One implementation shared by the builder (`landstrikes.tables.articles`), the extractor and the
cross-table checks (`articles_checks`). Plain Python without pandas, so the extractor's process
imports them without importing the validation machinery.
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


def title_of(text: str, segments: list[dict]) -> str | None:
    """The first headline segment, stripped; None when the scrape kept no headline (004)."""
    heads = sorted((s["start"], s["end"]) for s in segments if s["kind"] == "headline")
    return text[heads[0][0]:heads[0][1]].strip() if heads else None
