"""attack31: two partition-local rules gave one finding per claim id, not per claim row, so two
rows sharing an id (a `duplicate-id`) in two articles were one finding in one folder and two under
`validate --engine` with the articles in different tasks; and in one folder one broken row hid
behind the other. `claim-in-repeated-headline` kept one flag per id (a dict keyed by id),
`fabricated-claim-matches-record` one finding per id (`unique()`). Each rule now names every row."""

from __future__ import annotations

from attack25_tools import rows_of, write_rows
from landstrikes.engines.partitions import repartition
from landstrikes.engines.validate import validate_partitioned
from landstrikes.schema import validate


def _claim_at(template: dict, claim_id: str, article: str, text: str, start: int, end: int, **values) -> dict:
    return {**template, "claim_id": claim_id, "article_id": article, "start": start, "end": end, "text": text[start:end],
            "contradicted_by": [], **values}


def test_two_claims_sharing_an_id_in_two_repeated_headlines_are_two_findings_both_ways(dataset_copy, tmp_path):
    texts = {a["article_id"]: a["text"] for a in rows_of(dataset_copy, "articles")}
    first, third = sorted(texts)[0], sorted(texts)[2]  # duplicate_headline flags at 82-162 and 15-96
    claims = rows_of(dataset_copy, "claims")
    template = next(c for c in claims if c["article_id"] == first)
    claim_id = f"{first}:c:90-100"
    claims += [_claim_at(template, claim_id, first, texts[first], 90, 100), _claim_at(template, claim_id, third, texts[third], 20, 30)]
    write_rows(dataset_copy, "claims", claims)
    one = validate(dataset_copy)
    assert [f.value.split(":")[0] for f in one.findings if f.check == "claim-in-repeated-headline"] == [first, third]
    repartition(dataset_copy / "data", tmp_path / "parts" / "data")
    assert sorted(validate_partitioned(tmp_path / "parts", "local", num_proc=2, task_floor=1).findings) == sorted(one.findings)


def test_two_claims_sharing_an_id_over_fabricated_content_are_two_findings(dataset_copy):
    flags = [f for f in rows_of(dataset_copy, "quality_flags") if f["flag"] == "fabricated_content"]
    texts = {a["article_id"]: a["text"] for a in rows_of(dataset_copy, "articles")}
    claims = rows_of(dataset_copy, "claims")
    template = next(c for c in claims if c["record_status"] == "matches")
    a, b = flags[0], flags[-1]
    claim_id = f"{a['article_id']}:c:{a['start']}-{a['start'] + 5}"
    claims += [_claim_at(template, claim_id, f["article_id"], texts[f["article_id"]], f["start"], f["start"] + 5, record_status="matches")
               for f in (a, b)]
    write_rows(dataset_copy, "claims", claims)
    found = [f.row_id for f in validate(dataset_copy).findings if f.check == "fabricated-claim-matches-record"]
    assert found.count(claim_id) == 2


def test_a_refused_value_beside_a_nan_of_another_row_sharing_its_id_is_reported_both_ways(dataset_copy, tmp_path):
    """validate drops a Pandera finding the Arrow checks already gave (a NaN, which pandas reads
    as null); keyed by (column, row id), that dropped the out-of-range confidence of a row whose
    id another row, holding a NaN confidence, shares: reported under --engine with the two rows
    in two tasks, not in one folder. Keyed by the cell now."""
    claims = rows_of(dataset_copy, "claims")
    first = next(c for c in claims if c["article_id"] == sorted({c["article_id"] for c in claims})[0])
    other = next(c for c in claims if c["article_id"] == sorted({c["article_id"] for c in claims})[2])
    other["claim_id"] = first["claim_id"]
    first["confidence"], other["confidence"] = float("nan"), 1.5
    write_rows(dataset_copy, "claims", claims)
    one = validate(dataset_copy)
    assert {f.check for f in one.findings if f.column == "confidence"} >= {"non-finite-float", "out-of-range"}
    repartition(dataset_copy / "data", tmp_path / "parts" / "data")
    assert sorted(validate_partitioned(tmp_path / "parts", "local", num_proc=2, task_floor=1).findings) == sorted(one.findings)
