"""`validate --engine` does not run, on one partition, the cross checks whose every finding its
corpus-wide pass decides (engines/validate.py NOT_IN_PARTITIONS): run there, they found the keys
and clusters of other partitions missing, findings a partition's report dropped unread, and cost
a third of the CPU of validating a small partition (cispeed3). A partition's result must be what it was
with every check run."""

from __future__ import annotations

import importlib

import landstrikes.engines.validate as engine
from landstrikes.engines.validate import CORPUS_WIDE_CHECKS, NOT_IN_PARTITIONS, check_partition, validate_partitioned
from test_engine_placement import GOLD, _wrong_text, scatter

one_folder = importlib.import_module("landstrikes.schema.validate")  # the module (`validate` is the function)


def _corrupt(table: str, rows: list[dict]) -> None:
    """Keys and clusters that no partition, nor the whole corpus, holds."""
    if table == "mentions":
        rows[0]["entity_id"] = "no-such-entity"
    if table == "claims":
        rows[0]["cluster_id"] = "no-such-cluster"
        rows[1]["claim_id"] = rows[2]["claim_id"]
    if table == "quotes":
        _wrong_text(next(r for r in rows if r["article_id"] == GOLD[0]))


def test_a_partition_gives_what_it_gave_with_every_check_run_whose_skipped_findings_are_all_corpus_wide(
        tmp_path, monkeypatch):
    """Rows cut into partitions whatever their article (keyless tables too), keys and clusters
    broken: each partition's result equals the one with every check run, the checks not run
    give only corpus-wide check ids on every partition's folder, and none of them runs there."""
    corpus = scatter(tmp_path, lambda table, i, article: i % 3, _corrupt, keyless=True)
    names = frozenset(check.__name__ for check in one_folder.CROSS_CHECKS)
    assert NOT_IN_PARTITIONS <= names
    ran, theirs, seen = [], [], []

    def watched(path, timings=None, skipped=frozenset()):
        timings = {} if timings is None else timings
        report = one_folder.validate(path, timings, skipped)
        ran.append(set(timings))
        without = one_folder.validate(path, skipped=names).findings
        theirs.extend(f for f in one_folder.validate(path, skipped=names - NOT_IN_PARTITIONS).findings if f not in without)
        return report

    def recorded(name, function, jobs, num_proc):
        for job in jobs:
            seen.append((job, function(job)))
            yield seen[-1][1]

    monkeypatch.setattr(engine, "validate", watched)
    monkeypatch.setattr(engine, "map_ordered", recorded)
    validate_partitioned(corpus, "local", task_floor=1)
    assert len(ran) == len(seen) > 2 and all(checks and not checks & NOT_IN_PARTITIONS for checks in ran)
    assert theirs and {f.check for f in theirs} <= CORPUS_WIDE_CHECKS, {f.check for f in theirs} - CORPUS_WIDE_CHECKS
    monkeypatch.setattr(engine, "validate", one_folder.validate)
    monkeypatch.setattr(engine, "NOT_IN_PARTITIONS", frozenset())
    for job, result in seen:
        assert check_partition(job) == result, job.index
