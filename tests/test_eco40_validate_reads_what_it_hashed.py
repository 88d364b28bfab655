"""`validate` of a release judges the bytes it hashed (eco40).

validate read a release's tables to check them, then hashed the files against MANIFEST.json in
a second read (eco39's and attack42's open item). A part replaced between the two reads was
unseen: an edited stances file was read and judged, the released one was back in place when the
hashing came, and the verdict was VALID, "pinned", with the manifest's sha256 on the `checked:`
line: a verdict about bytes that were not the ones hashed. Now each listed file of a release is
read once, hashed, compared with the manifest and parsed from those bytes; the edited part is
`sha256-mismatch`, exit 1, on the command line, in Python and under `--engine`.

The race is made repeatable by wrapping the reading functions: the released part is put back
right after the first of them has read the stances file.
"""

from __future__ import annotations

import hashlib
import json
import shutil

import pyarrow.parquet as pq
import pytest

from landstrikes.cli import main
from landstrikes.releases import manifest as manifest_module
from landstrikes.schema import tableio, validate
from test_attack33_validate_release_manifest import NEWEST, newest_copy  # noqa: F401 (the release copy fixture)

STANCES = "data/stances/stances.parquet"


def _pin() -> str:
    return hashlib.sha256((NEWEST / "MANIFEST.json").read_bytes()).hexdigest()


def _swap_after_first_read(monkeypatch, part, replacement) -> list:
    """`replacement` copied over `part` right after the first read of it (a writer racing the
    reader), by whichever reads it first: the table reader, the hasher, or the one read of a
    listed file; the list returned names the read that came first."""
    swapped = []

    def after_first_read(function):
        def wrapped(path, *args, **kwargs):
            result = function(path, *args, **kwargs)
            if not swapped and str(path).endswith("stances.parquet"):
                swapped.append(str(path))
                shutil.copyfile(replacement, part)
            return result
        return wrapped

    monkeypatch.setattr(tableio, "read_part", after_first_read(tableio.read_part))
    monkeypatch.setattr(manifest_module, "sha256_file", after_first_read(manifest_module.sha256_file))
    if hasattr(manifest_module, "listed_bytes"):
        monkeypatch.setattr(manifest_module, "listed_bytes", after_first_read(manifest_module.listed_bytes))
    return swapped


@pytest.fixture
def racing(newest_copy, tmp_path, monkeypatch):
    """A release copy whose stances part is another file (the same rows and stamps, written
    again: its tables alone are VALID) until its first read, and the released one from then on."""
    part = newest_copy / STANCES
    released = tmp_path / "released.parquet"
    shutil.copyfile(part, released)
    pq.write_table(pq.read_table(part), part, compression="gzip")  # other bytes, the same table
    assert part.read_bytes() != released.read_bytes()
    swapped = _swap_after_first_read(monkeypatch, part, released)
    yield newest_copy
    assert swapped, "the race did not happen"


def test_the_command_judges_the_bytes_it_hashed(racing, tmp_path, capsys):
    out_json = tmp_path / "report.json"
    code = main(["validate", str(racing), "--pin", _pin(), "--json", str(out_json)])
    out = capsys.readouterr().out
    assert code == 1, out
    assert "[sha256-mismatch]" in out and "INVALID" in out and "VALID\n" not in out.replace("INVALID", "")
    found = {(f["table"], f["check"], f["row_id"]) for f in json.loads(out_json.read_text(encoding="utf-8"))["findings"]}
    assert ("release", "sha256-mismatch", STANCES) in found


def test_the_python_function_judges_the_bytes_it_hashed(racing):
    report = validate(racing, pin=_pin())
    assert report.exit_code == 1
    assert ("release", "sha256-mismatch", STANCES) in {(f.table, f.check, f.row_id) for f in report.findings}


@pytest.mark.parametrize("where", ["release", "data"])
def test_the_data_folder_judges_the_bytes_it_hashed(racing, where):
    report = validate(racing if where == "release" else racing / "data")
    assert report.exit_code == 1
    assert ("release", "sha256-mismatch", STANCES) in {(f.table, f.check, f.row_id) for f in report.findings}


def test_the_local_engine_judges_the_bytes_it_hashed(racing):
    from landstrikes.engines.validate import validate_partitioned

    report = validate_partitioned(racing, "local", 1, pin=_pin())
    assert report.exit_code == 1
    assert ("release", "sha256-mismatch", STANCES) in {(f.table, f.check, f.row_id) for f in report.findings}


@pytest.fixture
def edited_after_read(newest_copy, tmp_path, monkeypatch):
    """A sound release copy whose stances part becomes another file (the same rows, other bytes)
    right after its first read."""
    part = newest_copy / STANCES
    other = tmp_path / "other.parquet"
    pq.write_table(pq.read_table(part), other, compression="gzip")
    swapped = _swap_after_first_read(monkeypatch, part, other)
    yield newest_copy
    assert swapped, "the race did not happen"


def test_the_verdict_is_about_the_bytes_read_once_not_a_later_file(edited_after_read):
    """The released bytes were read, hashed and judged: VALID, whatever lies there afterwards
    (before: INVALID, sha256-mismatch of a file whose rows were never the ones judged)."""
    report = validate(edited_after_read, pin=_pin())
    assert (report.exit_code, report.findings) == (0, []), report.findings
    assert report.tables["stances"].rows == 88 and report.checked["manifest_sha256"] == _pin()


def test_the_local_engine_judges_the_bytes_read_once(edited_after_read):
    from landstrikes.engines.validate import validate_partitioned

    report = validate_partitioned(edited_after_read, "local", 1, pin=_pin())
    assert (report.exit_code, report.findings) == (0, []), report.findings


def test_a_part_there_when_read_and_gone_when_hashed_is_unlisted(newest_copy, monkeypatch):
    """A part nobody hashed was judged: an extra (empty) stances part read with the tables and
    removed before the hashing left no trace (VALID, pinned); the judge now looks first."""
    part = newest_copy / STANCES
    extra = part.with_name("stances-extra.parquet")
    table = pq.read_table(part)
    pq.write_table(table.slice(0, 0), extra)
    real = tableio.read_part

    def read_then_remove(path, *args, **kwargs):
        result = real(path, *args, **kwargs)
        if path.name == extra.name and extra.exists():
            extra.unlink()
        return result

    monkeypatch.setattr(tableio, "read_part", read_then_remove)
    report = validate(newest_copy, pin=_pin())
    assert not extra.exists()
    assert report.exit_code == 1
    assert ("release", "unlisted-file", "data/stances/stances-extra.parquet") in {
        (f.table, f.check, f.row_id) for f in report.findings}
