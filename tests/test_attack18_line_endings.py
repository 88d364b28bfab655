"""Git never rewrites line endings of the repository's files (attack18). Offsets index the raw
texts byte for byte, sha256 digests cover the raw texts and every file of a release, and the
committed tables are what `build` regenerates. A clone made with `core.autocrlf=true` (Git for
Windows' default) turned every LF into CRLF on checkout: `validate` found 5 `article-not-raw`,
`verify` failed every release on sha256 and size, and `landstrikes.load` refused them all.
`.gitattributes` unsets `text` for every path, so no checkout converts a byte."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from conftest import REPO

pytestmark = pytest.mark.skipif(shutil.which("git") is None or not (REPO / ".git").exists(),
                                reason="needs git and a git checkout")


def _git(*args: str, stdin: bytes | None = None) -> bytes:
    return subprocess.run(["git", "-C", str(REPO), *args], input=stdin, capture_output=True, check=True).stdout


def _text_attribute() -> dict[str, str]:
    """Every tracked file and the value of its `text` attribute (set, unset, auto, unspecified)."""
    files = _git("ls-files", "-z")
    out = _git("check-attr", "--stdin", "-z", "text", stdin=files).split(b"\0")
    return {out[i].decode(): out[i + 2].decode() for i in range(0, len(out) - 2, 3)}


def test_no_tracked_file_has_its_line_endings_converted_on_checkout():
    converted = {path: value for path, value in _text_attribute().items() if value != "unset"}
    assert not converted, f"{len(converted)} files git may convert, e.g. {sorted(converted)[:5]}"


def test_the_files_digests_and_offsets_cover_are_among_them():
    attributes = _text_attribute()
    for path in ("dataset/raw/000_68b95635092649cd.txt", "dataset/releases/2.2.1/MANIFEST.json",
                 "dataset/releases/2.2.1/README.md", "dataset/README.md", "CHANGELOG.md"):
        assert attributes.get(path) == "unset", path
