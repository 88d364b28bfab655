"""`landstrikes.load(table, version=...)`: a pinned release, verified byte for byte, then loaded.

Every file of the release is re-hashed against MANIFEST.json first and every statement of the
manifest checked, and the table is parsed from the very bytes that were hashed, so what you get is
what the manifest promises. Only the asked table's files are decoded, once: their pages must
decode and their footers' statistics hold the values returned; another table's are `verify`'s. The
`datasets.Dataset` is built in memory (no cache, no network): the `datasets` file cache is
keyed by modification time, not content, and could hand back rows of a different file.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow

from landstrikes.errors import ReleaseIntegrityError, ReleaseNotFound, counted
from landstrikes.releases.manifest import Problem, listed_bytes, verified_manifest
from landstrikes.releases.manifest_checks import decoded, files_of_tables, unlisted_label_of
from landstrikes.schema.columns import Col
from landstrikes.schema.release_check import release_of
from landstrikes.schema.tableio import to_pandas
from landstrikes.releases.semver import folder_version, parse_version
from landstrikes.safety.regularfile import NotARegularFile

SOURCE_CHECKOUT = Path(__file__).resolve().parents[2]


def release_roots(root: str | Path | None = None) -> list[Path]:
    """Folders that hold X.Y.Z release folders: `root` (a releases or a dataset folder), else
    ./dataset/releases and the source checkout's dataset/releases."""
    if root is not None:
        root = Path(root)
        return [root / "releases" if (root / "releases").is_dir() else root]
    try:
        here = [Path.cwd() / "dataset" / "releases"]
    except OSError:  # the current folder was deleted: it holds no releases (attack18)
        here = []
    return [*here, SOURCE_CHECKOUT / "dataset" / "releases"]


# Said when no release was found anywhere: a package installed from a wheel or a git URL holds none
# (README, "Loading a pinned version"); the user read "(releases there: none)" and no way on (newuser47).
NO_RELEASE_HINT = (
    "; a package not installed from a checkout holds no release: pass root= the dataset or releases "
    "folder of your copy, or version= a release folder"
)
HINTS = {
    # the way on, in the words of the caller: `load()`'s keywords, or the command line's options
    # (attack50: `diff`, `verify` and `publish` had printed "pass root= ... or version= ...")
    "python": {"none": NO_RELEASE_HINT,
               "release_as_root": "load it with version={given!r}, or pass root= the folder that holds {version}/"},
    "cli": {"none": "; pass --dataset the dataset or releases folder of your copy, or the release folder's path in place "
                    "of the version",
            "release_as_root": "give that folder's path in place of the version, or pass --dataset the folder that "
                               "holds {version}/"},
}


def _distinct(paths: list[Path]) -> list[Path]:
    """The folders once each (./dataset/releases is often the checkout's own)."""
    seen, out = set(), []
    for path in paths:
        key = path.resolve() if path.exists() else path
        if key not in seen:
            seen.add(key)
            out.append(path)
    return out


def versions(root: str | Path | None = None) -> list[str]:
    """Every release version found under the release roots, oldest first (semver order)."""
    found = set()
    for folder in _distinct(release_roots(root)):
        if folder.is_dir():
            found |= {v for p in folder.iterdir() if p.is_dir() and (v := folder_version(p.name)) is not None}
    return [str(v) for v in sorted(found)]


def resolve_release(version: str | Path | None = None, root: str | Path | None = None, *, spoken: str = "python") -> Path:
    """A version string ('1.0.0') found under the release roots, a path to a release folder (or its
    data/ folder), or (None) the newest release there is. `spoken`: "cli" when `root` is a command's
    `--dataset`, so a ReleaseNotFound says what to type there (HINTS)."""
    hints = HINTS[spoken]
    if version is not None and not isinstance(version, (str, os.PathLike)):
        raise TypeError(f"version must be a release version string such as '2.1.0', a release folder or None, "
                        f"not {type(version).__name__} {str(version)[:40]!r}")
    roots = _distinct(release_roots(root))
    if version is None:
        known = versions(root)
        if not known:
            raise ReleaseNotFound(f"no release under {', '.join(str(r) for r in roots)}{hints['none']}")
        version = known[-1]
    if isinstance(version, str) and not version.strip():  # Path('') would be the current folder
        raise ReleaseNotFound("an empty version names no release (X.Y.Z or a release folder)")
    if isinstance(version, str) and len(version) > 200:
        raise ReleaseNotFound(f"{version[:40]!r}… ({len(version)} characters) is neither a release version nor a folder")
    parsed = parse_version(version) if isinstance(version, str) else None
    if parsed is not None:
        version = str(parsed)  # ' 2.0.0' or '2.0.0\n' (a pasted version) names the folder 2.0.0
        for folder in roots:
            if (folder / version).is_dir():
                return folder / version
        given = release_of(root) if root is not None and Path(root).is_dir() else None
        if given is not None:  # one release copied into a project, named as root= (newuser46)
            raise ReleaseNotFound(
                f"no release {version} under {root}: {given} is a release folder, not a folder of releases; "
                + hints["release_as_root"].format(given=str(given), version=version)
            )
        known = versions(root)
        raise ReleaseNotFound(
            f"no release {version} under {', '.join(str(r) for r in roots)} "
            f"(releases there: {', '.join(known) or 'none'})" + ("" if known else hints["none"])
        )
    path = Path(version)
    try:
        if path.is_dir():  # a release's data/ folder names its release, as validate reads it (eco39)
            release = release_of(path)
            if release is not None:
                return release
            if path.name == "data" and not (path / "data").is_dir():
                return path.parent  # a dataset's data/ folder names its dataset, as validate reads it
            return path
    except OSError:
        pass
    from landstrikes.schema.registry import TABLES
    from landstrikes.schema.tableio import one_level_too_deep

    raise ReleaseNotFound(f"{str(version)[:200]!r} is neither a release version (X.Y.Z) nor a release folder"
                          f"{one_level_too_deep(path, TABLES)}{_tag_spelling(version)}")


