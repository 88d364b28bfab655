"""Validation results as data: every failure is a Finding with a stable check id and a place."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

EXIT_VALID = 0
EXIT_INVALID = 1
EXIT_UNUSABLE = 2


NULL_ROW_ID = "<null>"


class _NoRow:
    def __repr__(self) -> str:
        return "NO_ROW"


NO_ROW = _NoRow()
"""`Report.add`'s row for a finding of no one row (a missing table, a stamp, a column's type):
shown as the whole table. Any other row id, the empty string included, names a row (attack46:
"" had meant both, so every finding of a row whose id is '' read `(whole table)`)."""
"""The row id of a finding about a row whose id is null, one spelling wherever the check met the
null: pandas' NaN or NA or Python's None had it spelt "nan", "<NA>" or "None" by the check, so
`validate --engine` and one folder named one row two ways (session 28)."""


class NullId(str):
    """A row id standing in for a row whose id is null or unreadable: its place, `#N`. Told apart
    from an id spelt `#N` in `--json` (`row_id_null`, attack48)."""

    __slots__ = ()


def _is_null(value) -> bool:
    if value is None or type(value).__name__ == "NAType":  # pandas' NA (its `!=` is NA, which bool() refuses)
        return True
    try:
        return bool(value != value)  # NaN
    except (TypeError, ValueError):
        return False


@dataclass(frozen=True, order=True)
class Finding:
    """One failed check: which check, where (table, row id, column), the value, and why."""

    table: str
    check: str
    row_id: str
    column: str
    value: str
    message: str
    has_value: bool = field(default=False, compare=False, repr=False)
    has_row: bool = field(default=False, compare=False, repr=False)
    """A row was named (`Report.add` given a row id, not NO_ROW): `row_id` "" is then a row whose id
    is the empty string, shown as `row ''`, else the finding is the whole table's (attack46). Not
    compared, not in `--json`, like `has_value`."""
    """A value was given, not None nor null: `value` "" is then the empty string, shown as `''` in
    the text report; else nothing is shown (attack45: an empty cell's '' had been hidden as if the
    finding had no value). Not compared; in `--json` as `has_value`."""
    row_null: bool = field(default=False, compare=False, repr=False)
    """The row named has a null or unreadable id (`row_id` then reads `<null>` or the row's place
    `#N`, as an id spelt so does). Not compared; in `--json` as `row_id_null`."""
    value_of: str = field(default="", compare=False, repr=False)
    """What the value is when it is not the cell of `column` in the row named: a few words, e.g.
    `text[674:690]` (a slice of the cell), `its text` (an offset's span), `an item`, `sha256 of
    raw/X.txt`. Empty: the value is that cell, as written. The text report shows it in place of
    `value` and `--json` as `value_of` (null: the cell). attack56: 48 check ids named a column
    and printed another thing's value (`raw-text-changed`: column `text`, a digest), so a reader
    took the words of a slice for the cell."""

    def as_json(self) -> dict:
        """A `--json` finding: the six fields, and what tells apart the findings that share a `row_id`
        or `value` (attack48: `row_id: ""` was both a whole-table finding and a row whose id is '',
        `<null>` both a null id and an id spelt so, `value: ""` both no value and an empty one)."""
        return {"table": self.table, "check": self.check, "row_id": self.row_id, "column": self.column,
                "value": self.value, "message": self.message, "whole_table": not self.of_a_row(),
                "row_id_null": self.row_null, "has_value": self.has_value, "value_of": self.value_of or None}

    def of_a_row(self) -> bool:
        """The finding names a row (its id may be the empty string), not the table as a whole."""
        return bool(self.row_id) or self.has_row

    def row_words(self) -> str:
        """`row ID` for a finding of a row (`row ''` for a row whose id is the empty string), else "".
        A row whose id is null reads `row #N (id null)` or `row <null> (id null)`; an id that could
        be read as one of those (it starts `#` or `<null>`) is quoted, `row '#1'` (attack50: both
        had read `row #1`, told apart only in `--json`)."""
        if not self.of_a_row():
            return ""
        if self.row_null:
            return f"row {_short(self.row_id, 200)} (id null)"
        if not self.row_id or self.row_id.startswith(("#", NULL_ROW_ID)):
            return f"row {_short(repr(self.row_id), 200)}"
        return f"row {_short(self.row_id, 200)}"

    def shown_value(self) -> str:
        """` (value: ...)` for the text report, or "" for a finding without a value."""
        if not self.has_value:
            return ""
        return f" ({self.value_of or 'value'}: {self.value if self.value != '' else repr('')})"


@dataclass
class TableResult:
    name: str
    rows: int | None = None
    present: bool = True


@dataclass
class Report:
    """Everything one validation run found; rendered for people or machines by the CLI."""

    path: str
    tables: dict[str, TableResult] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    unusable: str | None = None
    checked: dict = field(default_factory=dict)
    """What was checked, for the report to name it (eco39): `dataset_versions` and
    `schema_versions` the tables' files are stamped with, and for a release `manifest_sha256`,
    `pinned`, `release_version` and `guidelines_version` (landstrikes.releases.copy_check), and
    `files` / `auto_files`: how many table files were read and how many are stamped source=auto."""

    @property
    def ok(self) -> bool:
        return self.unusable is None and not self.findings

    @property
    def exit_code(self) -> int:
        if self.unusable is not None:
            return EXIT_UNUSABLE
        return EXIT_VALID if not self.findings else EXIT_INVALID

    def add(self, table, check, message, row_id=NO_ROW, column="", value=None, value_of: str = "") -> None:
        """`row_id`: the row's id (None or a null: `<null>`), or NO_ROW, the default, for a finding
        of no one row; `value`: the value found, if any (None, the default, or a null: none), the
        cell of `column` in that row unless `value_of` says what else it is (Finding.value_of)."""
        named = row_id is not NO_ROW
        row = (NULL_ROW_ID if _is_null(row_id) else str(row_id)) if named else ""
        self.findings.append(Finding(table, check, row, column, _short(value), message, not _is_null(value), named,
                                     named and (_is_null(row_id) or isinstance(row_id, NullId)), value_of))

    def findings_for(self, table: str) -> list[Finding]:
        return [f for f in self.findings if f.table == table]

    def to_json(self) -> str:
        return json.dumps(
            {
                "path": self.path,
                "valid": self.ok,
                "exit_code": self.exit_code,
                "unusable": self.unusable,
                "tables": {
                    n: {"rows": t.rows, "present": t.present, "failures": len(self.findings_for(n))}
                    for n, t in self.tables.items()
                },
                "findings": [f.as_json() for f in sorted(self.findings)],
                "checked": self.checked_json(),  # last: the keys before it keep their places (eco39)
            },
            ensure_ascii=False,
            indent=2,
        )

    def summary_lines(self) -> list[str]:
        """One line per failing check id, in the order first found: how often, and where first."""
        first: dict[str, Finding] = {}
        counts: dict[str, int] = {}
        for f in self.findings:
            first.setdefault(f.check, f)
            counts[f.check] = counts.get(f.check, 0) + 1
        return [visible(f"FAIL {check} x{counts[check]}: first {_where(f)}") for check, f in first.items()]

    def to_text(self, per_table: int = 5) -> str:
        """For people: one line per failing check first, then the tables, then the details."""
        if self.unusable is not None:
            return f"UNUSABLE {visible(self.path)}: {visible(str(self.unusable))}"
        lines = self.summary_lines()
        lines.append(f"{'table':<20} {'rows':>8}  result")
        for name, t in self.tables.items():
            failures = self.findings_for(name)
            rows = "-" if t.rows is None else str(t.rows)
            result = "missing" if not t.present else ("ok" if not failures else f"FAIL ({len(failures)})")
            lines.append(f"{name:<20} {rows:>8}  {result}")
        # findings outside any table (a crashed check: table "*") are listed too
        others = sorted({f.table for f in self.findings} - set(self.tables))
        for name in [*self.tables, *others]:
            for f in sorted(self.findings_for(name))[:per_table]:
                where = f.row_words() or "table"
                col = f" column {_short(f.column, 200)}" if f.column else ""
                lines.append(visible(f"  [{f.check}] {f.table} {where}{col}: {_short(f.message, 400)}{f.shown_value()}"))
            extra = len(self.findings_for(name)) - per_table
            if extra > 0:
                lines.append(f"  ... and {extra} more in {name} (use --json for all)")
        lines.append(self.checked_line())
        checks = len({f.check for f in self.findings})
        verdict = "VALID" if self.ok else f"INVALID: {counted(len(self.findings), 'failure')} of {counted(checks, 'check')}"
        lines.append(verdict)
        return "\n".join(lines)


    def checked_json(self) -> dict:
        """`checked_line` for machines: every key always present (null: not stated)."""
        from landstrikes.schema.registry import SCHEMA_VERSION

        c = self.checked
        return {
            "dataset_version": _one(c.get("dataset_versions")),
            "dataset_versions": sorted(c.get("dataset_versions") or ()),
            "schema_version": _one(c.get("schema_versions")),
            "schema_versions": sorted(c.get("schema_versions") or ()),
            "validator_schema_version": SCHEMA_VERSION,
            "guidelines_version": c.get("guidelines_version"),
            "release": "manifest_sha256" in c,
            "release_version": c.get("release_version"),
            "manifest_sha256": c.get("manifest_sha256"),
            "pinned": bool(c.get("pinned")),
            "source": _source(c.get("files", 0), c.get("auto_files", 0)),
        }

    def checked_line(self) -> str:
        """One line naming what was judged (eco39): the dataset and schema versions the tables' files
        are stamped with, and for a release the guidelines version and MANIFEST.json's sha256, so a
        CI log says which corpus it vouched for (or failed)."""
        c = self.checked_json()
        dataset = _versions(c["dataset_versions"], "dataset version")
        schema = _versions(c["schema_versions"], "schema version")
        files, auto = self.checked.get("files", 0), self.checked.get("auto_files", 0)
        if c["source"] == "auto":
            line = f"checked: silver tables (source=auto) written by landstrikes {dataset}'s extract (schema {schema}"
        else:
            line = f"checked: dataset {dataset} (schema {schema}"
            if c["source"] == "mixed":
                line += f"; {auto} of {counted(files, 'file')} stamped silver, source=auto"
        if c["release"]:
            line += f", guidelines {c['guidelines_version'] or 'not stated'}); release MANIFEST.json sha256 {c['manifest_sha256'] or 'unreadable'}"
            line += ", pinned" if c["pinned"] else ", not pinned (--pin)"
        else:
            line += "); no MANIFEST.json: the tables alone"
        return visible(line)


def _source(files: int, auto: int) -> str:
    """What the files' `landstrikes.source` stamps say: `auto` (silver: every file), `mixed`, or
    `gold` (none stamped auto: the gold's files carry no source stamp)."""
    if auto and auto == files:
        return "auto"
    return "mixed" if auto else "gold"


def _one(versions) -> str | None:
    versions = sorted(versions or ())
    return versions[0] if len(versions) == 1 else None


def _versions(versions: list[str], what: str) -> str:
    if not versions:
        return f"not stated (no {what} stamp)"
    shown = [_short(v, 40) for v in versions[:3]]
    return shown[0] if len(versions) == 1 else "mixed: " + ", ".join(shown) + (" ..." if len(versions) > 3 else "")


def counted(number, word: str, plural: str | None = None, spec: str = "") -> str:
    """`number` and its noun in agreement, `1 article`, `2 articles`, `0 articles` (`spec` formats the
    number, `","` for thousands): a command's line had said `1 articles`, `unchanged (1 rows)`
    (attack48). `plural` for a noun that does not take an s."""
    return f"{number:{spec}} {noun(number, word, plural)}"


def noun(number, word: str, plural: str | None = None) -> str:
    """`word` as `number` of them asks, for a line that names the things after their noun (`column
    added: mine`, `columns added: a, b`): a line had written `column(s)` (attack50)."""
    return word if number == 1 else plural or word + "s"


def visible(text: str) -> str:
    """One line whatever a path, id or value holds, drawn as the characters it holds: every
    character Python does not call printable is escaped as repr shows it. That is C0 and C1
    controls (a newline, ESC, the 8-bit CSI U+009B), the line breaks of `str.splitlines` (NEL,
    U+2028, U+2029), bidirectional overrides and isolates (U+202E drew a line reversed) and
    invisible format characters (U+200B, U+FEFF, tag characters), which let two different ids
    print alike (attack3, attack19; the format characters and C1 in error lines: attack23)."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def shown(text, limit: int = 200) -> str:
    """An id or name from the data on a report line: cut to `limit` characters, then `visible`
    (a 200,000-character id printed a line of that length in validate's and diff's reports)."""
    return visible(_short(text, limit))


_BLANK_RUNS = re.compile(r"[ \t\n\r\f\v]+")


def one_line(text, limit: int) -> str:
    """A text we did not write (an OS or Arrow error, a whole schema) as one bounded line: runs of
    ASCII blanks folded to one space, then cut, then shown by `visible` (folding every Unicode
    space, as `str.split` does, had named a path holding U+2028 as one holding a space)."""
    flat = _BLANK_RUNS.sub(" ", str(text)).strip()
    return visible(flat if len(flat) <= limit else flat[: limit - 1] + "…")


def _where(f: Finding) -> str:
    row = f.row_words() or "(whole table)"
    column = f" column {_short(f.column, 200)}" if f.column else ""
    return f"{f.table} {row}{column}"


def _short(value, limit: int = 120) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
