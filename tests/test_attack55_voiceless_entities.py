"""Q6, C3, S3: a speaker is someone who utters words, a claimant someone who says or holds a
proposition, a stance holder someone who takes a side: "a person, an organisation, a country or a
group of people" (S3), "a person, an organisation, a country, a group or a medium" (C3), a
publication or author (Q6). A `LOC` is a non-political place (E2: the Caribbean Sea) and an
`OTHER` anything else catalogued (E2: a poll, a programme; C3: "a poll states nothing by itself"):
neither is any of them. attack55: a stance's holder moved to the Caribbean Sea, mentioned in its
article, id re-derived, validated; so did every speaker, claimant or holder retyped LOC or OTHER
(the checks read EVENT and LAW only). No release has a LOC or OTHER speaker, claimant or holder."""

from __future__ import annotations

import pytest

from attack25_tools import findings_of, rows_of, write_rows


def test_a_stance_held_by_a_sea_is_a_finding(dataset_copy):
    """a000: "With Mexico rejecting foreign intervention" given to `caribbean-sea`, which a000 mentions."""
    stances = rows_of(dataset_copy, "stances")
    row = next(s for s in stances if s["stance_id"] == "000_68b95635092649cd:s:mexico:land-strikes-mexico")
    assert any(m["entity_id"] == "caribbean-sea" and m["article_id"] == row["article_id"] for m in rows_of(dataset_copy, "mentions"))
    row["holder_id"] = "caribbean-sea"
    row["stance_id"] = "000_68b95635092649cd:s:caribbean-sea:land-strikes-mexico"
    write_rows(dataset_copy, "stances", stances)
    assert findings_of(dataset_copy, "holder-cannot-hold") == [("holder-cannot-hold", row["stance_id"], "holder_id")]


@pytest.mark.parametrize("new_type", ["LOC", "OTHER"])
def test_every_row_naming_an_entity_retyped_to_a_place_or_other_is_a_finding(dataset_copy, new_type):
    """`mexico` speaks, claims and holds stances in the gold; typed a place or OTHER, each row that
    names it is a finding of its table's rule."""
    entities = rows_of(dataset_copy, "entities")
    next(e for e in entities if e["entity_id"] == "mexico")["type"] = new_type
    write_rows(dataset_copy, "entities", entities)
    quotes = {(q["quote_id"], column) for q in rows_of(dataset_copy, "quotes") if q["source"] == "gold"
              for column in ("speaker_id", "speaker_ids") if q[column] == "mexico" or "mexico" in (q["speaker_ids"] if column == "speaker_ids" else ())}
    claims = [c["claim_id"] for c in rows_of(dataset_copy, "claims") if c["claimant_id"] == "mexico" and c["source"] == "gold"]
    stances = [s["stance_id"] for s in rows_of(dataset_copy, "stances") if s["holder_id"] == "mexico"]
    assert quotes and claims and stances
    assert {(r, c) for _, r, c in findings_of(dataset_copy, "speaker-cannot-speak")} == quotes
    assert [r for _, r, _ in findings_of(dataset_copy, "claimant-cannot-claim")] == claims
    assert [r for _, r, _ in findings_of(dataset_copy, "holder-cannot-hold")] == stances


@pytest.mark.parametrize("kind", ["PERSON", "ORG", "GPE", "NORP", "MEDIA"])
def test_people_bodies_countries_groups_and_media_may_speak_claim_and_hold(dataset_copy, kind):
    entities = rows_of(dataset_copy, "entities")
    next(e for e in entities if e["entity_id"] == "mexico")["type"] = kind
    write_rows(dataset_copy, "entities", entities)
    for check in ("speaker-cannot-speak", "claimant-cannot-claim", "holder-cannot-hold"):
        assert findings_of(dataset_copy, check) == []
