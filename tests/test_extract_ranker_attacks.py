"""Attacks on the learned speaker ranker (issue 17): whatever the text or the weights, it changes
only speakers, never spans, kinds or row counts; a speaker never overlaps the row's own words; the
output is the same run to run and across processes and validates; a hand-edited weights file is
refused at import. Invented sentences and generated texts only."""

from __future__ import annotations

import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from landstrikes.cli import main
from landstrikes.extract.entities import find_mentions
from landstrikes.extract.quotes import find_quotes, rule_quotes
from landstrikes.extract.limits import TooComplex
from landstrikes.extract.ranker import (FEATURES, MAX_CANDIDATES, MAX_WEIGHT, WeightsError, check_weights, rank_speakers,
                                       speaker_candidates)
from landstrikes.extract import speaker_weights
from landstrikes.extract.speaker_weights import KINDS, MARGIN, WEIGHTS
from landstrikes.schema.labels import SILENT_SPEAKERS
from landstrikes.schema.tableio import read_table

PIECES = st.sampled_from([
    "Ann Lee", "Tom Varley", "Norcom Bank", "the Greens", "the Tories", "Norland", "the spokesman", "officials",
    "Dr Ben Ode", "Mrs Kim Park's", "He", "she", "they", "it", " said that ", " says ", " told ", " claim that ",
    " according to ", " added that ", ", ", ". ", "\n", "\n\n", "“", "”", '"', "‘", "’", "'", " the plan failed",
    " of ", " in ", " the levy was ", "a mistake", " and ", ":", " — ", "the Finance Act", "the Paris Summit",
])
TEXTS = st.lists(PIECES, min_size=1, max_size=40).map("".join)


def _frame(q) -> tuple:
    """All of a row but its speaker."""
    return q.start, q.end, q.kind, q.cue, q.parent


def _speaker_words(q) -> tuple[int, int] | None:
    s = q.speaker
    if s.mention is not None:
        return s.mention.start, s.mention.end
    return s.phrase


def _assert_only_speakers_changed(before, after) -> None:
    assert len(after) == len(before)
    assert [_frame(q) for q in after] == [_frame(q) for q in before]
    for q, rules in zip(after, before):
        words = _speaker_words(q)
        assert words is None or not (words[0] < q.end and q.start < words[1]), (q.start, q.end, words)
        if q.speaker != rules.speaker:
            assert q.speaker.mention.type not in SILENT_SPEAKERS, q.speaker  # Q6


# --- invariants over generated texts ------------------------------------------------------------


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_ranker_changes_only_speakers_and_never_onto_the_rows_words(text):
    mentions = find_mentions(text)
    rules, _, _ = rule_quotes(text, mentions)
    ranked = find_quotes(text, mentions)
    _assert_only_speakers_changed(rules, ranked)
    assert find_quotes(text, find_mentions(text)) == ranked  # same text, same rows


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_candidates_are_few_known_and_outside_the_row(text):
    """Bounded work per row: the rules' choice first, at most `MAX_CANDIDATES` rivals, each named
    outside the row's words, each feature a name the weights file may use."""
    rules, outside, genders = rule_quotes(text, find_mentions(text))
    found = speaker_candidates(rules, text, outside, genders)
    assert len(found) == len(rules)
    for q, row in zip(rules, found):
        assert row[0].rules and row[0].speaker == q.speaker and not any(c.rules for c in row[1:])
        assert len(row) <= MAX_CANDIDATES + 1
        for c in row[1:]:
            m = c.speaker.mention
            assert not (m.start < q.end and q.start < m.end) and set(c.features) <= FEATURES


def test_a_text_with_too_many_rows_is_refused_before_ranking(monkeypatch):
    import landstrikes.extract.quotes as quotes

    def never(*args, **kwargs):
        raise AssertionError("ranked rows it then refused")

    monkeypatch.setattr(quotes, "rank_speakers", never)
    text = "Ann Lee said that the plan had failed. " * 10_500
    with pytest.raises(TooComplex, match="quote rows"):
        quotes.find_quotes(text, find_mentions(text))


WEIGHT = st.floats(-MAX_WEIGHT, MAX_WEIGHT, allow_nan=False)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.dictionaries(st.sampled_from(sorted(FEATURES)), WEIGHT, min_size=1), st.floats(0, 2),
       st.sampled_from([("partial", "indirect"), ("direct", "partial", "indirect"), ("direct",)]))
def test_any_weights_change_only_speakers(text, weights, margin, kinds):
    """Whatever a retraining gives (any weights, margin, ranked kinds): spans, kinds and rows stay."""
    weights = {**dict.fromkeys(FEATURES, 0.0), **weights}
    check_weights(weights, margin, kinds)
    rules, outside, genders = rule_quotes(text, find_mentions(text))
    ranked = rank_speakers(rules, text, outside, genders, weights, kinds, margin)
    _assert_only_speakers_changed(rules, ranked)
    assert rank_speakers(rules, text, outside, genders, weights, kinds, margin) == ranked


@pytest.mark.parametrize("text, row", [
    ("The Finance Act says the levy must rise by 2%.", "the levy must rise by 2%"),
    ('The Paris Summit claimed that the "golden age" was over.', 'the "golden age" was over'),
    ('The Paris Summit claimed that the "golden age" was over.', "golden age"),
    ("Ann Lee spoke after the Paris Summit. She said the plan had failed.", "the plan had failed"),
])
def test_an_event_or_a_law_never_becomes_the_speaker(text, row):
    """Q6: an event or a law cannot utter words (validate's speaker-cannot-speak for annotators).
    The ranker gave the first three rows the law or the summit (the rules: no speaker)."""
    mentions = find_mentions(text)
    assert {m.type for m in mentions} & SILENT_SPEAKERS
    rules, _, _ = rule_quotes(text, mentions)
    ranked = find_quotes(text, mentions)
    _assert_only_speakers_changed(rules, ranked)
    q = next(q for q in ranked if text[q.start:q.end] == row)
    assert q.speaker.mention is None or q.speaker.mention.type not in SILENT_SPEAKERS


