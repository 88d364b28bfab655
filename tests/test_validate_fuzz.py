"""Fuzzing validate (hypothesis) on mutated copies of the built tables.

Invariants: no input gives a traceback (validate, its reports, diff and evaluate) or a hang,
and no input known to be invalid (NaN/inf, null list items, invalid UTF-8, other Arrow types,
blank required text, truncated files) gives VALID: each mutation's check id is reported for its
table. Byte flips may leave a valid file (a flipped label or letter is still a label or letter;
that is what release checksums are for), so for them only "no traceback" is asserted.
"""

from __future__ import annotations

import contextlib
import shutil
import signal
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from arrowbreak import part, read, with_values, write
from landstrikes.releases.diff import diff_folders
from landstrikes.evaluate import evaluate
from landstrikes.schema import validate
from landstrikes.schema.arrowchecks import text_required
from landstrikes.schema.registry import TABLES, TABLES_BY_NAME
from landstrikes.schema.tableio import UnreadableTable

FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

INVALID_UTF8 = [b"\xff", b"\xc3(", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x82", b"\x80", b"\xc0\xaf"]
RETYPES = {
    "int": [pa.float64(), pa.int32(), pa.string(), pa.uint64()],
    "float": [pa.float32(), pa.string(), pa.int64()],
    "string": [pa.large_string(), pa.binary(), pa.dictionary(pa.int32(), pa.string())],
    "bool": [pa.int8(), pa.string()],
    "string_list": [pa.large_list(pa.string()), pa.list_(pa.large_string())],
}
BUSY = [spec for spec in TABLES if spec.name != "mention_exclusions"]  # the only table with no rows


@contextlib.contextmanager
def no_hang(seconds: int = 120):
    """Fails the example if it runs past `seconds` (a hang), instead of blocking the suite."""

    def stop(*_):
        raise AssertionError(f"no answer within {seconds} s (a hang)")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def copy_of(built: Path):
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "copy"
        shutil.copytree(built / "data", target / "data")
        yield target


@st.composite
def known_invalid(draw, rows: dict[str, int]):
    """(table, column, kind, payload, expected check id) for one mutation known to be invalid."""
    kind = draw(st.sampled_from(["non-finite", "null-item", "utf8", "retype", "blank"]))
    spec = draw(st.sampled_from(BUSY))
    columns = {
        "non-finite": [c for c in spec.columns if c.type == "float"],
        "null-item": [c for c in spec.columns if c.type == "string_list"],
        "utf8": [c for c in spec.columns if c.type in ("string", "string_list")],
        "retype": list(spec.columns),
        "blank": [c for c in spec.columns if text_required(spec, c)],
    }[kind]
    assume(columns)
    col = draw(st.sampled_from(columns))
    row = draw(st.integers(0, rows[spec.name] - 1))
    if kind == "non-finite":
        return spec.name, col.name, row, draw(st.sampled_from([float("nan"), float("inf"), float("-inf")])), "non-finite-float"
    if kind == "null-item":
        return spec.name, col.name, row, ("null-item", draw(st.integers(0, 3))), "null-list-item"
    if kind == "utf8":
        return spec.name, col.name, row, ("utf8", draw(st.sampled_from(INVALID_UTF8)), draw(st.integers(0, 40))), "invalid-utf8"
    if kind == "retype":
        return spec.name, col.name, row, ("retype", draw(st.sampled_from(RETYPES[col.type]))), "wrong-dtype"
    return spec.name, col.name, row, draw(st.sampled_from(["", " ", "\t\n", "\u00a0"])), "empty-string"


def apply(folder: Path, table: str, column: str, row: int, payload) -> None:
    arrow = read(folder, table)
    current = arrow.column(column)[row].as_py()
    if isinstance(payload, tuple) and payload[0] == "retype":
        index = arrow.schema.get_field_index(column)
        try:
            retyped = arrow.column(index).cast(payload[1])
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            assume(False)  # a cast Arrow refuses (e.g. text to a number): nothing to write
        write(folder, table, arrow.set_column(index, pa.field(column, payload[1]), retyped))
        return
    if isinstance(payload, tuple) and payload[0] == "null-item":
        items = list(current or [])
        value = items[: payload[1]] + [None] + items[payload[1]:]
    elif isinstance(payload, tuple) and payload[0] == "utf8":
        bad, at = payload[1], payload[2]
        if isinstance(current, list):
            items = [s.encode() for s in current]
            item = items[0] if items else b""
            value = [item[:at] + bad + item[at:], *items[1:]]
        else:
            text = (current or "").encode()
            value = text[:at] + bad + text[at:]
    elif isinstance(current, list):
        value = [payload, *current]
    else:
        value = payload
    write(folder, table, with_values(arrow, column, {row: value}))


def assert_no_traceback(report) -> None:
    """A report renders both ways, and no check crashed (a crash is a traceback in disguise)."""
    report.to_text()
    report.to_json()
    crashed = [f.message for f in report.findings if f.check == "check-crashed"]
    assert not crashed, crashed


@pytest.fixture(scope="module")
def rows(built_dataset) -> dict[str, int]:
    return {spec.name: read(built_dataset, spec.name).num_rows for spec in TABLES}


@FUZZ
@given(st.data())
def test_no_known_invalid_mutation_gives_valid_or_a_traceback(built_dataset, rows, data):
    mutations = data.draw(st.lists(known_invalid(rows), min_size=1, max_size=3, unique_by=lambda m: (m[0], m[1])))
    with copy_of(built_dataset) as folder, no_hang():
        for table, column, row, payload, _ in mutations:
            apply(folder, table, column, row, payload)
        report = validate(folder)
        assert_no_traceback(report)
        assert report.exit_code == 1
        found = {(f.table, f.check) for f in report.findings}
        assert {(table, check) for table, _, _, _, check in mutations} <= found, report.to_text()


@FUZZ
@given(st.data())
def test_flipped_or_truncated_bytes_never_give_a_traceback(built_dataset, data):
    spec = data.draw(st.sampled_from(TABLES))
    truncate = data.draw(st.booleans())
    with copy_of(built_dataset) as folder, no_hang():
        path = part(folder, spec.name)
        raw = bytearray(path.read_bytes())
        if truncate:
            raw = raw[: data.draw(st.integers(0, len(raw) - 1))]
        else:
            for position in data.draw(st.lists(st.integers(0, len(raw) - 1), min_size=1, max_size=8)):
                raw[position] ^= 1 << data.draw(st.integers(0, 7))
        path.write_bytes(bytes(raw))
        report = validate(folder)
        assert_no_traceback(report)
        if truncate:
            assert report.exit_code == 2 and report.unusable
        for compare in (lambda: diff_folders(built_dataset, folder), lambda: evaluate(folder, built_dataset)):
            try:
                compare()
            except (UnreadableTable, ValueError):
                pass  # the one-line, exit-2 errors of diff and evaluate
