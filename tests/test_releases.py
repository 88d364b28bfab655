"""`landstrikes release X.Y.Z`: immutable checksummed snapshots and the semver rule (issue 7)."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import replace

import pyarrow.parquet as pq
import pytest

from conftest import RELEASE_DATE, documents_beside, edit_source, in_sync
from landstrikes.build import build
from landstrikes.cli import main
from landstrikes.errors import ReleaseError
from landstrikes.releases.manifest import read_manifest, sha256_file
from landstrikes.releases.release import git_source, release
from landstrikes.schema.registry import SCHEMA_VERSION, TABLES, TABLES_BY_NAME
from landstrikes.schema.tableio import file_metadata, read_table


def tree_hashes(folder):
    return {p.relative_to(folder).as_posix(): sha256_file(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def test_release_holds_tables_card_croissant_and_a_manifest_of_every_file(released):
    folder = released / "releases" / "1.0.0"
    manifest = read_manifest(folder)
    on_disk = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} - {"MANIFEST.json"}
    assert set(manifest["files"]) == on_disk
    assert {"README.md", "croissant.json"} <= on_disk
    for spec in TABLES:
        rel = f"data/{spec.name}/{spec.name}.parquet"
        entry = manifest["files"][rel]
        assert entry["sha256"] == sha256_file(folder / rel)
        assert entry["bytes"] == (folder / rel).stat().st_size
        assert entry["rows"] == manifest["tables"][spec.name]["rows"] == len(read_table(folder / "data" / spec.name))
        assert [c["name"] for c in manifest["tables"][spec.name]["columns"]] == spec.column_names
    assert manifest["dataset_version"] == "1.0.0" and manifest["schema_version"] == SCHEMA_VERSION
    assert manifest["bump"] == "initial" and manifest["previous_release"] is None
    assert set(manifest["source"]) == {"git_commit", "git_dirty", "package_version", "pyarrow_version"}


def test_manifest_records_the_raw_texts_sha256(released):
    manifest = read_manifest(released / "releases" / "1.0.0")
    articles = read_table(released / "releases" / "1.0.0" / "data" / "articles")
    assert manifest["raw_texts"] == dict(zip(articles.source_file, articles.sha256))
    assert manifest["raw_texts"] == {p.name: sha256_file(p) for p in (released / "raw").glob("*.txt")}


def test_release_parquet_files_carry_the_release_version_schema_version_and_table(released):
    for version in ("1.0.0", "1.0.1"):
        for spec in TABLES:
            meta = file_metadata(released / "releases" / version / "data" / spec.name)
            assert meta == {"dataset_version": version, "schema_version": SCHEMA_VERSION, "table": spec.name}


def test_release_card_has_configs_features_license_task_categories_size_and_citation(released):
    card = (released / "releases" / "1.0.1" / "README.md").read_text(encoding="utf-8")
    import yaml

    meta = yaml.safe_load(card.split("---\n")[1])
    # every table with rows gets a config, an empty one none (`datasets` cannot read a 0-row file)
    with_rows = {s.name for s in TABLES if len(read_table(released / "releases" / "1.0.1" / "data" / s.name))}
    assert "articles" in with_rows and {c["config_name"] for c in meta["configs"]} == with_rows
    assert meta["dataset_info"] and meta["license"] and meta["task_categories"] and meta["size_categories"]
    assert "## Citation" in card and "version = {1.0.1}" in card and 'revision="v1.0.1"' in card


def test_same_build_released_twice_gives_identical_bytes(released, tmp_path):
    again = tmp_path / "dataset"
    shutil.copytree(released, again, ignore=shutil.ignore_patterns("releases"))
    documents_beside(again)
    edit_source(again, "annotations/articles/001_f1f49e9dc8ada067.yaml", "(USMCA) up for revision\"", "(USMCA) up for revision this year\"")
    assert build(again).report.ok
    release(again, "1.0.0", date=RELEASE_DATE)
    first, second = tree_hashes(released / "releases" / "1.0.0"), tree_hashes(again / "releases" / "1.0.0")
    first.pop("MANIFEST.json"), second.pop("MANIFEST.json")  # the manifest records the (tmp) source
    assert first == second


def test_changelog_gets_one_generated_entry_per_release(released):
    changelog = (released.parent / "CHANGELOG.md").read_text(encoding="utf-8")
    n = len(read_table(released / "releases" / "1.0.0" / "data" / "claims"))
    assert changelog.startswith("# Changelog")
    assert changelog.index("## 1.0.0 (2026-01-20)") < changelog.index("## 1.0.1 (2026-01-20)")
    entry = changelog.split("## 1.0.1")[1]
    assert "Patch release after 1.0.0" in entry
    assert f"`claims`: {n} -> {n} rows; 1 row corrected" in entry
    assert "`001_f1f49e9dc8ada067:c:2756-2810` (was `001_f1f49e9dc8ada067:c:2756-2820`): claim_id, end, text" in entry


def test_release_refuses_to_overwrite_an_existing_release(released_copy, capsys):
    before = tree_hashes(released_copy / "releases")
    assert main(["release", "1.0.1", "--dataset", str(released_copy)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert tree_hashes(released_copy / "releases") == before


@pytest.mark.parametrize("version", ["1.0.0", "0.9.9", "1.0", "v1.0.2", "1.0.02"])
def test_release_refuses_a_version_not_greater_than_the_last_or_not_x_y_z(released_copy, version, capsys):
    changelog = (released_copy.parent / "CHANGELOG.md").read_text(encoding="utf-8")
    assert main(["release", version, "--dataset", str(released_copy)]) == 2
    err = capsys.readouterr().err
    assert "already exists" in err or "not greater than the latest release 1.0.1" in err or "not a version" in err
    assert sorted(p.name for p in (released_copy / "releases").iterdir()) == ["1.0.0", "1.0.1"]
    assert (released_copy.parent / "CHANGELOG.md").read_text(encoding="utf-8") == changelog


def test_added_rows_need_a_minor_bump(released_copy, capsys):
    edit_source(
        released_copy,
        "annotations/articles/001_f1f49e9dc8ada067.yaml",
        "claims:\n",
        'claims:\n  - {text: "Sheinbaum downplayed the risk", type: position, hedging: asserted, cluster: c-sheinbaum-downplays-extra}\n',
    )
    catalogue = released_copy / "annotations" / "claim_clusters.yaml"
    catalogue.write_text(
        catalogue.read_text(encoding="utf-8") + "- id: c-sheinbaum-downplays-extra\n  proposition: Sheinbaum downplays a risk.\n",
        encoding="utf-8",
    )
    assert build(released_copy).report.ok
    in_sync(released_copy)
    assert main(["release", "1.0.2", "--dataset", str(released_copy)]) == 2
    err = capsys.readouterr().err
    assert "patch bump after 1.0.1, but the changes need a minor bump" in err and "claims: 1 row added" in err
    assert "release 1.1.0 or higher" in err
    assert not (released_copy / "releases" / "1.0.2").exists()
    assert main(["release", "1.1.0", "--dataset", str(released_copy)]) == 0
    assert read_manifest(released_copy / "releases" / "1.1.0")["required_bump"] == "minor"


def test_a_changed_label_set_needs_a_major_bump(released_copy, capsys, monkeypatch):
    import importlib

    import landstrikes.schema.registry as registry

    # a label list is a schema version's: a changed list is a new schema version, stated by every
    # module that stamps or checks one (the earlier releases keep 2.1, judged by 2.1's own lists)
    for name in ("landstrikes.schema.registry", "landstrikes.build", "landstrikes.releases.release", "landstrikes.schema.validate"):
        monkeypatch.setattr(importlib.import_module(name), "SCHEMA_VERSION", "9.9")
    assert registry.SCHEMA_VERSION == "9.9"
    kind = TABLES_BY_NAME["quotes"].column("kind")
    original = kind.labels
    object.__setattr__(kind, "labels", (*original, "paraphrase"))  # the schema itself, everywhere it is used
    try:
        in_sync(released_copy)
        with pytest.raises(ReleaseError, match=r"need a major bump \(quotes: label set changed: kind\)"):
            release(released_copy, "1.1.0")
        assert release(released_copy, "2.0.0").manifest["bump"] == "major"
    finally:
        object.__setattr__(kind, "labels", original)


def test_stale_tables_are_refused_and_nothing_is_written(released_copy):
    edit_source(released_copy, "annotations/articles/001_f1f49e9dc8ada067.yaml", "(USMCA) up for revision\"", "(USMCA)\"")
    with pytest.raises(ReleaseError, match="is not what the sources build .tables: claims.: run `landstrikes build`"):
        release(released_copy, "1.0.2")
    assert sorted(p.name for p in (released_copy / "releases").iterdir()) == ["1.0.0", "1.0.1"]


def test_a_failure_while_writing_leaves_no_release_no_staging_and_the_changelog_untouched(released_copy, monkeypatch):
    import landstrikes.releases.release as module

    changelog = (released_copy.parent / "CHANGELOG.md").read_text(encoding="utf-8")
    sheet = released_copy.parent / "DATASHEET.md"
    sheet.write_text(sheet.read_text(encoding="utf-8") + "\nA corrected sentence.\n", encoding="utf-8")

    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(module, "make_manifest", crash)
    with pytest.raises(OSError, match="disk full"):
        release(released_copy, "1.0.2")
    assert sorted(p.name for p in (released_copy / "releases").iterdir()) == ["1.0.0", "1.0.1"]
    assert (released_copy.parent / "CHANGELOG.md").read_text(encoding="utf-8") == changelog
    before = {"CHANGELOG.md", "dataset", "DATASHEET.md", "ANNOTATION_GUIDELINES.md", "docs", "README.md"}
    assert {p.name for p in released_copy.parent.iterdir()} == before  # no stray changelog temp file


def test_manifest_records_the_source_commit_and_whether_the_tree_was_dirty(tmp_path):
    def git(*args):
        subprocess.run(["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@t", *args],
                       check=True, capture_output=True)

    git("init", "-q")
    (tmp_path / "a.txt").write_text("a")
    git("add", "a.txt")
    git("commit", "-qm", "a")
    head = subprocess.run(["git", "-C", str(tmp_path), "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    assert git_source(tmp_path)["git_commit"] == head and git_source(tmp_path)["git_dirty"] is False
    (tmp_path / "a.txt").write_text("b")
    assert git_source(tmp_path)["git_dirty"] is True


def test_released_croissant_and_manifest_agree_on_every_parquet_sha256(released):
    folder = released / "releases" / "1.0.1"
    manifest = read_manifest(folder)
    document = json.loads((folder / "croissant.json").read_text(encoding="utf-8"))
    for file_object in document["distribution"]:
        assert file_object["sha256"] == manifest["files"][file_object["contentUrl"]]["sha256"]
    assert pq.read_schema(folder / "data" / "claims" / "claims.parquet").metadata[b"landstrikes.dataset_version"] == b"1.0.1"


def test_a_tampered_previous_release_is_refused_as_a_base(released_copy):
    card = released_copy / "releases" / "1.0.1" / "README.md"
    card.write_text(card.read_text(encoding="utf-8").replace("Citation", "Cite"), encoding="utf-8")
    with pytest.raises(ReleaseError, match=r"latest release 1.0.1 fails verification \(README.md: s"):
        release(released_copy, "1.0.2")
    assert not (released_copy / "releases" / "1.0.2").exists()


def test_a_release_carries_its_datasheet_guidelines_and_figures(released):
    folder = released / "releases" / "1.0.0"
    for name in ("DATASHEET.md", "ANNOTATION_GUIDELINES.md", "docs/figures/claims_matrix.png"):
        assert (folder / name).is_file(), name
    card = (folder / "README.md").read_text(encoding="utf-8")
    assert "license_link: DATASHEET.md#distribution" in card and "](DATASHEET.md)" in card and "](../" not in card


def test_release_without_a_datasheet_beside_the_dataset_is_refused(released_copy):
    (released_copy.parent / "DATASHEET.md").unlink()
    with pytest.raises(ReleaseError, match="DATASHEET.md"):
        release(released_copy, "1.0.2")
    assert not (released_copy / "releases" / "1.0.2").exists()


def test_release_is_refused_while_a_build_holds_the_dataset_lock(released_copy, capsys):
    from landstrikes.build import LOCK_FILE
    from landstrikes.safety.lock import exclusive

    before = sorted(p.name for p in (released_copy / "releases").iterdir())
    with exclusive(released_copy / LOCK_FILE):  # this process plays the running build
        code = main(["release", "1.1.0", "--dataset", str(released_copy)])
    err = capsys.readouterr().err.strip()
    assert code == 2 and "\n" not in err and "locked by another landstrikes build or release" in err, err
    assert sorted(p.name for p in (released_copy / "releases").iterdir()) == before

