"""A command whose standard output cannot be written names, on stderr, the last line it could not
print (attack48): `validate nosuch >/dev/full` said only `[unwritable-output] standard output`,
and why the folder was unusable was lost; a full disk under `validate ... > log` lost the verdict."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import DATASET

pytestmark = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")


def _run_into_full_disk(*args):
    with open("/dev/full", "w") as full:
        return subprocess.run([sys.executable, "-m", "landstrikes", *map(str, args)], stdout=full, stderr=subprocess.PIPE,
                              text=True, timeout=300)


def test_an_unusable_folder_is_still_named_when_stdout_is_full(tmp_path):
    done = _run_into_full_disk("validate", tmp_path / "nosuch")
    assert done.returncode == 2
    line, = done.stderr.splitlines()
    assert line.startswith("error: [unwritable-output] standard output: ")
    assert line.endswith(f"its last line unprinted: UNUSABLE {tmp_path / 'nosuch'}: [unreadable-folder] no such folder: "
                         f"{tmp_path / 'nosuch'}")


def test_the_verdict_of_an_invalid_copy_is_said_when_stdout_is_full(tmp_path):
    shutil.copytree(DATASET / "data", tmp_path / "copy")
    path = tmp_path / "copy" / "quotes" / "quotes.parquet"
    table = pq.read_table(path)
    pq.write_table(pa.concat_tables([table, table.slice(0, 1)]), path)  # a quote given twice: INVALID
    done = _run_into_full_disk("validate", tmp_path / "copy")
    assert done.returncode == 2  # what the machine refused, as before: the report was not delivered
    assert "; its last line unprinted: INVALID: " in done.stderr.splitlines()[-1]
