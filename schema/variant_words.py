"""C9 (2.29): a proposition that restates a claim's words states that claim's version. A claim
every word of which another variant's proposition of its cluster holds, while its own variant's
proposition lacks one, names the wrong variant; words are compared in NFKC case-folded form, with
apostrophes dropped and every other character that is not a letter or digit a break. Two
variants' propositions swapped (a001's "very,very sad to watch and see" given to `as-misquoted`,
the misquoted words to `as-said`) had validated, every claim then showing the other version as
its own (attack44) [variant-proposition-not-its-claims]. Only whole restatements decide: a
proposition in other words than its claims' (releases 2.0.0-2.5.0's "Hundreds of thousands ...
Americans die every year, as Trump says" for "has resulted in extraordinarily high death tolls")
is a reading no count of shared words can judge, and passes. The extractor's claims take no
variant (C9), so they are never judged. Row-local to claims, with claim_clusters lent whole to
every partition."""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, failing_rows
from landstrikes.schema.checkcorpus import column
from landstrikes.schema.report import Report

_APOSTROPHES = re.compile("['\u2019\u02bc\u2018]")
_BREAKS = re.compile(r"[\W_]+")


def words_of(text: str) -> frozenset[str]:
    """The distinct words of `text` as the rule compares them."""
    folded = _APOSTROPHES.sub("", unicodedata.normalize("NFKC", text).casefold())
    return frozenset(w for w in _BREAKS.split(folded) if w)


def check_variant_words(tables, report: Report) -> None:
    claims = arrow_of(tables, "claims", ("text", "cluster_id", "variant_id"))
    clusters = arrow_of(tables, "claim_clusters", ("variant_ids", "variant_propositions"))
    if claims is None or clusters is None or len(claims) == 0 or len(clusters) == 0:
        return
    listed = column(clusters, "variant_ids")
    if not (pa.types.is_list(listed.type) and pa.types.is_list(column(clusters, "variant_propositions").type)):
        return  # wrong-dtype's finding
    several = failing_rows(pc.greater(pc.fill_null(pc.list_value_length(listed), 0), 1))
    if len(several) == 0:
        return
    versions = _versions(clusters, several)
    with_variant = pc.and_(pc.is_valid(column(claims, "variant_id")),
                           pc.is_in(column(claims, "cluster_id"), value_set=pa.array(list(versions), pa.string())))
    rows = failing_rows(with_variant)
    if len(rows) == 0:
        return
    picked = claims.take(pa.array(rows, pa.int64()))
    for claim_id, text, cluster_id, variant_id in zip(*(column(picked, c).to_pylist() for c in ("claim_id", "text", "cluster_id", "variant_id"))):
        said = versions[cluster_id]
        if not isinstance(variant_id, str) or variant_id not in said.words or not isinstance(text, str):
            continue  # an unknown variant is variant-not-in-cluster's finding; a null text the schema's
        words = words_of(text)
        if words <= said.words[variant_id]:
            continue
        restating = said.first_holding(words)
        if restating is not None:
            report.add("claims", "variant-proposition-not-its-claims",
                       f"variant {restating!r}'s proposition holds every word of this claim, its own {variant_id!r}'s does not: "
                       "a proposition that restates a claim's words states that claim's version (C9)", claim_id, "variant_id", variant_id)


class _Cluster:
    """One cluster's variants: the words of each one's proposition, and for each word the variants
    (in list order) whose proposition holds it. The first variant holding a claim's words is looked
    up from its rarest word's holders, not by comparing the claim with every variant: that had cost
    claims x variants (attack47: 8,000 claims of a cluster of 8,000 variants added 13 s to
    validate, which has no time budget)."""

    def __init__(self, ids: list, propositions: list) -> None:
        self.words: dict[str, frozenset[str]] = {}
        self.order: list[str] = []  # the variants in list order
        holders: dict[str, list[int]] = {}
        for v, p in zip(ids, propositions):
            if not (isinstance(v, str) and isinstance(p, str)):
                continue
            if v not in self.words:  # a variant listed twice (duplicate-list-item's finding): its first place, its last proposition
                self.order.append(v)
            self.words[v] = words_of(p)
        for at, v in enumerate(self.order):
            for word in self.words[v]:
                holders.setdefault(word, []).append(at)
        self._holders = holders
        self._sets = {word: frozenset(at) for word, at in holders.items()}
        self._found: dict[frozenset[str], str | None] = {}

    def first_holding(self, words: frozenset[str]) -> str | None:
        """The first variant (in list order) whose proposition holds every one of `words`, or None."""
        if words not in self._found:
            self._found[words] = self._first(words)
        return self._found[words]

    def _first(self, words: frozenset[str]) -> str | None:
        if any(word not in self._holders for word in words):
            return None
        rarest = min(words, key=lambda word: len(self._holders[word]))
        others = [self._sets[word] for word in words if word != rarest]
        at = next((at for at in self._holders[rarest] if all(at in held for held in others)), None)
        return None if at is None else self.order[at]


def _versions(clusters: pa.Table, rows: np.ndarray) -> dict[str, _Cluster]:
    """{cluster id: its variants' words} for the clusters at `rows`."""
    picked = clusters.take(pa.array(rows, pa.int64()))
    versions: dict[str, _Cluster] = {}
    for cluster_id, ids, said in zip(*(column(picked, c).to_pylist() for c in ("cluster_id", "variant_ids", "variant_propositions"))):
        if cluster_id is None or ids is None or said is None or len(ids) != len(said):
            continue  # variant-lists-misaligned's finding
        versions[cluster_id] = _Cluster(ids, said)
    return versions
