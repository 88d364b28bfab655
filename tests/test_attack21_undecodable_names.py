"""A file or folder name that is not valid UTF-8 (Linux allows any bytes; Python holds them as lone
surrogates) never ends a command in `[internal-error]` (attack21).

A raw text named `005_\\xff.txt` gave `build` and `build --check` `[internal-error]
UnicodeEncodeError`, naming no file: the article id it would make cannot be stored. `extract`
already gave it a failure row (`extract-bad-name`, attack9). Now `build` refuses it by name
(`raw-bad-name`, exit 2, nothing written) and `validate` names it (a `raw-bad-name` finding, not an
article the table lost), the bytes shown as `\\xNN`. `validate --json` of such a folder, or of a
dataset under a folder so named, wrote no report (`[internal-error]` again): a report's strings are
now UTF-8 whatever the file system held.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from landstrikes.schema.rawnames import is_undecodable, shown_name
from test_attack20_hidden_raw_files import TEXT, assert_build_refuses_by_name, landstrikes

UNDECODABLE = b"005_\xff\xfe.txt"


def _plant(raw: Path) -> None:
    (raw / os.fsdecode(UNDECODABLE)).write_bytes(TEXT)


def test_a_name_of_undecodable_bytes_is_told_apart_and_shown_as_its_bytes():
    assert is_undecodable(os.fsdecode(UNDECODABLE)) and not is_undecodable("005_é.txt")
    assert shown_name(os.fsdecode(UNDECODABLE)) == "005_\\xff\\xfe.txt"
    assert shown_name("005_é.txt") == "005_é.txt"


def test_build_refuses_a_raw_name_that_is_not_utf8_by_name_and_writes_nothing(whole_copy):
    _plant(whole_copy / "raw")
    assert_build_refuses_by_name(whole_copy, "005_\\xff\\xfe.txt", "raw-bad-name")


def test_validate_names_a_raw_name_that_is_not_utf8_and_its_json_report_is_written(raw_and_data_copy, tmp_path):
    _plant(raw_and_data_copy / "raw")
    report = tmp_path / "report.json"
    done = landstrikes("validate", str(raw_and_data_copy), "--json", str(report))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "internal-error" not in done.stderr, done.stderr
    assert "raw-bad-name" in done.stdout and "raw/005_\\xff\\xfe.txt" in done.stdout, done.stdout
    assert "article-not-raw" not in done.stdout, done.stdout
    findings = json.loads(report.read_bytes().decode("utf-8"))["findings"]
    assert [f["check"] for f in findings] == ["raw-bad-name"], findings


def test_validate_json_of_a_dataset_under_an_undecodable_folder_name_writes_its_report(built_dataset, tmp_path):
    import shutil

    folder = os.path.join(os.fsencode(tmp_path), b"copy\xff")
    shutil.copytree(os.fsencode(built_dataset / "data"), os.path.join(folder, b"data"))
    report = tmp_path / "report.json"
    done = landstrikes("validate", os.fsdecode(folder), "--json", str(report))
    assert "internal-error" not in done.stderr, done.stderr
    assert done.returncode in (0, 2), done.stdout + done.stderr
    document = json.loads(report.read_bytes().decode("utf-8"))
    assert document["exit_code"] == done.returncode


@pytest.mark.parametrize("command", ["build", "validate", "render", "extract"])
def test_a_dataset_under_an_undecodable_folder_name_is_an_unusable_path_not_an_internal_error(whole_copy, tmp_path, command):
    """Arrow opens and writes only UTF-8 paths: `build --dataset` of a dataset under a folder named
    `copy\\xff`, and `extract --out` into it, ended in `[internal-error] UnicodeEncodeError`, and
    `validate`/`render` called every table 'not a readable Parquet file'. Each is one
    `[unusable-path]` line naming the path, exit 2. (`extract` of a raw/ under such a name works:
    Python reads it.)"""
    import shutil

    folder = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"copy\xff"))
    shutil.copytree(whole_copy, folder)
    args = {"build": ["build", "--dataset", folder], "validate": ["validate", folder],
            "render": ["render", folder, "--out", str(tmp_path / "site")],
            "extract": ["extract", str(whole_copy / "raw"), "--out", os.path.join(folder, "silver")]}[command]
    done = landstrikes(*args)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "internal-error" not in done.stdout + done.stderr, done.stdout + done.stderr
    assert "[unusable-path]" in done.stdout + done.stderr and "copy\\xff" in done.stdout + done.stderr, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
