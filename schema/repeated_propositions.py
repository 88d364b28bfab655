"""A proposition is stated once, in any letter case, Unicode normal form or spacing (two spellings
of one proposition are one):
- C9: variants name incompatible versions of a proposition, so two variants of one cluster never
  state the same one (attack25: a variant given another's proposition, as written or in capitals,
  validated) [variant-propositions-repeat];
- C7: a cluster groups every claim that states its proposition, so two annotated clusters never
  state the same one (attack25: a two-claim cluster split in two, each claim then read
  `uncorroborated`, validated) [cluster-propositions-repeat]. The extractor's clusters are exempt:
  it proposes one cluster per claim, and two articles may word a claim alike."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.checkcorpus import arrow_column, frame_nulls, is_in
from landstrikes.schema.report import Report


def check_variant_propositions(tables, report: Report) -> None:
    clusters = tables.get("claim_clusters")
    if clusters is None or len(clusters) == 0 or not all(c in clusters for c in ("cluster_id", "variant_propositions")):
        return
    listed = arrow_column(tables, "claim_clusters", "variant_propositions", pa.list_(pa.string()))
    items = pc.list_flatten(listed)
    owners = pc.list_parent_indices(listed).to_numpy(zero_copy_only=False).astype(np.int64)
    repeated = _repeats(owners, proposition_keys(items))
    ids = None
    for row in np.unique(owners[repeated]):
        ids = ids or arrow_column(tables, "claim_clusters", "cluster_id", pa.string()).to_pylist()
        item = items[int(np.flatnonzero(repeated & (owners == row))[0])].as_py()
        report.add("claim_clusters", "variant-propositions-repeat",
                   "two variants of the cluster state one proposition; variants are incompatible versions (C9)",
                   ids[int(row)], "variant_propositions", item[:60])


def check_cluster_propositions(tables, report: Report) -> None:
    clusters = tables.get("claim_clusters")
    if clusters is None or len(clusters) == 0 or not all(c in clusters for c in ("cluster_id", "proposition")):
        return
    annotated = ~frame_nulls(clusters, "proposition")
    if "source" in clusters:
        annotated &= ~is_in(clusters, "source", ("auto",))
    rows = np.flatnonzero(annotated)
    if len(rows) < 2:
        return
    take = pa.array(rows)
    ids = arrow_column(tables, "claim_clusters", "cluster_id", pa.string()).take(take)
    order = np.argsort(np.asarray(ids.to_numpy(zero_copy_only=False), dtype=object).astype(str), kind="stable")
    keys = proposition_keys(arrow_column(tables, "claim_clusters", "proposition", pa.string()).take(take)).take(pa.array(order))
    repeated = _repeats(np.zeros(len(order), dtype=np.int64), keys)
    if not repeated.any():
        return
    codes = pc.dictionary_encode(keys).indices.to_numpy(zero_copy_only=False)
    first = {}
    for n in range(len(order)):
        first.setdefault(codes[n], n)
    propositions = arrow_column(tables, "claim_clusters", "proposition", pa.string()).take(take)
    for n in np.flatnonzero(repeated):
        row = int(order[n])
        report.add("claim_clusters", "cluster-propositions-repeat",
                   f"cluster {ids[int(order[first[codes[n]]])].as_py()!r} states this proposition already: "
                   "a cluster holds every claim of its proposition (C7)",
                   ids[row].as_py(), "proposition", propositions[row].as_py()[:60])


def proposition_keys(values: pa.Array) -> pa.Array:
    """What two spellings of one proposition share: NFC, lower case, blanks as one space."""
    lowered = pc.utf8_lower(pc.utf8_normalize(values, "NFC"))
    return pc.utf8_trim_whitespace(pc.replace_substring_regex(lowered, r"[\s\p{Z}\x{85}]+", " "))


def _repeats(owners: np.ndarray, keys: pa.Array) -> np.ndarray:
    """Which items repeat an earlier item of the same owner (nulls never do)."""
    if not len(keys):
        return np.zeros(0, dtype=bool)
    codes = pc.dictionary_encode(keys).indices
    known = ~codes.is_null().to_numpy(zero_copy_only=False)
    width = int(pc.max(codes).as_py() or 0) + 1
    pairs = owners * width + pc.fill_null(codes, 0).to_numpy(zero_copy_only=False).astype(np.int64)
    _, first = np.unique(np.where(known, pairs, -1 - np.arange(len(pairs))), return_index=True)
    repeated = np.ones(len(pairs), dtype=bool)
    repeated[first] = False
    return repeated & known
