"""JSON read strictly: the project's own JSON files (MANIFEST.json, croissant.json, agreement.json)
are refused, not silently reinterpreted, when `json.loads` would accept what they must not hold.

`json.loads` keeps the last of a repeated key (two readers could then disagree on what a file
states), reads NaN, Infinity and numbers past a float's range (a card once stated "consistency
kappa inf"; attack14), and overflows the stack on deep nesting (an internal error; review14).
"""

from __future__ import annotations

import json
import math


def unique_keys(pairs: list[tuple[str, object]]) -> dict:
    """`object_pairs_hook`: a JSON object whose keys are distinct, ValueError otherwise."""
    seen = {}
    for key, value in pairs:
        if key in seen:
            shown = key if len(key) <= 160 else key[:160] + "…"
            raise ValueError(f"duplicate key {shown!r} in one object")
        seen[key] = value
    return seen


def strict_json(text: str):
    """JSON with distinct keys and finite numbers only; ValueError for anything else, nesting too
    deep to parse included."""
    def finite(literal: str) -> float:
        value = float(literal)
        if not math.isfinite(value):
            raise ValueError(f"number {literal[:40]} is not finite")
        return value

    def refuse(constant: str):
        raise ValueError(f"{constant} is not a JSON number")

    try:
        return json.loads(text, object_pairs_hook=unique_keys, parse_float=finite, parse_constant=refuse)
    except RecursionError:
        raise ValueError("nested too deeply") from None
