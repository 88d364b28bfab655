"""Agreement of the third independent pass with the gold 2.0 as it stood before adjudication.

The third pass (dataset/annotations/third_pass/) was made from the 2.0 guidelines and the raw
texts only. Its partner is the frozen export of the gold made before the third pass was read
(dataset/annotations/gold_before_third_pass/), so both sides are independent; the adjudicated
gold in dataset/data is only used for the adjudication counts. Per layer: claim spans (F1),
claim type, hedging, consistency (derived from each side's own clusters by rule C9) and record
status (C9b) on matched claims (Cohen's kappa), clusters as co-cluster decisions over pairs of
matched claims in different articles (kappa and link F1), quality-flag evidence (F1 per flag),
article quality labels, stance keys (F1), labels and confidence (kappa on shared keys).
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from pathlib import Path

import pandas as pd

from landstrikes.documents.agreement import cohen_kappa, match_spans, prf, read_gold_table
from landstrikes.documents.passes import (article_of, catalogue_items, claim_article, item_span, pass_files, pass_items, read_pass,
                                         refuse_repeated_keys, refuse_repeated_spans, text_or_null)

THIRD = Path("annotations") / "third_pass"
BEFORE = Path("annotations") / "gold_before_third_pass"


CATALOGUES = ("clusters.yaml", "claim_clusters.yaml")
"""A pass folder's cluster catalogue; every other YAML file is one article's pass (attack16: a
`0*.yaml` glob skipped a file named otherwise, its rows missing from every figure)."""


def _load_pass(folder: Path, articles: pd.DataFrame) -> dict:
    """One pass: rows per layer with resolved spans, quality labels per article, clusters by id."""
    texts = dict(zip(articles["source_file"], zip(articles["article_id"], articles["text"])))
    out: dict = {"claims": [], "stances": [], "flags": [], "labels": {}}
    seen: dict = {}
    for path in pass_files(folder):
        if path.name in CATALOGUES:
            continue
        parsed = read_pass(path)
        doc = parsed.data
        article_id, text = article_of(path, doc, texts)
        claim_article(seen, path, article_id)
        out["labels"][article_id] = text_or_null(path, "quality_label", doc.get("quality_label"), parsed.lines.of_key(doc, "quality_label"))
        for layer, key, needle_key, required in (("claims", "claims", "text", ()), ("stances", "stances", "evidence", ("label",)),
                                                 ("flags", "quality_flags", "evidence", ("flag",))):
            items = pass_items(path, doc, key, required, parsed.lines)
            if layer == "stances":
                refuse_repeated_keys(path, key, items, lambda item: _stance_key({**item, "article_id": article_id}), parsed.lines)
            spans = [item_span(path, key, number, item, needle_key, text, parsed.lines) for number, item in enumerate(items)]
            if layer != "stances":  # keyed by holder and target above
                refuse_repeated_spans(path, key, items, spans, parsed.lines, "flag" if layer == "flags" else None)
            out[layer].extend({**item, "article_id": article_id, "span": span} for item, span in zip(items, spans))
    catalogue = folder / ("clusters.yaml" if (folder / "clusters.yaml").exists() else "claim_clusters.yaml")
    if catalogue.exists():
        parsed = read_pass(catalogue)
        out["clusters"] = {str(c["id"]): c for c in catalogue_items(catalogue, parsed.data, parsed.lines)}
    else:
        out["clusters"] = {}
    return out


def _record_status(claim: dict, clusters: dict) -> str:
    """The claim's own status if given, else its variant's, else its cluster's (C9b)."""
    if claim.get("record_status"):
        return claim["record_status"]
    cluster = clusters.get(str(claim.get("cluster")), {})
    for variant in cluster.get("variants") or []:
        if str(variant.get("id")) == str(claim.get("variant")):
            return variant.get("record_status") or "unknown"
    return cluster.get("record_status") or "unknown"


def derive_consistency(claims: list[dict]) -> list[str]:
    """Rule C9 applied to one pass's own clusters and variants (what the build derives)."""
    by_cluster = defaultdict(list)
    for c in claims:
        by_cluster[c.get("cluster")].append(c)
    labels = []
    for c in claims:
        others = [o for o in by_cluster[c.get("cluster")] if o["article_id"] != c["article_id"]]
        if any((o.get("variant") or "") != (c.get("variant") or "") for o in others):
            labels.append("contradicted")
        elif c.get("hypothetical"):
            labels.append("hypothetical")
        else:
            labels.append("corroborated" if others else "uncorroborated")
    return labels


