"""diff's cut of a long changed value falls between grapheme clusters (attack48): attack47 kept a
letter with its accents, but a ZWJ emoji sequence (a family), an emoji with its skin tone, a flag
(two regional indicators), a tag-sequence flag or a CR LF could still be split, showing half a
flag as another flag's letter or a family as a lone person."""

from __future__ import annotations

import pytest

from landstrikes.releases.diff import _drawn, _show_pair

FAMILY = "\U0001F468\u200d\U0001F469\u200d\U0001F467"
FLAG = "\U0001F1EB\U0001F1F7"
SKIN = "\U0001F44D\U0001F3FD"
ENGLAND = "\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F"
ACCENTED = "e\u0301\u0323"
UNITS = {"family": FAMILY, "flag": FLAG, "skin": SKIN, "england": ENGLAND, "accented": ACCENTED, "crlf": "\r\n"}


def _clusters(unit: str, count: int, lead: int, tail: str) -> str:
    return "x" * lead + unit * count + tail


def _whole(shown: str, unit: str) -> bool:
    """`shown`, its ellipses, quotes, brackets and the ASCII around the repeated unit set aside, is
    the unit drawn a whole number of times: no cut fell inside one of its clusters."""
    drawn_unit = "".join(_drawn(unit)[1:-1])
    core = shown.strip("…").lstrip('"[x').rstrip('"[], ab')
    return core == drawn_unit * (len(core) // len(drawn_unit)) and len(core) % len(drawn_unit) == 0


@pytest.mark.parametrize("name", sorted(UNITS))
@pytest.mark.parametrize("lead", range(0, 7))
@pytest.mark.parametrize("count", [20, 45, 400])
def test_each_side_of_a_cut_value_is_whole_clusters(name, lead, count):
    unit = UNITS[name]
    old = _clusters(unit, count, lead, "a")
    new = _clusters(unit, count - 1, lead, "b")
    for side in _show_pair(old, new):
        assert _whole(side, unit), (name, lead, count, side)


@pytest.mark.parametrize("name", sorted(UNITS))
def test_a_list_value_is_cut_between_clusters_too(name):
    old, new = [UNITS[name] * 60, "a"], [UNITS[name] * 60, "b"]
    for side in _show_pair(old, new):
        assert _whole(side, UNITS[name]), (name, side)


def test_a_flag_is_one_drawn_character_and_two_flags_are_two():
    assert _drawn(FLAG * 2) == ['"', FLAG, FLAG, '"']
    assert _drawn(FLAG[0] * 3) == ['"', FLAG[0] * 2, FLAG[0], '"']
