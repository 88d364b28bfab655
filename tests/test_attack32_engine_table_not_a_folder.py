"""attack32: `validate --engine` refuses a table "folder" that is no folder, as one folder does.

One-folder validate calls `data/quotes` that is a file, a FIFO or a dangling symbolic link
`unreadable-table` (exit 2: nothing judged); the engine took it for a missing table
(`missing-table`, exit 1, INVALID), so the same tables got two verdicts and two exit codes."""

from __future__ import annotations

import os
import shutil

import pytest

from one_folder_report import same_as_one_folder
from test_engine_placement import own_partition, scatter


@pytest.mark.parametrize("kind", ["file", "fifo", "dangling link", "link to a file"])
def test_a_table_that_is_no_folder_is_unusable_under_the_engine_too(tmp_path, kind):
    corpus = scatter(tmp_path, own_partition)
    quotes = corpus / "data" / "quotes"
    shutil.rmtree(quotes)
    if kind == "file":
        quotes.write_text("not a table\n")
    elif kind == "fifo":
        os.mkfifo(quotes)
    elif kind == "dangling link":
        quotes.symlink_to(tmp_path / "nowhere")
    else:
        (tmp_path / "target.txt").write_text("x")
        quotes.symlink_to(tmp_path / "target.txt")
    same_as_one_folder(corpus)
    from landstrikes.engines.validate import validate_partitioned

    report = validate_partitioned(corpus, "local", num_proc=1)
    assert report.exit_code == 2 and "[unreadable-table]" in report.unusable and "not a folder" in report.unusable
