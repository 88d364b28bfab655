"""Cross checks of the claims and claim_clusters tables (beside schema/claims.py).
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.checkcorpus import (
    distinct_ints,
    LazyFrame,
    _isin,
    _rows,
    column,
    frame_ints,
    frame_of,
    frame_strings,
    no_nulls,
    pandas_on_demand as pd,
    shared_codes,
)
from landstrikes.schema.auto_constants import AUTO_CLUSTER_COUNTS
from landstrikes.schema.report import Report


def check_claims(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """Consistency labels agree with the contradiction links and the clusters (C7, C8)."""
    claims = tables.get("claims")
    if claims is None:
        return
    if isinstance(claims, LazyFrame) and _claims_consistent_on_arrow(claims):
        return
    claims = frame_of(claims)
    links = claims["contradicted_by"]  # lists of claim ids, or None
    contradicted = (claims["consistency"] == "contradicted").to_numpy()
    has_links = (links.str.len().fillna(0) > 0).to_numpy()
    for cid, value in zip(claims["claim_id"][contradicted != has_links], links[contradicted != has_links]):
        report.add("claims", "consistency-link-mismatch", "contradicted claims, and only they, list contradicted_by", cid, "contradicted_by", list(value) if value is not None else [])
    pairs = claims[["claim_id", "article_id", "cluster_id"]].assign(other=links).explode("other").dropna(subset=["other"])
    target = claims[["claim_id", "article_id", "cluster_id"]].drop_duplicates("claim_id", keep="last")
    linked = pairs.merge(target, left_on="other", right_on="claim_id", suffixes=("", "_other"))
    bad = linked[(linked["article_id_other"] == linked["article_id"]) | (linked["cluster_id_other"] != linked["cluster_id"])]
    for cid, other in zip(bad["claim_id"], bad["other"]):
        report.add("claims", "contradiction-not-cross-article", "contradicted_by must name a claim of the same cluster in another article", cid, "contradicted_by", other, value_of="an item")
    shared = claims.groupby("cluster_id")["article_id"].nunique().reindex(claims["cluster_id"].to_numpy()).to_numpy() > 1
    lonely_claim = (claims["consistency"] == "uncorroborated").to_numpy() & shared
    lonely = _rows(claims, lonely_claim, ["claim_id", "cluster_id", "article_id", "consistency"])
    in_cluster = _rows(claims, _isin(claims["cluster_id"], lonely["cluster_id"]), ["cluster_id", "article_id"]).groupby("cluster_id")["article_id"].agg(set)
    for cid, cluster, article_id, consistency in zip(*(lonely[c] for c in ("claim_id", "cluster_id", "article_id", "consistency"))):
        others = sorted(a for a in in_cluster[cluster] - {article_id} if isinstance(a, str))  # a null article id is no article (attack31: it crashed the check)
        report.add("claims", "consistency-cluster-mismatch", f"cluster {cluster} also occurs in {others}", cid, "consistency", consistency)
    alone = (claims["consistency"] == "corroborated").to_numpy() & ~shared
    for cid, cluster, consistency in zip(claims["claim_id"][alone], claims["cluster_id"][alone], claims["consistency"][alone]):
        report.add("claims", "consistency-cluster-mismatch", f"no other article states cluster {cluster}", cid, "consistency", consistency)


def check_claim_clusters(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """Cluster counts are what the claims say, and each claim names a variant of its cluster (C7, C9).

    Grouped counts compared as arrays, variants by a join; Python only visits failing rows.
    """
    claims, clusters = tables.get("claims"), tables.get("claim_clusters")
    if claims is None or clusters is None:
        return
    if isinstance(claims, LazyFrame) and isinstance(clusters, LazyFrame) and _clusters_agree_on_arrow(claims, clusters):
        return
    claims, clusters = frame_of(claims), frame_of(clusters)
    members = claims.groupby("cluster_id")
    derived = pd.DataFrame({
        "n_claims": members.size(),
        "n_articles": members["article_id"].nunique(),
        "contradicted": (claims["consistency"] == "contradicted").groupby(claims["cluster_id"]).any(),
    })
    # a cluster no claim uses should say 0 claims, 0 articles, not contradicted
    want = derived.reindex(clusters["cluster_id"].to_numpy())
    used = want["n_claims"].notna().to_numpy()
    expected = {
        "n_claims": want["n_claims"].fillna(0).to_numpy(dtype=np.int64),
        "n_articles": want["n_articles"].fillna(0).to_numpy(dtype=np.int64),
        "contradicted": np.where(used, want["contradicted"].to_numpy(dtype=object), False),
    }
    wrong = {
        column: clusters[column].isna().to_numpy()
        | np.asarray(clusters[column].to_numpy(dtype=object, na_value=None) != expected[column], dtype=bool)
        for column in expected
    }
    _stand_aside_for_the_extractor_s_counts(clusters, wrong)
    cluster_ids = clusters["cluster_id"].to_numpy(dtype=object)
    for row in np.flatnonzero(np.logical_or.reduce(list(wrong.values()))):
        for column in expected:
            if wrong[column][row]:
                report.add("claim_clusters", "cluster-counts-mismatch", f"the claims give {expected[column][row]}", cluster_ids[row], column, clusters[column].iloc[row])
    _check_variants(claims, clusters, report)


def _stand_aside_for_the_extractor_s_counts(clusters: pd.DataFrame, wrong: dict[str, np.ndarray]) -> None:
    """An extractor cluster's count that is not its one claim's 1 (or is null) is
    `auto-claim-not-default`'s finding on that row (C9 2.27): one edited cell, one finding
    (silver40). A count of 1 that the claims contradict, and an annotator's cluster, stay here."""
    if "source" not in clusters:
        return
    auto = (clusters["source"] == "auto").to_numpy(dtype=bool)
    if not auto.any():
        return
    for name, count in AUTO_CLUSTER_COUNTS:
        values = clusters[name]
        if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):  # (another type: both judge it)
            wrong[name] &= ~(auto & (values.isna() | (values != count)).to_numpy(dtype=bool))