def _tag_spelling(version) -> str:
    """The release a git tag's spelling names (`v2.36.0`, the README CI recipe's LANDSTRIKES_VERSION),
    said after the refusal: a tag is not a version (eco70)."""
    text = str(version).strip()
    if text[:1] in "vV" and parse_version(text[1:]) is not None:
        return f"; {text} is the git tag of release {parse_version(text[1:])}: give the version without the 'v'"
    return ""


def load(table: str, version: str | Path | None = None, as_pandas: bool = False, root=None, pin: str | None = None):
    """One table of a release (default: the newest) as a `datasets.Dataset` (labels as
    ClassLabel) or a pandas DataFrame (nullable integer columns as `Int64`).

    `pin` is the sha256 of the release's MANIFEST.json as published (CHANGELOG): with it, a
    release rewritten consistently, manifest included, is refused too.
    Raises ReleaseNotFound for an unknown version, ReleaseIntegrityError if any file of the
    release differs from its manifest (or the manifest is missing, or differs from `pin`, or its
    tables' columns are not its stated schema version's), its subclass ReleaseSchemaNewer if the
    release states a schema version newer than this package's (upgrade landstrikes), KeyError
    for an unknown table.
    """
    if not isinstance(table, str):
        raise TypeError(f"table must be a table name string such as 'quotes', not {type(table).__name__} {str(table)[:40]!r}")
    folder = resolve_release(version, root)
    manifest = verified_manifest(folder, _checked_pin(pin), decode=())  # the asked table is decoded below
    if table not in manifest["tables"]:
        raise KeyError(f"release {folder.name} has no table {table!r} (tables: {', '.join(manifest['tables'])})")
    arrow = read_verified(folder, manifest, table)
    if as_pandas:
        return nullable_ints(to_pandas(arrow), arrow)
    return to_dataset(arrow, manifest, table)


def _checked_pin(pin: str | None) -> str | None:
    if pin is not None and not (isinstance(pin, str) and len(pin) == 64 and all(c in "0123456789abcdefABCDEF" for c in pin)):
        raise ValueError(f"pin must be a sha256 hex digest (64 hex digits), not {str(pin)[:80]!r}")
    return pin


def read_verified(folder: Path, manifest: dict, table: str, stamped: bool = False) -> pyarrow.Table:
    """The table's files, each parsed from bytes whose sha256 was just checked, decoded once and
    refused (ReleaseIntegrityError, verify's check ids) if its pages do not decode or its footer's
    statistics misstate what it decoded to. `stamped`: keep the first file's key-value metadata
    (`diff` compares the stamps; attack48), else none."""
    parts = []
    for rel in sorted(files_of_tables(manifest["files"], (table,))):
        listed = manifest["files"][rel]["bytes"]
        try:  # one read, no further than listed (a grown file is refused unheld), never waiting on a FIFO (attack43)
            data, size, digest = listed_bytes(folder / rel, listed, hash_rest=False)
        except NotARegularFile:
            check, what = ("missing-file", "gone since it was verified") if (folder / rel).is_dir() else \
                ("special-file-in-release", "not a regular file since it was verified")
            raise ReleaseIntegrityError(folder, [Problem(check, rel, what)]) from None
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):  # gone since verified (attack42)
            raise ReleaseIntegrityError(folder, [Problem("missing-file", rel, "gone since it was verified")]) from None
        if size != listed:
            raise ReleaseIntegrityError(folder, [Problem("size-mismatch", rel, "changed since it was verified "
                                                         f"({'more than ' + counted(listed, 'byte') if size > listed else counted(size, 'byte')}, manifest says {listed})")])
        if digest != manifest["files"][rel]["sha256"]:
            raise ReleaseIntegrityError(folder, [Problem("sha256-mismatch", rel, "changed since it was verified")])
        arrow, problem = decoded(rel, pyarrow.BufferReader(data))
        if problem is None and arrow is None:  # checked as Parquet by verify's tables section
            problem = Problem("undecodable-table", rel, "no Parquet footer")
        if problem is None:
            problem = unlisted_label_of(rel, arrow, manifest)
        if problem is not None:
            raise ReleaseIntegrityError(folder, [problem])
        parts.append(arrow)
    return pyarrow.concat_tables(parts).replace_schema_metadata(parts[0].schema.metadata if stamped and parts else None)


def nullable_ints(df, arrow: pyarrow.Table):
    """Integer columns that may hold nulls as pandas `Int64`, so an offset never becomes a float."""
    for field in arrow.schema:
        if pyarrow.types.is_integer(field.type) and field.nullable:
            df[field.name] = df[field.name].astype("Int64")
    return df


def features_of(columns: list[dict]):
    """HF features from the manifest's column descriptions (the release's own label sets)."""
    from datasets import Features

    return Features(
        {
            c["name"]: Col(c["name"], c["type"], "", c["nullable"], tuple(c["labels"]) if c["labels"] else None).hf_feature()
            for c in columns
        }
    )


def to_dataset(arrow: pyarrow.Table, manifest: dict, table: str):
    from datasets import Dataset, DatasetInfo
    from datasets.table import InMemoryTable, table_cast

    features = features_of(manifest["tables"][table]["columns"])
    info = DatasetInfo(
        description=f"landstrikes {manifest['dataset_version']}: {table}",
        features=features,
        version=manifest["dataset_version"],
    )
    return Dataset(InMemoryTable(table_cast(arrow, features.arrow_schema)), info=info, split="train")
