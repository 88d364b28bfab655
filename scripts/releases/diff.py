"""What changed between two versions of the corpus: per table, schema and rows by stable id.

Ids derive from content (`<article_id>:q:<start>-<end>`), so correcting a span changes its id.
A removed row and an added row of the same article whose spans overlap are therefore one
corrected annotation: the diff reports them as one changed row with its old and new id.
The semver rule (`required_bump`) reads the diff; README "Versions and releases" states it.
"""

from __future__ import annotations

import json
import math
import os
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path

from landstrikes.schema.report import counted, noun, shown, visible
from landstrikes.releases.manifest import MANIFEST, describe_table, read_manifest, table_files_below
from landstrikes.schema.arrowchecks import read_comparable
from landstrikes.schema.registry import TABLES, TABLES_BY_NAME
from landstrikes.schema.tableio import UnreadableTable, one_level_too_deep, read_part_schema, refused_table
from landstrikes.spanindex import SpanIndex

SPAN_KEY = ("article_id", "start", "end")


@dataclass
class RowChange:
    """One row present in both versions (same id, or a span corrected in place) whose values differ."""

    id: str
    old_id: str
    columns: dict[str, list] = field(default_factory=dict)
    """column -> [old value, new value]"""


@dataclass
class TableDiff:
    table: str
    status: str = "same"
    """same, changed, added (table is new) or removed (table is gone)"""
    rows_old: int = 0
    rows_new: int = 0
    columns_added: list[str] = field(default_factory=list)
    columns_removed: list[str] = field(default_factory=list)
    columns_retyped: dict[str, dict] = field(default_factory=dict)
    labels_changed: dict[str, dict] = field(default_factory=dict)
    column_order_changed: bool = False
    row_order_changed: bool = False
    """the ids both sides hold come in another order (attack42: every reader's row i changes)"""
    stamps_changed: dict[str, dict] = field(default_factory=dict)
    """key -> {old, new} for the files' key-value metadata other than the dataset version, which every
    release changes: a schema-version or `landstrikes.source` stamp decides what `validate` holds
    the rows to, and two folders differing only there had been `unchanged`, exit 0 (attack48)"""
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[RowChange] = field(default_factory=list)
    added_rows: dict[str, dict] = field(default_factory=dict)
    """id -> the added row's values (attack50: an added row had been shown by its id alone)"""
    removed_rows: dict[str, dict] = field(default_factory=dict)
    """id -> the removed row's values, as it stood in OLD"""

    def changes(self) -> list[tuple[str, str]]:
        """(bump level, what changed) for each kind of change in this table: the semver rule."""
        rules = (
            ("major", self.status == "removed", "table removed"),
            ("major", self.columns_removed, f"{noun(len(self.columns_removed), 'column')} removed or renamed: {_names(self.columns_removed)}"),
            ("major", self.columns_retyped, f"{noun(len(self.columns_retyped), 'column')} retyped: {_names(self.columns_retyped)}"),
            ("major", self.labels_changed, f"label set changed: {_names(self.labels_changed)}"),
            ("major", self.column_order_changed, "columns reordered"),
            ("minor", self.status == "added", "table added"),
            ("minor", self.columns_added, f"{noun(len(self.columns_added), 'column')} added: {_names(self.columns_added)}"),
            ("minor", self.added, f"{counted(len(self.added), 'row')} added"),
            ("minor", self.removed, f"{counted(len(self.removed), 'row')} removed"),
            ("patch", self.changed, f"{counted(len(self.changed), 'row')} corrected"),
            ("patch", self.row_order_changed, "rows reordered"),
            ("patch", self.stamps_changed, f"file {noun(len(self.stamps_changed), 'stamp')} changed: {_names(self.stamps_changed)}"),
        )
        return [(level, what) for level, applies, what in rules if applies]

    @property
    def schema_changed(self) -> bool:
        return bool(
            self.columns_added or self.columns_removed or self.columns_retyped
            or self.labels_changed or self.column_order_changed
        )


NO_TABLE_CHANGED = "no table changed: a patch if the documents changed; release refuses one where nothing did"


