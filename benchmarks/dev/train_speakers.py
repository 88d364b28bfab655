"""Train the speaker ranker (`landstrikes.extract.ranker`) and measure it out of sample.

    python benchmarks/dev/train_speakers.py [--dev-news DIR] [--folds 5] [--write]

Reads the dev-news texts of the training sets (below) and their committed stand-off annotations,
runs the rules (`quotes.rule_quotes`), gathers each row's speaker candidates
(`ranker.speaker_candidates`) and labels them: from a full annotation, a candidate is right when
`extract_dev._speaker_ok` would score it right; from an audit judgment (`audit.py`), the judged
speaker (same span, or same entity) is right (`ok`) or wrong (`wrong`; `missing`: no speaker is
wrong). A softmax over each row's candidates, linear in the features, is fitted by full-batch
gradient descent (fixed order, fixed step count, L2), weights rounded to 3 decimals: the same data
give the same file. Prints grouped cross-validated accuracy (folds by text id, and leaving one
annotated set out) of the rules alone vs the ranker, on direct quotes and on all attributed rows,
and with `--write` writes `scripts/extract/speaker_weights.py`.

Never reads the evaluation sets: the ids of `heldout4.tsv`, `heldout5.tsv` and `audit5.tsv` are
dropped before any text or annotation is read. Needs ../shared/dev-news; the test suite does not
run this (it tests `fit` on invented data).
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "benchmarks"))

WEIGHTS_FILE = REPO / "scripts" / "extract" / "speaker_weights.py"
ANNOTATIONS = HERE / "annotations"
GOLD_SETS = ("pass_a", "heldout_a", "heldout2_a", "heldout3_adj", "inspect", "inspect2")
"""Fully annotated sets (one pass per text: the first, or the adjudicated one)."""
AUDIT_SETS = ("audit3_adj", "audit3_after_adj", "audit4_adj", "audit4_after_adj", "audit_r7_insample")
"""Audit judgments that record the judged speaker mention (batches 1-2 do not: whom their labels
judged cannot be told now, so they are left out)."""
FORBIDDEN_LISTS = ("heldout4.tsv", "heldout5.tsv", "audit5.tsv")
STEPS, RATE, L2 = 400, 0.5, 0.01
MARGINS = (0.0, 0.5, 1.0, 1.25, 1.5)
"""Margins by which the best candidate must beat the rules' choice, all reported."""
MARGIN, KINDS = 1.25, ("partial", "indirect")
"""What is written: the margin and the row kinds where the ranker beat the rules in cross-validation
at that margin on fully annotated rows (direct quotes: it did not, at any margin)."""
ATTRIBUTED = ("direct", "partial", "indirect")


def forbidden_ids() -> set[str]:
    return {line.split("\t")[0] for name in FORBIDDEN_LISTS for line in (HERE / name).read_text().splitlines() if line}


# --- examples: per row, its candidates' features and which are right / wrong ----------------------


def row_examples(doc_id: str, text: str):
    """The rules' rows of one text with their candidates (rows of ranked kinds only)."""
    from landstrikes.extract.entities import find_mentions
    from landstrikes.extract.quotes import rule_quotes
    from landstrikes.extract.ranker import RANKED_KINDS, speaker_candidates

    quotes, outside, genders = rule_quotes(text, find_mentions(text))
    return [(q, c) for q, c in zip(quotes, speaker_candidates(quotes, text, outside, genders)) if q.kind in RANKED_KINDS]


def words_and_name(sp) -> tuple[tuple[int, int] | None, str | None]:
    """A speaker as `extract_dev` scores it: the words naming it (mention or unnamed phrase) and its entity's name."""
    m = sp.mention
    words = (m.start, m.end) if m is not None and sp.status == "attributed" else sp.phrase if sp.status == "unnamed_source" else None
    return words, (m.name if m is not None and sp.status in ("attributed", "implicit") else None)


def gold_examples(doc: dict, set_name: str) -> list[dict]:
    from extract_dev import _match, _speaker_ok

    rows = row_examples(doc["id"], doc["text"])
    gold = [g for g in doc["quotes"] if g["kind"] in ATTRIBUTED]
    preds = [{"start": q.start, "end": q.end, "kind": q.kind, "i": i} for i, (q, _) in enumerate(rows)]
    out = []
    for g, p in _match(gold, preds, False):
        if not (g["speaker"] or g["name"]):
            continue
        cands = rows[p["i"]][1]
        right = []
        for c in cands:
            words, name = words_and_name(c.speaker)
            right.append(_speaker_ok(g, {"speaker": words, "name": name}))
        out.append({"id": doc["id"], "set": set_name, "kind": p["kind"], "direct": g["kind"] == "direct" and p["kind"] == "direct",
                    "features": [c.features for c in cands], "right": right, "wrong": [not r for r in right]})
    return out


