"""`landstrikes evaluate`: silver (or any predicted) tables against the gold, layer by layer.

Spans are matched one-to-one per article with the agreement module's greedy matcher, exactly
and by any overlap; attribute accuracies (speaker, kind, entity type, quantity) are computed on
the overlap-matched pairs. Claims are compared with the gold claims that carry a quantity,
because the extractor only proposes numeric claims.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from heapq import heappop, heappush
from pathlib import Path

import pandas as pd
from landstrikes.documents.agreement import _none, match_spans, prf
from landstrikes.schema.arrowchecks import read_comparable
from landstrikes.schema.registry import TABLES_BY_NAME
from landstrikes.schema.report import counted, visible
from landstrikes.schema.tableio import UnreadableTable, to_pandas
from landstrikes.schema.validate import table_root

LAYERS = ("quotes", "mentions", "claims", "segments")

NEEDED = {
    "articles": ("article_id", "text"),
    "entities": ("entity_id", "type"),
    "quotes": ("article_id", "start", "end", "speaker_id", "kind"),
    "mentions": ("article_id", "start", "end", "entity_id"),
    "claims": ("article_id", "start", "end", "quantity_low", "quantity_high", "quantity_unit"),
    "segments": ("article_id", "start", "end", "kind"),
}
"""The columns each comparison reads: they must be there, of the schema's type, and non-null
where the schema says so, or the table is unusable input (one line, exit 2)."""


def _records(df: pd.DataFrame, articles: set[str]) -> list[dict]:
    df = df[df["article_id"].isin(articles)]
    return [{**r, "span": (int(r["start"]), int(r["end"]))} for r in df.to_dict("records")]


KEYS = {
    "articles": ("article_id",),
    "entities": ("entity_id",),
    **{layer: ("article_id", "start", "end") for layer in LAYERS},
}
"""What each table's rows are scored by, given at most once (attack44): a span given twice could be
paired with a second gold span it overlaps, and a repeated article or entity id kept only its last
row's text or type."""


def _load(folder: Path, name: str) -> pd.DataFrame:
    """One table, checked by read_comparable (UnreadableTable with a check id otherwise), and
    refused (`duplicate-id`) where the key it is scored by is given twice."""
    where = table_root(Path(folder)) / name
    table = read_comparable(where, TABLES_BY_NAME[name], NEEDED[name])
    _refuse_repeated(where, table, KEYS[name])
    return to_pandas(table)


def _refuse_repeated(where: Path, table, key: tuple[str, ...]) -> None:
    """UnreadableTable (`duplicate-id`) naming the first row whose key an earlier row holds."""
    first: dict[tuple, int] = {}
    for row, values in enumerate(zip(*(table.column(c).to_pylist() for c in key))):
        earlier = first.setdefault(values, row)
        if earlier != row:
            what = (f"the span [{values[1]}, {values[2]}) of article {visible(str(values[0]))}" if len(key) == 3
                    else f"{key[0]} {visible(str(values[0]))}")
            raise UnreadableTable(
                f"{where}: row {row} column {key[-2] if len(key) == 3 else key[0]}: {what} is given twice (rows {earlier} and {row}); "
                "a repeated row would be scored twice, so the table is refused", "duplicate-id")


def evaluate(pred_dir: Path, gold_dir: Path = Path("dataset")) -> dict:
    """Every figure as a dict: per layer, per gold article (one the predictions lack predicts nothing, and
    is named in `unpredicted_articles`); raises ValueError when no article is in both."""
    gold_texts = _texts(gold_dir)
    pred_texts = _texts(pred_dir)
    shared = gold_texts.keys() & pred_texts.keys()
    if not shared:
        raise ValueError(  # say what evaluate scores and what to do with articles of one's own (newuser48)
            f"{pred_dir} and {gold_dir} have no article in common: evaluate scores predictions of the gold's own "
            f"texts (extract {Path(gold_dir) / 'raw'}, or --gold a folder holding gold rows of your articles); "
            "articles with no gold are checked with validate and reviewed with render")
    _refuse_other_texts(pred_dir, pred_texts, gold_texts, shared)
    # every gold article is scored: one the predictions lack predicts nothing, so its gold rows are
    # misses (attack33: it had been left out of every figure, and a prediction folder holding one
    # gold article of five, or an extract that failed on four, scored recall 1.000 unremarked)
    scored, unpredicted = set(gold_texts), sorted(gold_texts.keys() - pred_texts.keys())
    gold = {n: _records(_load(gold_dir, n), scored) for n in LAYERS}
    pred = {n: _records(_load(pred_dir, n), shared) for n in LAYERS}
    for side in (gold, pred):  # the layer is numeric claims: those with a quantity, on both sides
        side["claims"] = [c for c in side["claims"] if _none(c["quantity_low"]) is not None]
    types = {"gold": _entity_types(gold_dir), "pred": _entity_types(pred_dir)}
    spans = {"gold": _mention_spans(gold["mentions"]), "pred": _mention_spans(pred["mentions"])}
    result = {"articles": sorted(scored), "layers": {}, "per_article": {}}
    if unpredicted:  # only then: an evaluation of every gold article keeps its shape, byte for byte
        result["unpredicted_articles"] = unpredicted
    for layer in LAYERS:
        result["layers"][layer] = _layer(layer, gold[layer], pred[layer], types, spans)
    gold_by, pred_by = _by_article(gold), _by_article(pred)  # one pass, not one per article (attack17)
    for article in sorted(scored):
        result["per_article"][article] = {
            layer: _layer(layer, gold_by[layer].get(article, []), pred_by[layer].get(article, []), types, spans)
            for layer in LAYERS
        }
    return result


