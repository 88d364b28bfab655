"""A tiny valid corpus (one article, every layer and catalogue, every field the builders read),
written one record per line so a test knows the line of every record it breaks."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path

TEXT = 'Headline\nTrump said: "We will strike hard." Mexico disagreed.\n'
ARTICLE = "a.txt"
PIN = f"raw: {{sha256: {hashlib.sha256(TEXT.encode('utf-8')).hexdigest()}, n_chars: {len(TEXT)}}}"
"""The raw text the source was annotated on (rawpins: a build refuses any other)."""

CATALOGUES = {
    "entities": [
        {"id": "trump", "name": "Donald Trump", "type": "PERSON", "aliases": ["Trump"], "description": "US President"},
        {"id": "mexico", "name": "Mexico", "type": "GPE", "aliases": ["Mexico"], "description": "country",
         "flag": "none"},
    ],
    "stance_targets": [{"id": "strikes", "description": "US strikes on land"}],
    "claim_clusters": [
        {"id": "c1", "proposition": "The US will strike.", "variants": [
            {"id": "v1", "proposition": "hard", "record": "unknown"},
            {"id": "v2", "proposition": "softly", "record": "contradicts", "note": "n"}]},
    ],
}

LAYERS = {
    "mentions": [{"text": "Trump", "entity": "trump"}, {"text": "Mexico", "entity": "mexico", "kind": "NAME"}],
    "exclusions": [{"text": "Headline", "entity": "mexico", "reason": "not a mention"}],
    "quotes": [
        {"text": "We will strike hard.", "kind": "direct", "status": "attributed", "speaker": "trump",
         "mention": {"text": "Trump", "n": 1}, "cue": {"text": "said", "in": "Trump said"}, "lemma": "say",
         "cluster": "q-strike"},
        {"text": "strike", "kind": "scare", "status": "term", "parent": "We will strike hard."},
    ],
    "claims": [
        {"text": "We will strike hard", "claimant": "trump", "type": "prediction", "hedging": "attributed",
         "cluster": "c1", "variant": "v1", "quantity": {"low": 1, "high": 2, "unit": "strikes", "bound": "range"},
         "hypothetical": False, "note": "n"},
        {"text": "Mexico disagreed", "claimant": "mexico", "type": "position", "hedging": "asserted",
         "cluster": "c1", "variant": "v2"},
    ],
    "stances": [
        {"holder": "mexico", "target": "strikes", "label": "against", "evidence": {"text": "Mexico disagreed"},
         "fnc": "disagree", "confidence": "high"},
    ],
    "segments": [{"kind": "headline", "from": "Headline"}, {"kind": "body", "from": "Trump said"}],
    "quality": [{"flag": "spun_text", "text": "strike hard", "note": "n"}],
}


def records() -> tuple[dict, dict]:
    """Fresh copies of (catalogues, layers) to break."""
    return copy.deepcopy(CATALOGUES), copy.deepcopy(LAYERS)


def _list_lines(items: list) -> list[str]:
    return [f"- {json.dumps(item, ensure_ascii=False)}" for item in items]


def write(folder: Path, catalogues: dict | None = None, layers: dict | None = None) -> dict[tuple[str, int], tuple[Path, int]]:
    """Write the corpus into folder; returns (source, index) -> (file, line of that record)."""
    catalogues = CATALOGUES if catalogues is None else catalogues
    layers = LAYERS if layers is None else layers
    (folder / "raw").mkdir(parents=True, exist_ok=True)
    (folder / "raw" / ARTICLE).write_text(TEXT, encoding="utf-8")
    annotations = folder / "annotations"
    (annotations / "articles").mkdir(parents=True, exist_ok=True)
    (annotations / "card_body.md").write_text("A tiny corpus.\n", encoding="utf-8")
    where = {}
    for name, items in catalogues.items():
        path = annotations / f"{name}.yaml"
        path.write_text("\n".join(_list_lines(items)) + "\n", encoding="utf-8")
        where.update({(name, i): (path, i + 1) for i in range(len(items))})
    lines = [f"article: {ARTICLE}", PIN]
    path = annotations / "articles" / "a.yaml"
    for name, items in layers.items():
        lines.append(f"{name}:")
        for i, line in enumerate(_list_lines(items)):
            where[(name, i)] = (path, len(lines) + 1)
            lines.append("  " + line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return where
