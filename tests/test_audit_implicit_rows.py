"""The precision audit judges an `implicit` row on its speaker entity (AUDIT.md note 16). Such a
row has an entity and no mention (Q9); the sheets printed only "speaker mention: none", so judges
labelled every one `missing` whatever its entity. Now the sheet shows the entity and a judgment
records it, so a judgment made without it, or with another entity, does not cover the row.
Invented rows only: no dev-news text is read."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks" / "dev"))

from audit import judgment_key, resolve, speaker_mention  # noqa: E402


def row(start=None, end=None, entity=None, kind="direct"):
    return {"start": 10, "end": 40, "kind": kind, "speaker_start": start, "speaker_end": end, "speaker_id": entity}


def test_an_implicit_row_is_recorded_with_its_entity_and_no_offsets():
    assert speaker_mention(row(entity="ann-lee")) == [None, None, "ann-lee"]


def test_an_attributed_row_and_a_row_with_no_speaker_are_recorded_as_before():
    assert speaker_mention(row(3, 6, "ann-lee")) == [3, 6, "ann-lee"]
    assert speaker_mention(row()) is None


def test_a_judgment_made_without_the_entity_no_longer_covers_an_implicit_row():
    judged_blind = {judgment_key("t", {**row(), "speaker_mention": None}, True): {}}
    assert resolve(judged_blind, "t", row(entity="ann-lee")) is None


def test_a_judgment_of_one_entity_does_not_cover_the_row_given_another():
    judged = {judgment_key("t", {**row(), "speaker_mention": [None, None, "ann-lee"]}, True): {}}
    assert resolve(judged, "t", row(entity="ann-lee")) is not None
    assert resolve(judged, "t", row(entity="kai")) is None
