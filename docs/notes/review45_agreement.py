#!/usr/bin/env python3
"""review45: agreement of the independent claims pass (docs/notes/review45_claims.tsv) with the gold
claims of articles 003 and 004 (dataset/data/claims/*.parquet, source 'gold').

Run from the repository root:  python docs/notes/review45_agreement.py [--pairs]
Stdlib + pyarrow only.

Figures, per article and overall:
- exact-span P/R/F1: a pass claim matches a gold claim with identical [start, end).
- any-overlap P/R/F1: one-to-one greedy matching (largest overlap first) of claims whose spans share
  at least one code point; P = matched pass / pass, R = matched gold / gold.
- on the overlap-matched pairs: Cohen's kappa of claim type, of hedging, and raw agreement of
  claimant (null == null counts as agreement), plus exact-span share among the pairs.
"""
import csv, glob, sys, collections
import pyarrow.parquet as pq

ARTS = {'003': '003_53ec89303f4de55c', '004': '004_26f752040ea19616'}
PASS = 'docs/notes/review45_claims.tsv'


def load():
    gold = [r for f in glob.glob('dataset/data/claims/*.parquet') for r in pq.read_table(f).to_pylist()
            if r['source'] == 'gold' and r['article_id'] in ARTS.values()]
    inv = {v: k for k, v in ARTS.items()}
    for r in gold:
        r['art'] = inv[r['article_id']]
    with open(PASS, encoding='utf-8') as fh:
        mine = list(csv.DictReader(fh, delimiter='\t'))
    for r in mine:
        r['art'] = r['article_id']; r['start'] = int(r['start']); r['end'] = int(r['end'])
        r['claim_type'] = r['type']; r['claimant_id'] = r['claimant_id'] or None
    return gold, mine


def prf(m, p, g):
    P = m / p if p else 0.0; R = m / g if g else 0.0
    return P, R, (2 * P * R / (P + R) if P + R else 0.0)


def kappa(pairs):
    n = len(pairs)
    if not n:
        return float('nan')
    po = sum(a == b for a, b in pairs) / n
    ca = collections.Counter(a for a, _ in pairs); cb = collections.Counter(b for _, b in pairs)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return (po - pe) / (1 - pe) if pe < 1 else 1.0


def match_overlap(mine, gold):
    cand = []
    for i, a in enumerate(mine):
        for j, b in enumerate(gold):
            ov = min(a['end'], b['end']) - max(a['start'], b['start'])
            if ov > 0:
                exact = a['start'] == b['start'] and a['end'] == b['end']
                cand.append((not exact, -ov, abs(a['start'] - b['start']) + abs(a['end'] - b['end']), i, j))
    cand.sort()
    usedi, usedj, pairs = set(), set(), []
    for _, _, _, i, j in cand:
        if i in usedi or j in usedj:
            continue
        usedi.add(i); usedj.add(j); pairs.append((mine[i], gold[j]))
    return pairs


def pooled(mine, gold):
    """Figures for one scope; pairs are formed within each article and pooled."""
    pairs, ex = [], []
    for a in ARTS:
        m = [r for r in mine if r['art'] == a]; g = [r for r in gold if r['art'] == a]
        pairs += match_overlap(m, g)
    ex = [(a, b) for a, b in pairs if a['start'] == b['start'] and a['end'] == b['end']]
    f = {'pass': len(mine), 'gold': len(gold), 'exact': len(ex), 'ov': len(pairs)}
    f['exact_P'], f['exact_R'], f['exact_F1'] = prf(len(ex), len(mine), len(gold))
    f['ov_P'], f['ov_R'], f['ov_F1'] = prf(len(pairs), len(mine), len(gold))
    for name, pp in (('ov', pairs), ('ex', ex)):
        f[name + '_type_kappa'] = kappa([(a['claim_type'], b['claim_type']) for a, b in pp])
        f[name + '_type_agree'] = sum(a['claim_type'] == b['claim_type'] for a, b in pp) / max(len(pp), 1)
        f[name + '_hedge_kappa'] = kappa([(a['hedging'], b['hedging']) for a, b in pp])
        f[name + '_hedge_agree'] = sum(a['hedging'] == b['hedging'] for a, b in pp) / max(len(pp), 1)
        f[name + '_claimant_agree'] = sum(a['claimant_id'] == b['claimant_id'] for a, b in pp) / max(len(pp), 1)
    return f, pairs


