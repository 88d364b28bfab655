"""review38 agreement: the independent pass (docs/notes/review38_*.tsv) against the gold tables.
Run from the repository root with any Python that has pyarrow:
    /work/main/.venv/bin/python docs/notes/review38_agreement.py [--diff]
Entities are aligned by mentions: each pass entity goes to the gold entity sharing most of its
mention spans (exact span first, then overlap); ties and unshared ones stay unaligned."""
import csv, sys, collections
import pyarrow.parquet as pq

ART = {"000": "000_68b95635092649cd", "001": "001_f1f49e9dc8ada067", "002": "002_f6c5fed12bcb1118",
       "003": "003_53ec89303f4de55c", "004": "004_26f752040ea19616"}
SHORT = {v: k for k, v in ART.items()}

def load():
    ents = list(csv.DictReader(open("docs/notes/review38_entities.tsv", encoding="utf-8"), delimiter="\t"))
    rows = list(csv.DictReader(open("docs/notes/review38_mentions.tsv", encoding="utf-8"), delimiter="\t"))
    mine = [r for r in rows if r["kind"] != "EXCLUSION"]
    myx = [r for r in rows if r["kind"] == "EXCLUSION"]
    for r in mine + myx:
        r["start"], r["end"] = int(r["start"]), int(r["end"])
    ge = pq.read_table("dataset/data/entities/entities.parquet").to_pylist()
    gm = pq.read_table("dataset/data/mentions/mentions.parquet").to_pylist()
    gx = pq.read_table("dataset/data/mention_exclusions/mention_exclusions.parquet").to_pylist()
    for r in gm + gx:
        r["art"] = SHORT[r["article_id"]]
    return ents, mine, myx, ge, gm, gx

def align(mine, gm):
    """Score each (pass entity, gold entity) pair by its shared mentions: an exact span counts 1,
    an overlapping span its overlap ratio (intersection over union); then pair greedily, best
    score first, one to one."""
    score = collections.defaultdict(float)
    gidx = collections.defaultdict(list)
    for g in gm:
        gidx[g["art"]].append(g)
    for m in mine:
        for g in gidx[m["article_id"]]:
            inter = min(m["end"], g["end"]) - max(m["start"], g["start"])
            if inter <= 0:
                continue
            union = max(m["end"], g["end"]) - min(m["start"], g["start"])
            score[(m["entity_id"], g["entity_id"])] += inter / union
    amap, used = {}, set()
    for (me, ge), sc in sorted(score.items(), key=lambda kv: (-kv[1], kv[0])):
        if me in amap or ge in used:
            continue
        amap[me] = ge
        used.add(ge)
    return amap

def gold_required(gm):
    texts = {}
    import glob, os
    for f in glob.glob("dataset/raw/*.txt"):
        texts[os.path.basename(f)[:3]] = open(f, encoding="utf-8").read()
    q = pq.read_table("dataset/data/quotes/quotes.parquet").to_pylist()
    st = pq.read_table("dataset/data/stances/stances.parquet").to_pylist()
    byid = {g["mention_id"]: g for g in gm}
    np_ = [g for g in gm if g["kind"] != "NAME"]
    req = set()
    for r in q:
        m = byid.get(r["speaker_mention_id"])
        if m and m["kind"] != "NAME":
            req.add((m["art"], m["start"], m["end"]))
        if r["event_id"]:
            a = SHORT[r["article_id"]]
            req |= {(g["art"], g["start"], g["end"]) for g in np_ if g["art"] == a and g["entity_id"] == r["event_id"]}
    for r in st:
        if r["holder_kind"] != "entity":
            continue
        a = SHORT[r["article_id"]]
        t = texts[a]
        s0 = max(t.rfind(". ", 0, r["evidence_start"]) + 1, t.rfind("\n", 0, r["evidence_start"]) + 1, 0)
        ends = [i for i in (t.find(". ", r["evidence_end"]), t.find("\n", r["evidence_end"])) if i >= 0]
        s1 = min(ends) if ends else len(t)
        req |= {(g["art"], g["start"], g["end"]) for g in np_
                if g["art"] == a and g["entity_id"] == r["holder_id"] and s0 <= g["start"] and g["end"] <= s1}
    return req

