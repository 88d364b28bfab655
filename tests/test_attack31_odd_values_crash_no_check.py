"""attack31: two values the schema refuses, each beside one more slip, crashed a whole check, so
the check judged no row at all (README: "a value the schema refuses never crashes a check").

- A claim whose `article_id` is null, in a cluster other articles state, beside a claim of that
  cluster called `uncorroborated`: `check_claims` sorted the cluster's article ids, None among
  strings (TypeError), and `consistency-cluster-mismatch` went unreported.
- A NOMINAL mention ending at 2^62 and a NAME mention of its entity ending at -1:
  `check_nominal_titles` read "the text between them" from the clipped end to the NAME's start
  (IndexError in the string views), where `span-out-of-range` and `negative-offset` are the
  findings; it now judges only mentions lying in their article.

Found by validating copies of the gold with odd values (null, NaN, -1, 2^62, -2^63, "", ...)
in a tenth of the cells of random columns."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq

from attack25_tools import rows_of, table_path, write_rows
from landstrikes.schema import validate


def _write_nullable(folder, table: str, rows: list[dict], column: str) -> None:
    path = table_path(folder, table)
    schema = pq.read_schema(path)
    k = schema.get_field_index(column)
    pq.write_table(pa.Table.from_pylist(rows, schema=schema.set(k, schema.field(k).with_nullable(True))), path)


def _crashed(findings) -> list[str]:
    return [f.message for f in findings if f.check == "check-crashed"]


def test_a_null_article_id_in_a_shared_cluster_leaves_the_cluster_rule_judged(dataset_copy):
    claims = rows_of(dataset_copy, "claims")
    cluster = [c for c in claims if c["cluster_id"] == "c-cartels-run-mexico"]
    assert len({c["article_id"] for c in cluster}) > 2
    cluster[0]["consistency"] = "uncorroborated"  # stated in other articles: corroborated (C8)
    cluster[1]["article_id"] = None
    _write_nullable(dataset_copy, "claims", claims, "article_id")
    findings = validate(dataset_copy).findings
    assert _crashed(findings) == []
    assert [f.row_id for f in findings if f.check == "consistency-cluster-mismatch"] == [cluster[0]["claim_id"]]


def test_a_nominal_ending_past_2_to_the_31_and_its_name_ending_before_it_starts_crash_no_check(dataset_copy):
    """The NOMINAL's end, clipped to 2^31 - 1, was read as the start of the text before a NAME
    whose end is -1: a slice of negative length."""
    mentions = rows_of(dataset_copy, "mentions")
    article = mentions[0]["article_id"]
    named = {m["entity_id"] for m in mentions if m["article_id"] == article and m["kind"] == "NAME"}
    nominal = next(m for m in mentions if m["article_id"] == article and m["kind"] == "NOMINAL" and m["entity_id"] in named)
    name = next(m for m in mentions if m["article_id"] == article and m["kind"] == "NAME" and m["entity_id"] == nominal["entity_id"])
    nominal["end"], name["end"] = 2**62, -1
    write_rows(dataset_copy, "mentions", mentions)
    findings = validate(dataset_copy).findings
    assert _crashed(findings) == []
    assert {f.row_id for f in findings if f.check in ("span-out-of-range", "negative-offset")} >= {nominal["mention_id"], name["mention_id"]}
    assert [f for f in findings if f.check == "nominal-is-a-title"] == []
