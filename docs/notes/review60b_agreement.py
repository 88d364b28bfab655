"""Agreement of review60b's independent quotes pass with the gold quotes (articles 002 and 003).

Usage (from the repository root):
    python docs/notes/review60b_agreement.py [--gold PATH] [--diff]
Reads docs/notes/review60b_quotes.tsv (the pass, written before the gold was read) and the gold
quotes table (default dataset/data/quotes/quotes.parquet). Standard library + pyarrow only.

Matching: a pass row and a gold row match exactly when article, start and end are equal. For the
any-overlap figures, rows are paired one to one, greedily by largest overlap (exact pairs first).
Kind kappa is Cohen's kappa over the overlap-matched pairs. Speaker = same speaker_status and the
same set of speaker ids. Speaker words, cue span, cue lemma, nesting (the parent, mapped through the
matching) and event are compared on matched pairs; null equals null.
"""
import argparse, csv, os, sys
from collections import Counter

import pyarrow.parquet as pq

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ARTICLES = ("002_f6c5fed12bcb1118", "003_53ec89303f4de55c")


# Gold rows that ANNOTATION_GUIDELINES.md sections 0-3 (2.39) quote as examples, read by hand
# (G2 "sick man."; Q1; Q5's cue list; Q6; Q8; Q9; Q14; Q16). The pass could copy these from the
# rules, so the table also reports the other rows.
EXAMPLE_ROWS = {
    "002_f6c5fed12bcb1118": {(345, 423), (662, 691), (1049, 1114), (1117, 1242), (1376, 1476), (2087, 2096),
                             (3637, 3847), (4440, 4448), (4739, 4748), (4859, 4880), (5030, 5067), (5875, 5886),
                             (6197, 6330), (6503, 6536), (7182, 7273), (7340, 7357), (8463, 8522)},
    "003_53ec89303f4de55c": {(15, 63), (109, 157), (668, 690), (1657, 1709), (3365, 3411), (4178, 4207), (4390, 4430)},
}


def is_example(r):
    return (r["start"], r["end"]) in EXAMPLE_ROWS.get(r["article_id"], ())


def nz(x):
    return None if x in ("", None) else x


def load_pass(path):
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            rows.append({
                "id": r["row_id"], "article_id": r["article_id"], "start": int(r["start"]), "end": int(r["end"]),
                "text": r["text"], "kind": r["kind"], "parent": nz(r["parent_row"]),
                "status": r["speaker_status"], "speakers": frozenset(s for s in r["speaker_ids"].split(";") if s),
                "spk": (int(r["speaker_start"]), int(r["speaker_end"])) if r["speaker_start"] else None,
                "cue": (int(r["cue_start"]), int(r["cue_end"])) if r["cue_start"] else None,
                "lemma": nz(r["cue_lemma"]), "event": nz(r["event_id"]),
            })
    return rows


def load_gold(path):
    rows = []
    for r in pq.read_table(path).to_pylist():
        if r["article_id"] not in ARTICLES:
            continue
        rows.append({
            "id": r["quote_id"], "article_id": r["article_id"], "start": r["start"], "end": r["end"],
            "text": r["text"], "kind": r["kind"], "parent": r["parent_quote_id"],
            "status": r["speaker_status"], "speakers": frozenset(r["speaker_ids"] or []),
            "spk": (r["speaker_start"], r["speaker_end"]) if r["speaker_start"] is not None else None,
            "cue": (r["cue_start"], r["cue_end"]) if r["cue_start"] is not None else None,
            "lemma": r["cue_lemma"], "event": r["event_id"],
        })
    return rows


def overlap(a, b):
    if a["article_id"] != b["article_id"]:
        return 0
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def match(P, G):
    """One-to-one pairs: exact first, then greedily by largest overlap."""
    pairs, used_p, used_g = [], set(), set()
    for i, p in enumerate(P):
        for j, g in enumerate(G):
            if j not in used_g and (p["article_id"], p["start"], p["end"]) == (g["article_id"], g["start"], g["end"]):
                pairs.append((i, j)); used_p.add(i); used_g.add(j); break
    cands = sorted(((overlap(p, g), i, j) for i, p in enumerate(P) for j, g in enumerate(G)
                    if i not in used_p and j not in used_g and overlap(p, g) > 0), reverse=True)
    for ov, i, j in cands:
        if i not in used_p and j not in used_g:
            pairs.append((i, j)); used_p.add(i); used_g.add(j)
    return pairs


