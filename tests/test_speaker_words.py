"""Q16: every quote says where the text names who spoke (`speaker_start`, `speaker_end`,
`speaker_text`), so a speaker with no entity ("Security analysts warn") can still be found and
scored; the words agree with the speaker status and mention, and the extractor fills them."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import copy_sources, load, save
from landstrikes.annotations.sourcecheck import LAYER_FIELDS
from landstrikes.build import build
from landstrikes.errors import BuildError
from landstrikes.extract import extract_article
from landstrikes.schema import validate
from landstrikes.tables.quotes import FIELDS as QUOTE_FIELDS


def speaker_words_findings(folder) -> list:
    return [f for f in validate(folder).findings if f.check == "speaker-words-inconsistent"]


def test_the_gold_names_every_unnamed_source_and_every_attributed_speaker(built_dataset):
    quotes, mentions = load(built_dataset, "quotes"), load(built_dataset, "mentions")
    named_by_phrase = quotes[quotes["speaker_status"].isin(["unnamed_source", "multiple"])]
    assert len(named_by_phrase) and named_by_phrase["speaker_text"].notna().all()
    spans = mentions.set_index("mention_id")[["start", "end"]]
    attributed = quotes[quotes["speaker_status"] == "attributed"]
    assert (attributed["speaker_start"].to_numpy() == spans.loc[attributed["speaker_mention_id"], "start"].to_numpy()).all()
    assert (attributed["speaker_end"].to_numpy() == spans.loc[attributed["speaker_mention_id"], "end"].to_numpy()).all()
    silent = quotes[quotes["speaker_status"].isin(["term", "unattributed", "implicit"])]
    assert silent["speaker_start"].isna().all() and silent["speaker_text"].isna().all()


def _move_words(quotes: pd.DataFrame, row: int, start: int, end: int, text: str) -> None:
    quotes.loc[row, ["speaker_start", "speaker_end", "speaker_text"]] = [start, end, text]


def _article_text(folder, article_id: str) -> str:
    articles = load(folder, "articles")
    return articles.loc[articles["article_id"] == article_id, "text"].iloc[0]


def test_an_attributed_row_whose_words_are_not_its_mention_fails(dataset_copy):
    quotes = load(dataset_copy, "quotes")
    row = quotes.index[quotes["speaker_status"] == "attributed"][0]
    start = int(quotes.loc[row, "speaker_start"])
    text = _article_text(dataset_copy, quotes.loc[row, "article_id"])
    _move_words(quotes, row, start, start + 1, text[start:start + 1])  # a valid span, but not the mention's
    save(dataset_copy, "quotes", quotes)
    findings = speaker_words_findings(dataset_copy)
    assert [f.row_id for f in findings] == [quotes.loc[row, "quote_id"]]


def test_an_attributed_row_without_words_fails(dataset_copy):
    quotes = load(dataset_copy, "quotes")
    row = quotes.index[quotes["speaker_status"] == "attributed"][0]
    quotes.loc[row, ["speaker_start", "speaker_end", "speaker_text"]] = [None, None, None]
    save(dataset_copy, "quotes", quotes)
    assert [f.row_id for f in speaker_words_findings(dataset_copy)] == [quotes.loc[row, "quote_id"]]


def test_a_scare_quote_with_speaker_words_fails(dataset_copy):
    quotes = load(dataset_copy, "quotes")
    row = quotes.index[quotes["speaker_status"] == "term"][0]
    donor = quotes.index[(quotes["speaker_status"] == "attributed") & (quotes["article_id"] == quotes.loc[row, "article_id"])
                         & ((quotes["speaker_end"] <= quotes.loc[row, "start"]) | (quotes["speaker_start"] >= quotes.loc[row, "end"]))][0]
    quotes.loc[row, ["speaker_start", "speaker_end", "speaker_text"]] = quotes.loc[donor, ["speaker_start", "speaker_end", "speaker_text"]].to_list()
    save(dataset_copy, "quotes", quotes)
    assert [f.row_id for f in speaker_words_findings(dataset_copy)] == [quotes.loc[row, "quote_id"]]


@pytest.mark.parametrize("provenance, fails", [("gold", True), ("auto", False)])
def test_an_annotated_unnamed_source_must_give_its_phrase_but_the_extractor_may_not_find_one(dataset_copy, provenance, fails):
    quotes = load(dataset_copy, "quotes")
    row = quotes.index[quotes["speaker_status"] == "unnamed_source"][0]
    quotes.loc[row, ["speaker_start", "speaker_end", "speaker_text"]] = [None, None, None]
    quotes.loc[row, "source"] = provenance
    if provenance == "auto":
        quotes.loc[row, "confidence"] = 0.5
    save(dataset_copy, "quotes", quotes)
    found = [f.row_id for f in speaker_words_findings(dataset_copy)]
    assert found == ([quotes.loc[row, "quote_id"]] if fails else [])


def test_speaker_words_inside_the_quoted_words_fail(dataset_copy):
    quotes = load(dataset_copy, "quotes")
    row = quotes.index[quotes["speaker_status"] == "unnamed_source"][0]
    start = int(quotes.loc[row, "start"])
    text = _article_text(dataset_copy, quotes.loc[row, "article_id"])
    _move_words(quotes, row, start, start + 3, text[start:start + 3])
    save(dataset_copy, "quotes", quotes)
    assert [f.row_id for f in speaker_words_findings(dataset_copy)] == [quotes.loc[row, "quote_id"]]


def test_speaker_words_must_be_the_article_text_they_claim(dataset_copy):
    quotes = load(dataset_copy, "quotes")
    row = quotes.index[quotes["speaker_status"] == "unnamed_source"][0]
    quotes.loc[row, "speaker_text"] = "Some other people"
    save(dataset_copy, "quotes", quotes)
    assert "span-text-mismatch" in {f.check for f in validate(dataset_copy).findings}


def test_a_gold_quote_gives_its_speaker_words_once(tmp_path):
    folder = copy_sources(tmp_path / "dataset")
    path = folder / "annotations" / "articles" / "003_53ec89303f4de55c.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = '    speaker_phrase: {text: Observers, in: "Observers say"}\n'
    assert text.count(anchor) == 1
    path.write_text(text.replace(anchor, anchor + '    mention: {text: Observers, in: "Observers say"}\n'), encoding="utf-8")
    with pytest.raises(BuildError, match=r"003_53ec89303f4de55c\.yaml:\d+: .*not both \(Q16\)"):
        build(folder)


@pytest.mark.parametrize("spec", ['{text: Observers, occurrence: 9}', '{text: Observers, in: "Observers say", note: x}'])
def test_a_speaker_phrase_is_checked_as_a_span_before_it_is_read(tmp_path, spec):
    """attack7: `speaker_phrase` was missing from the source checker's quote fields, so a mapping
    with an unknown key (G4's word `occurrence` for `n`) built, the key unread."""
    folder = copy_sources(tmp_path / "dataset")
    path = folder / "annotations" / "articles" / "003_53ec89303f4de55c.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = '    speaker_phrase: {text: Observers, in: "Observers say"}\n'
    path.write_text(text.replace(anchor, f"    speaker_phrase: {spec}\n"), encoding="utf-8")
    with pytest.raises(BuildError, match=r"003_53ec89303f4de55c\.yaml:\d+: .*(unknown field|must be a span)"):
        build(folder)


def test_every_quote_field_the_builder_reads_is_checked_in_the_source():
    assert set(LAYER_FIELDS["quotes"][0]) == QUOTE_FIELDS


def _quote_with(text: str, quoted: str) -> dict:
    rows = extract_article("x", text)["quotes"]
    return next(q for q in rows if q["text"] == quoted)


def test_the_extractor_gives_an_unnamed_subject_its_phrase():
    text = 'A council spokesman said the road would stay shut.\n\n"We are doing everything we can to reopen it."\n'
    quote = _quote_with(text, "We are doing everything we can to reopen it.")
    assert quote["speaker_status"] == "unnamed_source"
    assert quote["speaker_text"] == text[quote["speaker_start"]:quote["speaker_end"]] == "A council spokesman"


def test_the_extractor_gives_an_unnamed_group_its_modifiers():
    text = 'The plan was announced on Monday.\n\n"This will not end well," security analysts said in a note.\n'
    quote = _quote_with(text, "This will not end well,")
    assert quote["speaker_status"] == "unnamed_source"
    assert quote["speaker_text"] == "security analysts"


def test_the_extractor_gives_an_attributed_row_its_mention_span():
    text = 'Maria Keller arrived late.\n\n"We will appeal," Maria Keller said on Tuesday.\n'
    quote = _quote_with(text, "We will appeal,")
    assert quote["speaker_status"] == "attributed"
    assert (quote["speaker_start"], quote["speaker_end"]) == (text.index("Maria Keller said"), text.index("Maria Keller said") + len("Maria Keller"))


@pytest.mark.parametrize("after_the_name", ["have said", "also said"])
def test_a_named_party_before_an_auxiliary_is_not_an_unnamed_source(after_the_name):
    text = f'Turnout was low.\n\n"We have been clear about this from the start," the Liberal Democrats {after_the_name}.\n'
    quote = _quote_with(text, "We have been clear about this from the start,")
    assert quote["speaker_status"] != "unnamed_source" and not (quote["speaker_text"] or "").startswith("the Liberal Democrats ")


def _unnamed_row_words(folder) -> tuple[pd.DataFrame, int, int, int, str]:
    quotes = load(folder, "quotes")
    row = quotes.index[quotes["speaker_status"] == "unnamed_source"][0]
    text = _article_text(folder, quotes.loc[row, "article_id"])
    return quotes, row, int(quotes.loc[row, "speaker_start"]), int(quotes.loc[row, "speaker_end"]), text


@pytest.mark.parametrize("shift, check", [
    (lambda s, e: (s, s), "empty-span"),  # zero-length words name nobody
    (lambda s, e: (s - 1, e), "span-edge-whitespace"),  # widened onto the space before them (G2)
    (lambda s, e: (s + 1, e), "span-splits-word"),  # their first letter cut off
], ids=["zero-length", "widened-onto-a-space", "first-letter-cut"])
def test_speaker_words_are_whole_words_holding_text(dataset_copy, shift, check):
    """attack7: each of these broken copies, text re-derived from the offsets, was VALID."""
    quotes, row, start, end, text = _unnamed_row_words(dataset_copy)
    new_start, new_end = shift(start, end)
    _move_words(quotes, row, new_start, new_end, text[new_start:new_end])
    save(dataset_copy, "quotes", quotes)
    findings = validate(dataset_copy).findings
    assert [(f.check, f.row_id) for f in findings] == [(check, quotes.loc[row, "quote_id"])]


@pytest.mark.parametrize("provenance, fails", [("gold", True), ("auto", False)])
def test_an_annotated_unnamed_source_whose_words_are_a_mention_fails(dataset_copy, provenance, fails):
    """Q9: a group that is a catalogued entity is not unnamed, so words that are a mention's span
    make the row attributed. The extractor's rows are exempt: its mentions are proposals (a title
    read as a name); attack7: the gold copy was VALID."""
    quotes, mentions = load(dataset_copy, "quotes"), load(dataset_copy, "mentions")
    row = quotes.index[quotes["speaker_status"] == "unnamed_source"][0]
    mention = mentions[mentions["article_id"] == quotes.loc[row, "article_id"]].iloc[0]
    assert mention["end"] <= quotes.loc[row, "start"] or mention["start"] >= quotes.loc[row, "end"]
    _move_words(quotes, row, mention["start"], mention["end"], mention["text"])
    quotes.loc[row, "source"] = provenance
    if provenance == "auto":
        quotes.loc[row, "confidence"] = 0.5
    save(dataset_copy, "quotes", quotes)
    assert [f.row_id for f in speaker_words_findings(dataset_copy)] == ([quotes.loc[row, "quote_id"]] if fails else [])


def test_q9_reads_mentions_of_the_rows_own_article_only_even_with_its_article_listed_twice(dataset_copy):
    """attack8 (spankeys.exact_spans, row by row): the unnamed row's own offsets as a mention of
    another article are no finding; as a mention of its own article they are one, also when the
    articles table lists that article twice (duplicate-id is reported beside it)."""
    quotes, mentions, articles = load(dataset_copy, "quotes"), load(dataset_copy, "mentions"), load(dataset_copy, "articles")
    row = quotes.index[(quotes["speaker_status"] == "unnamed_source") & (quotes["source"] == "gold")][0]
    other = next(a for a in articles["article_id"] if a != quotes.loc[row, "article_id"])
    twin = mentions.iloc[[0]].assign(article_id=other, start=quotes.loc[row, "speaker_start"], end=quotes.loc[row, "speaker_end"],
                                     text=quotes.loc[row, "speaker_text"], mention_id="twin", kind="NOMINAL")
    save(dataset_copy, "mentions", pd.concat([mentions, twin], ignore_index=True))
    assert speaker_words_findings(dataset_copy) == []
    save(dataset_copy, "mentions", pd.concat([mentions, twin.assign(article_id=quotes.loc[row, "article_id"])], ignore_index=True))
    save(dataset_copy, "articles", pd.concat([articles, articles[articles["article_id"] == quotes.loc[row, "article_id"]]], ignore_index=True))
    assert [f.row_id for f in speaker_words_findings(dataset_copy)] == [quotes.loc[row, "quote_id"]]


@pytest.mark.parametrize("text, wrong", [
    ('Intro.\n\n"Analysts" said the plan would fail.\n', "the plan would fail"),
])
def test_a_clause_after_a_verb_is_no_unnamed_speaker(text, wrong):
    """`said the plan would fail`: a phrase holding an auxiliary or modal is a clause, not the
    unnamed subject (attack7); an unnamed subject after the verb is still found."""
    rows = extract_article("x", text)["quotes"]
    assert all(q["speaker_text"] != wrong for q in rows)
    found = _quote_with('He left.\n\n"We will win," said the village priest.\n', "We will win,")
    assert found["speaker_status"] == "unnamed_source" and found["speaker_text"] == "the village priest"
