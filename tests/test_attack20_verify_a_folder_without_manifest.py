"""`verify DIR` of a folder without MANIFEST.json says so, without walking the folder (attack20).

`verify` takes any folder for a release. Given one without a manifest (`verify ~`, `verify /usr`,
a mistyped path) it walked the whole tree for symlinks and special files first: `verify /usr`
took 10 s and printed 5,570 lines, `verify /` walks every mounted file system. Without a
manifest nothing can be verified; the one line that says so is the answer (still exit 1).
"""

from __future__ import annotations

from landstrikes.cli import main
from landstrikes.releases.manifest import verify


def test_a_folder_without_a_manifest_is_one_problem_however_much_it_holds(tmp_path, capsys):
    folder = tmp_path / "home"
    for i in range(300):
        (folder / f"d{i}").mkdir(parents=True)
        (folder / f"d{i}" / "link").symlink_to("/etc/hostname")
    assert [p.check for p in verify(folder)] == ["missing-manifest"]
    assert main(["verify", str(folder)]) == 1
    out = capsys.readouterr().out
    assert out.count("\n") <= 2 and "missing-manifest" in out, out[:500]
