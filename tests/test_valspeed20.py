"""Issue 19, twentieth helper round (valspeed20): the stage tool shows where validate's system time
goes, not only its user time."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import REPO

FIGURES = re.compile(r"^  (\w+)\s+(\d+\.\d{3})\s+(\d+\.\d{3})\s+([\d,]+)$")


def test_each_stage_is_charged_its_user_and_system_time_and_its_page_faults():
    """validate declines huge pages, so its system time is mostly first touches of fresh 4 KiB pages
    (docs/notes/valspeed20.md): the tool shows them per stage, beside the user time."""
    proc = subprocess.run([sys.executable, str(REPO / "benchmarks" / "validate_stages.py"), str(REPO / "dataset" / "data")],
                          cwd=REPO, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    total, header, *stages = proc.stdout.splitlines()
    assert re.match(r"total \d+\.\d\d user CPU-s \(\d+\.\d\d system, [\d,]+ minor faults\)", total), total
    assert header.split() == ["stage", "user", "system", "faults"]
    rows = {m.group(1): m.groups()[1:] for m in map(FIGURES.match, stages) if m}
    assert len(rows) == len(stages), [s for s in stages if not FIGURES.match(s)]
    assert {"read_parts", "check_arrow_table", "check_spans"} <= set(rows)
    assert int(rows["read_parts"][2].replace(",", "")) > 0  # reading decodes into fresh pages
