"""C11: a claim copying a quotation's words is its speaker's ("the quote's claimant is its
speaker"). attack25 changed the claimant of a claim lying inside a direct quote to another person
the article mentions, set it null on a claim inside an attributed indirect quote, and made a
claim inside a direct quote the article's own (`asserted`, no claimant): validate said VALID for
all three (the census's "another plausible reference" class, which C11 makes detectable inside
a quotation) [claimant-not-speaker]."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from landstrikes.schema import validate


def _rows(folder: Path, table: str) -> list[dict]:
    return pq.read_table(folder / "data" / table / f"{table}.parquet").to_pylist()


def _set(folder: Path, table: str, row: int, **cells) -> None:
    path = folder / "data" / table / f"{table}.parquet"
    arrow = pq.read_table(path)
    columns = {name: arrow.column(name).to_pylist() for name in arrow.column_names}
    for name, value in cells.items():
        columns[name][row] = value
    pq.write_table(pa.Table.from_pydict(columns, schema=arrow.schema), path)


def _claim_inside(folder: Path, kind: str) -> tuple[int, dict, dict]:
    """The first annotated claim lying inside a quote of `kind` whose speaker is named."""
    claims, quotes = _rows(folder, "claims"), _rows(folder, "quotes")
    for row, claim in enumerate(claims):
        for quote in quotes:
            if quote["article_id"] == claim["article_id"] and quote["kind"] == kind and quote["speaker_id"] \
                    and quote["start"] <= claim["start"] and claim["end"] <= quote["end"]:
                return row, claim, quote
    raise AssertionError(f"no claim inside a {kind} quote")


def _another_person(folder: Path, article_id: str, not_this: str) -> str:
    people = {e["entity_id"] for e in _rows(folder, "entities") if e["type"] == "PERSON"}
    return next(m["entity_id"] for m in _rows(folder, "mentions")
                if m["article_id"] == article_id and m["entity_id"] in people and m["entity_id"] != not_this)


def _findings(folder: Path) -> list:
    report = validate(folder)
    assert report.unusable is None
    return [(f.check, f.row_id, f.column) for f in report.findings]


def test_a_claim_inside_a_direct_quote_given_another_claimant_is_a_finding(dataset_copy):
    row, claim, quote = _claim_inside(dataset_copy, "direct")
    _set(dataset_copy, "claims", row, claimant_id=_another_person(dataset_copy, claim["article_id"], quote["speaker_id"]))
    assert ("claimant-not-speaker", claim["claim_id"], "claimant_id") in _findings(dataset_copy)


def test_a_claim_inside_an_indirect_quote_without_its_speaker_is_a_finding(dataset_copy):
    row, claim, _ = _claim_inside(dataset_copy, "indirect")
    _set(dataset_copy, "claims", row, claimant_id=None)
    assert ("claimant-not-speaker", claim["claim_id"], "claimant_id") in _findings(dataset_copy)


def test_a_claim_inside_a_direct_quote_made_the_articles_own_is_a_finding(dataset_copy):
    row, claim, _ = _claim_inside(dataset_copy, "direct")
    _set(dataset_copy, "claims", row, claimant_id=None, hedging="asserted")
    assert ("claimant-not-speaker", claim["claim_id"], "claimant_id") in _findings(dataset_copy)


def test_a_claim_inside_an_unnamed_sources_quote_is_attributed_not_asserted(dataset_copy):
    claims, quotes = _rows(dataset_copy, "claims"), _rows(dataset_copy, "quotes")
    row, claim = next((i, c) for i, c in enumerate(claims) for q in quotes
                      if q["article_id"] == c["article_id"] and q["speaker_status"] == "unnamed_source"
                      and q["start"] <= c["start"] and c["end"] <= q["end"])
    _set(dataset_copy, "claims", row, hedging="asserted")
    assert ("claimant-not-speaker", claim["claim_id"], "hedging") in _findings(dataset_copy)


def test_the_gold_and_the_extractors_claims_inside_quotes_are_no_finding(dataset_copy, tmp_path):
    """The gold keeps C11 on all its 85 claims inside quotations; the extractor's rows are
    exempt (it proposes claims inside quotes as the article's own: 80 of 106 inside direct
    quotes on the BBC dev news), as they are from Q6's and C5's rules."""
    assert [f for f in _findings(dataset_copy) if f[0] == "claimant-not-speaker"] == []


def test_the_innermost_enclosing_quote_is_the_latest_starting_one_that_holds_the_claim():
    """Against the pairwise definition, on random nested and overlapping spans of three articles."""
    import numpy as np
    from landstrikes.schema.claim_speakers import innermost_enclosing

    rng = np.random.default_rng(25)
    for _ in range(200):
        nq, nc = rng.integers(0, 12), rng.integers(1, 12)
        qa, ca = rng.integers(0, 3, nq), rng.integers(0, 3, nc)
        qs = rng.integers(0, 40, nq)
        qe = qs + rng.integers(0, 40, nq)
        cs = rng.integers(0, 40, nc)
        ce = cs + rng.integers(0, 10, nc)
        got = innermost_enclosing(ca, cs, ce, qa, qs, qe)
        for c in range(nc):
            holding = [q for q in range(nq) if qa[q] == ca[c] and qs[q] <= cs[c] and ce[c] <= qe[q]]
            if not holding:
                assert got[c] == -1
            else:
                latest = max(qs[q] for q in holding)
                assert qa[got[c]] == ca[c] and qs[got[c]] == latest and qe[got[c]] >= ce[c]