def audit_examples(text_id: str, text: str, judged: list[dict], set_names: dict) -> list[dict]:
    """Rows judged with their speaker: per row, candidates judged ok and judged wrong."""
    from landstrikes.extract.entities import slug

    rows = row_examples(text_id, text)
    by_span = {}
    for q, cands in rows:
        by_span.setdefault((q.start, q.end, q.kind), (q, cands))
    grouped: dict[tuple, list] = {}
    for j in judged:
        if j["span"] == "not_speech" or j["speaker"] not in ("ok", "wrong", "missing") or (j["start"], j["end"], j["kind"]) not in by_span:
            continue
        grouped.setdefault((j["start"], j["end"], j["kind"]), []).append(j)
    out = []
    for key in sorted(grouped):
        q, cands = by_span[key]
        right, wrong = [False] * len(cands), [False] * len(cands)
        for j in grouped[key]:
            sm = j["speaker_mention"]
            for i, c in enumerate(cands):
                words, name = words_and_name(c.speaker)
                if sm is None:
                    same = words is None and name is None
                else:
                    same = words == (sm[0], sm[1]) or (sm[2] is not None and name is not None and slug(name) == sm[2])
                if same:
                    (right if j["speaker"] == "ok" else wrong)[i] = True
        if any(right) or any(wrong):
            out.append({"id": text_id, "set": set_names[text_id], "kind": q.kind, "direct": q.kind == "direct",
                        "features": [c.features for c in cands], "right": right, "wrong": [w and not r for w, r in zip(wrong, right)]})
    return out


