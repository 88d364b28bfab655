"""attack37: cluster-similarity-mismatch's cost grew with (variants x reference length). Every
variant's score was re-derived by splitting the reference into words and indexing it in a new
matcher again, and each row's reference text was copied once per row to compare texts: one cluster
of 4,000 distinct one-word variants of a 40,000-word quote (288 KB of text) took 134 CPU-s and a
GB of memory, twice the text four times the time. Each distinct text is now split once, each
reference indexed once, and texts compared by dictionary code (0.07 CPU-s)."""

from __future__ import annotations

import subprocess
import sys

import pyarrow as pa

import landstrikes.schema.quote_cluster_reference as quote_cluster_reference
import landstrikes.schema.quote_words as quote_words
from landstrikes.schema.checkcorpus import Corpus
from landstrikes.schema.quote_cluster_reference import check_quote_cluster_reference
from landstrikes.schema.report import Report

SCRIPT = """
import pyarrow as pa
from landstrikes.schema.checkcorpus import Corpus
from landstrikes.schema.quote_cluster_reference import check_quote_cluster_reference
from landstrikes.schema.quote_words import word_similarity
from landstrikes.schema.report import Report
n, words = {n}, {words}
reference = " ".join(f"w{{i}}" for i in range(words))
texts = [reference] + [f"v{{i}}" for i in range(n)]
score = word_similarity(texts[1], reference)
table = pa.table({{"quote_id": [f"a:q:{{i}}" for i in range(n + 1)], "cluster_id": ["q-w"] * (n + 1),
                  "kind": ["direct"] + ["indirect"] * n, "text": texts,
                  "cluster_similarity": pa.array([1.0] + [score] * n, pa.float64())}})
corpus = Corpus.from_arrow({{"quotes": table}})
before = pa.default_memory_pool().max_memory()
report = Report("generated")
check_quote_cluster_reference(corpus, report)
assert not report.findings, report.findings
print(pa.default_memory_pool().max_memory() - before)
"""


def _cluster(n: int, words: int, wrong: int | None = None) -> Corpus:
    reference = " ".join(f"w{i}" for i in range(words))
    texts = [reference] + [f"v{i}" for i in range(n)]
    scores = [1.0] + [quote_words.word_similarity(t, reference) for t in texts[1:]]
    if wrong is not None:
        scores[wrong] += 0.0001
    table = pa.table({"quote_id": [f"a:q:{i}" for i in range(n + 1)], "cluster_id": ["q-w"] * (n + 1),
                      "kind": ["direct"] + ["indirect"] * n, "text": texts, "cluster_similarity": pa.array(scores, pa.float64())})
    return Corpus.from_arrow({"quotes": table})


def test_the_reference_is_split_into_words_once(monkeypatch):
    corpus = _cluster(300, 2_000, wrong=7)
    split = []
    original = quote_words.words
    counting = lambda text: split.append(len(text)) or original(text)  # noqa: E731
    monkeypatch.setattr(quote_words, "words", counting)
    monkeypatch.setattr(quote_cluster_reference, "words", counting, raising=False)  # wherever the check reads it from
    report = Report("generated")
    check_quote_cluster_reference(corpus, report)
    assert [(f.check, f.row_id) for f in report.findings] == [("cluster-similarity-mismatch", "a:q:7")]
    assert sum(size > 1_000 for size in split) == 1  # the 2,000-word reference


def test_no_row_copies_its_reference_s_text():
    """2,000 variants of a 120 KB reference: each row's copy of it was 240 MB of Arrow memory."""
    peak = subprocess.run([sys.executable, "-c", SCRIPT.format(n=2_000, words=20_000)], capture_output=True, text=True, check=True)
    assert int(peak.stdout.strip()) < 40_000_000, peak.stdout
