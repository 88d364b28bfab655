"""A line feed in a value and a value's last character, read from a string column's bytes
(schema/stringbytes.py, valspeed19): the same answers as the Arrow kernels the checks asked
before (`match_substring`, `match_substring_regex` with `[...]$`), for any values, nulls, slices,
chunks and both string widths; and the two checks that ask them find what they found."""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import example, given, settings
from hypothesis import strategies as st

from landstrikes.schema.checkcorpus import Corpus
from landstrikes.schema.final_punctuation import CLAUSE_STOPS, FINAL_PUNCTUATION
from landstrikes.schema.report import Report
from landstrikes.schema.span_lines import check_span_lines
from landstrikes.schema.final_punctuation_ends import check_final_punctuation_ends
from landstrikes.schema.stringbytes import ends_with_one_of, holds_ascii

CHARACTERS = list("ab \n.!?,;:\t") + ["…", "é", "\u2028", "😀", "”"]
VALUES = st.lists(st.one_of(st.text(st.sampled_from(CHARACTERS), max_size=6), st.none()), max_size=9)


def _kernel_holds(values, character: str) -> list[bool]:
    """The definition: Arrow's substring search, a null never holding anything."""
    return pc.fill_null(pc.match_substring(values, character), False).to_numpy(zero_copy_only=False).tolist()


def _kernel_ends(values, characters: str) -> list[bool]:
    """The definition: the regular expression the checks ran, `[...]$` (RE2's `$`: the text's end)."""
    found = pc.match_substring_regex(values, "[" + re.escape(characters) + "]$")
    return pc.fill_null(found, False).to_numpy(zero_copy_only=False).tolist()


def _arrays(values: list, wide: bool, skip: int, cut: int):
    """The values as one array sliced out of a longer one (`skip` values before them) and as two chunks."""
    kind = pa.large_string() if wide else pa.string()
    whole = pa.array(["x\n."] * skip + values, kind).slice(skip)
    return whole, pa.chunked_array([whole.slice(0, cut), whole.slice(cut)], kind)


@settings(max_examples=500, deadline=None)
@given(VALUES, st.booleans(), st.integers(0, 3), st.integers(0, 9))
@example(["", "a\n", None, "\n"], False, 1, 2)
@example(["a.", "…", "é…", "", None, "a,"], True, 0, 3)
def test_line_feeds_and_last_characters_are_the_kernels_answers(values, wide, skip, cut):
    """Seen failing with the rows of the line feeds found one row too far (`side="left"`), with
    the slice's offset left out, and with the last byte read as the last character."""
    for array in _arrays(values, wide, skip, cut):
        assert holds_ascii(array, "\n").tolist() == _kernel_holds(array, "\n")
        assert ends_with_one_of(array, FINAL_PUNCTUATION).tolist() == _kernel_ends(array, FINAL_PUNCTUATION)
        assert ends_with_one_of(array, CLAUSE_STOPS).tolist() == _kernel_ends(array, CLAUSE_STOPS)


def test_a_null_whose_slot_still_spans_bytes_holds_nothing():
    """A writer may leave bytes under a null slot (Arrow allows any range there): the null is
    still no value, neither holding a line feed nor ending on a stop (seen failing with the
    validity left out)."""
    data = pa.py_buffer(b"ab\n.")
    offsets = pa.py_buffer(np.array([0, 4, 4], np.int32).tobytes())
    validity = pa.py_buffer(np.packbits(np.array([0, 1, 0, 0, 0, 0, 0, 0], np.uint8), bitorder="little").tobytes())
    array = pa.Array.from_buffers(pa.string(), 2, [validity, offsets, data], null_count=1)
    assert holds_ascii(array, "\n").tolist() == [False, False] == _kernel_holds(array, "\n")
    assert ends_with_one_of(array, ".").tolist() == [False, False] == _kernel_ends(array, ".")


def _corpus(text: str, span: tuple[int, int], kind: str) -> Corpus:
    start, end = span
    return Corpus.from_arrow({
        "articles": pa.table({"article_id": ["a"], "text": [text]}),
        "quotes": pa.table({"quote_id": ["a:q:0"], "article_id": ["a"], "start": [start], "end": [end],
                            "text": [text[start:end]], "kind": [kind], "source": ["gold"],
                            "cue_start": pa.array([None], pa.int64()), "cue_end": pa.array([None], pa.int64()),
                            "cue_text": pa.array([None], pa.string()),
                            "speaker_start": pa.array([None], pa.int64()), "speaker_end": pa.array([None], pa.int64()),
                            "speaker_text": pa.array([None], pa.string())}),
    })


def _found(check, text: str, span: tuple[int, int], kind: str) -> list[str]:
    report = Report(path="x")
    check(_corpus(text, span, kind), report)
    return [f.check for f in report.findings]


def test_a_span_across_a_line_is_found_from_the_bytes():
    text = "He said the army\nwould go. Then"
    assert _found(check_span_lines, text, (8, 26), "direct") == ["span-crosses-line"]
    assert _found(check_span_lines, text, (8, 16), "direct") == []


def test_an_indirect_span_ending_on_a_stop_is_found_from_the_bytes():
    text = "He said the army would go… Then they left."
    assert _found(check_final_punctuation_ends, text, (8, 26), "indirect") == ["indirect-span-final-punctuation"]
    assert _found(check_final_punctuation_ends, text, (8, 25), "indirect") == []
