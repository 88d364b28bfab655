"""`landstrikes build`: deterministic, atomic, one-line errors, stable ids (issue 3)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from conftest import DATASET, copy_sources
from landstrikes.build import build
from landstrikes.errors import BuildError
from landstrikes.schema.tableio import read_arrow, read_table


def digests(folder: Path) -> dict[str, str]:
    files = sorted((folder / "data").rglob("*.parquet")) + [folder / "README.md"]
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def test_building_twice_gives_identical_bytes(built_dataset, tmp_path):
    again = copy_sources(tmp_path / "dataset")
    assert build(again).report.ok
    assert digests(again) == digests(built_dataset)


def test_committed_tables_are_what_the_sources_build(built_dataset):
    for table_dir in sorted((built_dataset / "data").iterdir()):
        committed = DATASET / "data" / table_dir.name
        assert read_arrow(committed).equals(read_arrow(table_dir)), f"{table_dir.name} is stale: run landstrikes build"


def test_raw_text_is_a_byte_copy_of_the_seeds():
    seeds = DATASET.parents[1] / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"no seed folder at {seeds}: to enable, place the checkout so that ../shared/seeds/ (the five original article files) sits beside it")
    for seed in sorted(seeds.glob("*.txt")):
        assert (DATASET / "raw" / seed.name).read_bytes() == seed.read_bytes()


@pytest.fixture
def sources_with_tables(built_dataset, tmp_path) -> Path:
    folder = tmp_path / "dataset"
    shutil.copytree(built_dataset, folder)
    return folder


def assert_refused_and_untouched(folder: Path, match: str) -> BuildError:
    before = digests(folder)
    with pytest.raises(BuildError, match=match) as err:
        build(folder)
    assert "\n" not in str(err.value)
    assert digests(folder) == before
    return err.value


def test_non_utf8_raw_file_is_refused_and_tables_are_untouched(sources_with_tables):
    (sources_with_tables / "raw" / "000_68b95635092649cd.txt").write_bytes(b"caf\xe9 \xff broken")
    error = assert_refused_and_untouched(sources_with_tables, "not valid UTF-8")
    assert "000_68b95635092649cd.txt" in str(error)


def test_empty_raw_file_is_refused(sources_with_tables):
    (sources_with_tables / "raw" / "zzz_empty.txt").write_bytes(b"  \n")
    assert_refused_and_untouched(sources_with_tables, "zzz_empty.txt: raw article is empty")


def test_duplicate_raw_content_is_refused(sources_with_tables):
    raw = sources_with_tables / "raw"
    (raw / "zzz_copy.txt").write_bytes((raw / "001_f1f49e9dc8ada067.txt").read_bytes())
    assert_refused_and_untouched(sources_with_tables, "duplicates the content of 001_f1f49e9dc8ada067.txt")


def test_span_not_found_names_file_and_line(sources_with_tables):
    source = sources_with_tables / "annotations" / "articles" / "000_68b95635092649cd.yaml"
    text = source.read_text(encoding="utf-8").replace('text: "So we have to do something."', 'text: "So we have to do nothing."')
    source.write_text(text, encoding="utf-8")
    error = assert_refused_and_untouched(sources_with_tables, "not found in the article")
    assert error.file.endswith("000_68b95635092649cd.yaml") and error.line is not None


def test_ambiguous_span_asks_for_an_occurrence(sources_with_tables):
    source = sources_with_tables / "annotations" / "articles" / "000_68b95635092649cd.yaml"
    text = source.read_text(encoding="utf-8").replace('{text: "Trump", n: 1, entity: donald-trump}', '{text: "Trump", entity: donald-trump}')
    source.write_text(text, encoding="utf-8")
    assert_refused_and_untouched(sources_with_tables, "ambiguous: it occurs")


def test_a_build_that_does_not_validate_leaves_previous_tables(sources_with_tables):
    source = sources_with_tables / "annotations" / "articles" / "001_f1f49e9dc8ada067.yaml"
    text = source.read_text(encoding="utf-8")
    start = text.index("  - text: \"My own mortality.")
    end = text.index("  - text: \"it never brings")
    source.write_text(text[:start] + text[end:], encoding="utf-8")  # drop one quote: coverage fails
    before = digests(sources_with_tables)
    result = build(sources_with_tables)
    assert not result.report.ok
    assert any(f.check == "quote-mark-coverage" for f in result.report.findings)
    assert digests(sources_with_tables) == before


def test_removing_one_annotation_renumbers_no_other_row(sources_with_tables):
    quotes_before = read_table(sources_with_tables / "data" / "quotes").set_index("quote_id")
    source = sources_with_tables / "annotations" / "articles" / "000_68b95635092649cd.yaml"
    text = source.read_text(encoding="utf-8")
    start = text.index("  - text: \"decisive force is needed")
    end = text.index("  - text: \"the rhetoric risks")
    source.write_text(text[:start] + text[end:], encoding="utf-8")  # an indirect quote: no mark check
    assert build(sources_with_tables).report.ok
    quotes_after = read_table(sources_with_tables / "data" / "quotes").set_index("quote_id")
    assert len(quotes_after) == len(quotes_before) - 1
    shared = quotes_after.index
    assert quotes_before.loc[shared, ["start", "end", "text"]].equals(quotes_after[["start", "end", "text"]])


def test_claim_with_a_cluster_missing_from_the_catalogue_is_refused(sources_with_tables):
    source = sources_with_tables / "annotations" / "articles" / "000_68b95635092649cd.yaml"
    text = source.read_text(encoding="utf-8").replace("cluster: c-fox-news-interview}", "cluster: c-fox-interview}", 1)
    source.write_text(text, encoding="utf-8")
    error = assert_refused_and_untouched(sources_with_tables, "'c-fox-interview' is not defined in claim_clusters.yaml")
    assert error.file.endswith("000_68b95635092649cd.yaml") and error.line is not None


def test_catalogued_cluster_that_no_claim_uses_is_refused(sources_with_tables):
    catalogue = sources_with_tables / "annotations" / "claim_clusters.yaml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8") + "- id: c-unused\n  proposition: Nobody says this.\n", encoding="utf-8")
    assert_refused_and_untouched(sources_with_tables, "'c-unused' is used by no claim")
