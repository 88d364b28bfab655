"""The label lists (order included) of every schema version this package has released.

A label's position in its list is the `datasets.ClassLabel` code `load` gives it, so the list is
part of the schema version. `verify` compares a release's stated lists with its witnesses (card,
croissant.json), which a forger can rewrite alike; these lists are the authority they cannot
rewrite, for the version the release states, old or current (review17, attack17: a release
stating an older schema version skipped the check). Copied from the manifests of the committed
releases 1.0.0, 2.0.0 and 2.1.0 (tests/test_label_history.py holds them, and the current entry to
the registry); a new schema version adds its entry here (that test fails until it does)."""

from __future__ import annotations

LABELS_BY_SCHEMA_VERSION: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {
    "1.0": {
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
            "speaker_status": (
                "attributed", "implicit", "unnamed_source", "multiple", "term", "unattributed",
            ),
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
    },
    "2.0": {
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
            "speaker_status": (
                "attributed", "implicit", "unnamed_source", "multiple", "term", "unattributed",
            ),
            "source": ("gold", "auto"),
        },
        "claims": {
            "claim_type": ("statistic", "event", "causal", "legal", "position", "prediction", "other"),
            "quantity_bound": ("exact", "approximate", "at_least", "at_most", "range"),
            "hedging": ("asserted", "attributed", "questioned"),
            "consistency": ("corroborated", "uncorroborated", "contradicted", "hypothetical"),
            "record_status": ("matches", "contradicts", "unknown"),
            "source": ("gold", "auto"),
        },
        "claim_clusters": {
            "record_status": ("matches", "contradicts", "unknown"),
            "source": ("gold", "auto"),
        },
        "stance_targets": {
            "source": ("gold", "auto"),
        },
        "stances": {
            "holder_kind": ("entity", "group", "article"),
            "holder_group": (
                "analysts", "experts", "critics", "officials", "observers", "supporters", "citizens",
            ),
            "label": ("favor", "against", "neutral"),
            "fnc_label": ("agree", "disagree", "discuss", "unrelated"),
            "stance_confidence": ("high", "medium", "low"),
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
                "duplicate_headline", "inconsistent_self_description", "misquotation", "seo_insertion",
                "truncation_artifact",
            ),
            "source": ("gold", "auto"),
        },
    },
    "2.1": {
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
            "speaker_status": (
                "attributed", "implicit", "unnamed_source", "multiple", "term", "unattributed",
            ),
            "source": ("gold", "auto"),
        },
        "claims": {
            "claim_type": ("statistic", "event", "causal", "legal", "position", "prediction", "other"),
            "quantity_bound": ("exact", "approximate", "at_least", "at_most", "range"),
            "hedging": ("asserted", "attributed", "questioned"),
            "consistency": ("corroborated", "uncorroborated", "contradicted", "hypothetical"),
            "record_status": ("matches", "contradicts", "unknown"),
            "source": ("gold", "auto"),
        },
        "claim_clusters": {
            "record_status": ("matches", "contradicts", "unknown"),
            "source": ("gold", "auto"),
        },
        "stance_targets": {
            "source": ("gold", "auto"),
        },
        "stances": {
            "holder_kind": ("entity", "group", "article"),
            "holder_group": (
                "analysts", "experts", "critics", "officials", "observers", "supporters", "citizens",
            ),
            "label": ("favor", "against", "neutral"),
            "fnc_label": ("agree", "disagree", "discuss", "unrelated"),
            "stance_confidence": ("high", "medium", "low"),
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
                "duplicate_headline", "inconsistent_self_description", "misquotation", "seo_insertion",
                "truncation_artifact",
            ),
            "source": ("gold", "auto"),
        },
    },
}
