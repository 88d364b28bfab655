"""attack30: `claim_speakers.innermost_enclosing` (C11's claimant-not-speaker, C10's headline
claims inside a quotation) found each claim's innermost enclosing quote by walking back one quote
per pass over the quotes that start before the claim but end inside it: one long quote holding
N claims after N short quotes took 0.79 s at N = 10^4, 14.8 s at 3*10^4 and 151 s at 10^5 (a
hang in practice; such an article reaches `validate` whole). The failing run is now skipped in
power-of-two blocks (`_last_reaching`): 0.03 s at 10^5.

The growth test counts the interpreter's line events in the search (not seconds); the answers are
those of the walk on random articles."""

from __future__ import annotations

import sys

import numpy as np

from landstrikes.schema import claim_speakers
from landstrikes.schema.claim_speakers import innermost_enclosing


def _walk_back(ends, at, target):
    """`_last_reaching` as it was before attack30: the walk back one quote per pass, kept as the
    reference (the rest of `innermost_enclosing` is unchanged)."""
    found, looking, at = np.full(len(at), -1, np.int64), np.arange(len(at)), np.asarray(at, np.int64).copy()
    while len(looking):
        hit = ends[at] >= target[looking]
        found[looking[hit]] = at[hit]
        looking, at = looking[~hit], at[~hit] - 1
    return found


def _lines_run(function, *args) -> int:
    """Line events the interpreter runs in claim_speakers' own code while `function` runs."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if frame.f_code.co_filename == claim_speakers.__file__:
            if event == "line":
                count += 1
            return tracer
        return None

    sys.settrace(tracer)
    try:
        function(*args)
    finally:
        sys.settrace(None)
    return count


def _long_quote_after_short_ones(n: int):
    quote_article = np.zeros(n + 1, np.int64)
    quote_start, quote_end = np.r_[0, np.arange(1, n + 1)], np.r_[10 * n, np.arange(2, n + 2)]
    claim_start = 2 * n + np.arange(n)
    return np.zeros(n, np.int64), claim_start, claim_start + 1, quote_article, quote_start, quote_end


def test_claims_behind_many_short_quotes_take_a_logarithmic_number_of_passes(monkeypatch):
    small, large = (_lines_run(innermost_enclosing, *_long_quote_after_short_ones(n)) for n in (100, 6400))
    assert (innermost_enclosing(*_long_quote_after_short_ones(6400)) == 0).all()
    assert large < 2 * small + 100, f"{small} line events at 100 quotes, {large} at 6,400"
    _same_as_the_walk_on_random_articles(monkeypatch)


def _same_as_the_walk_on_random_articles(monkeypatch):
    rng = np.random.default_rng(30)
    for _ in range(500):
        n, m = (int(x) for x in rng.integers(0, 40, 2))
        top = int(rng.integers(2, 30))
        quote_article, claim_article = rng.integers(0, 3, n), rng.integers(0, 3, m)
        quote_start, claim_start = rng.integers(0, top, n), rng.integers(0, top, m)
        quote_end, claim_end = quote_start + rng.integers(0, top, n), claim_start + rng.integers(0, 4, m)
        args = (claim_article, claim_start, claim_end, quote_article, quote_start, quote_end)
        found = innermost_enclosing(*args).tolist()
        with monkeypatch.context() as walked:
            walked.setattr(claim_speakers, "_last_reaching", _walk_back)
            assert found == innermost_enclosing(*args).tolist()
