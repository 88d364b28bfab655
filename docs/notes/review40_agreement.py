#!/usr/bin/env python3
"""review40: agreement of the independent quotes pass (docs/notes/review40_quotes.tsv)
with the gold quotes table (dataset/data/quotes/quotes.parquet). stdlib + pyarrow.

Run from the repository root:  python docs/notes/review40_agreement.py [--diff]

Matching: a pass row and a gold row of the same article are an exact match when
[start,end) is equal; the remaining rows are paired greedily by largest overlap
(any overlap). Attribute agreement is computed over all matched pairs (exact + overlap):
kind (Cohen's kappa and raw), speaker (status and speaker id(s) equal), cue (cue span equal,
both-null counts as equal; cue lemma likewise), speaker words (speaker_start/end equal, both-null equal),
nesting (parent maps to the matched partner of the other side's parent, both-null equal),
event (event_id equal, both-null equal).
"""
import csv, sys, collections
from pathlib import Path
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[2]
PASS = ROOT / 'docs/notes/review40_quotes.tsv'
GOLD = ROOT / 'dataset/data/quotes/quotes.parquet'


def load():
    P = []
    for r in csv.DictReader(open(PASS, encoding='utf-8'), delimiter='\t'):
        ids = [x for x in r['speaker_ids'].split(';') if x]
        P.append(dict(id=r['row'], art=r['article_id'], s=int(r['start']), e=int(r['end']), text=r['text'],
                      kind=r['kind'], status=r['speaker_status'], spk=tuple(sorted(ids)),
                      cue=(int(r['cue_start']), int(r['cue_end'])) if r['cue_start'] else None,
                      sw=(int(r['speaker_start']), int(r['speaker_end'])) if r['speaker_start'] else None,
                      parent=r['parent_row'] or None, event=r['event_id'] or None, lemma=r['cue_lemma'] or None))
    G = []
    for r in pq.read_table(GOLD).to_pylist():
        if r['source'] != 'gold':
            continue
        G.append(dict(id=r['quote_id'], art=r['article_id'][:3], s=r['start'], e=r['end'], text=r['text'],
                      kind=r['kind'], status=r['speaker_status'], spk=tuple(sorted(r['speaker_ids'] or [])),
                      cue=(r['cue_start'], r['cue_end']) if r['cue_start'] is not None else None,
                      sw=(r['speaker_start'], r['speaker_end']) if r['speaker_start'] is not None else None,
                      parent=r['parent_quote_id'], event=r['event_id'], lemma=r['cue_lemma']))
    return P, G


def match(P, G):
    pairs, exact = {}, set()
    gi = {(g['art'], g['s'], g['e']): g for g in G}
    for p in P:
        g = gi.get((p['art'], p['s'], p['e']))
        if g and g['id'] not in pairs.values():
            pairs[p['id']] = g['id']; exact.add(p['id'])
    cand = []
    for p in P:
        if p['id'] in pairs: continue
        for g in G:
            if g['id'] in pairs.values() or g['art'] != p['art']: continue
            ov = min(p['e'], g['e']) - max(p['s'], g['s'])
            if ov > 0: cand.append((ov, p['id'], g['id']))
    used = set(pairs.values())
    for ov, pid, gid in sorted(cand, reverse=True):
        if pid in pairs or gid in used: continue
        pairs[pid] = gid; used.add(gid)
    return pairs, exact


def f1(tp, n_p, n_g):
    pr = tp / n_p if n_p else 0; rc = tp / n_g if n_g else 0
    return 2 * pr * rc / (pr + rc) if pr + rc else 0.0


def kappa(a, b):
    n = len(a)
    if not n: return float('nan')
    po = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = collections.Counter(a), collections.Counter(b)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / n / n
    return (po - pe) / (1 - pe) if pe < 1 else 1.0


