"""A group stance whose evidence holds an unnamed source's speaker words is keyed by the group
those words name (S3's closed set, Q16): attack28 re-keyed a000's "Security analysts warn ..."
stance `observers` or `citizens` (id re-derived), and validate passed [holder-group-mismatch]."""

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