def _texts(folder: Path) -> dict[str, str]:
    articles = _load(folder, "articles")
    return dict(zip(articles["article_id"], articles["text"]))


def _refuse_other_texts(pred_dir: Path, pred: dict[str, str], gold: dict[str, str], shared: set[str]) -> None:
    """UnreadableTable (`article-text-mismatch`) for the first shared article whose predicted text
    is not the gold's: offsets into another text (a CRLF copy of raw/, a BOM, an edited article)
    measure nothing, and were scored as if they were the gold's (attack21)."""
    for article in sorted(shared):
        if pred[article] != gold[article]:
            ours, theirs = pred[article], gold[article]
            at = next((i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b), min(len(ours), len(theirs)))
            raise UnreadableTable(
                f"{table_root(Path(pred_dir)) / 'articles'}: row {visible(article)} column text: the predicted article's "
                f"text is not the gold's (they differ from code point {at}; {len(ours)} vs {counted(len(theirs), 'code point')}), "
                "so its offsets cannot be compared; extract from the gold's raw texts",
                "article-text-mismatch",
            )


def _by_article(side: dict[str, list[dict]]) -> dict[str, dict[str, list[dict]]]:
    """layer -> article -> its rows, in their order."""
    return {layer: _grouped(rows) for layer, rows in side.items()}


def _layer(layer: str, gold: list[dict], pred: list[dict], types, spans) -> dict:
    exact = match_spans(gold, pred, exact=True)
    overlap = match_spans(gold, pred, exact=False)
    out = {
        "gold": len(gold), "predicted": len(pred),
        "exact": prf(len(exact), len(gold), len(pred)),
        "overlap": prf(len(overlap), len(gold), len(pred)),
    }
    if layer == "quotes":
        out["speaker_accuracy"] = _share(overlap, lambda g, p: _same_speaker(g, p, spans))
        out["kind_accuracy"] = _share(overlap, lambda g, p: g["kind"] == p["kind"])
    elif layer == "mentions":
        out["entity_type_accuracy"] = _share(overlap, lambda g, p: types["gold"].get(g["entity_id"]) == types["pred"].get(p["entity_id"]))
    elif layer == "claims":
        out["quantity_accuracy"] = _share(overlap, _same_quantity)
        out["unit_accuracy"] = _share(overlap, lambda g, p: g["quantity_unit"] == _none(p.get("quantity_unit")))
    elif layer == "segments":
        out["kind_accuracy"] = _share(overlap, lambda g, p: g["kind"] == p["kind"])
        out["char_kind_accuracy"] = _char_agreement(gold, pred)
    return out


def _share(pairs, same) -> float | None:
    return round(sum(bool(same(g, p)) for g, p in pairs) / len(pairs), 4) if pairs else None


def _entity_types(folder: Path) -> dict[str, str]:
    entities = _load(folder, "entities")
    return dict(zip(entities["entity_id"], entities["type"]))


def _mention_spans(mentions: list[dict]) -> dict[tuple[str, str], list[tuple[int, int]]]:
    out: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for m in mentions:
        out[(m["article_id"], m["entity_id"])].append(m["span"])
    return out


def _same_speaker(g: dict, p: dict, spans) -> bool:
    """Same speaker when both have none, or the two entities' mentions overlap in the article (ids may differ)."""
    gs, ps = _none(g["speaker_id"]), _none(p["speaker_id"])
    if gs is None or ps is None:
        return gs is None and ps is None
    if gs == ps:
        return True
    article = g["article_id"]
    gold_spans = spans["gold"].get((article, gs), [])
    return any(a[0] < b[1] and b[0] < a[1] for a in gold_spans for b in spans["pred"].get((article, ps), []))


