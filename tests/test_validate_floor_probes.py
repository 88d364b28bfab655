"""benchmarks/validate_floor.py measures validate against a floor read on the same terms: the
floor that gives the verdict declines transparent huge pages as `landstrikes validate` does
(session 40: the bare floor's kernel time, zeroing huge pages, had put the ratio under 3x while
validate computed ~9x the floor's user time), and still reads every table and every string."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

import validate_floor  # noqa: E402

from landstrikes.hugepages import PR_SET_THP_DISABLE, _prctl, huge_pages_declined  # noqa: E402


def _with_page_report(probe: str) -> str:
    """The probe, printing beside its result whether its process declined huge pages."""
    return probe.replace('result = {"rows": rows, "chars": chars}',
                         'from landstrikes.hugepages import huge_pages_declined\n'
                         'result = {"rows": rows, "chars": chars, "declined": huge_pages_declined()}')


@contextlib.contextmanager
def huge_pages_allowed():
    """This process with huge pages allowed for the block (children inherit the flag, and a test
    worker may have declined them: the suite's in-process commands do), then as it was."""
    declined = huge_pages_declined()
    _prctl(PR_SET_THP_DISABLE, 0)
    try:
        yield
    finally:
        if declined:
            _prctl(PR_SET_THP_DISABLE, 1)


def test_the_verdict_floor_declines_huge_pages_as_validate_does_and_the_bare_floor_does_not():
    if not sys.platform.startswith("linux"):
        pytest.skip("prctl(PR_SET_THP_DISABLE) is Linux's")
    with huge_pages_allowed():
        assert not huge_pages_declined()
        same = validate_floor.child(_with_page_report(validate_floor.FLOOR_SAME_PAGES), REPO / "dataset")
        bare = validate_floor.child(_with_page_report(validate_floor.FLOOR), REPO / "dataset")
    assert same["result"]["declined"] is True
    assert bare["result"]["declined"] is False
    assert "decline_transparent_huge_pages()" in validate_floor.VALIDATE


def test_the_verdict_floor_reads_what_the_bare_floor_reads():
    same = validate_floor.child(validate_floor.FLOOR_SAME_PAGES, REPO / "dataset")["result"]
    bare = validate_floor.child(validate_floor.FLOOR, REPO / "dataset")["result"]
    assert same == bare
    assert same["rows"] > 0 and same["chars"] > 0
