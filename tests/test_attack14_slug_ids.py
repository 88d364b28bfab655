"""Catalogue ids are slugs (attack14, schema/slug_ids.py). Before, only entity ids had a form: a
stance target, claim cluster, variant or quote cluster renamed consistently in every table to an
id with capitals, a trailing space, a tab, a line break, a no-break or zero-width space validated,
and so did a second stance target whose id differed from the first only in case. Each case below
was VALID on main's code (seen: the check unregistered, every case passes validate)."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from landstrikes.schema import validate


def _rename(folder: Path, table: str, column: str, old: str, new: str, inside: bool = False) -> None:
    path = folder / "data" / table / f"{table}.parquet"
    arrow = pq.read_table(path)
    i = arrow.schema.get_field_index(column)

    def renamed(value):
        if isinstance(value, list):
            return [new if item == old else item for item in value]
        if inside and isinstance(value, str):
            return value.replace(old, new)
        return new if value == old else value

    values = [renamed(v) for v in arrow.column(i).to_pylist()]
    pq.write_table(arrow.set_column(i, arrow.schema.field(i), pa.array(values, arrow.schema.field(i).type)), path)


def _rename_target(folder: Path, new: str) -> None:
    _rename(folder, "stance_targets", "target_id", "foreign-intervention", new)
    _rename(folder, "stances", "target_id", "foreign-intervention", new)
    _rename(folder, "stances", "stance_id", ":foreign-intervention", ":" + new, inside=True)


def _rename_cluster(folder: Path, new: str) -> None:
    _rename(folder, "claim_clusters", "cluster_id", "c-us-drug-deaths", new)
    _rename(folder, "claims", "cluster_id", "c-us-drug-deaths", new)


def _rename_variant(folder: Path, new: str) -> None:
    _rename(folder, "claim_clusters", "variant_ids", "as-misquoted", new)
    _rename(folder, "claims", "variant_id", "as-misquoted", new)


def _rename_quote_cluster(folder: Path, new: str) -> None:
    _rename(folder, "quotes", "cluster_id", "q-cartels-running-mexico", new)


CASES = [
    ("stance_targets", "target_id", _rename_target, "Foreign-Intervention"),
    ("stance_targets", "target_id", _rename_target, "foreign-intervention "),
    ("stance_targets", "target_id", _rename_target, "foreign-intervention\n"),
    ("stance_targets", "target_id", _rename_target, "foreign\u00a0intervention"),
    ("claim_clusters", "cluster_id", _rename_cluster, "C-US-Drug-Deaths"),
    ("claim_clusters", "cluster_id", _rename_cluster, "c-us\tdrug-deaths"),
    ("claim_clusters", "cluster_id", _rename_cluster, "c-us-drug-deaths\u200b"),
    ("claim_clusters", "variant_ids", _rename_variant, "As Misquoted "),
    ("quotes", "cluster_id", _rename_quote_cluster, " Q-Cartels Running Mexico"),
    ("quotes", "cluster_id", _rename_quote_cluster, "q-cartels\nrunning"),
]


@pytest.mark.parametrize(("table", "column", "rename", "new"), CASES, ids=[repr(c[3]) for c in CASES])
def test_an_id_renamed_consistently_out_of_slug_form_is_a_finding(dataset_copy, table, column, rename, new):
    rename(dataset_copy, new)
    report = validate(dataset_copy)
    found = [(f.table, f.column) for f in report.findings if f.check == "id-not-slug"]
    assert not report.ok and (table, column) in found, [(f.check, f.table, f.column) for f in report.findings]


def test_a_second_target_differing_only_in_case_is_a_finding(dataset_copy):
    path = dataset_copy / "data" / "stance_targets" / "stance_targets.parquet"
    arrow = pq.read_table(path)
    row = arrow.slice(0, 1).to_pylist()[0]
    row["target_id"] = row["target_id"].upper()
    pq.write_table(pa.concat_tables([arrow, pa.Table.from_pylist([row], schema=arrow.schema)]), path)
    report = validate(dataset_copy)
    found = [(f.check, f.row_id) for f in report.findings]
    assert ("id-not-slug", row["target_id"]) in found
    # the copy also restates its original's definition (S1 2.21), reported on the later id in id order
    assert sorted(found) == sorted([("id-not-slug", row["target_id"]), ("target-descriptions-repeat", row["target_id"].lower())])


def test_the_gold_and_the_extractors_own_cluster_ids_pass(dataset_copy, tmp_path):
    """The gold (slugs, a quote of its own cluster) and silver ids (a claim's id as its cluster,
    from a file name with a space and a tab) are not findings."""
    assert validate(dataset_copy).ok
    from landstrikes.schema.slug_ids import CLAIM_ID, SLUG
    import re

    assert re.search(CLAIM_ID, "my article\tone:c:0-12") and not re.search(CLAIM_ID, "x:c:01-2")
    assert re.search(SLUG, "c-us-drug-deaths") and not re.search(SLUG, "c--us")
