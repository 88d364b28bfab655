"""attack17: `diff` pairs corrected spans in time that grows with the rows, not with their square.

`match_corrected_spans` compared every removed row with every added row (the article checked
inside the loop): 8,000 ids re-derived in both releases took 11 s, 10^5 (a silver extract of a few
thousand articles, an id scheme changed) about half an hour. The pairs must stay exactly those of
the all-pairs rule: same article, overlapping [start, end), largest overlap first."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from landstrikes.releases.diff import match_corrected_spans


def _all_pairs(removed: dict, added: dict) -> list[tuple[str, str]]:
    """The rule, stated as plainly as possible: every pair considered, largest overlap first."""
    candidates = sorted(
        (-(min(b["end"], a["end"]) - max(b["start"], a["start"])), old_id, new_id)
        for old_id, b in removed.items() for new_id, a in added.items()
        if b["article_id"] == a["article_id"] and min(b["end"], a["end"]) > max(b["start"], a["start"])
    )
    pairs, used = [], set()
    for _, old_id, new_id in candidates:
        if old_id not in used and new_id not in used:
            pairs.append((old_id, new_id))
            used |= {old_id, new_id}
    return sorted(pairs)


_span = st.fixed_dictionaries({"article_id": st.sampled_from(["a", "b", "c"]),
                               "start": st.integers(-5, 60), "end": st.integers(-5, 60)})


@settings(max_examples=300, deadline=None)
@given(st.lists(_span, max_size=25), st.lists(_span, max_size=25))
def test_corrected_spans_pair_as_the_all_pairs_rule_pairs_them(removed, added):
    removed = {f"old{i}": row for i, row in enumerate(removed)}
    added = {f"new{i}": row for i, row in enumerate(added)}
    assert match_corrected_spans(removed, added) == _all_pairs(removed, added)


def test_twenty_thousand_corrected_spans_pair_in_seconds():
    """All-pairs took about 70 s here (11 s for 8,000; it grows with the square); by article and
    start it takes well under a second."""
    n = 20_000
    removed = {f"o{i}": {"article_id": f"a{i % 500}", "start": 10 * i, "end": 10 * i + 5} for i in range(n)}
    added = {f"n{i}": {"article_id": f"a{i % 500}", "start": 10 * i + 1, "end": 10 * i + 6} for i in range(n)}
    began = time.perf_counter()
    pairs = match_corrected_spans(removed, added)
    assert len(pairs) == n and time.perf_counter() - began < 10
