"""C10: "A headline (and a subheadline or 'Breaking:' line) states a claim in the article's own
voice", and a section heading that states something is "a claim like a headline". attack25
attributed a000's headline claim ("Trump Signals Land Strikes Against Mexico's Drug Cartels") to
`donald-trump`, hedging `attributed`: validate said VALID [headline-claim-attributed]. All 23 gold
claims in headlines and section headings are the article's own (asserted, no claimant)."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from attack25_tools import findings_of

CHECK = "headline-claim-attributed"


def _attribute_first_claim_in(folder, kind: str) -> str:
    segment = next(s for s in pq.read_table(folder / "data" / "segments").to_pylist() if s["kind"] == kind)
    path = folder / "data" / "claims" / "claims.parquet"
    claims = pq.read_table(path).to_pylist()
    claim = next(c for c in claims if c["article_id"] == segment["article_id"] and segment["start"] <= c["start"] < segment["end"])
    person = next(m["entity_id"] for m in pq.read_table(folder / "data" / "mentions").to_pylist()
                  if m["article_id"] == claim["article_id"] and m["entity_id"] == "donald-trump")
    claim.update(hedging="attributed", claimant_id=person)
    pq.write_table(pa.Table.from_pylist(claims, schema=pq.read_schema(path)), path)
    return claim["claim_id"]


@pytest.mark.parametrize("kind", ["headline", "section_heading"])
def test_a_heading_claim_attributed_to_someone_is_a_finding(dataset_copy, kind):
    claim_id = _attribute_first_claim_in(dataset_copy, kind)
    assert findings_of(dataset_copy, CHECK) == [(CHECK, claim_id, "hedging")]


def test_the_gold_heading_claims_are_the_articles_own(dataset_copy):
    assert findings_of(dataset_copy, CHECK) == []
