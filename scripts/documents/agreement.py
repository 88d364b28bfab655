"""Inter-annotator agreement: the gold tables against the independent second pass.

The second pass (dataset/annotations/second_pass/) was made by another annotator from the
guidelines and raw text only. Quotes are matched by span (exact, then any overlap); speaker
agreement and Cohen's kappa for kinds are computed on matched pairs. Stances are matched by
(article, holder, target); claims by span overlap, with kappa on consistency labels. For stances
and claims the gold was later adjudicated against the second pass, so agreement compares the
frozen first pass (annotations/first_pass/) with the second pass, and `adjudication` reports
where the gold rows came from.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict, deque
from pathlib import Path

import pandas as pd

from landstrikes.schema.registry import TABLES_BY_NAME
from landstrikes.schema.used_columns import read_used
from landstrikes.spanindex import SpanIndex
from landstrikes.documents.passes import (article_of, claim_article, item_span, pass_files, pass_items, read_pass, refuse_repeated_keys,
                                         refuse_repeated_spans)


USED = {
    "articles": ("article_id", "source_file", "text"),
    "quotes": ("article_id", "start", "end", "kind", "speaker_id", "speaker_status"),
    "claims": ("article_id", "start", "end"),
    "stances": ("article_id", "holder_kind", "holder_id", "holder_group", "target_id"),
    "quality_flags": ("article_id", "flag", "start", "end"),
}
"""The columns the agreement figures are computed from (here and in thirdpass.py): of another
Arrow type, the table is refused (`wrong-dtype`), not counted."""


def read_gold_table(dataset_dir: Path, name: str) -> pd.DataFrame:
    """One gold table of the dataset, its USED columns of the schema's types."""
    return read_used(dataset_dir / "data" / name, TABLES_BY_NAME[name], USED[name])


def cohen_kappa(a: list[str], b: list[str]) -> float | None:
    """Cohen's kappa of two label sequences; None when undefined (no pairs or no variation)."""
    n = len(a)
    if n == 0:
        return None
    observed = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return None if expected == 1 else round((observed - expected) / (1 - expected), 4)


_READ = {"quotes": ("kind", "speaker_status"), "stances": ("target", "label"), "claims": ("consistency", "claim_type")}
"""The fields of a first- or second-pass item the figures read directly (the quotes' two were
missing: an item without `kind` stopped `agreement` with `[internal-error] KeyError`; attack32)."""


def _second_pass(folder: Path, articles: pd.DataFrame, layer: str) -> list[dict]:
    texts = dict(zip(articles["source_file"], zip(articles["article_id"], articles["text"])))
    rows, seen = [], {}
    for path in pass_files(folder):
        parsed = read_pass(path)
        doc = parsed.data
        article_id, text = article_of(path, doc, texts)
        claim_article(seen, path, article_id)
        items = pass_items(path, doc, layer, _READ[layer], parsed.lines)
        if layer == "stances":
            refuse_repeated_keys(path, layer, items, lambda item: (item.get("holder"), item.get("target")), parsed.lines)
        spans = [item_span(path, layer, number, item, "text" if "text" in item else "evidence", text, parsed.lines)
                 for number, item in enumerate(items)]
        if layer != "stances":  # stances are keyed by holder and target: two may cite one clause
            refuse_repeated_spans(path, layer, items, spans, parsed.lines)
        rows.extend({**item, "article_id": article_id, "span": span} for item, span in zip(items, spans))
    return rows


def _none(value):
    """Missing values arrive as None from YAML and as NaN from pandas: one spelling."""
    return None if value is None or (isinstance(value, float) and value != value) else value


