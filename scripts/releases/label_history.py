"""The label lists (order included) of every schema version this package has released.

A label's position in its list is the `datasets.ClassLabel` code `load` gives it, so the list is
part of the schema version. `verify` compares a release's stated lists with its witnesses (card,
croissant.json), which a forger can rewrite alike; these lists are the authority they cannot
rewrite, for the version the release states, old or current (review17, attack17: a release
stating an older schema version skipped the check). Copied from the manifests of the committed
releases 1.0.0, 2.0.0 and 2.1.0 (tests/test_label_history.py holds them, and the current entry to
the registry); a new schema version adds its entry here (that test fails until it does)."""

from __future__ import annotations

_SCHEMA_1_0: dict[str, dict[str, tuple[str, ...]]] = {
    "articles": {
        "quality_label": ("clean", "minor_issues", "major_issues"),
        "source": ("gold", "auto"),
    },
    "entities": {
        "type": ("PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "LAW", "MEDIA", "OTHER"),
        "flag": ("none", "fabricated", "unverifiable"),
        "source": ("gold", "auto"),
    },
    "mentions": {
        "kind": ("NAME", "NOMINAL", "PRONOUN"),
        "source": ("gold", "auto"),
    },
    "mention_exclusions": {
        "source": ("gold", "auto"),
    },
    "quotes": {
        "kind": ("direct", "partial", "indirect", "scare", "orphan"),
        "speaker_status": ("attributed", "implicit", "unnamed_source", "multiple", "term", "unattributed"),
        "source": ("gold", "auto"),
    },
    "claims": {
        "claim_type": ("statistic", "event", "causal", "legal", "position", "prediction", "other"),
        "quantity_bound": ("exact", "approximate", "at_least", "at_most", "range"),
        "hedging": ("asserted", "attributed", "questioned"),
        "consistency": ("corroborated", "uncorroborated", "contradicted", "hypothetical"),
        "source": ("gold", "auto"),
    },
    "claim_clusters": {
        "source": ("gold", "auto"),
    },
    "stance_targets": {
        "source": ("gold", "auto"),
    },
    "stances": {
        "label": ("favor", "against", "neutral"),
        "fnc_label": ("agree", "disagree", "discuss", "unrelated"),
        "source": ("gold", "auto"),
    },
    "segments": {
        "kind": (
            "headline", "byline", "body", "section_heading", "navigation", "prompt", "advertisement",
            "summary", "fact_table", "appended",
        ),
        "source": ("gold", "auto"),
    },
    "quality_flags": {
        "flag": (
            "spun_text", "fabricated_content", "hypothetical_content", "factual_error", "boilerplate",
            "duplicate_headline", "inconsistent_self_description",
        ),
        "source": ("gold", "auto"),
    },
}

_SCHEMA_2_0_CHANGES: dict[str, dict[str, tuple[str, ...]]] = {
    "claims": {
        "record_status": ("matches", "contradicts", "unknown"),
    },
    "claim_clusters": {
        "record_status": ("matches", "contradicts", "unknown"),
    },
    "stances": {
        "holder_kind": ("entity", "group", "article"),
        "holder_group": (
            "analysts", "experts", "critics", "officials", "observers", "supporters", "citizens",
        ),
        "stance_confidence": ("high", "medium", "low"),
    },
    "quality_flags": {
        "flag": (
            "spun_text", "fabricated_content", "hypothetical_content", "factual_error", "boilerplate",
            "duplicate_headline", "inconsistent_self_description", "misquotation", "seo_insertion",
            "truncation_artifact",
        ),
    },
}
"""What schema 2.0 (guidelines 2.0, issue 16) added: three quality flags, record statuses, the
stance holder's kind, group and confidence. No label was removed or reordered."""


def _with(base: dict, changes: dict) -> dict:
    return {table: {**base.get(table, {}), **changes.get(table, {})} for table in {**base, **changes}}


LABELS_BY_SCHEMA_VERSION: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {
    "1.0": _SCHEMA_1_0,
    "2.0": _with(_SCHEMA_1_0, _SCHEMA_2_0_CHANGES),
}
LABELS_BY_SCHEMA_VERSION["2.1"] = LABELS_BY_SCHEMA_VERSION["2.0"]
"""Schema 2.1 added columns and checks, no label (its releases state 2.0's lists)."""