@dataclass
class DatasetDiff:
    old: str
    new: str
    tables: list[TableDiff]
    pinned: dict[str, str] = field(default_factory=dict)
    """side ("old", "new") -> the MANIFEST.json sha256 that side was checked against (`--old-pin`,
    `--new-pin`), so a CI log says which releases were compared, not only their names (eco70)"""

    @property
    def changed_tables(self) -> list[TableDiff]:
        return [t for t in self.tables if t.status != "same"]

    def required_bump(self) -> tuple[str, list[str]]:
        """The smallest version bump this diff allows, and why (README: Versions and releases)."""
        changes = [(level, f"{t.table}: {what}") for t in self.tables for level, what in t.changes()]
        for level in ("major", "minor", "patch"):
            reasons = [what for found, what in changes if found == level]
            if reasons:
                return level, reasons
        # diff compares tables only: documents alone may still change, as a patch; with nothing
        # changed `release` refuses the release, which "patch" alone had not said (newuser43)
        return "patch", [NO_TABLE_CHANGED]

    def to_dict(self) -> dict:
        level, reasons = self.required_bump()
        return {
            "old": self.old,
            "new": self.new,
            "required_bump": level,
            "reasons": reasons,
            "pinned": {side: self.pinned.get(side) for side in ("old", "new")},
            "tables": {t.table: asdict(t) for t in self.tables},
        }

    def to_json(self) -> str:
        """Strict JSON (RFC 8259 has no NaN): a non-finite float is written as the string "NaN",
        "Infinity" or "-Infinity", so any JSON parser reads the report."""
        return json.dumps(_finite_json(self.to_dict()), indent=2, ensure_ascii=False, default=str,  # dates, bytes of retyped columns
                          allow_nan=False)

    def to_text(self, per_table: int = 20) -> str:
        lines = [f"landstrikes diff {visible(self.old)} -> {visible(self.new)}"]
        if self.pinned:
            lines.append("pinned: " + "; ".join(f"{side} MANIFEST.json sha256 {digest}" for side, digest in self.pinned.items()))
        for t in self.tables:
            lines.extend(table_text(t, per_table))
        level, reasons = self.required_bump()
        lines.append(f"required bump: {level} ({visible('; '.join(reasons))})")
        return "\n".join(lines)


def table_text(t: TableDiff, per_table: int = 20) -> list[str]:
    """The table's lines. Ids, table and column names come from the data and are shown with
    control characters escaped: an id holding a line break (a raw file's name) printed report
    lines of its own, a forged `required bump` among them (attack19)."""
    name = shown(t.table)
    if t.status in ("added", "removed"):
        return [f"{name}: table {t.status} ({counted(t.rows_new if t.status == 'added' else t.rows_old, 'row')})"]
    if t.status == "same":
        return [f"{name}: unchanged ({counted(t.rows_new, 'row')})"]
    lines = [
        f"{name}: {t.rows_old} -> {counted(t.rows_new, 'row')}; "
        f"{len(t.added)} added, {len(t.removed)} removed, {len(t.changed)} changed"
    ]
    for name in t.columns_added:
        lines.append(f"  + column {shown(name)}")
    for name in t.columns_removed:
        lines.append(f"  - column {shown(name)}")
    for name, change in t.columns_retyped.items():
        lines.append(f"  ~ column {shown(name)}: {shown(change['old'])} -> {shown(change['new'])}")
    for name, change in t.labels_changed.items():
        lines.append(f"  ~ labels of {shown(name)}: {change['old']} -> {change['new']}")
    if t.column_order_changed:
        lines.append("  ~ column order changed")
    if t.row_order_changed:
        lines.append("  ~ row order changed")
    for key, change in t.stamps_changed.items():
        lines.append(f"  ~ file stamp {shown(key)}: {_stamp(change['old'])} -> {_stamp(change['new'])}")
    listed = 0
    for sign, ids, rows in (("+", t.added, t.added_rows), ("-", t.removed, t.removed_rows)):
        for row_id in ids:
            if listed < per_table:
                lines.append(f"  {sign} {_row_id(row_id)}")
                lines.extend(_row_lines(t.table, rows.get(row_id, {})))
            listed += 1
    for change in t.changed:
        if listed < per_table:
            moved = f" (was {_row_id(change.old_id)})" if change.old_id != change.id else ""
            lines.append(f"  ~ {_row_id(change.id)}{moved}")
            for column, (old, new) in change.columns.items():
                old_text, new_text = _show_pair(old, new)
                lines.append(f"      {shown(column)}: {old_text} -> {new_text}")
        listed += 1
    if listed > per_table:
        lines.append(f"  ... and {counted(listed - per_table, 'more row')} (use --json for all)")
    return lines


