"""validate's ninth round against its floor (issue 19): what several checks hashed again is taken
from what the run already holds; each faster way gives exactly what its plain definition gives."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from landstrikes.schema.checkcorpus import Corpus, article_codes, first_appearance_codes, frame_strings, shared_codes

ARTICLE_IDS = st.text(st.sampled_from(list("ab-") + ["é"]), min_size=1, max_size=3)


def _corpus(articles: list[str | None], mentions: list[str | None], quotes: list[str | None]) -> Corpus:
    return Corpus.from_arrow({
        "articles": pa.table({"article_id": pa.array(articles, pa.string())}),
        "mentions": pa.table({"article_id": pa.array(mentions, pa.string())}),
        "quotes": pa.table({"article_id": pa.array(quotes, pa.string())}),
    })


def _plainly(corpus: Corpus, parts) -> list[list[int]]:
    """`shared_codes` of the parts' article id strings: the definition."""
    strings = [frame_strings(corpus[name], "article_id") for name, _ in parts]
    return [c.tolist() for c in shared_codes(*(s if rows is None else s.take(rows) for s, (_, rows) in zip(strings, parts)))]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(ARTICLE_IDS, st.none()), min_size=1, max_size=8),
       st.lists(st.tuples(st.integers(0, 9), st.booleans()), max_size=14),
       st.lists(st.tuples(st.integers(0, 9), st.booleans()), max_size=14),
       st.data())
def test_article_codes_are_the_codes_of_the_article_id_strings(articles, mention_picks, quote_picks, data):
    """Articles given twice or null, rows naming an article, an unknown id or null, every row or
    some rows of each table, in any order: the codes (values and order) are those of a
    dictionary encoding of the id strings (seen failing with the codes taken from the article
    numbers even where one is -1, with the ranks by first appearance replaced by the numbers
    themselves, and with the rows not applied to the numbers)."""
    def named(picks):
        return [None if unknown and k % 3 == 0 else f"x{k}" if unknown else articles[k % len(articles)] for k, unknown in picks]

    corpus = _corpus(articles, named(mention_picks), named(quote_picks))
    parts = []
    for name in data.draw(st.lists(st.sampled_from(["articles", "mentions", "quotes"]), min_size=1, max_size=3)):
        n = len(corpus.arrow[name])
        rows = data.draw(st.one_of(st.none(), st.lists(st.integers(0, max(n - 1, 0)), max_size=n).map(
            lambda r: np.array(r if n else [], np.int64))))
        parts.append((name, rows))
    fast = article_codes(*((corpus[name], rows) for name, rows in parts))
    assert [c.tolist() for c in fast] == _plainly(corpus, parts)


def test_known_articles_take_the_shared_article_numbers_not_a_new_encoding(monkeypatch):
    """The fast way is taken when every row's article is known (no string is encoded again)."""
    corpus = _corpus(["a", "b", "c"], ["c", "c", "a"], ["b", "c"])
    encoded, encode = [], pa.compute.dictionary_encode
    monkeypatch.setattr(pa.compute, "dictionary_encode", lambda *a, **k: encoded.append(a) or encode(*a, **k))
    codes = article_codes((corpus["mentions"], None), (corpus["quotes"], np.array([1, 0])))
    assert [c.tolist() for c in codes] == [[0, 0, 1], [0, 2]]
    assert not encoded


def test_first_appearance_codes_number_keys_in_the_order_they_first_occur():
    assert first_appearance_codes(np.array([7, 2, 7, 0, 2], np.int64), 8).tolist() == [0, 1, 0, 2, 1]
    assert first_appearance_codes(np.zeros(0, np.int64), 3).tolist() == []


def _texts(text: str):
    from landstrikes.schema.spantext import ArticleTexts

    return ArticleTexts(pa.array([text], pa.string()))


def test_the_alias_scan_makes_its_hits_with_the_collector_paused(monkeypatch):
    """Some 500,000 hit tuples at 10^5 quote rows hold no cycle: collections while they are made
    find nothing (seen failing with the pause left out: 142 collections during the scan here)."""
    import gc

    from landstrikes.schema import aliasscan

    collections, enabled, inside, hits = [], [], [], aliasscan._hits

    def counted(*args):
        enabled.append(gc.isenabled())
        inside.append(True)
        try:
            return hits(*args)
        finally:
            inside.clear()

    def count(phase, info):
        if phase == "start" and inside:
            collections.append(info["generation"])

    monkeypatch.setattr(aliasscan, "_hits", counted)
    texts = _texts("Ann and Bob. " * 50_000)
    gc.callbacks.append(count)
    try:
        article, _, starts, _ = aliasscan.alias_occurrences_by_alias(texts, ["Ann", "Bob"])
        assert enabled == [False] and collections == []
    finally:
        gc.callbacks.remove(count)
    assert len(article) == 100_000 and starts[:3].tolist() == [0, 8, 13]
    assert gc.isenabled()


def test_a_collector_disabled_by_the_caller_stays_disabled():
    import gc

    from landstrikes.schema.gc_pause import paused

    gc.disable()
    try:
        with paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
    with paused():
        assert not gc.isenabled()
    assert gc.isenabled()


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 4)), max_size=40), st.integers(0, 1 << 17))
def test_first_rows_of_dense_keys_are_the_first_rows_a_stable_sort_finds(pairs, shift):
    """Pairs of small ints, repeated in any order, and keys shifted far past the rows (the
    sorted way is then taken): the first row of each distinct pair, in row order, as the sort
    gives it (seen failing with np.maximum.at in place of np.minimum.at, and with the rows
    left unsorted)."""
    from landstrikes.schema.goldchecks import _first_of, _first_of_sorted

    first = np.array([a for a, _ in pairs], np.int64) + shift
    second = np.array([b for _, b in pairs], np.int64)
    keys = first * (int(second.max(initial=0)) + 1) + second
    want = _first_of_sorted(keys).tolist() if len(keys) else []
    assert _first_of(first, second).tolist() == want
    assert want == sorted({k: i for i, k in reversed(list(enumerate(keys.tolist())))}.values())


def test_null_masks_and_memberships_are_made_once_per_run_and_cannot_be_changed():
    """The checks of a run share one null mask per column and one membership per set of values
    (seen failing with the set of values left out of the key: the second set got the first's
    answer)."""
    import pytest

    from landstrikes.schema.checkcorpus import frame_nulls, is_in

    corpus = Corpus.from_arrow({"quotes": pa.table({"kind": pa.array(["direct", None, "partial", "direct"]),
                                                    "confidence": pa.array([0.5, None, float("nan"), 1.0])})})
    quotes = corpus["quotes"]
    assert frame_nulls(quotes, "kind").tolist() == [False, True, False, False]
    assert frame_nulls(quotes, "confidence").tolist() == [False, True, True, False]
    assert frame_nulls(quotes, "kind") is frame_nulls(quotes, "kind")
    assert is_in(quotes, "kind", ("direct",)).tolist() == [True, False, False, True]
    assert is_in(quotes, "kind", ["partial"]).tolist() == [False, False, True, False]
    assert is_in(quotes, "kind", ("partial", "direct")) is is_in(quotes, "kind", ["direct", "partial"])
    for shared in (frame_nulls(quotes, "kind"), is_in(quotes, "kind", ("direct",))):
        with pytest.raises(ValueError):
            shared[0] = True
