"""The order test modules are collected in: the longest first.

With `-n 2 --dist loadfile` (pyproject's addopts) each module goes whole to one worker, in
collection order, and the run ends when the later worker does. Dealing the long modules first
and the short ones last lets the short ones even out the end (longest processing time first).
The ranking is measured seconds (docs/notes/cispeed.md); a module not listed follows the listed
ones, modules with more tests first. A stale list costs minutes, never a test: every test runs,
in its module's own order."""

from __future__ import annotations

from collections import Counter

LONGEST_FIRST = (
    "test_engine_placement.py", "test_hostile_corpus.py", "test_engine.py", "test_build_safety.py",
    "test_render_browser.py", "test_attack23_ray_worker_lost.py", "test_validate_core.py",
    "test_attack10_names.py", "test_releases.py", "test_build_check.py", "test_extract_speed_rules.py",
    "test_attack10_spans.py", "test_extract_robust.py", "test_outdir.py", "test_validate_hardening.py",
    "test_validate_ratio8.py", "test_cli_contract.py", "test_release_integrity.py", "test_extract_outside.py",
    "test_extract_outside6.py", "test_articles_derived.py", "test_extract_overhead.py",
    "test_attack9_read.py", "test_validate_fuzz.py", "test_attack18_fifo_reads.py",
    "test_attack22_bomb_bounds.py", "test_engine_tasks.py", "test_attack23_spoofing_characters.py",
    "test_attack11_interrupt.py", "test_marks.py", "test_arrow_rules.py", "test_review17_part_versions.py",
    "test_attack23_footer_counts.py", "test_attack19_card_shapes.py", "test_validate_ids.py",
    "test_attack12_huge_integers.py", "test_attack18_agreement_shape.py", "test_attack9_out.py",
    "test_attack13_refusal_ids.py", "test_attack21_word_list_cache.py", "test_extract_outside7.py",
    "test_attack18_report_kinds.py", "test_full_disk.py",
)
"""Every module that took 7 s or more in session 21's full run (-n 2, --durations=0, 1,117 worker-s), longest
first: the Ray worker-loss tests (25 s) had come last, after every listed module."""


def pytest_collection_modifyitems(items) -> None:
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    tests = Counter(item.path.name for item in items)
    first_seen: dict = {}
    for i, item in enumerate(items):
        first_seen.setdefault(item.path, i)
    items.sort(key=lambda item: (rank.get(item.path.name, len(rank)), -tests[item.path.name],
                                 first_seen[item.path]))
