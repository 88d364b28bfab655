"""Each corpus invariant fails on a deliberately broken copy, with its stable check id."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest

from conftest import load, save
from landstrikes.cli import main
from landstrikes.schema import validate


def checks_failing(folder) -> set[str]:
    return {f.check for f in validate(folder).findings}


def test_the_built_dataset_is_valid(dataset_copy):
    report = validate(dataset_copy)
    assert report.ok, report.to_text()
    assert report.exit_code == 0


def test_missing_quote_fails_coverage(dataset_copy):
    quotes = load(dataset_copy, "quotes")
    save(dataset_copy, "quotes", quotes[quotes["text"] != "So we have to do something."])
    assert "quote-mark-coverage" in checks_failing(dataset_copy)


def test_wrong_offset_fails_span_text(dataset_copy):
    mentions = load(dataset_copy, "mentions")
    mentions.loc[0, "start"] += 1
    save(dataset_copy, "mentions", mentions)
    assert {"span-text-mismatch", "id-not-derived"} <= checks_failing(dataset_copy)


def test_dangling_speaker_fails_foreign_key(dataset_copy):
    quotes = load(dataset_copy, "quotes")
    quotes.loc[quotes["speaker_id"] == "donald-trump", "speaker_id"] = "donald-trunp"
    save(dataset_copy, "quotes", quotes)
    findings = [f for f in validate(dataset_copy).findings if f.check == "dangling-foreign-key"]
    assert findings and all(f.column == "speaker_id" and f.value == "donald-trunp" for f in findings)


def test_speaker_mention_of_another_entity_fails(dataset_copy):
    quotes, mentions = load(dataset_copy, "quotes"), load(dataset_copy, "mentions")
    other = mentions[(mentions["entity_id"] == "mexico") & (mentions["article_id"] == quotes.loc[0, "article_id"])]
    quotes.loc[quotes["speaker_status"] == "attributed", "speaker_mention_id"] = other["mention_id"].iloc[0]
    save(dataset_copy, "quotes", quotes)
    assert "speaker-mention-mismatch" in checks_failing(dataset_copy)


def test_quote_without_marks_fails(dataset_copy):
    quotes = load(dataset_copy, "quotes")
    quotes.loc[quotes["kind"] == "indirect", "kind"] = "partial"
    save(dataset_copy, "quotes", quotes)
    assert "quote-without-marks" in checks_failing(dataset_copy)


def test_uncovered_alias_fails(dataset_copy):
    mentions = load(dataset_copy, "mentions")
    save(dataset_copy, "mentions", mentions[mentions["text"] != "Sheinbaum"])
    assert "alias-not-covered" in checks_failing(dataset_copy)


def test_segment_gap_fails_partition(dataset_copy):
    segments = load(dataset_copy, "segments")
    save(dataset_copy, "segments", segments.drop(index=3))
    assert "segments-not-partition" in checks_failing(dataset_copy)


def test_a_segment_with_a_null_offset_leaves_the_partition_checked(dataset_copy):
    """attack10: a null start made SG1's check crash (check-crashed), so the rest of the table
    went unchecked; the null row is a gap in its article's tiling, and SG1 still judges the rest."""
    segments = load(dataset_copy, "segments")
    first, second = segments["article_id"].unique()[:2]
    nulled = segments[(segments["article_id"] == first) & (segments["start"] > 0)].index[0]
    after_gap = segments[(segments["article_id"] == first) & (segments["start"] == segments.loc[nulled, "end"])]["segment_id"].iloc[0]
    widened = segments[(segments["article_id"] == second) & (segments["start"] == 0)].index[0]
    overlapped = segments[(segments["article_id"] == second) & (segments["start"] == segments.loc[widened, "end"])]["segment_id"].iloc[0]
    segments["start"] = segments["start"].astype("Int64")
    segments.loc[nulled, "start"] = pd.NA
    segments.loc[widened, "end"] += 1  # an overlap in another article, which only a running SG1 can see
    save(dataset_copy, "segments", segments)
    findings = validate(dataset_copy).findings
    assert not [f.message for f in findings if f.check == "check-crashed"]
    partition = {(f.row_id, f.message.split(" at ")[0]) for f in findings if f.check == "segments-not-partition"}
    assert (after_gap, "gap") in partition  # the null segment's place is untiled
    assert (overlapped, "overlap") in partition


