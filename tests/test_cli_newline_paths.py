"""A path holding a newline (a legal folder name) still gives a ONE-line error: the newline is
shown escaped, not printed, so a log or a script reading stderr line by line sees one error."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

ODD = "bad\nname"


def commands(tmp):
    missing = str(tmp / ODD)
    return {
        "build": ["build", "--dataset", missing],
        "render": ["render", missing, "--out", str(tmp / "site")],
        "extract": ["extract", missing, "--out", str(tmp / "silver")],
        "export-schemas": ["export-schemas", "--out", str(tmp / "data" / ODD)],
    }


@pytest.mark.parametrize("name", ["build", "render", "extract", "export-schemas"])
def test_an_error_naming_a_path_with_a_newline_is_one_line(name, tmp_path):
    for part in ("raw", "annotations", "data"):  # tmp_path is laid out as a dataset: its data/ is protected
        (tmp_path / part).mkdir()
    done = subprocess.run([sys.executable, "-m", "landstrikes", *commands(tmp_path)[name]], capture_output=True,
                          text=True, env={**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONUTF8": "1"}, timeout=120)
    assert done.returncode == 2, done.stderr
    err = done.stderr
    assert err.count("\n") == 1 and err.startswith("error:"), err
    assert "bad\\nname" in err
