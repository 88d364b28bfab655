"""The one registry of cross-table checks (Pandera has no multi-table API): each table's checks
live beside its model (schema/<table>_checks.py), the shared machinery in schema/checkcorpus.py;
this module orders them. The order fixes the order of findings (reports are compared).

Each check is vectorised or a single pass per article, so cost grows linearly with rows.
Every failure is a Finding with a stable check id (see `CHECK_IDS` in README).
"""

from __future__ import annotations

from landstrikes.schema.checkcorpus import (  # noqa: F401 (re-exported: importers of crosschecks keep working)
    Corpus,
    article_numbers,
    article_texts,
    key_positions,
)
from landstrikes.schema.every_table_checks import (  # noqa: F401 (re-exported: importers of crosschecks keep working)
    DERIVED_IDS,
    FOREIGN_KEYS,
    ID_CODES,
    check_derived_ids,
    check_foreign_keys,
    check_provenance,
    check_spans,
)
from landstrikes.schema.quotes_checks import (  # noqa: F401 (re-exported: importers of crosschecks keep working)
    check_quote_mark_coverage,
    check_quotes,
    check_speaker_words,
)
from landstrikes.schema.mentions_checks import (  # noqa: F401 (re-exported: importers of crosschecks keep working)
    SPACE_SEPARATORS,
    _report_uncovered_aliases,
    alias_pattern,
    alias_scan,
    articles_with_unicode_spaces,
    check_alias_coverage,
    corpus_separators,
)
from landstrikes.schema.segments_checks import (  # noqa: F401 (re-exported: importers of crosschecks keep working)
    check_boilerplate_evidence,
    check_segments_partition,
)
from landstrikes.schema.claims_checks import (  # noqa: F401 (re-exported: importers of crosschecks keep working)
    check_claim_clusters,
    check_claims,
)
from landstrikes.schema.stances_checks import (  # noqa: F401 (re-exported: importers of crosschecks keep working)
    check_article_voice,
    check_fnc_label_per_article,
    check_stance_holders,
    check_stances,
)
from landstrikes.schema.articles_checks import (  # noqa: F401 (re-exported: importers of crosschecks keep working)
    BOILERPLATE_KINDS,
    FACTUAL_SLIPS,
    MAJOR_FLAGS,
    check_article_quality,
    check_titles,
    quality_label_for,
)


CROSS_CHECKS = (
    check_provenance,
    check_foreign_keys,
    check_spans,
    check_derived_ids,
    check_quotes,
    check_speaker_words,
    check_quote_mark_coverage,
    check_alias_coverage,
    check_segments_partition,
    check_claims,
    check_claim_clusters,
    check_stances,
    check_stance_holders,
    check_article_voice,
    check_fnc_label_per_article,
    check_article_quality,
    check_boilerplate_evidence,
)

LONGEST_FIRST = (
    check_alias_coverage,
    check_spans,
    check_quote_mark_coverage,
    *(c for c in CROSS_CHECKS if c not in (check_alias_coverage, check_spans, check_quote_mark_coverage)),
)
"""CROSS_CHECKS in the order to start them on parallel workers (measured at 10^6 quotes)."""
