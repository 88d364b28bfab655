"""Q12 (2.24): a quote cluster named by a slug names its utterance (`q-hitting-land`), so the id
shares a word, by its first four letters, with the words of one of its rows, as E3's entity id
with its name. attack36: on the gold, the ids of two clusters swapped in every quote row
(`q-drug-deaths` <-> `q-own-mortality`; similarities unchanged, each cluster keeping its rows and
reference), and a cluster renamed to another's words, validated [quote-cluster-not-its-words]."""

from __future__ import annotations

from attack25_tools import findings_of, rows_of, write_rows

CHECK = "quote-cluster-not-its-words"


def _rename(folder, mapping):
    quotes = rows_of(folder, "quotes")
    for quote in quotes:
        quote["cluster_id"] = mapping.get(quote["cluster_id"], quote["cluster_id"])
    write_rows(folder, "quotes", quotes)
    return quotes


def _first_rows(quotes, cluster_ids):
    return sorted((CHECK, min(q["quote_id"] for q in quotes if q["cluster_id"] == c), "cluster_id") for c in cluster_ids)


def test_two_cluster_ids_swapped_are_findings(dataset_copy):
    quotes = _rename(dataset_copy, {"q-drug-deaths": "q-own-mortality", "q-own-mortality": "q-drug-deaths"})
    assert sorted(findings_of(dataset_copy, CHECK)) == _first_rows(quotes, ["q-drug-deaths", "q-own-mortality"])


def test_a_cluster_renamed_to_words_none_of_its_rows_say_is_a_finding(dataset_copy):
    quotes = _rename(dataset_copy, {"q-negotiation-weapon": "q-mutual-respect-2"})
    assert findings_of(dataset_copy, CHECK) == _first_rows(quotes, ["q-mutual-respect-2"])


def test_the_gold_clusters_pass(dataset_copy):
    assert findings_of(dataset_copy, CHECK) == []
