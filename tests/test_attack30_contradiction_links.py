"""attack30: `contradiction-links-incomplete` listed every pair of claims of one cluster
(`pairs_by_key(cluster, cluster)`) to find those of other articles and variants: one cluster of
10^5 claims is 10^10 pairs even when they share one article and none is wanted; gold article 002
grown 3000-fold (its clusters 3000 times larger) took 3.1 s in this check alone. Past 8 pairs per
claim the listed links are now tested one by one and each claim's wanted count is counted by
groups; only a claim listing fewer has its partners listed (`contradiction_links._differences`).

The growth test counts the pairs listed (not seconds); the findings are those of the full listing
on clusters spread over articles and variants with links dropped, added and kept."""

from __future__ import annotations

import random
import sys

import pytest

import landstrikes.schema.checkcorpus as checkcorpus
import landstrikes.schema.contradiction_links as links
from attack25_tools import rows_of, write_rows
from attack30_tools import A002, grow_article, links_as_wanted
from landstrikes.schema import validate

CHECK = "contradiction-links-incomplete"


def _cluster_pairs_listed(monkeypatch) -> list[tuple[int, int]]:
    seen = []
    plain = links.pairs_by_key

    def counted(left, right):
        li, ri = plain(left, right)
        if sys._getframe(1).f_code.co_name == "_expected":
            seen.append((len(left), len(li)))
        return li, ri

    monkeypatch.setattr(links, "pairs_by_key", counted)
    return seen


def _one_cluster(folder, variants: int) -> int:
    """Every claim of the grown article 002 put in one cluster, `variants` variants among them,
    no link listed (none is wanted: one article); returns the claims in the cluster."""
    claims = rows_of(folder, "claims")
    mine = [c for c in claims if c["article_id"] == A002]
    for k, claim in enumerate(mine):
        claim.update(cluster_id="c-one-big-cluster", variant_id=f"v{k % variants}", contradicted_by=[])
    write_rows(folder, "claims", claims)
    return len(mine)


def test_one_cluster_of_one_article_lists_pairs_in_proportion_to_its_claims(dataset_copy, monkeypatch):
    grow_article(dataset_copy, 20)
    size = _one_cluster(dataset_copy, 3)
    seen = _cluster_pairs_listed(monkeypatch)
    monkeypatch.setattr(checkcorpus, "DIRECT_PAIRS", 0, raising=False)
    report = validate(dataset_copy)
    assert report.unusable is None
    # one article: no link of the cluster wanted (000's claims still list 002's, now of another cluster)
    assert [f for f in report.findings if f.check == CHECK and f.row_id.startswith(A002)] == []
    assert [s for s in seen if s[1] > 8 * s[0]] == [], f"{seen} pairs listed for a cluster of {size}"


def _spread(folder, seed: int) -> None:
    """Claims of the grown article 002 and of 000-004 put in four clusters of three variants each,
    links as the rule wants them, then some dropped and some wrong ones added."""
    rng = random.Random(seed)
    claims = rows_of(folder, "claims")
    chosen = rng.sample(range(len(claims)), 600)
    for k in chosen:
        claims[k].update(cluster_id=f"c-spread-{rng.randrange(4)}", variant_id=f"v{rng.randrange(3)}")
    links_as_wanted(claims)
    for k in rng.sample(chosen, 40):
        listed = claims[k]["contradicted_by"]
        if listed:
            del listed[rng.randrange(len(listed)):]  # a tail dropped
    for k in rng.sample(chosen, 20):
        claims[k]["contradicted_by"] = sorted({*claims[k]["contradicted_by"], claims[rng.randrange(len(claims))]["claim_id"]})
    write_rows(folder, "claims", claims)


@pytest.mark.parametrize("seed", [1, 2])
def test_the_links_counted_by_groups_give_the_findings_of_the_full_listing(dataset_copy, monkeypatch, seed):
    grow_article(dataset_copy, 6)
    _spread(dataset_copy, seed)
    monkeypatch.setattr(checkcorpus, "DIRECT_PAIRS", 1 << 62, raising=False)
    listed = validate(dataset_copy).findings
    monkeypatch.undo()
    seen = _cluster_pairs_listed(monkeypatch)
    monkeypatch.setattr(checkcorpus, "DIRECT_PAIRS", 0, raising=False)
    monkeypatch.setattr(links, "same_key_pairs", lambda left, right: 1 << 62, raising=False)  # the grouped path at any size
    found = validate(dataset_copy).findings
    assert found == listed
    assert sum(f.check == CHECK for f in listed) > 20
    assert seen == []
