"""verify reads any card YAML in bounded time and without an internal error (attack19).

A card is parsed from the release's hashed README.md; a forger who re-hashes it chooses its YAML.
Three shapes broke verify (and `load`, which runs the same checks):
- YAML aliases nesting nine lists of nine, nine deep (a few hundred bytes, 387 million items) as a
  config's `data_files`: verify hung, printing them;
- a feature or config named by a list: `[internal-error] TypeError: unhashable type: 'list'`;
- class_label names keyed by no integer: `ValueError` from `int()`;
- 50,000 nested `[` in a value: `[internal-error] RecursionError` from the YAML parser (the card
  is then unreadable, so it witnesses no row count).
Each is now a `witness-mismatch` or `manifest-labels-mismatch`, exit 1.

The nested card then still cost 7.6 CPU-s: PyYAML's scanner looks back over every open `[` at each
token (1.2 s a parse), and a parse that failed was not kept, so verify and `load` parsed it six
times (cispeed3). Flow nesting past MAX_FLOW_DEPTH is unreadable as soon as it is met, and a block
that failed is not parsed again. Block nesting (`- - - ...`) still meets the composer's RecursionError
(fast: no flow level to look back over), the shape that keeps its handling tested.
"""

from __future__ import annotations

import json

import pytest
import yaml

import landstrikes
from conftest import rehash_in_manifest
from landstrikes.errors import ReleaseIntegrityError
from landstrikes.releases import hub_card
from landstrikes.releases.manifest import verify

ALIASES = "lol0: &a0 [lol]\n" + "".join(f"lol{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10))
ARTICLES_FILES = "- config_name: articles\n  data_files:\n  - split: train\n    path: data/articles/*.parquet\n"


def _edit_card(release, edit) -> None:
    card = release / "README.md"
    card.write_text(edit(card.read_text(encoding="utf-8")), encoding="utf-8")
    rehash_in_manifest(release, json.loads((release / "MANIFEST.json").read_text(encoding="utf-8")), "README.md")


def _nested(text: str, depth: int, opening: str = "[", closing: str = "]") -> str:
    return text.replace("---\n", "---\ndeep: " + opening * depth + closing * depth + "\n", 1)


SHAPES = {
    "an alias bomb as data_files": lambda t: t.replace("---\n", "---\n" + ALIASES, 1).replace(
        ARTICLES_FILES, "- config_name: articles\n  data_files: *a9\n"),
    "a feature named by a list": lambda t: t.replace("  - name: quote_id\n", "  - name: [quote_id]\n", 1),
    "a config named by a list": lambda t: t.replace("- config_name: quotes\n  features:", "- config_name: [quotes]\n  features:", 1),
    "a value nested 50,000 deep": lambda t: _nested(t, 50000),
    "a block sequence nested 50,000 deep": lambda t: t.replace("---\n", "---\ndeep:\n" + "- " * 50000 + "x\n", 1),
    "class_label names keyed by letters": lambda t: t.replace("          '0': direct\n", "          a: direct\n", 1),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_card_of_any_shape_is_a_finding(release_copy, shape):
    _edit_card(release_copy, SHAPES[shape])
    problems = verify(release_copy)
    assert problems and {p.check for p in problems} <= {"witness-mismatch", "manifest-labels-mismatch"}
    with pytest.raises(ReleaseIntegrityError):
        landstrikes.load("quotes", version=release_copy)


@pytest.mark.parametrize("opening, closing", [("[", "]"), ("{a: ", "}")])
def test_a_card_nested_past_the_flow_depth_limit_is_unreadable_and_one_at_it_is_read(release_copy, opening, closing):
    card = (release_copy / "README.md").read_text(encoding="utf-8")
    at_limit = _nested(card, hub_card.MAX_FLOW_DEPTH, opening, closing)
    (release_copy / "README.md").write_text(at_limit, encoding="utf-8")
    assert hub_card.card_front_matter(release_copy) == yaml.safe_load(hub_card.HUB_YAML_BLOCK.search(at_limit).group(2))
    (release_copy / "README.md").write_text(_nested(card, hub_card.MAX_FLOW_DEPTH + 1, opening, closing), encoding="utf-8")
    assert hub_card.card_front_matter(release_copy) is None


def test_verify_and_load_parse_an_unreadable_card_once(release_copy, monkeypatch):
    _edit_card(release_copy, SHAPES["a value nested 50,000 deep"])
    hub_card._parsed.cache_clear()
    parses = []
    start = yaml.SafeLoader.__init__
    monkeypatch.setattr(yaml.SafeLoader, "__init__", lambda loader, text: parses.append(1) or start(loader, text))
    assert verify(release_copy)
    with pytest.raises(ReleaseIntegrityError):
        landstrikes.load("quotes", version=release_copy)
    assert len(parses) == 1
