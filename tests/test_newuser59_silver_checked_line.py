"""validate's `checked:` line names what it judged (eco39). On a folder `extract` wrote from a user's
own articles it said `checked: dataset 2.35.2 (schema 2.1)`, as on the gold: a new user read it as
"these are landstrikes' 2.35.2 data" (newuser59). The version silver files carry is the version of
the package whose extractor wrote them, and every such file is stamped `landstrikes.source=auto`:
the line says silver, and says so of a folder whose files mix gold and silver stamps."""

from __future__ import annotations

import json
import shutil

import pyarrow.parquet as pq
import pytest

import landstrikes
from conftest import DATASET
from landstrikes.cli import main

ARTICLE = """Village hall reopens after flood repairs

LOWMOOR, May 9 - The village hall in Lowmoor reopened on Saturday after eight months of repairs.

"We are proud of what the volunteers have done," said parish clerk Anna Whitcombe.
"""


@pytest.fixture(scope="module")
def silver(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    (raw / "village.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path_factory.mktemp("silver") / "out"
    assert main(["extract", str(raw), "--out", str(out)]) == 0
    return out


def _validate(capsys, tmp_path, folder, *options) -> tuple[int, list[str], dict]:
    report = tmp_path / "report.json"
    code = main(["validate", str(folder), *options, "--json", str(report)])
    return code, capsys.readouterr().out.splitlines(), json.loads(report.read_text(encoding="utf-8"))


def test_a_silver_folder_is_named_silver_not_dataset(silver, capsys, tmp_path):
    code, lines, report = _validate(capsys, tmp_path, silver)
    assert code == 0 and lines[-1] == "VALID", lines
    version = landstrikes.DATASET_VERSION
    assert lines[-2] == (f"checked: silver tables (source=auto) written by landstrikes {version}'s extract (schema 2.1); "
                         "no MANIFEST.json: the tables alone")
    assert report["checked"]["source"] == "auto" and report["checked"]["dataset_version"] == version


def test_the_gold_is_named_as_before_and_says_gold(capsys, tmp_path):
    code, lines, report = _validate(capsys, tmp_path, DATASET)
    assert code == 0
    assert lines[-2] == f"checked: dataset {landstrikes.DATASET_VERSION} (schema 2.1); no MANIFEST.json: the tables alone"
    assert report["checked"]["source"] == "gold"


@pytest.mark.parametrize("engine", [(), ("--engine", "local")], ids=["one-folder", "engine-local"])
def test_gold_and_silver_files_in_one_folder_are_counted(silver, capsys, tmp_path, engine):
    mixed = tmp_path / "mixed"
    shutil.copytree(DATASET / "data", mixed / "data")
    shutil.copy(next((silver / "data" / "articles").glob("*.parquet")), mixed / "data" / "articles" / "silver.parquet")
    files = len(list((mixed / "data").glob("*/*.parquet")))
    _, lines, report = _validate(capsys, tmp_path, mixed, *engine)
    assert lines[-2].startswith(f"checked: dataset {landstrikes.DATASET_VERSION} (schema 2.1; 1 of {files} files "
                                "stamped silver, source=auto)"), lines[-2]
    assert report["checked"]["source"] == "mixed"


def test_partitioned_validation_names_silver_the_same(silver, capsys, tmp_path):
    _, lines, report = _validate(capsys, tmp_path, silver)
    code, engine_lines, engine_report = _validate(capsys, tmp_path, silver, "--engine", "local")
    assert code == 0 and engine_lines[-2:] == lines[-2:] and engine_report["checked"] == report["checked"]
