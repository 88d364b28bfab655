"""The gold's phrase claims start at the phrase (ANNOTATION_GUIDELINES C2, 2.32): the preposition or
conjunction that ties a phrase to its sentence ("after", "amid", "despite", "with", "by", ...) is
outside the span, as the clause around it is. Release 2.32.0 held six spans that kept it
("With details sparse", "despite diverging views") beside ten that did not (review37 s1).

A clause claim may open on the adverbial that dates or places it ("Since late 2025, US forces ...",
"In 2019, Trump signed ..."); those words are not in the list below, which names only words that
tie a phrase to something else."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DATASET
from landstrikes.schema.tableio import read_table

LINKING_WORDS = {"after", "amid", "amidst", "despite", "with", "without", "by", "following", "before", "during"}


def first_word(text: str) -> str:
    """The claim's first word, past any quotation mark, dash or bracket before it."""
    found = re.search(r"\w+", text)
    return found.group().lower() if found else ""


def claims_opening_on(data: Path, words: set[str]) -> list[tuple[str, str]]:
    """(claim id, text) of the claims in `data` whose first word is one of `words`."""
    claims = read_table(data / "claims")
    return [(claim_id, text) for claim_id, text in zip(claims["claim_id"], claims["text"])
            if first_word(text) in words]


def claims_opening_on_a_linking_word(data: Path) -> list[tuple[str, str]]:
    return claims_opening_on(data, LINKING_WORDS)


def test_no_gold_claim_opens_on_the_word_that_ties_it_to_its_sentence():
    assert claims_opening_on_a_linking_word(DATASET / "data") == []


@pytest.mark.parametrize("release, expected", [("2.32.0", 6), ("2.33.0", 0)])
def test_the_release_that_moved_the_six_spans_is_the_first_without_them(release, expected):
    data = DATASET / "releases" / release / "data"
    assert len(claims_opening_on_a_linking_word(data)) == expected


@pytest.mark.parametrize("text", ["amid rising tensions", "“amid rising tensions", "— despite the warnings", "(after the raid"])
def test_a_linking_word_is_found_after_an_opening_quote_dash_or_bracket(tmp_path, text):
    # (attack51: the check read the first whitespace-separated word, so "“amid" or "— despite" passed it)
    import pyarrow as pa
    import pyarrow.parquet as pq

    (tmp_path / "claims").mkdir()
    pq.write_table(pa.table({"claim_id": ["a:c:0-1"], "text": [text]}), tmp_path / "claims" / "claims.parquet")
    assert claims_opening_on_a_linking_word(tmp_path) == [("a:c:0-1", text)]


CONNECTIVES = {"and", "so", "but", "yet", "or", "nor", "however", "nonetheless", "nevertheless", "meanwhile", "moreover",
               "furthermore", "also", "still", "thus", "therefore", "hence", "besides"}
"""Words that tie a sentence to the one before it and state nothing of their own (review43 r43f-04:
"So we have to do something", where the gold had already cut "And" from "And she says no"; the gold
starts after "Nonetheless, " in 004 and "However, " too: attack53 added the sentence adverbs, which
passed the four-word list)."""


def claims_opening_on_a_connective(data: Path) -> list[tuple[str, str]]:
    return claims_opening_on(data, CONNECTIVES)


def test_no_gold_claim_opens_on_a_connective_to_the_sentence_before():
    assert claims_opening_on_a_connective(DATASET / "data") == []


@pytest.mark.parametrize("release, expected", [("2.34.2", 1), ("2.35.0", 0)])
def test_the_release_that_cut_so_is_the_first_without_a_connective(release, expected):
    data = DATASET / "releases" / release / "data"
    assert len(claims_opening_on_a_connective(data)) == expected


@pytest.mark.parametrize("text", ["However, the plan failed", "Nonetheless cartel influence persists", "Or they would refuse",
                                  "Meanwhile, Mexico objected", "“And she says no"])
def test_a_connective_is_found_past_a_quote_mark_and_beyond_the_four_words(tmp_path, text):
    # (attack53: the list held "and", "so", "but", "yet" only; "However, ..." or "Nonetheless ..." opening a
    # claim ties it to the sentence before just as "So" did in r43f-04, and passed)
    import pyarrow as pa
    import pyarrow.parquet as pq
    (tmp_path / "claims").mkdir()
    pq.write_table(pa.table({"claim_id": ["a:c:0-1"], "text": [text]}), tmp_path / "claims" / "claims.parquet")
    assert claims_opening_on_a_connective(tmp_path) == [("a:c:0-1", text)]
