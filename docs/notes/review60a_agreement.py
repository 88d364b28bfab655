"""review60a: agreement of the independent quotes pass (docs/notes/review60a_quotes.tsv) with
the gold quotes (dataset/data/quotes/quotes.parquet) of a000, a001, a004.

Rerun from the repository root (stdlib + pyarrow only):
    /work/main/.venv/bin/python docs/notes/review60a_agreement.py [--gold PATH] [--diff]

Measures, per article and overall:
- exact span F1: a pass row and a gold row match when (start, end) are equal;
- any-overlap F1: greedy one-to-one matching of rows whose spans share a code point (exact
  matches first, then the largest overlap);
- kind kappa: Cohen's kappa of `kind` over exact-matched pairs;
- speaker agreement on exact-matched pairs: same speaker_status and same speaker set
  (speaker_id, or speaker_ids for `multiple`), and the stricter same speaker words span;
- cue agreement (same cue span and lemma), parent agreement (same parent span), event agreement.
"""
import argparse, csv, pathlib, sys
from collections import Counter, defaultdict

import pyarrow.parquet as pq

ROOT = pathlib.Path(__file__).resolve().parents[2]
ARTICLES = {"000": "000_68b95635092649cd", "001": "001_f1f49e9dc8ada067", "004": "004_26f752040ea19616"}

# Rows whose span, cue, speaker or nesting sections 0-3 of the guidelines (2.39) quote as an example,
# read by hand (G2, Q1, Q3, Q4, Q5, Q6, Q8, Q9, Q13, Q14, Q15, Q16). Agreement on the other rows is
# reported separately ("not examples"), since the examples carry the gold's answer with them.
EXAMPLE_ROWS = {
    ("000", 639, 776), ("000", 675, 690), ("000", 796, 849), ("000", 853, 919), ("000", 1012, 1099),
    ("000", 1129, 1235), ("000", 1525, 1545), ("000", 1822, 1902), ("000", 2251, 2343), ("000", 2283, 2325),
    ("000", 2358, 2385), ("000", 2416, 2504), ("000", 2999, 3127),
    ("001", 61, 73), ("001", 550, 588), ("001", 811, 836), ("001", 821, 835), ("001", 1777, 1845),
    ("001", 2893, 2910), ("001", 3004, 3083), ("001", 3285, 3426),
    ("004", 1275, 1341), ("004", 1291, 1340), ("004", 1680, 1741), ("004", 1758, 1817), ("004", 1829, 1888),
    ("004", 6279, 6327), ("004", 7178, 7279),
}


def load_pass(path):
    rows = list(csv.DictReader(open(path, encoding="utf-8"), delimiter="\t"))
    by_local = {r["row"]: r for r in rows}
    out = []
    for r in rows:
        parent = by_local.get(r["parent"]) if r["parent"] else None
        out.append({
            "id": r["row"], "article": r["article_id"], "start": int(r["start"]), "end": int(r["end"]),
            "text": r["text"], "kind": r["kind"], "status": r["speaker_status"],
            "speakers": tuple(sorted(x for x in r["speaker_id"].split(";") if x)),
            "sspan": (int(r["speaker_start"]), int(r["speaker_end"])) if r["speaker_start"] else None,
            "cue": (int(r["cue_start"]), int(r["cue_end"]), r["cue_lemma"]) if r["cue_start"] else None,
            "parent": (int(parent["start"]), int(parent["end"])) if parent else None,
            "event": r["event_id"] or None,
        })
    return out


def load_gold(path):
    t = pq.read_table(path).to_pylist()
    spans = {r["quote_id"]: (r["start"], r["end"]) for r in t}
    out = []
    for r in t:
        art = r["article_id"][:3]
        if art not in ARTICLES or r["article_id"] != ARTICLES[art]:
            continue
        out.append({
            "id": r["quote_id"], "article": art, "start": r["start"], "end": r["end"], "text": r["text"],
            "kind": r["kind"], "status": r["speaker_status"],
            "speakers": tuple(sorted(r["speaker_ids"] or ([r["speaker_id"]] if r["speaker_id"] else []))),
            "sspan": (r["speaker_start"], r["speaker_end"]) if r["speaker_start"] is not None else None,
            "cue": (r["cue_start"], r["cue_end"], r["cue_lemma"]) if r["cue_start"] is not None else None,
            "parent": spans.get(r["parent_quote_id"]) if r["parent_quote_id"] else None,
            "event": r["event_id"],
        })
    return out


