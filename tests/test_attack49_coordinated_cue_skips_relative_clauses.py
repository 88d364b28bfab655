"""A cue coordinated with an earlier verb (`... smiled and said`) shares the subject of the sentence's
first predicate (extract47); a verb inside a relative clause between commas is not that predicate
(attack49: `Tom Varley, who Ann Lee praised last week, smiled and said` gave the quote to Ann Lee,
the subject of `praised`, where the rules before extract47 gave it to Tom Varley). Invented
sentences."""

from __future__ import annotations

import pytest

from landstrikes.extract import extract_article


def _speakers(text: str) -> list[str | None]:
    return [q["speaker_id"] for q in extract_article("a", text)["quotes"]]


@pytest.mark.parametrize("text", [
    "Tom Varley, who Ann Lee praised last week, smiled and said the plan had failed badly.",
    "Tom Varley, whom Ann Lee hired in 2019, nodded and said the plan had failed badly.",
    "Tom Varley, whose sister Ann Lee died in 2010, wept and said the plan had failed badly.",
])
def test_the_subject_before_a_relative_clause_speaks_for_the_coordinated_cue(text):
    assert _speakers(text) == ["tom-varley"]


def test_guard_without_a_relative_clause_the_first_predicates_subject_still_speaks():
    assert _speakers("Ann Lee thanked Tom Varley for his help and said the plan had failed badly last year.") == ["ann-lee"]
