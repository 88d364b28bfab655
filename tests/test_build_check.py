"""`landstrikes build --check` says whether a dataset folder's tables and card are what its
sources build, byte for byte, and writes nothing into the folder: a table edited consistently,
which `validate` calls VALID, is named with the rows that differ."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import load, save

from landstrikes.schema.validate import validate


def check(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "landstrikes", "build", "--check", "--dataset", str(folder)],
                          capture_output=True, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"})


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every entry under the folder with its size and modification time."""
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(folder.rglob("*"))}


def test_a_freshly_built_folder_is_its_sources_build(whole_copy):
    before = snapshot(whole_copy)
    done = check(whole_copy)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "are what the sources build, byte for byte" in done.stdout
    assert snapshot(whole_copy) == before


def test_a_label_swapped_in_a_table_is_valid_but_not_built_from_the_sources(whole_copy):
    stances = load(whole_copy, "stances")
    row = stances.index[stances["label"] == "against"][0]
    stances.loc[row, "label"] = "favor"
    save(whole_copy, "stances", stances)
    before = snapshot(whole_copy)
    assert validate(whole_copy).ok  # the invariants cannot see it

    done = check(whole_copy)
    assert done.returncode == 1
    assert "data/stances/stances.parquet: differs from the build of the sources [table-not-built-from-sources]" in done.stdout
    assert stances.loc[row, "stance_id"] in done.stdout and "label" in done.stdout
    assert "data/claims/" not in done.stdout
    assert snapshot(whole_copy) == before


def test_an_edited_card_and_a_file_no_build_writes_are_named(whole_copy):
    (whole_copy / "README.md").write_text("# my notes\n", encoding="utf-8")
    (whole_copy / "data" / "quotes" / "notes.txt").write_text("x", encoding="utf-8")
    done = check(whole_copy)
    assert done.returncode == 1
    assert "README.md: the dataset card differs from the one the sources build [table-not-built-from-sources]" in done.stdout
    assert "data/quotes/notes.txt: no build writes it" in done.stdout


def test_a_missing_table_is_named(whole_copy):
    (whole_copy / "data" / "segments" / "segments.parquet").unlink()
    done = check(whole_copy)
    assert done.returncode == 1 and "data/segments/segments.parquet: missing; the sources build it" in done.stdout


def test_a_bad_source_is_one_line_and_exit_2(whole_copy):
    source = next((whole_copy / "annotations" / "articles").glob("*.yaml"))
    source.write_text(source.read_text(encoding="utf-8") + "\nmentions: [\n", encoding="utf-8")
    done = check(whole_copy)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and source.name in done.stderr and "Traceback" not in done.stderr


def test_a_folder_that_is_not_there_is_exit_2(tmp_path):
    done = check(tmp_path / "nowhere")
    assert done.returncode == 2 and "[unreadable-folder]" in done.stderr


def test_an_unreadable_table_differs_and_is_named_without_a_traceback(whole_copy):
    (whole_copy / "data" / "quotes" / "quotes.parquet").write_bytes(b"garbage")
    done = check(whole_copy)
    assert done.returncode == 1, done.stderr
    assert "data/quotes/quotes.parquet: differs from the build of the sources" in done.stdout
    assert "rows not shown: [unreadable-table]" in done.stdout and "Traceback" not in done.stdout + done.stderr


