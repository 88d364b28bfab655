"""A raw text named `*.TXT` (any letter case but `.txt`) is never passed over unseen. Every reader
lists `raw/*.txt`, which on Linux does not match `ARTICLE.TXT` (a Windows or macOS export's name):
such a text was no article for build, extract and validate alike, and nobody was told (attack20
left it open). It is refused by name, as a hidden file is: `build` and `build --check`
`raw-txt-case`, exit 2, nothing written; `extract` one failure row `extract-txt-case` (exit 3,
every other article written); `validate` a `raw-txt-case` finding (exit 1)."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from landstrikes.schema.rawnames import has_txt_in_other_case
from test_attack20_hidden_raw_files import TEXT, assert_build_refuses_by_name, landstrikes


@pytest.mark.parametrize("name, odd", [("ARTICLE.TXT", True), ("a.Txt", True), ("a.txT", True), ("a.txt", False),
                                       ("a.TXT.bak", False), ("notes.md", False), (".TXT", True)])
def test_a_txt_name_in_another_letter_case_is_told_apart(name, odd):
    assert has_txt_in_other_case(name) is odd


def test_build_refuses_an_upper_case_txt_by_name_and_writes_nothing(whole_copy):
    (whole_copy / "raw" / "005_EXPORT.TXT").write_bytes(TEXT)
    assert_build_refuses_by_name(whole_copy, "005_EXPORT.TXT", "raw-txt-case")


def test_validate_names_an_upper_case_txt(raw_and_data_copy):
    (raw_and_data_copy / "raw" / "005_EXPORT.TXT").write_bytes(TEXT)
    done = landstrikes("validate", str(raw_and_data_copy))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "raw-txt-case" in done.stdout and "raw/005_EXPORT.TXT" in done.stdout, done.stdout


def test_extract_names_an_upper_case_txt_and_extracts_the_rest(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "001_a.txt").write_bytes(TEXT)
    (raw / "002_B.TXT").write_bytes(TEXT.replace(b"hidden copy", b"Windows export"))
    done = landstrikes("extract", str(raw), "--out", str(tmp_path / "out"))
    assert done.returncode == 3, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    errors = (tmp_path / "out" / "extract_errors.csv").read_text(encoding="utf-8")
    assert errors.count("extract-txt-case") == 1 and "002_B.TXT" in errors, errors
    assert pq.read_table(tmp_path / "out" / "data" / "articles").column("source_file").to_pylist() == ["001_a.txt"]


def test_extract_of_upper_case_names_only_is_failures_not_no_input(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "002_B.TXT").write_bytes(TEXT)
    done = landstrikes("extract", str(raw), "--out", str(tmp_path / "out"))
    assert done.returncode in (2, 3) and "Traceback" not in done.stderr, done.stdout + done.stderr
    assert "TXT" in done.stdout + done.stderr + (
        (tmp_path / "out" / "extract_errors.csv").read_text(encoding="utf-8") if (tmp_path / "out" / "extract_errors.csv").exists() else "")
