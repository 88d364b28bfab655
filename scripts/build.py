"""`landstrikes build`: raw text + annotation sources -> validated Parquet tables, atomically.

The write path: lock the dataset folder, finish or remove what an interrupted build left,
build and validate in a staging folder `.build-*` inside it, then swap `data/` and the card
`README.md` in with `landstrikes.safety.swap` (journaled, so a kill at any point ends old+old or
new+new). Every step has a named fault point (`landstrikes.safety.faults`).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from landstrikes import DATASET_VERSION
from landstrikes.releases.card import render_card
from landstrikes.annotations.corpus import load_corpus
from landstrikes.errors import BuildError, naming
from landstrikes.safety.anchored import anchored, spoken
from landstrikes.safety.faults import fault
from landstrikes.safety.lock import DATASET_LOCK_FILE, exclusive
from landstrikes.safety.places import still_in_place
from landstrikes.progress import step
from landstrikes.schema.registry import SCHEMA_VERSION, TABLES
from landstrikes.schema.report import Report
from landstrikes.schema.tableio import read_arrow, write_table
from landstrikes.schema.validate import validate
from landstrikes.documents.stats import compute_stats, load_tables
from landstrikes.safety.swap import DONE, JOURNAL, SwapError, install, recover
from landstrikes.tables import BUILDERS

CARD_BODY_FILE = "card_body.md"
AGREEMENT_FILE = "agreement.json"
GOLD = {"source": "gold", "confidence": None}
"""Provenance of every built row: human annotation, so no extractor confidence."""
LOCK_FILE = DATASET_LOCK_FILE
STAGING_PREFIX = ".build-"
STAGING_MARK = ".landstrikes-staging"
"""Written into a staging folder first, before any table: the next build removes a folder of
STAGING_PREFIX's name as an interrupted build's only when it holds this mark (or nothing at all).
A name and contents alone are a user's backup of a build too, `.build-20261207/` holding a copy
of `data/` and `README.md`, which a build deleted (attack54)."""
_MARK_TEXT = b"the staging folder of a landstrikes build; the next build removes it if this one was killed\n"
LEGACY_BACKUP = ".data-old"
"""Where builds before the journaled swap kept the old tables while swapping."""
SWAPPED = ("data", "README.md")
"""What a build replaces in the dataset folder, as one unit."""
FAULT_POINTS = (
    "build:locked", "build:tables-written", "build:card-written", "build:validated", "swap:journal-written",
    *(f"swap:exchanged:{name}" for name in SWAPPED), "swap:done", "swap:cleaning", "build:swapped",
)
"""Every fault point a build passes, in order (`landstrikes.safety.faults`); the fallback swap (no
atomic exchange) also passes `swap:moved-aside:<name>` before each `swap:exchanged:<name>`."""


@dataclass
class BuildResult:
    report: Report
    rows: dict[str, int]
    articles: int
    recovered: list[str] = field(default_factory=list)


def dataset_lock(dataset_dir: Path, wait: float = 0.0, what: str = "landstrikes build"):
    """The dataset's lock: DIR/.landstrikes.lock held exclusively (`exclusive` refuses a lock path
    that is a symbolic link or not a regular file: taking the lock writes the holder's pid into
    it, which through a link, kept by git and tarballs, replaced a raw article or the changelog),
    then the readers' lock on raw/ exclusively."""
    return _both(exclusive(Path(dataset_dir) / LOCK_FILE, wait, what), dataset_dir, wait)


@contextmanager
def _both(file_lock, dataset_dir: Path, wait: float):
    """The lock file (one writer, its pid named), then the readers' lock on raw/ exclusively."""
    from landstrikes.safety.readlock import writing

    with file_lock, writing(dataset_dir, wait):
        yield


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
        with naming(path):
            write_table(rows[spec.name], spec, path, {**metadata, "table": spec.name})
        entries.append((spec, len(rows[spec.name]), read_arrow(path.parent).nbytes))
    return entries


def write_card(staging: Path, dataset_dir: Path, entries: list[tuple], appendix: str = "", docs_prefix: str = "../",
               version: str | None = None) -> None:
    """The dataset card for the tables in staging, numbers from those tables; a release appends its
    section and names its own version (`version`: the card must not cite the package's)."""
    body = (dataset_dir / "annotations" / CARD_BODY_FILE).read_text(encoding="utf-8")
    if appendix:
        body = body.rstrip() + "\n\n" + appendix
    stats = compute_stats(load_tables(staging), _printable_agreement(dataset_dir / AGREEMENT_FILE))
    if version is not None:
        stats = {**stats, "dataset_version": version}
    card = render_card(entries, body, stats, docs_prefix)
    with naming(staging / "README.md"):
        (staging / "README.md").write_text(card, encoding="utf-8")


