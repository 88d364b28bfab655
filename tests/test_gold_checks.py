"""The checks added after the review of release 1.0.0 (issue 16).

Each check fails on a broken copy of the current build, and each one that the 1.0.0 tables
could already have failed does fail on them (release 1.0.0 carries the old schema, so the checks
are called directly on its tables, which have every column they read).
"""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import DATASET, load, save
from landstrikes.schema import validate
from landstrikes.schema.crosschecks import Corpus, alias_pattern, check_alias_coverage, check_article_quality
from landstrikes.schema.goldchecks import (
    check_boilerplate_placement,
    check_entities_mentioned,
    check_quote_cluster_wording,
    check_reserved_values,
    check_variants_used,
    check_vague_quantities,
    check_voice_evidence,
    content_differences,
)
from landstrikes.schema.registry import TABLES
from landstrikes.schema.report import Report
from landstrikes.schema.tableio import read_table

RELEASE_1_0_0 = DATASET / "releases" / "1.0.0" / "data"


def failing(folder) -> dict[str, list]:
    found: dict[str, list] = {}
    for f in validate(folder).findings:
        found.setdefault(f.check, []).append(f)
    return found


@pytest.fixture(scope="module")
def release_1_0_0() -> Corpus:
    return Corpus({spec.name: read_table(RELEASE_1_0_0 / spec.name) for spec in TABLES})


def run(check, tables) -> list:
    report = Report(path="1.0.0")
    check(tables, report)
    return report.findings


# --- a reserved or internal key in any value -------------------------------------------------


def test_loader_line_key_in_a_variant_list_is_a_reserved_value(dataset_copy):
    clusters = load(dataset_copy, "claim_clusters")
    row = clusters.index[clusters["variant_ids"].map(len) > 0][0]
    clusters.at[row, "variant_ids"] = [*clusters.at[row, "variant_ids"], "__line__"]
    clusters.at[row, "variant_propositions"] = [*clusters.at[row, "variant_propositions"], "12"]
    save(dataset_copy, "claim_clusters", clusters)
    found = failing(dataset_copy)["reserved-key-in-value"]
    assert [(f.table, f.column, f.value) for f in found] == [("claim_clusters", "variant_ids", "__line__")]


def test_internal_key_in_a_plain_string_column_is_a_reserved_value(dataset_copy):
    quotes = load(dataset_copy, "quotes")
    quotes.loc[0, "cue_lemma"] = "__internal"
    save(dataset_copy, "quotes", quotes)
    assert {f.column for f in failing(dataset_copy)["reserved-key-in-value"]} == {"cue_lemma"}


def test_the_article_text_and_its_verbatim_copies_may_start_with_underscores(dataset_copy):
    """A separator line `____` is the writer's text: the span texts that copy it are not keys."""
    from landstrikes.schema.goldchecks import verbatim_columns

    assert verbatim_columns(next(s for s in TABLES if s.name == "articles")) == {"text", "title"}
    assert {"text"} <= verbatim_columns(next(s for s in TABLES if s.name == "segments"))
    segments = load(dataset_copy, "segments")
    segments.loc[0, "text"] = "__" + segments.loc[0, "text"][2:]
    save(dataset_copy, "segments", segments)
    found = failing(dataset_copy)
    assert "reserved-key-in-value" not in found
    assert {f.column for f in found["span-text-mismatch"]} == {"text"}  # still held to the raw text


def test_release_1_0_0_fails_on_the_leaked_line_key(release_1_0_0):
    found = run(check_reserved_values, release_1_0_0)
    assert {(f.row_id, f.value) for f in found} == {("c-presidential-authority", "__line__"), ("c-us-drug-deaths", "__line__")}


# --- a catalogued variant that no claim uses ---------------------------------------------------


