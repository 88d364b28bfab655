"""Every release pin README shows is the digest of that release's MANIFEST.json (the one its
CHANGELOG entry states), and every version README shows is a release: README's 2.5.0 example once
carried 2.2.1's digest, so a reader copying it got a pin mismatch instead of the data. "README" is
README.md and every docs/ file it links to, where its long sections moved (docs/releases.md holds
the publishing commands): each is held to the same rules."""

from __future__ import annotations

import ast
import hashlib
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
CHANGELOG = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")


def linked_documents(readme: str = README) -> dict[str, str]:
    """README.md and every Markdown file under docs/ that README links to, by path."""
    linked = dict.fromkeys(re.findall(r"\]\((docs/[^)#\s]+\.md)(?:#[^)\s]*)?\)", readme))
    return {"README.md": readme, **{path: (REPO / path).read_text(encoding="utf-8") for path in linked}}


DOCUMENTS = linked_documents()


def stated_digests() -> dict[str, str]:
    """Version -> the digest its CHANGELOG entry's `verify --pin` command states."""
    return dict(re.findall(r"`landstrikes verify (\d+\.\d+\.\d+) --pin ([0-9a-f]{64})`", CHANGELOG))


def released_digest(version: str) -> str | None:
    """The sha256 of the committed release's MANIFEST.json: what `verify --pin` compares with."""
    manifest = REPO / "dataset" / "releases" / version / "MANIFEST.json"
    return hashlib.sha256(manifest.read_bytes()).hexdigest() if manifest.is_file() else None


def readme_pins(text: str = README) -> list[tuple[str, str]]:
    """(version, digest) of every pinned example in README: `verify V --pin D` and `load(..., version="V", pin="D")`."""
    pins = re.findall(r"landstrikes verify (\d+\.\d+\.\d+) --pin ([0-9a-f]{64})", text)
    pins += re.findall(r'version="(\d+\.\d+\.\d+)",\s*pin="([0-9a-f]{64})"', text)
    return pins


def pin_problems(text: str) -> list[str]:
    """Each pin that is not its release's digest, and each digest-like run of hex digits the two
    forms above do not read (`--pin=D`, `pin='D'`, upper case, a digit dropped; a git commit's 40
    are not digest-like): a pin the parser skipped was a pin nobody checked."""
    pins = readme_pins(text)
    problems = [f"README pins {version} to {digest}, its release's MANIFEST.json digest is {released_digest(version)}"
                for version, digest in pins if released_digest(version) != digest]
    read = {digest for _, digest in pins}
    problems += [f"README holds {found}, which no pin form the test reads names: write it as "
                 "`landstrikes verify V --pin D` or `version=\"V\", pin=\"D\"`"
                 for found in re.findall(r"(?<![0-9A-Za-z])[0-9a-fA-F]{48,}(?![0-9A-Za-z])", text) if found not in read]
    return problems


def test_readme_shows_pinned_examples():
    assert len(readme_pins()) >= 2


def test_every_pin_in_readme_is_the_digest_its_release_states():
    assert "docs/releases.md" in DOCUMENTS
    assert {path: pin_problems(text) for path, text in DOCUMENTS.items() if pin_problems(text)} == {}


def shown_versions(text: str) -> set[str]:
    """Every version README tells a reader to load, verify or publish."""
    version = r"(\d+\.\d+\.\d+)"
    forms = (rf'version="{version}"', rf'revision="v{version}"', rf"landstrikes (?:verify|publish|load) {version}",
             rf"LANDSTRIKES_VERSION: v{version}", rf"""load\(["'][a-z_]+["'],\s*["']{version}["']""",
             rf"landstrikes diff {version}", rf"landstrikes diff \S+ {version}")
    return {found for form in forms for found in re.findall(form, text)}


def test_every_version_readme_loads_is_a_release():
    released = {p.name for p in (REPO / "dataset" / "releases").iterdir() if p.is_dir()}
    shown = {path: shown_versions(text) for path, text in DOCUMENTS.items()}
    assert shown["README.md"] and shown["docs/releases.md"]
    assert {path: versions - released for path, versions in shown.items() if versions - released} == {}


# review19: the ways a wrong pin got past the test above

WRONG = "943e0fd372f72d5fd776e53a516657fbbb76b3c018cb7161b5192bdd450e5e60"  # 2.5.0's digest


def test_a_pin_written_in_a_form_the_parser_does_not_read_is_not_skipped():
    for form in (f"landstrikes verify 2.6.0 --pin={WRONG}", f"landstrikes verify --pin {WRONG} 2.6.0",
                 f"load('quotes', version='2.6.0', pin='{WRONG}')", f"landstrikes verify 2.6.0 --pin {WRONG.upper()}",
                 f"landstrikes verify 2.6.0 --pin {WRONG[:-1]}"):
        assert pin_problems(README + f"\n```bash\n{form}\n```\n"), form


def test_a_pin_is_checked_against_the_release_not_against_the_changelog_alone(monkeypatch):
    """The CHANGELOG test reads its `MANIFEST.json sha256` form; the `verify --pin` command beside
    it was not checked against the release, so a wrong command copied into README passed both."""
    version, right = next((v, d) for v, d in stated_digests().items() if d in README)  # the release README pins
    assert right != WRONG
    monkeypatch.setitem(globals(), "CHANGELOG", CHANGELOG.replace(f"verify {version} --pin {right}", f"verify {version} --pin {WRONG}"))
    assert pin_problems(README.replace(right, WRONG))


def test_every_changelog_pin_command_is_its_release_digest():
    stated = stated_digests()
    assert stated and all(released_digest(v) == d for v, d in stated.items() if released_digest(v) is not None), stated


def test_a_version_named_in_a_command_or_a_ci_variable_is_a_release_too():
    """review19: only `version="V"` and `revision="vV"` were read; `landstrikes verify 2.9.9` or a
    CI example pinning `LANDSTRIKES_VERSION: v2.9.9` passed."""
    for form in ("landstrikes verify 2.9.9", "landstrikes publish 2.9.9 --dry-run", "LANDSTRIKES_VERSION: v2.9.9",
                 'landstrikes.load("quotes", "2.9.9")'):
        assert "2.9.9" in shown_versions(form), form


def test_a_version_diff_compares_is_a_release_too():
    """newuser43: README's `landstrikes diff 1.0.0 1.0.1` named a release that does not exist, so the
    command a reader copied ended 'no release 1.0.1', exit 2; `diff` was not among the forms read."""
    assert shown_versions("landstrikes diff 1.0.0 1.0.1") == {"1.0.0", "1.0.1"}
    assert shown_versions("landstrikes diff 1.0.1 dataset --json diff.json") == {"1.0.1"}
    assert shown_versions("landstrikes diff dataset/releases/2.28.0 2.9.9") == {"2.9.9"}


def test_the_versions_readme_lists_are_the_releases_oldest_first():
    listed = re.search(r"landstrikes\.versions\(\)\s*#\s*(\[[^\]]*\])", README)
    released = sorted((p.name for p in (REPO / "dataset" / "releases").iterdir() if p.is_dir()),
                      key=lambda v: tuple(map(int, v.split("."))))
    assert listed and ast.literal_eval(listed.group(1)) == released
