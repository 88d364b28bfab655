"""`--engine`: the same chunk jobs on Ray give the local tables row for row, and a partitioned
corpus validated partition by partition reports what the one-folder validator reports."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import corpuswide
from landstrikes.cli import main
from landstrikes.engines.partitions import layout
from landstrikes.engines.tasks import TASK_BYTES
from landstrikes.engines.validate import validate_partitioned
from landstrikes.schema import validate
from landstrikes.schema.registry import TABLES
from landstrikes.schema.tableio import read_arrow, table_files

RAW = Path(__file__).resolve().parents[1] / "dataset" / "raw"


@pytest.fixture(scope="module")
def raw_corpus(tmp_path_factory) -> Path:
    """The five gold texts, three generated variants and one byte-identical duplicate."""
    raw = tmp_path_factory.mktemp("engine") / "raw"
    shutil.copytree(RAW, raw)
    texts = [p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt"))]
    (raw / "100_renamed.txt").write_text(texts[0].replace("Trump", "Sheinbaum"), encoding="utf-8")
    (raw / "101_reversed.txt").write_text("\n\n".join(reversed(texts[1].split("\n\n"))), encoding="utf-8")
    (raw / "102_joined.txt").write_text(texts[2] + "\n\n" + texts[3], encoding="utf-8")
    shutil.copy2(raw / sorted(p.name for p in RAW.glob("*.txt"))[4], raw / "103_duplicate.txt")
    return raw


@pytest.fixture(scope="module")
def local_out(raw_corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("engine") / "local"
    assert main(["extract", str(raw_corpus), "--out", str(out), "--num-proc", "4"]) == 0  # four chunks: four partitions
    return out


@pytest.fixture(scope="module")
def ray_out(ray_session, raw_corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("engine") / "ray"
    assert main(["extract", str(raw_corpus), "--out", str(out), "--num-proc", "4", "--engine", "ray"]) == 0
    return out


def test_ray_engine_writes_the_local_tables_row_for_row(local_out, ray_out):
    for spec in TABLES:
        local, ray = local_out / "data" / spec.name, ray_out / "data" / spec.name
        assert [p.name for p in table_files(ray)] == [p.name for p in table_files(local)], spec.name
        assert read_arrow(ray).equals(read_arrow(local)), spec.name
    assert (ray_out / "extract_duplicates.csv").read_text() == (local_out / "extract_duplicates.csv").read_text()
    assert "103_duplicate.txt" in (ray_out / "extract_duplicates.csv").read_text()


def test_ray_engine_output_is_partitioned_and_validates(ray_out, capsys):
    assert len(layout(ray_out / "data").partitions) == 4  # one chunk per worker (--num-proc 4) at this size
    assert main(["validate", str(ray_out)]) == 0
    assert main(["validate", str(ray_out), "--engine", "ray"]) == 0
    assert capsys.readouterr().out.rstrip().endswith("VALID")


def _edit(path: Path, change) -> None:
    """Rewrite one Parquet part with `change(rows)` applied, keeping its schema and metadata."""
    table = pq.read_table(path)
    rows = table.to_pylist()
    change(rows)
    pq.write_table(pa.Table.from_pylist(rows, schema=table.schema), path)


def _part(out: Path, table: str, with_rows: bool = True) -> list[Path]:
    return [p for p in table_files(out / "data" / table) if not with_rows or pq.ParquetFile(p).metadata.num_rows]


@pytest.fixture
def broken(local_out, tmp_path) -> Path:
    """Extract output broken across partitions: a duplicate id, dangling and valid cross-partition
    links, a span text that differs from its article in one partition."""
    out = tmp_path / "broken"
    shutil.copytree(local_out, out)
    mentions = _part(out, "mentions")
    first_id = pq.read_table(mentions[0], columns=["mention_id"])["mention_id"][0].as_py()
    _edit(mentions[1], lambda rows: rows[0].update(mention_id=first_id))
    claims = _part(out, "claims")
    elsewhere = pq.read_table(claims[-1], columns=["claim_id"])["claim_id"][0].as_py()
    _edit(claims[0], lambda rows: rows[0].update(contradicted_by=[elsewhere, "nowhere:c:1-2"]))
    _edit(_part(out, "quotes")[2], lambda rows: rows[0].update(text="X" + rows[0]["text"][1:]))
    return out


def _same_findings(out: Path, engine: str) -> list:
    """One folder, one partition per task, and partitions grouped into tasks: the same findings (the
    corpus-wide pass, which takes no task grouping, once for both: tests/corpuswide.py)."""
    one_folder = validate(out)
    with corpuswide.once():
        for task_floor in (1, TASK_BYTES):
            partitioned = validate_partitioned(out, engine, num_proc=2, pass_rows=40, task_floor=task_floor)  # many bucket passes
            assert sorted(partitioned.findings) == sorted(one_folder.findings)
            assert partitioned.exit_code == one_folder.exit_code == 1
    return partitioned.findings


def test_partitioned_validation_reports_what_one_folder_validation_reports(broken):
    findings = _same_findings(broken, "local")
    checks = {f.check for f in findings}
    assert {"duplicate-id", "dangling-foreign-key", "span-text-mismatch", "id-not-derived"} <= checks
    dangling = [f for f in findings if f.check == "dangling-foreign-key"]
    assert [f.value for f in dangling] == ["nowhere:c:1-2"]  # the cross-partition link resolves
    assert len([f for f in findings if f.check == "duplicate-id"]) == 2  # both rows, as Pandera says


def test_partitioned_validation_on_ray_reports_the_same_findings(ray_session, broken):
    _same_findings(broken, "ray")


def test_validate_engine_cli_exits_1_on_a_broken_partitioned_corpus(broken, capsys):
    assert main(["validate", str(broken), "--engine", "local"]) == 1
    assert "[duplicate-id] mentions" in capsys.readouterr().out


def test_missing_engine_is_a_one_line_refusal(raw_corpus, tmp_path, monkeypatch, capsys):
    import sys

    monkeypatch.setitem(sys.modules, "ray", None)  # as if the extra were not installed
    assert main(["extract", str(raw_corpus), "--out", str(tmp_path / "out"), "--engine", "ray"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install 'landstrikes[engine]'" in err
    assert not (tmp_path / "out" / "data").exists()


@pytest.fixture
def gold_partitioned(built_dataset, tmp_path) -> Path:
    """The built gold corpus as one partition per article (entities, clusters, targets shared)."""
    from landstrikes.engines.partitions import repartition

    parts = repartition(built_dataset / "data", tmp_path / "gold" / "data")
    assert len(parts.partitions) == 5 and {"entities", "claim_clusters", "stance_targets"} <= set(parts.shared)
    return tmp_path / "gold"


def test_gold_corpus_split_per_article_is_valid_partition_by_partition(gold_partitioned):
    report = validate_partitioned(gold_partitioned, "local", num_proc=2)
    assert report.ok, report.to_text()
    assert {n: t.rows for n, t in report.tables.items()} == {n: t.rows for n, t in validate(gold_partitioned).tables.items()}


def test_broken_gold_partitions_give_the_one_folder_findings(gold_partitioned):
    data = gold_partitioned / "data"
    quotes = _part(gold_partitioned, "quotes")
    first_id = pq.read_table(quotes[0], columns=["quote_id"])["quote_id"][0].as_py()
    _edit(quotes[3], lambda rows: rows[-1].update(quote_id=first_id))
    _edit(_part(gold_partitioned, "mentions")[1], lambda rows: rows[0].update(entity_id="no-such-entity"))
    _edit(_part(gold_partitioned, "segments")[4], lambda rows: rows[0].update(end=rows[0]["end"] + 1))
    findings = _same_findings(gold_partitioned, "local")
    assert {"duplicate-id", "dangling-foreign-key", "segments-not-partition"} <= {f.check for f in findings}
    assert data.is_dir()


def test_unreadable_partition_file_is_unusable_input_named_by_its_real_path(gold_partitioned):
    bad = _part(gold_partitioned, "quotes")[2]
    bad.write_bytes(b"not parquet")
    report = validate_partitioned(gold_partitioned, "local")
    assert report.exit_code == 2 and str(bad) in report.unusable


def test_unpartitioned_folder_on_an_engine_gives_the_one_folder_findings(dataset_copy):
    """Every table shared (one file each, as `build` writes): one task, then the key passes."""
    quotes = _part(dataset_copy, "quotes")[0]
    _edit(quotes, lambda rows: rows[-1].update(quote_id=rows[0]["quote_id"], speaker_id="nobody"))
    findings = _same_findings(dataset_copy, "local")
    assert {"duplicate-id", "dangling-foreign-key"} <= {f.check for f in findings}
