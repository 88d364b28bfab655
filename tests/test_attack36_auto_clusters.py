"""The extractor leaves cross-article clustering to review (Q12, C7; docs/extraction.md: singleton
clusters): each quote it writes is its own cluster, named by its own id, with similarity 1.0, and
each claim is its own cluster, named by its own id. attack36: on the extractor's output for
dataset/raw, a quote's cluster renamed to a slug, a claim's cluster renamed to a slug (claims and claim_clusters), and two
claims of two articles merged into one cluster (counts and consistency recomputed) each
validated [auto-cluster-not-its-own]."""

from __future__ import annotations

from attack36_tools import findings_of, rows_of, write_rows

CHECK = "auto-cluster-not-its-own"
A000, A001 = "000_68b95635092649cd", "001_f1f49e9dc8ada067"


def test_a_quote_cluster_renamed_to_a_slug_is_a_finding(silver_copy):
    quotes = rows_of(silver_copy, "quotes")
    quote = next(q for q in quotes if q["kind"] == "direct")
    quote["cluster_id"] = "q-cartels-running-mexico"
    write_rows(silver_copy, "quotes", quotes)
    assert findings_of(silver_copy, CHECK) == [(CHECK, quote["quote_id"], "cluster_id")]


def test_a_claim_cluster_renamed_to_a_slug_is_a_finding(silver_copy):
    claims, clusters = rows_of(silver_copy, "claims"), rows_of(silver_copy, "claim_clusters")
    claim = claims[0]
    cluster = next(k for k in clusters if k["cluster_id"] == claim["cluster_id"])
    claim["cluster_id"] = cluster["cluster_id"] = "c-drug-deaths"
    write_rows(silver_copy, "claims", claims)
    write_rows(silver_copy, "claim_clusters", clusters)
    assert findings_of(silver_copy) == [(CHECK, claim["claim_id"], "cluster_id")]


def test_two_claims_merged_into_one_cluster_are_a_finding(silver_copy):
    claims, clusters = rows_of(silver_copy, "claims"), rows_of(silver_copy, "claim_clusters")
    first = next(c for c in claims if c["article_id"] == A000 and c["quantity_low"] == 250000)
    second = next(c for c in claims if c["article_id"] == A001 and c["quantity_low"] == 250000)
    clusters = [k for k in clusters if k["cluster_id"] != second["cluster_id"]]
    second["cluster_id"] = first["cluster_id"]
    first["consistency"] = second["consistency"] = "corroborated"
    kept = next(k for k in clusters if k["cluster_id"] == first["cluster_id"])
    kept.update(n_claims=2, n_articles=2)
    write_rows(silver_copy, "claims", claims)
    write_rows(silver_copy, "claim_clusters", clusters)
    found = findings_of(silver_copy)
    assert (CHECK, second["claim_id"], "cluster_id") in found
    # silver39 (C9 2.27): an extractor claim is uncorroborated and its cluster counts one claim
    assert sorted(found) == sorted([(CHECK, second["claim_id"], "cluster_id"),
                                    ("auto-claim-not-default", first["claim_id"], "consistency"),
                                    ("auto-claim-not-default", second["claim_id"], "consistency"),
                                    ("auto-claim-not-default", kept["cluster_id"], "n_claims")])