def _row_lines(table: str, row: dict, limit: int = 100) -> list[str]:
    """An added or removed row's values under its id, one column a line but its id column, each
    drawn and cut as a changed value's side is (a reviewer had the id alone; attack50)."""
    spec = TABLES_BY_NAME.get(table)
    own = spec.id_column if spec is not None else None
    return [f"      {shown(column)}: {_show_value(value, limit)}" for column, value in row.items() if column != own]


def _show_value(value, limit: int = 100) -> str:
    """One value drawn as `_show_pair` draws a side, cut to `limit` characters; a long text is drawn
    only as far as it is shown."""
    if isinstance(value, str) and len(value) > 2 * limit:
        return _cut(_drawn(value[: 2 * limit]), 0, limit, after=True)
    return _cut(_drawn(value), 0, limit)


def _stamp(value) -> str:
    return "(none)" if value is None else repr(shown(value, 80))


def _stamps(table) -> dict[str, str]:
    """A table's key-value metadata, text, but for the stamp every release changes."""
    return {key.decode("utf-8", "replace"): value.decode("utf-8", "replace")
            for key, value in (table.schema.metadata or {}).items() if key not in UNCOMPARED_STAMPS}


UNCOMPARED_STAMPS = (b"landstrikes.dataset_version",)


def _row_id(row_id) -> str:
    """A row's id on a report line; the empty string as `''` (it had left nothing where the id stands)."""
    return "''" if row_id == "" else shown(row_id)


def _names(names) -> str:
    return ", ".join(names)


_JSON_CHARACTER = re.compile(r'\\u[0-9a-fA-F]{4}|\\.|.', re.S)


def _drawn(value) -> list[str]:
    """The value as the report draws it, one item per character drawn: a JSON escape (`\\n`), a
    character `visible` escapes (`\\x85`), a grapheme cluster (a letter with its accents, an emoji
    with its modifiers and joined emoji, a flag's two letters). json.dumps escapes C0 controls only:
    U+2028, U+2029 and NEL, where splitlines breaks too, and C1 controls are escaped as ids are (a
    changed value forged a verdict line; attack22)."""
    drawn: list[str] = []
    before, regional_run = "", 0
    for found in _JSON_CHARACTER.finditer(json.dumps(value, ensure_ascii=False, default=str)):
        token = found.group()
        character = json.loads(f'"{token}"') if token.startswith("\\") else token
        if drawn and _joins(before, character, regional_run):
            drawn[-1] += visible(token) if len(token) == 1 else token
        else:
            drawn.append(visible(token) if len(token) == 1 else token)
        regional_run = regional_run + 1 if _regional(character) else 0
        before = character
    return drawn


ZWJ = "\u200d"


def _joins(before: str, character: str, regional_run: int) -> bool:
    """`character` belongs to the grapheme cluster of the one `before` it, `regional_run` regional
    indicators ending there: UAX #29's rules GB3 (CR LF), GB9 and GB9a (extending marks, joiners,
    emoji modifiers, tag characters, spacing marks), GB11 (an emoji after a joiner) and GB12-13 (a
    flag's two letters); Hangul jamo and prepended marks aside. attack48: diff's cut kept a letter's
    accents but split a ZWJ emoji sequence or a flag."""
    code = ord(character)
    return ((before == "\r" and character == "\n") or unicodedata.category(character) in ("Mn", "Me", "Mc")
            or code in (0x200C, 0x200D) or 0x1F3FB <= code <= 0x1F3FF or 0xE0020 <= code <= 0xE007F
            or (before == ZWJ and _pictographic(character)) or (_regional(character) and regional_run % 2 == 1))


def _regional(character: str) -> bool:
    return 0x1F1E6 <= ord(character) <= 0x1F1FF


def _pictographic(character: str) -> bool:
    return unicodedata.category(character) == "So" or 0x1F000 <= ord(character) <= 0x1FAFF


def _cut(drawn: list[str], start: int, limit: int, before: bool = False, after: bool = False) -> str:
    """At most `limit` characters of the drawn characters from `start`, an ellipsis standing for
    what is left out (`before`, `after`: more of the value lies outside `drawn`); never part of one
    (attack47: cut after escaping, a run of NEL was shown from the middle of an escape, `…85\\x85`,
    as if the value held the digits 8 and 5)."""
    lead = "…" if start > 0 or before else ""
    body = drawn[start:]
    if not after and len(lead) + sum(map(len, body)) <= limit:
        return lead + "".join(body)
    room, kept = limit - len(lead) - 1, []
    for character in body:
        if len(character) > room:
            break
        kept.append(character)
        room -= len(character)
    return lead + "".join(kept) + "…"


