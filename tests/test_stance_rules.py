"""S3 and S4 as checks (guidelines 2.2): a stance holder can take a side, and an article that gives
anyone's stance on a target has its own article-voice row on it. Before 2.2 both breaks validated
(attack15: deleting an article-voice row, or `maduro-operation` holding a stance), and the 2.1.0
gold itself lacked two article-voice rows."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import load, save
from landstrikes.schema import validate
from landstrikes.schema.report import Report
from landstrikes.schema.stances_checks import check_article_voice, check_fnc_label_per_article, check_stance_holders

ENTITIES = pd.DataFrame({
    "entity_id": ["claudia-sheinbaum", "mexico", "maduro-operation", "usmca"],
    "type": ["PERSON", "GPE", "EVENT", "LAW"],
})


def stance(article, kind, holder, target, group=None):
    who = {"entity": holder, "group": f"group-{group}", "article": "article"}[kind]
    return {"stance_id": f"{article}:s:{who}:{target}", "article_id": article, "holder_kind": kind,
            "holder_id": holder, "holder_group": group, "target_id": target}


def findings(check, *rows):
    report = Report(path="x")
    check({"entities": ENTITIES, "stances": pd.DataFrame(list(rows))}, report)
    return [(f.check, f.row_id, f.column, f.value) for f in report.findings]


def test_an_article_that_gives_a_stance_on_a_target_and_its_own_voice_on_it_passes():
    assert findings(check_article_voice,
                    stance("a", "entity", "mexico", "land"), stance("a", "group", None, "land", "critics"),
                    stance("a", "article", None, "land")) == []


def test_an_article_voice_row_alone_needs_no_other_holder():
    assert findings(check_article_voice, stance("a", "article", None, "land")) == []


def test_an_article_without_its_voice_on_a_target_it_addresses_is_named_once_on_the_first_row():
    rows = (stance("a", "group", None, "land", "critics"), stance("a", "entity", "mexico", "land"),
            stance("a", "article", None, "coop"))
    assert findings(check_article_voice, *rows) == [
        ("article-voice-missing", "a:s:group-critics:land", "target_id", "land")]


def test_another_article_s_voice_does_not_count():
    rows = (stance("a", "entity", "mexico", "land"), stance("b", "article", None, "land"))
    assert findings(check_article_voice, *rows) == [("article-voice-missing", "a:s:mexico:land", "target_id", "land")]


@pytest.mark.parametrize("holder", ["claudia-sheinbaum", "mexico", "not-catalogued"])
def test_a_person_a_country_or_an_unknown_id_may_hold_a_stance(holder):
    """(An id missing from the catalogue is dangling-foreign-key's to name.)"""
    assert findings(check_stance_holders, stance("a", "entity", holder, "land")) == []


@pytest.mark.parametrize("holder", ["maduro-operation", "usmca"])
def test_an_event_or_a_law_cannot_hold_a_stance(holder):
    assert findings(check_stance_holders, stance("a", "entity", holder, "land")) == [
        ("holder-cannot-hold", f"a:s:{holder}:land", "holder_id", holder)]


def test_deleting_an_article_voice_row_from_the_gold_is_not_valid(dataset_copy):
    stances = load(dataset_copy, "stances")
    gone = stances.index[(stances["holder_kind"] == "article") & (stances["target_id"] == "land-strikes-mexico")][0]
    article = stances.loc[gone, "article_id"]
    save(dataset_copy, "stances", stances.drop(index=gone).reset_index(drop=True))
    report = validate(dataset_copy)
    assert [(f.check, f.value) for f in report.findings] == [("article-voice-missing", "land-strikes-mexico")]
    assert report.findings[0].row_id.startswith(article)


def test_an_event_holding_a_stance_in_the_gold_is_not_valid(dataset_copy):
    stances = load(dataset_copy, "stances")
    row = stances.index[stances["holder_id"] == "united-states"][0]
    old = stances.loc[row, "stance_id"]
    stances.loc[row, "holder_id"] = "maduro-operation"
    stances.loc[row, "stance_id"] = old.replace(":united-states:", ":maduro-operation:")
    save(dataset_copy, "stances", stances.sort_values("stance_id").reset_index(drop=True))
    assert [(f.check, f.column) for f in validate(dataset_copy).findings] == [("holder-cannot-hold", "holder_id")]


def voice(article, target, fnc):
    return {**stance(article, "article", None, target), "fnc_label": fnc}


def test_an_article_s_voice_rows_share_one_headline_relation():
    rows = (voice("a", "coop", "agree"), voice("a", "land", "agree"), voice("b", "land", "discuss"))
    assert findings(check_fnc_label_per_article, *rows) == []


def test_a_voice_row_with_another_headline_relation_than_its_article_s_first_is_named():
    """First in id order, whatever order the rows come in."""
    rows = (voice("a", "land", "discuss"), voice("a", "maduro", "agree"), voice("a", "coop", "agree"))
    assert findings(check_fnc_label_per_article, *rows) == [("fnc-label-varies", "a:s:article:land", "fnc_label", "discuss")]


def test_a_pair_without_its_voice_is_named_on_the_target_column_with_the_target_as_value():
    """The value of a finding is what its column holds: the pair's target, in `target_id`
    (review16: it was placed in `holder_kind`, a column that never holds a target)."""
    (finding,) = findings(check_article_voice, stance("a", "entity", "mexico", "land"))
    assert (finding[2], finding[3]) == ("target_id", "land")


@pytest.mark.parametrize("ids", [(None,), (None, "a:s:mexico:land"), ("a:s:mexico:land", None)])
def test_a_null_stance_id_in_a_pair_without_its_voice_still_names_the_pair(ids):
    """A null id is null-in-required-column's to name; the pair is still named, on its first
    non-null id (review16: `min(None, ...)` crashed the check, and its finding was lost)."""
    rows = [{**stance("a", "entity", "mexico", "land"), "stance_id": stance_id} for stance_id in ids]
    named = findings(check_article_voice, *rows)
    assert [(check, column, value) for check, _, column, value in named] == [("article-voice-missing", "target_id", "land")]
    assert named[0][1] == ("a:s:mexico:land" if any(ids) else "<null>")  # a null row id has one spelling (session 28)


def test_an_article_s_headline_relation_is_named_the_same_whatever_order_its_rows_come_in():
    """Two voice rows under one (duplicated) id: which one is "first" is decided by the values,
    not by the row order a producer wrote (review16: the finding's value followed the row order)."""
    rows = (voice("a", "land", "discuss"), voice("a", "land", "agree"))
    assert findings(check_fnc_label_per_article, *rows) == findings(check_fnc_label_per_article, *reversed(rows)) \
        == [("fnc-label-varies", "a:s:article:land", "fnc_label", "discuss")]
