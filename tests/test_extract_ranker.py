"""The learned speaker ranker (issue 17): the rules' choice is one candidate; a linear model over
the candidates' features picks the speaker of partial and indirect rows. Invented sentences only."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from landstrikes.extract.article import extract_article

DEV = Path(__file__).resolve().parents[1] / "benchmarks" / "dev"


def speakers(text: str) -> list[tuple[str, str, str | None, str | None]]:
    """(kind, quoted words, speaker words, speaker entity) of every quote row."""
    return [(q["kind"], q["text"], q["speaker_text"], q["speaker_id"]) for q in extract_article("x", text)["quotes"]]


# --- the weights file ---------------------------------------------------------------------------


def test_weights_file_names_only_features_the_ranker_computes():
    from landstrikes.extract.ranker import FEATURES, RANKED_KINDS
    from landstrikes.extract.speaker_weights import KINDS, MARGIN, WEIGHTS

    assert WEIGHTS and set(WEIGHTS) <= FEATURES
    assert all(isinstance(v, float) and round(v, 3) == v for v in WEIGHTS.values())
    assert list(WEIGHTS) == sorted(WEIGHTS)
    assert set(KINDS) <= set(RANKED_KINDS) and MARGIN >= 0


def test_every_feature_a_candidate_gets_is_a_known_name():
    from landstrikes.extract.entities import find_mentions
    from landstrikes.extract.quotes import rule_quotes
    from landstrikes.extract.ranker import FEATURES, speaker_candidates

    text = ("Ann Lee said the bridge would open in May. She added that tolls would stay low. \"It is a fine day,\" "
            "said Tom Varley of Norcom Bank. The Greens say the levy failed, according to officials in Norland.")
    quotes, outside, genders = rule_quotes(text, find_mentions(text))
    found = speaker_candidates(quotes, text, outside, genders)
    names = {k for row in found for c in row for k in c.features}
    assert names and names <= FEATURES
    assert all(row[0].rules and not any(c.rules for c in row[1:]) for row in found)


# --- determinism --------------------------------------------------------------------------------


def test_ranker_gives_the_same_rows_every_run():
    text = "The Tories say the levy has failed. The audit came out on Friday, but Labour said the cuts went too far."
    first = extract_article("x", text)["quotes"]
    assert all(extract_article("x", text)["quotes"] == first for _ in range(3))


def test_a_tie_keeps_the_rules_choice():
    from landstrikes.extract.ranker import best_candidate

    assert best_candidate([{"a": 1.0}, {"a": 1.0}], {"a": 2.0}, 0.0) == 0
    assert best_candidate([{"a": 1.0}, {"b": 1.0}], {"a": 1.0, "b": 1.5}, 1.0) == 0  # beats it, but not by the margin
    assert best_candidate([{"a": 1.0}, {"b": 1.0}], {"a": 1.0, "b": 2.5}, 1.0) == 1


# --- classes the rules got wrong and the ranker gets right (each fails on the code before it) -------


def test_a_party_saying_something_is_its_speaker():
    """`The <party> say that ...`: the rules left the report unattributed; the party speaks."""
    rows = speakers("Prices rose again in March. The Tories say the new levy on fuel has failed to raise money. Ministers disagree.")
    assert [(k, s, e) for k, _, s, e in rows] == [("indirect", "Tories", "tories")]


def test_a_party_saying_something_beside_another_report():
    rows = speakers("The audit came out on Friday. The Tories say every figure needs a second look, but Labour said the cuts went too far.")
    assert [(s, e) for _, _, s, e in rows] == [("Tories", "tories"), ("Labour", "labour")]


@pytest.mark.parametrize("text", [
    'Tom Varley of the Greens said rather than the "golden age" Norcom had promised, riders got only delays.',
    'Tom Varley of the Greens said rather than the "golden age" the Tories promised, riders got only delays.',
])
def test_a_partial_quote_inside_a_report_takes_the_person_who_reports(text):
    """A body named right after the quoted phrase (the subject of what it had promised): the rules
    gave the phrase no speaker; the ranker gives it the person who reports it."""
    assert ("partial", "golden age", "Tom Varley", "tom-varley") in speakers(text)


# --- guards: the rules' right choice stands ---------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("Ann Lee said the bridge would open in May. She added that tolls would stay low.",
     [("Ann Lee", "ann-lee"), ("She", "ann-lee")]),
    ("Tom Varley told the Daily Courier that the strike would end soon.", [("Tom Varley", "tom-varley")]),
    ("Mara Quist, a Danish-Norwegian sailor, said on Tuesday that she was well and would finish the race.",
     [("Mara Quist", "mara-quist")]),
    ("The Greens claim that of the money pledged for parks, only a tenth had been spent.", [("Greens", "greens")]),
])
def test_the_rules_right_speaker_is_not_overridden(text, expected):
    assert [(s, e) for _, _, s, e in speakers(text)] == expected


def test_another_mention_of_the_same_speaker_is_never_swapped_in():
    """`Ann Lee, the party chairman, said`: the rules cite the name; the role noun names the same
    person, so the ranker leaves the row as it is."""
    rows = speakers('The Tories say the levy has failed. Ann Lee, the party chairman, said that the levy was "a mistake".')
    assert ("indirect", 'the levy was "a mistake"', "Ann Lee", "ann-lee") in rows


def test_direct_quotes_keep_the_rules_speaker():
    """Cross-validation found no gain on direct quotes, so the ranker does not decide them."""
    from landstrikes.extract.speaker_weights import KINDS

    assert "direct" not in KINDS
    rows = speakers('"We will not give up," said Ann Lee, a Norcom spokeswoman. The Tories say the plan failed.')
    assert rows[0][0] == "direct" and rows[0][2:] == ("Ann Lee", "ann-lee")


# --- bounded work -------------------------------------------------------------------------------


def test_many_names_around_many_reports_stay_fast():
    """At most `MAX_CANDIDATES` mentions per row, found by bisection: linear in the rows."""
    sentence = "Ann Lee, Tom Varley and Ben Ode of Norland said that the plan had failed. "
    text = sentence * 1500
    started = time.process_time()
    rows = extract_article("x", text)["quotes"]
    assert len(rows) == 1500 and time.process_time() - started < 20


# --- training -----------------------------------------------------------------------------------


def _train_module():
    sys.path.insert(0, str(DEV))
    sys.path.insert(0, str(DEV.parent))
    import train_speakers

    return train_speakers


def test_training_is_deterministic_and_learns_the_evidence():
    train = _train_module()
    examples = [
        {"features": [{"rules": 1.0, "far": 1.0}, {"near": 1.0}], "right": [False, True], "wrong": [True, False]},
        {"features": [{"rules": 1.0, "near": 1.0}, {"far": 1.0}], "right": [True, False], "wrong": [False, True]},
        {"features": [{"rules": 1.0, "far": 1.0}, {"near": 1.0}, {"far": 1.0}], "right": [False, False, False], "wrong": [True, False, False]},
    ] * 3
    first, second = train.fit(examples), train.fit(examples)
    assert first == second
    assert first["near"] > first["far"]
    assert all(round(v, 3) == v for v in first.values())
