"""Agreement of the review43 claims pass (docs/notes/review43_claims.tsv) with the gold claims
of articles 000 and 001 (dataset/data/claims/*.parquet, source == 'gold').

Run from the repository root:  <python with pyarrow> docs/notes/review43_agreement.py
Figures, per article and pooled:
  exact F1    : a pass claim matches a gold claim with the same (article, start, end);
  overlap F1  : one-to-one matching, pairs taken greedily by largest Jaccard overlap of the
                code-point ranges (> 0), so a claim is matched at most once;
  type kappa, hedging kappa : Cohen's kappa on the exact pairs (and on the overlap pairs);
  claimant    : share of pairs with the same claimant_id (null = null counts as agreement).
Stdlib + pyarrow only.
"""
import csv
import glob
import pathlib
import sys
from collections import Counter

import pyarrow.parquet as pq

ROOT = pathlib.Path(__file__).resolve().parents[2]
ARTS = ("000", "001")


def load_pass():
    with open(ROOT / "docs/notes/review43_claims.tsv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    out = []
    for r in rows:
        out.append(dict(id=r["row"], art=r["article_id"][:3], start=int(r["start"]), end=int(r["end"]),
                        text=r["text"], claimant=r["claimant_id"] or None, type=r["claim_type"],
                        hedging=r["hedging"], quantity=qty(r["quantity_low"], r["quantity_high"],
                                                           r["quantity_unit"], r["quantity_bound"])))
    return out


def qty(low, high, unit, bound):
    if low in (None, ""):
        return None
    return (float(low), float(high), unit, bound)


def load_gold():
    files = sorted(glob.glob(str(ROOT / "dataset/data/claims/*.parquet")))
    t = pq.read_table(files).to_pylist()
    out = []
    for r in t:
        a = r["article_id"][:3]
        if a in ARTS and r["source"] == "gold":
            out.append(dict(id=r["claim_id"], art=a, start=r["start"], end=r["end"], text=r["text"],
                            claimant=r["claimant_id"], type=r["claim_type"], hedging=r["hedging"],
                            quantity=qty(r["quantity_low"], r["quantity_high"], r["quantity_unit"], r["quantity_bound"])))
    return out


def kappa(pairs):
    n = len(pairs)
    if n == 0:
        return float("nan")
    po = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return 1.0 if pe == 1 else (po - pe) / (1 - pe)


def f1(m, np_, ng):
    p = m / np_ if np_ else 0.0
    r = m / ng if ng else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def exact_pairs(P, G):
    gk = {(g["art"], g["start"], g["end"]): g for g in G}
    return [(p, gk[(p["art"], p["start"], p["end"])]) for p in P if (p["art"], p["start"], p["end"]) in gk]


def overlap_pairs(P, G):
    cand = []
    for p in P:
        for g in G:
            if p["art"] != g["art"]:
                continue
            inter = min(p["end"], g["end"]) - max(p["start"], g["start"])
            if inter > 0:
                union = max(p["end"], g["end"]) - min(p["start"], g["start"])
                cand.append((inter / union, p["id"], g["id"], p, g))
    cand.sort(key=lambda c: (-c[0], c[1], c[2]))
    up, ug, pairs = set(), set(), []
    for _, pid, gid, p, g in cand:
        if pid in up or gid in ug:
            continue
        up.add(pid)
        ug.add(gid)
        pairs.append((p, g))
    return pairs


def figures(P, G):
    ex, ov = exact_pairs(P, G), overlap_pairs(P, G)
    fe, pe, re_ = f1(len(ex), len(P), len(G))
    fo, po, ro = f1(len(ov), len(P), len(G))
    def k(pairs, key):
        return kappa([(p[key], g[key]) for p, g in pairs])
    def agree(pairs, key):
        return sum(p[key] == g[key] for p, g in pairs) / len(pairs) if pairs else float("nan")
    return dict(pass_n=len(P), gold_n=len(G), exact=len(ex), exact_f1=fe, exact_p=pe, exact_r=re_,
                overlap=len(ov), overlap_f1=fo, overlap_p=po, overlap_r=ro,
                type_k_exact=k(ex, "type"), type_k_overlap=k(ov, "type"),
                hedg_k_exact=k(ex, "hedging"), hedg_k_overlap=k(ov, "hedging"),
                claimant_exact=agree(ex, "claimant"), claimant_overlap=agree(ov, "claimant"),
                quantity_exact=agree([(p, g) for p, g in ex if p["quantity"] or g["quantity"]], "quantity"),
                type_agree_overlap=agree(ov, "type"))


def main():
    P, G = load_pass(), load_gold()
    cols = ["pass_n", "gold_n", "exact", "exact_f1", "overlap", "overlap_f1", "type_k_exact",
            "type_k_overlap", "hedg_k_exact", "hedg_k_overlap", "claimant_exact", "claimant_overlap", "quantity_exact"]
    print("| scope | " + " | ".join(cols) + " |")
    print("|" + "---|" * (len(cols) + 1))
    for scope in ARTS + ("all",):
        Ps = [p for p in P if scope == "all" or p["art"] == scope]
        Gs = [g for g in G if scope == "all" or g["art"] == scope]
        f = figures(Ps, Gs)
        print(f"| {scope} | " + " | ".join(f"{f[c]:.3f}" if isinstance(f[c], float) else str(f[c]) for c in cols) + " |")
    if "-v" in sys.argv:
        ov = overlap_pairs(P, G)
        mp = {p["id"] for p, _ in ov}
        mg = {g["id"] for _, g in ov}
        print("\npass rows matching no gold row:")
        for p in P:
            if p["id"] not in mp:
                print(" ", p["id"], p["art"], p["start"], p["end"], p["text"])
        print("gold rows matching no pass row:")
        for g in G:
            if g["id"] not in mg:
                print(" ", g["id"], g["text"])
        print("overlap pairs that differ:")
        for p, g in sorted(ov, key=lambda x: (x[0]["art"], x[0]["start"])):
            d = [k for k in ("start", "end", "type", "hedging", "claimant", "quantity") if p[k] != g[k]]
            if d:
                print(" ", p["id"], g["id"], d, f"pass={p['type']}/{p['hedging']}/{p['claimant']}",
                      f"gold={g['type']}/{g['hedging']}/{g['claimant']}", p["quantity"] or "", g["quantity"] or "",
                      "|", p["text"], "||", g["text"])


if __name__ == "__main__":
    main()