def _check_variants(claims: pd.DataFrame, clusters: pd.DataFrame, report: Report) -> None:
    """A claim of a cluster with variants names one of them; of a cluster without, names none."""
    last = clusters.drop_duplicates("cluster_id", keep="last")
    cluster_ids = last["cluster_id"].to_numpy(dtype=object)
    n_variants = pd.Series(last["variant_ids"].map(lambda v: len(v) if v is not None else 0).to_numpy(), index=cluster_ids)
    with_variants = last[n_variants.to_numpy() > 0]
    allowed = pd.DataFrame({
        "cluster_id": with_variants["cluster_id"].to_numpy(dtype=object),
        "variant_id": with_variants["variant_ids"].to_numpy(),
    }).explode("variant_id").drop_duplicates()
    rows = pd.DataFrame({
        "cluster_id": claims["cluster_id"].to_numpy(dtype=object),
        "variant_id": claims["variant_id"].to_numpy(dtype=object, na_value=None),
    })
    named = rows.merge(allowed, how="left", on=["cluster_id", "variant_id"], indicator=True)["_merge"].to_numpy() == "both"
    known = _isin(claims["cluster_id"], cluster_ids)
    has = n_variants.reindex(rows["cluster_id"]).fillna(0).to_numpy() > 0
    bad = known & np.where(has, ~named, rows["variant_id"].notna().to_numpy())
    if not bad.any():
        return
    variants = dict(zip(clusters["cluster_id"], clusters["variant_ids"]))
    for cid, cluster, variant in zip(claims["claim_id"][bad], rows["cluster_id"][bad], rows["variant_id"][bad]):
        value = None if pd.isna(variant) else variant
        report.add("claims", "variant-not-in-cluster", f"cluster {cluster} has variants {list(variants[cluster] or [])}", cid, "variant_id", value)


def _lists(df, name: str) -> pa.Array:
    values = column(df.arrow, name)
    return values.cast(pa.list_(pa.string()))


