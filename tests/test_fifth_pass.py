"""The fifth pass's figures (quotes, stances and quality flags against release 2.19.0) measure what they say: a
pass equal to the gold scores 1 everywhere, each kind of disagreement moves its own figure, a
speaker is compared as the guidelines define it (an unnamed source by its status, whatever its
words), and a pass row that cannot be read right is one line naming the file and the line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from landstrikes.documents.fifthpass import (FIFTH, FLAG_COLUMNS, LABEL_COLUMNS, PARTNER, QUOTE_COLUMNS, STANCE_COLUMNS,
                                              fifth_pass_agreement, pass_speaker)
from landstrikes.errors import BuildError

DATASET = Path(__file__).resolve().parent.parent / "dataset"
UNNAMED_WORDS = {"unnamed_source": "unnamed: Security analysts", "term": "term", "unattributed": "none"}


def _rows(name: str) -> list[dict]:
    return pq.read_table(DATASET / PARTNER / name).to_pylist()


def _write(path: Path, header: tuple, rows: list[list]) -> None:
    path.write_text("\n".join("\t".join(str(v) for v in row) for row in [header, *rows]) + "\n", encoding="utf-8")


def _speaker(q: dict) -> str:
    if q["speaker_status"] == "multiple":
        return "multiple: " + ", ".join(reversed(q["speaker_ids"]))  # another order, the same speakers
    return q["speaker_id"] if q["speaker_id"] else UNNAMED_WORDS[q["speaker_status"]]


def _holder(s: dict) -> str:
    return {"entity": s["holder_id"], "group": s["holder_group"], "article": "article"}[s["holder_kind"]]


def gold_as_a_pass(folder: Path, edit=lambda table, rows: rows) -> None:
    """Release 2.19.0's own quotes and stances written as fifth-pass files."""
    quotes = [[q["article_id"], q["start"], q["end"], q["text"], _speaker(q), q["kind"]] for q in _rows("quotes")]
    stances = [[s["article_id"], _holder(s), s["holder_kind"], s["target_id"], s["label"], s["stance_confidence"],
                s["evidence_start"], s["evidence_end"], s["evidence_text"]] for s in _rows("stances")]
    flags = [[f["article_id"], f["flag"], f["start"], f["end"], f["text"]] for f in _rows("quality_flags")]
    labels = [[a["article_id"], a["quality_label"]] for a in _rows("articles")]
    folder.mkdir(parents=True)
    _write(folder / "quotes.tsv", QUOTE_COLUMNS, edit("quotes", quotes))
    _write(folder / "stances.tsv", STANCE_COLUMNS, edit("stances", stances))
    _write(folder / "quality_flags.tsv", FLAG_COLUMNS, edit("quality_flags", flags))
    _write(folder / "quality_labels.tsv", LABEL_COLUMNS, edit("quality_labels", labels))


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    shutil.copytree(DATASET / PARTNER.parent, tmp_path / PARTNER.parent)  # the whole release: it is verified
    return tmp_path


def test_a_dataset_without_a_fifth_pass_has_no_figures(dataset):
    assert fifth_pass_agreement(dataset) is None


def test_a_pass_equal_to_the_gold_agrees_on_everything(dataset):
    gold_as_a_pass(dataset / FIFTH)
    figures = fifth_pass_agreement(dataset)
    quotes, stances, flags = figures["quotes"], figures["stances"], figures["quality_flags"]
    assert flags["evidence_overlap"]["f1"] == 1.0 and flags["article_flag_sets"]["f1"] == 1.0
    assert flags["quality_label_agreement"] == 1.0
    assert quotes["span_exact"]["f1"] == 1.0 and quotes["kind_kappa"] == 1.0 and quotes["speaker_agreement"] == 1.0
    assert stances["keys"]["f1"] == 1.0 and stances["label_kappa"] == 1.0
    assert stances["confidence_agreement"] == 1.0 and stances["evidence_exact"] == 1.0