def test_variant_no_claim_states_fails(dataset_copy):
    claims = load(dataset_copy, "claims")
    cluster, variant = claims.loc[claims["variant_id"].notna(), ["cluster_id", "variant_id"]].iloc[0]
    claims.loc[(claims["cluster_id"] == cluster) & (claims["variant_id"] == variant), "variant_id"] = [
        v for v in load(dataset_copy, "claim_clusters").set_index("cluster_id").at[cluster, "variant_ids"] if v != variant
    ][0]
    save(dataset_copy, "claims", claims)
    assert [f.value for f in failing(dataset_copy)["variant-unused"]] == [variant]


def test_release_1_0_0_has_variants_no_claim_states(release_1_0_0):
    assert {f.value for f in run(check_variants_used, release_1_0_0)} == {"__line__"}


# --- alias coverage across every Unicode space separator ---------------------------------------


@pytest.mark.parametrize("space", ["\u0020", "\u00a0", "\u202f", "\u2009", "\u3000"])
def test_alias_space_matches_every_space_separator(space):
    assert alias_pattern("Baja California").fullmatch(f"Baja{space}California")


def test_alias_space_does_not_match_other_characters():
    assert not alias_pattern("Baja California").search("Baja-California or BajaCalifornia or Baja\nCalifornia")


def test_name_joined_by_a_narrow_no_break_space_needs_a_mention(dataset_copy):
    mentions = load(dataset_copy, "mentions")
    save(dataset_copy, "mentions", mentions[mentions["text"] != "EO\u202f13864"])
    found = failing(dataset_copy)["alias-not-covered"]
    # the value is the article's own words at the place (attack56: a line prints its column's cell), the alias is named
    assert [(f.row_id, f.value) for f in found] == [("002_f6c5fed12bcb1118", "EO\u202f13864")]
    assert "alias 'EO 13864'" in found[0].message


def test_release_1_0_0_leaves_no_break_space_names_uncovered(release_1_0_0):
    found = run(check_alias_coverage, release_1_0_0)
    # each value is the article's words there, a narrow no-break space as written; the message names the alias
    assert sorted(f.value for f in found) == ["Baja\u202fCalifornia", "EO\u202f13864", "Executive order\u202f13864", "H.R.\u202f4245"]
    assert all(f"alias '{f.value.replace(chr(0x202f), ' ')}'" in f.message for f in found)


# --- an entity whose name occurs but that has no mention ---------------------------------------


def test_entity_named_in_an_article_without_a_mention_there_fails(dataset_copy):
    mentions = load(dataset_copy, "mentions")
    # relabel 001's only New York Times mention: the name still occurs, now covered by another entity's mention
    row = mentions.index[(mentions["entity_id"] == "new-york-times") & (mentions["article_id"] == "001_f1f49e9dc8ada067")]
    assert len(row) == 1
    mentions.loc[row, "entity_id"] = "reuters"
    save(dataset_copy, "mentions", mentions)
    found = failing(dataset_copy)["entity-not-mentioned"]
    assert any(f.row_id == "new-york-times" and "001_f1f49e9dc8ada067" in f.message for f in found)


def test_catalogued_entity_with_no_mention_anywhere_fails(dataset_copy):
    mentions = load(dataset_copy, "mentions")
    save(dataset_copy, "mentions", mentions[mentions["entity_id"] != "trump-petro-call"])
    assert [f.row_id for f in failing(dataset_copy)["entity-not-mentioned"]] == ["trump-petro-call"]


def test_release_1_0_0_has_named_entities_without_mentions(release_1_0_0):
    assert {f.row_id for f in run(check_entities_mentioned, release_1_0_0)} == {"aguascalientes", "baja-california", "eo-13864"}


# --- a quote cluster member differing in a content word, with no misquotation evidence ---------


def test_excerpt_is_not_a_content_difference():
    assert content_differences("start now hitting land", "We are going to start now hitting land with regard to the cartels") == []


def test_replaced_word_is_a_content_difference():
    assert content_differences("My own mortality. My own mind.", "My own morality. My own mind.") == ["morality", "mortality"]


