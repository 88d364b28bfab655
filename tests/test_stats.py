"""`landstrikes stats`: the datasheet, README, stats.json, figures and card say what the tables say (issue 8)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from conftest import DATASET, REPO, load, save
from landstrikes.documents import figures
from landstrikes.documents.blocks import BlockSyntaxError, fill_blocks, find_blocks
from landstrikes.cli import main
from landstrikes.documents.docgen import DATASHEET, FIGURES_DIR, README, STATS_JSON, Drift, check, corpus_stats, write
from landstrikes.documents.stats import compute_stats, load_agreement, load_tables, misquotations


@pytest.fixture(scope="module")
def committed_stats() -> dict:
    return corpus_stats(DATASET)


@pytest.fixture
def docs_copy(tmp_path) -> Path:
    """A throwaway repository root: documents, figures and dataset folder (tables, stats.json)."""
    root = tmp_path / "repo"
    (root / "dataset").mkdir(parents=True)
    for name in (DATASHEET, README):
        shutil.copy2(REPO / name, root / name)
    shutil.copytree(REPO / FIGURES_DIR, root / FIGURES_DIR)
    shutil.copytree(DATASET / "data", root / "dataset" / "data")
    for name in (STATS_JSON, "agreement.json", "silver_evaluation.json"):
        shutil.copy2(DATASET / name, root / "dataset" / name)
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# -- the committed documents match the tables ----------------------------------------------------


def test_committed_datasheet_readme_stats_and_figures_match_the_committed_tables(committed_stats):
    assert check(committed_stats, REPO, DATASET) == [], "run `landstrikes stats` and commit the result"


def test_committed_documents_match_what_the_sources_build(built_dataset):
    stats = compute_stats(load_tables(built_dataset), load_agreement(DATASET / "agreement.json"))
    assert check(stats, REPO, DATASET) == []


def test_committed_card_is_what_the_build_writes(built_dataset):
    assert (built_dataset / "README.md").read_text(encoding="utf-8") == (DATASET / "README.md").read_text(
        encoding="utf-8"
    )


def test_datasheet_keeps_no_hand_copied_disclaimer_and_every_block():
    text = (REPO / DATASHEET).read_text(encoding="utf-8")
    assert "not yet generated" not in text and "copied from the build" not in text
    names = {b.name for b in find_blocks(text)}
    assert {
        "articles",
        "rows",
        "labels",
        "speakers",
        "agreement",
        "problems-spun",
        "problems-misquotations",
    } <= names


# -- drift is detected and named ------------------------------------------------------------------


def test_a_changed_number_in_the_datasheet_is_named_as_a_drifted_block(docs_copy, committed_stats):
    sheet = docs_copy / DATASHEET
    text = sheet.read_text(encoding="utf-8")
    quotes = committed_stats["tables"]["quotes"]["rows"]
    changed = text.replace(f"| `quotes` | {quotes:,} |", f"| `quotes` | {quotes + 1:,} |", 1)
    assert changed != text
    sheet.write_text(changed, encoding="utf-8")
    assert check(committed_stats, docs_copy, docs_copy / "dataset") == [Drift(DATASHEET, "block 'rows'")]


def test_the_datasheet_title_names_the_version_and_drifts_when_the_version_moves(docs_copy, committed_stats):
    """A documents-only release after a version bump must not ship a datasheet naming the old
    version (attack7): the title's version is a generated block."""
    from landstrikes import DATASET_VERSION

    assert f"version <!-- stats:version -->{DATASET_VERSION}<!-- /stats:version -->" in (docs_copy / DATASHEET).read_text(encoding="utf-8").split("\n", 1)[0]
    bumped = {**committed_stats, "dataset_version": "9.9.9"}
    assert Drift(DATASHEET, "block 'version'") in check(bumped, docs_copy, docs_copy / "dataset")


def test_a_changed_table_makes_blocks_stats_json_and_figures_drift(docs_copy):
    dataset = docs_copy / "dataset"
    flags = load(dataset, "quality_flags")
    save(dataset, "quality_flags", flags[flags["flag"] != "spun_text"].reset_index(drop=True))
    drifts = {str(d) for d in check(corpus_stats(dataset), docs_copy, dataset)}
    for expected in ("block 'rows'", "block 'labels'", "block 'problems-spun'"):
        assert f"{DATASHEET}: {expected} differs from the tables" in drifts
    assert "dataset/stats.json: content differs from the tables" in drifts
    assert f"{FIGURES_DIR.as_posix()}/article_quality.png: figure differs from the tables" in drifts
    assert f"{FIGURES_DIR.as_posix()}/claims_matrix.png: figure differs from the tables" not in drifts


