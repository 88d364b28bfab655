"""A hidden `*.txt` in raw/ is no article: every command that reads raw/ refuses it by name (attack20).

A macOS copy of raw/ onto exFAT or a network drive leaves an AppleDouble `._000_x.txt` beside each
text; an editor leaves `.000_x.txt.swp`-like hidden copies. `raw/*.txt` matched them, so `build`
stopped on `raw-not-utf8` for a file nobody wrote, `extract` made an article of a valid `.x.txt`
(or a failure row of an AppleDouble), and `validate` called a hidden text `article-not-raw`, an
article the table lost. Skipping them silently would let a text someone did name `.x.txt` vanish
from the corpus unseen; so each reader refuses the file itself, named, with one check id:
`build` (and `build --check`, `release`): `raw-hidden-file`, exit 2, nothing written; `extract`:
the file is one failure row `extract-hidden-file` (exit 3, every other article written);
`validate`: a `raw-hidden-file` finding (exit 1).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

APPLEDOUBLE = b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        \x00\x02"
TEXT = "A hidden copy of an article, valid UTF-8: \"It is a test,\" said Maria Lopez.\n".encode()


def landstrikes(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "landstrikes", *args], capture_output=True, text=True,
                          env={**os.environ, "HF_HUB_OFFLINE": "1"})


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(folder.rglob("*"))}


def _first_raw(folder: Path) -> Path:
    return sorted((folder / "raw").glob("[!.]*.txt"))[0]


@pytest.mark.parametrize("hidden", ["appledouble", "dotted-text"])
def test_build_refuses_a_hidden_raw_file_by_name_and_writes_nothing(whole_copy, hidden):
    name, content = (f"._{_first_raw(whole_copy).name}", APPLEDOUBLE) if hidden == "appledouble" else (".draft.txt", TEXT)
    (whole_copy / "raw" / name).write_bytes(content)
    assert_build_refuses_by_name(whole_copy, name, "raw-hidden-file")


def assert_build_refuses_by_name(folder: Path, name: str, check: str) -> None:
    """`build` and `build --check` of `folder`: exit 2, one line naming raw/`name` and `check`,
    and nothing written into data/."""
    before = snapshot(folder / "data")
    for args in (("build",), ("build", "--check")):
        done = landstrikes(*args, "--dataset", str(folder))
        assert done.returncode == 2, (args, done.stdout, done.stderr)
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr
        assert f"raw/{name}" in done.stderr and f"[{check}]" in done.stderr, done.stderr
    assert snapshot(folder / "data") == before


def test_validate_names_a_hidden_raw_file_not_a_lost_article(raw_and_data_copy):
    (raw_and_data_copy / "raw" / ".draft.txt").write_bytes(TEXT)
    done = landstrikes("validate", str(raw_and_data_copy))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "raw-hidden-file" in done.stdout and "raw/.draft.txt" in done.stdout, done.stdout
    assert "article-not-raw" not in done.stdout, done.stdout


def test_extract_makes_no_article_of_a_hidden_file_and_names_it(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "001_a.txt").write_bytes(TEXT.replace(b"hidden copy", b"plain text"))
    (raw / ".001_b.txt").write_bytes(TEXT)
    (raw / "._001_a.txt").write_bytes(APPLEDOUBLE)
    done = landstrikes("extract", str(raw), "--out", str(tmp_path / "out"))
    assert done.returncode == 3, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    errors = (tmp_path / "out" / "extract_errors.csv").read_text(encoding="utf-8")
    assert errors.count("extract-hidden-file") == 2, errors
    import pyarrow.parquet as pq

    articles = pq.read_table(tmp_path / "out" / "data" / "articles").column("source_file").to_pylist()
    assert articles == ["001_a.txt"]


def test_validate_engine_names_a_hidden_raw_file_as_one_folder_validate_does(raw_and_data_copy):
    from landstrikes.engines.validate import validate_partitioned
    from landstrikes.schema import validate

    (raw_and_data_copy / "raw" / "._x.txt").write_bytes(APPLEDOUBLE)
    one, engine = validate(raw_and_data_copy), validate_partitioned(raw_and_data_copy)
    assert [f.check for f in one.findings] == [f.check for f in engine.findings] == ["raw-hidden-file"]