def test_every_candidate_tied_keeps_the_rules_choice():
    """Equal weights everywhere: no rival beats the rules' choice by more than the margin."""
    text = ("Ann Lee and Tom Varley and Ben Ode and Kim Park met. " * 3 + "The Tories say the plan failed. ") * 20
    rules, outside, genders = rule_quotes(text, find_mentions(text))
    assert rank_speakers(rules, text, outside, genders, {"rules": 0.0}, KINDS, 0.0) == rules


# --- the weights file ---------------------------------------------------------------------------


@pytest.mark.parametrize("weights, margin, kinds, message", [
    ({**WEIGHTS, "distnace": 0.5}, MARGIN, KINDS, "never computes: distnace"),
    ({k: v for k, v in WEIGHTS.items() if k != "touches_cue"}, MARGIN, KINDS, "lacks features the ranker computes (0.0 if unused): touches_cue"),
    ({**WEIGHTS, "distance": math.nan}, MARGIN, KINDS, "WEIGHTS['distance'] is nan"),
    ({**WEIGHTS, "distance": math.inf}, MARGIN, KINDS, "WEIGHTS['distance'] is inf"),
    ({**WEIGHTS, "distance": -575.0}, MARGIN, KINDS, "WEIGHTS['distance'] is -575.0"),
    ({**WEIGHTS, "distance": "-0.575"}, MARGIN, KINDS, "WEIGHTS['distance'] is '-0.575'"),
    ({**WEIGHTS, "distance": True}, MARGIN, KINDS, "WEIGHTS['distance'] is True"),
    (WEIGHTS, math.nan, KINDS, "MARGIN is nan"),
    (WEIGHTS, -1.0, KINDS, "MARGIN is -1.0"),
    (WEIGHTS, MARGIN, ("partial", "indriect"), "KINDS is ('partial', 'indriect')"),
    (WEIGHTS, MARGIN, "partial", "KINDS is 'partial'"),
])
def test_a_hand_edited_weights_file_is_refused(weights, margin, kinds, message):
    with pytest.raises(WeightsError, match="^speaker_weights") as refused:
        check_weights(weights, margin, kinds)
    assert message in str(refused.value)


def test_the_shipped_weights_pass_and_a_bad_one_stops_the_import():
    check_weights(WEIGHTS, MARGIN, KINDS)
    source = Path(speaker_weights.__file__).read_text(encoding="utf-8").replace("'distance': -0.575,", "'distance': float('nan'),")
    assert "float('nan')" in source
    code = ("import sys, types, landstrikes; name = 'landstrikes.extract.speaker_weights'; w = types.ModuleType(name); "
            f"exec({source!r}, w.__dict__); sys.modules[name] = w; import landstrikes.extract")  # the file as edited by hand
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode != 0 and "WeightsError: speaker_weights.WEIGHTS['distance'] is nan" in done.stderr


# --- the whole command ----------------------------------------------------------------------------

CROWDED = {
    "names": " ".join(f"Ann{chr(65 + i % 26)} Lee{chr(65 + i // 26 % 26)}," for i in range(400)) + " the Tories say the plan failed.",
    "pronouns": "Ann Lee met Tom Varley. " + "He and she and he, " * 300 + "she said that the plan failed.",
    "reports": "Ann Lee said that Tom Varley said that Ben Ode said that " * 60 + "it failed.",
    "partials": 'Ann Lee said the cut "was a mistake", and Tom Varley said that it "would fail", ' * 200,
    "ties": "Ann Lee and Ann Lee and Tom Lee and Tom Lee said that it failed. " * 100,
    "unbalanced": 'Ann Lee said that “the plan ‘failed, Tom Varley said "' * 100,
}


def test_crowded_texts_extract_the_same_with_one_and_two_processes_and_validate(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name, text in CROWDED.items():
        (raw / f"{name}.txt").write_text(text, encoding="utf-8")
    assert main(["extract", str(raw), "--out", str(tmp_path / "one")]) == 0
    assert main(["extract", str(raw), "--out", str(tmp_path / "two"), "--num-proc", "2"]) == 0
    for table in ("mentions", "quotes"):
        one, two = (read_table(tmp_path / out / "data" / table) for out in ("one", "two"))
        key = one.columns[0]
        assert one.sort_values(key, ignore_index=True).equals(two.sort_values(key, ignore_index=True)), table
    assert len(read_table(tmp_path / "one" / "data" / "quotes")) > 500
    assert main(["validate", str(tmp_path / "one")]) == 0


def test_crowded_texts_extract_the_same_under_another_hash_seed(tmp_path):
    """No set or dict order decides a speaker: two processes with different string hashing agree."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for name, text in CROWDED.items():
        (raw / f"{name}.txt").write_text(text, encoding="utf-8")
    code = "import sys; from landstrikes.cli import main; sys.exit(main(sys.argv[1:]))"
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "HF_HUB_OFFLINE": "1"}
        subprocess.run([sys.executable, "-c", code, "extract", str(raw), "--out", str(tmp_path / seed)], check=True, env=env,
                       capture_output=True)
    one, two = (read_table(tmp_path / seed / "data" / "quotes") for seed in ("1", "2"))
    assert len(one) > 500 and one.equals(two)

