"""A command that finds no release says what to type on its own command line: `diff`, `verify` and
`publish` printed `load()`'s advice, "pass root= the dataset or releases folder of your copy, or
version= a release folder" (newuser46, newuser47), Python keywords no command takes (attack50)."""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import DATASET
from landstrikes.cli import main, parser

COMMANDS = {
    "diff": lambda version, dataset: ["diff", version, "2.32.0", "--dataset", dataset],
    "verify": lambda version, dataset: ["verify", version, "--dataset", dataset],
    "publish": lambda version, dataset: ["publish", version, "--repo", "a/b", "--dataset", dataset, "--dry-run", "--out", "site"],
}


def _options(command: str) -> set[str]:
    sub = next(a for a in parser()._actions if a.dest == "command").choices[command]
    return {s for a in sub._actions for s in a.option_strings}


def _said(capsys) -> str:
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    return err


def _assert_spoken_as_the_command_line(command: str, line: str) -> None:
    assert "[release-not-found]" in line
    assert not re.search(r"\b(root|version)=", line), line
    named = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", line))
    assert named and named <= _options(command), (named, line)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_no_release_anywhere_is_said_in_the_commands_options(command, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    assert main(COMMANDS[command]("9.9.9", str(tmp_path / "empty"))) == 2
    _assert_spoken_as_the_command_line(command, _said(capsys))


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_release_folder_given_as_the_dataset_is_said_in_the_commands_options(command, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    copy = tmp_path / "vendor" / "2.32.0"
    shutil.copytree(DATASET / "releases" / "2.32.0", copy)
    assert main(COMMANDS[command]("2.31.0", str(copy))) == 2
    line = _said(capsys)
    _assert_spoken_as_the_command_line(command, line)
    assert str(copy) in line


def test_the_python_loader_still_speaks_python(tmp_path, monkeypatch):
    import landstrikes
    from landstrikes.errors import ReleaseNotFound

    monkeypatch.chdir(tmp_path)
    with pytest.raises(ReleaseNotFound, match=r"root="):
        landstrikes.load("quotes", version="9.9.9", root=tmp_path)
