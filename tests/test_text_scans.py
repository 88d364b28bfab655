"""The corpus-wide scans over article bytes (quote marks, aliases) agree with their plain,
one-article-at-a-time definitions on generated texts, windows and all."""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from landstrikes.quotemarks import scan_quote_marks
from landstrikes.schema import aliasscan, markscan
from landstrikes.schema.aliasscan import alias_occurrences
from landstrikes.schema.markscan import scan_corpus_marks
from landstrikes.schema.spantext import ArticleTexts
from landstrikes.schema.utf8 import NO_CHAR, chars_at, chars_before, classify

PIECES = list("ab Z1_.,\n\rs") + ['"', "'", "“", "”", "‘", "’", "é", "e\u0301", "🜁", "Ⅻ", "漢", "It’s", "don't", "\r\n", "90", "90s", "७"]
ARTICLE = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
CORPUS = st.lists(ARTICLE, min_size=1, max_size=4)


def plain_marks(texts):
    """scan_quote_marks article by article: (article, open, close) pairs and (article, position, opens) strays."""
    pairs, strays = [], []
    for number, text in enumerate(texts):
        found_pairs, found_strays = scan_quote_marks(text)
        pairs += [(number, p.open, p.close) for p in found_pairs]
        strays += [(number, s.position, s.opens) for s in found_strays]
    return pairs, strays


def corpus_marks(texts):
    scan = scan_corpus_marks(ArticleTexts(pa.array(texts)))
    pairs = list(zip(scan.pair_article.tolist(), scan.pair_open.tolist(), scan.pair_close.tolist()))
    strays = list(zip(scan.stray_article.tolist(), scan.stray_position.tolist(), scan.stray_opens.tolist()))
    return pairs, strays


@settings(max_examples=400, deadline=None)
@given(CORPUS)
def test_corpus_mark_scan_equals_the_per_article_scanner(texts):
    assert corpus_marks(texts) == plain_marks(texts)


@settings(max_examples=100, deadline=None)
@given(CORPUS)
def test_corpus_mark_scan_is_the_same_across_window_edges(texts):
    """Windows of 3 bytes cut curly marks (3 bytes each) and newlines apart."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(markscan, "_WINDOW", 3)
        assert corpus_marks(texts) == plain_marks(texts)


LINES = st.sampled_from(["“We found him.", "“We found him", "‘We found him.", "'We found him.", "\"We found him.",
                         "“It’s his name.”", "Cared for: staff fed him", "Staff fed him.", "Staff’s dog", "Staff \"fed\" him", "Staff ‘fed’ him", "Staff “fed” him",
                         "", " ", "  ", "x" * 205, "é" * 3, "🜁 dog", "e\u0301 fed", "\r"])
PARAGRAPHED = st.lists(st.tuples(LINES, st.sampled_from(["\n", "\n\n", "\r\n", " ", ""])), max_size=12).map(
    lambda parts: "".join(line + end for line, end in parts))


@settings(max_examples=400, deadline=None)
@given(st.lists(PARAGRAPHED, min_size=1, max_size=4))
def test_a_quotation_continued_across_caption_lines_is_paired_alike(texts):
    """Q2's continued quotation across up to two caption lines (`quotemarks.captions_only`): the
    corpus scan pairs it as the per-article scanner does, whatever the lines between hold."""
    assert corpus_marks(texts) == plain_marks(texts)


def test_an_apostrophe_on_the_line_after_an_open_quotation_closes_its_paragraph_in_both_scanners():
    """The per-article scanner visits an apostrophe inside a word (the corpus scan drops it): on a
    line after the open quotation it closes that paragraph, so the caption rule never applies."""
    text = "“We found him.\nSome x'We found him.\nCared for: staff fed him\n“We found him.\n"
    assert corpus_marks([text]) == plain_marks([text]) == ([], [(0, 0, True), (0, text.rindex("“"), True)])


def test_a_quotation_continued_after_a_caption_line_is_one_pair_in_both_scanners():
    text = ("Officer Ann Bell said: “The dog is microchipped and his name is Rex.\n\n"
            "Cared for: station staff looked after Rex\n\n“We contacted the owner.”\n")
    pairs, strays = plain_marks([text])
    assert (0, text.index("“The"), text.index("Rex.") + 4) in pairs and not strays
    assert corpus_marks([text]) == (pairs, strays)


def test_nested_self_closing_pairs_are_taken_out_round_by_round(monkeypatch):
    """Only the unclosed mark is left for the pairing loop; the results are the scanner's."""
    text = "“a ‘b “c” d’ e” and ‘x’ then “unclosed ‘y’"
    looped = []
    pair = markscan._pair
    monkeypatch.setattr(markscan, "_pair", lambda article, position, *rest: looped.extend(position) or pair(article, position, *rest))
    assert corpus_marks([text]) == plain_marks([text])
    assert looped == [len(text[: text.index("“unclosed")].encode())]
    assert len(corpus_marks([text])[0]) == 5 and corpus_marks([text])[1] == [(0, text.index("“unclosed"), True)]


