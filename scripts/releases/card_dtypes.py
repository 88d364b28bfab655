"""The card's features are the manifest's columns (attack19).

`load_dataset(release, "quotes")` casts every row to the card's `dataset_info` features. verify
compared only their label lists: a card re-hashed in MANIFEST.json that declared quotes' `start`
a `string` and `confidence` a `float16` verified ok, and `load_dataset` returned offsets as
strings ('1012') and rounded confidences. Each described table's features must be exactly those
`release` writes for the manifest's columns (releases/card.py `card_features`): names, order,
dtypes and class labels.
"""

from __future__ import annotations

from types import SimpleNamespace

from landstrikes.releases.manifest import Problem


def expected_features(columns: list[dict]) -> list[dict] | None:
    """The card's `features` list for the manifest's columns; None if a column cannot be one."""
    from landstrikes.releases.card import card_features
    from landstrikes.schema.columns import Col

    try:
        cols = [Col(c["name"], c["type"], "", c["nullable"], tuple(c["labels"]) if c["labels"] else None) for c in columns]
    except (KeyError, TypeError, ValueError):
        return None  # manifest_shape names a malformed column
    return card_features(SimpleNamespace(columns=cols))


def feature_problems(meta, manifest: dict) -> list[Problem]:
    """witness-mismatch for each card config whose features differ from its table's columns."""
    from landstrikes.releases.manifest_checks import _short

    infos = meta.get("dataset_info") if isinstance(meta, dict) else None
    problems = []
    for info in infos if isinstance(infos, list) else []:
        name = info.get("config_name") if isinstance(info, dict) else None
        table = manifest["tables"].get(name) if isinstance(name, str) else None
        if not isinstance(table, dict):
            continue  # a config for no table: card_configs names it
        expected, stated = expected_features(table["columns"]), info.get("features")
        if expected is not None and stated != expected:
            first = next((i for i, (a, b) in enumerate(zip(stated if isinstance(stated, list) else [], expected)) if a != b),
                         min(len(stated) if isinstance(stated, list) else 0, len(expected)))
            column = expected[first]["name"] if first < len(expected) else "(an extra feature)"
            problems.append(Problem("witness-mismatch", f"README.md#dataset_info.{_short(name)}.features",
                                    f"the dataset card's features differ from the manifest's columns from {_short(column)!r} on "
                                    "(load_dataset casts every row to the card's)"))
    return problems
