"""The C9 word rule (variant-proposition-not-its-claims) on a huge cluster: validate has no time
budget, so a check's cost must not grow as claims x variants. Before attack47 every claim whose
own proposition lacked a word was compared with every variant of its cluster (a list of all the
restating variants was built to name the first): 8,000 claims of a cluster of 8,000 variants added
13 s to validate's 5 s, and the cost quadrupled with each doubling."""

from __future__ import annotations

import time

import pandas as pd
import pytest

from landstrikes.schema.report import Report
from landstrikes.schema.variant_words import check_variant_words

N = 20_000


def _findings(variant_ids, propositions, claims):
    clusters = pd.DataFrame({"cluster_id": ["c-big"], "variant_ids": [variant_ids], "variant_propositions": [propositions]})
    frame = pd.DataFrame({"claim_id": [c[0] for c in claims], "text": [c[1] for c in claims],
                          "cluster_id": ["c-big"] * len(claims), "variant_id": [c[2] for c in claims]})
    report = Report("huge-cluster")
    started = time.process_time()
    check_variant_words({"claims": frame, "claim_clusters": clusters}, report)
    return [(f.row_id, f.value, f.message) for f in report.findings], time.process_time() - started


@pytest.mark.parametrize("same_text", [True, False], ids=["one text", "a word of its own each"])
def test_a_huge_cluster_is_judged_in_time_and_each_claim_names_the_first_variant_restating_it(same_text):
    ids = [f"v{i}" for i in range(N)]
    # v0 restates nothing; v1 .. v(N-2) hold the common words but no claim's own word; v(N-1) holds every word
    own_words = [f"own{i}" for i in range(N)]
    props = ["nothing here"] + ["it is very sad to watch"] * (N - 2) + ["it is very sad to watch " + " ".join(own_words)]
    claims = [(f"k{i}", "it is very sad to watch" if same_text else f"very sad {own_words[i]}", "v0") for i in range(N)]
    found, seconds = _findings(ids, props, claims)
    assert len(found) == N
    first = "v1" if same_text else f"v{N - 1}"
    assert {(value, message.split("'s proposition")[0]) for _, value, message in found} == {("v0", f"variant {first!r}")}
    assert seconds < 10, f"{seconds:.1f} CPU-s for {N} claims of a cluster of {N} variants"


def test_a_claim_its_own_proposition_restates_is_no_finding_whatever_the_others_say():
    found, _ = _findings(["a", "b", "c"], ["very sad", "very very sad to watch", "sad"],
                         [("k1", "Very, very sad", "a"), ("k2", "very sad to watch", "c"), ("k3", "sad", "c")])
    assert [(row, value) for row, value, _ in found] == [("k2", "c")]  # k1: 'a' holds 'very' and 'sad'; k3: its own
