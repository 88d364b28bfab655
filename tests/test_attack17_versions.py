"""attack17: a version is ASCII SemVer, or no version, wherever one is read.

`parse_version` matched `\\d`, any Unicode decimal digit: `'1٠.0.0'` (an Arabic-Indic zero) was
release 10.0.0, `'2.1１.0'` (a fullwidth one) 2.11.0. `release 2.2٠.0` would have cut 2.20.0,
`load`/`diff`/`verify` resolved such a string to another release's folder, and a version of 5,000
digits stopped `release` with `[internal-error] ValueError: Exceeds the limit (4300 digits)`.
Now only `[0-9]` counts, and a version longer than a manifest may state (64 characters) is none."""

from __future__ import annotations

import shutil

import pytest

from conftest import DATASET
from landstrikes.cli import main
from landstrikes.errors import ReleaseNotFound
from landstrikes.releases.loading import resolve_release
from landstrikes.releases.semver import Version, parse_version

LOOKALIKES = [
    "1\u0660.0.0",  # ARABIC-INDIC DIGIT ZERO
    "2.1\uff11.0",  # FULLWIDTH DIGIT ONE
    "1.0.1\u09e6",  # BENGALI DIGIT ZERO
    "1\U0001d7ce.0.0",  # MATHEMATICAL BOLD DIGIT ZERO
    "1" * 5000 + ".0.0",  # more digits than int() converts
    "1" * 70 + ".0.0",  # longer than a manifest may state
]


@pytest.mark.parametrize("text", LOOKALIKES, ids=range(len(LOOKALIKES)))
def test_a_version_not_spelled_in_ascii_digits_is_no_version(text):
    assert parse_version(text) is None


def test_ascii_versions_still_parse():
    assert parse_version("10.0.0") == Version(10, 0, 0)
    assert parse_version(" 2.11.0\n") == Version(2, 11, 0)  # a pasted version, as before
    assert parse_version("01.0.0") is None


def test_a_lookalike_version_resolves_to_no_release(tmp_path):
    """`load`, `diff` and `verify` resolve a version string the same way: '1٠.0.0' is not 10.0.0."""
    releases = tmp_path / "releases"
    shutil.copytree(DATASET / "releases" / "2.1.0", releases / "10.0.0")
    assert resolve_release("10.0.0", releases) == releases / "10.0.0"
    with pytest.raises(ReleaseNotFound):
        resolve_release("1\u0660.0.0", releases)


@pytest.mark.parametrize("text", [LOOKALIKES[0], LOOKALIKES[4]], ids=["arabic-indic", "5000-digits"])
def test_release_refuses_a_version_not_in_ascii_digits(released_copy, capsys, text):
    before = sorted(p.name for p in (released_copy / "releases").iterdir())
    assert main(["release", "--dataset", str(released_copy), text]) == 2
    err = capsys.readouterr().err
    assert "is not a version" in err and "internal-error" not in err and len(err.strip().splitlines()) == 1, err
    assert sorted(p.name for p in (released_copy / "releases").iterdir()) == before


def test_diff_refuses_a_lookalike_version_as_no_release(capsys):
    assert main(["diff", "2.0.0", "2.1\u0660.0"]) == 2
    err = capsys.readouterr().err
    assert "2.10.0" not in err, err


@pytest.mark.parametrize("key, value", [("dataset_version", "2.1.0\u200b"), ("dataset_version", "2.1.0 "),
                                        ("previous_release", "2.0.0\u00a0"), ("previous_release", "2.\u0660.0")])
def test_a_manifest_version_not_spelled_as_ascii_x_y_z_is_malformed(key, value):
    """A release downloaded into a folder not named X.Y.Z (a Hub snapshot's commit hash) has only
    its manifest to say which release it is: that statement is exact ASCII X.Y.Z, or null for
    the first release's previous_release."""
    import json

    from landstrikes.releases.manifest_shape import shape_problems

    manifest = json.loads((DATASET / "releases" / "2.1.0" / "MANIFEST.json").read_text(encoding="utf-8"))
    assert shape_problems(manifest) == []
    manifest[key] = value
    assert [(p.check, p.path) for p in shape_problems(manifest)] == [("malformed-manifest", f"MANIFEST.json#{key}")]


@pytest.mark.parametrize("value", ["2026-12-03\u200b", "2026-12-03 ", "2026-13-45", "\uff12\uff10\uff12\uff16-12-03", 20261203])
def test_a_release_date_not_spelled_as_an_ascii_iso_date_is_malformed(value):
    """`released` is what croissant.json's datePublished and the card restate: an ASCII YYYY-MM-DD
    that is a date, like the versions beside it."""
    import json

    from landstrikes.releases.manifest_shape import shape_problems

    manifest = json.loads((DATASET / "releases" / "2.1.0" / "MANIFEST.json").read_text(encoding="utf-8"))
    manifest["released"] = value
    assert [(p.check, p.path) for p in shape_problems(manifest)] == [("malformed-manifest", "MANIFEST.json#released")]
