"""attack31: `validate --engine` reports what one folder reports for rows no task's article holds.

- Rows of an article that no articles row names (its row deleted, or its id given to another
  article) stayed in whatever partition held them: its quotes in one task and its misquotation
  flag in another made the flag `misquotation-outside-quote` there (no quote beside it), which
  one folder, holding them together, does not say. Such rows, and rows whose article id is
  null, now all go to the first task, as one folder checks them together.
- A segment whose article id is null turned the running maximum of the SG1 rule into floats in
  one folder (pandas' NaN), so its `segments-not-partition` message read "gap at 11509.0..11528"
  where a partition without the null said "gap at 11509..11528".

Found by validating gold copies with random slips (nulls, copied values, an article id given to
another row, rows scattered over partitions) both ways."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq

from attack25_tools import rows_of, table_path, write_rows
from landstrikes.engines.partitions import repartition
from landstrikes.engines.validate import validate_partitioned
from landstrikes.schema import validate


def _partitioned(folder, tmp_path, move=None):
    """The engine's report on `folder` cut one article per partition (one task each); `move`
    (table, predicate, partition) puts the rows matching the predicate into that partition's file."""
    parts = tmp_path / "parts"
    repartition(folder / "data", parts / "data")
    if move is not None:
        table, wanted, target = move
        files = sorted((parts / "data" / table).glob("*.parquet"))
        moved = []
        for path in files:
            rows = pq.read_table(path).to_pylist()
            moved += [r for r in rows if wanted(r)]
            kept = [r for r in rows if not wanted(r)]
            pq.write_table(pa.Table.from_pylist(kept, schema=pq.read_schema(path)), path)
        path = parts / "data" / table / f"{table}-{target:09d}.parquet"
        rows = pq.read_table(path).to_pylist() + moved
        pq.write_table(pa.Table.from_pylist(rows, schema=pq.read_schema(path)), path)
    return validate_partitioned(parts, "local", num_proc=2, task_floor=1)


def test_the_rows_of_an_article_no_articles_row_names_are_checked_together(dataset_copy, tmp_path):
    articles = rows_of(dataset_copy, "articles")
    gone = articles[1]["article_id"]
    flags = [f for f in rows_of(dataset_copy, "quality_flags") if f["article_id"] == gone and f["flag"] == "misquotation"]
    assert flags  # 001's misquotation flag lies inside one of its quotes
    write_rows(dataset_copy, "articles", articles[:1] + articles[2:])
    one = validate(dataset_copy)
    partitioned = _partitioned(dataset_copy, tmp_path, ("quality_flags", lambda r: r["article_id"] == gone, 3))
    assert "misquotation-outside-quote" not in {f.check for f in one.findings}
    assert sorted(partitioned.findings) == sorted(one.findings)


def test_a_segment_with_a_null_article_id_words_the_other_segments_findings_alike(dataset_copy, tmp_path):
    segments = rows_of(dataset_copy, "segments")
    articles = rows_of(dataset_copy, "articles")
    last = [s for s in segments if s["article_id"] == articles[2]["article_id"]][-2]  # a gap opens before the last one
    last["article_id"] = None
    path = table_path(dataset_copy, "segments")
    schema = pq.read_schema(path)
    k = schema.get_field_index("article_id")
    pq.write_table(pa.Table.from_pylist(segments, schema=schema.set(k, schema.field(k).with_nullable(True))), path)
    one = validate(dataset_copy)
    gaps = [f.message for f in one.findings if f.check == "segments-not-partition" and f.message.startswith("gap")]
    assert gaps and all(".0.." not in m for m in gaps)
    assert sorted(_partitioned(dataset_copy, tmp_path).findings) == sorted(one.findings)
