"""Agreement of review46's independent pass (docs/notes/review46_claims.tsv) with the gold
claims of article 002 (dataset/data/claims/*.parquet).

Matching: exact = same [start, end); any-overlap = one-to-one pairs that share at least one
code point, exact pairs first, then the remaining pairs greedily by Jaccard overlap (ties: lower
start). Type and hedging kappa (Cohen) and claimant / quantity agreement are computed over the
exact pairs and over all overlap pairs. Stdlib + pyarrow.
Run: /work/main/.venv/bin/python docs/notes/review46_agreement.py [--json]
"""
import csv, glob, json, pathlib, sys
from collections import Counter
import pyarrow.parquet as pq

ROOT = pathlib.Path(__file__).resolve().parents[2]
ART = "002_f6c5fed12bcb1118"

def load_pass():
    with (ROOT / "docs/notes/review46_claims.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    out = []
    for r in rows:
        q = None
        if r["quantity_low"]:
            q = (float(r["quantity_low"]), float(r["quantity_high"]), r["quantity_unit"], r["quantity_bound"])
        out.append(dict(id=r["no"], start=int(r["start"]), end=int(r["end"]), text=r["text"],
                        claimant=r["claimant_id"] or None, type=r["type"], hedging=r["hedging"], q=q))
    return out

def load_gold():
    out = []
    for p in sorted(glob.glob(str(ROOT / "dataset/data/claims/*.parquet"))):
        for r in pq.read_table(p).to_pylist():
            if r["article_id"] != ART or r["source"] != "gold":
                continue
            q = None
            if r["quantity_low"] is not None:
                q = (r["quantity_low"], r["quantity_high"], r["quantity_unit"], r["quantity_bound"])
            out.append(dict(id=r["claim_id"], start=r["start"], end=r["end"], text=r["text"],
                            claimant=r["claimant_id"], type=r["claim_type"], hedging=r["hedging"], q=q))
    return out

def kappa(pairs):
    n = len(pairs)
    if not n:
        return float("nan")
    po = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return 1.0 if pe == 1 else (po - pe) / (1 - pe)

def f1(m, np_, ng):
    p, r = m / np_, m / ng
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)

def match(P, G):
    gi = {(g["start"], g["end"]): g for g in G}
    exact = [(p, gi[(p["start"], p["end"])]) for p in P if (p["start"], p["end"]) in gi]
    usedp = {p["id"] for p, _ in exact}; usedg = {g["id"] for _, g in exact}
    cand = []
    for p in P:
        if p["id"] in usedp:
            continue
        for g in G:
            if g["id"] in usedg:
                continue
            inter = min(p["end"], g["end"]) - max(p["start"], g["start"])
            if inter > 0:
                union = max(p["end"], g["end"]) - min(p["start"], g["start"])
                cand.append((-inter / union, p["start"], g["start"], p["id"], g["id"], p, g))
    cand.sort(key=lambda c: c[:5])
    overlap = list(exact)
    for *_, p, g in cand:
        if p["id"] in usedp or g["id"] in usedg:
            continue
        usedp.add(p["id"]); usedg.add(g["id"]); overlap.append((p, g))
    return exact, overlap

def stats(pairs):
    n = len(pairs)
    return dict(
        n=n,
        type_agree=sum(p["type"] == g["type"] for p, g in pairs),
        type_kappa=round(kappa([(p["type"], g["type"]) for p, g in pairs]), 3),
        hedging_agree=sum(p["hedging"] == g["hedging"] for p, g in pairs),
        hedging_kappa=round(kappa([(p["hedging"], g["hedging"]) for p, g in pairs]), 3),
        claimant_agree=sum(p["claimant"] == g["claimant"] for p, g in pairs),
        claimant_kappa=round(kappa([(p["claimant"] or "-", g["claimant"] or "-") for p, g in pairs]), 3),
        quantity_agree=sum(p["q"] == g["q"] for p, g in pairs),
    )

def main():
    P, G = load_pass(), load_gold()
    exact, overlap = match(P, G)
    ep, er, ef = f1(len(exact), len(P), len(G))
    op, orr, of = f1(len(overlap), len(P), len(G))
    res = dict(pass_claims=len(P), gold_claims=len(G),
               exact=dict(matched=len(exact), precision=round(ep, 3), recall=round(er, 3), f1=round(ef, 3)),
               overlap=dict(matched=len(overlap), precision=round(op, 3), recall=round(orr, 3), f1=round(of, 3)),
               on_exact=stats(exact), on_overlap=stats(overlap))
    mp = {p["id"] for p, _ in overlap}; mg = {g["id"] for _, g in overlap}
    res["pass_unmatched"] = [(p["id"], p["start"], p["end"], p["text"]) for p in P if p["id"] not in mp]
    res["gold_unmatched"] = [(g["id"], g["start"], g["end"], g["text"]) for g in G if g["id"] not in mg]
    res["overlap_not_exact"] = [(p["id"], p["start"], p["end"], g["id"]) for p, g in overlap
                                if (p["start"], p["end"]) != (g["start"], g["end"])]
    res["disagreements"] = [(p["id"], g["id"], k, p[k], g[k]) for p, g in overlap
                            for k in ("type", "hedging", "claimant", "q") if p[k] != g[k]]
    if "--json" in sys.argv:
        print(json.dumps(res, ensure_ascii=False, indent=1))
        return
    print(f"pass {len(P)} claims, gold {len(G)} claims")
    for k in ("exact", "overlap"):
        print(k, res[k])
    for k in ("on_exact", "on_overlap"):
        print(k, res[k])
    for k in ("pass_unmatched", "gold_unmatched", "overlap_not_exact", "disagreements"):
        print(f"-- {k} ({len(res[k])})")
        for x in res[k]:
            print("  ", *x)

if __name__ == "__main__":
    main()
