"""A standard stream closed when a command starts (`landstrikes extract ... >&-`, `2>&-`, a cron
job or daemon started without them) discards what would be printed there, as /dev/null would:
the command still does its work and exits with its own code (attack24).

Python sets a stream closed at start to None, so `extract` ended `[internal-error]` exit 2 (the
code that promises "nothing written") after writing its tables, and `build` crashed asking None
whether it was a terminal; and the next file the process opened took the closed descriptor, so
anything writing to fd 1 or 2 (a C library, a worker process) would have written into that file.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import copy_sources

SILVER_TEXT = "Anna Berg, the minister, said: “We will close the mine.”\n"


def _run(args, closed: tuple[int, ...], **kwargs) -> subprocess.CompletedProcess:
    """`python -m landstrikes ARGS` started with the descriptors `closed` not open at all."""

    def close_them():
        for fd in closed:
            os.close(fd)

    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    return subprocess.run([sys.executable, "-m", "landstrikes", *map(str, args)], preexec_fn=close_them,
                          stdout=None if 1 in closed else subprocess.PIPE, stderr=None if 2 in closed else subprocess.PIPE,
                          env=env, timeout=120, **kwargs)


def _raw(tmp_path: Path, *bad: str) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(SILVER_TEXT, encoding="utf-8")
    for name in bad:
        (raw / name).write_bytes(b"\xff\xfe not UTF-8")
    return raw


def _valid(folder: Path) -> bool:
    from landstrikes.schema.validate import validate

    return validate(folder).ok


def test_extract_with_stdout_closed_writes_its_tables_and_exits_0(tmp_path):
    proc = _run(["extract", _raw(tmp_path), "--out", tmp_path / "out"], closed=(1,))
    assert b"internal-error" not in proc.stderr
    assert proc.returncode == 0
    assert _valid(tmp_path / "out")


def test_extract_with_stderr_closed_lists_its_failure_in_the_csv_and_exits_3(tmp_path):
    proc = _run(["extract", _raw(tmp_path, "b.txt"), "--out", tmp_path / "out"], closed=(2,))
    assert b"internal-error" not in proc.stdout
    assert proc.returncode == 3
    assert "extract-not-utf8" in (tmp_path / "out" / "extract_errors.csv").read_text(encoding="utf-8")


def test_an_error_line_with_stderr_closed_is_not_printed_on_stdout(tmp_path):
    proc = _run(["render", tmp_path / "missing", "--out", tmp_path / "site"], closed=(2,))
    assert proc.returncode == 2
    assert proc.stdout == b""


def test_build_with_stderr_closed_builds(tmp_path):
    dataset = copy_sources(tmp_path / "dataset")
    proc = _run(["build", "--dataset", dataset], closed=(2,))
    assert b"internal-error" not in proc.stdout
    assert proc.returncode == 0
    assert _valid(dataset)


def test_no_file_the_command_opens_takes_a_closed_standard_descriptor(tmp_path):
    """After the command, the process's next file gets a descriptor above 2: nothing printed to
    fd 1 or 2 by a library or a child can land in a file the command writes."""
    probe = tmp_path / "probe"
    code = ("import os, sys\nfrom landstrikes.cli import main\n"
            f"main(['validate', {str(tmp_path / 'missing')!r}])\n"
            f"handle = open({str(probe)!r}, 'w')\nhandle.write(str(handle.fileno()))\n")
    subprocess.run([sys.executable, "-c", code], preexec_fn=lambda: [os.close(fd) for fd in (0, 1, 2)], timeout=60,
                   env={**os.environ, "HF_HUB_OFFLINE": "1"})
    assert int(probe.read_text()) > 2
