"""`landstrikes publish`: what is uploaded is the verified release, and it loads as researchers
load it; the Hub itself is replaced by a test double (no network here)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from landstrikes.cli import main
from landstrikes.errors import ReleaseError
from landstrikes.releases.manifest import read_manifest
from landstrikes.releases.publish import publish


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


class FakeHub:
    """Records each call and snapshots the folder handed to upload_folder while it exists."""

    def __init__(self, fail_on=None):
        self.calls, self.uploaded, self.fail_on = [], None, fail_on

    def create_repo(self, repo_id, **kwargs):
        self.calls.append(("create_repo", repo_id, kwargs))

    def upload_folder(self, **kwargs):
        self.calls.append(("upload_folder", kwargs["repo_id"], kwargs))
        if self.fail_on == "upload":
            raise ConnectionError("offline")
        self.uploaded = tree(Path(kwargs["folder_path"]))

        class Commit:
            oid = "c0ffee"

        return Commit()

    def create_tag(self, repo_id, **kwargs):
        self.calls.append(("create_tag", repo_id, kwargs))


def test_dry_run_writes_exactly_the_release_and_every_config_loads_with_datasets(released, tmp_path):
    from datasets import get_dataset_config_names, load_dataset

    out = tmp_path / "upload"
    assert main(["publish", "1.0.1", "--dry-run", "--out", str(out), "--dataset", str(released)]) == 0
    release = released / "releases" / "1.0.1"
    assert tree(out) == tree(release)
    manifest = read_manifest(out)
    configs = get_dataset_config_names(str(out))
    assert configs and set(configs) <= set(manifest["tables"])
    for config in configs:
        ds = load_dataset(str(out), config, split="train", cache_dir=str(tmp_path / "cache"))
        assert len(ds) == manifest["tables"][config]["rows"]


def test_upload_receives_the_verified_folder_and_the_version_tag(released):
    hub = FakeHub()
    result = publish("1.0.1", "landstrikes-org/landstrikes", released, api=hub)
    assert [c[0] for c in hub.calls] == ["create_repo", "upload_folder", "create_tag"]
    assert hub.uploaded == tree(released / "releases" / "1.0.1")
    upload = hub.calls[1][2]
    assert upload["repo_type"] == "dataset" and upload["delete_patterns"] == "data/**"
    tag = hub.calls[2][2]
    assert tag["tag"] == "v1.0.1" and tag["revision"] == "c0ffee" and tag["repo_type"] == "dataset"
    assert (result.tag, result.commit) == ("v1.0.1", "c0ffee")


def test_a_release_that_fails_verification_is_never_uploaded(released_copy, capsys):
    card = released_copy / "releases" / "1.0.1" / "README.md"
    card.write_text(card.read_text(encoding="utf-8") + "tampered\n", encoding="utf-8")
    hub = FakeHub()
    with pytest.raises(Exception, match="failed verification"):
        publish("1.0.1", "org/name", released_copy, api=hub)
    assert hub.calls == []
    assert main(["publish", "1.0.1", "--repo", "org/name", "--dataset", str(released_copy)]) == 1


@pytest.mark.parametrize("repo", ["no-slash", "a/b/c", "../x", "org/" + "n" * 200, "org/na me"])
def test_a_bad_repo_id_is_refused_before_any_call(released, repo):
    hub = FakeHub()
    with pytest.raises(ReleaseError, match="not a Hub dataset id"):
        publish("1.0.1", repo, released, api=hub)
    assert hub.calls == []


def test_a_failed_upload_is_one_line_and_no_tag(released):
    hub = FakeHub(fail_on="upload")
    with pytest.raises(ReleaseError, match="upload to org/name failed: ConnectionError: offline"):
        publish("1.0.1", "org/name", released, api=hub)
    assert "create_tag" not in [c[0] for c in hub.calls]


def test_dry_run_refuses_a_folder_that_is_not_empty_and_changes_nothing(released, tmp_path, capsys):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    assert main(["publish", "1.0.1", "--dry-run", "--out", str(out), "--dataset", str(released)]) == 2
    assert "is not empty (notes.txt)" in capsys.readouterr().err
    assert tree(out) == {"notes.txt": hashlib.sha256(b"keep me").hexdigest()}
