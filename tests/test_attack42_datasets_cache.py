"""What README and DATASHEET say `datasets` does with a local folder is what it does (attack42).

`load_dataset(FOLDER, CONFIG)` caches rows under the folder's last name and the config only: a
copy named 2.28.0 with one stance label flipped, loaded once, is what `load_dataset` returns for
the committed, verified release 2.28.0 afterwards. README's recipes had said only that `datasets`
verifies no checksum. Nothing here can reach that cache, so the documents say it; this test keeps
them true if a later `datasets` keys its cache otherwise (then rewrite the paragraph)."""

from __future__ import annotations

import shutil

import pyarrow as pa
import pyarrow.parquet as pq

from conftest import DATASET, REPO
from landstrikes.releases.loading import load

RELEASE = DATASET / "releases" / "2.28.0"


def _label0(folder, cache, **kwargs) -> str:
    from datasets import load_dataset

    rows = load_dataset(str(folder), "stances", split="train", cache_dir=str(cache), **kwargs)
    return rows.features["label"].int2str(rows[0]["label"])


def test_readme_and_datasheet_say_datasets_caches_a_local_folder_by_its_name():
    readme = " ".join(REPO.joinpath("README.md").read_text(encoding="utf-8").split())
    assert "`datasets` caches a local folder by its name, not its content" in readme
    assert 'download_mode="force_redownload"' in readme
    datasheet = " ".join(REPO.joinpath("DATASHEET.md").read_text(encoding="utf-8").split())
    assert "What `datasets` reads is not always the files." in datasheet


def test_a_copy_of_the_same_name_loaded_first_is_what_load_dataset_returns_for_the_release(tmp_path):
    cache = tmp_path / "hf-cache"
    copy = tmp_path / "elsewhere" / "2.28.0"
    shutil.copytree(RELEASE, copy)
    path = copy / "data" / "stances" / "stances.parquet"
    table = pq.read_table(path)
    i = table.schema.get_field_index("label")
    labels = table.column(i).to_pylist()
    genuine = labels[0]
    labels[0] = "against" if genuine != "against" else "favor"
    pq.write_table(table.set_column(i, table.schema.field(i), pa.array(labels, table.schema.field(i).type)), path)
    before = sorted(p.relative_to(RELEASE) for p in RELEASE.rglob("*"))

    assert _label0(copy, cache) == labels[0]
    assert _label0(RELEASE, cache) == labels[0]  # the committed release, answered from the copy's cache
    assert _label0(RELEASE, cache, download_mode="force_redownload") == genuine
    assert load("stances", RELEASE)["label"][0] == load("stances", RELEASE).features["label"].str2int(genuine)
    assert sorted(p.relative_to(RELEASE) for p in RELEASE.rglob("*")) == before  # nothing written into it
