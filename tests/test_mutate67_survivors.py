"""Each place in schema/ that reports a finding is one a test sees report it (mutate67).

benchmarks/mutation_audit.py silenced each reporting call of schema/ in turn and ran the tests that
name its check id: a call whose silencing no test noticed is a promise nobody had seen kept. Each
test here breaks a copy of the gold in the one way such a call is about and asserts the check id,
table, row id and column of its finding; each was seen failing with that call silenced (the mutant)
and passing on the real code (docs/notes/mutate67.md lists them, call site by call site).
"""

from __future__ import annotations

from pathlib import Path

from conftest import load, save
from landstrikes.schema import validate


def findings(folder: Path, check: str) -> list[tuple[str, str, str]]:
    """(table, row id, column) of each finding of `check` when `folder` is validated."""
    return [(f.table, f.row_id, f.column) for f in validate(folder).findings if f.check == check]


# schema/article_digest.py: sha256 is the digest of the text's UTF-8 bytes

def test_a_digest_copied_from_another_article_is_article_derived_mismatch(dataset_copy):
    articles = load(dataset_copy, "articles")
    articles.loc[0, "sha256"] = articles.loc[1, "sha256"]  # well formed, the digest of another text
    save(dataset_copy, "articles", articles)
    assert ("articles", articles.loc[0, "article_id"], "sha256") in findings(dataset_copy, "article-derived-mismatch")


# schema/goldchecks.py: Q15's plain form, which judges the quotes when a column it reads holds a null

def test_a_misquotation_flag_with_a_null_end_covers_nothing_as_if_it_were_not_there(dataset_copy):
    flags = load(dataset_copy, "quality_flags")
    row = flags.index[flags["flag"] == "misquotation"][0]
    save(dataset_copy, "quality_flags", flags.drop(index=row))
    uncovered = findings(dataset_copy, "misquotation-without-evidence")
    assert uncovered and all(table == "quotes" and column == "text" for table, _, column in uncovered)
    flags["end"] = flags["end"].astype(object)
    flags.at[row, "end"] = None  # the flag's row is Pandera's finding; Q15 is judged without it
    save(dataset_copy, "quality_flags", flags)
    assert sorted(findings(dataset_copy, "misquotation-without-evidence")) == sorted(uncovered)


# schema/claims_checks.py: C8, a claim is corroborated only when another article states its cluster

def test_a_corroborated_claim_whose_cluster_no_other_article_states_is_consistency_cluster_mismatch(dataset_copy):
    claims = load(dataset_copy, "claims")
    articles_of = claims.groupby("cluster_id")["article_id"].nunique()
    row = next(i for i in claims.index if claims.at[i, "consistency"] == "uncorroborated"
               and articles_of[claims.at[i, "cluster_id"]] == 1)
    claims.at[row, "consistency"] = "corroborated"
    save(dataset_copy, "claims", claims)
    assert ("claims", claims.at[row, "claim_id"], "consistency") in findings(dataset_copy, "consistency-cluster-mismatch")


# schema/goldchecks.py: C9b, one record status and one note for each variant of a cluster, each a status of the list

def _cluster_with_variants(clusters) -> int:
    return next(i for i in clusters.index if len(clusters.at[i, "variant_ids"]) >= 2)


def test_a_variant_without_its_record_status_is_record_status_inconsistent(dataset_copy):
    clusters = load(dataset_copy, "claim_clusters")
    row = _cluster_with_variants(clusters)
    clusters.at[row, "variant_record_statuses"] = list(clusters.at[row, "variant_record_statuses"])[1:]
    save(dataset_copy, "claim_clusters", clusters)
    assert ("claim_clusters", clusters.at[row, "cluster_id"], "variant_record_statuses") in findings(
        dataset_copy, "record-status-inconsistent")


def test_a_variant_record_status_outside_the_list_is_record_status_inconsistent(dataset_copy):
    from landstrikes.schema.goldchecks import RECORD_STATUSES

    clusters = load(dataset_copy, "claim_clusters")
    row = _cluster_with_variants(clusters)
    assert "disputed" not in RECORD_STATUSES
    clusters.at[row, "variant_record_statuses"] = ["disputed", *list(clusters.at[row, "variant_record_statuses"])[1:]]
    save(dataset_copy, "claim_clusters", clusters)
    found = [f for f in validate(dataset_copy).findings if f.check == "record-status-inconsistent"
             and f.table == "claim_clusters" and f.column == "variant_record_statuses"]
    assert [(f.row_id, f.value) for f in found] == [(clusters.at[row, "cluster_id"], "disputed")]


# schema/quote_cluster_reference.py: Q12, a cluster's reference scores 1.0 against itself

def test_a_cluster_reference_scored_below_one_is_cluster_similarity_mismatch(dataset_copy):
    quotes = load(dataset_copy, "quotes")
    shared = quotes.groupby("cluster_id")["quote_id"].transform("size") >= 2
    row = quotes.index[shared & (quotes["cluster_similarity"] == 1.0)]
    quotes.loc[row, "cluster_similarity"] = 0.5  # every reference among them (each scores 1.0 in the gold)
    save(dataset_copy, "quotes", quotes)
    found = [f for f in validate(dataset_copy).findings if f.check == "cluster-similarity-mismatch"
             and f.message.startswith("cluster_similarity must be 1.0")]
    assert found and {(f.table, f.column) for f in found} == {("quotes", "cluster_similarity")}
    assert {f.row_id for f in found} <= set(quotes.loc[row, "quote_id"])
