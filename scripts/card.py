"""The Hugging Face dataset card (dataset/README.md): YAML configs + typed features per table."""

from __future__ import annotations

import yaml

from landstrikes.schema.columns import TableSpec

CARD_META = {
    "pretty_name": "landstrikes",
    "language": ["en"],
    "license": "other",
    "license_name": "annotations-cc-by-4.0-texts-copyright-of-publishers",
    "license_link": "DATASHEET.md#distribution",
    "task_categories": ["text-classification", "token-classification"],
    "task_ids": ["named-entity-recognition", "fact-checking"],
    "size_categories": ["n<1K"],
    "tags": ["quotation-attribution", "stance-detection", "claim-detection", "news", "misinformation"],
}


def card_yaml(tables: list[tuple[TableSpec, int, int]]) -> str:
    """(spec, rows, num_bytes) per table -> the card's YAML front matter.

    An empty table gets no config: `datasets` cannot read a zero-row Parquet file
    ("BatchSize must be greater than 0"), and an empty config would only mislead.
    """
    tables = [t for t in tables if t[1] > 0]
    meta = dict(CARD_META)
    meta["configs"] = [
        {
            "config_name": spec.name,
            "data_files": [{"split": "train", "path": f"data/{spec.name}/*.parquet"}],
            **({"default": True} if spec.name == "articles" else {}),
        }
        for spec, _, _ in tables
    ]
    meta["dataset_info"] = [
        {
            "config_name": spec.name,
            "features": spec.hf_features()._to_yaml_list(),
            "splits": [{"name": "train", "num_bytes": num_bytes, "num_examples": rows}],
        }
        for spec, rows, num_bytes in tables
    ]
    return yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=100)


def render_card(tables: list[tuple[TableSpec, int, int]], body: str) -> str:
    return f"---\n{card_yaml(tables)}---\n\n{body.strip()}\n"
