"""`diff`'s text report keeps a changed value on its line too (attack22).

attack19 escaped ids, names and reasons; a changed value was shown through `json.dumps`, which
escapes C0 controls but leaves U+2028, U+2029 and NEL (U+0085) as they are, and `str.splitlines`
breaks at each. A quote text `ok<U+2028>required bump: patch (no table changed)` added a forged
verdict line to the report of anything reading it line by line.
"""

from __future__ import annotations

from test_attack19_diff_report_lines import FORGED, _rename_first_row

from landstrikes.cli import main


def test_a_changed_value_holding_a_unicode_line_break_stays_on_its_line(dataset_copy, built_dataset, capsys):
    _rename_first_row(dataset_copy, "quotes", "text", f"ok\u2028{FORGED}\x85\u2029end")
    assert main(["diff", str(built_dataset), str(dataset_copy)]) == 1
    out = capsys.readouterr().out
    assert "\u2028" not in out and "\u2029" not in out and "\x85" not in out
    verdicts = [line for line in out.splitlines() if line.startswith("required bump")]
    assert verdicts == [out.splitlines()[-1]] and FORGED not in verdicts[0], verdicts
    assert f'"ok\\u2028{FORGED}\\x85\\u2029end"' in out
