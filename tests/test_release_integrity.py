"""A release is trusted only as far as its MANIFEST.json is confirmed by something independent,
and `release` never cuts a release that misdescribes itself (issue 15, class 7)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys

import pytest

from conftest import REPO, in_sync
from landstrikes.cli import main
from landstrikes.errors import ReleaseError, ReleaseIntegrityError, ReleaseNotFound
from landstrikes.releases.loading import load, resolve_release, versions
from landstrikes.releases.manifest import manifest_sha256, verify
from landstrikes.releases.release import release


def manifest_of(folder):
    return json.loads((folder / "MANIFEST.json").read_text(encoding="utf-8"))


def rewrite(folder, manifest):
    (folder / "MANIFEST.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")


def checks(folder) -> set[str]:
    return {p.check for p in verify(folder)}


@pytest.fixture
def release_dir(released_copy):
    return released_copy / "releases" / "1.0.1"


# --- the tables section is checked against the files, the card and croissant.json -------------


def test_a_reversed_label_list_in_the_manifest_is_caught_by_the_card(release_dir):
    manifest = manifest_of(release_dir)
    kind = next(c for c in manifest["tables"]["quotes"]["columns"] if c["name"] == "kind")
    kind["labels"].reverse()
    rewrite(release_dir, manifest)
    assert "manifest-labels-mismatch" in checks(release_dir)


def test_load_refuses_a_manifest_whose_label_list_would_remap_classlabel_codes(released_copy, release_dir):
    manifest = manifest_of(release_dir)
    next(c for c in manifest["tables"]["quotes"]["columns"] if c["name"] == "kind")["labels"].reverse()
    rewrite(release_dir, manifest)
    with pytest.raises(ReleaseIntegrityError, match="manifest-labels-mismatch"):
        load("quotes", version="1.0.1", root=released_copy)


def test_labels_of_a_table_the_card_omits_are_checked_against_croissant(release_dir):
    manifest = manifest_of(release_dir)
    source = next(c for c in manifest["tables"]["mention_exclusions"]["columns"] if c["name"] == "source")
    source["labels"].reverse()
    rewrite(release_dir, manifest)
    assert "manifest-labels-mismatch" in checks(release_dir)


@pytest.mark.parametrize("edit", ["rows", "file_rows", "column_type", "column_nullable", "column_dropped"])
def test_every_statement_of_the_tables_section_is_checked_against_the_files(release_dir, edit):
    manifest = manifest_of(release_dir)
    table = manifest["tables"]["claims"]
    if edit == "rows":
        table["rows"] += 1
    elif edit == "file_rows":
        manifest["files"]["data/claims/claims.parquet"]["rows"] -= 1
    elif edit == "column_type":
        table["columns"][1]["type"] = "int"
    elif edit == "column_nullable":
        table["columns"][0]["nullable"] = not table["columns"][0]["nullable"]
    else:
        table["columns"].pop()
    rewrite(release_dir, manifest)
    assert "manifest-tables-mismatch" in checks(release_dir)


def test_a_table_folder_the_tables_section_omits_is_caught(release_dir):
    manifest = manifest_of(release_dir)
    del manifest["tables"]["stances"]
    rewrite(release_dir, manifest)
    assert "manifest-tables-mismatch" in checks(release_dir)


def test_the_version_is_the_folder_name_and_the_files_stamp(release_dir):
    manifest = manifest_of(release_dir)
    manifest["dataset_version"] = "1.0.0"
    rewrite(release_dir, manifest)
    assert "manifest-header-mismatch" in checks(release_dir)


# --- symlinks and paths that leave the release ------------------------------------------------


def test_a_symlink_anywhere_in_a_release_is_refused(release_dir, tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("not part of the release")
    (release_dir / "data" / "notes.txt").symlink_to(outside)
    assert "symlink-in-release" in checks(release_dir)


def test_a_listed_file_replaced_by_a_symlink_to_identical_bytes_is_refused(release_dir, tmp_path):
    """Even when the bytes match: a symlink makes the release depend on a file outside it."""
    card = release_dir / "README.md"
    copy = tmp_path / "README.md"
    shutil.copy(card, copy)
    card.unlink()
    card.symlink_to(copy)
    assert "symlink-in-release" in checks(release_dir)


@pytest.mark.parametrize("rel", ["../../CHANGELOG.md", "/etc/hostname", "data/../../x", "./README.md", "data//x", "C:/x"])
def test_manifest_paths_that_leave_the_release_are_refused_and_never_read(release_dir, rel, monkeypatch):
    manifest = manifest_of(release_dir)
    manifest["files"][rel] = {"sha256": "0" * 64, "bytes": 1}
    rewrite(release_dir, manifest)
    import landstrikes.releases.manifest as module

    hashed = []
    real = module.sha256_file
    monkeypatch.setattr(module, "sha256_file", lambda p: hashed.append(str(p)) or real(p))
    assert "path-outside-release" in checks(release_dir)
    assert not any(rel.strip("./") in h and "releases/1.0.1/" + rel not in h for h in hashed if ".." in h or h.startswith("/etc"))


# --- a malformed manifest is a problem, never a traceback --------------------------------------

MALFORMED = {
    "json-list": "[1, 2, 3]",
    "json-string": '"manifest"',
    "not-json": "{files: ",
    "files-is-a-list": '{"manifest_format": 1, "dataset_version": "1.0.1", "schema_version": "1.0", "files": [], "tables": {}}',
    "entry-not-an-object": '{"manifest_format": 1, "dataset_version": "1.0.1", "schema_version": "1.0", "files": {"README.md": 3}, "tables": {}}',
    "sha-not-hex": '{"manifest_format": 1, "dataset_version": "1.0.1", "schema_version": "1.0", "files": {"README.md": {"sha256": "zz", "bytes": 1}}, "tables": {}}',
    "bytes-a-string": '{"manifest_format": 1, "dataset_version": "1.0.1", "schema_version": "1.0", "files": {"README.md": {"sha256": "' + "0" * 64 + '", "bytes": "1"}}, "tables": {}}',
    "columns-missing": '{"manifest_format": 1, "dataset_version": "1.0.1", "schema_version": "1.0", "files": {}, "tables": {"quotes": {"rows": 1}}}',
    "labels-not-a-list": '{"manifest_format": 1, "dataset_version": "1.0.1", "schema_version": "1.0", "files": {}, "tables": {"quotes": {"rows": 1, "columns": [{"name": "kind", "type": "string", "nullable": false, "labels": "direct"}]}}}',
    "deeply-nested": "[" * 100_000 + "]" * 100_000,
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_a_malformed_manifest_gives_problems_and_exit_1_never_a_traceback(released_copy, release_dir, name, capsys):
    (release_dir / "MANIFEST.json").write_text(MALFORMED[name], encoding="utf-8")
    problems = verify(release_dir)
    assert problems and {p.check for p in problems} <= {"malformed-manifest", "unreadable-manifest", "unlisted-file",
                                                        "manifest-tables-mismatch", "missing-file"}
    assert main(["verify", "1.0.1", "--dataset", str(released_copy)]) == 1
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err


def test_a_manifest_that_is_not_utf8_is_unreadable(release_dir):
    (release_dir / "MANIFEST.json").write_bytes(b'{"files": "\xff\xfe"}')
    assert checks(release_dir) >= {"unreadable-manifest"}


# --- release refuses drift, no change; the release and its changelog entry go together ------------


def test_release_refuses_while_the_datasheet_drifts_from_the_tables(released_copy, capsys):
    sheet = released_copy.parent / "DATASHEET.md"
    text = sheet.read_text(encoding="utf-8")
    start = text.index("<!-- stats:rows -->")
    sheet.write_text(text[: start + 20] + "| stale | 999 |\n" + text[start + 20 :], encoding="utf-8")
    assert main(["release", "1.0.2", "--dataset", str(released_copy)]) == 2
    assert "documents disagree with the tables" in capsys.readouterr().err
    assert not (released_copy / "releases" / "1.0.2").exists()


def test_release_refuses_when_nothing_changed_since_the_previous_release(released_copy, capsys):
    changelog = (released_copy.parent / "CHANGELOG.md").read_text(encoding="utf-8")
    assert main(["release", "1.0.2", "--dataset", str(released_copy)]) == 2
    assert "nothing changed since release 1.0.1" in capsys.readouterr().err
    assert sorted(p.name for p in (released_copy / "releases").iterdir()) == ["1.0.0", "1.0.1"]
    assert (released_copy.parent / "CHANGELOG.md").read_text(encoding="utf-8") == changelog


def test_a_datasheet_correction_alone_is_a_patch_release(released_copy):
    sheet = released_copy.parent / "DATASHEET.md"
    sheet.write_text(sheet.read_text(encoding="utf-8") + "\nA corrected sentence.\n", encoding="utf-8")
    assert release(released_copy, "1.0.2").manifest["bump"] == "patch"


def _release_killed_at(point, dataset, version):
    env = {**os.environ, "LANDSTRIKES_FAULT": point, "HF_HUB_OFFLINE": "1"}
    proc = subprocess.run([sys.executable, "-m", "landstrikes", "release", version, "--dataset", str(dataset)],
                          capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == -signal.SIGKILL, proc.stderr[-2000:]


@pytest.mark.parametrize("point", ["release:before-rename", "release:checked", "release:between-rename-and-changelog",
                                   "release:after-changelog"])
def test_a_kill_at_any_step_leaves_release_and_changelog_together_or_repaired_next_run(released_copy, point, capsys):
    sheet = released_copy.parent / "DATASHEET.md"
    sheet.write_text(sheet.read_text(encoding="utf-8") + "\nA corrected sentence.\n", encoding="utf-8")
    changelog = released_copy.parent / "CHANGELOG.md"
    _release_killed_at(point, released_copy, "1.0.2")
    released = (released_copy / "releases" / "1.0.2").is_dir()
    entry = "## 1.0.2 (" in changelog.read_text(encoding="utf-8")
    assert released or not entry  # never an entry without its release
    main(["release", "1.0.2", "--dataset", str(released_copy)])  # the next run repairs, then releases or refuses
    out = capsys.readouterr().out
    if released and not entry:
        assert "repaired: added the missing CHANGELOG entry of release 1.0.2" in out
    if point in ("release:before-rename", "release:checked"):
        assert "repaired: removed .staging-1.0.2-" in out
    assert (released_copy / "releases" / "1.0.2").is_dir()
    assert changelog.read_text(encoding="utf-8").count("## 1.0.2 (") == 1
    assert not list((released_copy / "releases").glob(".staging-*"))
    assert not list(released_copy.parent.glob(".CHANGELOG.md.*"))
    assert verify(released_copy / "releases" / "1.0.2") == []
    entry = changelog.read_text(encoding="utf-8").split("## 1.0.2 (", 1)[1]
    assert f"MANIFEST.json sha256 `{manifest_sha256(released_copy / 'releases' / '1.0.2')}`" in entry  # repaired too


# --- versions, defaults and messages ------------------------------------------------------------


def test_versions_lists_releases_oldest_first_and_load_defaults_to_the_newest(released):
    assert versions(released) == ["1.0.0", "1.0.1"]
    assert load("articles", root=released).info.version.version_str == "1.0.1"


def test_nullable_integer_columns_stay_integers_in_pandas(released):
    quotes = load("quotes", version="1.0.0", as_pandas=True, root=released)
    assert str(quotes["cue_start"].dtype) == "Int64"
    assert quotes["cue_start"].isna().any() and (quotes["cue_start"].dropna() >= 0).all()
    assert str(quotes["start"].dtype) in ("int64", "Int64")


def test_release_not_found_names_each_folder_once(monkeypatch):
    monkeypatch.chdir(REPO)
    with pytest.raises(ReleaseNotFound) as info:
        resolve_release("9.9.9")
    assert str(info.value).count(str(REPO / "dataset" / "releases")) == 1


@pytest.mark.parametrize("command", [["verify", "V"], ["diff", "V", "1.0.0"], ["release", "V"], ["publish", "V", "--dry-run", "--out", "o"]])
def test_an_absurdly_long_version_is_one_short_line_and_exit_2(released_copy, command, capsys, tmp_path):
    version = "9" * 200_000
    args = [a.replace("V", version).replace("o", str(tmp_path / "o")) if a in ("V", "o") else a for a in command]
    assert main([*args, "--dataset", str(released_copy)]) == 2
    err = capsys.readouterr().err
    assert len(err) < 400 and "Traceback" not in err
