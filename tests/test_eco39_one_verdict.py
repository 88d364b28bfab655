"""Every documented way of validating one folder gives one verdict (eco39).

README offers other teams' CI `landstrikes validate PATH --pin SHA256` and, as a library,
`from landstrikes.schema import validate; validate(PATH).ok`. The command checked a release folder
against its MANIFEST.json (attack33); the function judged the tables alone: a copy of the newest
release with its datasheet edited was INVALID on the command line (sha256-mismatch, size-mismatch)
and VALID in Python, and the function had no way to take the pin the CI recipe pins."""

from __future__ import annotations

import hashlib
import json

import pytest

from conftest import DATASET
from landstrikes.cli import main
from landstrikes.schema import validate
from test_attack33_validate_release_manifest import NEWEST, newest_copy  # noqa: F401 (the release copy fixture)


def _pin(release) -> str:
    return hashlib.sha256((release / "MANIFEST.json").read_bytes()).hexdigest()


def _cli(path, tmp_path, capsys, *extra) -> tuple[int, set]:
    report = tmp_path / "cli.json"
    code = main(["validate", str(path), "--json", str(report), *extra])
    capsys.readouterr()
    return code, {(f["table"], f["check"], f["row_id"]) for f in json.loads(report.read_text(encoding="utf-8"))["findings"]}


def _python(path, **kwargs) -> tuple[int, set]:
    report = validate(path, **kwargs)
    return report.exit_code, {(f.table, f.check, f.row_id) for f in report.findings}


@pytest.mark.parametrize("where", ["release", "data"])
def test_a_tampered_release_is_invalid_in_python_as_on_the_command_line(newest_copy, tmp_path, capsys, where):
    with open(newest_copy / "DATASHEET.md", "a", encoding="utf-8") as handle:
        handle.write("edited after release\n")
    path = newest_copy if where == "release" else newest_copy / "data"
    python = _python(path)
    assert python[0] == 1 and ("release", "sha256-mismatch", "DATASHEET.md") in python[1], python
    assert python == _cli(path, tmp_path, capsys)


def test_the_python_function_takes_the_pin_the_ci_recipe_pins(newest_copy, tmp_path, capsys):
    assert _python(newest_copy, pin=_pin(NEWEST)) == (0, set())
    other = "0" * 64
    python = _python(newest_copy, pin=other)
    assert python == (1, {("release", "manifest-digest-mismatch", "MANIFEST.json")})
    assert python == _cli(newest_copy, tmp_path, capsys, "--pin", other)


def test_a_pin_for_a_folder_without_manifest_is_unusable_in_python_too(tmp_path):
    report = validate(DATASET, pin="0" * 64)
    assert report.exit_code == 2 and "MANIFEST.json" in report.unusable, report.unusable
    assert validate(NEWEST, pin="not a digest").exit_code == 2


def test_partitioned_validation_takes_the_pin(newest_copy):
    from landstrikes.engines.validate import validate_partitioned

    report = validate_partitioned(newest_copy, "local", 1, pin="0" * 64)
    assert {(f.table, f.check) for f in report.findings} == {("release", "manifest-digest-mismatch")}


def test_a_release_nothing_can_judge_is_never_valid(newest_copy, monkeypatch):
    from landstrikes.schema import release_check

    monkeypatch.setattr(release_check, "_judges", [])
    report = validate(newest_copy)
    assert report.exit_code == 2 and "[release-unchecked]" in report.unusable