def _show_pair(old, new, limit: int = 100, context: int = 30) -> tuple[str, str]:
    """Both sides of a changed value, each cut to `limit` characters from the same place: a little
    before their first difference. Cut at their starts, two long values differing past the limit
    (an alias appended to a sorted list, a note's last clause) printed the same text on both sides
    of `->` (newuser46)."""
    if isinstance(old, str) and isinstance(new, str) and max(len(old), len(new)) > limit:
        return _show_texts(old, new, limit, context)
    old_drawn, new_drawn = _drawn(old), _drawn(new)
    if sum(map(len, old_drawn)) <= limit and sum(map(len, new_drawn)) <= limit:
        return "".join(old_drawn), "".join(new_drawn)
    first = next((i for i, (a, b) in enumerate(zip(old_drawn, new_drawn)) if a != b), min(len(old_drawn), len(new_drawn)))
    start = 0 if sum(map(len, old_drawn[:first])) < limit - context else _back(old_drawn, first, context)
    return _cut(old_drawn, start, limit), _cut(new_drawn, start, limit)


def _back(drawn: list[str], first: int, context: int) -> int:
    """The drawn character `context` characters or fewer before `first`."""
    start, before = first, 0
    while start > 0 and before + len(drawn[start - 1]) <= context:
        start -= 1
        before += len(drawn[start])
    return start


def _show_texts(old: str, new: str, limit: int, context: int) -> tuple[str, str]:
    """`_show_pair` of two texts, one of them long, drawing only the stretch shown (a text of a
    million characters is not drawn whole for its 100)."""
    first = len(os.path.commonprefix([old, new]))
    while first > 0 and (_mark(old, first) or _mark(new, first)):
        first -= 1  # a letter whose accents differ differs from the letter on
    low = 0 if first < limit else first - limit
    while _mark(old, low):
        low -= 1
    drawn = []
    for text in (old, new):
        high = min(len(text), first + limit)
        while _mark(text, high):
            high += 1
        before, after = _inner(text[low:first]), _inner(text[first:high])
        drawn.append(((['"'] if low == 0 else []) + before, after + (['"'] if high == len(text) else []), high < len(text)))
    (old_before, old_after, _), _ = drawn
    start = 0 if low == 0 and sum(map(len, old_before)) < limit - context else _back(old_before + old_after, len(old_before), context)
    return tuple(_cut(before + after, start, limit, before=low > 0, after=more) for before, after, more in drawn)


def _inner(text: str) -> list[str]:
    """`_drawn` of a stretch of a text, without the quotes around it."""
    return _drawn(text)[1:-1]


def _mark(text: str, at: int) -> bool:
    """The character at `at` is drawn with the one before it (`_joins`): no cut falls there."""
    if not 0 < at < len(text):
        return False
    run, back = 0, at - 1
    while back >= 0 and _regional(text[back]):
        run, back = run + 1, back - 1
    return _joins(text[at - 1], text[at], run)


def describe_folder(folder: Path, manifest: dict | None = None) -> dict[str, dict]:
    """table -> {id_column, columns}: from the manifest of a release (`manifest`, the one that was
    verified, when given: a second read could be another file; attack42), else from the files."""
    folder = Path(folder)
    if manifest is not None:
        return dict(manifest["tables"])
    if (folder / MANIFEST).is_file():
        return {name: t for name, t in read_manifest(folder)["tables"].items()}
    data = tables_root(folder)
    if not data.is_dir():
        raise UnreadableTable(f"{data}: not a folder of tables (missing, a file or a symlink loop)"
                              f"{one_level_too_deep(folder, TABLES)}", "unreadable-folder")
    for spec in TABLES:  # a table there but unreadable is refused as validate refuses it, never "removed" (attack45)
        refused = refused_table(data / spec.name)
        if refused is not None and refused.check != "missing-table":
            raise refused
    files = table_files_below(data)
    if not files:
        raise UnreadableTable(f"{data}: no table folder with a .parquet file{one_level_too_deep(folder, TABLES)}",
                              "unreadable-folder")
    described = {}
    for name, parts in files.items():
        read_part_schema(parts[0])  # a 0-byte or garbage file is named in one line, not a traceback
        described[name] = describe_table(name, parts[0])
    return described