def match_spans(gold: list[dict], second: list[dict], exact: bool) -> list[tuple[dict, dict]]:
    """Greedy one-to-one matching, gold in order: the first unused equal span of the article, or
    its unused span of largest overlap (the earlier row on a tie). Each gold span looks only at
    the spans of its article that can match it: looking at every span was quadratic (attack17)."""
    pairs, used = [], set()
    if exact:
        equal: dict[tuple, deque[int]] = defaultdict(deque)
        for i, s in enumerate(second):
            if s["span"]:
                equal[(s["article_id"], tuple(s["span"]))].append(i)
        for g in gold:
            waiting = equal.get((g["article_id"], tuple(g["span"]))) if g["span"] else None
            if waiting:
                pairs.append((g, second[waiting.popleft()]))
        return pairs
    index = SpanIndex((s["article_id"], s["span"][0], s["span"][1], i) for i, s in enumerate(second) if s["span"])
    for g in gold:
        start, end = g["span"]
        best = max(((min(e, end) - max(b, start), -i) for b, e, i in index.overlapping(g["article_id"], start, end)
                    if i not in used), default=None)
        if best is not None:
            used.add(-best[1])
            pairs.append((g, second[-best[1]]))
    return pairs


def prf(matched: int, gold: int, predicted: int) -> dict:
    p = matched / predicted if predicted else 0.0
    r = matched / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def quote_agreement(dataset_dir: Path) -> dict:
    articles = read_gold_table(dataset_dir, "articles")
    quotes = read_gold_table(dataset_dir, "quotes")
    gold = [{**r, "span": (int(r["start"]), int(r["end"]))} for r in quotes.to_dict("records")]
    second = _second_pass(dataset_dir / "annotations" / "second_pass" / "quotes", articles, "quotes")
    out = {"gold_rows": len(gold), "second_rows": len(second), "per_article": {}}
    for mode in ("exact", "overlap"):
        pairs = match_spans(gold, second, exact=(mode == "exact"))
        out[f"span_{mode}"] = prf(len(pairs), len(gold), len(second))
        if mode == "overlap":
            out["kind_kappa"] = cohen_kappa([g["kind"] for g, _ in pairs], [s["kind"] for _, s in pairs])
            out["kind_agreement"] = round(sum(g["kind"] == s["kind"] for g, s in pairs) / max(1, len(pairs)), 4)
            out["speaker_agreement"] = round(
                sum(_none(g["speaker_id"]) == _none(s.get("speaker")) for g, s in pairs) / max(1, len(pairs)), 4
            )
            out["speaker_status_kappa"] = cohen_kappa([g["speaker_status"] for g, _ in pairs], [s["speaker_status"] for _, s in pairs])
            out["matched_pairs"] = len(pairs)
    for article_id in articles["article_id"]:
        g = [x for x in gold if x["article_id"] == article_id]
        s = [x for x in second if x["article_id"] == article_id]
        pairs = match_spans(g, s, exact=False)
        out["per_article"][article_id] = {
            "gold": len(g), "second": len(s), **prf(len(pairs), len(g), len(s)),
            "speaker_agreement": round(sum(_none(a["speaker_id"]) == _none(b.get("speaker")) for a, b in pairs) / max(1, len(pairs)), 4),
        }
    return out


def _stance_labels(rows: list[dict]) -> dict:
    return {(r["article_id"], r.get("holder"), r["target"]): r["label"] for r in rows}


def stance_claim_agreement(dataset_dir: Path) -> dict:
    """First pass (frozen before adjudication) vs second pass: both made independently."""
    articles = read_gold_table(dataset_dir, "articles")
    first_dir = dataset_dir / "annotations" / "first_pass" / "stances_claims"
    second_dir = dataset_dir / "annotations" / "second_pass" / "stances_claims"
    first_st = _stance_labels(_second_pass(first_dir, articles, "stances"))
    second_st = _stance_labels(_second_pass(second_dir, articles, "stances"))
    shared = sorted(set(first_st) & set(second_st), key=str)
    first_cl = _second_pass(first_dir, articles, "claims")
    second_cl = _second_pass(second_dir, articles, "claims")
    pairs = match_spans(first_cl, second_cl, exact=False)
    return {
        "stances": {
            "gold_rows": len(first_st), "second_rows": len(second_st), "shared_keys": len(shared),
            "label_kappa": cohen_kappa([first_st[k] for k in shared], [second_st[k] for k in shared]),
            "label_agreement": round(sum(first_st[k] == second_st[k] for k in shared) / max(1, len(shared)), 4),
        },
        "claims": {
            "gold_rows": len(first_cl), "second_rows": len(second_cl), "span_overlap": prf(len(pairs), len(first_cl), len(second_cl)),
            "matched_pairs": len(pairs),
            "consistency_kappa": cohen_kappa([g["consistency"] for g, _ in pairs], [s["consistency"] for _, s in pairs]),
            "consistency_agreement": round(sum(g["consistency"] == s["consistency"] for g, s in pairs) / max(1, len(pairs)), 4),
            "type_kappa": cohen_kappa([g["claim_type"] for g, _ in pairs], [s["claim_type"] for _, s in pairs]),
        },
    }


