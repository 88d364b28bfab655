"""A null in any column of any table is Pandera's finding, and every other check still judges
every other row: none reports `check-crashed`.

Session 28: a null `entities.entity_id` crashed `check_entities_mentioned` and
`check_speakers_can_speak`, a null quote `start`, `end` or `text` crashed
`check_quote_cluster_wording` and `check_quote_mark_coverage`, and a null article `text`
crashed `check_implicit_speakers` and `check_hypothetical_claims`: each then judged no row at
all (a second break the check exists for went unreported) and the report carried an internal
error ("could not run: TypeError: ...") where a finding belonged.

The corpora below give every column of every table a null: once each column in its own row
(its place among the columns), once in a third of the rows (rows holding nulls in several columns
at once); a check that crashes on any of them says so."""

from __future__ import annotations

import shutil

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import DATASET
from landstrikes.schema import validate
from landstrikes.engines.validate import validate_partitioned


def _with_nulls(source, target, every: int) -> None:
    """Column k of each table null in rows k, k + every, k + 2 x every, ... (at least one row)."""
    shutil.copytree(source / "data", target / "data")
    for folder in sorted((target / "data").iterdir()):
        for path in sorted(folder.glob("*.parquet")):
            table = pq.read_table(path)
            if table.num_rows == 0:
                continue
            for place, name in enumerate(table.column_names):
                values = table.column(name).to_pylist()
                for row in {place % table.num_rows, *range(place % every, table.num_rows, every)}:
                    values[row] = None
                field = table.schema.field(name).with_nullable(True)
                table = table.set_column(place, field, pa.array(values, field.type))
            pq.write_table(table, path)


@pytest.mark.parametrize("every", [10**9, 3], ids=["one-row-per-column", "a-third-of-the-rows"])
def test_a_null_in_every_column_is_reported_and_crashes_no_check(tmp_path, every):
    _with_nulls(DATASET, tmp_path, every)
    findings = validate(tmp_path).findings
    assert [f.message for f in findings if f.check == "check-crashed"] == []
    assert any(f.check != "check-crashed" for f in findings)


def test_a_null_article_text_leaves_the_other_articles_judged(tmp_path):
    """Article 2's text null (it holds the gold's implicit quote): its rows are not judged on the
    text, and a quote made implicit in article 0 beside its speaker's mention ("...,” Trump said") still is."""
    shutil.copytree(DATASET / "data", tmp_path / "data")
    articles_path = next((tmp_path / "data" / "articles").glob("*.parquet"))
    articles = pq.read_table(articles_path)
    texts = articles.column("text").to_pylist()
    texts[2] = None
    k = articles.schema.get_field_index("text")
    field = articles.schema.field(k).with_nullable(True)
    pq.write_table(articles.set_column(k, field, pa.array(texts, field.type)), articles_path)
    quotes_path = next((tmp_path / "data" / "quotes").glob("*.parquet"))
    quotes = pq.read_table(quotes_path).to_pylist()
    first = articles.column("article_id")[0].as_py()
    row = next(q for q in quotes if q["article_id"] == first and q["text"].startswith("We are going to start now hitting land"))
    row.update(speaker_status="implicit", speaker_mention_id=None, speaker_start=None, speaker_end=None, speaker_text=None,
               cue_start=None, cue_end=None, cue_text=None, cue_lemma=None)
    pq.write_table(pa.Table.from_pylist(quotes, schema=pq.read_schema(quotes_path)), quotes_path)
    findings = validate(tmp_path).findings
    assert [f.message for f in findings if f.check == "check-crashed"] == []
    assert [f.row_id for f in findings if f.check == "implicit-speaker-mentioned"] == [row["quote_id"]]


def _cut_by_article(folder, parts: int) -> None:
    """Each table with an article_id cut into `parts` partition files by article (a null id in part 0)."""
    for table_dir in sorted((folder / "data").iterdir()):
        for path in sorted(table_dir.glob("*.parquet")):
            table = pq.read_table(path)
            if "article_id" not in table.column_names or table.num_rows == 0:
                continue
            path.unlink()
            ids = table.column("article_id").to_pylist()
            known = sorted({i for i in ids if i is not None})
            part = [known.index(i) % parts if i is not None else 0 for i in ids]
            for k in range(parts):
                pq.write_table(table.filter(pa.array([p == k for p in part])), table_dir / f"{table_dir.name}-{k:09d}.parquet")


def test_partitioned_validation_of_a_null_in_every_column_reports_what_one_folder_reports(tmp_path):
    """A null id is named one way (`<null>`: one folder's checks said "nan", the engine's key
    pass "None"), and an article whose id is null is not given another article's headline (it
    took the last row's, so the two reports named different headlines; session 28)."""
    _with_nulls(DATASET, tmp_path, 10**9)
    _cut_by_article(tmp_path, 3)
    one_folder = validate(tmp_path)
    partitioned = validate_partitioned(tmp_path, "local", num_proc=2, task_floor=1)
    assert sorted(partitioned.findings) == sorted(one_folder.findings)
    assert partitioned.exit_code == one_folder.exit_code == 1


def test_a_null_row_id_has_one_spelling_however_the_check_met_the_null():
    """Python's None, float and numpy NaN and pandas' NA all name a row `<null>`; a value that
    only looks empty does not."""
    import numpy as np
    import pandas as pd

    from landstrikes.schema.report import NULL_ROW_ID, Report

    report = Report("x")
    for row_id in (None, float("nan"), np.float32("nan"), pd.NA, "", "nan", 0):
        report.add("quotes", "some-check", "why", row_id)
    assert [f.row_id for f in report.findings] == [NULL_ROW_ID] * 4 + ["", "nan", "0"]


def test_pandera_findings_name_rows_as_the_plain_lookup_does_without_asking_the_frame_per_row(monkeypatch):
    """Each Pandera failure's row id was looked up in the frame row by row (0.1 ms each: 446,000
    null entity ids took 50 s); the id column is now read once, with the same names: the id, or
    `#N` where it is null, "" for no index, and the plain lookup where there is no one id column."""
    import importlib

    import numpy as np
    import pandas as pd

    validation = importlib.import_module("landstrikes.schema.validate")  # the module, not the function
    frame = pd.DataFrame({"row_id": pd.array(["a", None, "c", "d"], dtype="string"), "x": [1, 2, 3, 4],
                          "f": [1.5, np.nan, 2.0, 3.0]})
    indices = [0, 1, 2, 3, 4, -1, -9, 2.0, None, np.nan, "x", "2"]
    for column in ("row_id", "x", "f", "absent"):
        lookup = validation._row_ids(frame, column)
        assert [lookup(i) for i in indices] == [validation._row_id(frame, column, i) for i in indices]
    twice = pd.concat([frame[["row_id"]], frame[["row_id"]]], axis=1)
    assert validation._row_ids(twice, "row_id")(0) == validation._row_id(twice, "row_id", 0)
    asked = []
    monkeypatch.setattr(validation, "_row_id", lambda *args: asked.append(args) or "")
    lookup = validation._row_ids(frame, "row_id")
    assert [lookup(i) for i in range(4)] == ["a", "#1", "c", "d"] and not asked
