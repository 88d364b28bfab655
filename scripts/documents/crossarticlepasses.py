"""Agreement of the independent passes over the cross-article layer: the ninth (which claims state
one proposition: clusters and variants) and the tenth (whether each proposition agrees with the
public record).

The consistency labels users filter on are derived from the clusters (C9), and the record status
is a judgement of its own (C9b): their only independent figures were the third pass's, made
against the gold of 2.0 when the claims were 216 (record status kappa 0.635). Both passes here
take the claim spans of their partner release as given, so each measures one judgement only:
the ninth reader grouped the partner's claims into propositions from the guidelines, the entity
catalogue and the raw texts; the tenth judged the record of the partner's propositions (their
wording and their claims' texts, never their status or note).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from landstrikes.documents.agreement import cohen_kappa, prf
from landstrikes.documents.claimspass_registry import CROSS_ARTICLE_PASSES
from landstrikes.documents.fourthpass import read_partner, read_pass_tsv
from landstrikes.documents.thirdpass import derive_consistency
from landstrikes.errors import BuildError, short
from landstrikes.schema.labels import RECORD_STATUSES

PARTNER_USED = {
    "claims": ("claim_id", "article_id", "cluster_id", "variant_id", "consistency", "record_status"),
    "claim_clusters": ("cluster_id", "variant_ids", "record_status", "variant_record_statuses"),
}
CONFIDENCE = ("high", "medium", "low")


def _pass_and_partner(dataset_dir: Path, name: str, partners: dict | None = None):
    """(the registered pass, its folder, its partner's name, the partner's used tables), or None
    when the dataset holds no such pass. `partners` keeps a partner read (and verified) for the
    other pass of one `agreement` run: both passes share release 2.24.1."""
    (each,) = (p for p in CROSS_ARTICLE_PASSES if p.name == name)
    folder = dataset_dir / each.folder
    if not folder.exists():
        return None
    partners = {} if partners is None else partners
    key = (each.partner, each.pin)
    if key not in partners:
        partners[key] = read_partner(dataset_dir, each.partner, each.pin, PARTNER_USED, each.name)
    return each, folder, each.partner.parent.name, partners[key]


def _once(path: Path, keyed: list[tuple[int, str]], what: str) -> None:
    first: dict[str, int] = {}
    for line, key in keyed:
        seen = first.setdefault(key, line)
        if seen != line:
            raise BuildError(path, f"{what} {short(key)} is given on line {seen} too", line, check="duplicate-id")


def _all_given(path: Path, given: set, expected: set, what: str, release: str) -> None:
    missing = sorted(expected - given)
    if missing:
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        raise BuildError(path, f"lacks the {what} {short(str(missing[0]))}{more} of release {release}: a pass judges every one",
                         check="missing-field")


def _cluster_catalogue(path: Path) -> dict[str, set[str]]:
    """The ninth pass's clusters, each with its variant keys (`key: proposition | key: ...`)."""
    rows = read_pass_tsv(path, ("cluster", "proposition", "variants"), {}, "ninth-pass file")
    _once(path, [(line, row["cluster"]) for line, row in rows], "cluster")
    catalogue = {}
    for line, row in rows:
        if not row["cluster"] or not row["proposition"].strip():
            raise BuildError(path, "a cluster needs a key and a proposition", line, check="missing-field")
        items = [part.partition(":") for part in row["variants"].split("|")] if row["variants"].strip() else []
        keys = [key.strip() for key, _, _ in items]
        worded = all(key.strip() and colon and wording.strip() for key, colon, wording in items)
        if not worded or len(set(keys)) != len(keys) or len(keys) == 1:
            raise BuildError(path, f"column variants: {short(row['variants'])} is not two or more distinct `key: proposition` items",
                             line, check="wrong-type")
        catalogue[row["cluster"]] = set(keys)
    return catalogue


