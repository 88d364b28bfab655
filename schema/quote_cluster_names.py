"""Q12 (2.24): a quote cluster named by a slug names the utterance its rows report (`q-hitting-land`
for "We are going to start now hitting land"), so its id shares a word with the words of one of its
rows, as E3's entity id with its name (`entity-id-not-its-name`). Words are compared by their first
four letters after NFKD and lower case; only the id's words of four letters or more count (`q`,
`to`, `do`, `her` say nothing about an utterance), and an id with none is not judged. attack36: on
the gold, the ids of two clusters swapped in every quote row (`q-drug-deaths` <-> `q-own-mortality`,
each cluster keeping its rows, reference and similarities) validated, and so did a cluster renamed
to words none of its rows say [quote-cluster-not-its-words]. It cannot see a swap of two clusters
whose ids share a word with each other's rows (11 of the gold's 171 pairs: `q-reject-intervention`,
`q-interventions-never-deliver`), nor a quote moved between clusters (the cluster's name still
fits its other rows). A cluster named by a quote's own id (the extractor's, a singleton) is no slug
and not judged, nor is one with a row holding a letter of another script (its slug transliterates).
Letters are folded to ASCII as a slug spells them and a row's words are also read with their
punctuation dropped (attack37: `q-exito` for "Sí, es un éxito", `q-dont` for "Don't."
and `q-eto-voina` for "Это война" were refused; schema/ascii_words.py). One finding per cluster, on its first row by quote id. A cluster's rows lie in many
articles: `validate --engine` runs it in its corpus-wide pass. Arrow only; Python names the
failing clusters."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.ascii_words import folded_each, joined, other_script
from landstrikes.schema.census_arrow import arrow_of
from landstrikes.schema.checkcorpus import column
from landstrikes.schema.report import Report
from landstrikes.schema.slug_ids import SLUG

CHECK = "quote-cluster-not-its-words"
_PREFIX, _LONG = 4, 4


def _prefixes(spelt: pa.Array, long_only: bool) -> tuple[np.ndarray, pa.Array]:
    """Each word's first four letters of `folded` values (letters folded to ASCII as a slug spells
    them, ascii_words), with the index of its value; a row's text also gives the words it makes
    with its punctuation dropped (the quote builder's one word `don't`: `dont`)."""
    owners = np.arange(len(spelt))
    if not long_only:
        spelt, owners = pa.concat_arrays([spelt, joined(spelt)]), np.concatenate([owners, owners])
    words = pc.split_pattern(pc.utf8_trim_whitespace(pc.replace_substring_regex(spelt, r"[^a-z0-9]+", " ")), " ")
    parents = owners[pc.list_parent_indices(words).to_numpy(zero_copy_only=False)]
    flat = pc.list_flatten(words)
    keep = pc.greater_equal(pc.utf8_length(flat), _LONG if long_only else 1).to_numpy(zero_copy_only=False)
    return parents[keep], pc.utf8_slice_codeunits(flat, 0, _PREFIX).filter(pa.array(keep))


def _codes(array: pa.Array) -> tuple[np.ndarray, pa.Array]:
    encoded = pc.dictionary_encode(array)
    return encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64), encoded.dictionary


def check_quote_cluster_names(tables, report: Report) -> None:
    quotes = arrow_of(tables, "quotes", ("cluster_id", "text"))
    if quotes is None or not quotes.num_rows:
        return
    ids, clusters, texts = (column(quotes, name) for name in ("quote_id", "cluster_id", "text"))
    if not all(pa.types.is_string(a.type) or pa.types.is_large_string(a.type) for a in (ids, clusters, texts)):
        return
    ids, clusters, texts = (a.cast(pa.large_string()) for a in (ids, clusters, texts))
    named = pc.fill_null(pc.match_substring_regex(clusters, SLUG), False)
    if "source" in quotes.column_names:  # the extractor's rows are their own clusters: auto-cluster-not-its-own
        named = pc.and_(named, pc.fill_null(pc.not_equal(column(quotes, "source").cast(pa.large_string()), "auto"), True))
    if not pc.any(named).as_py():
        return
    rows = quotes.select([]).append_column("quote_id", ids).append_column("cluster_id", clusters) \
        .append_column("text", texts.fill_null("")).filter(named)
    # words are read once per distinct text and per distinct cluster id, then met as integer keys:
    # splitting every row's text into joined strings cost 0.34 user CPU-s at 10^5 quote rows
    cluster_of_row, names = _codes(rows.column("cluster_id").combine_chunks())
    text_of_row, distinct_texts = _codes(rows.column("text").combine_chunks())
    # the texts and the ids folded in one call (ascii_words.folded_each), the texts' once for both their uses
    spelt_texts, spelt_names = folded_each(distinct_texts, pc.replace_substring(names, "-", " "))
    text_of_word, said = _prefixes(spelt_texts, long_only=False)
    cluster_of_word, own = _prefixes(spelt_names, long_only=True)
    if not len(own):
        return
    vocabulary, _ = _codes(pa.chunked_array([said, own], pa.large_string()).combine_chunks())
    said_code, own_code = vocabulary[:len(said)], vocabulary[len(said):]
    size = int(vocabulary.max()) + 1
    text_words = np.unique(text_of_word * size + said_code)
    # each distinct (cluster, text) pair meets its cluster's own words
    pairs = np.unique(cluster_of_row * len(distinct_texts) + text_of_row)
    pair_cluster, pair_text = pairs // len(distinct_texts), pairs % len(distinct_texts)
    order = np.argsort(cluster_of_word, kind="stable")
    by_cluster, words_sorted = cluster_of_word[order], own_code[order]
    low, high = np.searchsorted(by_cluster, pair_cluster, "left"), np.searchsorted(by_cluster, pair_cluster, "right")
    count = high - low
    triple_pair = np.repeat(np.arange(len(pairs)), count)
    triple_word = words_sorted[np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count) + np.repeat(low, count)]
    hit = np.isin(pair_text[triple_pair] * size + triple_word, text_words)
    judged = np.zeros(len(names), bool)
    judged[cluster_of_word] = True
    # a row in another script is named by a transliteration, which no word comparison meets (as E3's names)
    foreign = other_script(spelt_texts).to_numpy(zero_copy_only=False)
    judged[pair_cluster[foreign[pair_text]]] = False
    fits = np.zeros(len(names), bool)
    fits[pair_cluster[triple_pair[hit]]] = True
    failing = names.take(pa.array(np.flatnonzero(judged & ~fits), pa.int64()))
    if not len(failing):
        return
    first = rows.filter(pc.is_in(rows.column("cluster_id"), value_set=failing)).group_by("cluster_id") \
        .aggregate([("quote_id", "min")]).sort_by("quote_id_min")
    for cluster, row_id in zip(first.column("cluster_id").to_pylist(), first.column("quote_id_min").to_pylist()):
        report.add("quotes", CHECK, f"a quote cluster named by a slug names its utterance (Q12): no word of '{cluster}' "
                   "is a word of its rows", row_id, "cluster_id", cluster)