def adjudication(dataset_dir: Path) -> dict:
    """Where the adjudicated gold came from: kept from the first pass, adopted from the second, added after."""
    articles = read_gold_table(dataset_dir, "articles")
    passes = dataset_dir / "annotations"
    first_cl = _second_pass(passes / "first_pass" / "stances_claims", articles, "claims")
    second_cl = _second_pass(passes / "second_pass" / "stances_claims", articles, "claims")
    claims = read_gold_table(dataset_dir, "claims")
    gold_cl = [{**r, "span": (int(r["start"]), int(r["end"]))} for r in claims.to_dict("records")]
    from_first = {id(g) for g, _ in match_spans(gold_cl, first_cl, exact=False)}
    from_second = {id(g) for g, _ in match_spans(gold_cl, second_cl, exact=False)}
    second_kept = {id(s) for _, s in match_spans(gold_cl, second_cl, exact=False)}
    stances = read_gold_table(dataset_dir, "stances")
    # the first and second passes know entity and article-voice holders only (groups came with 2.0)
    gold_st = {(r.article_id, r.holder_id if isinstance(r.holder_id, str) else None, r.target_id)
               for r in stances.itertuples() if getattr(r, "holder_kind", "entity") != "group"}
    first_st = set(_stance_labels(_second_pass(passes / "first_pass" / "stances_claims", articles, "stances")))
    second_st = set(_stance_labels(_second_pass(passes / "second_pass" / "stances_claims", articles, "stances")))
    return {
        "claims": {
            "gold_rows": len(gold_cl),
            "from_first_pass": len(from_first),
            "adopted_from_second_pass": len(from_second - from_first),
            "added_in_adjudication": sum(id(g) not in from_first | from_second for g in gold_cl),
            "second_pass_rejected": sum(id(s) not in second_kept for s in second_cl),
        },
        "stances": {
            "gold_rows": len(gold_st),
            "from_first_pass": len(gold_st & first_st),
            "adopted_from_second_pass": len((gold_st & second_st) - first_st),
            "second_pass_rejected": len(second_st - gold_st),
        },
    }


def agreement(dataset_dir: Path) -> dict:
    from landstrikes.documents.fifthpass import fifth_pass_agreement
    from landstrikes.documents.fourthpass import fourth_pass_agreement
    from landstrikes.documents.claimspasses import claims_passes_agreement
    from landstrikes.documents.crossarticlepasses import cross_article_passes_agreement
    from landstrikes.documents.thirdpass import third_pass_adjudication, third_pass_agreement

    result = {"quotes": quote_agreement(dataset_dir), **stance_claim_agreement(dataset_dir),
              "adjudication": adjudication(dataset_dir)}
    third = third_pass_agreement(dataset_dir)
    if third is not None:
        result["third_pass"] = third
        result["third_pass_adjudication"] = third_pass_adjudication(dataset_dir)
    fourth = fourth_pass_agreement(dataset_dir)
    if fourth is not None:
        result["fourth_pass"] = fourth
    fifth = fifth_pass_agreement(dataset_dir)
    if fifth is not None:
        result["fifth_pass"] = fifth
    result.update(claims_passes_agreement(dataset_dir))
    result.update(cross_article_passes_agreement(dataset_dir))
    return result


def write_agreement(dataset_dir: Path, out: Path) -> dict:
    result = agreement(dataset_dir)
    out.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return result
