"""Issue 19, eighth helper round (validate8): the stage tool measures validate as the command runs
it, and the faster forms of this round find what their plain definitions find."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO

STAGES_THEN_MODULES = """
import runpy, sys
sys.argv = ["validate_stages.py", sys.argv[1]]
runpy.run_path({script!r}, run_name="__main__")
print("PANDAS" if "pandas" in sys.modules else "NO-PANDAS")
"""


def test_the_stage_tool_imports_no_pandas_that_the_validate_command_never_imports(built_dataset):
    """benchmarks/validate_stages.py once charged pyarrow's import of pandas (0.15 user CPU-s at
    10^5) to check_arrow_table, a stage the command never pays it in."""
    code = STAGES_THEN_MODULES.format(script=str(REPO / "benchmarks" / "validate_stages.py"))
    proc = subprocess.run([sys.executable, "-c", code, str(built_dataset / "data")], cwd=REPO,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "check_arrow_table" in proc.stdout
    assert proc.stdout.strip().splitlines()[-1] == "NO-PANDAS", proc.stdout[-2000:]
