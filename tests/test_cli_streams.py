"""What a command prints never breaks it: a terminal that cannot encode `’` (PYTHONIOENCODING=ascii)
or a path that is not UTF-8 is shown escaped, with the documented exit code (attack2, class 2)."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import load, save


def _run(args, **env):
    merged = {**os.environ, "HF_HUB_OFFLINE": "1", **env}
    return subprocess.run([sys.executable, "-m", "landstrikes", *map(str, args)], capture_output=True, env=merged, timeout=120)


def test_findings_with_curly_quotes_on_an_ascii_terminal_are_escaped_not_a_traceback(dataset_copy):
    mentions = load(dataset_copy, "mentions")
    mentions.loc[0, "text"] = "It’s wrong"
    save(dataset_copy, "mentions", mentions)
    proc = _run(["validate", dataset_copy], PYTHONIOENCODING="ascii")
    output = (proc.stdout + proc.stderr).decode("ascii", "replace")
    assert "Traceback" not in output
    assert proc.returncode == 1
    assert "It\\u2019s wrong" in output


def test_a_path_that_is_not_utf8_is_one_line_on_an_ascii_terminal(tmp_path):
    odd = os.fsdecode(os.fsencode(str(tmp_path)) + b"/caf\xe9")
    proc = _run(["validate", odd], PYTHONIOENCODING="ascii")
    output = (proc.stdout + proc.stderr).decode("ascii", "replace")
    assert "Traceback" not in output
    assert proc.returncode == 2
    assert "unreadable-folder" in output