def _assignments(folder: Path, claims: dict[str, dict], release: str) -> dict[str, tuple[str, str]]:
    """claim id -> (cluster, variant) of the ninth pass; every partner claim exactly once, every key catalogued."""
    catalogue = _cluster_catalogue(folder / "clusters.tsv")
    path = folder / "assignments.tsv"
    rows = read_pass_tsv(path, ("claim_id", "cluster", "variant"), {}, "ninth-pass file")
    _once(path, [(line, row["claim_id"]) for line, row in rows], "claim")
    out = {}
    for line, row in rows:
        if row["claim_id"] not in claims:
            raise BuildError(path, f"column claim_id: {short(row['claim_id'])} is no claim of release {release}", line,
                             check="unknown-reference")
        variants = catalogue.get(row["cluster"])
        if variants is None:
            raise BuildError(path, f"column cluster: {short(row['cluster'])} is not in clusters.tsv", line, check="unknown-reference")
        if row["variant"] and row["variant"] not in variants:
            raise BuildError(path, f"column variant: {short(row['variant'])} is no variant of cluster {short(row['cluster'])}", line,
                             check="unknown-reference")
        out[row["claim_id"]] = (row["cluster"], row["variant"])
    _all_given(path, set(out), set(claims), "claim", release)
    return out


