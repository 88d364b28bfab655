"""The span-to-markup function: nested, never swallowing or duplicating a character."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from landstrikes.render.markup import Span, SpanOutOfRange, events_text, to_events


def coverage(text: str, spans: list[Span]) -> dict[Span, str]:
    """Replay the events: check LIFO nesting and return, per span, the characters it wraps."""
    events = to_events(text, spans)
    stack: list[Span] = []
    covered: dict[Span, str] = {s: "" for s in spans}
    firsts: dict[Span, int] = {s: 0 for s in spans}
    for event in events:
        if event.kind == "open":
            stack.append(event.span)
            firsts[event.span] += event.first
        elif event.kind == "close":
            assert stack.pop() == event.span, "elements must close in the order they opened"
        elif event.kind == "empty":
            firsts[event.span] += 1
        else:
            assert event.text, "no empty text events"
            for span in set(stack):
                covered[span] += event.text
    assert not stack, "every opened element is closed"
    assert all(n == 1 for n in firsts.values()), "each span has exactly one first fragment"
    return covered


def spans_wrap_exactly_their_slice(text: str, spans: list[Span]) -> None:
    covered = coverage(text, spans)
    for span in spans:
        assert covered[span] == text[span.start : span.end]


def q(start: int, end: int, key: str = "", layer: str = "quote") -> Span:
    return Span(start, end, layer, key or f"{layer}:{start}-{end}")


def test_text_without_spans_is_one_text_event():
    assert [(e.kind, e.text) for e in to_events("hello", [])] == [("text", "hello")]


def test_nested_spans_become_nested_elements():
    text = 'He said "we will hit land" today.'
    outer, inner = q(9, 25, "outer"), q(17, 21, "inner")
    kinds = [(e.kind, e.span.key if e.span else e.text) for e in to_events(text, [inner, outer])]
    assert kinds == [
        ("text", 'He said "'),
        ("open", "outer"),
        ("text", "we will "),
        ("open", "inner"),
        ("text", "hit "),
        ("close", "inner"),
        ("text", "land"),
        ("close", "outer"),
        ("text", '" today.'),
    ]


def test_crossing_spans_are_split_into_fragments_sharing_the_key():
    text = "abcdefghij"
    a, b = q(0, 6, "a"), q(3, 9, "b")
    events = to_events(text, [a, b])
    opens = [(e.span.key, e.first) for e in events if e.kind == "open"]
    assert opens == [("a", True), ("b", True), ("b", False)]
    spans_wrap_exactly_their_slice(text, [a, b])
    assert events_text(events) == text


def test_spans_at_start_and_end_of_text():
    text = "Trump said it"
    spans = [q(0, 5, "m", "mention"), q(11, 13, "end"), q(0, 13, "all", "segment")]
    spans_wrap_exactly_their_slice(text, spans)
    events = to_events(text, spans)
    assert events[0].kind == "open" and events[-1].kind == "close"


def test_zero_length_span_is_an_empty_element_at_its_offset():
    text = "abcdef"
    empty, around = q(3, 3, "empty"), q(1, 5, "around")
    events = to_events(text, [empty, around])
    assert [(e.kind, e.span.key if e.span else e.text) for e in events] == [
        ("text", "a"),
        ("open", "around"),
        ("text", "bc"),
        ("empty", "empty"),
        ("text", "de"),
        ("close", "around"),
        ("text", "f"),
    ]


def test_zero_length_spans_at_both_ends():
    events = to_events("ab", [q(0, 0, "first"), q(2, 2, "last")])
    assert [e.kind for e in events] == ["empty", "text", "empty"]
    assert events_text(events) == "ab"


def test_identical_spans_of_different_rows_are_both_drawn():
    text = "land strikes"
    a, b = q(0, 4, "claim-a", "claim"), q(0, 4, "quote-b", "quote")
    spans_wrap_exactly_their_slice(text, [a, b])
    assert sum(e.kind == "open" for e in to_events(text, [a, b])) == 2


def test_rank_decides_which_of_two_equal_spans_is_outside():
    segment = Span(0, 4, "segment", "g", rank=0)
    mention = Span(0, 4, "mention", "m", rank=9)
    opens = [e.span.key for e in to_events("land", [mention, segment]) if e.kind == "open"]
    assert opens == ["g", "m"]


def test_astral_characters_count_as_one_code_point():
    text = "fire 🔥 and 🇲🇽 flag"
    fire = q(5, 6, "emoji")
    flag = q(11, 13, "flag")  # a flag is two regional-indicator code points
    assert text[5:6] == "🔥" and text[11:13] == "🇲🇽"
    spans_wrap_exactly_their_slice(text, [fire, flag])
    assert events_text(to_events(text, [fire, flag])) == text


@pytest.mark.parametrize("bad", [(-1, 2), (2, 7), (4, 3)])
def test_span_outside_the_text_is_refused(bad):
    with pytest.raises(SpanOutOfRange):
        to_events("hello", [q(*bad)])


@st.composite
def text_and_spans(draw):
    text = draw(st.text(alphabet=st.sampled_from("ab \n\r<&\"'é🔥\U0001f1f2"), max_size=40))
    n = len(text)
    bounds = st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted)
    layers = st.sampled_from(["segment", "quote", "cue", "mention", "claim"])
    raw = draw(st.lists(st.tuples(bounds, layers, st.integers(0, 3)), max_size=12))
    spans = [Span(lo, hi, layer, f"{layer}{i}", rank=rank) for i, ((lo, hi), layer, rank) in enumerate(raw)]
    return text, spans


@given(text_and_spans())
def test_markup_text_equals_article_text(case):
    text, spans = case
    assert events_text(to_events(text, spans)) == text


@given(text_and_spans())
def test_every_span_wraps_exactly_its_slice_and_elements_nest(case):
    text, spans = case
    spans_wrap_exactly_their_slice(text, spans)
