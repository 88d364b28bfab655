"""attack30: where an Arrow gate finds something (a broken row) three rules ran on pandas frames,
merging every row of one article with every other: C9b's claims that match the record with the
fabricated_content flags (`check_fabricated_claims`), AQ1's boilerplate evidence with the
boilerplate blocks (`check_boilerplate_placement`) and AQ3's blocks with the evidence
(`check_boilerplate_evidence`). Gold article 002 grown 300-fold with one claim moved into
fabricated content and one flag out of its block took 52 s and 9.9 GB to validate (100-fold:
5.0 s, 1.26 GB). They now keep the merge's pairs in relation without forming the rest
(`checkcorpus.article_merge`: the merge less the pairs of known spans not in relation; a row with
a null offset meets its whole article as before, for pandas' own semantics). So do the voice
evidence rule of S5 and the misquotation-evidence rule of Q15, which merged the same way.

The growth test counts the rows the article merges form (not seconds); the findings are those
of the merges on the same broken corpus."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import landstrikes.schema.goldchecks as goldchecks
import landstrikes.schema.segments_checks as segments_checks
from attack25_tools import rows_of, write_rows
from attack30_tools import A002, article_merges, grow_article
from landstrikes.schema import validate
from test_attack30_span_pairs import _break

RULES = ("fabricated-claim-matches-record", "boilerplate-outside-boilerplate-segment", "boilerplate-without-evidence")


def _broken(folder, copies: int) -> None:
    grow_article(folder, copies)
    _break(folder)  # a flag out of its block, claims in a block and a headline
    flags = rows_of(folder, "quality_flags")
    fabricated = [f for f in flags if f["flag"] == "fabricated_content" and f["article_id"] == A002]
    claims = rows_of(folder, "claims")
    matching = [c for c in claims if c["article_id"] == A002 and c["record_status"] == "matches"]
    matching[-1].update(start=fabricated[-1]["start"], end=fabricated[-1]["start"] + 2)
    write_rows(folder, "claims", claims)


def test_the_frame_rules_on_a_broken_grown_article_form_pairs_in_proportion_to_its_rows(dataset_copy, monkeypatch):
    _broken(dataset_copy, 20)
    seen = article_merges(monkeypatch)
    report = validate(dataset_copy)
    assert {f.check for f in report.findings} >= set(RULES)
    assert [s for s in seen if s[2] > 8 * (s[0] + s[1])] == []


def _with_nulls(folder) -> None:
    """A boilerplate flag of 002 without its end, a navigation block without its start (the
    schema's findings; the rules still judge the other rows, pandas the null ones)."""
    for table, pick, column in (("quality_flags", lambda r: r["flag"] == "boilerplate", "end"),
                                ("segments", lambda r: r["kind"] == "navigation", "start")):
        path = folder / "data" / table / f"{table}.parquet"
        schema = pq.read_schema(path)
        rows = pq.read_table(path).to_pylist()
        [r for r in rows if r["article_id"] == A002 and pick(r)][3][column] = None
        nullable = pa.schema([f.with_nullable(True) for f in schema], metadata=schema.metadata)
        pq.write_table(pa.Table.from_pylist(rows, schema=nullable), path)


def _merged(left, right, relation, left_span=("start", "end"), right_span=("start", "end"), suffixes=("", "_x"), **_):
    return left.merge(right, on="article_id", suffixes=suffixes)


@pytest.mark.parametrize("nulls", [False, True])
def test_the_pairs_kept_give_the_findings_of_the_merges(dataset_copy, monkeypatch, nulls):
    _broken(dataset_copy, 12)
    if nulls:
        _with_nulls(dataset_copy)
    seen = article_merges(monkeypatch)
    found = validate(dataset_copy).findings
    assert [s for s in seen if s[2] > 8 * (s[0] + s[1])] == []
    monkeypatch.undo()
    for module in (goldchecks, segments_checks):
        monkeypatch.setattr(module, "article_merge", _merged, raising=False)
    assert found == validate(dataset_copy).findings
    assert {f.check for f in found} >= set(RULES)
