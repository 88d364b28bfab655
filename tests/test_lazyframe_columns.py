"""A validate table's `column in table` answers from a set of its column names made once per
Arrow table (cispeed10: `Table.column_names` built a new list on each of ~600 asks a run), and
answers exactly what the list did: names, absent names, keys that are no string, and a table
replaced in the corpus after it was asked."""

from __future__ import annotations

import pyarrow as pa

from landstrikes.schema.checkcorpus import Corpus, arrow_column


def _corpus() -> Corpus:
    return Corpus.from_arrow({"quotes": pa.table({"quote_id": ["a", "b"], "start": [0, 4]})})


def test_column_membership_is_the_column_lists():
    corpus = _corpus()
    quotes = corpus["quotes"]
    for key in ("quote_id", "start", "end", "", "QUOTE_ID", 0, None, ("quote_id",), b"start"):
        assert (key in quotes) == (key in corpus.arrow["quotes"].column_names), key


def test_a_key_that_cannot_be_hashed_is_no_column_and_no_error():
    quotes = _corpus()["quotes"]
    assert ["quote_id"] not in quotes
    assert {"start": 1} not in quotes


def test_a_table_replaced_in_the_corpus_is_asked_afresh():
    corpus = _corpus()
    assert "end" not in corpus["quotes"]
    corpus.arrow["quotes"] = pa.table({"quote_id": ["a"], "end": [3]})
    assert "end" in corpus["quotes"] and "start" not in corpus["quotes"]
    assert arrow_column(corpus, "quotes", "end", pa.int64()).to_pylist() == [3]


def test_arrow_column_falls_back_to_the_frame_only_for_a_column_arrow_lacks():
    corpus = _corpus()
    assert arrow_column(corpus, "quotes", "start", pa.int32()).to_pylist() == [0, 4]