def _bcubed(ids: list[str], gold: dict[str, str], ours: dict[str, str]) -> dict:
    members_g, members_o = defaultdict(set), defaultdict(set)
    for i in ids:
        members_g[gold[i]].add(i)
        members_o[ours[i]].add(i)
    precision = sum(len(members_o[ours[i]] & members_g[gold[i]]) / len(members_o[ours[i]]) for i in ids) / len(ids)
    recall = sum(len(members_o[ours[i]] & members_g[gold[i]]) / len(members_g[gold[i]]) for i in ids) / len(ids)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _pairs(groups: Counter) -> int:
    return sum(n * (n - 1) // 2 for n in groups.values())


def _links(ids: list[str], article: dict[str, str], gold: dict[str, str], ours: dict[str, str], across: bool) -> dict:
    """Pairs of claims put in one cluster, on each side: within or across articles. Counted from
    group sizes (pairs in one group = n(n-1)/2), not pair by pair: 75,000 pairs at 387 claims."""
    def linked(*keys) -> tuple[int, int]:
        """(pairs sharing the keys anywhere, pairs sharing them inside one article)."""
        anywhere = _pairs(Counter(tuple(k[i] for k in keys) for i in ids)) if keys else len(ids) * (len(ids) - 1) // 2
        return anywhere, _pairs(Counter((article[i], *(k[i] for k in keys)) for i in ids))

    def count(*keys) -> int:
        anywhere, inside = linked(*keys)
        return anywhere - inside if across else inside

    pairs, same_g, same_o, both = count(), count(gold), count(ours), count(gold, ours)
    neither = pairs - same_g - same_o + both
    kappa = cohen_kappa(["True"] * both + ["True"] * (same_g - both) + ["False"] * (same_o - both) + ["False"] * neither,
                        ["True"] * both + ["False"] * (same_g - both) + ["True"] * (same_o - both) + ["False"] * neither)
    return {"pairs": pairs, "gold_links": same_g, "pass_links": same_o,
            "link": prf(both, same_g, same_o), "same_cluster_kappa": kappa}


def _crossing(claims: dict[str, dict], cluster_of: dict[str, str]) -> int:
    articles = defaultdict(set)
    for i, c in claims.items():
        articles[cluster_of[i]].add(c["article_id"])
    return sum(len(a) > 1 for a in articles.values())


def cluster_pass_agreement(dataset_dir: Path, partners: dict | None = None) -> dict | None:
    """Figures of the ninth pass against its partner, or None when the dataset holds no such pass."""
    found = _pass_and_partner(dataset_dir, "ninth", partners)
    if found is None:
        return None
    each, folder, release, tables = found
    claims = {r["claim_id"]: r for r in tables["claims"].to_dict("records")}
    ours = _assignments(folder, claims, release)
    ids = sorted(claims)
    gold_cluster = {i: claims[i]["cluster_id"] for i in ids}
    pass_cluster = {i: ours[i][0] for i in ids}
    article = {i: claims[i]["article_id"] for i in ids}

    def side(cluster_of, variant_of):
        # C8's hypothetical bit is the text's own flag, not a clustering judgement: the partner's on both sides
        return [{"article_id": article[i], "cluster": cluster_of[i], "variant": variant_of(i),
                 "hypothetical": claims[i]["consistency"] == "hypothetical"} for i in ids]

    gold_labels = derive_consistency(side(gold_cluster, lambda i: claims[i]["variant_id"] if isinstance(claims[i]["variant_id"], str) else ""))
    pass_labels = derive_consistency(side(pass_cluster, lambda i: ours[i][1]))
    return {
        "partner": str(each.partner.parent), "claims": len(ids),
        "gold_clusters": len(set(gold_cluster.values())), "pass_clusters": len(set(pass_cluster.values())),
        "gold_cross_article_clusters": _crossing(claims, gold_cluster), "pass_cross_article_clusters": _crossing(claims, pass_cluster),
        "bcubed": _bcubed(ids, gold_cluster, pass_cluster),
        "within_article": _links(ids, article, gold_cluster, pass_cluster, across=False),
        "across_articles": _links(ids, article, gold_cluster, pass_cluster, across=True),
        "consistency_kappa": cohen_kappa(gold_labels, pass_labels),
        "consistency_agreement": round(sum(g == p for g, p in zip(gold_labels, pass_labels)) / len(ids), 4),
        "consistency": {"gold": dict(sorted(Counter(gold_labels).items())), "pass": dict(sorted(Counter(pass_labels).items()))},
    }


def _propositions(clusters: list[dict]) -> dict[tuple[str, str], str]:
    """(cluster, variant or "") -> the partner's record status: each cluster, or each of its variants (C9b)."""
    out = {}
    for c in clusters:
        variants = list(c["variant_ids"] if c["variant_ids"] is not None else [])
        if variants:
            out.update({(c["cluster_id"], v): s for v, s in zip(variants, c["variant_record_statuses"])})
        else:
            out[(c["cluster_id"], "")] = c["record_status"]
    return out


def record_pass_agreement(dataset_dir: Path, partners: dict | None = None) -> dict | None:
    """Figures of the tenth pass against its partner, or None when the dataset holds no such pass."""
    found = _pass_and_partner(dataset_dir, "tenth", partners)
    if found is None:
        return None
    each, folder, release, tables = found
    gold = _propositions(tables["claim_clusters"].to_dict("records"))
    path = folder / "record.tsv"
    rows = read_pass_tsv(path, ("cluster_id", "variant_id", "record_status", "record_note", "confidence"),
                         {"record_status": RECORD_STATUSES, "confidence": CONFIDENCE}, "tenth-pass file")
    _once(path, [(line, f"{row['cluster_id']}/{row['variant_id']}") for line, row in rows], "proposition")
    ours, confidence = {}, {}
    for line, row in rows:
        key = (row["cluster_id"], row["variant_id"])
        if key not in gold:
            raise BuildError(path, f"column cluster_id: {short('/'.join(filter(None, key)))} is no proposition of release {release}",
                             line, check="unknown-reference")
        ours[key], confidence[key] = row["record_status"], row["confidence"]
    _all_given(path, set(ours), set(gold), "proposition", release)
    keys = sorted(gold)
    claims = tables["claims"].to_dict("records")
    per_claim = [(c["cluster_id"], c["variant_id"] if isinstance(c["variant_id"], str) else "") for c in claims]
    sure = [k for k in keys if confidence[k] == "high"]
    return {
        "partner": str(each.partner.parent), "propositions": len(keys),
        "record_status_kappa": cohen_kappa([gold[k] for k in keys], [ours[k] for k in keys]),
        "record_status_agreement": round(sum(gold[k] == ours[k] for k in keys) / len(keys), 4),
        "confusion": {f"{g} -> {p}": n for (g, p), n in sorted(Counter((gold[k], ours[k]) for k in keys).items())},
        "high_confidence": {"propositions": len(sure),
                            "agreement": round(sum(gold[k] == ours[k] for k in sure) / max(1, len(sure)), 4)},
        "claims": len(per_claim),
        "claim_record_status_kappa": cohen_kappa([gold[k] for k in per_claim], [ours[k] for k in per_claim]),
        "claim_record_status_agreement": round(sum(gold[k] == ours[k] for k in per_claim) / max(1, len(per_claim)), 4),
    }


def cross_article_passes_agreement(dataset_dir: Path) -> dict[str, dict]:
    """Each cross-article pass the dataset holds, keyed `<name>_pass`."""
    found, partners = {}, {}
    for name, figures in (("ninth", cluster_pass_agreement), ("tenth", record_pass_agreement)):
        result = figures(dataset_dir, partners)
        if result is not None:
            found[f"{name}_pass"] = result
    return found
