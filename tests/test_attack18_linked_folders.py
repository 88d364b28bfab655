"""A symbolic link to a folder inside a table folder is a finding (attack18). validate did not
follow it (a link may loop), but Arrow's dataset reader, and so `pandas.read_parquet(folder)`,
does: a link to a folder of three more segments gave pandas 58 of 55 segments, a link `self -> .`
gave it 2,255, both from a VALID folder. A real subfolder holding a link was missed the same way."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from landstrikes.schema import validate


def _extra_segments(tmp_path, dataset):
    """A folder outside the dataset holding three of its segment rows as Parquet."""
    extra = tmp_path / "extra"
    extra.mkdir()
    whole = pq.read_table(dataset / "data" / "segments" / "segments.parquet")
    pq.write_table(whole.slice(0, 3), extra / "part.parquet")
    return extra


LINKS = {
    "a link to a folder of Parquet": lambda segments, extra: (segments / "more").symlink_to(extra),
    "a link back to the table": lambda segments, extra: (segments / "self").symlink_to("."),
    "a link inside a subfolder": lambda segments, extra: (
        (segments / "sub").mkdir(), (segments / "sub" / "link").symlink_to(extra)),
    "a link named like a part": lambda segments, extra: (segments / "more.parquet").symlink_to(extra),
}


@pytest.mark.parametrize("link", LINKS)
def test_a_link_to_a_folder_in_a_table_folder_is_an_unexpected_file(link, dataset_copy, tmp_path):
    segments = dataset_copy / "data" / "segments"
    LINKS[link](segments, _extra_segments(tmp_path, dataset_copy))
    assert pq.read_table(segments).num_rows > 55  # what pandas.read_parquet reads
    findings = [f for f in validate(dataset_copy).findings if f.check == "unexpected-file"]
    assert [f.table for f in findings] == ["segments"], findings
    assert "symbolic link" in findings[0].message


def test_a_subfolder_without_parquet_or_links_is_still_ignored(dataset_copy):
    (dataset_copy / "data" / "segments" / "notes").mkdir()
    (dataset_copy / "data" / "segments" / "notes" / "README.txt").write_text("mine\n")
    assert validate(dataset_copy).ok