def load_examples(texts: dict[str, str]) -> list[dict]:
    from extract_dev import annotation_doc, gold_docs

    banned = forbidden_ids()
    examples = []
    for doc in gold_docs():
        examples += gold_examples(doc, "gold")
    for set_name in GOLD_SETS:
        for path in sorted((ANNOTATIONS / set_name).glob("*.json")):
            if json.loads(path.read_text(encoding="utf-8"))["id"] in banned:
                continue
            doc = annotation_doc(path, texts)
            if doc is not None:
                examples += gold_examples(doc, set_name)
    judged: dict[str, list[dict]] = {}
    where: dict[str, str] = {}
    for set_name in AUDIT_SETS:
        for path in sorted((ANNOTATIONS / set_name).glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            if data["id"] in banned or data["id"] not in texts:
                continue
            if hashlib.sha256(texts[data["id"]].encode("utf-8")).hexdigest() != data["sha256"]:
                continue
            judged.setdefault(data["id"], []).extend(r for r in data["rows"] if "speaker_mention" in r)
            where.setdefault(data["id"], set_name.split("_")[0])
    for text_id in sorted(judged):
        examples += audit_examples(text_id, texts[text_id], judged[text_id], where)
    return examples


# --- the model ---------------------------------------------------------------------------------


def fit(examples: list[dict], steps: int = STEPS, rate: float = RATE, l2: float = L2) -> dict[str, float]:
    """Softmax over each row's candidates, linear in the features; full-batch gradient descent in a
    fixed order. A row with right candidates raises their share; a row with only wrong ones lowers
    theirs. Weights rounded to 3 decimals, zeros dropped, sorted by name."""
    import numpy as np

    names = sorted({k for e in examples for f in e["features"] for k in f})
    column = {k: j for j, k in enumerate(names)}
    usable = [e for e in examples if len(e["features"]) > 1 and (any(e["right"]) or any(e["wrong"]))]
    if not usable:
        return {}
    rows = [f for e in usable for f in e["features"]]
    x = np.zeros((len(rows), len(names)))
    for i, f in enumerate(rows):
        for k, v in f.items():
            x[i, column[k]] = v
    row_of = np.repeat(np.arange(len(usable)), [len(e["features"]) for e in usable])
    has_right = np.repeat(np.array([any(e["right"]) for e in usable]), [len(e["features"]) for e in usable])
    right = np.array([r for e in usable for r in e["right"]], dtype=bool)
    wrong = np.array([r for e in usable for r in e["wrong"]], dtype=bool)
    # the candidates whose share the loss keeps: the right ones, or (no right one known) all but the wrong ones
    kept = np.where(has_right, right, ~wrong)
    w = np.zeros(len(names))
    for _ in range(steps):
        s = x @ w
        top = np.full(len(usable), -np.inf)
        np.maximum.at(top, row_of, s)
        e_ = np.exp(s - top[row_of])
        total = np.bincount(row_of, e_, len(usable))
        p = e_ / total[row_of]
        mass = np.bincount(row_of, p * kept, len(usable))
        target = np.where(kept, p / np.maximum(mass[row_of], 1e-12), 0.0)
        grad = x.T @ (p - target) / len(usable)
        w -= rate * (grad + l2 * w)
    return {k: round(float(v), 3) for k, v in zip(names, w) if round(float(v), 3) != 0.0}


def choose(features: list[dict[str, float]], weights: dict[str, float], margin: float = 0.0) -> int:
    """The candidate `rank_speakers` keeps: the best, if it beats the rules' choice (index 0) by more than `margin`."""
    from landstrikes.extract.ranker import best_candidate

    return best_candidate(features, weights, margin)


# --- measurement -------------------------------------------------------------------------------


def fold_of(text_id: str, folds: int) -> int:
    return int(hashlib.sha256(text_id.encode()).hexdigest(), 16) % folds


def cross_validated_weights(examples: list[dict], group_of) -> list[dict[str, float]]:
    """Per row, the weights trained without its group (its fold, or its annotated set)."""
    groups = sorted({group_of(e) for e in examples})
    fitted = {g: fit([e for e in examples if group_of(e) != g]) for g in groups}
    return [fitted[group_of(e)] for e in examples]


def _label(e: dict, i: int) -> str:
    return "ok" if e["right"][i] else "wrong" if e["wrong"][i] else "unjudged"


def report(label: str, examples: list[dict], weights: list[dict[str, float]], margins=MARGINS) -> None:
    """Per row kind and margin: on fully annotated rows, accuracy of the rules and of the ranker;
    on audit rows (only the judged speakers are known), the rows the ranker changes, by the label
    of the rules' choice and of its own (`unjudged`: nobody judged that speaker)."""
    for kind in ATTRIBUTED:
        rows = [(e, w) for e, w in zip(examples, weights) if e["kind"] == kind]
        for margin in margins:
            picks = [choose(e["features"], w, margin) for e, w in rows]
            annotated = [(e, i) for (e, _), i in zip(rows, picks) if not e["set"].startswith("audit")]
            rules = sum(e["right"][0] for e, _ in annotated)
            ranked = sum(e["right"][i] for e, i in annotated)
            audit = Counter(f"{_label(e, 0)}->{_label(e, i)}" for (e, _), i in zip(rows, picks) if e["set"].startswith("audit") and i != 0)
            n = max(len(annotated), 1)
            print(f"{label:<20} {kind:<9} margin {margin:<4} annotated rules {rules}/{len(annotated)} = {rules / n:.3f}  "
                  f"ranker {ranked}/{len(annotated)} = {ranked / n:.3f}   audit rows changed: "
                  + (", ".join(f"{k} {v}" for k, v in sorted(audit.items())) or "none"))


def write_weights(weights: dict[str, float], examples: list[dict], path: Path = WEIGHTS_FILE) -> None:
    """The weights file, refused before it is written if the ranker would refuse it at import."""
    from landstrikes.extract.ranker import FEATURES, check_weights

    weights = {name: weights.get(name, 0.0) for name in sorted(FEATURES | set(weights))}  # a deleted line is then an error
    check_weights(weights, MARGIN, KINDS)
    ids = sorted({e["id"] for e in examples})
    lines = ['"""Weights of the speaker ranker (`ranker.py`): feature name -> weight (every feature',
             "the ranker computes, 0.0 included), generated by `python benchmarks/dev/train_speakers.py --write`",
             "(do not edit by hand).",
             "",
             f"Trained on {len(examples)} judged rows of {len(ids)} texts: the gold articles and the sets",
             f"{', '.join(GOLD_SETS + AUDIT_SETS)}",
             f"(steps {STEPS}, rate {RATE}, L2 {L2}); their ids are in `TRAINING_IDS`.",
             '"""', "", "WEIGHTS: dict[str, float] = {"]
    lines += [f"    {k!r}: {v!r}," for k, v in weights.items()]
    lines += ["}", "", f"MARGIN = {MARGIN!r}", '"""How much the best candidate must beat the rules\' choice by."""',
              f"KINDS = {KINDS!r}", '"""Row kinds whose speaker the ranker decides (elsewhere the rules\' choice stands)."""',
              "", "TRAINING_IDS = ("]
    lines += [f"    {i!r}," for i in ids]
    lines += [")", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev-news", type=Path)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--write", action="store_true", help=f"write {WEIGHTS_FILE.name} from all training rows")
    args = parser.parse_args(argv)
    from sample import DEV_NEWS, dev_texts

    roots = [args.dev_news] if args.dev_news else [DEV_NEWS, *(p / "shared" / "dev-news" for p in REPO.parents)]
    root = next((r for r in roots if r is not None and r.is_dir()), None)
    if root is None:
        print("no dev-news folder found", file=sys.stderr)
        return 2
    texts = dev_texts(root)
    for banned in forbidden_ids():
        texts.pop(banned, None)
    examples = load_examples(texts)
    print(f"{len(examples)} rows ({sum(e['direct'] for e in examples)} direct) from {len({e['id'] for e in examples})} texts; "
          f"{sum(len(e['features']) > 1 for e in examples)} with an alternative candidate")
    report(f"{args.folds}-fold by text", examples, cross_validated_weights(examples, lambda e: fold_of(e["id"], args.folds)))
    report("leave one set out", examples, cross_validated_weights(examples, lambda e: e["set"]))
    weights = fit(examples)
    report("in-sample", examples, [weights] * len(examples), (MARGIN,))
    if args.write:
        write_weights(weights, examples)
        print(f"wrote {WEIGHTS_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
