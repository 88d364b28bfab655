"""Every release pin README shows is the MANIFEST digest that release's CHANGELOG entry states,
and every version README shows is a release: README's 2.5.0 example once carried 2.2.1's digest,
so a reader copying it got a pin mismatch instead of the data."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
CHANGELOG = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")


def stated_digests() -> dict[str, str]:
    """Version -> the MANIFEST.json sha256 its CHANGELOG entry states."""
    return dict(re.findall(r"`landstrikes verify (\d+\.\d+\.\d+) --pin ([0-9a-f]{64})`", CHANGELOG))


def readme_pins() -> list[tuple[str, str]]:
    """(version, digest) of every pinned example in README: `verify V --pin D` and `load(..., version="V", pin="D")`."""
    pins = re.findall(r"landstrikes verify (\d+\.\d+\.\d+) --pin ([0-9a-f]{64})", README)
    pins += re.findall(r'version="(\d+\.\d+\.\d+)",\s*pin="([0-9a-f]{64})"', README)
    return pins


def test_readme_shows_pinned_examples():
    assert len(readme_pins()) >= 2


def test_every_pin_in_readme_is_the_digest_its_release_states():
    digests = stated_digests()
    for version, digest in readme_pins():
        assert digests.get(version) == digest, f"README pins {version} to {digest}, its CHANGELOG entry states {digests.get(version)}"


def test_every_version_readme_loads_is_a_release():
    released = {p.name for p in (REPO / "dataset" / "releases").iterdir() if p.is_dir()}
    shown = set(re.findall(r'version="(\d+\.\d+\.\d+)"', README)) | set(re.findall(r'revision="v(\d+\.\d+\.\d+)"', README))
    assert shown and shown <= released
