"""tests/slowfirst.py deals the longest modules first: it names modules that exist, and its order
keeps every test and each module's own order."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from slowfirst import LONGEST_FIRST, pytest_collection_modifyitems

TESTS = Path(__file__).resolve().parent


def test_every_module_in_the_ranking_is_a_test_module():
    assert [name for name in LONGEST_FIRST if not (TESTS / name).is_file()] == []
    assert len(set(LONGEST_FIRST)) == len(LONGEST_FIRST)


def test_the_listed_modules_come_first_in_their_rank_then_the_others_by_test_count():
    first, second = LONGEST_FIRST[0], LONGEST_FIRST[1]
    layout = [("test_a.py", 1), (second, 2), ("test_b.py", 3), (first, 1), ("test_c.py", 1)]
    items = [SimpleNamespace(path=TESTS / name, name=f"{name}::{i}") for name, n in layout for i in range(n)]
    before = list(items)
    pytest_collection_modifyitems(items)
    assert sorted(i.name for i in items) == sorted(i.name for i in before)
    modules = list(dict.fromkeys(i.path.name for i in items))
    assert modules == [first, second, "test_b.py", "test_a.py", "test_c.py"]
    for name, _ in layout:
        own = [i.name for i in before if i.path.name == name]
        assert [i.name for i in items if i.path.name == name] == own