def test_each_disagreement_moves_its_own_figure(dataset):
    def edit(table, rows):
        if table == "quotes":
            rows[0][5] = "partial" if rows[0][5] != "partial" else "indirect"  # a kind
            rows[1][4] = "mexico" if rows[1][4] != "mexico" else "united-states"  # a speaker (a catalogued one: attack26)
            rows[2][2] = rows[2][2] - 1                                      # a span end...
            rows[2][3] = rows[2][3][:-1]                                     # ...with its text
            del rows[3]                                                      # a missed row
        elif table == "stances":
            rows[0][4] = "favor" if rows[0][4] != "favor" else "against"   # a label
            del rows[1]                                                      # a missed key
        elif table == "quality_flags":
            del rows[0]                                                      # a missed flag
        else:
            rows[0][1] = "clean"                                             # a label (every gold article has issues)
        return rows

    gold_as_a_pass(dataset / FIFTH, edit)
    quotes, stances = (fifth_pass_agreement(dataset)[layer] for layer in ("quotes", "stances"))
    gold_quotes, gold_stances = len(_rows("quotes")), len(_rows("stances"))
    assert quotes["span_overlap"]["recall"] == round((gold_quotes - 1) / gold_quotes, 4)
    assert quotes["span_exact"]["precision"] == round((gold_quotes - 2) / (gold_quotes - 1), 4)
    assert quotes["kind_agreement"] == quotes["speaker_agreement"] == round((gold_quotes - 2) / (gold_quotes - 1), 4)
    assert stances["keys"]["recall"] == round((gold_stances - 1) / gold_stances, 4)
    assert stances["label_agreement"] == round((gold_stances - 2) / (gold_stances - 1), 4)
    assert stances["confidence_agreement"] == 1.0
    flags = fifth_pass_agreement(dataset)["quality_flags"]
    gold_flags = len(_rows("quality_flags"))
    assert flags["evidence_overlap"]["recall"] == round((gold_flags - 1) / gold_flags, 4)
    assert flags["quality_label_agreement"] == round(4 / 5, 4)


@pytest.mark.parametrize("written, read", [
    ("unnamed: Security analysts", "unnamed"), ("unnamed: critics", "unnamed"),
    ("multiple: united-states, mexico", "multiple:mexico,united-states"), ("donald-trump", "donald-trump"), ("none", "none"),
])
def test_a_speaker_without_an_entity_is_read_by_its_status(written, read):
    assert pass_speaker(written) == read


@pytest.mark.parametrize("table, column, value, problem", [
    ("quotes", 3, "not the article's words", "is not the article's"),
    ("quotes", 5, "quote", "column quote_type: 'quote' is not one of"),
    ("stances", 4, "support", "column label: 'support' is not one of"),
    ("stances", 6, "999999999", "is no offset into the article"),
    ("quotes", 0, "999_nope", "is no article of release 2.19.0"),
    ("quality_flags", 1, "spin", "column flag: 'spin' is not one of"),
    ("quality_flags", 4, "not the article's words", "is not the article's"),
])
def test_a_broken_pass_row_is_one_line_naming_the_file_and_line(dataset, table, column, value, problem):
    def edit(name, rows):
        if name == table:
            rows[4][column] = value
        return rows

    gold_as_a_pass(dataset / FIFTH, edit)
    with pytest.raises(BuildError) as raised:
        fifth_pass_agreement(dataset)
    message = str(raised.value)
    assert f"{table}.tsv" in message and ":6:" in message and problem in message and "\n" not in message


def test_a_stance_key_given_twice_is_refused_not_counted_twice(dataset):
    gold_as_a_pass(dataset / FIFTH, lambda name, rows: rows + [rows[0]] if name == "stances" else rows)
    with pytest.raises(BuildError, match="given on line 2 too"):
        fifth_pass_agreement(dataset)


def test_a_partner_release_rewritten_is_refused_not_read(dataset):
    gold_as_a_pass(dataset / FIFTH)
    stances = dataset / PARTNER / "stances" / "stances.parquet"
    table = pq.read_table(stances)
    labels = pa.array(["favor"] * table.num_rows, type=table.schema.field("label").type)
    pq.write_table(table.set_column(table.schema.get_field_index("label"), table.schema.field("label"), labels), stances)
    with pytest.raises(BuildError, match="partner release does not verify"):
        fifth_pass_agreement(dataset)


def test_the_committed_figures_are_the_committed_passes():
    import json
    committed = json.loads((DATASET / "agreement.json").read_text(encoding="utf-8"))["fifth_pass"]
    assert fifth_pass_agreement(DATASET) == committed


def test_an_article_labelled_twice_is_refused_not_read_as_the_last(dataset):
    gold_as_a_pass(dataset / FIFTH, lambda name, rows: rows + [[rows[0][0], "clean"]] if name == "quality_labels" else rows)
    with pytest.raises(BuildError, match="given on line 2 too"):
        fifth_pass_agreement(dataset)

