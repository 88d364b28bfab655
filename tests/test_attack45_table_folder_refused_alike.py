"""Every command that reads a tables folder tells a missing table from an unreadable one as
`validate` does: a table folder that is not there, or holds no part, is a missing table (`render`
draws it as empty, `diff` calls it removed); one that is a file or a dangling link, or whose only
part is a dangling link, is unreadable input (`[unreadable-table]`, validate's line, exit 2).

attack45: `render` and `diff` looked for parts themselves, skipping entries that are no regular
file: a `quotes` folder whose one part was a dangling symlink, or a `quotes` that was a file, was
drawn as an empty table (exit 0) and diffed as `quotes: table removed`, a major bump (exit 1), where
validate, evaluate and stats refuse it, exit 2."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from conftest import DATASET
from landstrikes.schema.tableio import UnreadableTable, read_arrow
from landstrikes.schema.validate import validate


def _tables(tmp_path, quotes):
    folder = tmp_path / "tables"
    shutil.copytree(DATASET / "data", folder / "data")
    shutil.rmtree(folder / "data" / "quotes")
    quotes(folder / "data" / "quotes")
    return folder


def _dangling_part(path):
    path.mkdir()
    (path / "quotes.parquet").symlink_to(path / "gone.parquet")


def _a_file(path):
    path.write_text("not a folder")


def _dangling_link(path):
    path.symlink_to(path.parent / "gone")


def _run(*args):
    return subprocess.run([sys.executable, "-m", "landstrikes", *map(str, args)], capture_output=True, text=True, timeout=300)


UNREADABLE = [_dangling_part, _a_file, _dangling_link]


@pytest.mark.parametrize("quotes", UNREADABLE, ids=["dangling-part", "file", "dangling-folder-link"])
def test_render_refuses_an_unreadable_table_with_validates_line(tmp_path, quotes):
    folder = _tables(tmp_path, quotes)
    line = validate(folder).unusable
    assert line is not None and line.startswith("[unreadable-table] ")
    done = _run("render", folder, "--out", tmp_path / "site")
    assert (done.returncode, done.stderr.strip()) == (2, f"error: {line}"), done.stdout
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("quotes", UNREADABLE, ids=["dangling-part", "file", "dangling-folder-link"])
def test_diff_refuses_an_unreadable_table_with_validates_line(tmp_path, quotes):
    folder = _tables(tmp_path, quotes)
    line = validate(folder).unusable
    for old, new in ((DATASET, folder), (folder, DATASET)):
        done = _run("diff", old, new)
        assert (done.returncode, done.stderr.strip()) == (2, f"error: {line}"), done.stdout


def _partless(path):
    path.mkdir()
    (path / "notes.txt").write_text("no part")


def test_a_partless_table_folder_is_a_missing_table_to_render_and_diff(tmp_path):
    folder = _tables(tmp_path, _partless)
    assert [f.check for f in validate(folder).findings] == ["missing-table"]
    drawn = _run("render", folder, "--out", tmp_path / "site")
    assert drawn.returncode == 0 and "missing tables (drawn as empty): quotes" in drawn.stdout
    diffed = _run("diff", DATASET, folder)
    assert diffed.returncode == 1 and "quotes: table removed" in diffed.stdout


@pytest.mark.parametrize("quotes", UNREADABLE, ids=["dangling-part", "file", "dangling-folder-link"])
def test_evaluate_refuses_an_unreadable_table_with_validates_line(tmp_path, quotes):
    folder = _tables(tmp_path, quotes)
    done = _run("evaluate", folder, "--gold", DATASET)
    assert (done.returncode, done.stderr.strip()) == (2, f"error: {validate(folder).unusable}"), done.stdout


@pytest.mark.parametrize("quotes", [*UNREADABLE, lambda path: None, _partless], ids=["dangling-part", "file", "dangling-folder-link", "gone", "partless"])
def test_every_reader_of_a_whole_table_refuses_it_as_validate_does(tmp_path, quotes):
    """read_arrow, under agreement's, render's, stats' and the fourth pass's readers: a table
    folder gone was `[unreadable-table] ...: the folder cannot be listed (No such file or
    directory)`, a file `... (Not a directory)`, where validate says missing-table and `not a folder`."""
    folder = _tables(tmp_path, quotes)
    report = validate(folder)
    with pytest.raises(UnreadableTable) as refused:
        read_arrow(folder / "data" / "quotes")
    if report.unusable is not None:
        assert refused.value.line() == report.unusable
    else:
        assert [(f.check, f.message) for f in report.findings] == [(refused.value.check, str(refused.value))] == [
            ("missing-table", str(refused.value))]
