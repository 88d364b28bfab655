"""Every closed label set of the corpus, defined once (ANNOTATION_GUIDELINES.md cites them)."""

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "LAW", "MEDIA", "OTHER")
ENTITY_FLAGS = ("none", "fabricated", "unverifiable")
MENTION_KINDS = ("NAME", "NOMINAL", "PRONOUN")
QUOTE_KINDS = ("direct", "partial", "indirect", "scare", "orphan")
SILENT_SPEAKERS = frozenset({"EVENT", "LAW"})
"""Entity types that cannot utter words (Q6: a person, a body, a country or a publication speaks).
The extractor's speaker ranker reads this set (with OTHER); validate's rules read VOICELESS."""
VOICELESS = SILENT_SPEAKERS | {"LOC", "OTHER"}
"""Entity types that neither speak (Q6), claim (C3) nor hold a stance (S3): those name "a person, an
organisation, a country, a group (of people) or a medium"; a LOC is a non-political place and an
OTHER a poll, a programme or a product (E2; C3: "a poll states nothing by itself"). attack55: a
stance held by `caribbean-sea` validated. No release has a LOC or OTHER speaker, claimant or holder."""
SPEAKER_STATUSES = ("attributed", "implicit", "unnamed_source", "multiple", "term", "unattributed")
CLAIM_TYPES = ("statistic", "event", "causal", "legal", "position", "prediction", "other")
HEDGING = ("asserted", "attributed", "questioned")
CONSISTENCY = ("corroborated", "uncorroborated", "contradicted", "hypothetical")
QUANTITY_BOUNDS = ("exact", "approximate", "at_least", "at_most", "range")
RECORD_STATUSES = ("matches", "contradicts", "unknown")
STANCE_LABELS = ("favor", "against", "neutral")
HOLDER_KINDS = ("entity", "group", "article")
HOLDER_GROUPS = ("analysts", "experts", "critics", "officials", "observers", "supporters", "citizens")
STANCE_CONFIDENCE = ("high", "medium", "low")
FNC_LABELS = ("agree", "disagree", "discuss", "unrelated")
SEGMENT_KINDS = (
    "headline",
    "byline",
    "body",
    "section_heading",
    "navigation",
    "prompt",
    "advertisement",
    "summary",
    "fact_table",
    "appended",
)
QUALITY_FLAGS = (
    "spun_text",
    "fabricated_content",
    "hypothetical_content",
    "factual_error",
    "boilerplate",
    "duplicate_headline",
    "inconsistent_self_description",
    "misquotation",
    "seo_insertion",
    "truncation_artifact",
)
QUALITY_LABELS = ("clean", "minor_issues", "major_issues")
SOURCES = ("gold", "auto")
