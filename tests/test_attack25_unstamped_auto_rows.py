"""The extractor's rows are exempt from the annotator's rules (Q6's speakers, C5's units, C10,
C11, M1 ...), and a row says it is the extractor's by `source = auto`. attack25 relabelled a gold
row `auto` (a confidence added, as `confidence-provenance-mismatch` asks) in the gold dataset,
whose files `extract` never wrote: the row then escaped every such rule; a headline claim
attributed to Trump and a quantity in "ships" validated. An exemption now needs both marks, as
the silver table allowances already did: a row says `auto` only in a file stamped
`landstrikes.source=auto`, which only `extract` writes [auto-row-unstamped]."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq

from landstrikes.schema import validate


def _relabel_as_extracted(folder, table: str, pick, **cells) -> str:
    path = folder / "data" / table / f"{table}.parquet"
    rows = pq.read_table(path).to_pylist()
    row = next(r for r in rows if pick(r))
    row.update(source="auto", confidence=0.5, **cells)
    pq.write_table(pa.Table.from_pylist(rows, schema=pq.read_schema(path)), path)
    return row


def _findings(folder) -> list:
    report = validate(folder)
    assert report.unusable is None
    return [(f.check, f.table, f.row_id) for f in report.findings]


def test_a_gold_claim_relabelled_auto_to_escape_a_rule_is_a_finding(dataset_copy):
    row = _relabel_as_extracted(dataset_copy, "claims", lambda c: c["quantity_unit"] == "boats", quantity_unit="ships")
    assert ("auto-row-unstamped", "claims", row["claim_id"]) in _findings(dataset_copy)


def test_a_gold_mention_relabelled_auto_is_a_finding(dataset_copy):
    row = _relabel_as_extracted(dataset_copy, "mentions", lambda m: True)
    assert ("auto-row-unstamped", "mentions", row["mention_id"]) in _findings(dataset_copy)


def test_the_extractors_own_output_and_the_gold_have_no_unstamped_auto_row(dataset_copy, tmp_path):
    from pathlib import Path

    from landstrikes.cli import main

    assert [f for f in _findings(dataset_copy) if f[0] == "auto-row-unstamped"] == []
    out = tmp_path / "silver"
    assert main(["extract", str(Path(__file__).resolve().parents[1] / "dataset" / "raw"), "--out", str(out)]) == 0
    assert validate(out).ok
