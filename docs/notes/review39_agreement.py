"""Agreement of review39's independent pass with the gold (segments, quality flags, labels).

Run from the repository root:  python docs/notes/review39_agreement.py [--min-confidence low|medium|high]
Needs pyarrow (e.g. /work/main/.venv/bin/python). Reads docs/notes/review39_{segments,flags,labels}.tsv
and dataset/data/{segments,quality_flags,articles}. Prints a Markdown table.

Measures:
- segment kind: Cohen's kappa over every code point of the five texts (each code point's kind);
- kind boundaries: the positions p (0 < p < len) where the kind of p-1 differs from that of p,
  exact-position F1 (consecutive segments of one kind are not a boundary);
- flag evidence: any-overlap F1 per flag and per article, same article and same flag; precision =
  share of the pass's rows overlapping some gold row, recall = share of gold rows overlapped by
  some pass row (one row may match several);
- flags per article: F1 of the sets of (article, flag);
- label: articles with the same quality_label (and Cohen's kappa over the five).
"""
import csv
import os
import sys
from collections import Counter, defaultdict

import pyarrow.parquet as pq

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
NOTES = os.path.join(ROOT, "docs", "notes")
RANK = {"low": 0, "medium": 1, "high": 2}


def tsv(name):
    with open(os.path.join(NOTES, name), encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def kappa(pairs):
    n = len(pairs)
    po = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return (po - pe) / (1 - pe) if pe < 1 else 1.0


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def prf(tp_p, n_p, tp_r, n_r):
    p = tp_p / n_p if n_p else float("nan")
    r = tp_r / n_r if n_r else float("nan")
    return p, r, (f1(p, r) if n_p and n_r else float("nan"))


def main():
    minc = "low"
    if "--min-confidence" in sys.argv:
        minc = sys.argv[sys.argv.index("--min-confidence") + 1]
    arts = {r["article_id"]: r for r in pq.read_table(os.path.join(ROOT, "dataset/data/articles")).to_pylist()}
    gseg = [r for r in pq.read_table(os.path.join(ROOT, "dataset/data/segments")).to_pylist() if r["source"] == "gold"]
    gflag = [r for r in pq.read_table(os.path.join(ROOT, "dataset/data/quality_flags")).to_pylist() if r["source"] == "gold"]
    mseg = tsv("review39_segments.tsv")
    mflag = [r for r in tsv("review39_flags.tsv") if RANK[r["confidence"]] >= RANK[minc]]
    mlab = {r["article_id"]: r["quality_label"] for r in tsv("review39_labels.tsv")}
    out = [f"Pass rows counted: confidence >= {minc} ({len(mflag)} flag rows; gold {len(gflag)}).", ""]

    # segments
    def kinds(rows, aid, n):
        k = [None] * n
        for r in rows:
            if r["article_id"] == aid:
                for i in range(int(r["start"]), int(r["end"])):
                    assert k[i] is None, (aid, i)
                    k[i] = r["kind"]
        assert None not in k, aid
        return k
    pairs, btp, bm, bg = [], 0, 0, 0
    for aid, a in sorted(arts.items()):
        n = len(a["text"])
        km, kg = kinds(mseg, aid, n), kinds(gseg, aid, n)
        pairs += list(zip(km, kg))
        sm = {p for p in range(1, n) if km[p] != km[p - 1]}
        sg = {p for p in range(1, n) if kg[p] != kg[p - 1]}
        btp += len(sm & sg); bm += len(sm); bg += len(sg)
    agree = sum(a == b for a, b in pairs) / len(pairs)
    bp, br, bf = prf(btp, bm, btp, bg)
    out += ["| measure | value |", "|---|---|",
            f"| segment kind, code points agreeing | {agree:.4f} ({sum(a == b for a, b in pairs)}/{len(pairs)}) |",
            f"| segment kind, Cohen's kappa (code points) | {kappa(pairs):.4f} |",
            f"| kind-change boundaries P / R / F1 | {bp:.3f} / {br:.3f} / {bf:.3f} ({btp} shared; pass {bm}, gold {bg}) |"]

    # flags
    def overl(a, b):
        return int(a["start"]) < int(b["end"]) and int(b["start"]) < int(a["end"])
    def stats(sel):
        M = [r for r in mflag if sel(r)]
        G = [r for r in gflag if sel(r)]
        tpp = sum(any(r["article_id"] == g["article_id"] and r["flag"] == g["flag"] and overl(r, g) for g in G) for r in M)
        tpr = sum(any(r["article_id"] == g["article_id"] and r["flag"] == g["flag"] and overl(r, g) for r in M) for g in G)
        return tpp, len(M), tpr, len(G)
    tot = stats(lambda r: True)
    p, r, f = prf(*tot)
    out.append(f"| flag evidence (any overlap, same flag), all rows P / R / F1 | {p:.3f} / {r:.3f} / {f:.3f} (pass {tot[0]}/{tot[1]} matched, gold {tot[2]}/{tot[3]} found) |")
    out += ["", "Flag evidence per flag:", "", "| flag | pass rows | gold rows | P | R | F1 |", "|---|---|---|---|---|---|"]
    for fl in sorted({r["flag"] for r in mflag} | {r["flag"] for r in gflag}):
        s = stats(lambda x, fl=fl: x["flag"] == fl)
        p, r, f = prf(*s)
        out.append(f"| {fl} | {s[1]} | {s[3]} | {p:.3f} | {r:.3f} | {f:.3f} |")
    out += ["", "Flag evidence per article:", "", "| article | pass rows | gold rows | P | R | F1 |", "|---|---|---|---|---|---|"]
    for aid in sorted(arts):
        s = stats(lambda x, aid=aid: x["article_id"] == aid)
        p, r, f = prf(*s)
        out.append(f"| {aid[:3]} | {s[1]} | {s[3]} | {p:.3f} | {r:.3f} | {f:.3f} |")
    fm = {(r["article_id"], r["flag"]) for r in mflag}
    fg = {(r["article_id"], r["flag"]) for r in gflag}
    p, r, f = prf(len(fm & fg), len(fm), len(fm & fg), len(fg))
    out += ["", "| measure | value |", "|---|---|",
            f"| flags per article (set of (article, flag)) P / R / F1 | {p:.3f} / {r:.3f} / {f:.3f} ({len(fm & fg)} shared; pass {len(fm)}, gold {len(fg)}) |"]
    lp = [(mlab[a], arts[a]["quality_label"]) for a in sorted(arts)]
    out.append(f"| quality label agreement | {sum(a == b for a, b in lp)}/{len(lp)} (kappa {kappa(lp):.3f}) |")
    out.append("")
    out.append("Labels (pass / gold): " + "; ".join(f"{a[:3]} {m} / {g}" for a, (m, g) in zip(sorted(arts), lp)))
    extra = sorted(fm - fg); miss = sorted(fg - fm)
    out.append(f"(article, flag) only in the pass: {[(a[:3], f) for a, f in extra]}; only in the gold: {[(a[:3], f) for a, f in miss]}")
    print("\n".join(out))


if __name__ == "__main__":
    main()
