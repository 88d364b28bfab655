"""`landstrikes stats`: regenerate, or check, everything the documents say about the tables.

Targets, relative to the repository root (the dataset folder's parent):
DATASHEET.md and README.md (their `<!-- stats:... -->` blocks only), dataset/stats.json, and the
PNGs under docs/figures/. Checking writes nothing and names every drifted block or file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from landstrikes.documents import figures
from landstrikes.documents.blocks import BlockSyntaxError, drifted_blocks, fill_blocks, find_blocks
from landstrikes.documents.datasheet import datasheet_blocks, readme_rows_block
from landstrikes.documents.silverdoc import datasheet_silver_block, load_silver, readme_silver_block
from landstrikes.documents.stats import StatsInputError, compute_stats, load_tables, stats_json
from landstrikes.safety.regularfile import read_regular, read_regular_text
from landstrikes.safety.replacefile import replace_file, replace_text, written_path
from landstrikes.schema.report import counted

DATASHEET = "DATASHEET.md"
README = "README.md"
STATS_JSON = "stats.json"  # inside the dataset folder, next to agreement.json
AGREEMENT_JSON = "agreement.json"
FIGURES_DIR = Path("docs") / "figures"
README_BLOCK = "readme-rows"
README_SILVER_BLOCK = "readme-silver"
DATASHEET_SILVER_BLOCK = "silver"


@dataclass(frozen=True)
class Drift:
    """One generated thing that no longer matches the tables."""

    path: str
    what: str

    def __str__(self) -> str:
        return f"{self.path}: {self.what} differs from the tables"


def corpus_stats(dataset_dir: Path) -> dict:
    """The figures of the dataset's tables and its agreement.json (refused when unprintable)."""
    from landstrikes.documents.agreement_figures import printable_agreement

    dataset_dir = Path(dataset_dir)
    return compute_stats(load_tables(dataset_dir), printable_agreement(dataset_dir / AGREEMENT_JSON))


def refuse_invalid(dataset_dir: Path) -> None:
    """StatsInputError naming the first finding (check id, table, row, column) when the tables do
    not validate. `landstrikes stats` counts only tables that validate: numbers taken from tables
    that break the corpus's rules would be wrong numbers, and a dangling id or a null offset made
    the counting itself fail with no file, row or column named (attack12). Sound tables are
    validated on Arrow, without pandas or Pandera."""
    from landstrikes.schema import validate
    from landstrikes.schema.tableio import one_line

    report = validate(dataset_dir)
    if report.unusable is not None:
        raise StatsInputError(one_line(report.unusable))
    if report.findings:
        first = report.findings[0]
        where = " ".join(part for part in (first.table, first.row_words(),
                                           f"column {first.column}" if first.column else "") if part)
        raise StatsInputError(one_line(
            f"{dataset_dir / 'data'}: the tables do not validate "
            f"({counted(len(report.findings), 'finding')}; first [{first.check}] {where}: {first.message}); "
            f"run `landstrikes validate {dataset_dir}`"))


def refuse_protected_targets(root: Path, dataset_dir: Path) -> None:
    """StatsInputError when a file `stats` would write lies in a release or a dataset's
    data/raw/annotations (`landstrikes.safety.places`): `stats --dataset RELEASE` wrote
    stats.json into the immutable release, which then no longer verified (attack18)."""
    from landstrikes.safety.places import protected_place

    root, dataset_dir = Path(root), Path(dataset_dir)
    for path in (root / DATASHEET, root / README, dataset_dir / STATS_JSON, root / FIGURES_DIR):
        protected = protected_place(path)
        if protected:
            raise StatsInputError(f"{path}: {protected}; `stats` writes there, so pass a dataset folder and "
                                  "--root outside any release (or --check, which writes nothing) [protected-output]")


def _read(path: Path) -> str:
    try:
        return read_regular_text(path)
    except OSError as exc:
        raise StatsInputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    except ValueError as exc:
        raise StatsInputError(f"{path}: not UTF-8 text ({exc})") from exc


def _read_bytes(path: Path) -> bytes:
    try:
        return read_regular(path)
    except OSError as exc:
        raise StatsInputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc


def _readme_rendered(stats: dict, text: str, where: str, silver: dict | None) -> dict[str, str]:
    bodies = {b.name: text[b.body_start : b.body_end] for b in find_blocks(text, where)}
    return {README_BLOCK: readme_rows_block(stats, bodies.get(README_BLOCK, "")),
            README_SILVER_BLOCK: readme_silver_block(silver)}


