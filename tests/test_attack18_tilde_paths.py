"""An output path is guarded as it is written (attack18). No landstrikes command expands `~`: a
quoted `'~/report.json'` (a Makefile, a subprocess argument list) is a folder named `~` in the
current folder, and that is where the report goes. The guard of protected places expanded it to
$HOME, so it checked one path and the command wrote another: from inside a release,
`validate --json '~/r.json'` added `~/r.json` to the immutable release, and a `~` that is a
symbolic link into a release let `publish --dry-run --out '~/pub'` copy a release into itself."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from landstrikes.cli import main
from landstrikes.safety.places import protected_place


def _tree(folder: Path) -> dict[str, str]:
    """Every entry under `folder` and its bytes' digest: what a guarded release must keep."""
    tree = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root, name)
            rel = str(path.relative_to(folder))
            tree[rel] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
    return tree


def test_the_guard_does_not_expand_a_tilde_the_writer_takes_literally(tmp_path, monkeypatch):
    release = tmp_path / "releases" / "9.9.9"
    (release / "data").mkdir(parents=True)
    (release / "MANIFEST.json").write_text("{}")
    monkeypatch.chdir(release / "data")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert protected_place(Path("~/report.json")) is not None


COMMANDS = {
    "validate --json": lambda ds: ["validate", str(ds), "--json", "~/report.json"],
    "diff --json": lambda ds: ["diff", "--dataset", str(ds), "1.0.0", "1.0.1", "--json", "~/diff.json"],
    "evaluate --json": lambda ds: ["evaluate", str(ds), "--gold", str(ds), "--json", "~/evaluation.json"],
    "agreement --out": lambda ds: ["agreement", "--dataset", str(ds), "--out", "~/agreement.json"],
    "release --changelog": lambda ds: ["release", "--dataset", str(ds), "--changelog", "~/CHANGELOG.md", "1.0.2"],
    "publish --out": lambda ds: ["publish", "--dataset", str(ds), "1.0.1", "--dry-run", "--out", "~/upload"],
    "render --out": lambda ds: ["render", str(ds), "--out", "~/site"],
    "export-schemas --out": lambda ds: ["export-schemas", "--out", "~/schemas"],
    "extract --out": lambda ds: ["extract", str(ds / "raw"), "--out", "~/silver"],
}


@pytest.mark.parametrize("option", COMMANDS)
def test_no_output_named_with_a_tilde_lands_inside_a_release(option, released_copy, tmp_path, monkeypatch, capsys):
    """cwd inside release 1.0.0 and $HOME elsewhere: `~/x` names a path in the release."""
    release = released_copy / "releases" / "1.0.0"
    before = _tree(release)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.chdir(release / "data")
    code = main(COMMANDS[option](released_copy))
    err = capsys.readouterr().err
    assert code == 2, err
    assert "protected-output" in err or "unwritable" in err, err
    assert _tree(release) == before
    assert not list(home.iterdir())