def test_changed_content_word_without_misquotation_evidence_fails(dataset_copy):
    flags = load(dataset_copy, "quality_flags")
    save(dataset_copy, "quality_flags", flags[flags["flag"] != "misquotation"])
    found = failing(dataset_copy)["misquotation-without-evidence"]
    # the very-sad quote (as-misquoted wording) and, since 2.16.0, the "maximum success" partial in
    # q-hitting-land, whose words no variant of the utterance holds
    assert sorted(f.row_id for f in found) == ["000_68b95635092649cd:q:1012-1099", "000_68b95635092649cd:q:675-690"]


def test_release_1_0_0_has_an_unflagged_misquotation(release_1_0_0):
    assert [f.row_id for f in run(check_quote_cluster_wording, release_1_0_0)] == ["000_68b95635092649cd:q:1012-1099"]


def test_misquoted_article_is_not_clean(dataset_copy):
    articles = load(dataset_copy, "articles")
    row = articles.index[articles["article_id"] == "001_f1f49e9dc8ada067"][0]
    assert articles.at[row, "quality_label"] != "clean" and "misquotation" in articles.at[row, "quality_flags"]
    articles.at[row, "quality_label"] = "clean"
    save(dataset_copy, "articles", articles)
    assert "quality-label-rule" in failing(dataset_copy)


# --- record status: which side of a contradiction the record supports --------------------------


def test_contradiction_with_no_known_record_status_fails(dataset_copy):
    clusters = load(dataset_copy, "claim_clusters")
    row = clusters.index[clusters["contradicted"].astype(bool)][0]
    clusters.at[row, "variant_record_statuses"] = ["unknown"] * len(clusters.at[row, "variant_ids"])
    save(dataset_copy, "claim_clusters", clusters)
    found = failing(dataset_copy)
    assert "contradiction-record-unknown" in found and "record-status-inconsistent" in found


def test_claim_record_status_is_its_variants(dataset_copy):
    claims = load(dataset_copy, "claims")
    row = claims.index[claims["variant_id"] == "as-misquoted"][0]
    assert claims.at[row, "record_status"] == "contradicts"
    claims.at[row, "record_status"] = "matches"
    save(dataset_copy, "claims", claims)
    assert [f.row_id for f in failing(dataset_copy)["record-status-inconsistent"]] == [claims.at[row, "claim_id"]]


def test_cluster_without_variants_needs_a_record_status(dataset_copy):
    clusters = load(dataset_copy, "claim_clusters")
    row = clusters.index[clusters["variant_ids"].map(len) == 0][0]
    clusters.at[row, "record_status"] = None
    save(dataset_copy, "claim_clusters", clusters)
    assert "record-status-inconsistent" in failing(dataset_copy)


def test_claim_in_fabricated_evidence_cannot_match_the_record(dataset_copy):
    claims = load(dataset_copy, "claims")
    row = claims.index[claims["cluster_id"] == "c-eo-13864-interdiction"][0]
    claims.at[row, "record_status"] = "matches"
    save(dataset_copy, "claims", claims)
    assert "fabricated-claim-matches-record" in failing(dataset_copy)


# --- boilerplate evidence outside boilerplate blocks (a truncation artifact) -------------------


def test_truncation_artifact_labelled_boilerplate_fails(dataset_copy):
    flags = load(dataset_copy, "quality_flags")
    row = flags.index[flags["flag"] == "truncation_artifact"][0]
    flags.at[row, "flag"] = "boilerplate"
    flags.at[row, "flag_id"] = flags.at[row, "flag_id"].replace("truncation_artifact", "boilerplate")
    save(dataset_copy, "quality_flags", flags)
    assert "boilerplate-outside-boilerplate-segment" in failing(dataset_copy)


def test_release_1_0_0_labels_a_truncated_credit_boilerplate(release_1_0_0):
    assert [f.value for f in run(check_boilerplate_placement, release_1_0_0)] == ["Reu."]


# --- stances ----------------------------------------------------------------------------------


