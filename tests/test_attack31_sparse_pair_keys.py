"""attack31: `same_key_pairs` (how many pairs of rows share a key, the count that decides whether
the pairs are listed) counted with a bincount as long as the largest key. `exclusion-overlaps-mention`
keys a row by its article and entity (article code x entities + entity code), so one exclusion
beside N articles each mentioning its own entity made a bincount of N^2: 0.06 CPU-s at N = 1,000,
6 s at 10,000, and 6.7 GiB refused (out of memory) at 30,000. Sparse keys are now counted on
their ranks: 0.19 s at 100,000. The tests count the bincounts' lengths, not seconds."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

import landstrikes.schema.checkcorpus as checkcorpus
from landstrikes.schema.exclusion_mentions import check_exclusion_mentions
from landstrikes.schema.report import Report


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 10**15), max_size=30), st.lists(st.integers(0, 10**15), max_size=30), st.integers(0, 3))
def test_pairs_sharing_a_key_are_counted_whatever_the_keys(left, right, shared):
    left = np.array(left + [7] * shared, np.int64)
    right = np.array(right + [7] * shared, np.int64)
    plain = sum(int(a == b) for a in left.tolist() for b in right.tolist())
    assert checkcorpus.same_key_pairs(left, right) == plain


def test_one_exclusion_beside_many_articles_and_entities_counts_in_proportion_to_its_rows(monkeypatch):
    n = 3000
    articles = [f"a{i}" for i in range(n)]
    tables = {"articles": pa.table({"article_id": articles, "text": ["x" * 20] * n}),
              "mentions": pa.table({"mention_id": [f"m{i}" for i in range(n)], "article_id": articles,
                                    "entity_id": [f"e{i}" for i in range(n)], "start": np.zeros(n, np.int64),
                                    "end": np.full(n, 5, np.int64)}),
              "mention_exclusions": pa.table({"exclusion_id": ["x0"], "article_id": [articles[-1]], "entity_id": [f"e{n - 1}"],
                                              "start": [0], "end": [5]})}
    lengths = []
    counting = np.bincount

    def counted(values, weights=None, minlength=0):
        out = counting(values, weights, minlength)
        lengths.append(len(out))
        return out

    monkeypatch.setattr(np, "bincount", counted)
    report = Report("x")
    check_exclusion_mentions(checkcorpus.Corpus.from_arrow(tables), report)
    assert [f.check for f in report.findings] == ["exclusion-overlaps-mention"]
    assert max(lengths) <= 4 * (n + 1) + 1024, max(lengths)
