"""`cue_lemma` is the base form of `cue_text` (Q5): English morphology decides, not a list of the
cues seen so far, and the extractor's own cue lexicon obeys the same rule. The rule checks that
the lemma fits the cue, not that it is a dictionary headword: 'calling for' -> 'calling' passes."""

from __future__ import annotations

import pandas as pd
import pytest

from landstrikes.extract.cues import LEMMA
from landstrikes.schema.cue_lemma import check_cue_lemmas, is_lemma_of
from landstrikes.schema.report import Report


@pytest.mark.parametrize("cue, lemma", [
    ("said", "say"), ("says", "say"), ("saying", "say"), ("told", "tell"), ("wrote", "write"),
    ("warned", "warn"), ("arguing", "argue"), ("argued", "argue"), ("denied", "deny"), ("replies", "reply"),
    ("admitted", "admit"), ("signalled", "signal"), ("stresses", "stress"), ("emphasised", "emphasize"),
    ("declaration", "declare"), ("statement", "state"), ("denial", "deny"), ("claims", "claim"),
    ("Declares", "declare"), ("According to", "according to"), ("calling for", "call for"),
    ("described as", "describe"), ("went on", "go on"), (":", ":"),
])
def test_a_cue_and_its_base_form_agree(cue, lemma):
    assert is_lemma_of(cue, lemma)


@pytest.mark.parametrize("cue, lemma", [
    ("said", "shout"), ("told", "say"), ("denied", "deny it"), ("deny", "denied"), ("said", ""),
    ("warned", "war"), ("say", ":"), ("calling for", "call to"),
])
def test_a_lemma_that_is_not_the_cue_base_form_disagrees(cue, lemma):
    assert not is_lemma_of(cue, lemma)


@pytest.mark.parametrize("cue, lemma", [
    ("noted", "not"), ("stated", "stat"), ("hoped", "hop"), ("quoted", "quot"), ("voted", "vot"),
    ("noting", "not"), ("hoping", "hop"), ("notes", "not"), ("quotes", "quot"), ("states", "stat"),
])
def test_a_lemma_stripped_of_its_silent_e_disagrees(cue, lemma):
    """attack4: a naive suffix-stripper's 'noted' -> 'not' passed. A one-syllable
    consonant-vowel-consonant word doubles before -ed/-ing, and -es follows only sibilants or o."""
    assert not is_lemma_of(cue, lemma)


@pytest.mark.parametrize("cue, lemma", [
    ("stopped", "stop"), ("planning", "plan"), ("nodded", "nod"), ("quipped", "quip"), ("quitting", "quit"),
    ("chatted", "chat"), ("noted", "note"), ("notes", "note"), ("quoted", "quote"), ("vowed", "vow"),
    ("fixes", "fix"), ("buses", "bus"), ("echoes", "echo"), ("quizzes", "quiz"), ("pleaded", "plead"),
    ("opened", "open"), ("visited", "visit"), ("traveled", "travel"), ("occurrence", "occur"), ("hit", "hit"),
])
def test_doubling_and_es_spelling_rules_keep_real_forms(cue, lemma):
    assert is_lemma_of(cue, lemma)


def test_every_form_in_the_extractor_cue_lexicon_has_its_base_form_as_lemma():
    assert [(form, lemma) for form, lemma in LEMMA.items() if not is_lemma_of(form, lemma)] == []


def _findings(rows):
    quotes = pd.DataFrame(rows, columns=["quote_id", "cue_text", "cue_lemma"])
    report = Report(path="x")
    check_cue_lemmas({"quotes": quotes}, report)
    return [(f.check, f.row_id, f.value) for f in report.findings]


def test_each_quote_with_a_contradicting_lemma_is_named():
    rows = [("q1", "said", "say"), ("q2", "said", "shout"), ("q3", "told", "tell"), ("q4", "said", "shout")]
    assert _findings(rows) == [("cue-lemma-mismatch", "q2", "shout"), ("cue-lemma-mismatch", "q4", "shout")]


def test_a_cue_without_lemma_and_a_lemma_without_cue_are_named():
    rows = [("q1", None, None), ("q2", "said", None), ("q3", None, "say")]
    assert sorted(row for _, row, _ in _findings(rows)) == ["q2", "q3"]


@pytest.mark.parametrize("cue, lemma", [
    ("said", "sai"), ("told", "tol"), ("announced", "announcee"),  # a bare '-d' made any stem a lemma
    ("said", "say\u00a0"), ("said", " say"), ("according to", "according  to"),  # a base form has no stray spaces
])
def test_a_truncated_or_space_padded_lemma_disagrees(cue, lemma):
    assert not is_lemma_of(cue, lemma)


@pytest.mark.parametrize("cue, lemma", [
    ("sought", "seek"), ("held", "hold"), ("found", "find"), ("stood by", "stand by"), ("took", "take"),
    ("conclusion", "conclude"), ("decision", "decide"), ("response", "respond"), ("complaint", "complain"),
    ("description", "describe"), ("emphasized", "emphasise"), ("realized", "realise"), ("warnings", "warn"),
    ("declared", "declare"), ("agreed", "agree"), ("died", "die"), ("lied", "lie"),
])
def test_real_reporting_cues_with_irregular_noun_or_american_forms_agree(cue, lemma):
    assert is_lemma_of(cue, lemma)
