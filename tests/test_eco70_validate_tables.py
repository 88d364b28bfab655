"""Tables held in memory are validated with exactly the findings of the same tables in a folder (eco70).

eco64 left it: a team holding tables as pyarrow Tables or pandas DataFrames (after a filter, after
a `datasets` map) had to write a folder to get the cross-table checks.
`landstrikes.validate_tables(mapping, name=...)` gives validate's Report of a folder holding
those tables, named `name`; these tests hold it to `validate(folder)` finding for finding, message
for message, on the gold and on copies broken in the ways pipelines break them."""

from __future__ import annotations

import shutil

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from conftest import DATASET
from landstrikes import validate_tables
from landstrikes.schema import TABLES, validate

GOLD = DATASET / "data"


def _folder_tables(folder) -> dict[str, pa.Table]:
    return {entry.name: pq.read_table(entry) for entry in sorted((folder / "data").iterdir()) if entry.is_dir()}


def _same_report(folder) -> None:
    from_folder = validate(str(folder))
    from_memory = validate_tables(_folder_tables(folder), name=str(folder))
    assert from_memory.exit_code == from_folder.exit_code
    assert from_memory.findings == from_folder.findings
    assert [f.message for f in from_memory.findings] == [f.message for f in from_folder.findings]
    assert from_memory.checked == from_folder.checked
    assert from_memory.unusable == from_folder.unusable


def _rewrite(folder, table, change) -> None:
    path = folder / "data" / table / f"{table}.parquet"
    pq.write_table(change(pq.read_table(path)), path)


def _drop_first_row(table: pa.Table) -> pa.Table:
    return table.slice(1)


def _upper_first_quote(table: pa.Table) -> pa.Table:
    text = table.column("text").to_pylist()
    text[0] = text[0].upper()
    return table.set_column(table.column_names.index("text"), table.schema.field("text"), pa.array(text, pa.string()))


def _start_as_int32(table: pa.Table) -> pa.Table:
    return table.set_column(table.column_names.index("start"), "start", pc.cast(table.column("start"), pa.int32()))


def _as_pandas_writes_it(table: pa.Table) -> pa.Table:
    return pa.Table.from_pandas(table.to_pandas(), preserve_index=True)


BREAKS = {
    "a mention dropped": ("mentions", _drop_first_row),
    "an article dropped": ("articles", _drop_first_row),
    "a quote's text upper-cased": ("quotes", _upper_first_quote),
    "claim offsets as int32": ("claims", _start_as_int32),
    "quotes as pandas writes them": ("quotes", _as_pandas_writes_it),
}


@pytest.fixture
def gold_copy(tmp_path):
    folder = tmp_path / "mycopy"
    shutil.copytree(GOLD, folder / "data")
    return folder


def test_the_gold_tables_in_memory_are_valid_as_in_their_folder(gold_copy):
    _same_report(gold_copy)
    assert validate_tables(_folder_tables(gold_copy)).ok


@pytest.mark.parametrize("case", sorted(BREAKS))
def test_a_broken_table_in_memory_has_the_findings_of_its_folder(gold_copy, case):
    table, change = BREAKS[case]
    _rewrite(gold_copy, table, change)
    _same_report(gold_copy)
    assert not validate(str(gold_copy)).ok


def test_a_table_left_out_or_of_no_name_is_judged_as_in_a_folder(gold_copy):
    shutil.rmtree(gold_copy / "data" / "stances")
    shutil.copytree(gold_copy / "data" / "quotes", gold_copy / "data" / "quotations")
    (gold_copy / "data" / "quotations" / "quotes.parquet").rename(gold_copy / "data" / "quotations" / "quotations.parquet")
    _same_report(gold_copy)
    checks = {f.check for f in validate_tables(_folder_tables(gold_copy)).findings}
    assert {"missing-table", "unexpected-table"} <= checks


