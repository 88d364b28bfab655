"""The extractor's in-sample figures as the documents print them, from dataset/silver_evaluation.json.

DATASHEET and README quoted these figures by hand; each gold release moved them (the gold the
silver is scored against changes), and a truth review of 2.23.0 found both copies stale while the
JSON was right. So `landstrikes stats` writes them from the JSON, and `stats --check` fails when a
copy drifts; tests/test_silver_evaluation.py proves the JSON is what `extract` + `evaluate` give
today.
"""

from __future__ import annotations

from pathlib import Path

SILVER_JSON = "silver_evaluation.json"
"""Inside the dataset folder, written by `landstrikes evaluate ... --json` (README, Extraction)."""
MISSING = "`dataset/silver_evaluation.json` is missing: run the README's extract + evaluate command, then `landstrikes stats`."


SCORED_TABLES = ("quotes", "mentions", "segments")
"""The layers whose gold rows are all scored, so the JSON's `gold` count is the table's row count
(claims are scored on those with a quantity only)."""


def load_silver(dataset_dir: Path, stats: dict | None = None) -> dict | None:
    """The committed evaluation of the extractor on the gold articles; None when there is none.

    Checked by printing it, as agreement.json is (`agreement_figures`): a file of another shape
    is one line naming the file and the figure (StatsInputError, exit 2), never a KeyError. With
    the tables' `stats`, it is also held to their gold (`other_gold`)."""
    from landstrikes.documents.agreement_figures import PRINT_ERRORS, print_problem
    from landstrikes.documents.stats import StatsInputError, load_agreement

    path = Path(dataset_dir) / SILVER_JSON
    silver = load_agreement(path)  # the same refusals as agreement.json: a FIFO, bad UTF-8, bad JSON, null
    if silver is None:
        return None
    try:
        if not isinstance(silver, dict):
            raise TypeError(f"a JSON {type(silver).__name__}, not an object")
        readme_silver_block(silver), datasheet_silver_block(silver)
    except PRINT_ERRORS as exc:
        raise StatsInputError(f"{path}: {print_problem(exc)}: not what `landstrikes evaluate --json` writes; run the README's "
                              "extract + evaluate command to regenerate it [bad-json]") from None
    problem = other_gold(silver, stats) if stats is not None else None
    if problem:
        raise StatsInputError(f"{path}: scored against other gold ({problem}); the documents print it as this dataset's: "
                              "run the README's extract + evaluate command to regenerate it [stale-evaluation]")
    return silver


def other_gold(silver: dict, stats: dict) -> str | None:
    """How the evaluation's gold differs from the tables' (articles, or a layer's row count), or None.
    `stats --check` proved only that the documents print the JSON: one left from an earlier gold,
    the documents regenerated from it, passed it and `release` (attack26)."""
    articles = [a["article_id"] for a in stats["articles"]]
    listed = silver.get("articles")
    if not isinstance(listed, list) or sorted(map(str, listed)) != sorted(articles):
        return f"its articles are not the tables' {len(articles)}"
    for name in SCORED_TABLES:
        scored, rows = silver["layers"][name]["gold"], stats["tables"][name]["rows"]
        if scored != rows:
            return f"{scored!r} gold {name}, the tables hold {rows}"
    return None


def _f(value: float) -> str:
    return f"{value:.3f}"


def _prf(figures: dict) -> str:
    return "/".join(_f(figures[key]) for key in ("precision", "recall", "f1"))


def readme_silver_block(silver: dict | None) -> str:
    """The per-layer table in the README's Extraction section."""
    if silver is None:  # an empty object is no evaluation either, but one lacking its figures (attack26)
        return MISSING
    layers = silver["layers"]
    q, m, c, s = layers["quotes"], layers["mentions"], layers["claims"], layers["segments"]
    attributes = {
        "quotes": f"speaker {_f(q['speaker_accuracy'])}  kind {_f(q['kind_accuracy'])}",
        "mentions": f"entity_type {_f(m['entity_type_accuracy'])}",
        "claims": f"quantity {_f(c['quantity_accuracy'])}  unit {_f(c['unit_accuracy'])}",
        "segments": f"kind {_f(s['kind_accuracy'])}  char_kind {_f(s['char_kind_accuracy'])}",
    }
    lines = ["```", "layer       gold  pred  exact P/R/F1         overlap P/R/F1       attribute accuracy (on overlap matches)"]
    for name in ("quotes", "mentions", "claims", "segments"):
        layer = layers[name]
        lines.append(f"{name:<10} {layer['gold']:>5} {layer['predicted']:>5}  {_prf(layer['exact']):<19}  "
                     f"{_prf(layer['overlap']):<19}  {attributes[name]}")
    return "\n".join(lines + ["```"])


def datasheet_silver_block(silver: dict | None) -> str:
    """One sentence for the DATASHEET's extraction section."""
    if silver is None:
        return MISSING
    layers = silver["layers"]
    q, m, c, s = layers["quotes"], layers["mentions"], layers["claims"], layers["segments"]
    return (f"quotes F1 {q['overlap']['f1']:.2f} (speaker accuracy {q['speaker_accuracy']:.2f}), mentions F1 "
            f"{m['overlap']['f1']:.2f} (entity type accuracy {m['entity_type_accuracy']:.2f}), numeric claims F1 "
            f"{c['overlap']['f1']:.2f} (quantity accuracy {c['quantity_accuracy']:.2f}), segments F1 {s['overlap']['f1']:.2f}"
            f" (any overlap, against this release's gold)")
