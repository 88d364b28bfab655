"""A raw article that is a symbolic link is refused by `build` (attack24's open item): git stores the
link, not the text, so a clone would have no article (or another one where the link points), and the
"clone is byte-exact" promise would rest on a file outside the repository."""

from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import copy_sources


def test_a_raw_article_that_is_a_link_is_refused_in_one_line(tmp_path):
    dataset = copy_sources(tmp_path / "dataset")
    raw = sorted((dataset / "raw").glob("*.txt"))[0]
    outside = tmp_path / "elsewhere.txt"
    shutil.copyfile(raw, outside)
    raw.unlink()
    raw.symlink_to(outside)
    proc = subprocess.run([sys.executable, "-m", "landstrikes", "build", "--dataset", str(dataset)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stderr.count("\n") == 1 and raw.name in proc.stderr and "[raw-not-a-file]" in proc.stderr, proc.stderr
    assert "symbolic link" in proc.stderr
    assert not (dataset / "data").exists()
