"""M3 (2.27): the extractor resolves a pronoun to an antecedent BEFORE it (docs/extraction.md: "the
nearest previous speaker"), so an extractor PRONOUN's entity has a NAME or NOMINAL mention earlier
in its article; the gold keeps 2.26's looser rule (named or described anywhere in the article).
silver38 found the extractor breaking it twice in 1,499 FNC-1 pronouns: its "it said" branch took
the nearest earlier-READ speaking body, and a quote read earlier may name its speaker after the
pronoun (`578:m:67-69`, `962:m:4288-4290`). silver39 fixed the branch (a body named before the
pronoun) and holds the rule [auto-pronoun-named-later]: 0 exceptions in 1,417 BBC and 1,499 FNC-1
pronouns after the fix."""

from __future__ import annotations

import pytest

from attack36_tools import findings_of, rows_of, write_rows

CHECK = "auto-pronoun-named-later"
A000 = "000_68b95635092649cd"
TEXT = ("The Meridian Water Board issued a statement on Monday. It said that prices would rise by 5 percent, "
        "according to the Consumer Council.\n")
"""Made up for the test: a neuter pronoun between its antecedent and a body its clause names later."""


def test_it_said_takes_the_body_named_before_it():
    from landstrikes.extract.article import extract_article
    rows = extract_article("x", TEXT)
    it = next(m for m in rows["mentions"] if m["kind"] == "PRONOUN")
    assert (it["text"], it["entity_id"]) == ("It", "meridian-water-board")
    assert {q["speaker_id"] for q in rows["quotes"] if q["speaker_mention_id"] == it["mention_id"]} == {"meridian-water-board"}


@pytest.mark.parametrize("one_integer", [True, False])
def test_a_silver_pronoun_whose_entity_is_named_only_after_it_is_a_finding(silver_copy, monkeypatch, one_integer):
    """Both ways of searching: (key, start) as one integer, and sorted by both (keys too large)."""
    if not one_integer:
        monkeypatch.setattr("landstrikes.schema.pronoun_entities._INT64_MAX", 0)
    mentions = rows_of(silver_copy, "mentions")
    she = next(m for m in mentions if m["article_id"] == A000 and m["kind"] == "PRONOUN" and m["text"] == "she")
    before = [m for m in mentions if m["article_id"] == A000 and m["entity_id"] == she["entity_id"] and m["start"] < she["start"]]
    assert before and any(m["start"] > she["start"] and m["kind"] == "NAME" and m["entity_id"] == she["entity_id"] for m in mentions)
    write_rows(silver_copy, "mentions", [m for m in mentions if m not in before])
    assert (CHECK, she["mention_id"], "entity_id") in findings_of(silver_copy)


def test_a_gold_pronoun_whose_entity_is_named_only_after_it_passes(dataset_copy):
    """Cataphora is the annotator's to keep (M3 2.26)."""
    mentions = rows_of(dataset_copy, "mentions")
    pronoun = next(m for m in mentions if m["kind"] == "PRONOUN")
    before = [m for m in mentions if m["article_id"] == pronoun["article_id"] and m["entity_id"] == pronoun["entity_id"]
              and m["start"] < pronoun["start"] and m["kind"] != "PRONOUN"]
    assert before
    later = [m for m in mentions if m["article_id"] == pronoun["article_id"] and m["entity_id"] == pronoun["entity_id"]
             and m["start"] > pronoun["start"] and m["kind"] in ("NAME", "NOMINAL")]
    assert later  # so M3 2.26 still holds once the earlier ones are gone
    quotes = rows_of(dataset_copy, "quotes")
    gone = {m["mention_id"] for m in before}
    assert not any(q["speaker_mention_id"] in gone for q in quotes)
    write_rows(dataset_copy, "mentions", [m for m in mentions if m["mention_id"] not in gone])
    assert CHECK not in {c for c, _, _ in findings_of(dataset_copy)}


def test_the_extractor_s_own_pronouns_pass(silver_copy):
    assert findings_of(silver_copy, CHECK) == []
