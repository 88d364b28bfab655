"""The fourth pass is compared with release 2.5.0 as released, and a bad offset is one line (attack20).

`agreement` read the partner release's tables without checking them against its MANIFEST.json: a
2.5.0 whose mentions had every kind rewritten to NAME gave the fourth pass a kind kappa of 0.0
instead of 0.68, exit 0, into agreement.json and the datasheet, while `verify 2.5.0` said
sha256-mismatch. Releases are verified on load; this reader is no exception now. And an offset of
5,000 digits passed `isdigit()` and stopped `int()`: exit 2, but a line naming no file, row or column.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from landstrikes.documents.fourthpass import FOURTH, PARTNER, fourth_pass_agreement
from landstrikes.errors import BuildError
from test_fourth_pass import DATASET, gold_as_a_pass


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    shutil.copytree(DATASET / PARTNER.parent, tmp_path / PARTNER.parent)
    gold_as_a_pass(tmp_path / FOURTH)
    return tmp_path


def test_the_untouched_partner_release_is_read(dataset):
    assert fourth_pass_agreement(dataset)["mentions"]["kind_kappa"] == 1.0


def test_a_partner_release_whose_table_was_rewritten_is_refused_not_compared(dataset):
    path = dataset / PARTNER / "mentions" / "mentions.parquet"
    table = pq.read_table(path)
    kind = table.schema.get_field_index("kind")
    pq.write_table(table.set_column(kind, "kind", pa.array(["NAME"] * table.num_rows, table.schema.field(kind).type)), path)
    with pytest.raises(BuildError) as caught:
        fourth_pass_agreement(dataset)
    message = str(caught.value)
    assert "releases/2.5.0" in message and "mentions.parquet" in message and "sha256-mismatch" in message, message
    assert "\n" not in message


def test_an_offset_of_thousands_of_digits_is_one_line_naming_file_line_and_column(dataset):
    path = dataset / FOURTH / "segments.tsv"
    lines = path.read_text(encoding="utf-8").split("\n")
    fields = lines[1].split("\t")
    fields[2] = "9" * 5000
    lines[1] = "\t".join(fields)
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(BuildError) as caught:
        fourth_pass_agreement(dataset)
    message = str(caught.value)
    assert "segments.tsv:2:" in message and "column end" in message and "is no offset" in message, message


def test_a_partner_release_rewritten_with_its_manifest_is_refused_by_the_pin(dataset):
    """A forger re-hashing MANIFEST.json passes the manifest's own checks; the published pin does not."""
    import hashlib
    import json

    path = dataset / PARTNER / "mentions" / "mentions.parquet"
    table = pq.read_table(path)
    kind = table.schema.get_field_index("kind")
    pq.write_table(table.set_column(kind, "kind", pa.array(["NAME"] * table.num_rows, table.schema.field(kind).type)), path)
    manifest_path = dataset / PARTNER.parent / "MANIFEST.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["files"]["data/mentions/mentions.parquet"].update(sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
                                                                bytes=path.stat().st_size)
    manifest_path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    with pytest.raises(BuildError, match="releases/2.5.0"):
        fourth_pass_agreement(dataset)


def test_other_releases_beside_the_partner_do_not_refuse_it(dataset):
    """A copy may hold releases that are not 2.5.0's predecessors (the test fixtures' 1.0.0, 1.0.1)."""
    shutil.copytree(DATASET / "releases" / "1.0.0", dataset / "releases" / "2.4.9")
    assert fourth_pass_agreement(dataset)["mentions"]["kind_kappa"] == 1.0
