"""`diff` compares releases only after verifying them, and a release is an X.Y.Z folder in a
releases folder whether or not its MANIFEST.json is still there: deleting the manifest does not
turn a tampered release into a plain folder that diff compares unchecked (attack11)."""

from __future__ import annotations

import shutil

import pytest

from conftest import DATASET
from landstrikes.cli import main


@pytest.fixture
def releases(tmp_path):
    """Releases 2.0.0 and 2.1.0 copied, 2.1.0 without its manifest and one stance flipped."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    target = tmp_path / "dataset" / "releases"
    for version in ("2.0.0", "2.1.0"):
        shutil.copytree(DATASET / "releases" / version, target / version)
    (target / "2.1.0" / "MANIFEST.json").unlink()
    path = target / "2.1.0" / "data" / "stances" / "stances.parquet"
    table = pq.read_table(path)
    i = table.schema.get_field_index("label")
    labels = table.column(i).to_pylist()
    labels[0] = "against" if labels[0] != "against" else "favor"
    pq.write_table(table.set_column(i, table.schema.field(i), pa.array(labels, table.schema.field(i).type)), path)
    return target


@pytest.mark.parametrize("named_by", ["version", "path", "path through a symlink"])
def test_diff_refuses_a_release_whose_manifest_was_deleted(releases, tmp_path, named_by, capsys):
    new = {"version": "2.1.0", "path": str(releases / "2.1.0")}.get(named_by)
    if new is None:
        (tmp_path / "link").symlink_to(releases / "2.1.0")
        new = str(tmp_path / "link")
    assert main(["diff", "2.0.0", new, "--dataset", str(releases.parent)]) == 2
    err = capsys.readouterr().err
    assert "missing-manifest" in err and err.count("\n") == 1


def test_diff_still_compares_a_plain_folder_that_is_no_release(releases, tmp_path, capsys):
    plain = tmp_path / "copy"
    shutil.copytree(releases / "2.1.0", plain)
    assert main(["diff", "2.0.0", str(plain), "--dataset", str(releases.parent)]) == 1
    assert "stances" in capsys.readouterr().out