def tables_root(folder: Path) -> Path:
    """The folder holding `folder`'s table folders: its data/, or `folder` itself when it has no
    data/ but a table folder (a copy of a data/ folder under another name), as `validate` reads it
    (attack48: diff refused such a folder that validate, render and evaluate accept)."""
    folder = Path(folder)
    if os.path.lexists(folder / "data") or (folder / MANIFEST).is_file():
        return folder / "data"
    if any(os.path.lexists(folder / spec.name) for spec in TABLES):
        return folder
    return folder / "data"


def diff_folders(old: Path, new: Path, old_name: str | None = None, new_name: str | None = None,
                 old_manifest: dict | None = None, new_manifest: dict | None = None) -> DatasetDiff:
    """Compare two folders with data/<table>/*.parquet (releases, a dataset folder, a copy).

    A release's verified manifest (`old_manifest`, `new_manifest`) describes it, and its tables
    are parsed from bytes hashed against it as they are read (`read_verified`, as `load` reads):
    a table or manifest replaced after verification is refused, never compared (attack42)."""
    old, new = Path(old), Path(new)
    old_tables, new_tables = describe_folder(old, old_manifest), describe_folder(new, new_manifest)
    order = list(new_tables) + [name for name in old_tables if name not in new_tables]
    tables = []
    for name in order:
        if name not in old_tables:
            tables.append(TableDiff(name, "added", rows_new=_read(new, name, manifest=new_manifest).num_rows))
        elif name not in new_tables:
            tables.append(TableDiff(name, "removed", rows_old=_read(old, name, manifest=old_manifest).num_rows))
        else:
            tables.append(diff_table(name, (old, old_manifest), (new, new_manifest), old_tables[name], new_tables[name]))
    return DatasetDiff(old_name or str(old), new_name or str(new), tables)


def _read(folder: Path, table: str, id_column: str | None = None, manifest: dict | None = None):
    """The table's rows, checked so that comparing them cannot fail halfway (see read_comparable);
    from a release whose verified manifest is given, the very bytes that hashed to it."""
    verified = None
    if manifest is not None:
        from landstrikes.releases.loading import read_verified

        verified = read_verified(folder, manifest, table, stamped=True)
    return read_comparable(tables_root(folder) / table, TABLES_BY_NAME.get(table), (id_column,) if id_column else (),
                           table=verified)


def diff_table(name: str, old: tuple[Path, dict | None], new: tuple[Path, dict | None], old_desc: dict,
               new_desc: dict) -> TableDiff:
    """`old` and `new`: (folder, its verified manifest or None)."""
    (old, old_manifest), (new, new_manifest) = old, new
    result = TableDiff(name)
    diff_columns(result, old_desc["columns"], new_desc["columns"])
    old_table, new_table = (_read(old, name, old_desc["id_column"], old_manifest),
                            _read(new, name, new_desc["id_column"], new_manifest))
    old_stamps, new_stamps = _stamps(old_table), _stamps(new_table)
    result.stamps_changed = {key: {"old": old_stamps.get(key), "new": new_stamps.get(key)}
                             for key in sorted(set(old_stamps) | set(new_stamps)) if old_stamps.get(key) != new_stamps.get(key)}
    old_rows = _keyed(old_table.to_pylist(), old_desc["id_column"], tables_root(old) / name)
    new_rows = _keyed(new_table.to_pylist(), new_desc["id_column"], tables_root(new) / name)
    result.rows_old, result.rows_new = len(old_rows), len(new_rows)
    result.row_order_changed = _order_changed(old_rows, new_rows)
    common = [c["name"] for c in new_desc["columns"] if c["name"] not in result.columns_added]
    removed = sorted(set(old_rows) - set(new_rows))
    added = sorted(set(new_rows) - set(old_rows))
    pairs = match_corrected_spans({i: old_rows[i] for i in removed}, {i: new_rows[i] for i in added})
    for old_id, new_id in pairs:
        removed.remove(old_id)
        added.remove(new_id)
    pairs += [(i, i) for i in sorted(set(old_rows) & set(new_rows))]
    for old_id, new_id in pairs:
        before, after = old_rows[old_id], new_rows[new_id]
        columns = {c: [before.get(c), after.get(c)] for c in common if not _same(before.get(c), after.get(c))}
        if columns:
            result.changed.append(RowChange(new_id, old_id, columns))
    result.changed.sort(key=lambda change: change.id)
    result.added, result.removed = added, removed
    result.added_rows = {i: new_rows[i] for i in added}
    result.removed_rows = {i: old_rows[i] for i in removed}
    if result.schema_changed or added or removed or result.changed or result.row_order_changed or result.stamps_changed:
        result.status = "changed"
    return result