def _kappa_block(pairs: list[tuple[dict, dict]], field, name: str) -> dict:
    a = [field(g) for g, _ in pairs]
    b = [field(t) for _, t in pairs]
    return {f"{name}_kappa": cohen_kappa(a, b), f"{name}_agreement": round(sum(x == y for x, y in zip(a, b)) / max(1, len(a)), 4)}


def claims_agreement(gold: dict, third: dict) -> dict:
    g_rows, t_rows = [c for c in gold["claims"] if c["span"]], [c for c in third["claims"] if c["span"]]
    for rows, p in ((g_rows, gold), (t_rows, third)):
        for row, label in zip(rows, derive_consistency(rows)):
            row["_consistency"], row["_record"] = label, _record_status(row, p["clusters"])
    pairs = match_spans(g_rows, t_rows, exact=False)
    exact = match_spans(g_rows, t_rows, exact=True)
    out = {
        "gold_rows": len(g_rows), "third_rows": len(t_rows), "unresolved_third_rows": len(third["claims"]) - len(t_rows),
        "span_exact": prf(len(exact), len(g_rows), len(t_rows)), "span_overlap": prf(len(pairs), len(g_rows), len(t_rows)),
        "matched_pairs": len(pairs),
        **_kappa_block(pairs, lambda r: r.get("claim_type"), "type"),
        **_kappa_block(pairs, lambda r: r.get("hedging"), "hedging"),
        **_kappa_block(pairs, lambda r: r["_consistency"], "consistency"),
        **_kappa_block(pairs, lambda r: r["_record"], "record_status"),
    }
    # clusters: for every two matched claims in different articles, "same proposition?" on each side
    same_g, same_t = [], []
    for (g1, t1), (g2, t2) in combinations(pairs, 2):
        if g1["article_id"] != g2["article_id"]:
            same_g.append(g1.get("cluster") == g2.get("cluster"))
            same_t.append(t1.get("cluster") == t2.get("cluster"))
    both = sum(x and y for x, y in zip(same_g, same_t))
    out["clusters"] = {
        "cross_article_pairs": len(same_g),
        "same_cluster_kappa": cohen_kappa([str(x) for x in same_g], [str(y) for y in same_t]),
        "link": prf(both, sum(same_g), sum(same_t)),
    }
    return out


def flags_agreement(gold: dict, third: dict, side: str = "third") -> dict:
    """Evidence per flag (any overlap, same flag), flag sets per article and quality labels; `side`
    names the other pass in the keys (the fifth pass reads the same figures)."""
    per_flag, matched_total = {}, 0
    kinds = sorted({f["flag"] for f in gold["flags"]} | {f["flag"] for f in third["flags"]})
    for kind in kinds:
        g = [f for f in gold["flags"] if f["flag"] == kind and f["span"]]
        t = [f for f in third["flags"] if f["flag"] == kind and f["span"]]
        n = len(match_spans(g, t, exact=False))
        matched_total += n
        per_flag[kind] = {"gold": len(g), side: len(t), **prf(n, len(g), len(t))}
    g_all = sum(v["gold"] for v in per_flag.values())
    t_all = sum(v[side] for v in per_flag.values())
    articles = sorted(set(gold["labels"]) & set(third["labels"]))
    return {
        "evidence_overlap": {"gold_rows": g_all, f"{side}_rows": t_all, **prf(matched_total, g_all, t_all)},
        "per_flag": per_flag,
        "article_flag_sets": _set_agreement(gold["flags"], third["flags"], side),
        "quality_label_agreement": round(sum(gold["labels"][a] == third["labels"][a] for a in articles) / max(1, len(articles)), 4),
        "quality_label_kappa": cohen_kappa([gold["labels"][a] for a in articles], [third["labels"][a] for a in articles]),
    }


def _set_agreement(gold_flags: list[dict], third_flags: list[dict], side: str = "third") -> dict:
    """Which (article, flag) pairs each side found: F1 over the sets."""
    g = {(f["article_id"], f["flag"]) for f in gold_flags}
    t = {(f["article_id"], f["flag"]) for f in third_flags}
    return {"gold": len(g), side: len(t), **prf(len(g & t), len(g), len(t))}


def _stance_key(row: dict) -> tuple:
    kind = row.get("holder_kind") or ("entity" if row.get("holder") else "article")
    return (row["article_id"], kind, row.get("holder") if kind != "article" else None, row.get("target"))


