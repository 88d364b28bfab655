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


def test_the_shared_ray_modules_follow_each_other_with_their_ray_tests_together():
    from slowfirst import SHARED_RAY

    def item(name: str, i: int, ray: bool):
        return SimpleNamespace(path=TESTS / name, name=f"{name}::{i}", fixturenames=["tmp_path"] + ["ray_session"] * ray)

    first, second = SHARED_RAY
    items = [item(first, 0, False), item(first, 1, True), item(first, 2, False), item(LONGEST_FIRST[1], 0, False),
             item(second, 0, True), item(second, 1, False), item(second, 2, True), item(second, 3, False)]
    pytest_collection_modifyitems(items)
    assert [i.name for i in items][:7] == [f"{first}::0", f"{first}::2", f"{first}::1", f"{second}::0", f"{second}::2",
                                           f"{second}::1", f"{second}::3"]


def test_xdist_deals_the_shared_ray_modules_as_one_unit():
    from slowfirst import SHARED_RAY, pytest_xdist_make_scheduler

    config = SimpleNamespace(getvalue=lambda name: "loadfile", option=SimpleNamespace(numprocesses=2, maxprocesses=None,
                             maxschedchunk=None, loadscopereorder=False), getoption=lambda name, default=None: default)
    scheduler = pytest_xdist_make_scheduler(config, None)
    scopes = {scheduler._split_scope(f"tests/{name}::test_x") for name in SHARED_RAY}
    assert scopes == {scheduler._split_scope(f"tests/{SHARED_RAY[0]}::test_y")}
    assert scheduler._split_scope("tests/test_other.py::test_x") == "tests/test_other.py"
    assert pytest_xdist_make_scheduler(SimpleNamespace(getvalue=lambda name: "load"), None) is None
