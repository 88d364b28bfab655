"""`validate --engine` holds a dataset folder's articles to its raw files as one-folder `validate`
does (`article-not-raw`, schema/raw_texts.py). Partitions are checked in temporary folders with no
raw/ beside them, so before this the engine path passed what one-folder validate refused: an
article whose raw file changed after the build, a raw file no article holds (attack14 left it
open). Both cases seen VALID under `--engine` on the code before."""

from __future__ import annotations


import pytest

from landstrikes.engines.validate import validate_partitioned
from landstrikes.schema import validate


@pytest.fixture
def dataset(raw_and_data_copy):
    return raw_and_data_copy


def findings(report):
    return sorted((f.check, f.table, f.row_id, f.message) for f in report.findings)


def both(folder):
    one, engine = validate(folder), validate_partitioned(folder)
    assert findings(engine) == findings(one)
    return one


def test_a_sound_dataset_folder_is_valid_both_ways(dataset):
    assert both(dataset).ok


def test_a_raw_file_changed_after_the_build_is_found_by_the_engine_too(dataset):
    raw = sorted((dataset / "raw").glob("*.txt"))[0]
    raw.write_bytes(raw.read_bytes() + b"\nappended later\n")
    report = both(dataset)
    assert [f.check for f in report.findings] == ["article-not-raw"]


def test_a_raw_file_no_article_holds_is_found_by_the_engine_too(dataset):
    (dataset / "raw" / "zzz_extra.txt").write_text("An article nobody built.\n", encoding="utf-8")
    report = both(dataset)
    assert [f.check for f in report.findings] == ["article-not-raw"]