def main():
    gold, mine = load()
    rows = []
    for art in list(ARTS) + ['all']:
        g = [r for r in gold if art in ('all', r['art'])]; m = [r for r in mine if art in ('all', r['art'])]
        f, pairs = pooled(m, g)
        rows.append((art, f, pairs))
    print('| article | pass | gold | exact pairs | exact P / R / F1 | overlap pairs | overlap P / R / F1 | type kappa (agree), overlap | type kappa, exact | hedging kappa (agree), overlap | claimant agree, overlap |')
    print('|---|---|---|---|---|---|---|---|---|---|---|')
    for art, f, _ in rows:
        print(f"| {art} | {f['pass']} | {f['gold']} | {f['exact']} | {f['exact_P']:.3f} / {f['exact_R']:.3f} / {f['exact_F1']:.3f} | "
              f"{f['ov']} | {f['ov_P']:.3f} / {f['ov_R']:.3f} / {f['ov_F1']:.3f} | {f['ov_type_kappa']:.3f} ({f['ov_type_agree']:.3f}) | "
              f"{f['ex_type_kappa']:.3f} | {f['ov_hedge_kappa']:.3f} ({f['ov_hedge_agree']:.3f}) | {f['ov_claimant_agree']:.3f} |")
    if '--pairs' in sys.argv:
        for art, f, pairs in rows[:-1]:
            pm = {id(a) for a, _ in pairs}; pg = {id(b) for _, b in pairs}
            for a, b in sorted(pairs, key=lambda x: x[0]['start']):
                diffs = [k for k in ('start', 'end', 'claim_type', 'hedging', 'claimant_id') if a[k] != b[k]]
                for k in ('quantity_low', 'quantity_high', 'quantity_unit', 'quantity_bound'):
                    av = a.get(k) or None; bv = b.get(k)
                    if av is not None and k in ('quantity_low', 'quantity_high'):
                        av = float(av)
                    if av != bv:
                        diffs.append(k)
                if diffs:
                    print(f"PAIR {art} {a['id']} [{a['start']},{a['end']}) {a['text']!r}\n     gold {b['claim_id']} [{b['start']},{b['end']}) {b['text']!r}\n     diff {diffs}: pass {[a[k] for k in diffs]} gold {[b[k] for k in diffs]}")
            for a in mine:
                if a['art'] == art and id(a) not in pm:
                    print(f"EXTRA {art} {a['id']} [{a['start']},{a['end']}) {a['text']!r} {a['claim_type']}")
            for b in gold:
                if b['art'] == art and id(b) not in pg:
                    print(f"MISSED {art} {b['claim_id']} [{b['start']},{b['end']}) {b['text']!r} {b['claim_type']} {b['claimant_id']} {b['hedging']}")


if __name__ == '__main__':
    main()


def quoted_split():
    """Rough check of how much the guidelines tell: a gold row counts as 'quoted' when
    ANNOTATION_GUIDELINES.md holds its text, or its first 20 characters (apostrophes folded).
    Prints the figures again on the pass and gold rows outside the quoted gold spans."""
    gl = open('ANNOTATION_GUIDELINES.md', encoding='utf-8').read().replace('’', "'")
    gold, mine = load()
    def q(r):
        t = r['text'].replace('’', "'")
        return t in gl or t[:20] in gl
    qg = [r for r in gold if q(r)]
    qspans = {(r['art'], r['start'], r['end']) for r in qg}
    def near(r):  # a pass row overlapping a quoted gold row
        return any(r['art'] == a and min(r['end'], e) > max(r['start'], s) for a, s, e in qspans)
    g2 = [r for r in gold if (r['art'], r['start'], r['end']) not in qspans]
    m2 = [r for r in mine if not near(r)]
    f, _ = pooled(m2, g2)
    print(f"gold rows quoted by the guidelines: {len(qg)} of {len(gold)}; outside them: pass {f['pass']}, gold {f['gold']}, "
          f"exact F1 {f['exact_F1']:.3f}, overlap F1 {f['ov_F1']:.3f}, type kappa {f['ov_type_kappa']:.3f} ({f['ov_type_agree']:.3f}), "
          f"hedging kappa {f['ov_hedge_kappa']:.3f}, claimant {f['ov_claimant_agree']:.3f}")
    if '--quoted' in sys.argv:
        for r in sorted(qg, key=lambda r: (r['art'], r['start'])):
            print('  quoted', r['art'], r['start'], r['end'], r['text'][:70])


if __name__ == '__main__' and '--quoted-split' in sys.argv:
    quoted_split()
