"""A pinned release holds exactly what its manifest lists: the listed files, the folders that
hold them, and MANIFEST.json at its top. attack12 left empty folders open (verify said ok), and
attack13 found a second file named MANIFEST.json below the top skipped by the unlisted-file scan
(it skipped every file of that name, wherever it sat). Both are now refused: `unlisted-folder`
and `unlisted-file`, exit 1, for verify, `load` and `publish` alike."""

from __future__ import annotations

import pytest

from landstrikes import load
from landstrikes.cli import main
from landstrikes.errors import ReleaseIntegrityError

VERSION = "1.0.1"

# name -> (what to make under the release, the check id, the path verify names)
FOLDERS = {
    "an empty folder at the top": ("extra", "unlisted-folder", "extra"),
    "an empty table folder": ("data/ghost", "unlisted-folder", "data/ghost"),
    "folders holding only folders": ("docs/a/b/c", "unlisted-folder", "docs/a"),
    "an empty hidden folder": ("data/quotes/.cache", "unlisted-folder", "data/quotes/.cache"),
}
FILES = {
    "a MANIFEST.json inside a table folder": "data/quotes/MANIFEST.json",
    "a MANIFEST.json in docs": "docs/MANIFEST.json",
}


def _verify(dataset, capsys) -> tuple[int, str]:
    code = main(["verify", VERSION, "--dataset", str(dataset)])
    return code, capsys.readouterr().out


@pytest.mark.parametrize("case", list(FOLDERS))
def test_a_folder_the_manifest_does_not_account_for_fails_verify_load_and_publish(released_copy, tmp_path, case, capsys):
    make, check, named = FOLDERS[case]
    release = released_copy / "releases" / VERSION
    (release / make).mkdir(parents=True)
    code, out = _verify(released_copy, capsys)
    assert code == 1, out
    assert f"[{check}] {named}: " in out, out
    assert out.count(f"[{check}]") == 1, out  # the topmost folder only, not each one inside it
    with pytest.raises(ReleaseIntegrityError, match=check):
        load("quotes", version=VERSION, root=released_copy / "releases")
    assert main(["publish", VERSION, "--repo", "o/n", "--dataset", str(released_copy),
                 "--dry-run", "--out", str(tmp_path / "upload")]) == 1
    assert not (tmp_path / "upload").exists()


@pytest.mark.parametrize("case", list(FILES))
def test_a_manifest_named_file_below_the_top_is_an_unlisted_file(released_copy, case, capsys):
    rel = FILES[case]
    release = released_copy / "releases" / VERSION
    (release / rel).write_bytes((release / "MANIFEST.json").read_bytes())
    code, out = _verify(released_copy, capsys)
    assert code == 1, out
    assert f"[unlisted-file] {rel}: " in out, out


def test_attack_held_the_folders_of_listed_files_are_accounted_for(released_copy, capsys):
    """Guard against over-refusal: every folder of a cut release holds a listed file."""
    code, out = _verify(released_copy, capsys)
    assert code == 0, out
    assert "unlisted-folder" not in out


def test_an_unlisted_file_in_a_new_folder_is_named_itself(released_copy, capsys):
    """The folder is not reported too: the file inside it is the finding to act on."""
    release = released_copy / "releases" / VERSION
    (release / "extra" / "deep").mkdir(parents=True)
    (release / "extra" / "deep" / "notes.txt").write_text("x")
    code, out = _verify(released_copy, capsys)
    assert code == 1, out
    assert "[unlisted-file] extra/deep/notes.txt: " in out and "unlisted-folder" not in out, out
