"""verify reads the dataset card's metadata as `load_dataset` and the Hub do (attack19).

attack15 made verify check each config of the card because `load_dataset(release, "quotes")`
follows it. verify took the card's YAML up to the first `---` anywhere; the Hub's regex takes it up
to the first line that is `---`. A forger who re-hashed MANIFEST.json over a card with a value
`a---b` and a second `configs:` (and `dataset_info:`) below it got `verify` ok, while
`load_dataset(release, "quotes")` returned the 255 claims. `datasets` also reads a
`.huggingface.yaml` beside the card over its keys (and a legacy `dataset_infos.json` under them):
listed in a re-hashed manifest, it redirected `quotes` the same way. And verify parsed the block
with libyaml, which reads a byte-order mark opening a line as nothing, while `DatasetCard.load`
uses PyYAML's pure-Python loader, which reads it as a character: `\ufeff   path: data/quotes/...`
under `path: data/claims/...` was the quotes path for verify and a key of its own for
`load_dataset`, which read the claims' files.
"""

from __future__ import annotations

import json

import pytest
import yaml

from conftest import DATASET, rehash_in_manifest
from landstrikes.releases.hub_card import HUB_YAML_BLOCK, card_front_matter
from landstrikes.releases.manifest import verify


def _meta_and_lines(release):
    lines = (release / "README.md").read_text(encoding="utf-8").split("\n")
    close = lines.index("---", 1)
    return yaml.safe_load("\n".join(lines[1:close])), lines, close


def _quotes_read_from_claims(meta) -> dict:
    """The card's configs and features with `quotes` reading the claims' files, undescribed."""
    configs = meta["configs"]
    for config in configs:
        if config["config_name"] == "quotes":
            config["data_files"][0]["path"] = "data/claims/*.parquet"
    return {"configs": configs, "dataset_info": [d for d in meta["dataset_info"] if d["config_name"] != "quotes"]}


def _manifest(release) -> dict:
    return json.loads((release / "MANIFEST.json").read_text(encoding="utf-8"))


def _checks(release) -> set[tuple[str, str]]:
    return {(p.check, p.path) for p in verify(release)}


def test_the_block_is_the_hubs():
    from huggingface_hub.repocard import REGEX_YAML_BLOCK

    assert HUB_YAML_BLOCK.pattern == REGEX_YAML_BLOCK.pattern


def test_a_second_configs_key_behind_a_dashed_value_is_read_as_the_hub_reads_it(release_copy):
    meta, lines, close = _meta_and_lines(release_copy)
    tail = yaml.safe_dump(_quotes_read_from_claims(meta), sort_keys=False).rstrip("\n").split("\n")
    (release_copy / "README.md").write_text("\n".join(lines[:close] + ["license_note: see---below", *tail, *lines[close:]]),
                                            encoding="utf-8")
    rehash_in_manifest(release_copy, _manifest(release_copy), "README.md")
    assert card_front_matter(release_copy)["license_note"] == "see---below"
    assert ("witness-mismatch", "README.md#configs.quotes") in _checks(release_copy)


@pytest.mark.parametrize("name", [".huggingface.yaml", "dataset_infos.json"])
def test_a_listed_file_the_loader_reads_beside_the_card_is_refused(release_copy, name):
    meta, _, _ = _meta_and_lines(release_copy)
    side = release_copy / name
    side.write_text(yaml.safe_dump(_quotes_read_from_claims(meta)) if name.endswith("yaml") else "{}", encoding="utf-8")
    manifest = _manifest(release_copy)
    manifest["files"][name] = {"sha256": "", "bytes": 0}
    rehash_in_manifest(release_copy, manifest, name)
    assert ("witness-mismatch", name) in _checks(release_copy)


def test_a_line_opened_by_a_byte_order_mark_is_read_as_the_hub_reads_it(release_copy):
    card = release_copy / "README.md"
    meta, lines, close = _meta_and_lines(release_copy)
    meta["configs"] = [c for c in meta["configs"] if c["config_name"] != "quotes"] + \
        [c for c in meta["configs"] if c["config_name"] == "quotes"]  # last, so the BOM line ends nothing after it
    block = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=100)
    block = block.replace("    path: data/quotes/*.parquet\n",
                          "    path: data/claims/*.parquet\n\ufeff   path: data/quotes/*.parquet\n")
    card.write_text("---\n" + block + "---\n" + "\n".join(lines[close + 1:]), encoding="utf-8")
    rehash_in_manifest(release_copy, _manifest(release_copy), "README.md")
    from huggingface_hub import DatasetCard

    hub = DatasetCard.load(card).data.to_dict()
    quotes = next(c for c in hub["configs"] if c["config_name"] == "quotes")
    assert quotes["data_files"][0]["path"] == "data/claims/*.parquet"  # what load_dataset follows
    assert next(c for c in card_front_matter(release_copy)["configs"] if c["config_name"] == "quotes") == quotes
    assert ("witness-mismatch", "README.md#configs.quotes") in _checks(release_copy)


@pytest.mark.parametrize("front", ["\ufeff---\n", "\n---\n", "---\r\n"])
def test_a_card_the_hub_reads_despite_a_bom_a_blank_line_or_crlf_is_read(release_copy, front):
    text = (release_copy / "README.md").read_text(encoding="utf-8")
    body = text[len("---\n"):]
    if front.endswith("\r\n"):
        body = body.replace("\n", "\r\n")
    (release_copy / "README.md").write_bytes((front + body).encode("utf-8"))
    assert card_front_matter(release_copy)["configs"][0]["config_name"] == "articles"


def test_the_committed_cards_read_as_before(release_copy):
    meta, _, _ = _meta_and_lines(release_copy)
    assert card_front_matter(release_copy) == meta
    assert verify(release_copy) == []


def test_the_parsed_cards_kept_outnumber_the_committed_releases():
    """verify of every release reads each card; with fewer kept than releases, a second verify of
    them all found none of its cards kept (least recently used: each evicts the next one wanted)."""
    from landstrikes.releases.hub_card import _parsed

    releases = [p for p in (DATASET / "releases").iterdir() if p.is_dir()]
    assert _parsed.cache_info().maxsize >= 2 * len(releases)
