"""Two `landstrikes release` at once: the second refuses (lock held, exit 2) and touches nothing of
the first, not even what looks like leftovers of a dead release (its staging folder, its pending
changelog), which `release` cleans up only under the dataset's lock."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from landstrikes.build import LOCK_FILE
from landstrikes.cli import main

HOLD = """
import sys, time
from pathlib import Path
from landstrikes.safety.lock import exclusive
with exclusive(Path(sys.argv[1]), what="landstrikes build or release"):
    print("held", flush=True)
    sys.stdin.readline()
"""


def test_a_second_release_leaves_the_running_release_staging_folder_alone(tmp_path, capsys):
    dataset = tmp_path / "dataset"
    staging = dataset / "releases" / ".staging-9.9.9-live"
    staging.mkdir(parents=True)
    (staging / "MANIFEST.json").write_text("{}", encoding="utf-8")
    pending = tmp_path / ".CHANGELOG.md.live"
    pending.write_text("# Changelog\n", encoding="utf-8")
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(dataset / LOCK_FILE)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        code = main(["release", "9.9.9", "--dataset", str(dataset)])
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    err = capsys.readouterr().err
    assert code == 2 and "locked by another" in err
    assert (staging / "MANIFEST.json").is_file(), "the running release's staging folder was deleted"
    assert pending.is_file(), "the running release's pending changelog was deleted"
