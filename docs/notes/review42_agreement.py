#!/usr/bin/env python3
"""review42: agreement of an independent record-status reading with the gold.

Compares docs/notes/review42_record.tsv (the pass, one row per proposition:
cluster without variants, or variant) with the gold claim_clusters table
(record_status / variant_record_statuses) and with the record status each claim
inherits (claims table joined on cluster/variant).

Run from the repository root:  python docs/notes/review42_agreement.py [--dump]
stdlib + pyarrow only.
"""
import csv
import sys
from collections import Counter

import pyarrow.parquet as pq

LABELS = ["matches", "contradicts", "unknown"]
PASS = "docs/notes/review42_record.tsv"
CLUSTERS = "dataset/data/claim_clusters/claim_clusters.parquet"
CLAIMS = "dataset/data/claims/claims.parquet"


def gold_propositions():
    """(cluster_id, variant_id or '') -> (status, note) for every gold proposition."""
    out = {}
    for r in pq.read_table(CLUSTERS).to_pylist():
        if r["source"] != "gold":
            continue
        if r["variant_ids"]:
            for v, s, n in zip(r["variant_ids"], r["variant_record_statuses"],
                               r["variant_record_notes"]):
                out[(r["cluster_id"], v)] = (s, n)
        else:
            out[(r["cluster_id"], "")] = (r["record_status"], r["record_note"])
    return out


def read_pass():
    with open(PASS, encoding="utf-8", newline="") as f:
        return {(r["cluster_id"], r["variant_id"] or ""): r
                for r in csv.DictReader(f, delimiter="\t")}


def kappa(pairs):
    n = len(pairs)
    if not n:
        return float("nan"), float("nan")
    po = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    pe = sum(ca[l] * cb[l] for l in LABELS) / (n * n)
    return po, (po - pe) / (1 - pe) if pe < 1 else float("nan")


def matrix(pairs, title):
    c = Counter(pairs)
    lines = [f"{title} (rows gold, columns pass)",
             "| gold \\ pass | " + " | ".join(LABELS) + " | total |",
             "|---|" + "---|" * (len(LABELS) + 1)]
    for g in LABELS:
        row = [c[(g, p)] for p in LABELS]
        lines.append(f"| {g} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    cols = [sum(c[(g, p)] for g in LABELS) for p in LABELS]
    lines.append("| total | " + " | ".join(map(str, cols)) + f" | {sum(cols)} |")
    return "\n".join(lines)


def main():
    gold, pas = gold_propositions(), read_pass()
    missing = sorted(set(gold) - set(pas))
    extra = sorted(set(pas) - set(gold))
    print(f"gold propositions {len(gold)}, pass rows {len(pas)}, "
          f"gold not in pass {len(missing)}, pass not in gold {len(extra)}")
    for k in missing + extra:
        print("  unmatched:", k)
    keys = sorted(set(gold) & set(pas))
    allp = [(gold[k][0], pas[k]["record_status"]) for k in keys]
    print()
    print("| subset | n | agree | agreement | kappa |")
    print("|---|---|---|---|---|")
    for name, sub in [("all", keys)] + [
            (f"pass confidence {c}", [k for k in keys if pas[k]["confidence"] == c])
            for c in ("high", "medium", "low")]:
        pr = [(gold[k][0], pas[k]["record_status"]) for k in sub]
        po, ka = kappa(pr)
        print(f"| {name} | {len(pr)} | {sum(a == b for a, b in pr)} | {po:.1%} | {ka:.3f} |")
    print()
    print(matrix(allp, "Propositions"))
    hi = [(gold[k][0], pas[k]["record_status"]) for k in keys if pas[k]["confidence"] == "high"]
    print()
    print(matrix(hi, "Propositions, pass confidence high"))

    # claims: each gold claim inherits its proposition's status
    claims = [r for r in pq.read_table(CLAIMS).to_pylist() if r["source"] == "gold"]
    cp, bad = [], 0
    for r in claims:
        k = (r["cluster_id"], r["variant_id"] or "")
        if k not in pas:
            bad += 1
            continue
        if r["record_status"] != gold.get(k, (None,))[0]:
            print("  claim's status differs from its proposition's:", r["claim_id"])
        cp.append((r["record_status"], pas[k]["record_status"]))
    po, ka = kappa(cp)
    print()
    print(f"Claims (gold, joined on cluster/variant): n={len(cp)}, unjoined={bad}, "
          f"agreement {po:.1%}, kappa {ka:.3f}")
    print(matrix(cp, "Claims"))

    if "--dump" in sys.argv:
        print()
        print("Disagreements: cluster_id, variant_id, gold, pass, confidence, gold note | pass note")
        for k in keys:
            g, p = gold[k][0], pas[k]["record_status"]
            if g != p:
                print("\t".join([k[0], k[1], g, p, pas[k]["confidence"],
                                 (gold[k][1] or "") + " | " + pas[k]["record_note"]]))


if __name__ == "__main__":
    main()
