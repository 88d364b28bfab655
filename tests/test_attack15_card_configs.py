"""attack15: the dataset card's `configs` section is what `load_dataset(release, "quotes")` and
the Hub read, and verify never looked at it. A card (re-hashed in MANIFEST.json) whose `quotes`
config reads the claims files, the quotes files three times, or a file outside the release
verified ok. Now each table with rows has exactly the config the card writer writes
(`data/<table>/*.parquet`, split train) and there is no other config: `witness-mismatch`."""

from __future__ import annotations

import json

import pytest

from conftest import DATASET, rehash_in_manifest
from landstrikes.releases.manifest import verify

QUOTES = "  - split: train\n    path: data/quotes/*.parquet\n"


def _rehash(release):
    rehash_in_manifest(release, json.loads((release / "MANIFEST.json").read_text(encoding="utf-8")), "README.md")


@pytest.fixture
def release(release_copy):
    return release_copy


def _edit_card(release, old, new):
    card = release / "README.md"
    text = card.read_text(encoding="utf-8")
    assert old in text
    card.write_text(text.replace(old, new, 1), encoding="utf-8")
    _rehash(release)
    return [(p.check, p.path, p.message) if hasattr(p, "message") else p for p in verify(release)]


@pytest.mark.parametrize("new", [
    "  - split: train\n    path: data/claims/*.parquet\n",
    "  - split: train\n    path:\n    - data/quotes/*.parquet\n    - data/quotes/*.parquet\n",
    "  - split: train\n    path: /tmp/elsewhere/quotes.parquet\n",
    "  - split: train\n    path: ../2.0.0/data/quotes/*.parquet\n",
    "  - split: test\n    path: data/quotes/*.parquet\n",
    "  - split: train\n    path: data/quotes/*.parquet\n  - split: extra\n    path: data/claims/*.parquet\n",
])
def test_a_card_config_reading_other_files_fails_verify(release, new):
    problems = _edit_card(release, QUOTES, new)
    assert problems and all("witness-mismatch" in str(p) for p in problems), problems
    assert any("quotes" in str(p) for p in problems), problems


def test_a_config_dropped_or_added_fails_verify(release):
    problems = _edit_card(release, "- config_name: quotes\n  data_files:\n" + QUOTES, "")
    assert any("witness-mismatch" in str(p) and "quotes" in str(p) for p in problems), problems


def test_an_extra_config_fails_verify(release):
    extra = "- config_name: everything\n  data_files:\n  - split: train\n    path: data/*/*.parquet\n"
    problems = _edit_card(release, "- config_name: quotes\n", extra + "- config_name: quotes\n")
    assert any("witness-mismatch" in str(p) and "everything" in str(p) for p in problems), problems


def test_the_committed_releases_cards_hold():
    for version in ("1.0.0", "2.0.0", "2.1.0"):
        assert verify(DATASET / "releases" / version) == [], version


def test_another_default_config_fails_verify(release):
    problems = _edit_card(release, "- config_name: quotes\n  data_files:\n" + QUOTES, "- config_name: quotes\n  data_files:\n" + QUOTES + "  default: true\n")
    assert any("witness-mismatch" in str(p) and "default" in str(p) for p in problems), problems
