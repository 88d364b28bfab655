"""The shape a MANIFEST.json must have before any of its statements is believed.

A manifest is untrusted input: a JSON list, a missing key or a string where a number belongs
must give a Problem naming the key, never a traceback in the code that reads it.
"""

from __future__ import annotations

import re

from landstrikes.releases.manifest import LOGICAL_TYPES, Problem

_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_COMMIT = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")  # git's SHA-1 or SHA-256 object names
DATASET = "landstrikes"
SOURCE_KEYS = ("git_commit", "git_dirty", "package_version", "pyarrow_version")
"""What `release.git_source` states: the commit (null outside git), whether the tree was dirty
(null when unknown), the package and pyarrow versions that wrote the release."""
_TEXT = (str,)
KNOWN_KEYS = {"manifest_format", "dataset", "dataset_version", "schema_version", "released", "previous_release",
              "bump", "required_bump", "source", "raw_texts", "tables", "files"}
"""Every top-level key `make_manifest` writes."""
FILE_KEYS, TABLE_KEYS, COLUMN_KEYS = {"sha256", "bytes", "rows"}, {"rows", "id_column", "columns"}, {"name", "type", "nullable", "labels"}
"""The keys of a `files`, `tables` and column entry: another key is a statement nothing checks
(attack27: `signed` on a file, `primary_key` on a table, verified ok)."""


def _where(path: str) -> str:
    return f"MANIFEST.json#{path}" if path else "MANIFEST.json"


def _bad(path: str, what: str) -> Problem:
    return Problem("malformed-manifest", _where(path), what)


def _label_list(labels) -> bool:
    """A list of distinct, non-blank strings: ClassLabel refuses a repeated name (`load` failed
    inside datasets with ValueError), and no schema holds a blank label (attack16: both verified
    ok when the card and croissant.json stated the same list)."""
    return (isinstance(labels, list) and bool(labels) and all(isinstance(x, str) and x.strip() for x in labels)
            and len(set(labels)) == len(labels))


def _version_problems(manifest: dict) -> list[Problem]:
    """The release's version and its predecessor's (null for the first) in the exact ASCII X.Y.Z
    spelling, its date in ASCII YYYY-MM-DD: a release downloaded into a folder not named after it
    (a Hub snapshot) has only these to say which release it is (attack17: '2.1.0\\u200b',
    '2.\\u0660.0' and a date '2026-13-45' were accepted)."""
    from landstrikes.releases.semver import folder_version

    problems = []
    for key in ("dataset_version", "previous_release"):
        value = manifest.get(key)
        if (key == "dataset_version" or value is not None) and not (isinstance(value, str) and folder_version(value) is not None):
            problems.append(_bad(key, f"{str(value)[:40]!r} is not a version in ASCII X.Y.Z"))
    if "released" in manifest and not _iso_date(manifest["released"]):
        problems.append(_bad("released", f"{str(manifest['released'])[:40]!r} is not a date in ASCII YYYY-MM-DD"))
    return problems


def _unknown_keys(where: str, entry: dict, known: set) -> list[Problem]:
    return [_bad(f"{where}.{str(key)[:40]}", "a key the manifest format does not have (its statement would go unchecked)")
            for key in sorted(set(entry) - known, key=str)[:5]]


def _header_problems(manifest: dict) -> list[Problem]:
    """The header statements nothing else checks, as `release` writes them: a manifest of another
    format or dataset, or one that leaves a statement out or gives it another shape, was believed
    (attack27: `manifest_format` 2, `dataset` 'other-news', no `raw_texts`, `source` a string,
    all verified ok)."""
    from landstrikes.releases.manifest import MANIFEST_FORMAT
    from landstrikes.releases.semver import LEVELS

    problems = []
    if manifest["manifest_format"] != MANIFEST_FORMAT:
        problems.append(_bad("manifest_format", f"format {manifest['manifest_format']}; this package reads format "
                             f"{MANIFEST_FORMAT} only (a newer format needs a newer landstrikes)"))
    for key in sorted(KNOWN_KEYS - set(manifest)):
        problems.append(_bad(key, "missing: every release states it"))
    if "dataset" in manifest and manifest["dataset"] != DATASET:
        problems.append(_bad("dataset", f"{str(manifest['dataset'])[:40]!r}: a manifest of {DATASET!r} names it"))
    if "bump" in manifest and manifest["bump"] not in (*LEVELS, "initial"):
        problems.append(_bad("bump", f"{str(manifest['bump'])[:40]!r} is none of {', '.join((*LEVELS, 'initial'))}"))
    if "required_bump" in manifest and "previous_release" in manifest:
        required, first = manifest["required_bump"], manifest["previous_release"] is None
        if (required is not None or not first) and required not in LEVELS:
            problems.append(_bad("required_bump", f"{str(required)[:40]!r}: a release after another states the "
                                 f"step its changes require ({', '.join(LEVELS)}); only the first states null"))
    if "source" in manifest:
        problems += _source_problems(manifest["source"])
    return problems


