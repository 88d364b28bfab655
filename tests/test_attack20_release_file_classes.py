"""A release holds only the files `release` writes; verify refuses any other by its class (attack20).

attack19 left open: a `.gitattributes` listed in a re-hashed MANIFEST.json verified ok, yet git
obeys it on every clone (`* text eol=crlf` rewrites the texts whose bytes the offsets count), as
the Hub does (LFS filters). Its class is wider than that name: any hidden file or folder (`.git/`,
`.gitignore`, `.DS_Store`), a top-level file `release` never writes (a `<name>.py` loading script,
`requirements.txt`), or a file in a folder no release has. The rule is verify's `unexpected-file`,
for every listed path that is not README.md, croissant.json, the released documents, a visible
file under docs/figures/, or a table part (held by part_names).
"""

from __future__ import annotations

import shutil

import pytest

from conftest import DATASET, documents_beside, in_sync, list_in_manifest
from landstrikes.releases.manifest import verify


@pytest.mark.parametrize("rel", [
    ".gitattributes",                  # git and the Hub obey it on checkout
    ".gitignore",
    ".git/config",                     # a repository inside the release
    "docs/figures/.DS_Store",          # hidden, in a folder a release has
    "data/.gitattributes",
    "dataset.py",                      # a top-level file release never writes: a loading script
    "requirements.txt",
    "docs/notes.md",                   # a folder of docs/ no release has
    "extra/readme.txt",
])
def test_a_listed_file_no_release_holds_is_refused_by_its_class(release_copy, rel):
    assert verify(release_copy) == []
    list_in_manifest(release_copy, rel, b"* text eol=crlf\n")
    found = {(p.check, p.path) for p in verify(release_copy)}
    assert ("unexpected-file", rel) in found, found


def test_every_committed_release_holds_only_release_files():
    for folder in sorted((DATASET / "releases").iterdir()):
        if folder.is_dir():
            assert [p for p in verify(folder) if p.check == "unexpected-file"] == [], folder


def test_a_hidden_file_among_the_figures_is_not_copied_into_a_release(built_dataset, tmp_path):
    """release copies docs/figures whole; a macOS `.DS_Store` there would now be refused by the
    verify of its own staged release, so release leaves hidden files out of the copy."""
    from landstrikes.releases.release import release

    folder = tmp_path / "dataset"
    shutil.copytree(built_dataset, folder)
    documents_beside(folder)
    in_sync(folder)
    (tmp_path / "docs" / "figures" / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / "docs" / "figures" / "._labels.png").write_bytes(b"\x00\x05\x16\x07")
    release(folder, "1.0.0", date="2026-01-01")
    released = folder / "releases" / "1.0.0"
    assert verify(released) == []
    assert not list(released.rglob(".*")) and not list(released.rglob("._*"))
