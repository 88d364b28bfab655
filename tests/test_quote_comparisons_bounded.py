"""Two quotes' words are compared only up to MAX_WORD_PAIRS (difflib's matcher is quadratic at
worst: 8,000 distinct words against the same with every other word changed took 4 s, one word
repeated 10,000 times 14 s). Past it a variant's score and wording go unjudged; below it both
checks report as before. Asserted on what the matcher is given, not on time."""

from __future__ import annotations

import difflib

import pyarrow as pa

import landstrikes.schema.goldchecks as goldchecks
import landstrikes.schema.quote_words as quote_words
from landstrikes.schema.checkcorpus import Corpus
from landstrikes.schema.quote_cluster_reference import check_quote_cluster_reference
from landstrikes.schema.report import Report


def _long(words: int, every_other: str = "") -> str:
    return " ".join(f"{every_other}w{i}" if every_other and i % 2 else f"w{i}" for i in range(words))


def _quotes(rows: list[tuple[str, str, str, str, float]]) -> Corpus:
    ids, clusters, kinds, texts, scores = map(list, zip(*rows))
    table = pa.table({"quote_id": ids, "cluster_id": clusters, "kind": kinds, "text": texts,
                      "cluster_similarity": pa.array(scores, pa.float64())})
    return Corpus.from_arrow({"quotes": table})


class _Counting(difflib.SequenceMatcher):
    sizes: list[int] = []

    def __init__(self, isjunk=None, a="", b="", autojunk=True):
        _Counting.sizes.append(len(a) * len(b))
        super().__init__(isjunk, a, b, autojunk)


def _judged(monkeypatch, corpus: Corpus) -> tuple[list, list[int]]:
    _Counting.sizes = []
    monkeypatch.setattr(quote_words, "SequenceMatcher", _Counting)
    monkeypatch.setattr(goldchecks, "SequenceMatcher", _Counting)
    report = Report("generated")
    check_quote_cluster_reference(corpus, report)
    return [(f.check, f.row_id) for f in report.findings], _Counting.sizes


def test_a_pair_of_long_crafted_quotes_is_never_given_to_the_matcher(monkeypatch):
    reference, variant = _long(8_000, every_other="x"), _long(8_000)  # the longer text is the reference
    corpus = _quotes([("q-ref", "c-long", "direct", reference, 1.0), ("q-var", "c-long", "direct", variant, 0.123)])
    findings, sizes = _judged(monkeypatch, corpus)
    assert findings == [] and sizes == []
    assert goldchecks.content_differences(variant, reference) == [] and _Counting.sizes == []


def test_below_the_limit_a_wrong_score_is_still_a_finding_and_the_matcher_sees_only_small_pairs(monkeypatch):
    reference, variant = _long(900, every_other="x"), _long(900)
    want = quote_words.word_similarity(variant, reference)
    corpus = _quotes([("q-ref", "c-one", "direct", reference, 1.0), ("q-var", "c-one", "direct", variant, want + 0.01),
                      ("q-long", "c-long", "direct", _long(5_000), 1.0), ("q-long2", "c-long", "partial", _long(4_000, "x"), 0.5)])
    findings, sizes = _judged(monkeypatch, corpus)
    assert findings == [("cluster-similarity-mismatch", "q-var")]
    assert sizes and max(sizes) <= quote_words.MAX_WORD_PAIRS
    assert goldchecks.content_differences(variant, reference) != []


def test_the_limit_lies_far_above_every_quote_the_gold_and_the_extractor_write():
    assert quote_words.comparable(["w"] * 1_000, ["w"] * 1_000)
    assert not quote_words.comparable(["w"] * 1_001, ["w"] * 1_000)
