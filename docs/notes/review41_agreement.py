"""review41: agreement of the independent stance pass (docs/notes/review41_stances.tsv) with the
gold stances (dataset/data/stances/stances.parquet). stdlib + pyarrow only.

Run from the repository root:
    python docs/notes/review41_agreement.py [--pass docs/notes/review41_stances.tsv]
                                            [--gold dataset/data/stances/stances.parquet]

Figures, overall and per article:
  keys       (article, holder, target) with holder = holder_id | group-<holder_group> | article:
             precision (pass keys in gold), recall (gold keys in pass), F1
  label      on matched keys: raw agreement and Cohen's kappa (favor/against/neutral)
  confidence on matched keys: raw agreement and Cohen's kappa (high/medium/low)
  evidence   on matched keys: same span ([start, end) equal) and overlapping spans
  fnc_label  on matched article-voice keys: raw agreement
"""
import argparse
import csv
from collections import Counter

import pyarrow.parquet as pq


def holder_of(kind, hid, group):
    if kind == "entity":
        return hid
    if kind == "group":
        return "group-" + group
    return "article"


def load_pass(path):
    rows = {}
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            key = (r["article_id"], holder_of(r["holder_kind"], r["holder_id"], r["holder_group"]), r["target_id"])
            assert key not in rows, key
            rows[key] = dict(label=r["label"], conf=r["stance_confidence"], fnc=r["fnc_label"] or None,
                             start=int(r["start"]), end=int(r["end"]))
    return rows


def load_gold(path):
    rows = {}
    for r in pq.read_table(path).to_pylist():
        key = (r["article_id"], holder_of(r["holder_kind"], r["holder_id"], r["holder_group"]), r["target_id"])
        assert key not in rows, key
        rows[key] = dict(label=r["label"], conf=r["stance_confidence"], fnc=r["fnc_label"],
                         start=r["evidence_start"], end=r["evidence_end"], stance_id=r["stance_id"])
    return rows


def kappa(pairs):
    n = len(pairs)
    if n == 0:
        return float("nan")
    po = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return 1.0 if pe == 1 else (po - pe) / (1 - pe)


def figures(p, g):
    pk, gk = set(p), set(g)
    m = sorted(pk & gk)
    prec = len(m) / len(pk) if pk else float("nan")
    rec = len(m) / len(gk) if gk else float("nan")
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    lab = [(p[k]["label"], g[k]["label"]) for k in m]
    conf = [(p[k]["conf"], g[k]["conf"]) for k in m]
    same = sum((p[k]["start"], p[k]["end"]) == (g[k]["start"], g[k]["end"]) for k in m)
    over = sum(p[k]["start"] < g[k]["end"] and g[k]["start"] < p[k]["end"] for k in m)
    art = [k for k in m if k[1] == "article"]
    fnc = sum(p[k]["fnc"] == g[k]["fnc"] for k in art)
    n = len(m) or float("nan")
    return dict(
        pass_rows=len(pk), gold_rows=len(gk), matched=len(m), precision=prec, recall=rec, f1=f1,
        label_agree=sum(a == b for a, b in lab) / n, label_kappa=kappa(lab),
        conf_agree=sum(a == b for a, b in conf) / n, conf_kappa=kappa(conf),
        same_span=same / n, overlap=over / n,
        fnc_agree=(fnc / len(art)) if art else float("nan"),
    )


COLS = ["pass_rows", "gold_rows", "matched", "precision", "recall", "f1", "label_agree", "label_kappa",
        "conf_agree", "conf_kappa", "same_span", "overlap", "fnc_agree"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pass", dest="pass_", default="docs/notes/review41_stances.tsv")
    ap.add_argument("--gold", default="dataset/data/stances/stances.parquet")
    ap.add_argument("--diff", action="store_true", help="also list every key or value that differs")
    a = ap.parse_args()
    p, g = load_pass(a.pass_), load_gold(a.gold)
    arts = sorted({k[0] for k in p} | {k[0] for k in g})
    print("| scope | " + " | ".join(COLS) + " |")
    print("|" + "---|" * (len(COLS) + 1))
    for scope in arts + ["all"]:
        ps = {k: v for k, v in p.items() if scope == "all" or k[0] == scope}
        gs = {k: v for k, v in g.items() if scope == "all" or k[0] == scope}
        f = figures(ps, gs)
        cells = [str(f[c]) if isinstance(f[c], int) else f"{f[c]:.3f}" for c in COLS]
        print(f"| {scope[:3] if scope != 'all' else 'all'} | " + " | ".join(cells) + " |")
    if a.diff:
        for k in sorted(set(p) | set(g)):
            if k not in g:
                print("pass-only", k, p[k])
            elif k not in p:
                print("gold-only", k, g[k])
            else:
                d = [f for f in ("label", "conf", "fnc", "start", "end") if p[k][f] != g[k][f]]
                if d:
                    print("differs", k, d, "pass", {f: p[k][f] for f in d}, "gold", {f: g[k][f] for f in d})


if __name__ == "__main__":
    main()
