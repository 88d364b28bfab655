"""validate's report names what it judged (eco39): the dataset and schema versions the tables'
files are stamped with and, for a release, the guidelines version its hashed guidelines state and
the sha256 of the MANIFEST.json checked, pinned or not. A CI log said `VALID` and nothing else:
which corpus was vouched for (or failed) could not be read from it. The documented lines stay:
the text report still leads with one line per failing check id and ends with the verdict."""

from __future__ import annotations

import hashlib
import json
import shutil

import pytest

import landstrikes
from conftest import DATASET
from landstrikes.cli import main

NEWEST = DATASET / "releases" / landstrikes.DATASET_VERSION


def _run(capsys, tmp_path, *argv) -> tuple[int, list[str], dict]:
    report = tmp_path / "report.json"
    code = main(["validate", *map(str, argv), "--json", str(report)])
    return code, capsys.readouterr().out.splitlines(), json.loads(report.read_text(encoding="utf-8"))


def test_a_pinned_release_is_named_by_versions_and_digest(capsys, tmp_path):
    pin = hashlib.sha256((NEWEST / "MANIFEST.json").read_bytes()).hexdigest()
    code, lines, report = _run(capsys, tmp_path, NEWEST, "--pin", pin)
    assert code == 0 and lines[-1] == "VALID", lines
    version = landstrikes.DATASET_VERSION
    assert lines[-2].startswith(f"checked: dataset {version} (schema 2.1, guidelines 2."), lines[-2]
    assert lines[-2].endswith(f"release MANIFEST.json sha256 {pin}, pinned"), lines[-2]
    checked = report["checked"]
    assert (checked["dataset_version"], checked["schema_version"], checked["manifest_sha256"], checked["pinned"]) == \
        (version, "2.1", pin, True)
    assert checked["release"] and checked["release_version"] == version and checked["guidelines_version"]


def test_a_dataset_folder_says_it_was_judged_on_its_tables_alone(capsys, tmp_path):
    code, lines, report = _run(capsys, tmp_path, DATASET)
    assert code == 0 and lines[-1] == "VALID"
    assert lines[-2] == f"checked: dataset {landstrikes.DATASET_VERSION} (schema 2.1); no MANIFEST.json: the tables alone"
    assert report["checked"]["release"] is False and report["checked"]["manifest_sha256"] is None


def test_an_invalid_release_keeps_its_first_lines_and_names_what_failed(capsys, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(NEWEST, copy)
    with open(copy / "DATASHEET.md", "a", encoding="utf-8") as handle:
        handle.write("edited\n")
    code, lines, report = _run(capsys, tmp_path, copy)
    assert code == 1 and lines[0].startswith("FAIL ") and lines[-1].startswith("INVALID: "), lines
    assert "not pinned (--pin)" in lines[-2] and report["checked"]["pinned"] is False


def test_an_old_release_is_named_by_its_own_versions(capsys, tmp_path):
    code, lines, report = _run(capsys, tmp_path, DATASET / "releases" / "1.0.0")
    assert code == 1  # another schema version: schema-version-mismatch
    assert lines[-2].startswith("checked: dataset 1.0.0 (schema 1.0, guidelines 1.0)"), lines[-2]
    assert report["checked"]["validator_schema_version"] == "2.1"


@pytest.mark.parametrize("engine", ["local"])
def test_partitioned_validation_names_the_same(capsys, tmp_path, engine):
    _, lines, report = _run(capsys, tmp_path, NEWEST)
    code, engine_lines, engine_report = _run(capsys, tmp_path, NEWEST, "--engine", engine)
    assert code == 0 and engine_lines[-2:] == lines[-2:] and engine_report["checked"] == report["checked"]