def test_article_voice_resting_on_reported_speech_fails(dataset_copy):
    stances = load(dataset_copy, "stances")
    group = stances.index[(stances["holder_kind"] == "group") & (stances["holder_group"] == "analysts")][0]
    voice = stances.index[(stances["holder_kind"] == "article") & (stances["article_id"] == stances.at[group, "article_id"])][0]
    for column in ("evidence_start", "evidence_end", "evidence_text"):
        stances.at[voice, column] = stances.at[group, column]
    save(dataset_copy, "stances", stances)
    assert [f.row_id for f in failing(dataset_copy)["voice-evidence-attributed"]] == [stances.at[voice, "stance_id"]]


def test_release_1_0_0_has_article_voice_stances_on_others_words(release_1_0_0):
    assert len(run(check_voice_evidence, release_1_0_0)) == 4


def test_group_holder_needs_its_group(dataset_copy):
    stances = load(dataset_copy, "stances")
    row = stances.index[stances["holder_kind"] == "group"][0]
    stances.at[row, "holder_group"] = None
    save(dataset_copy, "stances", stances)
    assert "holder-kind-inconsistent" in failing(dataset_copy)


def test_group_stance_id_names_the_group(dataset_copy):
    stances = load(dataset_copy, "stances")
    row = stances.index[stances["holder_kind"] == "group"][0]
    assert f":s:group-{stances.at[row, 'holder_group']}:" in stances.at[row, "stance_id"]
    stances.at[row, "holder_group"] = "critics" if stances.at[row, "holder_group"] != "critics" else "analysts"
    save(dataset_copy, "stances", stances)
    assert "id-not-derived" in failing(dataset_copy)


def test_stance_without_confidence_fails(dataset_copy):
    stances = load(dataset_copy, "stances")
    stances.loc[0, "stance_confidence"] = None
    save(dataset_copy, "stances", stances)
    assert "null-in-required-column" in failing(dataset_copy)


# --- claims and quotes -----------------------------------------------------------------------


def test_vague_quantity_without_a_value_fails(dataset_copy):
    claims = load(dataset_copy, "claims")
    row = claims.index[claims["text"].str.contains("dozens")][0]
    for column in ("quantity_low", "quantity_high", "quantity_unit", "quantity_bound"):
        claims.at[row, column] = None
    save(dataset_copy, "claims", claims)
    assert [f.row_id for f in failing(dataset_copy)["vague-quantity-not-normalised"]] == [claims.at[row, "claim_id"]]


def test_release_1_0_0_leaves_dozens_unnormalised(release_1_0_0):
    assert [f.value for f in run(check_vague_quantities, release_1_0_0)] == ["The operations vote down dozens and blow up into the Pacific waters"]


def test_multiple_speakers_are_kept(dataset_copy):
    quotes = load(dataset_copy, "quotes")
    row = quotes.index[quotes["speaker_status"] == "multiple"][0]
    assert sorted(quotes.at[row, "speaker_ids"]) == ["mexico", "united-states"]
    quotes.at[row, "speaker_ids"] = []
    save(dataset_copy, "quotes", quotes)
    assert "speaker-ids-inconsistent" in failing(dataset_copy)


def test_speech_event_must_be_an_event_mentioned_in_the_article(dataset_copy):
    quotes = load(dataset_copy, "quotes")
    row = quotes.index[quotes["event_id"] == "nyt-interview-2026"][0]
    quotes.at[row, "event_id"] = "trump-petro-call"  # an event, but 001 does not mention it
    save(dataset_copy, "quotes", quotes)
    assert "speech-event-invalid" in failing(dataset_copy)


def test_speech_event_must_exist(dataset_copy):
    quotes = load(dataset_copy, "quotes")
    quotes.loc[quotes["event_id"].notna(), "event_id"] = "no-such-event"
    save(dataset_copy, "quotes", quotes)
    assert {f.column for f in failing(dataset_copy)["dangling-foreign-key"]} == {"event_id"}


def test_the_gold_passes_every_new_check(built_dataset):
    report = validate(built_dataset)
    assert report.ok, report.to_text()


def test_release_1_0_0_quality_checks_still_run(release_1_0_0):
    """The 1.0.0 tables pass the old article-quality rule (its labels were consistent with its flags)."""
    assert run(check_article_quality, release_1_0_0) == []
