"""`landstrikes validate` of a release folder (or its data/ folder) vouches for the release as its
MANIFEST.json states it (attack33): README's "Validate in your CI" runs validate on a team's copy
"to check that [it] is an intact, complete, schema-conformant landstrikes release", and validate
never read the manifest. A copy of the newest release with one stance row deleted (every stamp
kept, the manifest untouched, so `verify` fails it on size and sha256) was VALID, exit 0; so was a
copy with a Parquet file added beside the tables' parts' folders that no manifest lists."""

from __future__ import annotations

import json
import shutil

import pyarrow.parquet as pq
import pytest

import landstrikes
from conftest import DATASET
from landstrikes.cli import main

NEWEST = DATASET / "releases" / landstrikes.DATASET_VERSION


@pytest.fixture
def newest_copy(tmp_path):
    """A copy of the newest committed release, outside any releases folder (as a team keeps one)."""
    target = tmp_path / "vendor" / "landstrikes"
    shutil.copytree(NEWEST, target)
    return target


def _drop_last_stance(release):
    part = release / "data" / "stances" / "stances.parquet"
    table = pq.read_table(part)  # the landstrikes.* stamps ride in the schema's metadata
    pq.write_table(table.slice(0, table.num_rows - 1), part)


def _validated(capsys, path, tmp_path):
    report = tmp_path / "report.json"
    code = main(["validate", str(path), "--json", str(report)])
    out = capsys.readouterr().out
    return code, out, json.loads(report.read_text(encoding="utf-8"))


def test_a_sound_release_copy_is_valid(newest_copy, capsys, tmp_path):
    code, out, _ = _validated(capsys, newest_copy, tmp_path)
    assert code == 0 and out.rstrip().endswith("VALID"), out


@pytest.mark.parametrize("where", ["release", "data"])
def test_a_row_deleted_from_a_release_is_invalid_against_its_manifest(newest_copy, capsys, tmp_path, where):
    _drop_last_stance(newest_copy)
    path = newest_copy if where == "release" else newest_copy / "data"
    code, out, report = _validated(capsys, path, tmp_path)
    assert code == 1, out
    checks = {f["check"] for f in report["findings"]}
    assert {"sha256-mismatch", "size-mismatch"} <= checks, out
    assert any(f["row_id"] == "data/stances/stances.parquet" for f in report["findings"]), report["findings"]
    assert "INVALID" in out


def test_a_file_added_to_a_release_is_invalid(newest_copy, capsys, tmp_path):
    (newest_copy / "data" / "stances" / "notes.txt").write_text("not in the manifest\n", encoding="utf-8")
    code, out, report = _validated(capsys, newest_copy, tmp_path)
    assert code == 1, out
    assert "unlisted-file" in {f["check"] for f in report["findings"]}, out


def test_a_release_whose_manifest_is_edited_is_invalid(newest_copy, capsys, tmp_path):
    manifest = json.loads((newest_copy / "MANIFEST.json").read_text(encoding="utf-8"))
    manifest["tables"]["stances"]["rows"] += 1
    (newest_copy / "MANIFEST.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    code, out, report = _validated(capsys, newest_copy, tmp_path)
    assert code == 1, out
    assert "manifest-tables-mismatch" in {f["check"] for f in report["findings"]}, out


def test_a_dataset_folder_has_no_manifest_and_is_judged_as_before(capsys, tmp_path):
    code, out, _ = _validated(capsys, DATASET, tmp_path)
    assert code == 0, out


# The CI recipe's pin: a copy of another release, whole and consistent, validated VALID under a
# validator installed at the pinned tag, and validate could not be told which release was meant.

OLDER = DATASET / "releases" / "2.27.1"


def _digest(release):
    import hashlib

    return hashlib.sha256((release / "MANIFEST.json").read_bytes()).hexdigest()


def test_a_copy_of_another_release_fails_the_pin_of_the_one_meant(tmp_path, capsys):
    copy = tmp_path / "vendor" / "landstrikes"
    shutil.copytree(OLDER, copy)
    assert main(["validate", str(copy)]) == 0  # a sound release, just not the pinned one
    capsys.readouterr()
    code, out, report = _validated_with(capsys, ["validate", str(copy), "--pin", _digest(NEWEST)], tmp_path)
    assert code == 1, out
    assert "manifest-digest-mismatch" in {f["check"] for f in report["findings"]}, out


def test_the_pinned_release_validates(newest_copy, capsys, tmp_path):
    code, out, _ = _validated_with(capsys, ["validate", str(newest_copy / "data"), "--pin", _digest(NEWEST).upper()], tmp_path)
    assert code == 0, out


@pytest.mark.parametrize("pin", ["", "0" * 63, "g" * 64, " " + "0" * 64])
def test_a_pin_that_is_no_sha256_is_refused(newest_copy, capsys, pin):
    assert main(["validate", str(newest_copy), "--pin", pin]) == 2
    assert "--pin" in capsys.readouterr().err


def test_a_pin_on_a_folder_without_a_manifest_is_refused(capsys):
    assert main(["validate", str(DATASET), "--pin", _digest(NEWEST)]) == 2
    err = capsys.readouterr().err
    assert "MANIFEST.json" in err and "--pin" in err, err


def _validated_with(capsys, argv, tmp_path):
    report = tmp_path / "pinned.json"
    code = main([*argv, "--json", str(report)])
    out = capsys.readouterr().out
    return code, out, json.loads(report.read_text(encoding="utf-8")) if report.exists() else {}
