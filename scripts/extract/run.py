"""`landstrikes extract`: a folder of raw texts -> silver tables, in parallel, in bounded memory.

The parallel engine is Hugging Face `datasets`: the texts become a disk-backed Arrow dataset
(`Dataset.from_generator`), and `Dataset.map(batched=True, num_proc=N)` runs the pure
`extract_article` on every article; each batch of `shard_size` articles is written by its
worker as one Parquet file per table. Only one batch per worker and the entity catalogue are
ever in memory.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from landstrikes import DATASET_VERSION
from landstrikes.errors import BuildError
from landstrikes.extract.article import ARTICLE_TABLES, AUTO, extract_article
from landstrikes.extract.catalogue import catalogue_rows, write_evidence
from landstrikes.outdir import output_folder
from landstrikes.schema.registry import SCHEMA_VERSION, TABLES, TABLES_BY_NAME
from landstrikes.schema.tableio import write_table

SHARD_SIZE = 200
"""Articles per `map` batch; each batch becomes one Parquet file per table, written by its worker."""


@dataclass
class ExtractResult:
    articles: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    """Files that could not be read as UTF-8 text, with why."""


def extract_shard(batch: dict[str, list], indices: list[int], data_dir: str, evidence_dir: str) -> dict[str, list]:
    """`datasets.map` function: extract a batch, write its Parquet shard and its entity evidence.

    The shard is named after the batch's first row index: the rows are the same whatever the
    number of processes (only file boundaries follow the batches); only row counts go back.
    """
    tables: dict[str, list[dict]] = defaultdict(list)
    evidence: list[dict] = []
    for article_id, source_file, text in zip(batch["article_id"], batch["source_file"], batch["text"]):
        rows = extract_article(article_id, text or "", source_file)
        for name in ARTICLE_TABLES:
            tables[name].extend(rows[name])
        evidence.extend(rows["entity_rows"])
    if not indices:
        return {"counts": []}
    for name in ARTICLE_TABLES:
        spec = TABLES_BY_NAME[name]
        rows = sorted(tables[name], key=lambda r: r[spec.id_column])
        _write(rows, name, Path(data_dir) / name / f"{name}-{indices[0]:09d}.parquet")
    write_evidence(evidence, Path(evidence_dir) / f"evidence-{indices[0]:09d}.parquet")
    return {"counts": [json.dumps({name: len(tables[name]) for name in ARTICLE_TABLES})]}


def read_articles(paths: list[str]):
    """Generator for `Dataset.from_generator`: one record per file; undecodable files carry an error."""
    for path in paths:
        data = Path(path).read_bytes()
        try:
            text, error = data.decode("utf-8"), ""
        except UnicodeDecodeError as exc:
            text, error = "", f"not valid UTF-8 (byte {exc.start}: {exc.reason})"
        if not error and not text:
            error = "empty file"
        yield {"article_id": Path(path).stem, "source_file": Path(path).name, "text": text, "error": error}


def extract_folder(raw_dir: Path, out_dir: Path, num_proc: int = 1, shard_size: int = SHARD_SIZE) -> ExtractResult:
    """Extract every *.txt of raw_dir into out_dir/data/<table>/<table>-NNNNNNNNN.parquet."""
    import datasets

    raw_dir, out_dir = Path(raw_dir), Path(out_dir)
    paths = sorted(str(p) for p in raw_dir.glob("*.txt"))
    if not paths:
        raise BuildError(raw_dir, "no raw article (*.txt) found")
    if not sys.stderr.isatty():
        datasets.disable_progress_bars()
    features = datasets.Features({k: datasets.Value("string") for k in ("article_id", "source_file", "text", "error")})
    result = ExtractResult()
    with output_folder(out_dir, "extract") as out_stage, tempfile.TemporaryDirectory(prefix=".extract-", dir=out_stage) as tmp:
        cache, staging = Path(tmp) / "cache", Path(tmp) / "data"
        texts = datasets.Dataset.from_generator(read_articles, gen_kwargs={"paths": paths}, features=features, cache_dir=str(cache))
        errors = texts.select_columns(["source_file", "error"]).filter(lambda e: [bool(x) for x in e], input_columns="error", batched=True)
        result.skipped = [f"{s}: {e}" for s, e in zip(errors["source_file"], errors["error"])]
        if errors.num_rows:
            texts = texts.filter(lambda e: [not x for x in e], input_columns="error", batched=True)
        shards = texts.map(
            extract_shard,
            batched=True,
            batch_size=shard_size,
            with_indices=True,
            num_proc=num_proc if num_proc > 1 else None,
            remove_columns=texts.column_names,
            fn_kwargs={"data_dir": str(staging), "evidence_dir": str(Path(tmp) / "evidence")},
            load_from_cache_file=False,
            desc="extracting",
        )
        result.articles = texts.num_rows
        write_catalogue(shards, Path(tmp) / "evidence", staging, result)
        staging.rename(out_stage / "data")
    return result


def write_catalogue(shards, evidence_dir: Path, data_dir: Path, result: ExtractResult) -> None:
    """The merged entity catalogue; an empty file for each table nothing was extracted for."""
    counts: Counter = Counter()
    for batch in shards.iter(batch_size=1000):
        for shard_counts in batch["counts"]:
            counts.update(json.loads(shard_counts))
    for i, rows in enumerate(catalogue_rows(evidence_dir, AUTO)):
        _write(rows, "entities", data_dir / "entities" / f"entities-{i:05d}.parquet")
        counts["entities"] += len(rows)
    for spec in TABLES:  # an empty file for each table nothing was extracted for (entities included)
        if not (data_dir / spec.name).exists():
            _write([], spec.name, data_dir / spec.name / f"{spec.name}.parquet")
    result.rows = {spec.name: counts[spec.name] for spec in TABLES}


def _write(rows: list[dict], name: str, path: Path) -> None:
    metadata = {"dataset_version": DATASET_VERSION, "schema_version": SCHEMA_VERSION, "table": name, "source": AUTO}
    write_table(rows, TABLES_BY_NAME[name], path, metadata)
