"""The label lists of every released schema version are held by the package, so `verify` judges a
release's lists against the version it states, old or current (review17: a consistently forged
release stating an older schema version skipped the label-order check), and refuses a stated
version that never existed."""

from __future__ import annotations

import json
import shutil

import pytest

from landstrikes import load
from landstrikes.cli import main
from landstrikes.errors import ReleaseIntegrityError
from landstrikes.releases.label_history import LABELS_BY_SCHEMA_VERSION
from landstrikes.schema.registry import SCHEMA_VERSION, TABLES_BY_NAME
from conftest import DATASET
from test_attack17_label_order import _swap_first_two_kinds

RELEASES = sorted(p for p in (DATASET / "releases").iterdir() if (p / "MANIFEST.json").is_file())


@pytest.mark.parametrize("release", RELEASES, ids=lambda p: p.name)
def test_each_committed_release_states_the_label_lists_of_its_schema_version(release):
    manifest = json.loads((release / "MANIFEST.json").read_text(encoding="utf-8"))
    history = LABELS_BY_SCHEMA_VERSION[manifest["schema_version"]]
    for table, spec in manifest["tables"].items():
        stated = {c["name"]: tuple(c["labels"]) for c in spec["columns"] if c["labels"] is not None}
        assert stated == history.get(table, {}), table


def test_the_current_schema_versions_lists_are_the_registrys():
    current = {spec.name: {c.name: c.labels for c in spec.columns if c.labels is not None} for spec in TABLES_BY_NAME.values()}
    assert {t: cols for t, cols in current.items() if cols} == LABELS_BY_SCHEMA_VERSION[SCHEMA_VERSION]


@pytest.mark.parametrize("version", ["1.0.0", "2.0.0"])
def test_a_label_list_reordered_alike_in_every_witness_of_an_older_release_is_refused(version, tmp_path, capsys):
    release = tmp_path / version
    shutil.copytree(DATASET / "releases" / version, release)
    _swap_first_two_kinds(release)
    assert main(["verify", str(release)]) == 1
    out = capsys.readouterr().out
    assert "[manifest-labels-mismatch] MANIFEST.json#tables.quotes.kind" in out, out
    assert "sha256-mismatch" not in out and "witness-mismatch" not in out, out
    with pytest.raises(ReleaseIntegrityError, match="manifest-labels-mismatch"):
        load("quotes", version=release, as_pandas=True)


def _state_schema_version(release, version: str) -> None:
    manifest = json.loads((release / "MANIFEST.json").read_text(encoding="utf-8"))
    manifest["schema_version"] = version
    (release / "MANIFEST.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


@pytest.mark.parametrize("stated", ["1.5", "2.1 ", "0.9", "02.1", "2.1.0", "\u0662.1"])
def test_a_schema_version_this_package_never_had_is_refused(stated, release_copy, capsys):
    _state_schema_version(release_copy, stated)
    assert main(["verify", str(release_copy)]) == 1
    assert "[manifest-header-mismatch] MANIFEST.json#schema_version" in capsys.readouterr().out


def test_a_newer_schema_version_is_not_called_unknown(release_copy, capsys):
    """A release of a newer package: its lists cannot be known here, which verify says as such
    (verify19: `schema-version-newer`, tests/test_schema_history_columns.py), not as a version that
    never existed (its file stamps still must agree with what it states, which this copy's do not)."""
    _state_schema_version(release_copy, "99.0")
    main(["verify", str(release_copy)])
    out = capsys.readouterr().out
    assert "[manifest-header-mismatch] MANIFEST.json#schema_version" not in out
    assert "[schema-version-newer] MANIFEST.json#schema_version" in out
