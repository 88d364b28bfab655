"""implicit-speaker-mentioned cuts a quote's sentence at the last cut before it, scanned back from
the quote a step at a time (issue 19: 0.067 of the check's 0.13 CPU-s at 10^5 quote rows went to
scanning the whole _REACH before each quote). The stepped scan must meet exactly the cut the plain
scan from _REACH back meets, wherever a step boundary falls: inside a run of stops, closing
marks, spaces or line feeds included."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from landstrikes.schema import implicit_speakers

_PIECES = st.sampled_from(["a", "b", "A", " ", "  ", ".", "!", "?", '"', "'", "”", "’", "»", ")", "]", "\n", "\t",
                           "\u00a0", "\u2028", "\x1c", "U.S. ", "said. ", ".” He", "?” he", ". \n\n"])


def plain_last_cut_end(text: str, low: int, start: int) -> int:
    """The definition: the end of the last cut a scan from `low` to `start` meets, else `low`."""
    begin = low
    for cut in implicit_speakers._CUT.finditer(text, low, start):
        begin = cut.end()
    return begin


@pytest.mark.parametrize("step", [1, 2, 5, 160])
@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(_PIECES, max_size=80), data=st.data())
def test_the_stepped_scan_meets_the_cut_the_plain_scan_meets(step, pieces, data):
    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    low = data.draw(st.integers(0, start))
    assert implicit_speakers.last_cut_end(text, low, start, step) == plain_last_cut_end(text, low, start)


def test_a_cut_whose_spaces_run_across_a_step_boundary_ends_where_the_plain_scan_ends():
    text = "He said.     “We go”"
    start = text.index("“")
    assert implicit_speakers.last_cut_end(text, 0, start, step=3) == plain_last_cut_end(text, 0, start) == start