def test_a_fifo_where_a_table_belongs_is_named_not_read(whole_copy):
    table = whole_copy / "data" / "quotes" / "quotes.parquet"
    table.unlink()
    os.mkfifo(table)
    done = subprocess.run([sys.executable, "-m", "landstrikes", "build", "--check", "--dataset", str(whole_copy)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "data/quotes/quotes.parquet: not a regular file; the sources build it" in done.stdout


def test_sources_whose_build_does_not_validate_are_a_bad_source_not_a_difference(whole_copy):
    """review19: such sources built tables that `build` refuses to install, yet --check said the
    folder differs (exit 1) and told the reader to run `landstrikes build`, which then refused."""
    entities = whole_copy / "annotations" / "entities.yaml"
    entities.write_text(entities.read_text(encoding="utf-8").replace("aliases: [Cilia Flores]", "aliases: [Cilia Flores, the]"),
                        encoding="utf-8")
    before = snapshot(whole_copy)
    done = check(whole_copy)
    assert done.returncode == 2 and done.stdout == "", done.stdout + done.stderr
    assert done.stderr.count("\n") == 1 and "do not validate" in done.stderr and "[sources-build-invalid]" in done.stderr
    assert snapshot(whole_copy) == before


# review19: attacks that held, kept (each in its own process, as a reader runs it)

def _data_is_a_file(folder: Path) -> None:
    shutil.rmtree(folder / "data")
    (folder / "data").write_text("x", encoding="utf-8")


def _broken_agreement(folder: Path) -> None:
    (folder / "agreement.json").write_text('{"quotes": ', encoding="utf-8")


def _sources_gone(folder: Path) -> None:  # a release folder or an extract's output has no raw/
    shutil.rmtree(folder / "raw")


@pytest.mark.parametrize("attack, code, said", [
    (_data_is_a_file, 1, "data/quotes/quotes.parquet: missing; the sources build it"),
    (_broken_agreement, 2, "agreement.json: agreement figures are not valid JSON"),
    (_sources_gone, 2, "[raw-missing]"),
], ids=["data is a file", "agreement.json broken", "no raw folder"])
def test_a_folder_that_cannot_be_compared_is_named_without_a_traceback(whole_copy, attack, code, said):
    attack(whole_copy)
    before = snapshot(whole_copy)
    done = check(whole_copy)
    assert done.returncode == code and said in done.stdout + done.stderr, done.stdout + done.stderr
    assert "Traceback" not in done.stderr and snapshot(whole_copy) == before


def test_a_build_holding_the_lock_is_waited_for_or_refused(whole_copy, tmp_path):
    """The build holds the lock until the test lets it go: once the check has said it waits
    (before: a 6 s sleep that both had to fall into)."""
    go_on = tmp_path / "go-on"
    build = subprocess.Popen([sys.executable, "-m", "landstrikes", "build", "--dataset", str(whole_copy)],
                             env={**os.environ, "HF_HUB_OFFLINE": "1", "LANDSTRIKES_FAULT": f"build:locked@wait={go_on}"},
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    waiting = None
    try:
        deadline = time.monotonic() + 30
        lock = whole_copy / ".landstrikes.lock"
        while not (lock.exists() and lock.read_text().strip() == str(build.pid)) and time.monotonic() < deadline:
            time.sleep(0.05)  # the build writes its pid once it holds the lock
        refused = check(whole_copy)
        assert refused.returncode == 2 and "[dataset-locked]" in refused.stderr, refused.stdout + refused.stderr
        waiting = subprocess.Popen([sys.executable, "-m", "landstrikes", "build", "--check", "--dataset", str(whole_copy),
                                    "--wait", "60"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   env={**os.environ, "HF_HUB_OFFLINE": "1"})
        said = waiting.stderr.readline()  # told once, when it starts to wait
        assert said.startswith("waiting for the lock on "), said
        assert build.poll() is None  # still holding the lock
        go_on.touch()
        out, err = waiting.communicate(timeout=120)
        assert waiting.returncode == 0 and build.wait(timeout=60) == 0, said + out + err
    finally:
        for process in (build, waiting):
            if process is not None:
                process.kill()
                process.wait()


def write_bomb(path, rows: int, group: int = 1 << 20) -> None:
    """The table's first row repeated `rows` times, zstd, in row groups of `group`: the bytes
    `pq.write_table` writes of the whole repeated table (checked in docs/notes/cispeed4.md), with one
    row group held in memory instead of all 1.5 GB of them."""
    table = pq.read_table(path)
    full = pa.table({f.name: pa.repeat(table.column(f.name)[0], group).cast(f.type) for f in table.schema},
                    schema=table.schema)
    with pq.ParquetWriter(path, table.schema, compression="zstd") as writer:
        for start in range(0, rows, group):
            writer.write_table(full.slice(0, min(group, rows - start)))


def test_a_decompression_bomb_where_a_table_belongs_differs_and_is_refused_unread(whole_copy):
    path = whole_copy / "data" / "stances" / "stances.parquet"
    write_bomb(path, rows=5_000_000)
    done = check(whole_copy)
    assert done.returncode == 1 and "[decompression-bomb]" in done.stdout, done.stdout + done.stderr


def test_a_table_that_differs_only_in_encoding_says_so_beside_one_whose_rows_differ(whole_copy):
    """review19: the quotes file rewritten with another codec was named as differing, but the rows
    section showed only the stances: nothing said the quotes' rows were the same."""
    quotes = whole_copy / "data" / "quotes" / "quotes.parquet"
    pq.write_table(pq.read_table(quotes), quotes, compression="gzip")
    stances = load(whole_copy, "stances")
    stances.loc[stances.index[stances["label"] == "against"][0], "label"] = "favor"
    save(whole_copy, "stances", stances)
    done = check(whole_copy)
    assert done.returncode == 1 and "data/quotes/quotes.parquet: differs from the build of the sources" in done.stdout
    rows = pq.read_metadata(quotes).num_rows
    assert f"quotes: the same {rows} rows; the file differs in metadata or encoding" in done.stdout, done.stdout
    n = len(stances)  # the gold's count, not a number written in (2.7.0's six stances broke 77)
    assert f"stances: {n} -> {n} rows; 0 added, 0 removed, 1 changed" in done.stdout


def test_a_temporary_folder_inside_the_dataset_is_refused_not_written(whole_copy):
    """review19: with TMPDIR inside the dataset (TMPDIR=$PWD/tmp and --dataset ., or under data/)
    the check built there, wrote into the folder it promises not to touch, and under data/ named
    its own build's files as files no build writes (exit 1)."""
    before = snapshot(whole_copy)
    done = subprocess.run([sys.executable, "-m", "landstrikes", "build", "--check", "--dataset", str(whole_copy)],
                          capture_output=True, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1", "TMPDIR": str(whole_copy / "data")})
    assert done.returncode == 2 and done.stdout == "", done.stdout + done.stderr
    assert done.stderr.count("\n") == 1 and "TMPDIR" in done.stderr and "[temp-inside-dataset]" in done.stderr
    assert snapshot(whole_copy) == before


def test_a_temporary_folder_that_is_a_symlink_loop_is_no_internal_error(whole_copy, tmp_path):
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    done = subprocess.run([sys.executable, "-m", "landstrikes", "build", "--check", "--dataset", str(whole_copy)],
                          capture_output=True, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1", "TMPDIR": str(loop)})
    assert "internal-error" not in done.stderr and done.returncode == 0, done.stdout + done.stderr
