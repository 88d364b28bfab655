"""A broken symbolic link on a path a command writes is refused by every writer (attack39).

`render`, `extract` and `export-schemas --out LINK` with LINK pointing at nothing made the folder
it names (`Path.resolve` then `mkdir`), wherever that was; so did `--out LINK/sub`; `stats` wrote a
figure where a broken link in `docs/figures/` pointed, and `release --changelog LINK` made a new
changelog there. `publish --dry-run` refused LINK itself but not LINK/sub, and the reports refused a
dangling LINK but ended `File exists` after the work for LINK/r.json. A user names a place by the
path they type; a broken link names a place nobody created, and writing there creates files or
folders the user did not name. Every command now refuses, one line, exit 2, before any work, and
nothing is made where the link points.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from landstrikes.cli import main

TEXT = "Title\n\n“We will act,” Ana Ruiz said.\n"


def _tree(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


def _commands(dataset: Path, raw: Path, link: Path) -> dict[str, list[str]]:
    first_figure = sorted((dataset.parent / "docs" / "figures").glob("*.png"))[0]
    return {
        "render": ["render", str(dataset), "--out", str(link)],
        "extract": ["extract", str(raw), "--out", str(link)],
        "export-schemas": ["export-schemas", "--out", str(link)],
        "publish --dry-run": ["publish", "1.0.1", "--dry-run", "--out", str(link), "--dataset", str(dataset)],
        "validate --json": ["validate", str(dataset), "--json", str(link)],
        "diff --json": ["diff", "1.0.0", "1.0.1", "--dataset", str(dataset), "--json", str(link)],
        "agreement --out": ["agreement", "--dataset", str(dataset), "--out", str(link)],
        "release --changelog": ["release", "9.9.9-no", "--dataset", str(dataset), "--changelog", str(link)],
        "stats": ["stats", "--dataset", str(dataset), "--root", str(dataset.parent), str(first_figure)],
    }


COMMANDS = ["render", "extract", "export-schemas", "publish --dry-run", "validate --json", "diff --json",
            "agreement --out", "release --changelog", "stats"]


CASES = [pytest.param(command, below, id=f"{command}-{'link/below' if below else 'link'}")
         for command in COMMANDS for below in (False, True)
         if not (command == "stats" and below)]  # stats writes its documents' fixed names: the figure's own link is its case


@pytest.mark.parametrize(("command", "through_parent"), CASES)
def test_a_broken_link_is_refused_and_nothing_is_made_where_it_points(command, through_parent, released_copy,
                                                                      tmp_path, monkeypatch, capsys):
    if command == "release --changelog":  # one release: the repair writes its missing entry into the changelog
        shutil.rmtree(released_copy / "releases" / "1.0.1")
    raw = tmp_path / "rawtexts"
    raw.mkdir()
    (raw / "one.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.setenv("LANDSTRIKES_CACHE_DIR", str(tmp_path / "cache"))
    work = tmp_path / "work"
    work.mkdir()
    pointed = work / "pointed-at"
    link = work / "link"
    link.symlink_to(pointed)
    target = link / "below" if through_parent else link
    argv = _commands(released_copy, raw, target)[command]
    if command == "stats":
        figure = Path(argv.pop())
        figure.unlink()
        figure.symlink_to(pointed)
        target = figure
    before = _tree(tmp_path)
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2, err
    assert not os.path.lexists(pointed), f"{command} made {pointed}"
    assert "does not exist" in err and len(err.strip().splitlines()) == 1, err
    assert _tree(tmp_path) == before
