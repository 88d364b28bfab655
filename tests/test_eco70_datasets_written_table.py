"""A table written back by `datasets`' `Dataset.to_parquet` is refused by every read path alike, in one
line that says which writer made it and what to do (eco70): the line had named only a footer entry,
`content_defined_chunking`, which its user never wrote and could not act on."""

from __future__ import annotations

import shutil

import pytest

from conftest import DATASET
from landstrikes.cli import main


@pytest.fixture
def datasets_written(tmp_path, monkeypatch):
    from datasets import Dataset
    import pyarrow.parquet as pq

    from landstrikes.schema import TABLES_BY_NAME

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path / "hf"))
    folder = tmp_path / "copy"
    shutil.copytree(DATASET / "data", folder / "data")
    path = folder / "data" / "stances" / "stances.parquet"
    dataset = Dataset(pq.read_table(path)).cast(TABLES_BY_NAME["stances"].hf_features())
    dataset.to_parquet(str(path))
    return folder


@pytest.mark.parametrize("command", ["validate", "diff", "render"])
def test_a_datasets_written_table_is_refused_naming_its_writer(datasets_written, tmp_path, capsys, command):
    argv = {"validate": ["validate", str(datasets_written)],
            "diff": ["diff", str(DATASET), str(datasets_written)],
            "render": ["render", str(datasets_written), "--out", str(tmp_path / "site")]}[command]
    code = main(argv)
    out, err = capsys.readouterr()
    line = (out + err).strip().splitlines()[-1]
    assert code == 2 and "[unreadable-table]" in line
    assert "Dataset.to_parquet" in line and "Your own edited copy" in line
