"""A report replaces only an earlier report of its own command (attack18).

`validate/diff/evaluate --json` and `agreement --out` replaced any file that began with `{` or
`[`. `validate --json dataset/agreement.json` so replaced the agreement figures that `build`
reads with a validate report (the next build then ended `[internal-error] KeyError`), and a
mistyped path replaced a tool's JSON config. An earlier report is recognised by the top-level
keys every report of that command holds."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import with_pass_partners
from landstrikes.cli import main

SOMEONES_CONFIG = '{\n  "name": "my-notes",\n  "private": true\n}\n'


def _argv(command, released_copy, report):
    ds = str(released_copy)
    return {
        "validate": ["validate", ds, "--json", str(report)],
        "diff": ["diff", "--dataset", ds, "1.0.0", "1.0.1", "--json", str(report)],
        "evaluate": ["evaluate", ds, "--gold", ds, "--json", str(report)],
        "agreement": ["agreement", "--dataset", ds, "--out", str(report)],
    }[command]


COMMANDS = ("validate", "diff", "evaluate", "agreement")


def test_validate_json_never_replaces_the_agreement_figures_build_reads(released_copy, capsys):
    figures = released_copy / "agreement.json"
    before = figures.read_bytes()
    assert main(["validate", str(released_copy), "--json", str(figures)]) == 2
    err = capsys.readouterr().err
    assert "[unwritable-report]" in err and "not an earlier `validate` report" in err, err
    assert figures.read_bytes() == before


@pytest.mark.parametrize("command", COMMANDS)
def test_a_json_file_that_is_not_a_report_of_the_command_is_kept(command, released_copy, tmp_path, capsys):
    target = tmp_path / "package.json"
    target.write_text(SOMEONES_CONFIG, encoding="utf-8")
    assert main(_argv(command, released_copy, target)) == 2
    assert "[unwritable-report]" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == SOMEONES_CONFIG


@pytest.mark.parametrize("command", COMMANDS)
def test_another_commands_report_is_kept(command, released_copy, tmp_path, capsys):
    other = "diff" if command == "validate" else "validate"
    target = tmp_path / "report.json"
    assert main(_argv(other, released_copy, target)) in (0, 1)
    before = target.read_bytes()
    capsys.readouterr()
    assert main(_argv(command, released_copy, target)) == 2
    assert "[unwritable-report]" in capsys.readouterr().err
    assert target.read_bytes() == before


@pytest.mark.parametrize("command", COMMANDS)
def test_a_commands_own_earlier_report_and_an_empty_file_are_replaced(command, released_copy, tmp_path):
    target = tmp_path / "report.json"
    target.write_bytes(b"")
    if command == "agreement":
        with_pass_partners(released_copy)
    first = main(_argv(command, released_copy, target))
    assert first in (0, 1)
    assert isinstance(json.loads(target.read_text(encoding="utf-8")), dict)
    assert main(_argv(command, released_copy, target)) == first


def test_the_committed_agreement_figures_are_an_agreement_report(released_copy, tmp_path):
    """`agreement` may refresh the figures it wrote (the dataset's own agreement.json)."""
    figures = tmp_path / "agreement.json"
    shutil.copyfile(released_copy / "agreement.json", figures)
    with_pass_partners(released_copy)
    assert main(_argv("agreement", released_copy, figures)) == 0



def test_a_json_file_past_the_read_bound_is_kept_unparsed(released_copy, tmp_path, monkeypatch, capsys):
    """Telling a report apart reads the file: one larger than MAX_REPORT_READ (256 MiB; here 1,000
    bytes) is kept without being loaded, even an earlier report."""
    target = tmp_path / "report.json"
    assert main(_argv("validate", released_copy, target)) == 0
    before = target.read_bytes()
    assert len(before) > 1000
    monkeypatch.setattr("landstrikes.cli.MAX_REPORT_READ", 1000, raising=False)
    capsys.readouterr()
    assert main(_argv("validate", released_copy, target)) == 2
    assert "too large to read" in capsys.readouterr().err
    assert target.read_bytes() == before


@pytest.mark.parametrize("command", ("validate", "diff", "evaluate"))
def test_a_refused_report_path_is_one_line_before_any_work(command, released_copy, tmp_path, capsys):
    """truth31: `validate --json dataset/agreement.json` printed its whole report, then refused
    the path: exit 2 was promised as one line."""
    target = tmp_path / "package.json"
    target.write_text(SOMEONES_CONFIG, encoding="utf-8")
    assert main(_argv(command, released_copy, target)) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1 and "[unwritable-report]" in err
