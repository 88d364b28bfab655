"""attack5's false VALIDs inside schema/ (not fixed here: schema/ is another branch's). Each case
copies the committed tables, changes the rows of one table as a buggy producer would (keeping
every id derived and every span equal to its text), and validates the copy. Every case breaks a
rule ANNOTATION_GUIDELINES.md states and the gold obeys, yet validate says VALID.

    .venv/bin/python docs/notes/attack5/false_valid.py [case ...]

tests/test_open_false_valids.py runs the same cases as strict xfails (flip them when fixed).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

REPO = Path(__file__).resolve().parents[3]


def _rows(folder: Path, table: str) -> list[dict]:
    return pq.read_table(folder / "data" / table / f"{table}.parquet").to_pylist()


def _edit(folder: Path, table: str, change) -> None:
    """Apply change(rows) to the first row it accepts (it returns True); rows written back with the table's schema."""
    path = folder / "data" / table / f"{table}.parquet"
    arrow = pq.read_table(path)
    rows = arrow.to_pylist()
    assert any(change(row, rows) for row in rows), f"{table}: no row to change (stale case)"
    pq.write_table(pa.Table.from_pylist(rows, schema=arrow.schema), path)


def _first(predicate, action):
    def change(row, rows):
        if predicate(row, rows):
            action(row, rows)
            return True
        return False
    return change


def pronoun_that_is_a_name(folder: Path) -> None:
    """M1: PRONOUN is 'he', 'she', 'her', 'him', 'they'...; a NAME mention relabelled PRONOUN."""
    _edit(folder, "mentions", _first(lambda r, _: r["kind"] == "NAME" and r["text"] == "United States",
                                     lambda r, _: r.update(kind="PRONOUN")))


def name_mention_of_another_entity(folder: Path) -> None:
    """M2: a NAME mention is a name or alias of its entity; 'Mexico' linked to donald-trump."""
    _edit(folder, "mentions", _first(lambda r, _: r["kind"] == "NAME" and r["entity_id"] == "mexico",
                                     lambda r, _: r.update(entity_id="donald-trump")))


def quantity_low_without_high(folder: Path) -> None:
    """C5: 'null-high not allowed' (a point value has low == high); quantity_high nulled."""
    _edit(folder, "claims", _first(lambda r, _: r["quantity_low"] is not None, lambda r, _: r.update(quantity_high=None)))


def quantity_unit_outside_vocabulary(folder: Path) -> None:
    """C5: quantity_unit comes from a fixed vocabulary; 'bananas' is not in it."""
    _edit(folder, "claims", _first(lambda r, _: r["quantity_unit"] is not None, lambda r, _: r.update(quantity_unit="bananas")))


def quantity_unit_without_quantity(folder: Path) -> None:
    """C5: a unit and a bound qualify a quantity; set on a claim with none."""
    _edit(folder, "claims", _first(lambda r, _: r["quantity_low"] is None and r["quantity_high"] is None,
                                   lambda r, _: r.update(quantity_unit="boats", quantity_bound="at_least")))


def fabricated_entity_without_note(folder: Path) -> None:
    """E5: 'each flag carries a one-line note saying why'; the note of a fabricated entity nulled."""
    _edit(folder, "entities", _first(lambda r, _: r["flag"] == "fabricated", lambda r, _: r.update(flag_note=None)))


def record_status_matches_without_note(folder: Path) -> None:
    """C9b: record_note is 'required unless unknown'; the note of a 'matches' cluster nulled."""
    _edit(folder, "claim_clusters", _first(lambda r, _: r["record_status"] == "matches", lambda r, _: r.update(record_note=None)))


def quote_cluster_without_its_reference(folder: Path) -> None:
    """Q12: cluster_similarity is 1.0 for the cluster's longest direct variant; that row lowered to 0.8,
    so no row of the cluster is its reference."""
    def is_reference(row, rows):
        size = Counter(q["cluster_id"] for q in rows)[row["cluster_id"]]
        return size > 1 and row["cluster_similarity"] == 1.0 and \
            sum(q["cluster_similarity"] == 1.0 for q in rows if q["cluster_id"] == row["cluster_id"]) == 1
    _edit(folder, "quotes", _first(is_reference, lambda r, _: r.update(cluster_similarity=0.8)))


def empty_claim_span(folder: Path) -> None:
    """Spans hold text: a claim cut to [start, start) with text '' and its id re-derived."""
    def cut(row, _):
        row.update(end=row["start"], text="", claim_id=f"{row['article_id']}:c:{row['start']}-{row['start']}")
    _edit(folder, "claims", _first(lambda r, rows: not r["contradicted_by"] and
                                   not any(r["claim_id"] in c["contradicted_by"] for c in rows), cut))


def empty_quality_flag_evidence(folder: Path) -> None:
    """Spans hold text: a quality-flag evidence row cut to [start, start) with text '' and its id re-derived."""
    def cut(row, _):
        row.update(end=row["start"], text="", flag_id=f"{row['article_id']}:f:{row['flag']}:{row['start']}-{row['start']}")
    _edit(folder, "quality_flags", _first(lambda r, _: r["flag"] != "boilerplate", cut))


def speaker_that_is_an_event(folder: Path) -> None:
    """Q6: a speaker is someone who speaks (the gold's are PERSON, ORG, GPE); a quote given to an
    EVENT entity (an interview), through a mention of it in the same article."""
    kinds = {e["entity_id"]: e["type"] for e in _rows(folder, "entities")}
    mentions = _rows(folder, "mentions")

    def event_mention(row):
        return next((m for m in mentions if kinds[m["entity_id"]] == "EVENT" and m["article_id"] == row["article_id"]), None)

    def give(row, _):
        m = event_mention(row)
        row.update(speaker_id=m["entity_id"], speaker_mention_id=m["mention_id"], speaker_ids=[m["entity_id"]])
    _edit(folder, "quotes", _first(lambda r, _: r["speaker_mention_id"] is not None and event_mention(r) is not None, give))


CASES = {f.__name__: f for f in (
    pronoun_that_is_a_name, name_mention_of_another_entity, quantity_low_without_high,
    quantity_unit_outside_vocabulary, quantity_unit_without_quantity, fabricated_entity_without_note,
    record_status_matches_without_note, quote_cluster_without_its_reference, empty_claim_span,
    empty_quality_flag_evidence, speaker_that_is_an_event,
)}


def broken_copy(case: str, target: Path) -> Path:
    """The committed tables (and raw texts) copied to target, with one case applied."""
    for name in ("data", "raw"):
        shutil.copytree(REPO / "dataset" / name, target / name)
    CASES[case](target)
    return target


if __name__ == "__main__":
    from landstrikes.schema import validate

    for case in sys.argv[1:] or CASES:
        with tempfile.TemporaryDirectory() as tmp:
            report = validate(broken_copy(case, Path(tmp) / "dataset"))
            print(f"{case}: {'VALID (should be INVALID)' if report.ok else 'INVALID ' + str(sorted({f.check for f in report.findings}))}")
