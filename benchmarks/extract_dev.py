"""Out-of-sample evaluation of `landstrikes extract` on the 40-text dev sample, beside in-sample gold.

Reads the texts from ../shared/dev-news (BBC News 2004-2005, Greene & Cunningham 2006; FNC-1
bodies from Emergent, Ferreira & Vlachos 2016; internal evaluation only, never committed), checks
each stand-off annotation's sha256 against its text, runs the extractor and a naive baseline
(quotation-mark pairs + the nearest capitalised name), and prints per text and in total:
direct-quote P/R/F1 (overlap and exact), attribution F1 (direct+partial+indirect, overlap),
speaker accuracy on matched direct quotes (and, stricter, whether the speaker resolves to the gold
speaker's name: `sp.name`, over those with a named speaker; and `sp.attr`, the same test on every
matched attributed row, partial and indirect included), typed NER P/R/F1 (exact; PER/ORG/LOC/MISC), the
agreement of pass_a with pass_b, and the same figures in-sample on the five gold articles.

    python benchmarks/extract_dev.py [--pass-a DIR] [--pass-b DIR]
    python benchmarks/extract_dev.py --heldout
    python benchmarks/extract_dev.py --set heldout2        # or: --set heldout-all (both held-out sets)
    python benchmarks/extract_dev.py --set inspect         # the inspection set (direct-quote speakers only)
    python benchmarks/extract_dev.py --set heldout3        # or: --set heldout-123; --set inspect2

Writes benchmarks/results/extract_dev.json (figures and ids only, no text). `--heldout` scores
the 20 held-out texts instead (`benchmarks/dev/heldout.tsv`, passes `heldout_a`, `heldout_b`):
texts kept from whoever changed the rules, annotated afterwards; it writes extract_heldout.json.
`--set heldout2` scores the second held-out set (`heldout2.tsv`, passes `heldout2_a`,
`heldout2_b`, drawn after the first had been scored several times) into extract_heldout2.json;
`--set heldout-all` scores both held-out sets together (40 texts) into extract_heldout_all.json.
`--set inspect` scores the inspection set (`inspect.tsv`, folder `inspect`: direct quotes only,
each with the speaker a reader judged right, one pass) into extract_inspect.json: drawn after
the dev sample was used up, to find speaker errors out of sample (issue 17); rules have been
changed since it was read, so its figure is in-sample once they are.
`--set heldout3` scores a third held-out set (`heldout3.tsv`, 40 texts, passes `heldout3_a`,
`heldout3_b`), drawn after the inspection set once both earlier held-out figures had been read;
`--set heldout-123` scores all three held-out sets together. `--set heldout3-adj` scores held-out
3's adjudicated annotation (`heldout3_adj`: both passes merged item by item by a third helper,
every one of the 87 disagreements decided against the guidelines and logged in
`benchmarks/dev/adjudication_heldout3.tsv`, offsets and labels only). `--set inspect2` is a second
inspection set (drawn after held-out 3), read for rule development like the first.
`--set heldout4` / `--set heldout4-adj` score a fourth held-out set (`heldout4.tsv`, 40 texts
holding direct quotations, none read by a rule writer), drawn once held-out 3 had been scored
several times; `heldout4_adj` is its adjudicated annotation (log `adjudication_heldout4.tsv`).
`--set heldout5` / `--set heldout5-adj` score a fifth held-out set (`heldout5.tsv`, 40 texts
holding direct quotations, none read by a rule writer nor changed by the rules written since
held-out 4), drawn once held-out 4 had been scored; `heldout5_adj` is its adjudicated annotation
(log `adjudication_heldout5.tsv`).
`--set heldout6` / `--set heldout6-adj` score a sixth held-out set (`heldout6.tsv`, 16 FNC-1 texts
holding direct quotations, on no earlier list and unchanged by every rule written since audit 11 and
12 were drawn; no BBC text was left), drawn once held-out 4 and 5 had each been scored after five
more rounds of rules; `heldout6_adj` will be its adjudicated annotation.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks" / "dev"))
RESULTS = REPO / "benchmarks" / "results" / "extract_dev.json"
HELDOUT_RESULTS = REPO / "benchmarks" / "results" / "extract_heldout.json"
PASS_DIRS = {
    "pass_a": [REPO / "benchmarks/dev/annotations/pass_a"],
    "pass_b": [REPO / "benchmarks/dev/annotations/pass_b"],
}
"""The committed passes only (never another checkout's folder, which may hold other texts)."""
_ANNOTATIONS = REPO / "benchmarks" / "dev" / "annotations"
SETS = {
    "dev": ({"pass_a": ["pass_a"], "pass_b": ["pass_b"]}, RESULTS, "dev"),
    "heldout": ({"pass_a": ["heldout_a"], "pass_b": ["heldout_b"]}, HELDOUT_RESULTS, "held-out"),
    "heldout2": ({"pass_a": ["heldout2_a"], "pass_b": ["heldout2_b"]},
                 REPO / "benchmarks" / "results" / "extract_heldout2.json", "held-out 2"),
    "heldout-all": ({"pass_a": ["heldout_a", "heldout2_a"], "pass_b": ["heldout_b", "heldout2_b"]},
                    REPO / "benchmarks" / "results" / "extract_heldout_all.json", "held-out 1+2"),
    "inspect": ({"pass_a": ["inspect"], "pass_b": []}, REPO / "benchmarks" / "results" / "extract_inspect.json", "inspect"),
    "heldout3": ({"pass_a": ["heldout3_a"], "pass_b": ["heldout3_b"]},
                 REPO / "benchmarks" / "results" / "extract_heldout3.json", "held-out 3"),
    "heldout3-adj": ({"pass_a": ["heldout3_adj"], "pass_b": []},
                     REPO / "benchmarks" / "results" / "extract_heldout3_adj.json", "held-out 3 adjudicated"),
    "heldout-123": ({"pass_a": ["heldout_a", "heldout2_a", "heldout3_a"], "pass_b": ["heldout_b", "heldout2_b", "heldout3_b"]},
                    REPO / "benchmarks" / "results" / "extract_heldout_123.json", "held-out 1+2+3"),
    "inspect2": ({"pass_a": ["inspect2"], "pass_b": []}, REPO / "benchmarks" / "results" / "extract_inspect2.json", "inspect 2"),
    "heldout4": ({"pass_a": ["heldout4_a"], "pass_b": ["heldout4_b"]},
                 REPO / "benchmarks" / "results" / "extract_heldout4.json", "held-out 4"),
    "heldout4-adj": ({"pass_a": ["heldout4_adj"], "pass_b": []},
                     REPO / "benchmarks" / "results" / "extract_heldout4_adj.json", "held-out 4 adjudicated"),
    "heldout5": ({"pass_a": ["heldout5_a"], "pass_b": ["heldout5_b"]},
                 REPO / "benchmarks" / "results" / "extract_heldout5.json", "held-out 5"),
    "heldout5-adj": ({"pass_a": ["heldout5_adj"], "pass_b": []},
                     REPO / "benchmarks" / "results" / "extract_heldout5_adj.json", "held-out 5 adjudicated"),
    "heldout6": ({"pass_a": ["heldout6_a"], "pass_b": ["heldout6_b"]},
                 REPO / "benchmarks" / "results" / "extract_heldout6.json", "held-out 6"),
    "heldout6-adj": ({"pass_a": ["heldout6_adj"], "pass_b": []},
                     REPO / "benchmarks" / "results" / "extract_heldout6_adj.json", "held-out 6 adjudicated"),
}
"""Set name -> (pass -> the annotation folders it is read from, results file, label)."""
NER_TYPE = {"PERSON": "PER", "ORG": "ORG", "MEDIA": "ORG", "GPE": "LOC", "LOC": "LOC",
            "NORP": "MISC", "EVENT": "MISC", "LAW": "MISC", "OTHER": "MISC", "MISC": "MISC"}
ATTRIBUTED = ("direct", "partial", "indirect")
_NAME = re.compile(r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)*")


# --- documents: {id, text, quotes: [{start, end, kind, speaker: (s, e) | None, name: str | None}],
#     entities: [(start, end, TYPE)]} -----------------------------------------------------------


def annotation_doc(path: Path, texts: dict[str, str]) -> dict | None:
    data = json.loads(path.read_text(encoding="utf-8"))
    text = texts.get(data["id"])
    if text is None:
        print(f"skip {path.name}: no text {data['id']} in dev-news", file=sys.stderr)
        return None
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != data["sha256"]:
        print(f"skip {path.name}: sha256 differs from the text's (annotation of another version)", file=sys.stderr)
        return None
    quotes = []
    for q in data.get("quotes", []):
        speaker = (q["speaker_start"], q["speaker_end"]) if q.get("speaker_start") is not None else None
        name = text[q["speaker_name_start"]:q["speaker_name_end"]] if q.get("speaker_name_start") is not None else None
        quotes.append({"start": q["start"], "end": q["end"], "kind": q["kind"], "speaker": speaker, "name": name})
    entities = [(e["start"], e["end"], NER_TYPE.get(e["type"], "MISC")) for e in data.get("entities", [])]
    return {"id": data["id"], "text": text, "quotes": quotes, "entities": entities}


def extracted_doc(doc_id: str, text: str) -> dict:
    from landstrikes.extract import extract_article

    rows = extract_article("x", text)
    names = {r["entity_id"]: r["name"] for r in rows["entity_rows"]}
    types = {r["entity_id"]: r["type"] for r in rows["entity_rows"]}
    mentions = {m["mention_id"]: m for m in rows["mentions"]}
    quotes = []
    for q in rows["quotes"]:
        m = mentions.get(q["speaker_mention_id"])
        # the speaker's words (Q16): the mention's span, or an unnamed source's phrase
        words = (q["speaker_start"], q["speaker_end"]) if q.get("speaker_start") is not None else (m["start"], m["end"]) if m else None
        quotes.append({"start": q["start"], "end": q["end"], "kind": q["kind"],
                       "speaker": words, "name": names.get(q["speaker_id"])})
    entities = [(m["start"], m["end"], NER_TYPE.get(types.get(m["entity_id"], "OTHER"), "MISC")) for m in rows["mentions"] if m["kind"] == "NAME"]
    return {"id": doc_id, "text": text, "quotes": quotes, "entities": entities}


def baseline_doc(doc_id: str, text: str) -> dict:
    """Every mark pair is a direct quote; its speaker the nearest capitalised name outside it in the paragraph."""
    from landstrikes.quotemarks import scan_quote_marks

    pairs, _ = scan_quote_marks(text)
    names = [(m.start(), m.end()) for m in _NAME.finditer(text)]
    quotes = []
    for p in pairs:
        para_start = text.rfind("\n", 0, p.open) + 1
        para_end = text.find("\n", p.close)
        para_end = len(text) if para_end == -1 else para_end
        near = [n for n in names if para_start <= n[0] < para_end and (n[1] <= p.open or n[0] > p.close)]
        best = min(near, key=lambda n: min(abs(n[0] - p.close), abs(p.open - n[1]))) if near else None
        quotes.append({"start": p.open + 1, "end": p.close, "kind": "direct", "speaker": best,
                       "name": text[best[0]:best[1]] if best else None})
    return {"id": doc_id, "text": text, "quotes": quotes, "entities": []}


def gold_docs() -> list[dict]:
    import pandas as pd
    from landstrikes.schema.tableio import read_table

    data = REPO / "dataset" / "data"
    articles, quotes = read_table(data / "articles"), read_table(data / "quotes")
    mentions, entities = read_table(data / "mentions"), read_table(data / "entities")
    types, names = dict(zip(entities["entity_id"], entities["type"])), dict(zip(entities["entity_id"], entities["name"]))
    spans = {r.mention_id: (int(r.start), int(r.end)) for r in mentions.itertuples()}
    docs = []
    for a in articles.itertuples():
        qs = [{"start": int(q.start), "end": int(q.end), "kind": q.kind,
               "speaker": (int(q.speaker_start), int(q.speaker_end)) if not pd.isna(q.speaker_start)
               else spans.get(q.speaker_mention_id), "name": names.get(q.speaker_id)}
              for q in quotes[quotes["article_id"] == a.article_id].itertuples()]
        ms = mentions[(mentions["article_id"] == a.article_id) & (mentions["kind"] == "NAME")]
        es = [(int(m.start), int(m.end), NER_TYPE.get(types.get(m.entity_id, "OTHER"), "MISC")) for m in ms.itertuples()]
        docs.append({"id": a.article_id, "text": a.text, "quotes": qs, "entities": es})
    return docs


# --- metrics --------------------------------------------------------------------------------


def _match(gold: list[dict], pred: list[dict], exact: bool) -> list[tuple[dict, dict]]:
    """Greedy one-to-one: each gold span, in order, takes the first unused predicted span it matches."""
    used, pairs = set(), []
    for g in gold:
        for i, p in enumerate(pred):
            if i in used:
                continue
            if (p["start"], p["end"]) == (g["start"], g["end"]) if exact else p["start"] < g["end"] and g["start"] < p["end"]:
                used.add(i)
                pairs.append((g, p))
                break
    return pairs


def _counts(matched: int, gold: int, pred: int) -> dict:
    return {"matched": matched, "gold": gold, "predicted": pred}


def _prf(c: dict) -> dict:
    p = c["matched"] / c["predicted"] if c["predicted"] else None
    r = c["matched"] / c["gold"] if c["gold"] else None
    f = 2 * p * r / (p + r) if p and r else (0.0 if c["gold"] or c["predicted"] else None)
    return {"precision": _round(p), "recall": _round(r), "f1": _round(f), **c}


def _round(x):
    return None if x is None else round(x, 3)


def _surname(name: str | None) -> str | None:
    words = re.findall(r"[\w’'-]+", name or "")
    return words[-1].lower().rstrip("’'s") if words else None


def _speaker_ok(g: dict, p: dict) -> bool:
    gs, ps = g["speaker"], p["speaker"]
    if gs and ps and ps[0] < gs[1] and gs[0] < ps[1]:
        return True
    return bool(g["name"] and p["name"] and _surname(g["name"]) == _surname(p["name"]))


def _speaker_named_ok(g: dict, p: dict) -> bool:
    """Stricter than `_speaker_ok`: the predicted speaker resolves to the gold speaker's name
    (a pronoun or role noun at the right place but resolved to the wrong person is wrong)."""
    return _surname(g["name"]) == _surname(p["name"])


def compare(gold: dict, pred: dict) -> dict:
    """Raw counts for one text (summed over texts for the totals)."""
    gd = [q for q in gold["quotes"] if q["kind"] == "direct"]
    pd_ = [q for q in pred["quotes"] if q["kind"] == "direct"]
    overlap, exact = _match(gd, pd_, False), _match(gd, pd_, True)
    ga = [q for q in gold["quotes"] if q["kind"] in ATTRIBUTED]
    pa = [q for q in pred["quotes"] if q["kind"] in ATTRIBUTED]
    attribution = _match(ga, pa, False)
    speakers = [g for g, p in overlap if g["speaker"] or g["name"]]
    right = sum(_speaker_ok(g, p) for g, p in overlap if g["speaker"] or g["name"])
    ge, pe = set(gold["entities"]), set(pred["entities"])
    return {
        "direct_overlap": _counts(len(overlap), len(gd), len(pd_)),
        "direct_exact": _counts(len(exact), len(gd), len(pd_)),
        "attribution_overlap": _counts(len(attribution), len(ga), len(pa)),
        "speaker": {"correct": right, "judged": len(speakers)},
        "speaker_named": {"correct": sum(_speaker_named_ok(g, p) for g, p in overlap if g["name"]),
                          "judged": sum(1 for g, _ in overlap if g["name"])},
        # every attributed row (direct, partial, indirect; overlap-matched), as the speaker ranker decides partial and indirect ones
        "speaker_attributed": {"correct": sum(_speaker_ok(g, p) for g, p in attribution if g["speaker"] or g["name"]),
                               "judged": sum(1 for g, _ in attribution if g["speaker"] or g["name"])},
        "ner_exact": _counts(len(ge & pe), len(ge), len(pe)),
    }


def summarise(per_text: dict[str, dict], with_ner: bool = True) -> dict:
    total: dict = {}
    for counts in per_text.values():
        for key, value in counts.items():
            slot = total.setdefault(key, dict.fromkeys(value, 0))
            for k, v in value.items():
                slot[k] += v
    out = {k: _prf(v) for k, v in total.items() if k not in ("speaker", "speaker_named", "speaker_attributed")}
    for key, name in (("speaker", "speaker_accuracy"), ("speaker_named", "speaker_name_accuracy"),
                      ("speaker_attributed", "speaker_attributed_accuracy")):
        sp = total.get(key, {"correct": 0, "judged": 0})
        out[name] = {"accuracy": _round(sp["correct"] / sp["judged"]) if sp["judged"] else None, **sp}
    if not with_ner:
        out.pop("ner_exact", None)
    return out


def figures(gold_docs_: list[dict], make_pred, with_ner: bool = True) -> dict:
    per_text = {g["id"]: compare(g, make_pred(g)) for g in gold_docs_}
    total = summarise(per_text, with_ner)
    speaker = total["speaker_accuracy"]
    speaker["wilson_95"] = wilson_interval(speaker["correct"], speaker["judged"])
    return {"total": total, "per_text": {k: summarise({k: v}, with_ner) for k, v in per_text.items()}}


def wilson_interval(successes: int, trials: int, z: float = 1.959964) -> list[float] | None:
    """The 95% Wilson score interval of a proportion: on 60 quotes, 0.81 means roughly 0.70-0.89,
    so a figure near an aim is read with its interval, not as a margin."""
    if not trials:
        return None
    p = successes / trials
    centre = (p + z * z / (2 * trials)) / (1 + z * z / trials)
    half = z * ((p * (1 - p) / trials + z * z / (4 * trials * trials)) ** 0.5) / (1 + z * z / trials)
    return [_round(centre - half), _round(centre + half)]


# --- report ---------------------------------------------------------------------------------

ROW = ("direct_overlap", "direct_exact", "attribution_overlap", "speaker_accuracy", "ner_exact", "speaker_name_accuracy",
       "speaker_attributed_accuracy")


def line(label: str, summary: dict) -> str:
    cells = []
    for key in ROW:
        v = summary.get(key)
        if v is None:
            cells.append(f"{'-':>8}")
        elif key in ("speaker_accuracy", "speaker_name_accuracy", "speaker_attributed_accuracy"):
            cells.append(f"{_fmt(v['accuracy']):>8}")
        else:
            cells.append(f"{_fmt(v['f1']):>8}")
    return f"{label:<37}" + "".join(cells)


def _fmt(x) -> str:
    return "-" if x is None else f"{x:.3f}"


def _load_pass(name: str, override: str | None, texts: dict[str, str], folders: list[Path] | None = None) -> list[dict]:
    """Every annotated text of one pass: from `override`, else from each of `folders` (the set's)."""
    chosen = [Path(override)] if override else [f for f in (PASS_DIRS[name] if folders is None else folders) if f.is_dir()]
    docs = [annotation_doc(p, texts) for folder in chosen for p in sorted(folder.glob("*.json"))]
    return [d for d in docs if d is not None]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pass-a")
    parser.add_argument("--pass-b")
    parser.add_argument("--json", help=f"where the figures go (default {RESULTS.name}; with --heldout {HELDOUT_RESULTS.name})")
    parser.add_argument("--heldout", action="store_true", help="score the held-out texts (passes heldout_a, heldout_b): --set heldout")
    parser.add_argument("--set", choices=sorted(SETS), default="dev", help="which annotated texts to score (default dev)")
    parser.add_argument("--dev-news", help="folder of the dev texts (default: ../shared/dev-news, searched upwards)")
    parser.add_argument("--no-passes", action="store_true", help="in-sample figures only")
    args = parser.parse_args(argv)
    from sample import DEV_NEWS, dev_texts

    if args.heldout:
        args.set = "heldout"
    set_folders, set_results, label = SETS[args.set]
    args.json = args.json or str(set_results)

    roots = [Path(args.dev_news)] if args.dev_news else [DEV_NEWS, *(p / "shared" / "dev-news" for p in REPO.parents)]
    root = next((r for r in roots if r.is_dir()), None)
    texts = dev_texts(root) if root else {}
    if args.no_passes:
        texts = {}
    if not texts:
        print("note: ../shared/dev-news not found: in-sample figures only", file=sys.stderr)
        passes_wanted = False
    else:
        passes_wanted = True
    passes = {name: _load_pass(name, override, texts, [_ANNOTATIONS / f for f in set_folders[name]]) if passes_wanted else []
              for name, override in (("pass_a", args.pass_a), ("pass_b", args.pass_b))}
    result: dict = {"sources": "dev: BBC News 2004-2005 (Greene & Cunningham 2006) and FNC-1 bodies (Emergent, Ferreira & Vlachos 2016); "
                               "in-sample: the five gold articles", "dev": {}, "in_sample": {}}
    header = f"{'':<37}" + "".join(f"{h:>8}" for h in ("dq ovl", "dq ex", "attr", "speaker", "NER", "sp.name", "sp.attr")) + "   (F1; speaker accuracy; its name; on every attributed row)"
    print(header)
    gold = gold_docs()
    result["in_sample"]["extractor"] = figures(gold, lambda g: extracted_doc(g["id"], g["text"]))
    result["in_sample"]["baseline"] = figures(gold, lambda g: baseline_doc(g["id"], g["text"]), with_ner=False)
    print(line("in-sample gold (5): extractor", result["in_sample"]["extractor"]["total"]))
    print(line("in-sample gold (5): baseline", result["in_sample"]["baseline"]["total"]))
    for name, docs in passes.items():
        if not docs:
            print(f"{name}: no annotation found", file=sys.stderr)
            continue
        result["dev"][name] = {
            "texts": len(docs),
            "extractor": figures(docs, lambda g: extracted_doc(g["id"], g["text"])),
            "baseline": figures(docs, lambda g: baseline_doc(g["id"], g["text"]), with_ner=False),
        }
        print(line(f"{label} {name} ({len(docs)}): extractor", result["dev"][name]["extractor"]["total"]))
        print(line(f"{label} {name} ({len(docs)}): baseline", result["dev"][name]["baseline"]["total"]))
    if passes["pass_a"] and passes["pass_b"]:
        b_by_id = {d["id"]: d for d in passes["pass_b"]}
        both = [d for d in passes["pass_a"] if d["id"] in b_by_id]
        result["dev"]["agreement_a_vs_b"] = {"texts": len(both), **figures(both, lambda g: b_by_id[g["id"]])}
        print(line(f"{label} agreement a vs b ({len(both)})", result["dev"]["agreement_a_vs_b"]["total"]))
    for name in passes:
        if name in result["dev"]:
            sp = result["dev"][name]["extractor"]["total"]["speaker_accuracy"]
            if sp["wilson_95"]:
                low, high = sp["wilson_95"]
                print(f"{label} {name}: speaker accuracy {sp['accuracy']:.3f} ({sp['correct']}/{sp['judged']}), "
                      f"95% interval (Wilson) {low:.3f}-{high:.3f}")
    for name in passes:
        if name in result["dev"]:
            print(f"\nper text ({name}, extractor)")
            for text_id, summary in result["dev"][name]["extractor"]["per_text"].items():
                print(line(f"  {text_id}", summary))
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
