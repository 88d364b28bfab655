"""C9: a cluster's variants are one list read four ways. `variant_ids` names them and
`variant_propositions` says what each asserts, item for item (claims.py: "aligned with
variant_ids"), as `variant_record_statuses` and `variant_record_notes` give each one's record
(record-status-inconsistent checks those two). A proposition without its variant, or a variant
without its proposition, validated (a cluster without variants given another cluster's variant
proposition: the census) [variant-lists-misaligned]. Row-local: every partition judges its own
rows under `validate --engine`."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, failing_rows, ids_at, values_at
from landstrikes.schema.checkcorpus import column
from landstrikes.schema.report import Report, counted


def check_variant_lists(tables, report: Report) -> None:
    clusters = arrow_of(tables, "claim_clusters", ("variant_ids", "variant_propositions"))
    if clusters is None:
        return
    ids, propositions = column(clusters, "variant_ids"), column(clusters, "variant_propositions")
    if not all(pa.types.is_list(c.type) for c in (ids, propositions)):
        return  # wrong-dtype's finding
    lengths = [pc.fill_null(pc.list_value_length(c), 0) for c in (ids, propositions)]
    rows = failing_rows(pc.not_equal(*lengths))
    for cluster_id, named, said in zip(ids_at(clusters, "claim_clusters", rows), values_at(clusters, "variant_ids", rows),
                                       values_at(clusters, "variant_propositions", rows)):
        report.add("claim_clusters", "variant-lists-misaligned",
                   f"{counted(len(named or []), 'variant id')} but {counted(len(said or []), 'variant proposition')}: each variant says what it asserts (C9)",
                   cluster_id, "variant_propositions", str(said))
