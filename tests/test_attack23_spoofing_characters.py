"""What a command prints cannot be spoofed by the characters of a path, an id or a value (attack23).

attack3 and attack19 escaped C0 controls and U+2028 in some reports, but a path or id may also
hold characters that no terminal draws as themselves:

- NEL (U+0085), U+2028 and U+2029, at which `str.splitlines` breaks a line (a log reader then
  sees a second, forged error line);
- the other C1 controls: U+009B is CSI, the 8-bit escape that starts a terminal control sequence
  (`\\x9b31m` turns the rest of the line red in terminals that honour C1);
- bidirectional overrides and isolates (U+202E, U+2066): the line after them is drawn reversed, so
  `abc\\u202eDILAV` reads `abcVALID`;
- invisible format characters (U+200B, U+FEFF, the tag characters U+E0000-E007F that spell hidden
  ASCII): two different paths or ids print the same.

Every error line printed these raw (build, render, extract, export-schemas, release, publish,
validate --json, stats, agreement), and validate's report printed bidi and invisible characters
in ids raw (its own escaping covered C0, C1 and U+2028 only). Now one rule, `visible`, escapes every
character Python does not call printable, as `repr` shows it, everywhere; and a report line
holding a 200,000-character id stays short enough to read (ids and columns are cut, as values
were).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from landstrikes.cli import main
from test_attack19_diff_report_lines import _rename_first_row  # one row's id renamed, its type kept

HOSTILE = "bad\x85nel\x9b31mcsi\u2028ls\u202eRLO\u2066iso\u200bzw\ufeffbom\U000E0041tag"
"""One name holding one character of each class above."""


def _commands(tmp, dataset):
    missing = str(tmp / HOSTILE)
    inside_data = str(tmp / "data" / HOSTILE)
    return {
        "build": ["build", "--dataset", missing],
        "validate": ["validate", missing],
        "validate --json": ["validate", str(dataset), "--json", inside_data],
        "render": ["render", missing, "--out", str(tmp / "site")],
        "render --out": ["render", str(dataset), "--out", inside_data],
        "extract": ["extract", missing, "--out", str(tmp / "silver")],
        "export-schemas": ["export-schemas", "--out", inside_data],
        "stats": ["stats", "--dataset", missing, "--check"],
        "agreement": ["agreement", "--dataset", missing],
        "diff": ["diff", missing, missing],
        "verify": ["verify", missing],
        "release": ["release", "9.9.9", "--dataset", missing],
        "publish": ["publish", "9.9.9", "--repo", "a/b", "--dry-run", "--out", str(tmp / "pub"), "--dataset", missing],
    }


def _unprintable(text: str) -> set[str]:
    return {f"U+{ord(c):04X}" for c in text if not c.isprintable() and c != "\n"}


COMMANDS = ["build", "validate", "validate --json", "render", "render --out", "extract", "export-schemas", "stats",
            "agreement", "diff", "verify", "release", "publish"]


@pytest.mark.parametrize("command", COMMANDS)
def test_an_error_naming_a_hostile_path_prints_no_character_a_terminal_would_act_on(command, tmp_path, built_dataset):
    for part in ("raw", "annotations", "data"):  # laid out as a dataset: its data/ is protected
        (tmp_path / part).mkdir()
    done = subprocess.run([sys.executable, "-m", "landstrikes", *_commands(tmp_path, built_dataset)[command]],
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONUTF8": "1"})
    assert done.returncode == 2, done.stderr
    assert _unprintable(done.stdout + done.stderr) == set(), done.stderr
    assert done.stderr.count("\n") == 1 and done.stderr.startswith(("error:", "UNUSABLE")) \
        or done.stdout.startswith("UNUSABLE"), done.stderr
    assert "\\u202e" in done.stdout + done.stderr  # the character is named, not dropped


def test_validate_shows_an_id_holding_bidi_and_invisible_characters_escaped(dataset_copy, capsys):
    _rename_first_row(dataset_copy, "stance_targets", "target_id", "abc\u202eDILAV\u200b\U000E0041")
    assert main(["validate", str(dataset_copy)]) == 1
    out = capsys.readouterr().out
    assert _unprintable(out) == set()
    assert "abc\\u202eDILAV\\u200b\\U000e0041" in out


def test_a_report_line_naming_a_huge_id_stays_readable_and_the_json_keeps_it_whole(dataset_copy, tmp_path, capsys):
    huge = "x" * 200_000 + "-Y"
    _rename_first_row(dataset_copy, "stance_targets", "target_id", huge)
    report = tmp_path / "r.json"
    assert main(["validate", str(dataset_copy), "--json", str(report)]) == 1
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= 1000
    assert "id-not-slug" in out
    assert any(f["row_id"] == huge for f in json.loads(report.read_text())["findings"])


def test_diff_names_a_huge_id_on_a_readable_line(dataset_copy, built_dataset, capsys):
    _rename_first_row(dataset_copy, "stance_targets", "target_id", "x" * 200_000 + "\u202eDILAV")
    assert main(["diff", str(built_dataset), str(dataset_copy)]) == 1
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= 1000
    assert _unprintable(out) == set()


def test_a_repair_notice_naming_a_hostile_out_folder_is_escaped(tmp_path, built_dataset):
    """The next run's notice about a killed run's leftovers names the folder too."""
    out = tmp_path / HOSTILE
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONUTF8": "1"}
    args = [sys.executable, "-m", "landstrikes", "render", str(built_dataset), "--out", str(out)]
    killed = subprocess.run(args, capture_output=True, text=True, timeout=300, env={**env, "LANDSTRIKES_FAULT": "outdir:marked"})
    assert killed.returncode == -9
    done = subprocess.run(args, capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr
    assert "\\u202e" in done.stdout + done.stderr
    assert _unprintable(done.stdout + done.stderr) == set(), done.stdout + done.stderr