def _source_problems(source) -> list[Problem]:
    if not isinstance(source, dict) or set(source) != set(SOURCE_KEYS):
        return [_bad("source", f"not an object of exactly {', '.join(SOURCE_KEYS)}")]
    commit, dirty = source["git_commit"], source["git_dirty"]
    problems = []
    if commit is not None and not (isinstance(commit, str) and _COMMIT.fullmatch(commit)):
        problems.append(_bad("source.git_commit", f"{str(commit)[:40]!r} is neither null nor a commit's hex digits"))
    if dirty is not None and not isinstance(dirty, bool):
        problems.append(_bad("source.git_dirty", "neither null nor true/false"))
    for key in SOURCE_KEYS[2:]:
        if not (isinstance(source[key], str) and 0 < len(source[key]) <= 64):
            problems.append(_bad(f"source.{key}", "not a version string"))
    return problems


def _iso_date(value) -> bool:
    """'2026-12-03', a real date; fromisoformat alone would take other digits and forms."""
    from datetime import date

    if not (isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value)):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def shape_problems(manifest) -> list[Problem]:
    """Every way `manifest` differs from the format `make_manifest` writes (empty: well-formed)."""
    if not isinstance(manifest, dict):
        return [_bad("", f"a JSON {type(manifest).__name__}, not an object")]
    problems = []
    for key, kind in (("manifest_format", int), ("dataset_version", str), ("schema_version", str),
                      ("files", dict), ("tables", dict)):
        value = manifest.get(key)
        if not isinstance(value, kind) or isinstance(value, bool):
            problems.append(_bad(key, f"missing or not a {kind.__name__}"))
    for key in sorted(set(manifest) - KNOWN_KEYS, key=str)[:5]:
        problems.append(_bad(key[:80], "a key the manifest format does not have (its statement would go unchecked)"))
    if problems:
        return problems
    if len(manifest["schema_version"]) > 64:
        problems.append(_bad("schema_version", "longer than 64 characters"))
    problems += _version_problems(manifest) + _header_problems(manifest)
    for rel, entry in manifest["files"].items():
        where = f"files.{rel[:80]}"
        if not isinstance(entry, dict):
            problems.append(_bad(where, "not an object"))
            continue
        problems += _unknown_keys(where, entry, FILE_KEYS)
        if "rows" in entry and not rel.endswith(".parquet"):
            problems.append(_bad(where + ".rows", "a row count of a file that is no table part (nothing could check it)"))
        if not isinstance(entry.get("sha256"), str) or not _HEX64.match(entry["sha256"]):
            problems.append(_bad(where + ".sha256", "not 64 lowercase hex digits"))
        for key in ("bytes", "rows"):
            value = entry.get(key)
            if (key == "bytes" or value is not None) and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
                problems.append(_bad(f"{where}.{key}", "not a non-negative integer"))
    for name, table in manifest["tables"].items():
        where = f"tables.{name[:80]}"
        if not isinstance(table, dict):
            problems.append(_bad(where, "not an object"))
            continue
        problems += _unknown_keys(where, table, TABLE_KEYS)
        rows = table.get("rows")
        if not isinstance(rows, int) or isinstance(rows, bool) or rows < 0:
            problems.append(_bad(where + ".rows", "not a non-negative integer"))
        columns = table.get("columns")
        if not isinstance(columns, list) or not columns:
            problems.append(_bad(where + ".columns", "not a non-empty list"))
            continue
        for i, column in enumerate(columns):
            if not (isinstance(column, dict) and isinstance(column.get("name"), str)
                    and isinstance(column.get("type"), str) and isinstance(column.get("nullable"), bool)
                    and "labels" in column):  # (every reader takes column["labels"]: a KeyError, attack32)
                problems.append(_bad(f"{where}.columns[{i}]", "needs name (string), type (string), nullable (bool), "
                                     "labels (a list or null)"))
                continue
            problems += _unknown_keys(f"{where}.columns[{i}]", column, COLUMN_KEYS)
            if column["type"] not in LOGICAL_TYPES:
                problems.append(_bad(f"{where}.columns[{i}].type", f"{column['type'][:40]!r} is none of the schema's column types "
                                                                   f"({', '.join(LOGICAL_TYPES)}); `load` cannot type it"))
            labels = column.get("labels")
            if labels is not None and not _label_list(labels):
                problems.append(_bad(f"{where}.columns[{i}].labels", "neither null nor a non-empty list of distinct, non-blank strings"))
    raw = manifest.get("raw_texts", {})
    if not isinstance(raw, dict) or not all(isinstance(v, str) and _HEX64.match(v) for v in raw.values()):
        problems.append(_bad("raw_texts", "not an object of sha256 hex digests"))
    return problems