def f1(n_match, n_p, n_g):
    p = n_match / n_p if n_p else 0.0
    r = n_match / n_g if n_g else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def kappa(pairs):
    n = len(pairs)
    if not n:
        return float("nan")
    po = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return 1.0 if pe == 1 else (po - pe) / (1 - pe)


def scores(P, G, diff=False):
    pairs = match(P, G)
    exact = sum(1 for i, j in pairs if (P[i]["start"], P[i]["end"]) == (G[j]["start"], G[j]["end"]))
    p2g = {P[i]["id"]: G[j]["id"] for i, j in pairs}
    out = {"pass": len(P), "gold": len(G), "exact_f1": f1(exact, len(P), len(G)),
           "overlap_f1": f1(len(pairs), len(P), len(G)),
           "kind_kappa": kappa([(P[i]["kind"], G[j]["kind"]) for i, j in pairs]), "matched": len(pairs)}
    checks = {
        "kind": lambda p, g: p["kind"] == g["kind"],
        "speaker": lambda p, g: p["status"] == g["status"] and p["speakers"] == g["speakers"],
        "speaker_words": lambda p, g: p["spk"] == g["spk"],
        "cue_span": lambda p, g: p["cue"] == g["cue"],
        "cue_lemma": lambda p, g: p["lemma"] == g["lemma"],
        "nesting": lambda p, g: (p2g.get(p["parent"]) if p["parent"] else None) == g["parent"],
        "event": lambda p, g: p["event"] == g["event"],
    }
    for name, ok in checks.items():
        good = [ok(P[i], G[j]) for i, j in pairs]
        out[name] = (sum(good), len(good))
        if diff:
            for (i, j), g in zip(pairs, good):
                if not g:
                    print(f"  {name}: pass {P[i]['id']} vs gold {G[j]['id']}")
    if diff:
        mp = {i for i, _ in pairs}; mg = {j for _, j in pairs}
        for i, p in enumerate(P):
            if i not in mp:
                print(f"  pass only: {p['id']} [{p['start']},{p['end']}) {p['text'][:60]!r}")
        for j, g in enumerate(G):
            if j not in mg:
                print(f"  gold only: {g['id']} {g['text'][:60]!r}")
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pass-tsv", default=os.path.join(HERE, "review60b_quotes.tsv"))
    ap.add_argument("--gold", default=os.path.join(ROOT, "dataset", "data", "quotes", "quotes.parquet"))
    ap.add_argument("--diff", action="store_true")
    a = ap.parse_args()
    P, G = load_pass(a.pass_tsv), load_gold(a.gold)
    hdr = ("scope", "rows pass/gold", "span exact F1", "any-overlap F1", "kind kappa", "speaker", "speaker words",
           "cue span", "cue lemma", "nesting", "event")
    print("| " + " | ".join(hdr) + " |")
    print("|" + "---|" * len(hdr))
    scopes = [("all", lambda r: True)] + [("a" + x[:3], (lambda x: lambda r: r["article_id"] == x)(x)) for x in ARTICLES]
    scopes.append(("rows not quoted as examples in §0-3", lambda r: not is_example(r)))
    for scope, keep in scopes:
        if a.diff:
            print(f"[{scope}]")
        s = scores([r for r in P if keep(r)], [r for r in G if keep(r)], a.diff)
        frac = lambda k: "%d/%d" % s[k]
        print(f"| {scope} | {s['pass']}/{s['gold']} | {s['exact_f1']:.3f} | {s['overlap_f1']:.3f} | {s['kind_kappa']:.3f} | "
              f"{frac('speaker')} | {frac('speaker_words')} | {frac('cue_span')} | {frac('cue_lemma')} | {frac('nesting')} | {frac('event')} |")


if __name__ == "__main__":
    sys.exit(main())