def _pair_counts(first: np.ndarray, second: np.ndarray, size: int) -> np.ndarray:
    """For each value of `first` (codes < size), how many distinct `second` values it meets."""
    if not len(first):
        return np.zeros(size, np.int64)
    pairs = distinct_ints(first * (int(second.max()) + 1) + second)
    return np.bincount(pairs // (int(second.max()) + 1), minlength=size)


def _claims_consistent_on_arrow(claims) -> bool:
    """True when `check_claims` finds nothing, decided on Arrow and numpy; False (the frames
    decide) where a null meets a rule."""
    if not no_nulls(claims, "claim_id", "article_id", "cluster_id", "consistency"):
        return False
    links = _lists(claims, "contradicted_by")
    items = pc.list_flatten(links)
    if items.null_count:
        return False
    consistency = frame_strings(claims, "consistency")
    contradicted = pc.equal(consistency, "contradicted").to_numpy(zero_copy_only=False)
    has_links = pc.fill_null(pc.list_value_length(links), 0).to_numpy(zero_copy_only=False) > 0
    if np.any(contradicted != has_links):
        return False
    ids, named = shared_codes(frame_strings(claims, "claim_id"), items)
    article, = shared_codes(frame_strings(claims, "article_id"))
    cluster, = shared_codes(frame_strings(claims, "cluster_id"))
    last = np.full(int(max(ids.max(initial=-1), named.max(initial=-1))) + 1, -1, np.int64)
    last[ids] = np.arange(len(ids))  # each claim id's last row (the later assignment wins)
    parent = pc.list_parent_indices(links).to_numpy(zero_copy_only=False)
    other = last[named] if len(named) else np.zeros(0, np.int64)
    known = other >= 0
    parent, other = parent[known], other[known]
    if np.any((article[other] == article[parent]) | (cluster[other] != cluster[parent])):
        return False
    shared = (_pair_counts(cluster, article, int(cluster.max(initial=-1)) + 1) > 1)[cluster] if len(cluster) else np.zeros(0, bool)
    lonely = pc.equal(consistency, "uncorroborated").to_numpy(zero_copy_only=False) & shared
    alone = pc.equal(consistency, "corroborated").to_numpy(zero_copy_only=False) & ~shared
    return not (lonely.any() or alone.any())


def _clusters_agree_on_arrow(claims, clusters) -> bool:
    """True when `check_claim_clusters` finds nothing (counts, contradiction, variants), decided on
    Arrow and numpy; False where a null or a cluster id given twice meets a rule."""
    if not (no_nulls(claims, "cluster_id", "article_id", "consistency")
            and no_nulls(clusters, "cluster_id", "n_claims", "n_articles", "contradicted")):
        return False
    cluster_ids = frame_strings(clusters, "cluster_id")
    if pc.count_distinct(cluster_ids).as_py() != len(cluster_ids):
        return False
    claim_cluster, cluster = shared_codes(frame_strings(claims, "cluster_id"), cluster_ids)
    article, = shared_codes(frame_strings(claims, "article_id"))
    size = int(max(claim_cluster.max(initial=-1), cluster.max(initial=-1))) + 1
    n_claims = np.bincount(claim_cluster, minlength=size)
    n_articles = _pair_counts(claim_cluster, article, size)
    contradicted = pc.equal(frame_strings(claims, "consistency"), "contradicted").to_numpy(zero_copy_only=False)
    any_contradicted = np.bincount(claim_cluster[contradicted], minlength=size) > 0
    have = column(clusters.arrow, "contradicted").to_numpy(zero_copy_only=False).astype(bool)
    if not (np.array_equal(frame_ints(clusters, "n_claims"), n_claims[cluster])
            and np.array_equal(frame_ints(clusters, "n_articles"), n_articles[cluster])
            and np.array_equal(have, any_contradicted[cluster])):
        return False
    # a claim of a cluster with variants names one of them; of a cluster without, names none
    lists = _lists(clusters, "variant_ids")
    items = pc.list_flatten(lists)
    if items.null_count:
        return False
    n_variants = np.zeros(size, np.int64)
    n_variants[cluster] = pc.fill_null(pc.list_value_length(lists), 0).to_numpy(zero_copy_only=False)
    known = np.zeros(size, bool)
    known[cluster] = True
    variant = frame_strings(claims, "variant_id")
    named, listed = shared_codes(variant, items)
    of_cluster = cluster[pc.list_parent_indices(lists).to_numpy(zero_copy_only=False)]
    width = int(max(named.max(initial=-1), listed.max(initial=-1))) + 2
    allowed = np.isin(claim_cluster * width + named, of_cluster * width + listed) & (named >= 0)
    mine = known[claim_cluster]
    has = n_variants[claim_cluster] > 0
    return not np.any(mine & np.where(has, ~allowed, named >= 0))


def check_quantity_ranges(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """A range claim reads low to high: quantity_low above quantity_high is no quantity (attack3)."""
    claims = tables.get("claims")
    if claims is None or "quantity_low" not in claims or "quantity_high" not in claims:
        return
    if isinstance(claims, LazyFrame) and _ranges_read_low_to_high(claims.arrow):
        return
    claims = frame_of(claims)
    low = pd.to_numeric(claims["quantity_low"], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    high = pd.to_numeric(claims["quantity_high"], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    with np.errstate(invalid="ignore"):
        reversed_ = low > high
    for row in np.flatnonzero(reversed_):
        report.add("claims", "quantity-range-reversed", f"quantity_low {low[row]:g} is above quantity_high {high[row]:g}",
                   str(claims["claim_id"].iloc[row]), "quantity_low", low[row])


def _ranges_read_low_to_high(claims: pa.Table) -> bool:
    """True when no row has quantity_low above quantity_high, decided on Arrow (numeric
    columns only; anything else goes to `pd.to_numeric` as before)."""
    low, high = column(claims, "quantity_low"), column(claims, "quantity_high")
    if not all(pa.types.is_integer(c.type) or pa.types.is_floating(c.type) for c in (low, high)):
        return False
    low, high = (c.cast(pa.float64()).to_numpy(zero_copy_only=False) for c in (low, high))
    with np.errstate(invalid="ignore"):
        return not np.any(low > high)
