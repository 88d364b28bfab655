"""The order test modules are collected in: the longest first.

With `-n 2 --dist loadfile` (pyproject's addopts) each module goes whole to one worker, in
collection order, and the run ends when the later worker does. Dealing the long modules first
and the short ones last lets the short ones even out the end (longest processing time first).
The ranking is measured seconds (docs/notes/cispeed.md); a module not listed follows the listed
ones, modules with more tests first. A stale list costs minutes, never a test: every test runs,
in its module's own order."""

from __future__ import annotations

from collections import Counter

import pytest

LONGEST_FIRST = (
    "test_engine_placement.py", "test_hostile_corpus.py", "test_outdir.py",
    "test_extract_robust.py", "test_releases.py", "test_build_check.py",
    "test_extract_speed_rules.py", "test_cli_contract.py", "test_build_safety.py", "test_attack10_names.py",
    "test_render_browser.py", "test_extract_outside6.py", "test_validate_core.py", "test_attack23_ray_worker_lost.py",
    "test_attack10_spans.py",
    "test_engine.py", "test_validate_ratio8.py", "test_attack9_read.py", "test_engine_tasks.py",
    "test_release_integrity.py", "test_attack22_bomb_bounds.py", "test_extract_overhead.py",
    "test_attack23_spoofing_characters.py", "test_articles_derived.py", "test_validate_hardening.py",
    "test_validate_fuzz.py", "test_attack11_interrupt.py", "test_extract_outside.py", "test_marks.py",
    "test_validate_ids.py", "test_attack18_fifo_reads.py", "test_validate_speed.py", "test_arrow_rules.py",
    "test_attack18_release_as_dataset.py", "test_sources_fuzz.py", "test_lean_commands.py",
    "test_extract_fast.py", "test_attack20_killed_temporary_folders.py", "test_review17_part_versions.py",
    "test_attack17_span_matching.py", "test_validate_floor.py",
)
"""Every module that took 11.5 s or more in session 23's full run (-n 1 on a machine at load 7-9, --durations=0,
1,862 s summed), longest first; test_engine_placement ranked as its Ray unit with test_engine (SHARED_RAY: 181 s,
test_hostile_corpus 179 s). Session 21's list (-n 2, 7 s or more of 1,117 worker-s) had test_outdir 14th and
test_attack19_card_shapes in it (2 s now: its 50,000-deep card is refused as met). test_attack23_ray_worker_lost
moved from 4th (51 s) to where its two runs at once put it (~30 s at that load; cispeed4)."""


SHARED_RAY = ("test_engine_placement.py", "test_engine.py")
"""Modules that use one Ray session (raysession.py): with `--dist loadfile` they go to one worker as
one unit, in this order, and their Ray tests come next to each other (the first module's last, the
second's first), so Ray starts once for them, not once per module. Each keeps its tests in their
order otherwise, and a module is still never split or interleaved with another."""


def _ray_slot(item) -> int:
    if item.path.name not in SHARED_RAY:
        return 0
    uses = "ray_session" in getattr(item, "fixturenames", ())
    return int(uses) if item.path.name == SHARED_RAY[0] else int(not uses)


def pytest_collection_modifyitems(items) -> None:
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    for i, name in enumerate(SHARED_RAY[1:], 1):
        rank[name] = rank[SHARED_RAY[0]] + i / len(SHARED_RAY)
    tests = Counter(item.path.name for item in items)
    first_seen: dict = {}
    for i, item in enumerate(items):
        first_seen.setdefault(item.path, i)
    order = {id(item): i for i, item in enumerate(items)}
    items.sort(key=lambda item: (rank.get(item.path.name, len(rank)), -tests[item.path.name],
                                 first_seen[item.path], _ray_slot(item), order[id(item)]))


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """xdist's `loadfile`, with the SHARED_RAY modules as one unit (one worker, one after the other)."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class SharedRayFirst(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = super()._split_scope(nodeid)
            return SHARED_RAY[0] if path.rsplit("/", 1)[-1] in SHARED_RAY else path

    return SharedRayFirst(config, log)
