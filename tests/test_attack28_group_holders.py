"""A group stance whose evidence holds an unnamed source's speaker words is keyed by the group
those words name (S3's closed set, Q16): attack28 re-keyed a000's "Security analysts warn ..."
stance `observers` or `citizens` (id re-derived), and validate passed [holder-group-mismatch]. An
entity stance whose evidence holds a quote's speaker words is that speaker's, or at least an
entity's the clause mentions (S5): attack28 gave three such stances to other entities of their
articles, and validate passed [holder-not-speaker]."""

from __future__ import annotations

import pytest

from attack25_tools import findings_of, rows_of, write_rows

CHECK = "holder-group-mismatch"
A000 = "000_68b95635092649cd"
ANALYSTS = f"{A000}:s:group-analysts:land-strikes-mexico"


@pytest.mark.parametrize("key", ["observers", "citizens", "experts"])
def test_a_group_the_speaker_words_do_not_name_is_a_finding(dataset_copy, key):
    stances = rows_of(dataset_copy, "stances")
    row = next(s for s in stances if s["stance_id"] == ANALYSTS)
    new_id = f"{A000}:s:group-{key}:land-strikes-mexico"
    if any(s["stance_id"] == new_id for s in stances):  # a000 has an experts row on this target: swap the two keys
        other = next(s for s in stances if s["stance_id"] == new_id)
        other.update(holder_group="analysts", stance_id=ANALYSTS)
    row.update(holder_group=key, stance_id=new_id)
    stances.sort(key=lambda s: s["stance_id"])
    write_rows(dataset_copy, "stances", stances)
    found = sorted(row_id for _, row_id, _ in findings_of(dataset_copy, CHECK))
    assert found == sorted({new_id} | ({ANALYSTS} if key == "experts" else set()))


def test_the_gold_group_holders_are_the_groups_their_words_name(dataset_copy):
    assert findings_of(dataset_copy, CHECK) == []


HOLDER = "holder-not-speaker"
GIVEN_TO_OTHERS = {
    # a stance whose evidence holds its speaker's words, given to an entity of its article the clause does not mention
    "003_53ec89303f4de55c:s:claudia-sheinbaum:land-strikes-mexico": "sheinbaum-administration",
    "001_f1f49e9dc8ada067:s:claudia-sheinbaum:land-strikes-mexico": "colombia",
    "004_26f752040ea19616:s:donald-trump:land-strikes-mexico": "jalisco-new-generation-cartel",
}


@pytest.mark.parametrize("stance_id", sorted(GIVEN_TO_OTHERS))
def test_an_entity_holder_the_speaker_words_do_not_name_is_a_finding(dataset_copy, stance_id):
    stances = rows_of(dataset_copy, "stances")
    row = next(s for s in stances if s["stance_id"] == stance_id)
    article, _, _, target = stance_id.split(":")
    holder = GIVEN_TO_OTHERS[stance_id]
    assert any(m["entity_id"] == holder and m["article_id"] == article for m in rows_of(dataset_copy, "mentions"))
    new_id = f"{article}:s:{holder}:{target}"
    row.update(holder_id=holder, stance_id=new_id)
    stances.sort(key=lambda s: s["stance_id"])
    write_rows(dataset_copy, "stances", stances)
    assert [(row_id, column) for _, row_id, column in findings_of(dataset_copy, HOLDER)] == [(new_id, "holder_id")]


def test_an_entity_the_clause_mentions_may_hold_it(dataset_copy):
    """'Sheinbaum said Mexico seeks closer coordination with the US, ...' given to an entity the
    clause mentions: not judged (a clause holding another's words may be its subject's:
    "Sheinbaum rejected Trump's claim that ...")."""
    stances = rows_of(dataset_copy, "stances")
    stance_id = "003_53ec89303f4de55c:s:claudia-sheinbaum:land-strikes-mexico"
    row = next(s for s in stances if s["stance_id"] == stance_id)
    taken = {s["stance_id"] for s in stances}
    holder = next(m["entity_id"] for m in rows_of(dataset_copy, "mentions")
                  if m["article_id"] == row["article_id"] and row["evidence_start"] <= m["start"] < m["end"] <= row["evidence_end"]
                  and m["entity_id"] != "claudia-sheinbaum" and f"003_53ec89303f4de55c:s:{m['entity_id']}:land-strikes-mexico" not in taken)
    row.update(holder_id=holder, stance_id=f"003_53ec89303f4de55c:s:{holder}:land-strikes-mexico")
    stances.sort(key=lambda s: s["stance_id"])
    write_rows(dataset_copy, "stances", stances)
    assert findings_of(dataset_copy, HOLDER) == []