def _same_quantity(g: dict, p: dict) -> bool:
    lo, hi = _none(p.get("quantity_low")), _none(p.get("quantity_high"))
    if lo is None or hi is None:
        return False
    return abs(g["quantity_low"] - lo) < 1e-6 and abs(g["quantity_high"] - hi) < 1e-6 and g["quantity_unit"] == p.get("quantity_unit")


def _char_agreement(gold: list[dict], pred: list[dict]) -> float | None:
    """Share of gold characters whose segment kind the prediction gives them (segments partition
    the text; where predicted segments overlap, the later row's kind holds).

    Counted by intervals, never character by character: a predicted end of 2**62 made evaluate
    fill a dictionary until memory ran out, and a 50 MB article cost one entry per character."""
    painted = {article: _painted(rows) for article, rows in _grouped(pred).items()}
    total = agree = 0
    for g in gold:
        start, end = g["span"]
        if end <= start:
            continue
        total += end - start
        starts, pieces = painted.get(g["article_id"], ([], []))
        covered = 0
        for a, b, kind in pieces[max(bisect_right(starts, start) - 1, 0):bisect_left(starts, end)]:
            inside = min(b, end) - max(a, start)
            if inside > 0:
                covered += inside
                agree += inside if kind == g["kind"] else 0
        if g["kind"] is None:  # a character no prediction covers has kind None
            agree += end - start - covered
    return round(agree / total, 4) if total else None


def _grouped(rows: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        out[row["article_id"]].append(row)
    return out


def _painted(rows: list[dict]) -> tuple[list[int], list[tuple[int, int, str]]]:
    """One article's predicted segments painted in row order, later over earlier: disjoint
    (start, end, kind) pieces in text order, and their starts."""
    spans = [(p["span"][0], p["span"][1], order, p["kind"]) for order, p in enumerate(rows) if p["span"][1] > p["span"][0]]
    bounds = sorted({x for start, end, _, _ in spans for x in (start, end)})
    spans.sort()
    pieces: list[tuple[int, int, str]] = []
    active: list[tuple[int, int, str]] = []  # (-row order, end, kind): the latest row on top
    next_span = 0
    for a, b in zip(bounds, bounds[1:]):
        while next_span < len(spans) and spans[next_span][0] <= a:
            start, end, order, kind = spans[next_span]
            heappush(active, (-order, end, kind))
            next_span += 1
        while active and active[0][1] <= a:  # the latest row has ended: the one below shows
            heappop(active)
        if active:
            kind = active[0][2]
            if pieces and pieces[-1][1] == a and pieces[-1][2] == kind:
                pieces[-1] = (pieces[-1][0], b, kind)
            else:
                pieces.append((a, b, kind))
    return [a for a, _, _ in pieces], pieces


def to_text(result: dict) -> str:
    """The figures as two plain tables: per layer, then per article (overlap F1). An article id is
    shown with control characters escaped: one from a raw file name holding a line break split
    its row over two lines (attack19)."""
    lines = [
        f"{'layer':<10} {'gold':>5} {'pred':>5}  {'exact P/R/F1':<20} {'overlap P/R/F1':<20} attribute accuracy (on overlap matches)",
    ]
    for layer, r in result["layers"].items():
        extra = "  ".join(f"{k.replace('_accuracy', '')} {_fmt(v)}" for k, v in r.items() if k.endswith("accuracy"))
        lines.append(f"{layer:<10} {r['gold']:>5} {r['predicted']:>5}  {_prf(r['exact']):<20} {_prf(r['overlap']):<20} {extra}")
    lines.append("")
    lines.append(f"{'article':<24} " + " ".join(f"{layer + ' F1':>13}" for layer in LAYERS) + "   (overlap)")
    for article, layers in result["per_article"].items():
        lines.append(f"{visible(article):<24} " + " ".join(f"{_article_f1(layers[layer]):>13}" for layer in LAYERS))
    unpredicted = result.get("unpredicted_articles", [])
    if unpredicted:
        shown = ", ".join(visible(a[:200]) for a in unpredicted[:10]) + (", ..." if len(unpredicted) > 10 else "")
        lines.append(f"{counted(len(unpredicted), 'gold article')} {'has' if len(unpredicted) == 1 else 'have'} no predicted article; each counts as predicting "
                     f"nothing: {shown}")
    return "\n".join(lines)


def _article_f1(r: dict) -> str:
    return "-" if r["gold"] == 0 and r["predicted"] == 0 else f"{r['overlap']['f1']:.3f}"


def _prf(x: dict) -> str:
    return f"{x['precision']:.3f}/{x['recall']:.3f}/{x['f1']:.3f}"


def _fmt(v) -> str:
    return "-" if v is None else f"{v:.3f}"
