"""Why an article was not extracted: one row per failure, written to OUT/extract_errors.csv.

A failure is a value (check id, file, one-line reason), never an exception that stops the run:
the other articles are still written, and the CLI exits 3 naming how many failed.
"""

from __future__ import annotations

import csv
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from landstrikes.errors import naming, visible
from landstrikes.schema.report import one_line as _one_line

ERRORS_FILE = "extract_errors.csv"
DUPLICATES_FILE = "extract_duplicates.csv"
REASON_CHARS = 200
"""A reason is one line of at most this many characters (an exception message can be huge)."""


@dataclass(frozen=True)
class Failure:
    """An article the run could not extract: `check` is a stable id, `reason` one short line."""

    article_id: str
    source_file: str
    check: str
    reason: str

    def line(self) -> str:
        """One line on stderr, whatever the file's name holds (a newline is shown escaped)."""
        return f"{self.check}: {visible(self.source_file)}: {self.reason}"


@dataclass(frozen=True)
class Duplicate:
    """A file whose text is byte-identical to a kept article's: it gets no rows of its own."""

    source_file: str
    kept_article_id: str
    kept_source_file: str
    sha256: str


def one_line(message: str) -> str:
    """A message folded to one line and cut to REASON_CHARS (nothing multi-line reaches stderr)."""
    return _one_line(message, REASON_CHARS)


def write_rows(path: Path, rows: list, kind: type) -> None:
    """A CSV with a header even when there is no row, so readers need no special case."""
    names = [f.name for f in fields(kind)]
    with naming(path), open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=names)
        writer.writeheader()
        writer.writerows(asdict(r) for r in rows)
