"""`landstrikes.load(table, version=...)`: a pinned release, verified before it is returned (issue 7)."""

from __future__ import annotations

import socket

import pandas as pd
import pytest
from datasets import ClassLabel, Dataset, load_dataset

import landstrikes
from landstrikes.errors import ReleaseIntegrityError, ReleaseNotFound
from landstrikes.schema.registry import TABLES, TABLES_BY_NAME
from landstrikes.schema.tableio import read_table


@pytest.fixture(autouse=True)
def offline(monkeypatch, tmp_path):
    """No network, and a private datasets cache: loading a pinned release needs neither."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path / "hf-cache"))

    def refuse(*args, **kwargs):
        raise AssertionError("loading a release tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)


@pytest.mark.parametrize("spec", TABLES, ids=lambda s: s.name)
def test_load_returns_a_dataset_with_the_release_features_and_rows(released, spec):
    ds = landstrikes.load(spec.name, version="1.0.1", root=released)
    assert isinstance(ds, Dataset)
    assert ds.features == spec.hf_features()
    assert ds.num_rows == len(read_table(released / "releases" / "1.0.1" / "data" / spec.name))
    for column, labels in spec.label_columns.items():
        assert isinstance(ds.features[column], ClassLabel) and ds.features[column].names == list(labels)


def test_load_gives_the_same_rows_as_load_dataset_on_the_release_card(released, tmp_path):
    folder = released / "releases" / "1.0.1"
    ours = landstrikes.load("claims", version="1.0.1", root=released)
    theirs = load_dataset(str(folder), "claims", split="train", cache_dir=str(tmp_path / "cache"))
    assert ours.features == theirs.features
    assert ours.to_list() == theirs.to_list()
    assert any(row["quantity_bound"] is None for row in ours)  # a null label stays null


def test_each_version_loads_its_own_rows(released):
    old = landstrikes.load("claims", version="1.0.0", root=released)["claim_id"]
    new = landstrikes.load("claims", version="1.0.1", root=released)["claim_id"]
    assert set(old) ^ set(new) == {"001_f1f49e9dc8ada067:c:2756-2820", "001_f1f49e9dc8ada067:c:2756-2810"}


def test_as_pandas_returns_the_same_frame_as_the_validator_reads(released):
    df = landstrikes.load("quotes", version="1.0.0", root=released, as_pandas=True)
    assert isinstance(df, pd.DataFrame)
    pd.testing.assert_frame_equal(df, read_table(released / "releases" / "1.0.0" / "data" / "quotes"))


def test_root_may_be_the_releases_folder_and_version_may_be_a_path(released):
    by_root = landstrikes.load("articles", version="1.0.0", root=released / "releases")
    by_path = landstrikes.load("articles", version=released / "releases" / "1.0.0")
    assert by_root.to_list() == by_path.to_list()


def test_a_tampered_file_makes_load_fail_and_names_it(released_copy):
    path = released_copy / "releases" / "1.0.0" / "data" / "quotes" / "quotes.parquet"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(ReleaseIntegrityError, match=r"data/quotes/quotes.parquet: sha256-mismatch") as err:
        landstrikes.load("articles", version="1.0.0", root=released_copy)  # any table: the release is suspect
    assert [p.check for p in err.value.problems] == ["sha256-mismatch"]
    assert landstrikes.load("quotes", version="1.0.1", root=released_copy).num_rows  # 1.0.1 is intact


def test_a_tampered_card_also_makes_load_fail(released_copy):
    card = released_copy / "releases" / "1.0.1" / "README.md"
    card.write_text(card.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    with pytest.raises(ReleaseIntegrityError, match="README.md: size-mismatch"):
        landstrikes.load("quotes", version="1.0.1", root=released_copy, as_pandas=True)


def test_a_missing_manifest_makes_load_fail(released_copy):
    (released_copy / "releases" / "1.0.0" / "MANIFEST.json").unlink()
    with pytest.raises(ReleaseIntegrityError, match="missing-manifest"):
        landstrikes.load("quotes", version="1.0.0", root=released_copy)


def test_an_unknown_version_or_table_is_a_clear_error(released):
    with pytest.raises(ReleaseNotFound, match=r"no release 2.0.0 .*releases there: 1.0.0, 1.0.1"):
        landstrikes.load("quotes", version="2.0.0", root=released)
    with pytest.raises(KeyError, match="has no table 'tweets'"):
        landstrikes.load("tweets", version="1.0.0", root=released)
    assert "quotes" in TABLES_BY_NAME


def test_readme_equivalent_for_a_plain_path_gives_the_same_rows(released, tmp_path):
    ours = landstrikes.load("quotes", version="1.0.1", root=released)
    plain = load_dataset(
        "parquet",
        data_files=str(released / "releases" / "1.0.1" / "data" / "quotes" / "*.parquet"),
        split="train",
        features=ours.features,
        cache_dir=str(tmp_path / "cache"),
    )
    assert plain.to_list() == ours.to_list()
