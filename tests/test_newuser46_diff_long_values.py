"""`diff`'s text report shows where a long value changed, not only its first 100 characters (newuser46).

A value longer than the line's limit was cut at its start on both sides, so a change past the cut
was invisible: an alias appended to a catalogue entity's sorted list of six, or a quality flag's
note reworded in its last clause, printed the same `…`-cut text on both sides of `->`, and the
change was in `--json` only. A long value is now shown from a little before its first difference.
"""

from __future__ import annotations

from landstrikes.releases.diff import RowChange, TableDiff, table_text


def _lines(column: str, old, new) -> list[str]:
    t = TableDiff("entities", "changed", rows_old=1, rows_new=1,
                  changed=[RowChange("e", "e", {column: [old, new]})])
    return [line for line in table_text(t) if line.strip().startswith(f"{column}:")]


def test_a_list_changed_past_the_cut_shows_the_element_that_differs():
    old = ["Caracas raid", "Maduro Operation", "Maduro operation", "Maduro raid", "Venezuela operation",
           "Venezuela raid"]
    (line,) = _lines("aliases", old, old + ["Venezuela strikes"])
    before, after = line.split(" -> ")
    assert '"Venezuela strikes"' in after and "Venezuela strikes" not in before, line
    assert '"Venezuela raid"]' in before, line


def test_a_long_text_changed_near_its_end_shows_both_sides_of_the_change():
    head = "Prev/next article links and an empty related block after the body, " * 3
    (line,) = _lines("note", head + "alpha.", head + "omega.")
    before, after = line.split(" -> ")
    assert "alpha" in before and "omega" in after, line
    assert before.lstrip().split(": ", 1)[1].startswith("…") and len(line) < 260, line


def test_a_short_value_is_shown_whole():
    (line,) = _lines("note", "old note", "new note")
    assert line.strip() == 'note: "old note" -> "new note"'


def test_a_change_at_the_start_of_a_long_value_is_shown_from_its_start():
    tail = " and the rest of a long note that runs on" * 5
    (line,) = _lines("note", "First" + tail, "Second" + tail)
    before, after = line.split(" -> ")
    assert before.strip().startswith('note: "First') and after.startswith('"Second'), line
