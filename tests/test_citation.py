"""Licence and citation: MIT for the code (LICENSE), a valid CITATION.cff whose preferred citation is
the dataset, the card's citation and creator fields, a Croissant licence per part (never CC BY 4.0
over the publishers' texts), and `landstrikes --version`."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import yaml

from conftest import DATASET, REPO
from landstrikes import DATASET_VERSION, __version__
from landstrikes.releases import citation
from landstrikes.schema.registry import SCHEMA_VERSION

CFF_TYPES = {"art", "article", "audiovisual", "bill", "blog", "book", "catalogue", "conference-paper", "data",
             "database", "dictionary", "software", "software-code", "software-container", "software-executable",
             "standard", "thesis", "website"}  # a subset of CFF 1.2.0's reference types, enough to catch a typo


def front_matter(card: str) -> dict:
    return yaml.safe_load(card.split("---\n")[1])


def test_code_is_mit_licensed_by_the_contributors():
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "Copyright (c) 2026 landstrikes contributors" in text


def test_citation_cff_has_what_cff_1_2_0_requires_and_agrees_with_the_package():
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0" and cff["message"] and cff["title"]
    assert cff["authors"] == [{"name": citation.CREATOR}] and cff["license"] == "MIT"
    assert cff["version"] == __version__ and str(cff["date-released"]) >= citation.FIRST_RELEASED  # this version's date
    preferred = cff["preferred-citation"]
    assert preferred["type"] in CFF_TYPES and preferred["type"] == "data"
    assert preferred["title"] == citation.TITLE and preferred["authors"] == [{"name": citation.CREATOR}]
    assert preferred["version"] == DATASET_VERSION and re.fullmatch(r"\d{4}-\d{2}-\d{2}", preferred["date-released"])
    assert "license" not in preferred, "one SPDX licence cannot cover the publishers' texts"
    assert all(part in preferred["notes"] for part in ("CC BY 4.0", "MIT", "publishers"))


def test_the_built_card_has_creator_fields_and_one_citation():
    card = (DATASET / "README.md").read_text(encoding="utf-8")
    meta = front_matter(card)
    assert meta["annotations_creators"] == ["machine-generated"] and meta["language_creators"] == ["found"]
    assert meta["source_datasets"] == ["original"]
    assert card.count("## Citation") == 1 and f"@misc{{landstrikes_{DATASET_VERSION.replace('.', '_')}," in card


def test_a_release_card_has_one_citation_with_its_own_version(released):
    card = (released / "releases" / "1.0.1" / "README.md").read_text(encoding="utf-8")
    assert card.count("## Citation") == 1 and "@misc{landstrikes_1_0_1," in card
    # every place the card names a version names the release's, not the package's
    assert "<!-- stats:card-version -->1.0.1<!-- /stats:card-version -->" in card
    assert front_matter(card)["annotations_creators"] == ["machine-generated"]


def test_croissant_states_the_licence_of_each_part(released):
    document = json.loads((released / "releases" / "1.0.1" / "croissant.json").read_text(encoding="utf-8"))
    licences = document["license"]
    assert isinstance(licences, list) and len(licences) == 3
    by_url = {lic.get("url"): lic for lic in licences}
    assert "annotations" in by_url["https://creativecommons.org/licenses/by/4.0/"]["name"]
    assert "code" in by_url["https://opensource.org/licenses/MIT"]["name"]
    texts = by_url[None]
    assert "publishers" in texts["name"] and "not covered by CC BY 4.0" in texts["description"]


def test_version_prints_package_dataset_and_schema_versions():
    proc = subprocess.run([sys.executable, "-m", "landstrikes", "--version"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    # the first line; a second names the code's git commit where known (attack48)
    assert proc.stdout.splitlines()[0] == f"landstrikes {__version__} (dataset {DATASET_VERSION}, schema {SCHEMA_VERSION})"