def f1(tp, n_pass, n_gold):
    p = tp / n_pass if n_pass else 1.0
    r = tp / n_gold if n_gold else 1.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def match_overlap(P, G):
    pairs, used_p, used_g = [], set(), set()
    cands = []
    for i, a in enumerate(P):
        for j, b in enumerate(G):
            ov = min(a["end"], b["end"]) - max(a["start"], b["start"])
            if ov > 0:
                exact = (a["start"], a["end"]) == (b["start"], b["end"])
                cands.append((not exact, -ov, i, j))
    for _, _, i, j in sorted(cands):
        if i not in used_p and j not in used_g:
            used_p.add(i); used_g.add(j); pairs.append((P[i], G[j]))
    return pairs


def kappa(pairs):
    n = len(pairs)
    if not n:
        return float("nan")
    po = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return 1.0 if pe == 1 else (po - pe) / (1 - pe)


def stats(P, G):
    gk = {(g["start"], g["end"]): g for g in G}
    exact = [(p, gk[(p["start"], p["end"])]) for p in P if (p["start"], p["end"]) in gk]
    ov = match_overlap(P, G)
    s = {"pass": len(P), "gold": len(G), "exact_tp": len(exact), "overlap_tp": len(ov)}
    s["exact_f1"] = f1(len(exact), len(P), len(G))[0]
    s["overlap_f1"] = f1(len(ov), len(P), len(G))[0]
    s["kind_agree"] = sum(a["kind"] == b["kind"] for a, b in exact)
    s["kind_kappa"] = kappa([(a["kind"], b["kind"]) for a, b in exact])
    s["speaker_agree"] = sum(a["status"] == b["status"] and a["speakers"] == b["speakers"] for a, b in exact)
    s["speaker_words_agree"] = sum(a["status"] == b["status"] and a["speakers"] == b["speakers"] and a["sspan"] == b["sspan"] for a, b in exact)
    s["cue_agree"] = sum(a["cue"] == b["cue"] for a, b in exact)
    s["parent_agree"] = sum(a["parent"] == b["parent"] for a, b in exact)
    s["event_agree"] = sum(a["event"] == b["event"] for a, b in exact)
    s["n_matched"] = len(exact)
    return s, exact


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=str(ROOT / "dataset/data/quotes/quotes.parquet"))
    ap.add_argument("--pass-tsv", default=str(pathlib.Path(__file__).with_name("review60a_quotes.tsv")))
    ap.add_argument("--diff", action="store_true", help="list every disagreement")
    a = ap.parse_args()
    P, G = load_pass(a.pass_tsv), load_gold(a.gold)
    cols = ["pass", "gold", "exact_f1", "overlap_f1", "kind_kappa", "speaker", "speaker_words", "cue", "parent", "event"]
    print("| article | " + " | ".join(cols) + " |")
    print("|" + "---|" * (len(cols) + 1))
    key = lambda r: (r["article"], r["start"], r["end"])
    for art in list(ARTICLES) + ["all", "not examples"]:
        if art == "not examples":
            p = [r for r in P if key(r) not in EXAMPLE_ROWS]
            g = [r for r in G if key(r) not in EXAMPLE_ROWS]
        else:
            p = [r for r in P if art == "all" or r["article"] == art]
            g = [r for r in G if art == "all" or r["article"] == art]
        s, exact = stats(p, g)
        m = s["n_matched"]
        print(f"| {art} | {s['pass']} | {s['gold']} | {s['exact_f1']:.3f} | {s['overlap_f1']:.3f} | {s['kind_kappa']:.3f} | "
              f"{s['speaker_agree']}/{m} | {s['speaker_words_agree']}/{m} | {s['cue_agree']}/{m} | {s['parent_agree']}/{m} | {s['event_agree']}/{m} |")
    if a.diff:
        gk = {(r["article"], r["start"], r["end"]): r for r in G}
        pk = {(r["article"], r["start"], r["end"]): r for r in P}
        for k in sorted(set(gk) | set(pk)):
            p, g = pk.get(k), gk.get(k)
            if not p:
                print("gold only:", k, g["kind"], g["text"]); continue
            if not g:
                print("pass only:", k, p["kind"], p["text"]); continue
            for f in ("kind", "status", "speakers", "sspan", "cue", "parent", "event"):
                if p[f] != g[f]:
                    print(f"{k} {f}: pass={p[f]} gold={g[f]} | {p['text'][:50]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
