"""Agreement of the independent claims passes (the sixth: 000 and 001; the seventh: 003 and 004;
the eighth: 002).

The claims are the least reliable layer, and their only independent figures were the third
pass's, made against the gold of 2.0: since then the claims have grown from 216 to 381 under
guidelines that say more (C2's phrase claims, C10's headings, C13's characterisations). Each
claims pass (dataset/annotations/sixth_pass/, seventh_pass/, eighth_pass/; sessions 23 and 24)
was made by a reader new to the corpus from the guidelines of its day, the entity catalogue and
its articles' raw texts, who never saw a table. Its partner is the release made before it, restricted to the
articles the pass covers. Claims are matched by span (exact, and any overlap); type, hedging and
claimant are compared on the overlapping pairs. Clusters and consistency are not in these passes.
"""

from __future__ import annotations

from pathlib import Path

from landstrikes.documents.agreement import cohen_kappa, match_spans, prf
from landstrikes.documents.claimspass_registry import CLAIMS_PASSES
from landstrikes.documents.fifthpass import checked_span
from landstrikes.errors import BuildError, short
from landstrikes.documents.fourthpass import read_partner, read_pass_tsv, refuse_repeated_rows
from landstrikes.schema.labels import CLAIM_TYPES, HEDGING


SIXTH, PARTNER = CLAIMS_PASSES[0].folder, CLAIMS_PASSES[0].partner

PARTNER_USED = {
    "articles": ("article_id", "text"),
    "claims": ("article_id", "start", "end", "claim_type", "hedging", "claimant_id"),
    "entities": ("entity_id",),
}
CLAIM_COLUMNS = ("article_id", "start", "end", "text", "claimant_id", "claim_type", "hedging")
CLAIM_LABELS = {"claim_type": CLAIM_TYPES, "hedging": HEDGING}


def _claims(path: Path, texts: dict[str, str], release: str, which: str, entities: frozenset = frozenset()) -> list[dict]:
    rows, keyed = [], []
    for line, row in read_pass_tsv(path, CLAIM_COLUMNS, CLAIM_LABELS, f"{which}-pass file"):
        span = checked_span(path, line, row, texts, ("start", "end", "text"), release)
        # the reader was given the partner's catalogue: another id is a slip that counted as a disagreement (attack26)
        if row["claimant_id"] and row["claimant_id"] not in entities:
            raise BuildError(path, f"column claimant_id: {short(row['claimant_id'])} is no entity of release {release} "
                             "(leave it empty for no claimant)", line, check="unknown-reference")
        rows.append({**row, "span": span, "claimant_id": row["claimant_id"] or None})
        keyed.append((line, (row["article_id"], span)))
    refuse_repeated_rows(path, keyed)
    return rows


def _agreement(pairs: list[tuple[dict, dict]], column: str) -> float:
    return round(sum(g[column] == s[column] for g, s in pairs) / max(1, len(pairs)), 4)


def claims_pass_agreement(dataset_dir: Path, pass_folder: Path, partner: Path, pin: str, which: str) -> dict | None:
    """Figures for the claims of the articles a claims pass covers, or None when the dataset holds no such pass."""
    folder = dataset_dir / pass_folder
    if not folder.exists():
        return None
    tables = read_partner(dataset_dir, partner, pin, PARTNER_USED, which)
    texts = dict(zip(tables["articles"]["article_id"], tables["articles"]["text"]))
    ours = _claims(folder / "claims.tsv", texts, partner.parent.name, which, frozenset(tables["entities"]["entity_id"]))
    covered = sorted({row["article_id"] for row in ours})
    gold = [{**r, "span": (int(r["start"]), int(r["end"])), "claimant_id": r["claimant_id"] if isinstance(r["claimant_id"], str) else None}
            for r in tables["claims"].to_dict("records") if r["article_id"] in covered]
    exact = match_spans(gold, ours, exact=True)
    pairs = match_spans(gold, ours, exact=False)
    return {
        "partner": str(partner.parent), "articles": covered,
        "gold_rows": len(gold), "pass_rows": len(ours), "matched_pairs": len(pairs),
        "span_exact": prf(len(exact), len(gold), len(ours)),
        "span_overlap": prf(len(pairs), len(gold), len(ours)),
        "type_agreement": _agreement(pairs, "claim_type"),
        "type_kappa": cohen_kappa([g["claim_type"] for g, _ in pairs], [s["claim_type"] for _, s in pairs]),
        "hedging_agreement": _agreement(pairs, "hedging"),
        "hedging_kappa": cohen_kappa([g["hedging"] for g, _ in pairs], [s["hedging"] for _, s in pairs]),
        "claimant_agreement": _agreement(pairs, "claimant_id"),
    }


def claims_passes_agreement(dataset_dir: Path) -> dict[str, dict]:
    """Each claims pass the dataset holds, keyed `<name>_pass`, with its figures."""
    found = {}
    for each in CLAIMS_PASSES:
        figures = pass_agreement(dataset_dir, each.name)
        if figures is not None:
            found[f"{each.name}_pass"] = figures
    return found


def pass_agreement(dataset_dir: Path, name: str) -> dict | None:
    """The figures of the claims pass called `name` ("sixth", ...), or None when the dataset holds none."""
    (each,) = (p for p in CLAIMS_PASSES if p.name == name)
    return claims_pass_agreement(dataset_dir, each.folder, each.partner, each.pin, each.name)