def _datasheet_rendered(stats: dict, silver: dict | None) -> dict[str, str]:
    return {**datasheet_blocks(stats), DATASHEET_SILVER_BLOCK: datasheet_silver_block(silver)}


def expected_documents(stats: dict, root: Path, dataset_dir: Path) -> dict[Path, str]:
    """Path -> the full text it should have (raises BlockSyntaxError / StatsInputError)."""
    sheet, readme = root / DATASHEET, root / README
    sheet_text, readme_text = _read(sheet), _read(readme)
    silver = load_silver(dataset_dir, stats)
    sheet_blocks = _datasheet_rendered(stats, silver)
    _refuse_missing_blocks(sheet_text, tuple(sheet_blocks), DATASHEET)
    _refuse_missing_blocks(readme_text, (README_BLOCK, README_SILVER_BLOCK), README)
    return {
        sheet: fill_blocks(sheet_text, sheet_blocks, DATASHEET),
        readme: fill_blocks(readme_text, _readme_rendered(stats, readme_text, README, silver), README),
        dataset_dir / STATS_JSON: stats_json(stats),
    }


def _refuse_missing_blocks(text: str, required: tuple[str, ...], where: str) -> None:
    """BlockSyntaxError naming the first block `stats` fills that the document lacks. `stats --check`
    and `release` call a missing block drift and say to run `stats`, which filled the blocks it
    found and said all was up to date: the advised fix did nothing, and the release stayed
    refused (attack26). `stats` fills blocks, it never places one."""
    present = {block.name for block in find_blocks(text, where)}
    missing = [name for name in required if name not in present]
    if missing:
        raise BlockSyntaxError(f"{where}: block {missing[0]!r} is missing ({counted(len(missing), 'block')} in all): put its markers "
                               f"`<!-- stats:{missing[0]} --><!-- /stats:{missing[0]} -->` back where its figures belong; "
                               "`stats` fills blocks, it never places one")


def check(stats: dict, root: Path, dataset_dir: Path) -> list[Drift]:
    """Every drifted block, file and figure; nothing is written."""
    root, dataset_dir = Path(root), Path(dataset_dir)
    drifts = []
    sheet_text, readme_text = _read(root / DATASHEET), _read(root / README)
    silver = load_silver(dataset_dir, stats)
    rendered = _datasheet_rendered(stats, silver)
    for name in drifted_blocks(sheet_text, rendered, tuple(rendered), DATASHEET):
        drifts.append(Drift(DATASHEET, f"block '{name}'"))
    for name in drifted_blocks(
        readme_text, _readme_rendered(stats, readme_text, README, silver), (README_BLOCK, README_SILVER_BLOCK), README
    ):
        drifts.append(Drift(README, f"block '{name}'"))
    json_path = dataset_dir / STATS_JSON
    if not json_path.exists() or _read(json_path) != stats_json(stats):
        drifts.append(Drift(_shown(json_path, root), "content"))
    for name, data in figures.figure_inputs(stats).items():
        path = root / FIGURES_DIR / name
        if not path.exists() or figures.png_digest(_read_bytes(path)) != figures.digest(name, data):
            drifts.append(Drift((FIGURES_DIR / name).as_posix(), "figure"))
    return drifts


def write(stats: dict, root: Path, dataset_dir: Path) -> list[str]:
    """Regenerate every target; a file is rewritten only when its content changes. Returns what changed."""
    root, dataset_dir = Path(root), Path(dataset_dir)
    changed = []
    documents = expected_documents(stats, root, dataset_dir)
    for path in [*documents, *(root / FIGURES_DIR / name for name in figures.figure_inputs(stats))]:
        written_path(path)  # a broken link (or a FIFO) among them refused before any is written (attack39)
    for path, text in documents.items():
        if not path.exists() or _read(path) != text:
            replace_text(path, text)  # README/DATASHEET hold hand-written text: never truncated in place
            changed.append(_shown(path, root))
    for name, data in figures.figure_inputs(stats).items():
        path = root / FIGURES_DIR / name
        if path.exists() and figures.png_digest(_read_bytes(path)) == figures.digest(name, data):
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        replace_file(path, figures.draw(name, stats))
        changed.append((FIGURES_DIR / name).as_posix())
    return changed


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


__all__ = ["BlockSyntaxError", "Drift", "StatsInputError", "check", "corpus_stats", "refuse_protected_targets", "write"]
