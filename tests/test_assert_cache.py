""".ci/assert_cache.py writes the assert-rewritten bytecode pytest itself would cache: pytest reads
it back as the code it would make, and only for test modules and conftest."""

from __future__ import annotations

import shutil
from pathlib import Path

from _pytest.assertion.rewrite import PYC_TAIL, _read_pyc, _rewrite_test

import ciscripts

TESTS = Path(__file__).resolve().parent


def _script():
    return ciscripts.load("assert_cache")


def test_the_cache_written_is_read_back_as_the_code_pytest_makes(tmp_path):
    for name in ("test_marks.py", "conftest.py", "slowfirst.py"):
        shutil.copy(TESTS / name, tmp_path / name)
    assert _script().main(tmp_path) == 2
    for name in ("test_marks.py", "conftest.py"):
        source = tmp_path / name
        assert _read_pyc(source, tmp_path / "__pycache__" / (name[:-3] + PYC_TAIL)) == _rewrite_test(source, None)[1]
    assert sorted(p.name for p in (tmp_path / "__pycache__").iterdir()) == sorted(
        name[:-3] + PYC_TAIL for name in ("test_marks.py", "conftest.py"))


def test_a_changed_module_is_not_read_from_its_stale_cache(tmp_path):
    source = tmp_path / "test_x.py"
    source.write_text("def test_x():\n    assert 1 == 1\n", encoding="utf-8")
    _script().main(tmp_path)
    source.write_text("def test_x():\n    assert 1 == 2\n", encoding="utf-8")
    assert _read_pyc(source, tmp_path / "__pycache__" / ("test_x" + PYC_TAIL)) is None