def test_cli_check_exits_1_names_the_block_and_writes_nothing(docs_copy, capsys):
    sheet = docs_copy / DATASHEET
    sheet.write_text(
        re.sub(r"(<!-- stats:speakers -->\n\| speaker)", r"\1 name", sheet.read_text(encoding="utf-8")),
        encoding="utf-8",
    )
    before = snapshot(docs_copy)
    assert main(["stats", "--check", "--dataset", str(docs_copy / "dataset")]) == 1
    assert "DATASHEET.md: block 'speakers'" in capsys.readouterr().err
    assert snapshot(docs_copy) == before


def test_a_removed_block_is_reported_missing(docs_copy, committed_stats):
    sheet = docs_copy / DATASHEET
    text = sheet.read_text(encoding="utf-8")
    sheet.write_text(
        re.sub(r"<!-- stats:segments -->.*?<!-- /stats:segments -->", "", text, flags=re.DOTALL),
        encoding="utf-8",
    )
    assert Drift(DATASHEET, "block 'segments (missing)'") in check(
        committed_stats, docs_copy, docs_copy / "dataset"
    )


def test_stats_regenerates_only_the_drifted_parts_then_is_clean(docs_copy, committed_stats):
    sheet = docs_copy / DATASHEET
    sheet.write_text(
        sheet.read_text(encoding="utf-8").replace("<!-- stats:rows -->\n|", "<!-- stats:rows -->\nstale |"),
        encoding="utf-8",
    )
    (docs_copy / "dataset" / STATS_JSON).unlink()
    readme_before = (docs_copy / README).read_bytes()
    assert sorted(write(committed_stats, docs_copy, docs_copy / "dataset")) == [
        DATASHEET,
        "dataset/stats.json",
    ]
    assert (docs_copy / README).read_bytes() == readme_before
    assert sheet.read_text(encoding="utf-8") == (REPO / DATASHEET).read_text(encoding="utf-8")
    assert check(committed_stats, docs_copy, docs_copy / "dataset") == []
    assert write(committed_stats, docs_copy, docs_copy / "dataset") == []