def _printable_agreement(path: Path) -> dict | None:
    """The agreement figures the card prints, or BuildError `bad-json` naming the file and the
    figure when they cannot be printed (`landstrikes.documents.agreement_figures`)."""
    from landstrikes.documents.agreement_figures import UnprintableAgreement, printable_agreement
    from landstrikes.releases.card import agreement_block

    try:
        return printable_agreement(path, (agreement_block,))
    except UnprintableAgreement as exc:
        raise BuildError(exc.path, exc.problem, check="bad-json") from None


def _stderr(line: str) -> None:
    from landstrikes.schema.report import visible

    print(visible(line), file=sys.stderr, flush=True)  # a repair line names folders: one line (attack23)


def build(dataset_dir: Path, wait: float = 0.0, notice: Callable[[str], None] = _stderr) -> BuildResult:
    """Build into a staging folder, validate it, and swap it in only if it is valid.

    Holds the dataset lock throughout (`wait` seconds for it, then LockHeld); first repairs
    what an interrupted build left, telling `notice` in one line per repair.
    """
    dataset_dir = Path(dataset_dir)
    if not dataset_dir.is_dir():
        raise BuildError(dataset_dir, "no such dataset folder", check="unreadable-folder")
    try:
        with dataset_lock(dataset_dir, wait):
            fault("build:locked")
            recovered = recover_build(dataset_dir)
            for line in recovered:
                notice(line)
            refuse_foreign_files(dataset_dir)
            rows = build_tables(dataset_dir)
            report = _stage_and_swap(rows, dataset_dir)
    except SwapError as exc:
        raise BuildError(exc.filename or dataset_dir, exc.strerror or str(exc), check="build-io") from exc
    except OSError as exc:
        raise BuildError(exc.filename or dataset_dir, f"cannot write: {exc.strerror or exc}{_staged(exc.filename, dataset_dir)}",
                         check="build-io") from exc
    return BuildResult(report, {k: len(v) for k, v in rows.items()}, len(rows["articles"]), recovered)


def _staged(filename, dataset_dir: Path) -> str:
    """What a failed write's file was, when it was in a build's staging folder that is now gone: the
    line names that file (attack63), and says the live tables were never touched."""
    if filename is None:
        return ""
    relative = Path(os.path.abspath(filename)).relative_to(os.path.abspath(dataset_dir)) \
        if Path(os.path.abspath(filename)).is_relative_to(os.path.abspath(dataset_dir)) else None
    if relative is None or not relative.parts or not relative.parts[0].startswith(STAGING_PREFIX):
        return ""
    if os.path.lexists(Path(dataset_dir) / relative.parts[0]):
        return ""
    return " (the new tables' staging folder, now removed: data/ and README.md are as they were)"


def foreign_files(dataset_dir: Path) -> list[str]:
    """Files (and symlinks) under data/ that a build does not write: the swap would delete them."""
    data = dataset_dir / "data"
    ours = {f"{spec.name}/{spec.name}.parquet" for spec in TABLES}
    found = []
    for root, dirs, files in os.walk(data):
        for name in files + [d for d in dirs if os.path.islink(os.path.join(root, d))]:
            found.append(Path(root, name).relative_to(data).as_posix())
    return sorted(f for f in found if f not in ours)


SWAPPED_KINDS = {"data": "a folder", "README.md": "a file"}
"""What build writes at each name it swaps in (SWAPPED)."""


def refuse_foreign_files(dataset_dir: Path) -> None:
    """data/ is replaced whole; a file someone put there (a note, a silver table, a backup copy)
    is refused, named and kept, never deleted with the old tables. So is an entry of another kind
    than build writes at a name it swaps in: a folder named README.md, a file named data, whose
    swap had deleted it with the staging folder, exit 0 (attack52). A symbolic link there is
    replaced, as before; what it points to is kept."""
    for name in SWAPPED:
        live = dataset_dir / name
        if not os.path.lexists(live) or live.is_symlink():
            continue
        kind = "a folder" if live.is_dir() else "a file" if live.is_file() else "neither a file nor a folder"
        if kind != SWAPPED_KINDS[name]:
            raise BuildError(live, f"is {kind} where build writes {SWAPPED_KINDS[name]} ({'the tables' if name == 'data' else 'the dataset card'}), "
                             "which would replace it and delete it: move it away, then build", check="foreign-file")
    foreign = foreign_files(dataset_dir)
    if foreign:
        shown = ", ".join(f"data/{f}" for f in foreign[:5]) + (f", … ({len(foreign) - 5} more)" if len(foreign) > 5 else "")
        raise BuildError(dataset_dir / "data", f"holds files build did not write ({shown}); the new tables would "
                         "replace data/ and delete them: move them out of data/, then build", check="foreign-file")


def _stage_and_swap(rows: dict[str, list[dict]], dataset_dir: Path) -> Report:
    with anchored(dataset_dir) as (home, through):
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=dataset_dir))
        made = os.lstat(staging)
        try:
            with naming(staging / STAGING_MARK):
                (staging / STAGING_MARK).write_bytes(_MARK_TEXT)
            entries = write_dataset(rows, staging)
            fault("build:tables-written")
            write_card(staging, dataset_dir, entries)
            fault("build:card-written")
            report = validate(staging)  # the same layout as a release folder
            report.path = str(dataset_dir)
            fault("build:validated")
            if report.ok:
                refuse_if_moved(dataset_dir, home, staging, made)
                _install_through(through, staging.name, dataset_dir)
                fault("build:swapped")
        finally:
            if staging.exists() and not (staging / JOURNAL).exists():
                shutil.rmtree(staging)  # never swapped: only unvalidated or refused copies are in it
    return report


