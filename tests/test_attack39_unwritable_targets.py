"""A folder or file the user may not write is never replaced; refused before any work (attack39).

Run as a user who is not root (uid 65534, through `setpriv`): root may write anything, so these
cases exist only for the users the promises are for. A command writing `--out` stages its output
beside the folder and renames it in, and a rename asks only for the parent's write permission:
- `export-schemas --out ro`, `ro` an earlier output its owner made read-only (0555), printed
  `wrote ...` and exit 0: the new output took its place (read-only again) and the old one stayed
  as a hidden `.ro.landstrikes-staging-*` copy whose files could not be deleted, one more per run;
- another user's folder (root's 0755, which this user cannot write; or root's 0777) was replaced
  by one of this user's, its owner lost;
- in a sticky folder (/tmp), another user's folder ended the run after the whole work with
  `[output-io]` naming the hidden staging folder;
- `publish --dry-run --out ro` (an empty 0555 folder) removed it and renamed its copy in;
- `replace_file` (stats' documents, reports, export-schemas into schema/) replaced a read-only file.
Each is now one line before any work, exit 2, the folder or file as it was.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from landstrikes.releases.loading import versions

REPO = Path(__file__).resolve().parents[1]
NOBODY = 65534


def _as_nobody(args: list[str], home: Path, code: str | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "landstrikes", *args]
    env = {**os.environ, "HOME": str(home), "LANDSTRIKES_CACHE_DIR": str(home / "cache"), "HF_HUB_OFFLINE": "1"}
    return subprocess.run(["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *command],
                          capture_output=True, text=True, cwd=home, env=env, timeout=300)


@pytest.fixture
def place():
    """A scratch folder every user may enter and write (pytest's own is root's 0700)."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root to drop to another user with setpriv (the cases concern a user who is not root)")
    folder = Path(tempfile.mkdtemp(prefix="attack39-", dir="/tmp"))
    os.chmod(folder, 0o777)
    probe = _as_nobody(["--version"], folder)
    if probe.returncode != 0:
        shutil.rmtree(folder)
        pytest.skip(f"uid {NOBODY} cannot run this interpreter here: {probe.stderr.strip()[:200]}")
    yield folder
    for root, dirs, _ in os.walk(folder):
        for name in dirs:
            os.chmod(os.path.join(root, name), 0o755)
    shutil.rmtree(folder)


def _snapshot(folder: Path) -> dict[str, tuple]:
    found = {}
    for path in [folder, *folder.rglob("*")]:
        info = os.lstat(path)
        found[str(path.relative_to(folder.parent))] = (stat.S_IMODE(info.st_mode), info.st_uid, info.st_ino,
                                                       path.read_bytes() if path.is_file() else None)
    return found


def _refused_before_any_work(done: subprocess.CompletedProcess, check: str = "output-refused") -> None:
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert f"[{check}]" in done.stderr and "wrote" not in done.stdout, done.stderr
    assert "staging" not in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr


def test_a_read_only_earlier_output_is_not_replaced(place):
    out = place / "ro"
    assert _as_nobody(["export-schemas", "--out", str(out)], place).returncode == 0
    os.chmod(out, 0o555)
    before = _snapshot(out)
    done = _as_nobody(["export-schemas", "--out", str(out)], place)
    _refused_before_any_work(done)
    assert "not writable" in done.stderr
    assert _snapshot(out) == before
    assert sorted(p.name for p in place.iterdir() if p.name.startswith(".ro")) == []


@pytest.mark.parametrize("mode", [0o755, 0o777], ids=["not-writable", "writable"])
def test_another_user_s_folder_keeps_its_owner(place, mode):
    out = place / "roots"
    out.mkdir()
    os.chmod(out, mode)
    before = _snapshot(out)
    done = _as_nobody(["export-schemas", "--out", str(out)], place)
    _refused_before_any_work(done)
    assert _snapshot(out) == before and os.stat(out).st_uid == 0


def test_another_user_s_folder_in_a_sticky_folder_is_refused_before_the_work(place):
    sticky = place / "sticky"
    sticky.mkdir()
    os.chmod(sticky, 0o1777)
    out = sticky / "theirs"
    out.mkdir()
    os.chmod(out, 0o777)
    done = _as_nobody(["export-schemas", "--out", str(out)], place)
    _refused_before_any_work(done)
    assert sorted(p.name for p in sticky.iterdir()) == ["theirs"]


def test_publish_dry_run_keeps_a_read_only_empty_folder(place):
    out = place / "upload"
    out.mkdir()
    os.chown(out, NOBODY, NOBODY)
    os.chmod(out, 0o555)
    release = versions(REPO / "dataset")[0]
    done = _as_nobody(["publish", release, "--dataset", str(REPO / "dataset"), "--dry-run", "--out", str(out)], place)
    _refused_before_any_work(done)
    assert out.is_dir() and list(out.iterdir()) == [] and stat.S_IMODE(os.stat(out).st_mode) == 0o555
    assert [p.name for p in place.iterdir() if p.name.startswith(".publish-")] == []


def test_a_read_only_file_is_not_replaced(place):
    report = place / "report.json"
    report.write_text('{"old": 1}\n', encoding="utf-8")
    os.chown(report, NOBODY, NOBODY)
    os.chmod(report, 0o444)
    code = ("import sys; from pathlib import Path\n"
            "from landstrikes.safety.replacefile import replace_text\n"
            "try:\n    replace_text(Path(sys.argv[1]), '{}')\n"
            "except OSError as exc:\n    print(exc); sys.exit(2)\n")
    done = _as_nobody([str(report)], place, code=code)
    assert done.returncode == 2 and "read-only" in done.stdout, (done.stdout, done.stderr)
    assert report.read_text(encoding="utf-8") == '{"old": 1}\n'
    assert sorted(p.name for p in place.iterdir()) == ["report.json"]


def test_a_read_only_earlier_report_is_refused_before_the_work(place):
    report = place / "validate.json"
    report.write_text('{"path": "x", "valid": true, "exit_code": 0, "tables": {}, "findings": []}\n', encoding="utf-8")
    os.chown(report, NOBODY, NOBODY)
    os.chmod(report, 0o444)
    before = report.read_bytes()
    done = _as_nobody(["validate", str(REPO / "dataset"), "--json", str(report)], place)
    assert report.read_bytes() == before, done.stdout  # it had been replaced
    assert done.returncode == 2 and "[unwritable-report]" in done.stderr and "read-only" in done.stderr, done.stderr
    assert "VALID" not in done.stdout  # refused before the work


def test_a_read_only_changelog_is_refused_before_the_work(place):
    """With one release and no entry for it, the repair had replaced the read-only changelog."""
    dataset = place / "dataset"
    first = versions(REPO / "dataset")[0]
    shutil.copytree(REPO / "dataset" / "releases" / first, dataset / "releases" / first)
    changelog = place / "CHANGELOG.md"
    changelog.write_text("# Changelog\n", encoding="utf-8")
    os.chown(changelog, NOBODY, NOBODY)
    os.chmod(changelog, 0o444)
    os.chown(dataset, NOBODY, NOBODY)
    done = _as_nobody(["release", "99.0.0", "--dataset", str(dataset), "--changelog", str(changelog)], place)
    assert changelog.read_text(encoding="utf-8") == "# Changelog\n", done.stdout  # the repair had added an entry
    assert done.returncode == 2 and "[unwritable-changelog]" in done.stderr and "read-only" in done.stderr, done.stderr
