"""A proposition is stated once, in any letter case, Unicode normal form or spacing (two spellings
of one proposition are one):
- C9: variants name incompatible versions of a proposition, so two variants of one cluster never
  state the same one (attack25: a variant given another's proposition, as written or in capitals,
  validated) [variant-propositions-repeat];
- C7: a cluster groups every claim that states its proposition, so two annotated clusters never
  state the same one (attack25: a two-claim cluster split in two, each claim then read
  `uncorroborated`, validated) [cluster-propositions-repeat]. The extractor's clusters are exempt:
  it proposes one cluster per claim, and two articles may word a claim alike;
- S1: a stance target is what its description defines, so two targets never share one (the
  census: a target copied under a new id, stances then split between the two, validated)
  [target-descriptions-repeat]."""

from __future__ import annotations

import unicodedata

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
                   ids[int(row)], "variant_propositions", item, value_of="an item")


def check_cluster_propositions(tables, report: Report) -> None:
    clusters = tables.get("claim_clusters")
    if clusters is None or len(clusters) == 0 or not all(c in clusters for c in ("cluster_id", "proposition")):
        return
    annotated = ~frame_nulls(clusters, "proposition")
    if "source" in clusters:
        annotated &= ~is_in(clusters, "source", ("auto",))
    for cluster_id, first, proposition in _restated(tables, "claim_clusters", "cluster_id", "proposition", np.flatnonzero(annotated)):
        report.add("claim_clusters", "cluster-propositions-repeat",
                   f"cluster {first!r} states this proposition already: a cluster holds every claim of its proposition (C7)",
                   cluster_id, "proposition", proposition)


def check_target_descriptions(tables, report: Report) -> None:
    targets = tables.get("stance_targets")
    if targets is None or len(targets) == 0 or not all(c in targets for c in ("target_id", "description")):
        return
    for target_id, first, description in _restated(tables, "stance_targets", "target_id", "description",
                                                   np.flatnonzero(~frame_nulls(targets, "description"))):
        report.add("stance_targets", "target-descriptions-repeat",
                   f"target {first!r} has this description already: a target is what its description defines (S1)",
                   target_id, "description", description)


def _restated(tables, table: str, id_column: str, text_column: str, rows: np.ndarray) -> list[tuple[str, str, str]]:
    """(id, the first id stating it, text) for each of `rows` whose text states what an earlier
    row (in id order) states; Python sees only the rows that share a statement."""
    if len(rows) < 2:
        return []
    texts = arrow_column(tables, table, text_column, pa.string())
    codes = pc.dictionary_encode(proposition_keys(texts.take(pa.array(rows)))).indices.to_numpy(zero_copy_only=False)
    shared = np.flatnonzero(np.bincount(codes)[codes] > 1)
    if not len(shared):
        return []
    ids = arrow_column(tables, table, id_column, pa.string()).take(pa.array(rows[shared])).to_pylist()
    said = texts.take(pa.array(rows[shared])).to_pylist()
    first: dict[int, str] = {}
    found = []
    for code, row_id, text in sorted(zip(codes[shared].tolist(), ids, said), key=lambda t: (t[0], str(t[1]))):
        if code in first:
            found.append((row_id, first[code], text))
        else:
            first[code] = row_id
    return found


_BLANK = r"\s\x{a0}\x{85}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{1c}-\x{1f}"
_ODD_BLANKS = rf"[{_BLANK}]{{2,}}|[\t-\r{_BLANK[2:]}]"
"""Blanks other than one plain space: a run of them, or one of another kind (every Unicode space
separator, NEL, line and paragraph separators). Replacing only these is the same as collapsing
every run of blanks to a space, at a tenth of the cost (nearly every proposition holds spaces)."""


def proposition_keys(values: pa.Array) -> pa.Array:
    """What two spellings of one proposition share: case folded, NFC, blanks (Python's
    `str.split`'s) as one space, `proposition_key`. Arrow keys the ASCII texts (nearly all), where
    folding is lowering; Python keys the others. Arrow's `utf8_lower` is no case folding: "ΟΔΟΣ"
    lowers to "οδοσ", never the "οδος" it is in lower case (final sigma), "İ" and "ß" neither
    match "i̇" and "ss", so such a proposition given twice in two cases validated (attack29)."""
    ascii_ = pc.fill_null(pc.string_is_ascii(values), True)
    keys = pc.utf8_trim_whitespace(pc.replace_substring_regex(pc.ascii_lower(values), _ODD_BLANKS, " "))
    if pc.all(ascii_).as_py() is not False:
        return keys
    other = pc.invert(ascii_)
    folded = [proposition_key(value) for value in pc.filter(values, other).to_pylist()]
    return pc.replace_with_mask(keys, other, pa.array(folded, keys.type))


def proposition_key(value: str) -> str:
    """Caseless matching (case folded, then canonical composition), blanks as one space."""
    return " ".join(unicodedata.normalize("NFC", unicodedata.normalize("NFC", value).casefold()).split())


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
