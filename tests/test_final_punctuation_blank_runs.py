"""Whether a sentence goes on after a span's final `.` is read once per place a span ends, not once
per span: nested claims ending on one full stop before a long run of blanks had each read the
run again, four times as far a round (attack30's open item: spans x run length characters).

The tests count the characters the check reads after spans (not seconds), and the findings are
those of the plain rule: a `.` followed, blanks skipped, by a lower-case word ends no sentence."""

from __future__ import annotations

import pytest

import landstrikes.schema.final_punctuation_ends as final_punctuation_ends
from attack25_tools import findings_of, rows_of, write_rows
from attack30_tools import A002

CHECK = "claim-span-final-punctuation"
WORDS = 200
BLANKS = 20_000


def _nested_claims_before_blanks(folder, after: str) -> None:
    """Article 002 made one sentence of WORDS words ending in a full stop, BLANKS spaces and `after`;
    its claims replaced by WORDS nested claims, each from one word to that full stop."""
    sentence = " ".join(f"w{k}" for k in range(WORDS)) + "."
    text = "Title\n\n" + sentence + " " * BLANKS + after + "\n"
    articles = rows_of(folder, "articles")
    next(a for a in articles if a["article_id"] == A002)["text"] = text
    write_rows(folder, "articles", articles)
    claims = rows_of(folder, "claims")
    template = next(c for c in claims if c["article_id"] == A002)
    end = text.index(".") + 1
    nested = []
    for k in range(WORDS):
        start = text.index(f"w{k} " if k < WORDS - 1 else f"w{k}.")
        nested.append({**template, "claim_id": f"{A002}:c:{start}-{end}", "start": start, "end": end, "text": text[start:end]})
    write_rows(folder, "claims", [c for c in claims if c["article_id"] != A002] + nested)


def _characters_read(monkeypatch) -> list[int]:
    """Characters the check slices out of article texts after spans, as it goes."""
    read = []
    plain = final_punctuation_ends.article_texts

    class Counted:
        def __init__(self, texts):
            self._texts = texts

        def __getattr__(self, name):
            return getattr(self._texts, name)

        def slices(self, *args):
            out = self._texts.slices(*args)
            read.append(sum(len(s or "") for s in out.to_pylist()))
            return out

    monkeypatch.setattr(final_punctuation_ends, "article_texts", lambda tables: Counted(plain(tables)))
    return read


@pytest.mark.parametrize("after, goes_on", [("and so on.", True), ("And so on.", False)])
def test_nested_spans_before_a_long_blank_run_read_it_once(dataset_copy, monkeypatch, after, goes_on):
    _nested_claims_before_blanks(dataset_copy, after)
    read = _characters_read(monkeypatch)
    found = findings_of(dataset_copy, CHECK)
    mine = [f for f in found if f[1].startswith(A002)]
    assert len(mine) == (0 if goes_on else WORDS)  # the plain rule, span by span
    assert sum(read) < 8 * BLANKS  # one reading of the run (4x further a round); it was WORDS readings
