"""attack37: Q12's cluster id "shares a word (of four letters or more, by its first four) with the
words of one of its rows". quote-cluster-not-its-words split a word at every character outside
a-z0-9 after NFKD, so `q-exito` for "Sí, es un éxito." and `q-dont` for "Don't." (the quote
builder's one word) were refused, and so was a transliterated slug of a row in another script
(`q-eto-voina` for "Это война, 2026"), which E3's twin check exempts. Sound, refused."""

from __future__ import annotations

from attack25_tools import findings_of, rows_of, write_rows

CLUSTER_CHECK = "quote-cluster-not-its-words"

def _singletons(folder, texts_and_clusters):
    """Give singleton clusters of the gold new texts and cluster ids (only this check reads them together)."""
    quotes = rows_of(folder, "quotes")
    sizes = {}
    for q in quotes:
        sizes[q["cluster_id"]] = sizes.get(q["cluster_id"], 0) + 1
    singles = [q for q in quotes if sizes[q["cluster_id"]] == 1]
    changed = []
    for q, (text, cluster) in zip(singles, texts_and_clusters):
        q.update(text=text, cluster_id=cluster)
        changed.append(q["quote_id"])
    write_rows(folder, "quotes", quotes)
    return changed


def test_cluster_slugs_of_rows_with_diacritics_contractions_and_other_scripts_pass(dataset_copy):
    _singletons(dataset_copy, [("Sí, es un éxito.", "q-exito"), ("Don't.", "q-dont"),
                               ("Это война, 2026", "q-eto-voina"), ("Única salida: Øresund", "q-unica-oresund")])
    assert findings_of(dataset_copy, CLUSTER_CHECK) == []


def test_a_cluster_named_by_words_its_rows_do_not_say_is_still_a_finding(dataset_copy):
    changed = _singletons(dataset_copy, [("Sí, es un éxito.", "q-fracaso"), ("Don't.", "q-will")])
    assert sorted(findings_of(dataset_copy, CLUSTER_CHECK)) == sorted((CLUSTER_CHECK, q, "cluster_id") for q in changed)