def test_unpaired_marker_is_exit_2_with_a_one_line_error(docs_copy, capsys):
    sheet = docs_copy / DATASHEET
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("<!-- /stats:rows -->", ""), encoding="utf-8")
    assert main(["stats", "--check", "--dataset", str(docs_copy / "dataset")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: [document-blocks] DATASHEET.md: block 'rows'") and "\n" not in err


def test_missing_table_is_exit_2(docs_copy, capsys):
    shutil.rmtree(docs_copy / "dataset" / "data" / "quotes")
    assert main(["stats", "--dataset", str(docs_copy / "dataset")]) == 2
    assert "quotes" in capsys.readouterr().err


# -- blocks ----------------------------------------------------------------------------------------


def test_one_line_blocks_stay_inline_and_multi_line_blocks_get_their_own_lines():
    text = "a <!-- stats:n -->old<!-- /stats:n --> b\n<!-- stats:t -->\nold\n<!-- /stats:t -->\n"
    filled = fill_blocks(text, {"n": "42", "t": "| x |\n|---|"})
    assert (
        filled
        == "a <!-- stats:n -->42<!-- /stats:n --> b\n<!-- stats:t -->\n| x |\n|---|\n<!-- /stats:t -->\n"
    )


@pytest.mark.parametrize(
    "text, message",
    [
        ("<!-- stats:a -->x", "never closed"),
        ("x<!-- /stats:a -->", "without its opening"),
        ("<!-- stats:a --><!-- stats:b --><!-- /stats:b --><!-- /stats:a -->", "not closed before"),
        ("<!-- stats:a --><!-- /stats:a --><!-- stats:a --><!-- /stats:a -->", "appears twice"),
        ("<!-- stats:zzz --><!-- /stats:zzz -->", "unknown block"),
    ],
)
def test_malformed_blocks_are_refused(text, message):
    with pytest.raises(BlockSyntaxError, match=message):
        fill_blocks(text, {"a": "1", "b": "2"})


# -- what the stats say ----------------------------------------------------------------------------


def test_stats_count_every_row_and_every_label(committed_stats):
    quotes = load(DATASET, "quotes")
    assert committed_stats["tables"]["quotes"]["rows"] == len(quotes)
    kinds = committed_stats["labels"]["quotes"]["kind"]
    assert kinds["total"] == {k: int((quotes["kind"] == k).sum()) for k in kinds["total"]}
    assert sum(s["total"] for s in committed_stats["quotes"]["speakers"].values()) == len(quotes)


def test_truncated_quotes_are_not_misquotations_but_changed_wording_is():
    def row(qid, kind, text):
        return {
            "quote_id": qid,
            "article_id": qid[:3],
            "start": 0,
            "end": len(text),
            "text": text,
            "kind": kind,
            "cluster_id": "q-x",
            "cluster_similarity": 0.5,
        }

    quotes = pd.DataFrame(
        [
            row("000:q", "direct", "We are going to start now hitting land with regard to the cartels."),
            row("001:q", "partial", "start now hitting land"),
            row("002:q", "direct", "We are going to start hitting land now."),
        ]
    )
    assert [m["quote_id"] for m in misquotations(quotes)] == ["002:q"]


def test_misquotations_are_listed_cluster_by_cluster_in_id_order_and_skip_unclustered_quotes():
    def row(qid, cluster, text):
        return {"quote_id": qid, "article_id": qid[:3], "start": 0, "end": len(text), "text": text,
                "kind": "direct", "cluster_id": cluster, "cluster_similarity": 0.5}

    quotes = pd.DataFrame(
        [
            row("009:q", "q-b", "Reference wording of the second utterance, long enough."),
            row("008:q", "q-b", "Other wording of the second utterance."),
            row("003:q", None, "A quote in no cluster."),
            row("001:q", "q-a", "Reference wording of the first utterance, long enough."),
            row("002:q", "q-a", "Other wording of the first utterance."),
        ]
    )
    assert [(m["cluster_id"], m["quote_id"]) for m in misquotations(quotes)] == [("q-a", "002:q"), ("q-b", "008:q")]


def test_known_problem_offsets_point_at_the_quoted_text(committed_stats):
    text = dict(zip(load(DATASET, "articles")["article_id"], load(DATASET, "articles")["text"]))
    refs = committed_stats["quality"]["evidence"] + committed_stats["quotes"]["misquotations"]
    refs += [side for pair in committed_stats["claims"]["contradictions"] for side in (pair["a"], pair["b"])]
    assert refs
    for ref in refs:
        assert text[ref["article_id"]][ref["start"] : ref["end"]] == ref["text"]


# -- figures ---------------------------------------------------------------------------------------


def test_figures_are_byte_reproducible_and_carry_only_their_digest(committed_stats):
    png = figures.draw("quotes_per_speaker.png", committed_stats)
    assert png == figures.draw("quotes_per_speaker.png", committed_stats)
    assert png == (REPO / FIGURES_DIR / "quotes_per_speaker.png").read_bytes()
    from io import BytesIO

    from PIL import Image

    with Image.open(BytesIO(png)) as image:
        assert set(image.text) == {figures.DIGEST_KEY}
        assert image.width >= 600


# -- the card --------------------------------------------------------------------------------------


def test_card_has_the_hugging_face_sections_generated_numbers_and_a_datasheet_link(committed_stats):
    card = (DATASET / "README.md").read_text(encoding="utf-8")
    for section in (
        "## Dataset Description",
        "## Dataset Structure",
        "## Dataset Creation",
        "## Considerations for Using the Data",
        "## Additional Information",
    ):
        assert section in card
    assert "](../DATASHEET.md)" in card
    for name in ("quotes", "claims", "stances"):
        assert f"| `{name}` | {committed_stats['tables'][name]['rows']:,} |" in card


def test_stats_of_pandas_frames_equal_stats_of_arrow_tables_with_nulls_where_the_schema_forbids_none(dataset_copy):
    """compute_stats reads plain columns (no pandas import); a DataFrame caller (tests, notebooks)
    gets the same dict, key order included: its NaN and NA are the nulls Arrow gives as None."""
    import json

    import pyarrow as pa
    import pyarrow.parquet as pq

    from landstrikes.schema.registry import TABLES
    from landstrikes.schema.tableio import read_table

    def null_every(table: str, column: str, every: int) -> None:
        path = next((dataset_copy / "data" / table).glob("*.parquet"))
        arrow = pq.read_table(path)
        i = arrow.schema.get_field_index(column)
        values = [None if k % every == 0 else v for k, v in enumerate(arrow.column(i).to_pylist())]
        pq.write_table(arrow.set_column(i, pa.field(column, arrow.schema.field(i).type), pa.array(values, arrow.schema.field(i).type)), path)

    for table, column, every in (("quotes", "cluster_id", 3), ("quotes", "speaker_id", 4), ("quotes", "kind", 6),
                                 ("stances", "holder_group", 2), ("stances", "label", 5), ("stances", "target_id", 7),
                                 ("segments", "kind", 9), ("articles", "title", 2)):
        null_every(table, column, every)
    frames = {spec.name: read_table(dataset_copy / "data" / spec.name) for spec in TABLES}
    from_arrow = compute_stats(load_tables(dataset_copy))
    from_pandas = compute_stats(frames)
    assert json.dumps(from_pandas) == json.dumps(from_arrow)
    assert from_arrow["quotes"]["clusters"] < compute_stats(load_tables(DATASET))["quotes"]["clusters"]
    assert any(a["title"] is None for a in from_arrow["articles"])
