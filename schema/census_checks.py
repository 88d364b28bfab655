"""The checks added by the false-VALID census (benchmarks/false_valid_census.py,
docs/notes/census.md): each closes a class of plausible one-cell corruptions that validate
passed; attack14 and attack15 (docs/notes/attack15.md) added guideline rules that a consistent
edit of several rows broke while every other check passed (M4, SG1, C5's table, G2, C12).
Registered once, in schema/validate.py, after the value rules."""

from landstrikes.schema.attribution_mentions import check_attribution_mentions
from landstrikes.schema.auto_claims import check_auto_claim_defaults, check_auto_propositions
from landstrikes.schema.auto_clusters import check_auto_clusters
from landstrikes.schema.auto_confidences import check_auto_confidences
from landstrikes.schema.auto_entities import check_auto_entities
from landstrikes.schema.auto_segments import check_auto_segments
from landstrikes.schema.claim_segments import check_claim_segments, check_stance_evidence_segments
from landstrikes.schema.claim_speakers import check_claim_speakers
from landstrikes.schema.claim_values import check_claim_values
from landstrikes.schema.contradiction_links import check_contradiction_links
from landstrikes.schema.cue_events import check_cue_events, check_cue_modes
from landstrikes.schema.cue_subjects import check_cue_subjects
from landstrikes.schema.duplicate_headlines import check_duplicate_headlines
from landstrikes.schema.entity_flag_notes import check_entity_flag_notes
from landstrikes.schema.entity_id_names import check_entity_id_names
from landstrikes.schema.entity_name_aliases import check_entity_name_aliases
from landstrikes.schema.entity_names import check_entity_names
from landstrikes.schema.exclusion_mentions import check_exclusion_mentions
from landstrikes.schema.final_punctuation_ends import check_final_punctuation_ends
from landstrikes.schema.free_text_forms import check_free_text_forms
from landstrikes.schema.group_holders import check_entity_holders, check_group_holders
from landstrikes.schema.heading_claims import check_heading_claims
from landstrikes.schema.heading_lines import check_heading_lines
from landstrikes.schema.hypothetical_claims import check_hypothetical_claims
from landstrikes.schema.implicit_speakers import check_implicit_speakers
from landstrikes.schema.keyed_overlaps import check_keyed_overlaps
from landstrikes.schema.misquotation_spans import check_misquotation_spans
from landstrikes.schema.name_mentions import check_exclusion_aliases, check_name_mentions
from landstrikes.schema.name_overlaps import check_name_overlaps
from landstrikes.schema.nested_clusters import check_nested_clusters
from landstrikes.schema.nominal_articles import check_nominal_articles
from landstrikes.schema.nominal_determiners import check_nominal_determiners
from landstrikes.schema.nominal_names import check_nominal_names
from landstrikes.schema.nominal_titles import check_nominal_titles
from landstrikes.schema.pronoun_entities import check_pronoun_entities
from landstrikes.schema.pronoun_genders import check_pronoun_genders
from landstrikes.schema.pronoun_types import check_pronoun_types
from landstrikes.schema.quantity_bounds import check_quantity_bounds
from landstrikes.schema.quantity_numbers import check_quantity_numbers
from landstrikes.schema.quote_cluster_reference import check_quote_cluster_reference
from landstrikes.schema.quote_cluster_names import check_quote_cluster_names
from landstrikes.schema.quote_cues import check_quote_cues
from landstrikes.schema.quote_kinds import check_quote_kinds
from landstrikes.schema.quote_pairs import check_quote_pairs
from landstrikes.schema.repeated_propositions import check_cluster_propositions, check_target_descriptions, check_variant_propositions
from landstrikes.schema.repeated_headline_claims import check_repeated_headline_claims, check_repeated_headline_evidence
from landstrikes.schema.segment_starts import check_segment_line_starts, check_segment_starts
from landstrikes.schema.slug_ids import check_claim_named_clusters, check_slug_ids
from landstrikes.schema.sorted_lists import check_sorted_lists
from landstrikes.schema.split_quote_speakers import check_split_quote_speakers
from landstrikes.schema.span_edges import check_span_edges
from landstrikes.schema.span_lines import check_speaker_cue_lines, check_span_lines
from landstrikes.schema.span_words import check_span_words
from landstrikes.schema.stance_evidence_speakers import check_stance_evidence_speakers
from landstrikes.schema.vague_table import check_vague_table
from landstrikes.schema.variant_lists import check_variant_lists
from landstrikes.schema.variant_words import check_variant_words

