"""The dataset card's `configs` section, against the manifest's tables (attack15).

`configs` is what `load_dataset(release, "quotes")` and the Hub read; verify read only the
card's `dataset_info` (features, row counts). A card re-hashed in MANIFEST.json whose `quotes`
config named the claims files, the quotes files twice, or a file outside the release verified
ok. Each table with rows must have exactly the config the card writer writes (releases/card.py
`card_yaml`: split `train`, path `data/<table>/*.parquet`, articles the default), and no other
config may exist."""

from __future__ import annotations

from pathlib import Path

from landstrikes.releases.manifest import Problem


def expected_data_files(table: str) -> list[dict]:
    """What releases/card.py writes for one table."""
    return [{"split": "train", "path": f"data/{table}/*.parquet"}]


def config_problems(meta, manifest: dict) -> list[Problem]:
    """witness-mismatch for each config that reads other files than its table's, or is missing or extra."""
    from landstrikes.releases.hub_card import bounded
    from landstrikes.releases.manifest_checks import _short

    if not isinstance(meta, dict) or not meta:
        return []  # no readable front matter: the row-count witness names every table already
    tables = {name for name, table in manifest["tables"].items() if isinstance(table, dict) and table.get("rows")}
    configs = meta.get("configs") if isinstance(meta, dict) else None
    if not isinstance(configs, list):
        return [Problem("witness-mismatch", "README.md#configs", "the dataset card lists no configs: load_dataset could not read the release")]
    problems, seen = [], set()
    for config in configs:
        name = config.get("config_name") if isinstance(config, dict) else None
        name = name if name is None or isinstance(name, str) else bounded(name)  # (a forged list or mapping: no table's, and hashable)
        where = f"README.md#configs.{_short(str(name))}"
        if name not in tables:
            problems.append(Problem("witness-mismatch", where, "the dataset card has a config for no table with rows of the release"))
        elif name in seen:
            problems.append(Problem("witness-mismatch", where, "the dataset card lists this config twice"))
        elif config.get("data_files") != expected_data_files(name):
            problems.append(Problem("witness-mismatch", where, f"the dataset card's config reads {_short(bounded(config.get('data_files')))}, "
                                    f"not its table's files ({expected_data_files(name)[0]['path']}, split train)"))
        elif set(config) - {"config_name", "data_files", "default"} or config.get("default", name == "articles") is not (name == "articles"):
            problems.append(Problem("witness-mismatch", where, "the dataset card's config carries other keys, or another table "
                                    "than articles is the default load_dataset reads"))
        seen.add(name)
    problems += [Problem("witness-mismatch", f"README.md#configs.{_short(str(name))}", "the dataset card has no config for this table")
                 for name in sorted(tables - seen, key=str)]
    return problems