def test_contradiction_within_one_article_fails(dataset_copy):
    claims = load(dataset_copy, "claims")
    row = claims.index[claims["consistency"] == "contradicted"][0]
    same_article = claims[(claims["article_id"] == claims.loc[row, "article_id"])]["claim_id"].iloc[0]
    claims.at[row, "contradicted_by"] = [same_article]
    save(dataset_copy, "claims", claims)
    assert "contradiction-not-cross-article" in checks_failing(dataset_copy)


def test_uncorroborated_claim_in_shared_cluster_fails(dataset_copy):
    claims = load(dataset_copy, "claims")
    claims.loc[claims["consistency"] == "corroborated", "consistency"] = "uncorroborated"
    save(dataset_copy, "claims", claims)
    assert "consistency-cluster-mismatch" in checks_failing(dataset_copy)


def test_quality_label_must_follow_its_flags(dataset_copy):
    articles = load(dataset_copy, "articles")
    articles["quality_label"] = "clean"
    save(dataset_copy, "articles", articles)
    assert "quality-label-rule" in checks_failing(dataset_copy)


@pytest.mark.parametrize(
    "table, column, value, check",
    [
        ("quotes", "kind", "rumour", "label-outside-set"),
        ("stances", "label", "support", "label-outside-set"),
        ("quotes", "article_id", None, "null-in-required-column"),
        ("mentions", "start", -4, "negative-offset"),
    ],
)
def test_column_rules(dataset_copy, table, column, value, check):
    df = load(dataset_copy, table)
    df[column] = df[column].astype(object)
    df.at[0, column] = value
    save(dataset_copy, table, df)
    assert check in checks_failing(dataset_copy)


def test_duplicate_id_fails(dataset_copy):
    entities = load(dataset_copy, "entities")
    save(dataset_copy, "entities", pd.concat([entities, entities.iloc[[0]]], ignore_index=True))
    assert "duplicate-id" in checks_failing(dataset_copy)


def test_missing_table_fails(dataset_copy):
    shutil.rmtree(dataset_copy / "data" / "stances")
    assert "missing-table" in checks_failing(dataset_copy)


def test_empty_table_fails(dataset_copy):
    quotes = load(dataset_copy, "quotes")
    save(dataset_copy, "quotes", quotes.iloc[0:0])
    assert "empty-table" in checks_failing(dataset_copy)


def test_other_schema_version_fails(dataset_copy):
    save(dataset_copy, "stances", load(dataset_copy, "stances"), schema_version="0.9")
    assert "schema-version-mismatch" in checks_failing(dataset_copy)


def test_garbage_parquet_is_unusable_input(dataset_copy, capsys):
    path = next((dataset_copy / "data" / "claims").glob("*.parquet"))
    path.write_bytes(path.read_bytes()[:200])
    assert main(["validate", str(dataset_copy)]) == 2
    assert "not a readable Parquet file" in capsys.readouterr().out


def test_validate_cli_exit_codes_and_json(dataset_copy, tmp_path, capsys):
    assert main(["validate", str(dataset_copy)]) == 0
    assert "VALID" in capsys.readouterr().out
    mentions = load(dataset_copy, "mentions")
    mentions.loc[0, "text"] = "wrong"
    save(dataset_copy, "mentions", mentions)
    report_file = tmp_path / "report.json"
    assert main(["validate", str(dataset_copy), "--json", str(report_file)]) == 1
    report = json.loads(report_file.read_text())
    assert report["valid"] is False
    assert {"table": "mentions", "check": "span-text-mismatch"}.items() <= report["findings"][0].items()
    assert main(["validate", str(tmp_path / "nowhere")]) == 2


def test_extra_column_fails(dataset_copy):
    import pyarrow
    import pyarrow.parquet as pq

    path = next((dataset_copy / "data" / "stances").glob("*.parquet"))
    table = pq.read_table(path)
    pq.write_table(table.append_column("comment", pyarrow.array(["x"] * table.num_rows)), path)
    assert "unexpected-column" in checks_failing(dataset_copy)


def test_wrong_dtype_fails(dataset_copy):
    import pyarrow
    import pyarrow.parquet as pq

    path = next((dataset_copy / "data" / "segments").glob("*.parquet"))
    table = pq.read_table(path)
    index = table.schema.get_field_index("start")
    table = table.set_column(index, "start", table.column("start").cast(pyarrow.string()))
    pq.write_table(table, path)
    assert "wrong-dtype" in checks_failing(dataset_copy)


