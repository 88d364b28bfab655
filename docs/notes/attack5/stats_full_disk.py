"""attack5, open (scripts/documents/docgen.py): `landstrikes stats` rewrites README.md and
DATASHEET.md in place, so a disk that fills up mid-write truncates the hand-written document.
Run from the repo root: .venv/bin/python docs/notes/attack5/stats_full_disk.py
Prints TRUNCATED (the bug) or WHOLE."""

import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

repo = Path(__file__).resolve().parents[3]
root = Path(tempfile.mkdtemp()) / "repo"
(root / "dataset").mkdir(parents=True)
for name in ("README.md", "DATASHEET.md"):
    shutil.copy2(repo / name, root / name)
shutil.copytree(repo / "docs" / "figures", root / "docs" / "figures")
shutil.copytree(repo / "dataset" / "data", root / "dataset" / "data")
for name in ("stats.json", "agreement.json"):
    shutil.copy2(repo / "dataset" / name, root / "dataset" / name)
readme = (root / "README.md").read_text(encoding="utf-8").replace("| 78 |", "| 77 |", 1)  # one drifted number
(root / "README.md").write_text(readme, encoding="utf-8")
proc = subprocess.run([sys.executable, "-m", "landstrikes", "stats", "--dataset", str(root / "dataset"), "--root", str(root)],
                      preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096)),  # a full disk at 4 KB
                      capture_output=True, text=True)
after = (root / "README.md").read_text(encoding="utf-8")
print(f"exit {proc.returncode}: {proc.stderr.strip()}")
print(f"README.md {len(readme)} -> {len(after)} characters:", "WHOLE" if after == readme else "TRUNCATED")
