"""The flush before a rename opens only regular files and folders of the tree, never a FIFO (attack40).

attack39's `rename_durably` flushes every entry of a folder before renaming it, and so it now runs
where only a rename ran before: `recover_outputs` puts a killed run's complete copy
(`.OUT.landstrikes-staging-*`, marked complete) into place. A FIFO in that copy was opened for
reading, which waits for a writer that never comes: `landstrikes export-schemas --out OUT` (and
render, extract) hung for good before any line, where the code before attack39 recovered the copy
and then refused OUT in one line, exit 2 (after the line saying so). Opening a device node would be worse still. Each case
runs in a child process with a time limit, so a hang fails instead of stalling the suite; every
FIFO is one of the test's own under tmp_path.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

LIMIT = 20


def _run(code: str, *args: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=LIMIT)
    except subprocess.TimeoutExpired as exc:
        raise AssertionError(f"still running after {LIMIT} s: a FIFO in the tree was opened and waited on") from exc


def _tree_with_fifo(folder: Path) -> Path:
    (folder / "data").mkdir(parents=True)
    (folder / "data" / "table.txt").write_text("rows\n", encoding="utf-8")
    os.mkfifo(folder / "data" / "pipe")
    os.symlink(folder / "data" / "pipe", folder / "data" / "link-to-pipe")
    return folder


def test_fsync_tree_skips_a_fifo_and_a_link_to_one(tmp_path):
    tree = _tree_with_fifo(tmp_path / "tree")
    done = _run("import sys; from pathlib import Path; from landstrikes.safety.durable import fsync_tree; "
                "fsync_tree(Path(sys.argv[1])); print('flushed')", str(tree))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "flushed"


def test_recovering_a_killed_runs_copy_with_a_fifo_does_not_hang(tmp_path):
    sibling = _tree_with_fifo(tmp_path / ".out.landstrikes-staging-abcd")
    marker = {"written_by": "landstrikes render", "state": "complete", "files": ["data/pipe", "data/table.txt"]}
    (sibling / ".landstrikes-output.json").write_text(json.dumps(marker), encoding="utf-8")
    done = _run("import sys; from pathlib import Path; from landstrikes.safety.outdir import recover_outputs; "
                "print(recover_outputs(Path(sys.argv[1])))", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    assert "recovered" in done.stdout
    assert (tmp_path / "out" / "data" / "table.txt").read_text(encoding="utf-8") == "rows\n"
    assert not (tmp_path / "out" / "data" / "pipe").is_file()  # still the FIFO, never replaced or read


def test_export_schemas_over_such_a_copy_ends_in_one_line(tmp_path):
    sibling = _tree_with_fifo(tmp_path / ".out.landstrikes-staging-abcd")
    marker = {"written_by": "landstrikes render", "state": "complete", "files": ["data/pipe", "data/table.txt"]}
    (sibling / ".landstrikes-output.json").write_text(json.dumps(marker), encoding="utf-8")
    done = _run("import sys; from landstrikes.cli import main; sys.exit(main(['export-schemas', '--out', sys.argv[1]]))",
                str(tmp_path / "out"))
    assert done.returncode == 2, done.stderr
    recovered, refused = done.stderr.strip().splitlines()  # the repair's line, then the refusal's
    assert recovered.startswith("recovered ") and refused.endswith("[output-refused]"), done.stderr
