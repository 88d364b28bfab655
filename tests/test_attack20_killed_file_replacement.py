"""A file replacement killed mid-way leaves no temporary file that accumulates (attack20).

`stats`, `agreement --out`, `validate --json`, `export-schemas` replace a file through a new
temporary file beside it (`.README.md.<random>.landstrikes-tmp`), renamed over it once whole. A
`kill -9` before the rename left that file beside README.md, DATASHEET.md or agreement.json, and
no later run removed it. The next replacement of the same file now removes it once it is proven
a dead run's: the name is ours, and the lock its writer held on it until it died is free.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from landstrikes.safety.replacefile import replace_text

KILLED = """
import os, signal, sys
from pathlib import Path
def killed(source, target):  # the rename into place (attack39: os.rename, after the flush)
    os.kill(os.getpid(), signal.SIGKILL)
os.rename = killed
from landstrikes.safety.replacefile import replace_text
replace_text(Path(sys.argv[1]), "half of the new text")
"""


def _killed_replacement(target: Path) -> None:
    done = subprocess.run([sys.executable, "-c", KILLED, str(target)])
    assert done.returncode == -9


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".landstrikes-tmp"))


def test_a_killed_replacement_is_cleaned_by_the_next_one(tmp_path):
    target = tmp_path / "README.md"
    target.write_text("the only copy", encoding="utf-8")
    _killed_replacement(target)
    assert len(leftovers(tmp_path)) == 1 and target.read_text(encoding="utf-8") == "the only copy"
    _killed_replacement(target)  # removes the first's before it is killed in turn: one, not two
    assert len(leftovers(tmp_path)) == 1 and target.read_text(encoding="utf-8") == "the only copy"
    replace_text(target, "new")
    assert leftovers(tmp_path) == [] and target.read_text(encoding="utf-8") == "new"


def test_a_live_replacement_and_files_that_are_not_ours_are_kept(tmp_path):
    target = tmp_path / "README.md"
    target.write_text("old", encoding="utf-8")
    script = ("import sys, time; from pathlib import Path\n"
              "from landstrikes.safety import replacefile\n"
              "import os\n"
              "real = os.rename\n"
              "def slow(s, t):\n"
              "    Path(sys.argv[2]).write_text('1'); time.sleep(5); return real(s, t)\n"
              "os.rename = slow\n"
              "replacefile.replace_text(Path(sys.argv[1]), 'theirs')\n")
    ready = tmp_path / "ready"
    live = subprocess.Popen([sys.executable, "-c", script, str(target), str(ready)])
    deadline = time.monotonic() + 30
    while not ready.exists():
        assert time.monotonic() < deadline
        time.sleep(0.02)
    mine = tmp_path / ".README.md.notes.landstrikes-tmp"  # not mkstemp's name
    mine.write_text("keep", encoding="utf-8")
    other = tmp_path / ".DATASHEET.md.abcd1234.landstrikes-tmp"  # another file's
    other.write_text("keep", encoding="utf-8")
    replace_text(target, "ours")
    assert live.wait(timeout=60) == 0
    assert target.read_text(encoding="utf-8") == "theirs"  # the live run's rename still found its file
    assert mine.exists() and other.exists()
