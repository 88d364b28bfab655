"""`landstrikes build --check`: are a dataset folder's tables and card what its sources build?

`validate` judges tables by the schema's invariants, which a consistent edit of a table keeps
(the census of false VALIDs: a label swapped for another label, a claim moved to another
cluster); only a rebuild from `raw/` and `annotations/` shows that the tables are no longer
the sources' build. `release` refuses such tables and CI rebuilds and diffs, but neither helps
someone holding a dataset folder. This builds into a temporary folder outside the dataset
(nothing in it is written, the shared read lock keeps a build from swapping mid-comparison) and
compares byte for byte, naming what differs and, for tables, the rows (`landstrikes diff`).
"""

from __future__ import annotations

import filecmp
import os
from dataclasses import dataclass, field
from pathlib import Path

from landstrikes.build import build_tables, foreign_files, write_card, write_dataset
from landstrikes.errors import BuildError, counted, visible
from landstrikes.releases.diff import TableDiff, diff_folders, table_text
from landstrikes.safety.ownedtemp import owned_temporary_folder
from landstrikes.safety.readlock import reading
from landstrikes.schema.registry import TABLES
from landstrikes.schema.tableio import UnreadableTable
from landstrikes.schema.validate import validate

CHECK_ID = "table-not-built-from-sources"


@dataclass
class BuildCheck:
    """What differs between a dataset folder and the build of its sources."""

    dataset_dir: Path
    problems: list[str] = field(default_factory=list)
    """One line per file that is not what the sources build."""
    row_changes: str = ""
    """`landstrikes diff` of the tables, when their rows differ."""

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_text(self) -> str:
        if self.ok:
            return (f"landstrikes build --check: {self.dataset_dir / 'data'} ({len(TABLES)} tables) and "
                    f"{self.dataset_dir / 'README.md'} are what the sources build, byte for byte")
        lines = [f"{line} [{CHECK_ID}]" for line in self.problems]
        if self.row_changes:
            lines += ["rows, as `landstrikes diff` shows them (data/ -> the sources' build):", self.row_changes]
        lines.append(f"run `landstrikes build --dataset {self.dataset_dir}` to rebuild the tables from the sources, "
                     "or correct the sources: tables are built, never edited")
        return "\n".join(lines)


def _refuse_a_temporary_folder_inside(dataset_dir: Path) -> None:
    """The build goes to the temporary folder; one inside the dataset (TMPDIR=$PWD/tmp with
    `--dataset .`) would be written into the folder the check promises not to touch."""
    dataset = dataset_dir.resolve()
    for name in ("TMPDIR", "TEMP", "TMP"):  # tempfile's order; not gettempdir(), which writes a probe file there
        try:
            temp = Path(os.environ[name]).resolve() if os.environ.get(name) else None
        except (OSError, RuntimeError):  # a symlink loop: tempfile passes over it, so no folder of ours is there
            temp = None
        if temp is not None and (temp == dataset or dataset in temp.parents):
            raise BuildError(dataset_dir, f"the temporary folder {temp} ({name}) is inside it: the check builds there and "
                             f"would write into the folder; set {name} to a folder outside it", check="temp-inside-dataset")


def _refuse_an_invalid_build(built: Path, dataset_dir: Path) -> None:
    """Tables `build` would refuse to install are a bad source, not a difference: comparing with
    them would tell the reader to run a build that then refuses."""
    report = validate(built)
    if not report.ok:
        found = report.unusable or f"{counted(len(report.findings), 'failure')} of {counted(len({f.check for f in report.findings}), 'check')}"
        raise BuildError(dataset_dir, f"the sources build tables that do not validate ({found}); `landstrikes build "
                         f"--dataset {dataset_dir}` names them and keeps data/ as it is", check="sources-build-invalid")


def check_build(dataset_dir: Path, wait: float = 0.0) -> BuildCheck:
    """Build the sources of `dataset_dir` elsewhere and compare; raises BuildError on a bad source
    (one that does not build, or builds tables that do not validate)."""
    dataset_dir = Path(dataset_dir)
    _refuse_a_temporary_folder_inside(dataset_dir)
    result = BuildCheck(dataset_dir)
    with reading(dataset_dir, wait=wait), owned_temporary_folder("landstrikes-build-check-") as built:
        write_card(built, dataset_dir, write_dataset(build_tables(dataset_dir), built))
        _refuse_an_invalid_build(built, dataset_dir)
        differing: list[str] = []
        for spec in TABLES:
            ours, theirs = built / "data" / spec.name / f"{spec.name}.parquet", dataset_dir / "data" / spec.name / f"{spec.name}.parquet"
            if not theirs.is_file():  # never opened: a FIFO or device would block the comparison
                what = "not a regular file" if os.path.lexists(theirs) else "missing"
                result.problems.append(f"data/{spec.name}/{spec.name}.parquet: {what}; the sources build it")
            elif not filecmp.cmp(ours, theirs, shallow=False):
                result.problems.append(f"data/{spec.name}/{spec.name}.parquet: differs from the build of the sources")
                differing.append(spec.name)
        result.problems += [f"data/{name}: no build writes it" for name in foreign_files(dataset_dir)]
        card = dataset_dir / "README.md"
        if not card.is_file() or not filecmp.cmp(built / "README.md", card, shallow=False):
            result.problems.append("README.md: the dataset card differs from the one the sources build")
        if differing:
            try:
                changes = diff_folders(dataset_dir, built, "data/", "sources")
            except UnreadableTable as exc:  # a broken table differs too; only its rows cannot be shown
                result.row_changes = f"  (rows not shown: {exc.line()})"
                return result
            result.row_changes = "\n".join(line for t in changes.tables if t.table in differing for line in _rows_of(t))
    return result


def _rows_of(t: TableDiff) -> list[str]:
    """A differing table's rows as `landstrikes diff` shows them; one whose rows are the same
    differs in its bytes only, which `diff` would call unchanged: say so."""
    if t.status == "same":
        return [f"{visible(t.table)}: the same {counted(t.rows_new, 'row')}; the file differs in metadata or encoding"]
    return table_text(t)
