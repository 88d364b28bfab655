"""The fourth round's fast forms (issue 19, branch validate4) decide what their definitions decide.

- the record-status gate (`goldchecks._record_status_on_arrow`) works on whole list columns, not a
  Python dict per cluster: it may say True only where `check_record_status` on frames finds
  nothing, and says True on sound tables;
- `checkcorpus.distinct_ints` is `np.unique` of an integer array by a sort (numpy 2.4's hashing
  `np.unique` cost 0.25 user CPU-s in check_claim_clusters at 10^5 claims);
- the validate command leaves the objects of its imports out of the collector's passes while it
  validates (`leanimports.older_objects_frozen`, as extract does) and hands them back after; a
  library user's process is left as it is.
"""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pyarrow as pa
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from landstrikes.schema import goldchecks
from landstrikes.schema.checkcorpus import Corpus, distinct_ints
from landstrikes.schema.report import Report
from landstrikes.schema.tableio import to_pandas

STATUSES = st.sampled_from(["matches", "contradicts", "unknown", "bogus", None])
VARIANTS = st.sampled_from(["v1", "v2", "v3", "", None])
CLUSTER_ROWS = st.lists(st.tuples(
    st.sampled_from(["c1", "c2", "c3", "c4", None]),
    st.one_of(st.none(), st.lists(VARIANTS, max_size=3)),
    STATUSES,
    st.one_of(st.none(), st.lists(STATUSES, max_size=3)),
    st.one_of(st.none(), st.lists(st.sampled_from(["", "why"]), max_size=3)),
    st.sampled_from([True, False, None])), max_size=5)
CLAIM_ROWS = st.lists(st.tuples(
    st.sampled_from(["c1", "c2", "c3", "c5", None]), VARIANTS, STATUSES), max_size=8)

CLUSTER_TYPES = {"cluster_id": pa.string(), "variant_ids": pa.list_(pa.string()), "record_status": pa.string(),
                 "variant_record_statuses": pa.list_(pa.string()), "variant_record_notes": pa.list_(pa.string()),
                 "contradicted": pa.bool_()}
CLAIM_TYPES = {"claim_id": pa.string(), "cluster_id": pa.string(), "variant_id": pa.string(), "record_status": pa.string()}


def _table(rows, types) -> pa.Table:
    columns = list(zip(*rows)) if rows else [[] for _ in types]
    return pa.table({name: pa.array(list(values), type) for (name, type), values in zip(types.items(), columns)})


def _sound(rows: list[tuple]) -> tuple[list[tuple], list[tuple]]:
    """Clusters that keep every record-status rule, and claims inheriting their statuses."""
    clusters, claims = [], []
    for number, (variants, status) in enumerate(rows):
        cluster = f"c{number}"
        if variants:
            statuses = [status] * variants
            clusters.append((cluster, [f"v{k}" for k in range(variants)], None, statuses, [""] * variants, status != "unknown"))
            claims += [(f"k{number}-{k}", cluster, f"v{k}", status) for k in range(variants)]
        else:
            clusters.append((cluster, [], status, [], [], False))
            claims.append((f"k{number}", cluster, None, status))
    return clusters, claims


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(clusters=CLUSTER_ROWS, claims=CLAIM_ROWS)
@example(clusters=[("c1", ["v1", "v1"], None, ["matches", "contradicts"], ["", ""], True)],
         claims=[("c1", "v1", "matches")])  # a variant listed twice: the last status is the one claims inherit
@example(clusters=[("c1", ["v1"], None, ["unknown"], [""], True)], claims=[])  # contradicted, no side known
@example(clusters=[("c1", [], "matches", [], [], False)], claims=[("c1", None, "contradicts")])
@example(clusters=[("c1", ["v1"], None, ["matches"], [], False)], claims=[])  # a note missing
@example(clusters=[("c1", [""], None, ["matches"], [""], False)], claims=[("c1", None, "unknown")])  # "" is a claim's missing variant
@example(clusters=[("c1", [None], None, ["matches"], [""], False)], claims=[("c1", None, "unknown")])  # so is a null item
def test_the_record_status_gate_passes_only_what_the_rule_on_frames_passes(clusters, claims):
    tables = {"claim_clusters": _table(clusters, CLUSTER_TYPES), "claims": _table([(f"k{i}", *row) for i, row in enumerate(claims)], CLAIM_TYPES)}
    corpus = Corpus.from_arrow(tables)
    if goldchecks._record_status_on_arrow(corpus["claims"], corpus["claim_clusters"]):
        report = Report(path="x")
        goldchecks.check_record_status({name: to_pandas(table) for name, table in tables.items()}, report)
        assert report.findings == []


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.sampled_from(["matches", "contradicts", "unknown"])), max_size=6))
def test_the_record_status_gate_passes_sound_tables(rows):
    clusters, claims = _sound(rows)
    corpus = Corpus.from_arrow({"claim_clusters": _table(clusters, CLUSTER_TYPES), "claims": _table(claims, CLAIM_TYPES)})
    assert goldchecks._record_status_on_arrow(corpus["claims"], corpus["claim_clusters"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(-2**62, 2**62) | st.integers(-3, 3), max_size=40))
@example([])
@example([5, 5, 5])
def test_distinct_ints_are_what_np_unique_gives(values):
    array = np.array(values, dtype=np.int64)
    got = distinct_ints(array)
    assert got.dtype == np.int64 and np.array_equal(got, np.unique(array))


FREEZE_SPY = """
import gc, sys
import landstrikes.schema
real, seen = landstrikes.schema.validate, []
def spy(*args, **kwargs):
    seen.append(gc.get_freeze_count() > 1000)
    return real(*args, **kwargs)
landstrikes.schema.validate = spy  # what cmd_validate imports
from landstrikes.cli import main
code = main(["validate", sys.argv[1]])
print(code, seen)
"""


def test_the_validate_command_freezes_its_imports_before_validating(dataset_copy):
    done = subprocess.run([sys.executable, "-c", FREEZE_SPY, str(dataset_copy)], capture_output=True, text=True, timeout=300)
    assert done.stdout.strip().splitlines()[-1] == "0 [True]", done.stdout + done.stderr


def test_the_validate_command_hands_the_frozen_objects_back(dataset_copy, capsys):
    import gc

    from landstrikes.cli import main

    assert gc.get_freeze_count() == 0
    assert main(["validate", str(dataset_copy)]) == 0
    assert gc.get_freeze_count() == 0  # a test worker (or a caller of main) collects as before


def test_importing_the_validator_freezes_nothing():
    code = "import gc\nfrom landstrikes.schema import validate\nprint(gc.get_freeze_count())"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "0", done.stderr
