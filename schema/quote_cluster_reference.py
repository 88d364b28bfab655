"""`quotes.cluster_similarity` is derived (Q12): each row's word-level similarity to its
cluster's reference row, the most complete direct variant (max of kind == direct, length,
quote_id, as the builder picks it). Two consequences hold without re-scoring any text:
the reference itself scores 1.0, and so does every row whose text is the reference's text.
A quote moved to another (or a new, one-row) cluster, or a reference given another row's score,
passed every other check (census). Every other row's score is its words against the reference's
(`quote_words.word_similarity`, the builder's function), scored once per distinct (text,
reference text) pair: a variant's score off by 1e-5 passed (attack32). A pair past
`quote_words.MAX_WORD_PAIRS` is not scored (the matcher is quadratic at worst). Sort-based on Arrow; the
only Python loop is over distinct pairs of differing texts."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, ids_at
from landstrikes.schema.checkcorpus import column
from landstrikes.schema.quote_words import scores_of_pairs
from landstrikes.schema.report import Report

_COLUMNS = ("cluster_id", "kind", "text", "cluster_similarity")


def check_quote_cluster_reference(tables, report: Report) -> None:
    quotes = arrow_of(tables, "quotes", _COLUMNS)
    if quotes is None or not quotes.num_rows:
        return
    similarity = column(quotes, "cluster_similarity")
    if not pa.types.is_floating(similarity.type):
        return
    # a NaN or null score is non-finite-float's / null-in-required-column's finding: its whole
    # cluster is left out here (its reference cannot be judged), so one slip gives one finding
    unknown = pc.fill_null(pc.is_nan(similarity), True)
    clusters = column(quotes, "cluster_id")
    unjudged = pc.unique(clusters.filter(unknown))
    finite = pc.invert(pc.fill_null(pc.is_in(clusters, value_set=unjudged), False)) if len(unjudged) else pc.invert(unknown)
    usable = pc.and_(pc.and_(clusters.is_valid(), column(quotes, "text").is_valid()),
                     pc.and_(column(quotes, "quote_id").is_valid(), pc.and_(finite, pc.invert(unknown))))
    kept = np.flatnonzero(usable.to_numpy(zero_copy_only=False))
    if not len(kept):
        return
    take = pa.array(kept, pa.int64())
    texts = column(quotes, "text").take(take)
    keys = pa.table({
        "cluster": column(quotes, "cluster_id").take(take),
        "direct": pc.fill_null(pc.equal(column(quotes, "kind").take(take), "direct"), False).cast(pa.int8()),
        "length": pc.utf8_length(texts),
        "quote": column(quotes, "quote_id").take(take),
    })
    sorted_at = pc.sort_indices(keys, sort_keys=[("cluster", "ascending"), ("direct", "descending"), ("length", "descending"), ("quote", "descending")])
    clusters = keys.column("cluster").combine_chunks().take(sorted_at)
    sorted_at = sorted_at.to_numpy()
    first = np.ones(len(sorted_at), bool)
    if len(sorted_at) > 1:
        first[1:] = pc.not_equal(clusters.slice(1), clusters.slice(0, len(clusters) - 1)).to_numpy(zero_copy_only=False)
    group_start = np.maximum.accumulate(np.where(first, np.arange(len(sorted_at)), 0))
    reference = np.empty(len(sorted_at), np.int64)
    reference[sorted_at] = sorted_at[group_start]  # per kept row: the kept row that is its reference
    scores = similarity.take(take).to_numpy(zero_copy_only=False)
    is_reference = reference == np.arange(len(reference))
    # texts compared by their dictionary codes: taking each row's reference text copied the
    # reference once per row (4,000 variants of a 240 KB quote: 1 GB, 2.7 CPU-s; attack37)
    encoded = pc.dictionary_encode(texts)
    codes, distinct = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64), encoded.dictionary
    same_text = codes == codes[reference]
    wrong = np.flatnonzero((is_reference | same_text) & (scores != 1.0))
    rows = kept[wrong]
    references = ids_at(quotes, "quotes", kept[reference[wrong]])
    for row_id, ref_id, score in zip(ids_at(quotes, "quotes", rows), references, scores[wrong]):
        why = ("is its cluster's reference (the most complete direct variant, Q12)" if row_id == ref_id
               else f"has the same text as its cluster's reference {ref_id}")
        report.add("quotes", "cluster-similarity-mismatch", f"cluster_similarity must be 1.0: the row {why}", row_id, "cluster_similarity", score)
    _check_variant_scores(quotes, kept, codes, distinct, reference, scores, np.flatnonzero(~(is_reference | same_text)), report)


def _check_variant_scores(quotes, kept, codes, distinct, reference, scores, variants, report: Report) -> None:
    """Each variant whose text is not its reference's scores its words against the reference's."""
    if not len(variants):
        return
    pair_key = codes[variants] * (int(codes.max()) + 1) + codes[reference[variants]]
    _, first, pair_of = np.unique(pair_key, return_index=True, return_inverse=True)
    firsts = variants[first]
    pairs = sorted(zip(codes[firsts].tolist(), codes[reference[firsts]].tolist(), range(len(firsts))), key=lambda p: p[1])
    found = scores_of_pairs([(a, b) for a, b, _ in pairs], lambda code: distinct[code].as_py())
    expected = np.empty(len(firsts), np.float64)
    expected[[i for _, _, i in pairs]] = found
    expected = expected[pair_of.reshape(-1)]
    wrong = np.flatnonzero((scores[variants] != expected) & ~np.isnan(expected))
    if not len(wrong):
        return
    rows, references = variants[wrong], reference[variants[wrong]]
    for row_id, ref_id, score, want in zip(ids_at(quotes, "quotes", kept[rows]), ids_at(quotes, "quotes", kept[references]),
                                           scores[rows].tolist(), expected[wrong].tolist()):
        report.add("quotes", "cluster-similarity-mismatch", f"cluster_similarity is {score!r}; the row's words against its "
                   f"cluster's reference {ref_id} give {want!r} (Q12)", row_id, "cluster_similarity", score)
