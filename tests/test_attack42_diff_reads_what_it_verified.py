"""`diff` compares the bytes it verified (attack42).

`diff A B` verified each release (every file re-hashed against its MANIFEST.json), then read the
tables and the manifest from disk a second time. A table or manifest replaced between the two
reads was compared unverified: a stance label flipped after verification was reported as a
corrected row of the release (exit 1, "required bump: patch"), and a manifest swapped after
verification changed the label sets diff reported. `landstrikes.load` already parses the bytes
it hashed (`read_verified`); diff now reads a release's tables and description the same way.
"""

from __future__ import annotations

import json
import shutil

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import DATASET
from landstrikes.cli import main
from landstrikes.releases import manifest as manifest_module

STANCES = "data/stances/stances.parquet"


@pytest.fixture
def two_copies(tmp_path):
    """Two sound copies of release 2.28.0 (identical: `diff` of them is exit 0)."""
    old, new = tmp_path / "old" / "2.28.0", tmp_path / "new" / "2.28.0"
    for target in (old, new):
        shutil.copytree(DATASET / "releases" / "2.28.0", target)
    return old, new


def _flipped(path, target) -> None:
    table = pq.read_table(path)
    i = table.schema.get_field_index("label")
    labels = table.column(i).to_pylist()
    labels[0] = "against" if labels[0] != "against" else "favor"
    pq.write_table(table.set_column(i, table.schema.field(i), pa.array(labels, table.schema.field(i).type)), target)


def _after_verifying(monkeypatch, release, swap) -> None:
    """Run `swap` right after `release` was verified (a writer racing the reader)."""
    real = manifest_module.verified_manifest

    def racing(folder, *args, **kwargs):
        manifest = real(folder, *args, **kwargs)
        if str(folder) == str(release):
            swap()
        return manifest

    monkeypatch.setattr(manifest_module, "verified_manifest", racing)


def test_a_table_swapped_after_verification_is_refused_not_compared(two_copies, tmp_path, monkeypatch, capsys):
    old, new = two_copies
    forged = tmp_path / "forged.parquet"
    _flipped(new / STANCES, forged)
    _after_verifying(monkeypatch, new, lambda: shutil.copyfile(forged, new / STANCES))
    code = main(["diff", str(old), str(new)])
    out, err = capsys.readouterr()
    assert "1 changed" not in out  # no unverified row reported
    assert code == 2, out
    assert err.count("\n") == 1 and "Traceback" not in err
    # a forgery of another length is refused by its size before it is hashed (or read whole)
    assert ("[sha256-mismatch]" in err or "[size-mismatch]" in err) and STANCES in err  # the problem's own id


def test_a_manifest_swapped_after_verification_does_not_describe_the_release(two_copies, monkeypatch, capsys):
    old, new = two_copies
    manifest = json.loads((new / "MANIFEST.json").read_text(encoding="utf-8"))
    column = next(c for c in manifest["tables"]["stances"]["columns"] if c["name"] == "label")
    column["labels"] = list(reversed(column["labels"]))
    forged = json.dumps(manifest, indent=2)
    _after_verifying(monkeypatch, new, lambda: (new / "MANIFEST.json").write_text(forged, encoding="utf-8"))
    code = main(["diff", str(old), str(new)])
    out = capsys.readouterr().out
    assert "labels of" not in out
    assert code == 0, out
