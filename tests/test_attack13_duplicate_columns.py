"""A table with two columns of one name is ambiguous: which `text` is the quote? validate, diff,
evaluate and stats refuse it (`duplicate-column`), but render drew the site and agreement wrote its
figures from whichever column pandas kept, each after a two-line Python warning quoting our source
(attack13). Both read through `tableio.read_table`, which now refuses the table in one line, exit 2,
nothing written."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

from hostile_tools import part


def _doubled(folder, table, column):
    path = part(folder, table)
    arrow = pq.read_table(path)
    pq.write_table(arrow.append_column(column, arrow.column(column)), path)


def _cli(argv):
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    proc = subprocess.run([sys.executable, "-m", "landstrikes", *argv], capture_output=True, text=True, env=env)
    return proc.returncode, proc.stdout, proc.stderr


CASES = {
    "render": ("quotes", "text", lambda ds, out: ["render", str(ds), "--out", str(out)]),
    "agreement": ("quotes", "start", lambda ds, out: ["agreement", "--dataset", str(ds), "--out", str(out)]),
}


@pytest.mark.parametrize("command", list(CASES))
def test_a_table_with_two_columns_of_one_name_is_refused(built_dataset, tmp_path, command):
    table, column, argv = CASES[command]
    dataset = tmp_path / "dataset"
    shutil.copytree(built_dataset, dataset)
    _doubled(dataset, table, column)
    out = tmp_path / "written"
    code, stdout, stderr = _cli(argv(dataset, out))
    assert code == 2, stdout + stderr
    assert len(stderr.strip().splitlines()) == 1, stderr  # no warning, no traceback
    assert "[duplicate-column]" in stderr and f"'{column}'" in stderr and table in stderr, stderr
    assert not out.exists()
