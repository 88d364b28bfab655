"""The control-character rule decides on Arrow (RE2) and names the character with Python's `re`:
both classes come from one list of ranges and must agree on every character, or a finding could
name the wrong character (or none)."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from landstrikes.schema import value_rules


@pytest.mark.parametrize("arrow_class, python_class", [
    (value_rules.UNWRITABLE, value_rules._UNWRITABLE_RE),
    (value_rules.NAME_BREAKS, value_rules._NAME_BREAKS_RE),
])
def test_the_arrow_and_python_classes_agree_on_every_character(arrow_class, python_class):
    chars = [chr(c) for c in range(0x11000) if not 0xD800 <= c < 0xE000]
    by_arrow = pc.match_substring_regex(pa.array(chars), arrow_class).to_pylist()
    assert by_arrow == [python_class.search(c) is not None for c in chars]


def test_names_refuse_tabs_other_values_keep_them():
    assert value_rules._NAME_BREAKS_RE.search("Ana\tMaria")
    assert not value_rules._UNWRITABLE_RE.search("line one\n\tline two")
    assert value_rules._UNWRITABLE_RE.search("tab\tthen NUL\x00").group() == "\x00"
