"""C9 (2.29): a variant's proposition states its own claims' version. The gold's one cluster of two
variants, `c-trump-very-sad`, holds a001's "very,very sad to watch and see" (`as-said`) and a
misquoted "very sad to watch" (`as-misquoted`); with the two propositions swapped every claim
showed the other version as its own, and validate said VALID (attack44)."""

from __future__ import annotations

from attack25_tools import findings_of, rows_of, write_rows
from plain_census import fast_findings, plain_findings

CLUSTER = "c-trump-very-sad"


def _edit_cluster(folder, edit) -> None:
    clusters = rows_of(folder, "claim_clusters")
    edit(next(c for c in clusters if c["cluster_id"] == CLUSTER))
    write_rows(folder, "claim_clusters", clusters)


def _claim_of(folder, variant: str) -> str:
    return next(c["claim_id"] for c in rows_of(folder, "claims") if c["cluster_id"] == CLUSTER and c["variant_id"] == variant)


def test_swapped_variant_propositions_are_a_finding_on_the_claim_whose_words_tell_them_apart(dataset_copy):
    _edit_cluster(dataset_copy, lambda c: c.update(variant_propositions=list(reversed(c["variant_propositions"]))))
    said = _claim_of(dataset_copy, "as-said")
    assert findings_of(dataset_copy, "variant-proposition-not-its-claims") == [
        ("variant-proposition-not-its-claims", said, "variant_id")]  # the misquoted claim's words are in both


def test_the_plain_rule_finds_what_validate_finds(dataset_copy):
    _edit_cluster(dataset_copy, lambda c: c.update(variant_propositions=list(reversed(c["variant_propositions"]))))
    finding = ("variant-proposition-not-its-claims", "claims", _claim_of(dataset_copy, "as-said"), "variant_id")
    assert finding in fast_findings(dataset_copy) and finding in plain_findings(dataset_copy)


def test_the_gold_keeps_the_rule(dataset_copy):
    assert findings_of(dataset_copy, "variant-proposition-not-its-claims") == []


def test_case_curly_apostrophes_and_commas_do_not_tell_words_apart(dataset_copy):
    """The claim writes "It’s very,very"; a proposition in capitals with straight apostrophes is the same words."""
    _edit_cluster(dataset_copy, lambda c: c.update(variant_propositions=[p.upper() for p in c["variant_propositions"]]))
    assert findings_of(dataset_copy, "variant-proposition-not-its-claims") == []


def test_a_claim_restated_word_for_word_by_another_variant_is_a_finding(dataset_copy):
    """Not only a swap: the other variant's proposition rewritten to hold every word of the
    `as-said` claim, while `as-said`'s own is paraphrased, names the wrong variant."""
    def restate_elsewhere(cluster):
        props, ids = list(cluster["variant_propositions"]), cluster["variant_ids"]
        props[ids.index("as-said")] = "Trump lamented what had become of Mexico."
        props[ids.index("as-misquoted")] = "Trump said: 'It's very sad to watch and see what's happened to that country.'"
        cluster["variant_propositions"] = props
    _edit_cluster(dataset_copy, restate_elsewhere)
    assert [f[1] for f in findings_of(dataset_copy, "variant-proposition-not-its-claims")] == [_claim_of(dataset_copy, "as-said")]


def test_propositions_in_other_words_than_their_claims_are_not_judged(dataset_copy):
    """Both propositions paraphrased: which version a claim states is a reading, not a word count."""
    _edit_cluster(dataset_copy, lambda c: c.update(variant_propositions=[
        "Trump lamented at length what had become of Mexico.", "Trump lamented what had become of Mexico."]))
    assert findings_of(dataset_copy, "variant-proposition-not-its-claims") == []


def test_the_engine_reports_it_as_one_folder_does(tmp_path):
    from one_folder_report import same_as_one_folder
    from test_engine_placement import own_partition, scatter

    def swapped(table, rows):
        if table == "claim_clusters":
            row = next(c for c in rows if c["cluster_id"] == CLUSTER)
            row["variant_propositions"] = list(reversed(row["variant_propositions"]))

    corpus = scatter(tmp_path, own_partition, swapped)
    assert [f.check for f in same_as_one_folder(corpus)] == ["variant-proposition-not-its-claims"]
