"""The one spelling of Python's whitespace is Python's, and its RE2 class matches exactly it."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.whitespace import PYTHON_WHITESPACE, re2_class


def test_the_spelling_is_every_character_str_isspace_calls_whitespace():
    assert sorted(PYTHON_WHITESPACE) == [chr(c) for c in range(0x110000) if chr(c).isspace()]


def test_the_re2_class_matches_exactly_the_characters_given():
    probes = [chr(c) for c in range(0x3100)]  # every whitespace lies below U+3001
    found = pc.match_substring_regex(pa.array(probes), "^[" + re2_class(PYTHON_WHITESPACE.replace("\n", "")) + "]$")
    assert [c for c, hit in zip(probes, found.to_pylist()) if hit] == sorted(PYTHON_WHITESPACE.replace("\n", ""))
