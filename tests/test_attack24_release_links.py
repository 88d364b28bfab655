"""`release` copies documents, never what a symbolic link among them points to (attack24).

The datasheet, guidelines and `docs/figures/` are copied into every release, and `copytree`
follows links: `docs/figures/leak.png -> ~/secret.txt`, or a linked folder, put the secret's
bytes into the immutable release, which `verify` then called ok and `publish` would upload to the
Hub. verify refuses a link inside a release (`symlink-in-release`); release now refuses one
among what it would copy, with that id, naming the link (exit 2, nothing released)."""

from __future__ import annotations

import os

import pytest

from landstrikes.cli import main


def _link(changed, tmp_path, kind: str) -> str:
    """A link of `kind` among the released documents, to a private file outside the repository."""
    private = tmp_path / "private"
    private.mkdir()
    (private / "secret.png").write_text("TOP SECRET\n", encoding="utf-8")
    figures = changed.parent / "docs" / "figures"
    if kind == "file":
        os.symlink(private / "secret.png", figures / "leak.png")
        return "leak.png"
    if kind == "folder":
        os.symlink(private, figures / "more")
        return "more"
    datasheet = changed.parent / "DATASHEET.md"
    os.replace(datasheet, private / "DATASHEET.md")
    os.symlink(private / "DATASHEET.md", datasheet)
    return "DATASHEET.md"


@pytest.mark.parametrize("kind", ["file", "folder", "datasheet"])
def test_release_refuses_a_symbolic_link_among_the_documents_it_copies(changed, tmp_path, capsys, kind):
    name = _link(changed, tmp_path, kind)
    assert main(["release", "1.0.2", "--dataset", str(changed)]) == 2
    err = capsys.readouterr().err
    assert "[symlink-in-release]" in err and name in err and err.count("\n") == 1
    assert not (changed / "releases" / "1.0.2").exists()
