"""C10: "A verbatim repeat of the headline (flagged `duplicate_headline`), a copy after a
breadcrumb path included, is not annotated": its claim is the headline's, at its first
occurrence. attack25 annotated a000's headline claim again in its flagged repeat (its id derived,
its cluster's count raised): validate said VALID [claim-in-repeated-headline]. No gold or
extractor claim lies in a flagged repeat."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq

from attack25_tools import findings_of

CHECK = "claim-in-repeated-headline"


def _table(folder, name):
    path = folder / "data" / name / f"{name}.parquet"
    arrow = pq.read_table(path)
    return path, arrow.schema, {n: arrow.column(n).to_pylist() for n in arrow.column_names}


def _annotate_the_repeat(folder) -> str:
    _, _, flags = _table(folder, "quality_flags")
    claims_path, claims_schema, claims = _table(folder, "claims")
    clusters_path, clusters_schema, clusters = _table(folder, "claim_clusters")
    flag = next(i for i, (a, f) in enumerate(zip(flags["article_id"], flags["flag"])) if a.startswith("000_") and f == "duplicate_headline")
    article, repeat = flags["article_id"][flag], flags["start"][flag]
    head = next(i for i in range(len(claims["claim_id"])) if claims["article_id"][i] == article and claims["end"][i] <= repeat)
    start, end = claims["start"][head] + repeat, claims["end"][head] + repeat
    for name in claims:
        claims[name].append(claims[name][head])
    claims["claim_id"][-1], claims["start"][-1], claims["end"][-1] = f"{article}:c:{start}-{end}", start, end
    clusters["n_claims"][clusters["cluster_id"].index(claims["cluster_id"][head])] += 1
    pq.write_table(pa.Table.from_pydict(claims, schema=claims_schema), claims_path)
    pq.write_table(pa.Table.from_pydict(clusters, schema=clusters_schema), clusters_path)
    return claims["claim_id"][-1]


def test_a_claim_in_a_flagged_repeat_of_the_headline_is_a_finding(dataset_copy):
    claim_id = _annotate_the_repeat(dataset_copy)
    assert findings_of(dataset_copy, CHECK) == [(CHECK, claim_id, "start")]


def test_no_gold_claim_lies_in_a_repeated_headline(dataset_copy):
    assert findings_of(dataset_copy, CHECK) == []