def stats(P, G, pairs, exact):
    Pd = {p['id']: p for p in P}; Gd = {g['id']: g for g in G}
    inv = {v: k for k, v in pairs.items()}
    M = [(Pd[k], Gd[v]) for k, v in pairs.items()]
    def agree(fn):
        ok = sum(fn(p, g) for p, g in M); return ok, len(M)
    out = dict(pass_rows=len(P), gold_rows=len(G), exact=len(exact), overlap=len(pairs),
               exact_f1=f1(len(exact), len(P), len(G)), overlap_f1=f1(len(pairs), len(P), len(G)),
               kind_kappa=kappa([p['kind'] for p, g in M], [g['kind'] for p, g in M]),
               kind=agree(lambda p, g: p['kind'] == g['kind']),
               speaker=agree(lambda p, g: p['status'] == g['status'] and p['spk'] == g['spk']),
               cue=agree(lambda p, g: p['cue'] == g['cue']),
               cue_lemma=agree(lambda p, g: p['lemma'] == g['lemma']),
               speaker_words=agree(lambda p, g: p['sw'] == g['sw']),
               nesting=agree(lambda p, g: (pairs.get(p['parent']) if p['parent'] else None) == g['parent']),
               event=agree(lambda p, g: p['event'] == g['event']))
    return out


def fmt(o):
    r = lambda t: f"{t[0]}/{t[1]} ({t[0]/t[1]:.3f})" if t[1] else 'n/a'
    return (f"rows pass {o['pass_rows']} gold {o['gold_rows']}; exact {o['exact']} (F1 {o['exact_f1']:.3f}); "
            f"any-overlap {o['overlap']} (F1 {o['overlap_f1']:.3f}); kind kappa {o['kind_kappa']:.3f}, kind {r(o['kind'])}; "
            f"speaker {r(o['speaker'])}; cue {r(o['cue'])}; cue lemma {r(o['cue_lemma'])}; speaker words {r(o['speaker_words'])}; "
            f"nesting {r(o['nesting'])}; event {r(o['event'])}")


# pass rows whose sentence sections 0-3 of ANNOTATION_GUIDELINES.md (2.34) cite as an example
# (read by hand; the pass was made from those sections, so agreement on them is not independent)
EXAMPLE_ROWS = set('''000-02 000-03 000-04 000-05 000-07 000-08 000-09 000-14 000-15 000-16 000-17 000-20
001-01 001-04 001-06 001-09 001-20 001-21 002-04 002-05 002-06 002-09 002-11 002-14 002-15 002-17
002-18 002-23 002-25 003-05 003-06 003-13 003-18 003-19 004-06 004-07 004-08 004-16'''.split())


def main():
    P, G = load()
    pairs, exact = match(P, G)
    print('ALL:', fmt(stats(P, G, pairs, exact)))
    Pn = [p for p in P if p['id'] not in EXAMPLE_ROWS]
    gids = {pairs[p['id']] for p in P if p['id'] in EXAMPLE_ROWS and p['id'] in pairs}
    Gn = [g for g in G if g['id'] not in gids]
    pn = {k: v for k, v in pairs.items() if k not in EXAMPLE_ROWS}
    print(f'NOT GUIDELINE EXAMPLES ({len(EXAMPLE_ROWS)} example rows removed from both sides):',
          fmt(stats(Pn, Gn, pn, {k for k in exact if k not in EXAMPLE_ROWS})))
    for a in sorted({p['art'] for p in P} | {g['art'] for g in G}):
        Pa = [p for p in P if p['art'] == a]; Ga = [g for g in G if g['art'] == a]
        pa = {k: v for k, v in pairs.items() if k.startswith(a)}
        print(f'a{a}:', fmt(stats(Pa, Ga, pa, {k for k in exact if k.startswith(a)})))
    if '--diff' in sys.argv:
        Pd = {p['id']: p for p in P}; Gd = {g['id']: g for g in G}
        for k, v in sorted(pairs.items()):
            p, g = Pd[k], Gd[v]; d = []
            if (p['s'], p['e']) != (g['s'], g['e']): d.append(f"span pass[{p['s']},{p['e']}) gold[{g['s']},{g['e']}) {g['text']!r}")
            for f in ('kind', 'status', 'spk', 'cue', 'lemma', 'sw', 'event'):
                if p[f] != g[f]: d.append(f"{f} pass={p[f]} gold={g[f]}")
            gp = g['parent']; pp = pairs.get(p['parent']) if p['parent'] else None
            if gp != pp: d.append(f"parent pass={pp} gold={gp}")
            if d: print(k, v, '|', ' ; '.join(d))
        for p in P:
            if p['id'] not in pairs: print('PASS ONLY', p['id'], p['s'], p['e'], repr(p['text']))
        used = set(pairs.values())
        for g in G:
            if g['id'] not in used: print('GOLD ONLY', g['id'], g['kind'], g['status'], g['spk'], repr(g['text']))


if __name__ == '__main__':
    main()