def _install_through(through: Path, staging: str, dataset_dir: Path) -> None:
    """`install` with the staging folder and the live entries reached through the dataset folder's
    descriptor (`anchored`): a dataset folder replaced after the identity check had the swap made
    wherever its path then led (attack63's left window; attack69). An error names the file by the
    dataset folder's own path."""
    try:
        install(through / staging, through, list(SWAPPED))
    except OSError as exc:
        exc.filename, exc.filename2 = spoken(exc.filename, through, dataset_dir), spoken(exc.filename2, through, dataset_dir)
        raise


def refuse_if_moved(dataset_dir: Path, home: os.stat_result, staging: Path, made: os.stat_result) -> None:
    """BuildError (`build-io`) when the dataset folder, or the staging folder in it, is no longer the
    one this build staged in (`places.still_in_place`): the tables written after such a change would
    have been validated and swapped into another dataset's data/ (attack63)."""
    if not still_in_place(dataset_dir, home, staging, made):
        raise BuildError(dataset_dir, "was moved or replaced while the build ran: nothing was swapped in; its staging "
                         f"folder ({staging.name}) went with it, and the next build there removes it", check="build-io")


def is_build_staging(folder: Path) -> bool:
    """A folder a build made: one holding a swap journal (or its done mark), or one of mkdtemp's
    names (`.build-` + 8 of [a-z0-9_]) holding the build's STAGING_MARK and nothing else but what a
    build writes there before its journal, or nothing at all (killed before its mark). The name
    alone had let a build remove a user's `.build-settings` (8 letters) with its files as an
    unfinished staging folder (attack52), and name and contents a user's `.build-20261207` backup of
    `data/` and `README.md` (attack54); another `.build-*` folder is kept and named."""
    if any((folder / name).exists() for name in (JOURNAL, DONE)):
        return True
    random = folder.name.removeprefix(STAGING_PREFIX)
    if re.fullmatch(r"[a-z0-9_]{8}", random) is None:
        return False
    try:
        if not any(folder.iterdir()):
            return True  # nothing to lose
    except OSError:
        return False
    mark = folder / STAGING_MARK
    return mark.is_file() and not mark.is_symlink() and _holds_only_staged_entries(folder)


def _holds_only_staged_entries(folder: Path) -> bool:
    """Whether every entry of `folder` is one `_stage_and_swap` writes before the journal:
    `data/<table>/<table>.parquet`, `README.md`, the journal's temporary file, its mark; no symbolic link."""
    tables = {spec.name for spec in TABLES}
    try:
        for entry in folder.iterdir():
            if entry.is_symlink():
                return False
            if entry.name in ("README.md", JOURNAL + ".tmp", STAGING_MARK) and entry.is_file():
                continue
            if entry.name != "data" or not entry.is_dir():
                return False
            for table in entry.iterdir():
                if table.is_symlink() or not table.is_dir() or table.name not in tables:
                    return False
                if any(part.name != f"{table.name}.parquet" or part.is_symlink() or not part.is_file() for part in table.iterdir()):
                    return False
    except OSError:  # a folder it cannot read is not one it wrote
        return False
    return True


def recover_build(dataset_dir: Path) -> list[str]:
    """Finish or remove what interrupted builds left in dataset_dir; one line per repair.

    A staging folder with a journal is swapped in (its tables had validated); one without is
    removed (the live tables were never touched). Call it only while holding the lock.
    """
    lines = []
    for staging in sorted(dataset_dir.glob(STAGING_PREFIX + "*")):
        if not staging.is_dir() or staging.is_symlink():
            continue
        if not is_build_staging(staging):
            lines.append(f"note: {staging} is not a build's staging folder (no swap journal, and not the staging mark "
                         "a build writes first, or files no build writes there); kept")
            continue
        done = recover(staging, dataset_dir)
        lines.append(f"recovered an interrupted build in {staging}: {done}")
    legacy = dataset_dir / LEGACY_BACKUP
    if legacy.is_dir() and not (dataset_dir / "data").exists():
        legacy.rename(dataset_dir / "data")
        lines.append(f"recovered an interrupted build: {legacy} was the only copy of the tables; moved back to data/")
    elif legacy.exists():
        lines.append(f"note: {legacy} (left by an older landstrikes build) was kept; delete it once data/ is checked")
    return lines


def arrow_equal(a: Path, b: Path) -> bool:
    """Logical equality of two table folders (bytes can differ across pyarrow versions)."""
    return read_arrow(a).equals(read_arrow(b)) if a.exists() and b.exists() else False

