"""The fourth pass's figures (entities, mentions, segments against release 2.5.0) measure what
they say: a pass equal to the gold scores 1 everywhere, each kind of disagreement moves its own
figure, and a pass file that cannot be read right is one line naming the file and the line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from landstrikes.documents.fourthpass import FOURTH, PARTNER, fourth_pass_agreement
from landstrikes.errors import BuildError

DATASET = Path(__file__).resolve().parent.parent / "dataset"


def _rows(name: str) -> list[dict]:
    return pq.read_table(DATASET / PARTNER / name).to_pylist()


def _write(path: Path, header: list[str], rows: list[list]) -> None:
    path.write_text("\n".join("\t".join(str(v) for v in row) for row in [header, *rows]) + "\n", encoding="utf-8")


def gold_as_a_pass(folder: Path, edit=lambda table, rows: rows) -> None:
    """Release 2.5.0's own entities, mentions and segments written as fourth-pass files."""
    entities = [[e["entity_id"], e["name"], e["type"], json.dumps(e["aliases"] or [], ensure_ascii=False), e["flag"] or ""]
                for e in _rows("entities")]
    mentions = [[m["article_id"], m["start"], m["end"], m["text"], m["entity_id"], m["kind"]] for m in _rows("mentions")]
    segments = [[s["article_id"], s["start"], s["end"], s["kind"]] for s in _rows("segments")]
    folder.mkdir(parents=True)
    _write(folder / "entities.tsv", ["entity_id", "name", "type", "aliases", "flag"], edit("entities", entities))
    _write(folder / "mentions.tsv", ["article_id", "start", "end", "text", "entity_id", "kind"], edit("mentions", mentions))
    _write(folder / "segments.tsv", ["article_id", "start", "end", "kind"], edit("segments", segments))


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    shutil.copytree(DATASET / PARTNER, tmp_path / PARTNER)
    return tmp_path


def test_a_dataset_without_a_fourth_pass_has_no_figures(dataset):
    assert fourth_pass_agreement(dataset) is None


def test_a_pass_equal_to_the_gold_agrees_on_everything(dataset):
    gold_as_a_pass(dataset / FOURTH)
    figures = fourth_pass_agreement(dataset)
    assert figures["entities"]["catalogue"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert figures["entities"]["type_kappa"] == 1.0 and figures["entities"]["flag_agreement"] == 1.0
    for layer in ("mentions", "name_mentions"):
        assert figures[layer]["span_exact"]["f1"] == 1.0 and figures[layer]["entity_agreement"] == 1.0
    assert figures["segments"]["kind_kappa"] == 1.0 and figures["segments"]["starts"]["f1"] == 1.0


def test_entities_are_aligned_by_their_mentions_not_by_their_ids(dataset):
    renamed = lambda table, rows: [[f"pass-{r[0]}", *r[1:]] if table == "entities" else
                                   [*r[:4], f"pass-{r[4]}", r[5]] if table == "mentions" else r for r in rows]
    gold_as_a_pass(dataset / FOURTH, renamed)
    figures = fourth_pass_agreement(dataset)
    assert figures["entities"]["catalogue"]["f1"] == 1.0 and figures["mentions"]["entity_agreement"] == 1.0


def test_a_retyped_entity_and_a_missed_mention_move_their_own_figures(dataset):
    def edit(table, rows):
        if table == "entities":
            return [[*r[:2], "ORG" if r[2] == "GPE" else r[2], *r[3:]] for r in rows]
        if table == "mentions":
            return rows[1:]
        return rows
    gold_as_a_pass(dataset / FOURTH, edit)
    figures = fourth_pass_agreement(dataset)
    assert figures["entities"]["type_kappa"] < 1.0
    assert figures["mentions"]["span_exact"]["recall"] < 1.0 and figures["mentions"]["span_exact"]["precision"] == 1.0
    assert figures["segments"]["kind_kappa"] == 1.0


def test_a_segment_of_another_kind_is_counted_code_point_by_code_point(dataset):
    gold_as_a_pass(dataset / FOURTH, lambda table, rows: [[*rows[0][:3], "body"], *rows[1:]] if table == "segments" else rows)
    segments = fourth_pass_agreement(dataset)["segments"]
    first = _rows("segments")[0]
    assert first["kind"] != "body"
    assert segments["kind_agreement"] == round(1 - (first["end"] - first["start"]) / segments["code_points"], 4)
    assert segments["starts"]["f1"] == 1.0


@pytest.mark.parametrize("table, broken, problem", [
    ("mentions", lambda r: [r[0], r[1], r[2], r[3] + "x", r[4], r[5]], "is not the article's"),
    ("mentions", lambda r: [r[0], "-1", r[2], r[3], r[4], r[5]], "is no offset"),
    ("mentions", lambda r: [*r[:4], "no-such-entity", r[5]], "is not in entities.tsv"),
    ("mentions", lambda r: ["999_nope", *r[1:]], "is no article of release 2.5.0"),
    ("entities", lambda r: [*r[:3], "[not json", r[4]], "is not a JSON list of texts"),
    ("segments", lambda r: [r[0], r[2], r[1], r[3]], "empty or reversed"),
])
def test_a_broken_pass_row_is_one_line_naming_the_file_and_line(dataset, table, broken, problem):
    gold_as_a_pass(dataset / FOURTH, lambda name, rows: [broken(rows[0]), *rows[1:]] if name == table else rows)
    with pytest.raises(BuildError) as caught:
        fourth_pass_agreement(dataset)
    message = str(caught.value)
    assert f"{table}.tsv:2:" in message and problem in message and "\n" not in message


def test_a_missing_pass_file_is_refused_not_read_as_empty(dataset):
    gold_as_a_pass(dataset / FOURTH)
    (dataset / FOURTH / "segments.tsv").unlink()
    with pytest.raises(BuildError, match=r"segments.tsv: fourth-pass file is missing.*\[source-unreadable\]"):
        fourth_pass_agreement(dataset)


def test_the_datasheet_prints_the_fourth_pass_figures(dataset):
    from landstrikes.documents.datasheet import fourth_pass_block

    gold_as_a_pass(dataset / FOURTH)
    block = fourth_pass_block(fourth_pass_agreement(dataset))
    assert "Fourth pass" in block and "| segment kind, code point by code point" in block
    assert "F1 1.000 (P 1.00, R 1.00); 0 gold entities split" in block


def test_a_row_ends_at_a_line_feed_only(dataset):
    """A mention's text may hold U+2028 or NEL, where str.splitlines would cut the row in two."""
    from landstrikes.documents.fourthpass import read_pass_tsv

    path = dataset / "mentions.tsv"
    path.write_text("article_id\tstart\tend\ttext\tentity_id\tkind\r\na\t0\t3\tx\u2028y\te\tNAME\r\n", encoding="utf-8")
    assert read_pass_tsv(path) == [(2, {"article_id": "a", "start": "0", "end": "3", "text": "x\u2028y", "entity_id": "e", "kind": "NAME"})]