ALIASES = ["Maduro", "Nicolás Maduro", "Maduro operation", "US", "U.S.", "Sea", "Sean", "é", "漢字"]
WORDS = st.sampled_from([*ALIASES, "the", "USA", "Seas", "_US", "US_", "(", ")", ",", "\n", "🜁", "e\u0301"])


def plain_alias_occurrences(texts, aliases):
    """Every whole-word occurrence (neighbours not re's \\w) of every alias, overlapping ones included."""
    word = re.compile(r"\w")
    found = set()
    for number, text in enumerate(texts):
        for alias in aliases:
            for start in range(len(text) - len(alias) + 1):
                end = start + len(alias)
                before, after = text[start - 1 : start], text[end : end + 1]
                if text.startswith(alias, start) and not word.match(before) and not word.match(after):
                    found.add((number, start, end))
    return found


def corpus_alias_occurrences(texts, aliases):
    article, start, end = alias_occurrences(ArticleTexts(pa.array(texts)), aliases)
    return set(zip(article.tolist(), start.tolist(), end.tolist()))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(WORDS, max_size=20).map(lambda w: "".join(x + y for x, y in zip(w, [" ", ""] * 20))), min_size=1, max_size=3))
def test_alias_scan_finds_exactly_the_whole_word_occurrences(texts):
    assert corpus_alias_occurrences(texts, ALIASES) == plain_alias_occurrences(texts, ALIASES)


def test_alias_scan_is_the_same_across_window_edges(monkeypatch):
    texts = ["Nicolás Maduro met US officials; Maduro operation at Sea.", "漢字 U.S. USA Sean"]
    want = plain_alias_occurrences(texts, ALIASES)
    monkeypatch.setattr(aliasscan, "_WINDOW", 5)
    assert corpus_alias_occurrences(texts, ALIASES) == want


def test_each_alias_list_is_scanned_with_its_own_automaton_built_once():
    """The automaton is kept per pattern list (every partition of one catalogue asks for the same):
    a validate of other aliases, and one after the kept automata were replaced, finds its own."""
    texts = ["Nicolás Maduro met Sean at Sea; U.S. and USA.", "Maduro"]
    lists = (["Maduro"], ["Sea", "Sean"], ["U.S.", "USA", "Maduro"], ["Maduro"], ["Sea", "Sean"])
    for aliases in lists:
        assert corpus_alias_occurrences(texts, aliases) == plain_alias_occurrences(texts, aliases), aliases
    assert aliasscan.automaton([b"Sea", b"Sean"]) is aliasscan.automaton([b"Sea", b"Sean"])
    assert aliasscan.automaton([b"Sea"]) is not aliasscan.automaton([b"Sean"])


def test_an_alias_running_into_the_next_article_is_no_occurrence():
    assert corpus_alias_occurrences(["the Mad", "uro"], ["Maduro"]) == set()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=30).map("".join))
def test_characters_next_to_byte_positions_are_decoded_like_python(text):
    data = np.frombuffer(text.encode(), dtype=np.uint8)
    starts = np.array([len(text[:i].encode()) for i in range(len(text))], dtype=np.int64)
    assert chars_at(data, starts).tolist() == [ord(c) for c in text]
    assert chars_before(data, starts[1:]).tolist() == [ord(c) for c in text[:-1]]


def test_classify_asks_the_predicate_and_no_char_is_never_a_word():
    chars = np.array([ord("a"), ord("_"), ord("é"), ord("\u0301"), ord("Ⅻ"), NO_CHAR])
    assert classify(chars, re.compile(r"\w").match).tolist() == [True, True, True, False, True, False]
    assert classify(chars, str.isalnum).tolist() == [True, False, True, False, True, False]
