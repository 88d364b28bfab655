"""The automatic (silver) layer: each rule on a minimal text, then the whole folder validating."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import DATASET
from landstrikes.cli import main
from landstrikes.extract import extract_article
from landstrikes.schema import validate
from landstrikes.schema.tableio import read_table


def quotes_of(text: str) -> list[dict]:
    return extract_article("a", text)["quotes"]


def by_text(rows: list[dict]) -> dict[str, dict]:
    return {r["text"]: r for r in rows}


def test_direct_quote_split_around_a_cue_keeps_one_speaker_and_cue():
    text = "Title\n\n“We will act now,” Maria Lopez said. “The cartels are strong.”\n"
    rows = by_text(quotes_of(text))
    first, second = rows["We will act now,"], rows["The cartels are strong."]
    assert first["kind"] == second["kind"] == "direct"
    assert first["speaker_id"] == second["speaker_id"] == "maria-lopez"
    assert first["cue_text"] == second["cue_text"] == "said"
    assert first["speaker_mention_id"] == second["speaker_mention_id"]


def test_nested_quote_has_its_enclosing_quote_as_parent():
    text = "Title\n\n“I asked him, ‘Will you help us?’ and he refused,” John Smith said.\n"
    rows = by_text(quotes_of(text))
    inner = rows["Will you help us?"]
    outer = next(r for r in rows.values() if r["text"].startswith("I asked him"))
    assert inner["parent_quote_id"] == outer["quote_id"]


def test_indirect_speech_with_that_and_a_pronoun_resolved_to_the_previous_speaker():
    text = "Title\n\nAnna Berg, the minister, spoke on Monday. “We are ready,” Berg said. She said that the plan would cost more than expected.\n"
    rows = by_text(quotes_of(text))
    indirect = rows["the plan would cost more than expected"]
    assert indirect["kind"] == "indirect"
    assert indirect["speaker_id"] == "anna-berg"
    mention = next(m for m in extract_article("a", text)["mentions"] if m["mention_id"] == indirect["speaker_mention_id"])
    assert mention["kind"] == "PRONOUN" and mention["text"] == "She"


def test_quoted_term_without_a_cue_is_scare():
    rows = by_text(quotes_of("Title\n\nThe so-called “strong hand” policy failed last year.\n"))
    assert rows["strong hand"]["kind"] == "scare" and rows["strong hand"]["speaker_status"] == "term"


def test_unmatched_mark_is_one_orphan_row():
    rows = quotes_of("Title\n\nThe report ends here.” Nothing else follows.\n")
    assert [r["kind"] for r in rows] == ["orphan"]


@pytest.mark.parametrize(
    "sentence, low, high, unit, bound",
    [
        ("He said that between 250,000 and 300,000 people were dying every year from drugs.", 250000, 300000, "deaths/year", "range"),
        ("Officials say 97% of the shipments were stopped.", 97, 97, "percent", "exact"),
        ("The navy has sunk at least 35 boats since March.", 35, 35, "boats", "at_least"),
        ("The strike destroyed 15 metric tons of cocaine.", 15, 15, "metric_tons", "exact"),
        ("Homicides show a roughly 40% drop this year.", 40, 40, "percent_decrease", "approximate"),
    ],
)
def test_numeric_claims_are_normalised(sentence, low, high, unit, bound):
    claims = extract_article("a", f"Title\n\n{sentence}\n")["claims"]
    assert [(c["quantity_low"], c["quantity_high"], c["quantity_unit"], c["quantity_bound"]) for c in claims] == [(low, high, unit, bound)]


def test_years_and_order_numbers_are_not_quantities():
    assert extract_article("a", "Title\n\nIn 2024 the president signed Executive Order 13864.\n")["claims"] == []


def test_entity_types_come_from_gazetteers_and_cue_words():
    text = "Title\n\nPresident Ana Ruiz met the Department of Defense in Mexico and spoke to Fox News about Venezuelan migrants.\n"
    rows = extract_article("a", text)
    types = {e["name"]: e["type"] for e in rows["entity_rows"]}
    assert types["Ana Ruiz"] == "PERSON"
    assert types["Department of Defense"] == "ORG"
    assert types["Mexico"] == "GPE"
    assert types["Fox News"] == "MEDIA"
    assert types["Venezuelans"] == "NORP"


def test_segments_partition_text_into_headline_body_and_boilerplate():
    text = "Big News Today\n\nBig News Today\n\nThe body of the article is long enough to be a paragraph.\n\nSubscribe to our newsletter\n"
    segments = extract_article("a", text)["segments"]
    assert segments[0]["start"] == 0 and segments[-1]["end"] == len(text)
    assert all(a["end"] == b["start"] for a, b in zip(segments, segments[1:]))
    assert [s["kind"] for s in segments] == ["headline", "headline", "body", "prompt"]


@pytest.fixture(scope="module")
def silver(tmp_path_factory) -> Path:
    from landstrikes.extract.run import extract_folder

    out = tmp_path_factory.mktemp("silver")
    result = extract_folder(DATASET / "raw", out, num_proc=1, chunk_bytes=8_000)
    assert result.articles == 5
    return out


def test_silver_tables_of_the_raw_articles_validate(silver):
    report = validate(silver)
    assert report.ok, report.to_text()
    # chunks of about 8,000 bytes of text at most: 5 chunks for 32,765 bytes, one article per shard here
    assert len(list((silver / "data" / "quotes").glob("*.parquet"))) == 5


def test_every_silver_row_says_auto_with_a_confidence(silver):
    for table in ("articles", "entities", "mentions", "quotes", "claims", "segments", "quality_flags"):
        df = read_table(silver / "data" / table)
        assert (df["source"] == "auto").all(), table
        assert df["confidence"].between(0, 1).all(), table


def test_evaluate_gold_against_itself_is_perfect(built_dataset, tmp_path, capsys):
    assert main(["evaluate", str(built_dataset), "--gold", str(built_dataset), "--json", str(tmp_path / "e.json")]) == 0
    result = json.loads((tmp_path / "e.json").read_text())
    for layer, figures in result["layers"].items():
        assert figures["overlap"]["f1"] == 1.0, layer
        assert all(v in (None, 1.0) for k, v in figures.items() if k.endswith("accuracy")), layer
    assert "quotes" in capsys.readouterr().out


def test_evaluate_reports_silver_figures_per_layer_and_article(silver):
    from landstrikes.evaluate import evaluate

    result = evaluate(silver, DATASET)
    assert set(result["layers"]) == {"quotes", "mentions", "claims", "segments"}
    assert len(result["per_article"]) == 5
    assert result["layers"]["quotes"]["overlap"]["f1"] > 0.5


def test_extract_cli_refuses_a_folder_without_texts(tmp_path, capsys):
    assert main(["extract", str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    assert "no raw article" in capsys.readouterr().err


def test_gold_row_with_a_confidence_fails_provenance(dataset_copy):
    from conftest import load, save

    quotes = load(dataset_copy, "quotes")
    quotes.loc[0, "confidence"] = 0.5
    save(dataset_copy, "quotes", quotes)
    assert "confidence-provenance-mismatch" in {f.check for f in validate(dataset_copy).findings}


def test_silver_folder_may_leave_tables_empty(silver):
    assert read_table(silver / "data" / "stances").empty
    assert "empty-table" not in {f.check for f in validate(silver).findings}


def test_undecodable_file_is_a_failure_with_a_reason(tmp_path, capsys):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "good.txt").write_text("Title\n\n“We will act,” Ana Ruiz said.\n", encoding="utf-8")
    (raw / "bad.txt").write_bytes(b"caf\xe9 latin-1\n")
    assert main(["extract", str(raw), "--out", str(tmp_path / "out")]) == 3  # done with a failure
    assert "failed extract-not-utf8: bad.txt: not valid UTF-8" in capsys.readouterr().err
    assert validate(tmp_path / "out").ok
    assert list(read_table(tmp_path / "out" / "data" / "articles")["article_id"]) == ["good"]


def test_evaluate_without_shared_articles_is_unusable_input(silver, tmp_path, capsys):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "other.txt").write_text("Title\n\nNothing here.\n", encoding="utf-8")
    main(["extract", str(raw), "--out", str(tmp_path / "out")])
    assert main(["evaluate", str(tmp_path / "out"), "--gold", str(silver)]) == 2
    assert "no article in common" in capsys.readouterr().err
