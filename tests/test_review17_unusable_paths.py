"""`validate --engine` refuses a path with nothing to validate as one folder does, with the
same `[unreadable-folder]` line and exit 2: an empty folder was INVALID (a `missing-table` per
table, exit 1), a file or a missing path another line."""

from __future__ import annotations

import os

import pytest

from landstrikes.engines.validate import validate_partitioned
from landstrikes.schema.validate import validate


@pytest.mark.parametrize("make", ["empty folder", "file", "nothing", "symlink loop", "data is a file"])
def test_a_path_with_no_tables_is_refused_with_the_one_folder_line(tmp_path, make):
    path = tmp_path / "corpus"
    if make == "empty folder":
        path.mkdir()
    elif make == "file":
        path.write_text("not a dataset")
    elif make == "symlink loop":
        os.symlink(tmp_path / "other", path)
        os.symlink(path, tmp_path / "other")
    elif make == "data is a file":
        path.mkdir()
        (path / "data").write_text("not a folder")
    one_folder = validate(path)
    partitioned = validate_partitioned(path, "local", num_proc=1)
    assert one_folder.unusable is not None and one_folder.unusable.startswith("[unreadable-folder]")
    assert (partitioned.unusable, sorted(partitioned.findings), partitioned.exit_code) == (
        one_folder.unusable, sorted(one_folder.findings), one_folder.exit_code)
