"""attack17: `render` nests an article's spans in time that grows with the spans, not their square.

`to_events` looked at every span of the article for every piece of text between two span
boundaries: 4,000 mentions took 0.9 s and 40,000 (a long article's silver; extract takes up to
1,000,000 characters) about 90 s, one article. The events must stay exactly those of the rule:
each piece opens the spans that cover it, outer first (the reference below)."""

from __future__ import annotations

import random
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from landstrikes.render.markup import Event, Span, _order, to_events


def _events_piece_by_piece(text: str, spans: list[Span]) -> list[Event]:
    """The rule, every span looked at for every piece: between two cuts the open spans are exactly
    those covering the piece, outer first; only what differs from the last piece's is closed and
    opened; zero-length spans sit at their offset after the closes."""
    spans = sorted(set(spans), key=_order)
    cuts = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    events, before, seen = [], [], set()
    for lo, hi in [*zip(cuts, cuts[1:]), (len(text), len(text))]:
        now = [s for s in spans if s.start <= lo and hi <= s.end and s.start < s.end] if lo < hi else []
        same = next((k for k, (a, b) in enumerate(zip(before, now)) if a != b), min(len(before), len(now)))
        events += [Event("close", s) for s in reversed(before[same:])]
        events += [Event("empty", s, first=True) for s in spans if s.start == s.end == lo]
        events += [Event("open", s, first=s not in seen) for s in now[same:]]
        seen.update(now)
        events += [Event("text", text=text[lo:hi])] if lo < hi else []
        before = now
    return events


@st.composite
def _text_and_spans(draw):
    text = draw(st.text(alphabet="ab ", max_size=30))
    bound = st.integers(0, len(text))
    spans = []
    for i in range(draw(st.integers(0, 12))):
        start, end = sorted((draw(bound), draw(bound)))
        spans.append(Span(start, end, draw(st.sampled_from(["mention", "quote", "claim"])), f"k{draw(st.integers(0, 3))}",
                          rank=draw(st.integers(0, 2))))
    return text, spans


@settings(max_examples=400, deadline=None)
@given(_text_and_spans())
def test_events_are_those_of_the_piece_by_piece_rule(case):
    text, spans = case
    assert to_events(text, spans) == _events_piece_by_piece(text, spans)


def test_forty_thousand_spans_of_one_article_nest_in_seconds():
    """About 90 s before (0.9 s for 4,000, growing with the square)."""
    rng = random.Random(17)
    n = 40_000
    text = "abcdefghij" * n + " " * 30
    spans = [Span(10 * i, 10 * i + rng.randint(1, 30), "mention", f"m{i}") for i in range(n)]
    spans += [Span(0, len(text), "segment", "s0"), Span(100, 100, "cue", "e0")]
    began = time.perf_counter()
    events = to_events(text, spans)
    assert time.perf_counter() - began < 15
    assert "".join(e.text for e in events if e.kind == "text") == text
