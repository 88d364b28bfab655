"""review14: `claim_clusters.cluster_id` may be a claim's id instead of a slug (the extractor names
a one-claim cluster after its claim), but only the form was checked: a cluster renamed
consistently to `C-US Drug Deaths:c:0-1` or `c-us-drug-deaths:c:0-1` (capitals, a space, and no
such claim) validated, which is the attack id-not-slug was written for with `:c:0-1` appended.
Now a claim-form cluster id must be the id of a claim of that cluster (`cluster-not-its-claim`,
corpus-wide: `validate --engine` decides it on the whole tables). Seen failing on main's code
(both renames VALID)."""

from __future__ import annotations

import pytest

from landstrikes.schema import validate
from test_attack14_slug_ids import _rename, _rename_cluster


@pytest.mark.parametrize("new", ["C-US Drug Deaths:c:0-1", "c-us-drug-deaths:c:0-1", "000_68b95635092649cd:c:0-1"])
def test_a_cluster_named_like_a_claim_it_does_not_hold_is_a_finding(dataset_copy, new):
    _rename_cluster(dataset_copy, new)
    report = validate(dataset_copy)
    found = [(f.check, f.table, f.row_id) for f in report.findings]
    assert found == [("cluster-not-its-claim", "claim_clusters", new)], found


def test_a_cluster_named_after_a_claim_of_it_passes(dataset_copy):
    import pyarrow.parquet as pq

    claims = pq.read_table(dataset_copy / "data" / "claims" / "claims.parquet").to_pylist()
    own = next(c["claim_id"] for c in claims if c["cluster_id"] == "c-anti-cartel-act")
    _rename_cluster_to(dataset_copy, "c-anti-cartel-act", own)
    report = validate(dataset_copy)
    assert report.ok, report.to_text()


def _rename_cluster_to(folder, old, new):
    _rename(folder, "claim_clusters", "cluster_id", old, new)
    _rename(folder, "claims", "cluster_id", old, new)


def test_partitioned_validation_gives_the_one_folder_finding(built_dataset, tmp_path):
    """The gold split per article (claim_clusters shared, claims partitioned): the driver decides."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from landstrikes.engines.partitions import repartition
    from landstrikes.engines.validate import validate_partitioned
    from landstrikes.schema.tableio import table_files

    gold = tmp_path / "gold"
    repartition(built_dataset / "data", gold / "data")
    for table in ("claim_clusters", "claims"):
        for path in table_files(gold / "data" / table):
            arrow = pq.read_table(path)
            i = arrow.schema.get_field_index("cluster_id")
            values = ["X Y:c:0-1" if v == "c-us-drug-deaths" else v for v in arrow.column(i).to_pylist()]
            pq.write_table(arrow.set_column(i, arrow.schema.field(i), pa.array(values, pa.string())), path)
    partitioned = validate_partitioned(gold, "local", num_proc=2)
    assert sorted(partitioned.findings) == sorted(validate(gold).findings)
    assert [(f.check, f.row_id) for f in partitioned.findings] == [("cluster-not-its-claim", "X Y:c:0-1")]