def stances_agreement(gold: dict, third: dict) -> dict:
    g = {_stance_key(r): r for r in gold["stances"]}
    t = {_stance_key(r): r for r in third["stances"]}
    shared = sorted(set(g) & set(t), key=str)
    by_kind = {}
    for kind in ("entity", "group", "article"):
        gk = {k for k in g if k[1] == kind}
        tk = {k for k in t if k[1] == kind}
        by_kind[kind] = {"gold": len(gk), "third": len(tk), **prf(len(gk & tk), len(gk), len(tk))}
    return {
        "gold_rows": len(g), "third_rows": len(t), "shared_keys": len(shared),
        "keys": prf(len(shared), len(g), len(t)),
        "keys_by_holder_kind": by_kind,
        "label_kappa": cohen_kappa([g[k]["label"] for k in shared], [t[k]["label"] for k in shared]),
        "label_agreement": round(sum(g[k]["label"] == t[k]["label"] for k in shared) / max(1, len(shared)), 4),
        "confidence_kappa": cohen_kappa([g[k].get("stance_confidence") for k in shared], [t[k].get("stance_confidence") for k in shared]),
    }


def third_pass_agreement(dataset_dir: Path) -> dict | None:
    """Per-layer agreement of the third pass with the frozen pre-adjudication gold; None without a third pass."""
    if not (dataset_dir / THIRD).is_dir() or not (dataset_dir / BEFORE).is_dir():
        return None
    articles = read_gold_table(dataset_dir, "articles")
    gold, third = _load_pass(dataset_dir / BEFORE, articles), _load_pass(dataset_dir / THIRD, articles)
    return {
        "claims": claims_agreement(gold, third),
        "quality_flags": flags_agreement(gold, third),
        "stances": stances_agreement(gold, third),
    }


def third_pass_adjudication(dataset_dir: Path) -> dict | None:
    """Where the adjudicated gold's claims, stances and flags came from, relative to the frozen
    pre-third-pass gold and the third pass."""
    if not (dataset_dir / THIRD).is_dir() or not (dataset_dir / BEFORE).is_dir():
        return None
    articles = read_gold_table(dataset_dir, "articles")
    before, third = _load_pass(dataset_dir / BEFORE, articles), _load_pass(dataset_dir / THIRD, articles)
    claims = read_gold_table(dataset_dir, "claims")
    final_claims = [{**r, "span": (int(r["start"]), int(r["end"]))} for r in claims.to_dict("records")]
    flags = read_gold_table(dataset_dir, "quality_flags")
    final_flags = [{**r, "span": (int(r["start"]), int(r["end"]))} for r in flags.to_dict("records")]
    stances = read_gold_table(dataset_dir, "stances")
    final_st = {
        (r["article_id"], r["holder_kind"], r["holder_id"] if r["holder_kind"] == "entity" else r["holder_group"] if r["holder_kind"] == "group" else None, r["target_id"])
        for r in stances.to_dict("records")
    }
    before_st = {_stance_key(r) for r in before["stances"]}
    third_st = {_stance_key(r) for r in third["stances"]}

    def spans(final, old, new, same_kind=lambda a, b: True):
        kept = {id(f) for f, _ in match_spans(final, [o for o in old if o["span"]], exact=True)}
        adopted_pairs = match_spans(final, [n for n in new if n["span"]], exact=False)
        adopted = {id(f) for f, _ in adopted_pairs} - kept
        used_new = {id(n) for _, n in adopted_pairs}
        return {
            "gold_rows": len(final),
            "kept_from_gold_before": len(kept),
            "adopted_or_changed_from_third_pass": len(adopted),
            "added_otherwise": sum(id(f) not in kept | adopted for f in final),
            "third_pass_rows_rejected": sum(id(n) not in used_new for n in new if n["span"]),
        }

    def per_flag(rows):
        return {k: [r for r in rows if r["flag"] == k] for k in {r["flag"] for r in rows}}

    flag_counts = {"gold_rows": 0, "kept_from_gold_before": 0, "adopted_or_changed_from_third_pass": 0, "added_otherwise": 0, "third_pass_rows_rejected": 0}
    f_final, f_before, f_third = per_flag(final_flags), per_flag(before["flags"]), per_flag(third["flags"])
    for kind in set(f_final) | set(f_third):
        part = spans(f_final.get(kind, []), f_before.get(kind, []), f_third.get(kind, []))
        for k in flag_counts:
            flag_counts[k] += part[k]
    return {
        "claims": spans(final_claims, before["claims"], third["claims"]),
        "quality_flags": flag_counts,
        "stances": {
            "gold_rows": len(final_st),
            "kept_from_gold_before": len(final_st & before_st),
            "adopted_from_third_pass": len((final_st & third_st) - before_st),
            "added_otherwise": len(final_st - before_st - third_st),
            "third_pass_rows_rejected": len(third_st - final_st),
        },
    }
