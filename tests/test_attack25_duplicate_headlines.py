"""AQ1, SG2, C10: `duplicate_headline` flags a verbatim repeat of a headline. attack25 moved the
flag's evidence onto a body name ("Claudia Sheinbaum") and onto a002's "Breaking:" subheadline,
which no other headline repeats: validate said VALID for both
[duplicate-headline-not-a-repeat]."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from landstrikes.schema import validate


def _rows(folder: Path, table: str) -> list[dict]:
    return pq.read_table(folder / "data" / table / f"{table}.parquet").to_pylist()


def _move_flag(folder: Path, article_prefix: str, words: str) -> str:
    """Move the article's duplicate_headline evidence onto the first occurrence of `words`."""
    text = next(a["text"] for a in _rows(folder, "articles") if a["article_id"].startswith(article_prefix))
    start = text.index(words)
    end = start + len(words)
    path = folder / "data" / "quality_flags" / "quality_flags.parquet"
    arrow = pq.read_table(path)
    columns = {name: arrow.column(name).to_pylist() for name in arrow.column_names}
    row = next(i for i, (a, f) in enumerate(zip(columns["article_id"], columns["flag"]))
               if a.startswith(article_prefix) and f == "duplicate_headline")
    flag_id = f"{columns['article_id'][row]}:f:duplicate_headline:{start}-{end}"
    columns["start"][row], columns["end"][row], columns["text"][row], columns["flag_id"][row] = start, end, words, flag_id
    pq.write_table(pa.Table.from_pydict(columns, schema=arrow.schema), path)
    return flag_id


def _findings(folder: Path) -> list:
    report = validate(folder)
    assert report.unusable is None
    return [(f.check, f.row_id, f.column) for f in report.findings]


def test_a_duplicate_headline_flag_on_a_body_name_is_a_finding(dataset_copy):
    flag_id = _move_flag(dataset_copy, "000_", "Claudia Sheinbaum")
    assert ("duplicate-headline-not-a-repeat", flag_id, "start") in _findings(dataset_copy)


def test_a_duplicate_headline_flag_on_a_subheadline_no_headline_repeats_is_a_finding(dataset_copy):
    text = next(a["text"] for a in _rows(dataset_copy, "articles") if a["article_id"].startswith("002_"))
    breaking = text[text.index("Breaking:"):text.index("\n", text.index("Breaking:"))]
    flag_id = _move_flag(dataset_copy, "002_", breaking)
    assert ("duplicate-headline-not-a-repeat", flag_id, "start") in _findings(dataset_copy)


def test_the_gold_and_the_extractors_duplicate_headlines_are_repeats(dataset_copy, tmp_path):
    from landstrikes.cli import main

    assert [f for f in _findings(dataset_copy) if f[0] == "duplicate-headline-not-a-repeat"] == []
    out = tmp_path / "silver"
    assert main(["extract", str(Path(__file__).resolve().parents[1] / "dataset" / "raw"), "--out", str(out)]) == 0
    flags = [f for f in pq.read_table(out / "data" / "quality_flags").to_pylist() if f["flag"] == "duplicate_headline"]
    assert flags and [f for f in _findings(out) if f[0] == "duplicate-headline-not-a-repeat"] == []