def test_start_after_end_fails(dataset_copy):
    claims = load(dataset_copy, "claims")
    claims.loc[0, "start"] = claims.loc[0, "end"] + 5
    save(dataset_copy, "claims", claims)
    assert "span-start-after-end" in checks_failing(dataset_copy)


def test_span_beyond_article_fails(dataset_copy):
    quotes = load(dataset_copy, "quotes")
    quotes.loc[0, "end"] = 10_000_000
    save(dataset_copy, "quotes", quotes)
    assert "span-out-of-range" in checks_failing(dataset_copy)


def test_stance_id_must_name_its_holder_and_target(dataset_copy):
    stances = load(dataset_copy, "stances")
    stances.loc[0, "target_id"] = "us-mexico-cooperation" if stances.loc[0, "target_id"] != "us-mexico-cooperation" else "maduro-operation"
    save(dataset_copy, "stances", stances)
    assert "id-not-derived" in checks_failing(dataset_copy)


def test_duplicate_mention_id_does_not_crash_the_speaker_check(dataset_copy):
    mentions, quotes = load(dataset_copy, "mentions"), load(dataset_copy, "quotes")
    speaker_mention = mentions[mentions["mention_id"] == quotes["speaker_mention_id"].dropna().iloc[0]]
    save(dataset_copy, "mentions", pd.concat([mentions, speaker_mention], ignore_index=True))
    failing = checks_failing(dataset_copy)
    assert "duplicate-id" in failing and "check-crashed" not in failing


def test_boilerplate_block_without_evidence_row_fails(dataset_copy):
    flags = load(dataset_copy, "quality_flags")
    save(dataset_copy, "quality_flags", flags[~flags["text"].str.startswith("You may also like")])
    findings = [f for f in validate(dataset_copy).findings if f.check == "boilerplate-without-evidence"]
    assert [f.value for f in findings] == ["navigation"]


def test_contradicted_by_must_name_an_existing_claim(dataset_copy):
    claims = load(dataset_copy, "claims")
    row = claims.index[claims["consistency"] == "contradicted"][0]
    claims.at[row, "contradicted_by"] = ["004_26f752040ea19616:c:0-1"]
    save(dataset_copy, "claims", claims)
    assert "dangling-foreign-key" in checks_failing(dataset_copy)


def test_stance_holder_must_be_an_entity_or_the_article_voice(dataset_copy):
    stances = load(dataset_copy, "stances")
    stances.loc[stances["holder_id"] == "mexico", "holder_id"] = "security-analysts"
    save(dataset_copy, "stances", stances)
    assert "dangling-foreign-key" in checks_failing(dataset_copy)


def test_claim_cluster_missing_from_the_catalogue_fails(dataset_copy):
    clusters = load(dataset_copy, "claim_clusters")
    save(dataset_copy, "claim_clusters", clusters[clusters["cluster_id"] != "c-fox-news-interview"])
    findings = [f for f in validate(dataset_copy).findings if f.check == "dangling-foreign-key"]
    assert findings and {f.value for f in findings} == {"c-fox-news-interview"}


def test_cluster_used_by_no_claim_fails(dataset_copy):
    claims = load(dataset_copy, "claims")
    save(dataset_copy, "claims", claims[claims["cluster_id"] != "c-usmca-review"])
    findings = [f for f in validate(dataset_copy).findings if f.check == "cluster-counts-mismatch"]
    assert {(f.row_id, f.column) for f in findings} >= {("c-usmca-review", "n_claims"), ("c-usmca-review", "n_articles")}


def test_claim_variant_must_be_one_of_its_clusters_variants(dataset_copy):
    claims = load(dataset_copy, "claims")
    claims.loc[claims["variant_id"] == "as-misquoted", "variant_id"] = "someone-else"
    save(dataset_copy, "claims", claims)
    assert "variant-not-in-cluster" in checks_failing(dataset_copy)


def test_title_must_be_the_first_headline_segment(dataset_copy):
    articles = load(dataset_copy, "articles")
    articles.loc[articles["article_id"].str.startswith("002"), "title"] = "Home » world » Trump threatens"
    save(dataset_copy, "articles", articles)
    findings = [f for f in validate(dataset_copy).findings if f.check == "title-not-headline"]
    assert [f.row_id[:3] for f in findings] == ["002"]


def test_article_without_headline_has_null_title(dataset_copy):
    articles = load(dataset_copy, "articles")
    assert articles.set_index("article_id")["title"].isna().to_dict() == {a: a.startswith("004") for a in articles["article_id"]}
