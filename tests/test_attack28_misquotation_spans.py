"""A misquotation flag lies inside a direct or partial quote of its article (Q15, AQ1): attack28
added a second misquotation flag to a000 (id derived) over words no one is quoted as saying,
and validate passed [misquotation-outside-quote]."""

from __future__ import annotations

import numpy as np
import pytest

from attack25_tools import findings_of, rows_of, write_rows
from landstrikes.schema.misquotation_spans import enclosed

CHECK = "misquotation-outside-quote"
A000 = "000_68b95635092649cd"
PLACES = {
    "the headline's words": ("Mexico", 0),
    "an indirect paraphrase": ("eastern Pacific", 0),
    "a scare-quoted term": ("Narco-Terror", 1),  # a001's headline term in scare quotes
}


def _add_flag(folder, article_index: int, words: str) -> str:
    articles = rows_of(folder, "articles")
    article = articles[article_index]
    start = article["text"].index(words)
    flags = rows_of(folder, "quality_flags")
    base = next(f for f in flags if f["flag"] == "misquotation")
    flag_id = f"{article['article_id']}:f:misquotation:{start}-{start + len(words)}"
    flags.append(dict(base, article_id=article["article_id"], start=start, end=start + len(words), text=words,
                      flag_id=flag_id, note="The speaker said other words."))
    flags.sort(key=lambda f: (f["article_id"], f["start"], f["end"], f["flag"]))
    write_rows(folder, "quality_flags", flags)
    return flag_id


@pytest.mark.parametrize("place", sorted(PLACES))
def test_a_misquotation_flag_on_words_nobody_is_quoted_saying_is_a_finding(dataset_copy, place):
    words, article_index = PLACES[place]
    # a000 and a001 already hold misquotation flags: their quality columns and labels stay right
    assert "misquotation" in rows_of(dataset_copy, "articles")[article_index]["quality_flags"]
    flag_id = _add_flag(dataset_copy, article_index, words)
    assert [row_id for _, row_id, _ in findings_of(dataset_copy, CHECK)] == [flag_id]


def test_the_gold_misquotation_flags_stand_on_quotes(dataset_copy):
    assert findings_of(dataset_copy, CHECK) == []


def test_enclosure_is_the_plain_definition():
    rng = np.random.default_rng(28)
    for _ in range(200):
        n, m = rng.integers(0, 8, 2)
        q_article, f_article = rng.integers(0, 3, n), rng.integers(0, 3, m)
        q_start, f_start = rng.integers(0, 30, n), rng.integers(0, 30, m)
        q_end, f_end = q_start + rng.integers(0, 15, n), f_start + rng.integers(0, 15, m)
        plain = [any(qa == fa and qs <= fs and fe <= qe for qa, qs, qe in zip(q_article, q_start, q_end))
                 for fa, fs, fe in zip(f_article, f_start, f_end)]
        assert list(enclosed(f_article, f_start, f_end, q_article, q_start, q_end)) == plain