def test_frames_as_landstrikes_load_hands_them_are_valid_and_judged_by_their_rows(gold_copy):
    frames = {spec.name: pd.read_parquet(GOLD / spec.name, dtype_backend="numpy_nullable") for spec in TABLES}
    assert validate_tables(frames).ok
    quotes = frames["quotes"]
    frames["quotes"] = quotes[quotes.kind != "direct"]  # a filter: rows other tables and the text need go
    filtered = validate_tables(frames)
    assert filtered.exit_code == 1
    # the same rows written by README's recipe into a folder give the same findings
    path = gold_copy / "data" / "quotes" / "quotes.parquet"
    schema = pq.read_schema(path)
    pq.write_table(pa.Table.from_pandas(frames["quotes"], schema=schema, preserve_index=False)
                   .replace_schema_metadata(schema.metadata), path)
    assert [(f.table, f.check, f.row_id) for f in filtered.findings] == \
        [(f.table, f.check, f.row_id) for f in validate(str(gold_copy)).findings]


def test_a_frame_that_does_not_convert_is_named_not_raised():
    frames = {spec.name: pd.read_parquet(GOLD / spec.name, dtype_backend="numpy_nullable") for spec in TABLES}
    frames["quotes"] = frames["quotes"].drop(columns=["cue_lemma"])
    report = validate_tables(frames)
    assert ("quotes", "missing-column") in {(f.table, f.check) for f in report.findings}


def test_a_datasets_table_is_judged_on_its_label_names(tmp_path):
    from datasets import Dataset

    frames = {spec.name: pd.read_parquet(GOLD / spec.name, dtype_backend="numpy_nullable") for spec in TABLES}
    datasets = {spec.name: Dataset(pq.read_table(GOLD / spec.name)).cast(spec.hf_features()) for spec in TABLES}
    assert datasets["quotes"].features["kind"].names[0] == "direct"  # ClassLabel integers inside
    assert validate_tables(datasets).ok
    datasets["quotes"] = datasets["quotes"].filter(lambda row: row["kind"] != 0)
    frames["quotes"] = frames["quotes"][frames["quotes"].kind != "direct"]
    assert validate_tables(datasets).findings == validate_tables(frames).findings != []


def test_a_table_name_that_is_a_path_is_refused():
    with pytest.raises(ValueError, match="not a path"):
        validate_tables({"../quotes": pq.read_table(GOLD / "quotes")})


def test_a_frame_with_one_cell_of_another_type_is_named_by_that_column_alone():
    frames = {spec.name: pd.read_parquet(GOLD / spec.name) for spec in TABLES}  # plain: offsets float64, strings pandas'
    assert validate_tables(frames).ok  # whole numbers and NaN convert, as README's recipe converts them
    frames["quotes"].loc[0, "speaker_start"] = 1.5
    findings = validate_tables(frames).findings
    assert {(f.table, f.check, f.column) for f in findings} == {("quotes", "wrong-dtype", "speaker_start")}


def test_tables_streamed_by_datasets_are_judged_as_the_loaded_ones(tmp_path, monkeypatch):
    from datasets import load_dataset

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    cache = str(tmp_path / "hf")
    streamed = {spec.name: load_dataset(str(DATASET), spec.name, split="train", streaming=True, cache_dir=cache)
                for spec in TABLES}
    assert validate_tables(streamed).ok
    streamed["quotes"] = streamed["quotes"].filter(lambda row: row["kind"] != 0)
    frames = {spec.name: pd.read_parquet(GOLD / spec.name, dtype_backend="numpy_nullable") for spec in TABLES}
    frames["quotes"] = frames["quotes"][frames["quotes"].kind != "direct"]
    assert validate_tables(streamed).findings == validate_tables(frames).findings != []


def test_no_temporary_folder_is_left_and_a_killed_calls_folder_is_removed_by_the_next(tmp_path, monkeypatch):
    from landstrikes.safety.ownedtemp import OWNER

    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)
    dead = tmp_path / "landstrikes-tables-deadbeef"  # what a kill -9 leaves: the owner file, no lock held
    (dead / "data" / "quotes").mkdir(parents=True)
    (dead / OWNER).write_bytes(b"")
    validate_tables({"stance_targets": pq.read_table(GOLD / "stance_targets")})
    assert sorted(tmp_path.iterdir()) == []