CENSUS_CHECKS = (
    check_free_text_forms,
    check_entity_flag_notes,
    check_entity_names,
    check_entity_id_names,
    check_entity_name_aliases,
    check_claim_values,
    check_attribution_mentions,
    check_span_edges,
    check_span_lines,
    check_speaker_cue_lines,
    check_cue_subjects,
    check_span_words,
    check_name_mentions,
    check_exclusion_aliases,
    check_name_overlaps,
    check_keyed_overlaps,
    check_segment_starts,
    check_segment_line_starts,
    check_heading_lines,
    check_vague_table,
    check_final_punctuation_ends,
    check_quote_pairs,
    check_claim_segments,
    check_stance_evidence_segments,
    check_claim_speakers,
    check_duplicate_headlines,
    check_exclusion_mentions,
    check_variant_propositions,
    check_cluster_propositions,
    check_target_descriptions,
    check_variant_lists,
    check_variant_words,
    check_quantity_numbers,
    check_quantity_bounds,
    check_quote_cues,
    check_quote_kinds,
    check_split_quote_speakers,
    check_cue_events,
    check_cue_modes,
    check_nested_clusters,
    check_misquotation_spans,
    check_implicit_speakers,
    check_hypothetical_claims,
    check_group_holders,
    check_entity_holders,
    check_repeated_headline_claims,
    check_repeated_headline_evidence,
    check_heading_claims,
    check_nominal_articles,
    check_nominal_determiners,
    check_nominal_titles,
    check_nominal_names,
    check_pronoun_types,
    check_stance_evidence_speakers,
    check_contradiction_links,
    check_sorted_lists,
    check_quote_cluster_reference,
    check_slug_ids,
    check_claim_named_clusters,
    check_auto_entities,
    check_auto_clusters,
    check_quote_cluster_names,
    check_pronoun_entities,
    check_pronoun_genders,
    check_auto_confidences,
    check_auto_segments,
    check_auto_claim_defaults,
    check_auto_propositions,
)
"""`check_quote_cluster_reference` (cluster-similarity-mismatch) reads rows of many articles (a
quote cluster spans articles): `validate --engine` runs it in its corpus-wide pass
(scripts/engines/validate.py GOLD_CORPUS_WIDE) and drops its per-partition findings; so is
`check_claim_named_clusters` (cluster-not-its-claim: the claim naming a cluster may lie in
another partition), and so is `check_contradiction_links` (contradiction-links-incomplete: the
two sides of a contradiction are claims of two articles; attack25)."""

CENSUS_CHECK_IDS = (
    "free-text-not-nfc",
    "free-text-whitespace",
    "entity-flag-note-mismatch",
    "entity-name-repeated",
    "entity-alias-repeated",
    "entity-name-mixed-scripts",
    "entity-id-not-its-name",
    "entity-name-not-alias",
    "quantity-incomplete",
    "quantity-bound-mismatch",
    "hedging-claimant-mismatch",
    "attribution-not-mentioned",
    "span-edge-whitespace",
    "span-crosses-line",
    "speaker-off-cue-line",
    "speaker-off-cue-sentence",
    "speaker-inside-other-quote",
    "span-splits-word",
    "name-mention-not-alias",
    "mention-kind-mismatch",
    "exclusion-not-alias",
    "name-mentions-overlap",
    "flags-overlap",
    "claims-overlap",
    "segment-starts-with-line-feed",
    "segment-starts-inside-a-line",
    "heading-spans-lines",
    "vague-quantity-off-table",
    "indirect-span-final-punctuation",
    "span-ends-on-clause-stop",
    "span-breaks-quote-pair",
    "claim-in-boilerplate-segment",
    "evidence-in-boilerplate-segment",
    "claimant-not-speaker",
    "duplicate-headline-not-a-repeat",
    "repeated-headline-not-flagged",
    "exclusion-overlaps-mention",
    "variant-propositions-repeat",
    "variant-proposition-not-its-claims",
    "cluster-propositions-repeat",
    "quantity-not-in-text",
    "quantity-bound-not-its-words",
    "cue-inside-quote",
    "quote-kind-status-mismatch",
    "split-quote-speaker-differs",
    "cue-rows-event-differs",
    "cue-shared-by-speech-and-quote",
    "nested-quote-cluster-differs",
    "misquotation-outside-quote",
    "implicit-speaker-mentioned",
    "claim-hypothetical-mismatch",
    "holder-group-mismatch",
    "holder-not-speaker",
    "claim-in-repeated-headline",
    "evidence-in-repeated-headline",
    "headline-claim-attributed",
    "nominal-indefinite-article",
    "nominal-without-determiner",
    "nominal-is-a-title",
    "nominal-is-part-of-its-name",
    "pronoun-type-mismatch",
    "evidence-not-speakers",
    "contradiction-links-incomplete",
    "list-not-sorted",
    "cluster-similarity-mismatch",
    "id-not-slug",
    "cluster-not-its-claim",
    "auto-entity-not-derived",
    "auto-cluster-not-its-own",
    "quote-cluster-not-its-words",
    "pronoun-entity-not-in-article",
    "pronoun-gender-mismatch",
    "auto-confidence-unrounded",
    "auto-confidence-not-fixed",
    "auto-segments-not-merged",
    "auto-claim-not-default",
    "auto-quantity-negative",
    "auto-proposition-not-its-claim",
    "auto-alias-missing",
    "auto-pronoun-named-later",
)
"""Every check id they report (README's check-id list, via docs/notes/census.md)."""