def diff_columns(result: TableDiff, old_columns: list[dict], new_columns: list[dict]) -> None:
    old_by, new_by = {c["name"]: c for c in old_columns}, {c["name"]: c for c in new_columns}
    result.columns_added = [n for n in new_by if n not in old_by]
    result.columns_removed = [n for n in old_by if n not in new_by]
    for name in (n for n in new_by if n in old_by):
        before, after = old_by[name], new_by[name]
        if (before["type"], before["nullable"]) != (after["type"], after["nullable"]):
            result.columns_retyped[name] = {
                "old": _type_text(before), "new": _type_text(after),
            }
        if before.get("labels") != after.get("labels"):
            result.labels_changed[name] = {"old": before.get("labels"), "new": after.get("labels")}
    kept_old = [n for n in old_by if n in new_by]
    kept_new = [n for n in new_by if n in old_by]
    result.column_order_changed = kept_old != kept_new


def _type_text(column: dict) -> str:
    return f"{column['type']}{' (nullable)' if column['nullable'] else ''}"


def _keyed(rows: list[dict], id_column: str, where: Path) -> dict[str, dict]:
    """Rows by id. A repeated id (a second part repeating rows, or one row twice with other
    values) is refused: keeping one row per id would hide the other and call the tables equal."""
    keyed = {}
    for number, row in enumerate(rows):
        key = str(row[id_column])
        if key in keyed:
            raise UnreadableTable(f"{where}: id {key[:80]!r} is repeated in row {number}: rows cannot be compared by id", "duplicate-id")
        keyed[key] = row
    return keyed


def _order_changed(old_rows: dict[str, dict], new_rows: dict[str, dict]) -> bool:
    """Whether the ids both sides hold come in another order (rows keyed in file order)."""
    return [i for i in old_rows if i in new_rows] != [i for i in new_rows if i in old_rows]


def _same(old, new) -> bool:
    """Exact equality of two cell values: NaN equals NaN, -0.0 differs from 0.0, lists item by item."""
    if isinstance(old, float) and isinstance(new, float):
        return (math.isnan(old) and math.isnan(new)) or (old == new and math.copysign(1, old) == math.copysign(1, new))
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(_same(a, b) for a, b in zip(old, new))
    return old == new


def _is_span(row: dict) -> bool:
    """An article id and integer offsets (a retyped or null offset cannot be matched)."""
    start, end = row.get("start"), row.get("end")
    return row.get("article_id") is not None and isinstance(start, int) and isinstance(end, int)


def match_corrected_spans(removed: dict[str, dict], added: dict[str, dict]) -> list[tuple[str, str]]:
    """(old id, new id) pairs: same article, overlapping [start, end); largest overlap first.

    Each removed span is compared only with the added spans of its article that can overlap it
    (`SpanIndex`): comparing every pair took 100 s for 20,000 re-derived ids (attack17)."""
    index = SpanIndex((_article_key(after["article_id"]), after["start"], after["end"], new_id)
                      for new_id, after in added.items() if _is_span(after))
    candidates = []
    for old_id, before in removed.items():
        if not _is_span(before):
            continue
        for start, end, new_id in index.overlapping(_article_key(before["article_id"]), before["start"], before["end"]):
            overlap = min(before["end"], end) - max(before["start"], start)
            if overlap > 0:
                candidates.append((-overlap, old_id, new_id))
    pairs, used_old, used_new = [], set(), set()
    for _, old_id, new_id in sorted(candidates):
        if old_id not in used_old and new_id not in used_new:
            pairs.append((old_id, new_id))
            used_old.add(old_id)
            used_new.add(new_id)
    return sorted(pairs)


def _article_key(article_id):
    """The article id as a dict key (an unvalidated folder's id column may hold lists)."""
    try:
        hash(article_id)
    except TypeError:
        return ("unhashable", json.dumps(article_id, sort_keys=True, default=str))
    return article_id


def _finite_json(value):
    """`value` with every non-finite float replaced by its name (NaN, Infinity, -Infinity)."""
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else "Infinity" if value > 0 else "-Infinity"
    if isinstance(value, dict):
        return {k: _finite_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite_json(v) for v in value]
    return value
