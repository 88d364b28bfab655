"""verify prints one line per problem, whatever the entry is called: a file or folder named with a
line break split its problem over two lines, and a carriage return let the rest of the line
overwrite its start on a terminal (attack13). Names are printed as `visible` escapes them, as
every other command's errors are; `load`'s ReleaseIntegrityError is one line too."""

from __future__ import annotations

import os

import pytest

from landstrikes import load
from landstrikes.cli import main
from landstrikes.errors import ReleaseIntegrityError

VERSION = "1.0.1"


def _hostile_names(release):
    (release / "docs").mkdir(exist_ok=True)
    (release / "docs" / "evil\nname.md").write_text("x")
    (release / "empty\nfolder").mkdir()
    os.symlink("/etc/hostname", release / "link\rname")


def test_each_problem_is_one_line_whatever_the_entry_is_named(released_copy, capsys):
    _hostile_names(released_copy / "releases" / VERSION)
    assert main(["verify", VERSION, "--dataset", str(released_copy)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4, lines  # the header and three problems
    assert "  [unlisted-file] docs/evil\\nname.md: in the release folder but not in the manifest" in lines, lines
    assert any(line.startswith("  [unlisted-folder] empty\\nfolder: ") for line in lines), lines
    assert any(line.startswith("  [symlink-in-release] link\\rname: ") for line in lines), lines


def test_load_names_them_in_one_line(released_copy):
    _hostile_names(released_copy / "releases" / VERSION)
    with pytest.raises(ReleaseIntegrityError) as refused:
        load("quotes", version=VERSION, root=released_copy / "releases")
    text = str(refused.value)
    assert "\n" not in text and "\r" not in text and "evil\\nname.md" in text, text