def kappa(pairs):
    n = len(pairs)
    if not n:
        return float("nan")
    po = sum(a == b for a, b in pairs) / n
    ca = collections.Counter(a for a, _ in pairs)
    cb = collections.Counter(b for _, b in pairs)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return (po - pe) / (1 - pe) if pe < 1 else 1.0

def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0

def main():
    ents, mine, myx, ge, gm, gx = load()
    amap = align(mine, gm)
    gtype = {g["entity_id"]: g["type"] for g in ge}
    gflag = {g["entity_id"]: (g["flag"] if g["flag"] != "none" else "") for g in ge}
    mtype = {e["entity_id"]: e["type"] for e in ents}
    mflag = {e["entity_id"]: e["flag"] for e in ents}
    out = []
    na = len(amap)
    P, R = na / len(ents), na / len(ge)
    out.append(f"entities: pass {len(ents)}, gold {len(ge)}, aligned {na}: P {P:.3f} R {R:.3f} F1 {f1(P, R):.3f}")
    tp = [(mtype[m], gtype[g]) for m, g in amap.items()]
    out.append(f"entity type: agreement {sum(a == b for a, b in tp)}/{len(tp)}, Cohen kappa {kappa(tp):.3f}")
    fp = [(mflag[m], gflag[g]) for m, g in amap.items()]
    out.append(f"entity flag: agreement {sum(a == b for a, b in fp)}/{len(fp)}, kappa {kappa(fp):.3f}")
    out.append("entity catalogue per article (entities with a mention there, aligned as above):")
    for a in ART:
        me_a = {m["entity_id"] for m in mine if m["article_id"] == a}
        ge_a = {g["entity_id"] for g in gm if g["art"] == a}
        hit = sum(amap.get(x) in ge_a for x in me_a)
        p, r = hit / len(me_a), hit / len(ge_a)
        out.append(f"  a{a}: pass {len(me_a)}, gold {len(ge_a)}, aligned {hit}: P {p:.3f} R {r:.3f} F1 {f1(p, r):.3f}")
    out.append("")
    out.append("article  NAME pass  gold  exact  P      R      F1     same-entity  | NOM/PRON gold  found(any pass)  found(pass required)  pass NOM/PRON  pass required")
    tot = collections.Counter()
    for a in ART:
        mn = {(m["start"], m["end"]): m for m in mine if m["article_id"] == a and m["kind"] == "NAME"}
        gn = {(g["start"], g["end"]): g for g in gm if g["art"] == a and g["kind"] == "NAME"}
        ex = set(mn) & set(gn)
        same = sum(amap.get(mn[k]["entity_id"]) == gn[k]["entity_id"] for k in ex)
        mp = {(m["start"], m["end"]): m for m in mine if m["article_id"] == a and m["kind"] != "NAME"}
        mreq = {k for k, m in mp.items() if m["required"] == "required"}
        gp = {(g["start"], g["end"]): g for g in gm if g["art"] == a and g["kind"] != "NAME"}
        fa = len(set(gp) & set(mp))
        fr = len(set(gp) & mreq)
        p = len(ex) / len(mn) if mn else 0
        r = len(ex) / len(gn) if gn else 0
        out.append(f"a{a}     {len(mn):5d} {len(gn):5d} {len(ex):6d}  {p:.3f}  {r:.3f}  {f1(p, r):.3f}  {same}/{len(ex)}        | {len(gp):13d}  {fa:15d}  {fr:20d}  {len(mp):13d}  {len(mreq):13d}")
        for k, v in (("mn", len(mn)), ("gn", len(gn)), ("ex", len(ex)), ("same", same), ("gp", len(gp)),
                     ("fa", fa), ("fr", fr), ("mp", len(mp)), ("mreq", len(mreq))):
            tot[k] += v
    p, r = tot["ex"] / tot["mn"], tot["ex"] / tot["gn"]
    out.append(f"all      {tot['mn']:5d} {tot['gn']:5d} {tot['ex']:6d}  {p:.3f}  {r:.3f}  {f1(p, r):.3f}  {tot['same']}/{tot['ex']}      | {tot['gp']:13d}  {tot['fa']:15d}  {tot['fr']:20d}  {tot['mp']:13d}  {tot['mreq']:13d}")
    out.append(f"all gold NOMINAL/PRONOUN rows recalled: by any pass row {tot['fa']}/{tot['gp']} = {tot['fa'] / tot['gp']:.3f}; by the pass's required rows {tot['fr']}/{tot['gp']} = {tot['fr'] / tot['gp']:.3f}")
    gks = {(g["art"], g["start"], g["end"]) for g in gm if g["kind"] != "NAME"}
    mr = [m for m in mine if m["kind"] != "NAME" and m["required"] == "required"]
    out.append(f"pass required NOMINAL/PRONOUN rows found in the gold: {sum((m['article_id'], m['start'], m['end']) in gks for m in mr)}/{len(mr)}")
    # the gold's M3-required NOMINAL/PRONOUN rows: quote speaker mentions (Q6), mentions of a quote's
    # event in its article (Q14), and the stance holder's mentions in its evidence sentence (S3)
    req = gold_required(gm)
    myall = {(m["article_id"], m["start"], m["end"]) for m in mine if m["kind"] != "NAME"}
    myreq = {(m["article_id"], m["start"], m["end"]) for m in mine if m["kind"] != "NAME" and m["required"] == "required"}
    out.append(f"gold M3-required NOMINAL/PRONOUN rows (speakers, speech events, stance holders): {len(req)}; found by any pass row {len(req & myall)} = {len(req & myall) / len(req):.3f}; by the pass's required rows {len(req & myreq)} = {len(req & myreq) / len(req):.3f}")
    for a in ART:
        ra = {k for k in req if k[0] == a}
        out.append(f"  a{a}: {len(ra)} required; any pass row {len(ra & myall)}; pass required rows {len(ra & myreq)}")
    if "--diff" in sys.argv:
        out.append("  gold-required rows not in the pass's required rows: " + ", ".join(f"{k}" for k in sorted(req - myreq)))
    gxs = {(g["art"], g["start"], g["end"]) for g in gx}
    out.append(f"exclusions: pass {len(myx)}, gold {len(gx)}, same span {sum((x['article_id'], x['start'], x['end']) in gxs for x in myx)}")
    print("\n".join(out))
    if "--diff" in sys.argv:
        inv = {g: m for m, g in amap.items()}
        print("\nunaligned pass entities:", sorted(set(mtype) - set(amap)))
        print("unaligned gold entities:", sorted(set(gtype) - set(inv)))
        print("aligned with other id:", sorted((m, g) for m, g in amap.items() if m != g))
        print("type differs:", [(m, mtype[m], g, gtype[g]) for m, g in amap.items() if mtype[m] != gtype[g]])
        print("flag differs:", [(m, mflag[m], g, gflag[g]) for m, g in amap.items() if mflag[m] != gflag[g]])
        mk = {(m["article_id"], m["start"], m["end"]): m for m in mine}
        gk = {(g["art"], g["start"], g["end"]): g for g in gm}
        print("\nin gold only:")
        for k in sorted(set(gk) - set(mk)):
            g = gk[k]; print("  G", k, repr(g["text"]), g["entity_id"], g["kind"])
        print("in pass only:")
        for k in sorted(set(mk) - set(gk)):
            m = mk[k]; print("  P", k, repr(m["text"]), m["entity_id"], m["kind"], m["required"])
        print("same span, other entity or kind:")
        for k in sorted(set(mk) & set(gk)):
            m, g = mk[k], gk[k]
            if amap.get(m["entity_id"]) != g["entity_id"] or m["kind"] != g["kind"]:
                print("  S", k, repr(m["text"]), m["entity_id"], m["kind"], "| gold", g["entity_id"], g["kind"])

if __name__ == "__main__":
    main()
