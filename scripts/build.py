"""`landstrikes build`: raw text + annotation sources -> validated Parquet tables, atomically."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from landstrikes import DATASET_VERSION
from landstrikes.card import render_card
from landstrikes.corpus import load_corpus
from landstrikes.progress import step
from landstrikes.schema.registry import SCHEMA_VERSION, TABLES
from landstrikes.schema.report import Report
from landstrikes.schema.tableio import read_arrow, write_table
from landstrikes.schema.validate import validate
from landstrikes.stats import compute_stats, load_agreement, load_tables
from landstrikes.tables import BUILDERS

CARD_BODY_FILE = "card_body.md"
AGREEMENT_FILE = "agreement.json"
GOLD = {"source": "gold", "confidence": None}
"""Provenance of every built row: human annotation, so no extractor confidence."""


@dataclass
class BuildResult:
    report: Report
    rows: dict[str, int]
    articles: int


def build_tables(dataset_dir: Path) -> dict[str, list[dict]]:
    """The pure part: every table's rows, from the sources (raises BuildError on bad input)."""
    corpus = load_corpus(dataset_dir)
    out = {}
    for spec in step(TABLES, "building tables"):
        out[spec.name] = [{**row, **GOLD} for row in BUILDERS[spec.name](corpus)]
    return out


def write_dataset(rows: dict[str, list[dict]], out_dir: Path, dataset_version: str = DATASET_VERSION) -> list[tuple]:
    """Write every table under out_dir/data/<table>/<table>.parquet; returns card entries.

    A release passes its own version, so its files carry it in their key-value metadata.
    """
    entries = []
    metadata = {"dataset_version": dataset_version, "schema_version": SCHEMA_VERSION}
    for spec in TABLES:
        path = out_dir / "data" / spec.name / f"{spec.name}.parquet"
        write_table(rows[spec.name], spec, path, {**metadata, "table": spec.name})
        entries.append((spec, len(rows[spec.name]), read_arrow(path.parent).nbytes))
    return entries


def write_card(staging: Path, dataset_dir: Path, entries: list[tuple], appendix: str = "", docs_prefix: str = "../") -> None:
    """The dataset card for the tables in staging, numbers from those tables; a release appends its section."""
    body = (dataset_dir / "annotations" / CARD_BODY_FILE).read_text(encoding="utf-8")
    if appendix:
        body = body.rstrip() + "\n\n" + appendix
    stats = compute_stats(load_tables(staging), load_agreement(dataset_dir / AGREEMENT_FILE))
    (staging / "README.md").write_text(render_card(entries, body, stats, docs_prefix), encoding="utf-8")


def build(dataset_dir: Path) -> BuildResult:
    """Build into a temporary folder, validate it, and swap it in only if it is valid."""
    dataset_dir = Path(dataset_dir)
    rows = build_tables(dataset_dir)
    with tempfile.TemporaryDirectory(prefix=".build-", dir=dataset_dir) as tmp:
        staging = Path(tmp)
        entries = write_dataset(rows, staging)
        write_card(staging, dataset_dir, entries)
        report = validate(staging)  # the same layout as a release folder
        report.path = str(dataset_dir)
        if report.ok:
            swap_in(staging, dataset_dir)
    return BuildResult(report, {k: len(v) for k, v in rows.items()}, len(rows["articles"]))


def swap_in(staging: Path, dataset_dir: Path) -> None:
    """Replace dataset/data and dataset/README.md together; restore the old ones on failure."""
    live, old = dataset_dir / "data", dataset_dir / ".data-old"
    if old.exists():
        shutil.rmtree(old)
    if live.exists():
        live.rename(old)
    try:
        (staging / "data").rename(live)
        (staging / "README.md").replace(dataset_dir / "README.md")
    except OSError:
        if live.exists():
            shutil.rmtree(live)
        if old.exists():
            old.rename(live)
        raise
    if old.exists():
        shutil.rmtree(old)


def arrow_equal(a: Path, b: Path) -> bool:
    """Logical equality of two table folders (bytes can differ across pyarrow versions)."""
    return read_arrow(a).equals(read_arrow(b)) if a.exists() and b.exists() else False

