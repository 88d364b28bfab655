"""`landstrikes publish X.Y.Z --repo ORG/NAME`: a verified release onto the Hugging Face Hub.

What is uploaded is a copy of the release folder taken after `verify` passed and verified again
(card with `configs:`, tables, croissant.json, MANIFEST.json, datasheet, guidelines, figures),
so that `load_dataset("ORG/NAME", cfg, revision="vX.Y.Z")` reads exactly the pinned release. The
tag `vX.Y.Z` points at the upload's own commit. `--dry-run --out DIR` writes that very folder
instead of uploading it, and writes nowhere but an empty or new DIR.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from landstrikes.errors import ReleaseError
from landstrikes.releases.loading import resolve_release
from landstrikes.releases.manifest import verified_manifest
from landstrikes.safety.durable import rename_durably
from landstrikes.safety.faults import fault
from landstrikes.safety.lock import folder_lock
from landstrikes.safety.ownedtemp import owned_temporary_folder

REPO_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,95}/[A-Za-z0-9][A-Za-z0-9._-]{0,95}$")
STALE_PARTS = "data/**"
"""Remote table parts not in this upload are deleted: a leftover part would add rows to a config."""


@dataclass
class Published:
    version: str
    repo: str | None
    tag: str
    folder: Path | None
    commit: str | None


def tag_of(version: str) -> str:
    return f"v{version}"


def upload_folder_of(release_folder: Path, target: Path) -> Path:
    """Copy the verified release into target and verify the copy: what is uploaded is what was checked."""
    shutil.copytree(release_folder, target, symlinks=True)
    verified_manifest(target)
    return target


def prepare_out(out: Path) -> Path:
    """--out must be missing or an empty folder: a dry run never writes over anything. A refusal
    is the `--out` commands' OutputRefused, so its check id and exit code come from one place."""
    from landstrikes.safety.mounts import is_mount_point
    from landstrikes.safety.outdir import OutputRefused, unreplaceable, unwritable_parent
    from landstrikes.safety.places import dangling_link, dangling_reason, protected_place

    out = Path(out)
    link = dangling_link(out)  # LINK/sub: mkdir made what a broken LINK names (attack39); LINK: said as every writer says it
    if link is not None:
        raise OutputRefused(f"--out {out} {dangling_reason(link, out)}", "choose another folder")
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise OutputRefused(f"--out {out} exists and is not a folder", "choose a new or empty folder")
    if out.is_dir():
        entries = sorted(p.name for p in out.iterdir())
        if entries:
            shown = ", ".join(entries[:5]) + (f" and {len(entries) - 5} more" if len(entries) > 5 else "")
            raise OutputRefused(f"--out {out} is not empty ({shown})", "choose a new or empty folder")
        if is_mount_point(out.resolve()):  # the copy is renamed into place: a mount point cannot be replaced (attack34)
            raise OutputRefused(f"--out {out} is a mount point", "the copy is renamed into place; pass a folder inside it")
    problem = (unreplaceable(out) if out.is_dir() else None) or unwritable_parent(out)  # as every --out (attack39)
    if problem:
        raise OutputRefused(f"--out {out} {problem}", "choose another folder")
    protected = protected_place(out)  # after the folder in the way is named, as for every --out
    if protected:
        raise OutputRefused(f"--out {out} {protected}", "choose a folder outside it", check="protected-output")
    return out


def put_in_place(out: Path, parent_fd: int, tmp: Path, made: os.stat_result) -> None:
    """Rename the dry run's copy (`tmp/upload`) to `out`, both in the folder locked on `parent_fd`.
    Refused (`output-io`) when `out`'s folder is no longer that folder, or `tmp` the one made in it:
    the copy was written by path, and went where the path led (the moved-folder check of the other
    `--out` writers, attack63, which the dry run lacked; attack69). After that check nothing goes by
    path, so a folder replaced after it changes nothing where its path now leads."""
    from landstrikes.safety.outdir import OutputRefused, keep_folder_metadata
    from landstrikes.safety.places import still_in_place

    if not still_in_place(out.parent, os.fstat(parent_fd), tmp, made):
        raise OutputRefused(f"--out {out}", f"{out.parent} was moved, deleted or replaced while the copy was made: "
                            "nothing was put in place; run the command again", check="output-io")
    fault("publish:checked")
    staged = f"{tmp.name}/upload"
    try:
        existing = os.stat(out.name, dir_fd=parent_fd)
    except FileNotFoundError:
        existing = None
    if existing is not None:  # the user's empty folder's mode, owner and group (attack34)
        staged_fd = os.open(staged, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=parent_fd)
        try:
            keep_folder_metadata(existing, staged_fd)
        finally:
            os.close(staged_fd)
    rename_durably(staged, out.name, dir_fd=parent_fd)  # flushed; over the empty folder in one rename, so a
    # failed rename keeps it (attack39: it was removed first, and a read-only copy's rename then failed)


def publish(version: str, repo: str | None, dataset_dir: Path, dry_run_out: Path | None = None, api=None, token=None) -> Published:
    """Verify the release, then upload it and tag it (or write the upload folder for a dry run).

    Raises ReleaseNotFound, ReleaseIntegrityError (the release does not verify), OutputRefused
    (a dry run's --out) or ReleaseError.
    """
    folder = resolve_release(version, dataset_dir, spoken="cli")  # `landstrikes publish`'s --dataset
    manifest = verified_manifest(folder)
    version = manifest["dataset_version"]
    if repo is not None and not REPO_ID.fullmatch(repo):  # `$` alone let `org/name\n` through (attack23)
        raise ReleaseError(f"--repo {repo[:100]!r} is not a Hub dataset id of the form ORG/NAME")
    if dry_run_out is not None:
        out = prepare_out(dry_run_out)
        out.parent.mkdir(parents=True, exist_ok=True)
        # two dry runs (or a render) into one --out take turns, as every --out writer does, and --out is
        # judged again under the lock: the second had ended [unusable-path] 'Directory not empty' (attack39)
        with folder_lock(out.parent) as parent_fd, owned_temporary_folder(".publish-", out.parent) as tmp:
            made = os.lstat(tmp)
            out = prepare_out(dry_run_out)
            staged = upload_folder_of(folder, tmp / "upload")
            fault("publish:staged")
            put_in_place(out, parent_fd, tmp, made)
        return Published(version, repo, tag_of(version), out, None)
    if repo is None:
        raise ReleaseError("--repo ORG/NAME is required (or --dry-run --out DIR)")
    if api is None:
        from huggingface_hub import HfApi

        api = HfApi(token=token)
    with owned_temporary_folder("landstrikes-publish-") as tmp:
        staged = upload_folder_of(folder, tmp / "upload")
        try:
            api.create_repo(repo, repo_type="dataset", exist_ok=True)
            commit = api.upload_folder(
                repo_id=repo,
                repo_type="dataset",
                folder_path=str(staged),
                commit_message=f"landstrikes {version}",
                delete_patterns=STALE_PARTS,
            )
            oid = getattr(commit, "oid", None)
            api.create_tag(repo, tag=tag_of(version), revision=oid, repo_type="dataset",
                           tag_message=f"landstrikes dataset release {version}")
        except Exception as exc:  # network, auth, an existing tag: one line, nothing half-claimed
            raise ReleaseError(f"upload to {repo} failed: {type(exc).__name__}: {str(exc)[:200]}") from None
    return Published(version, repo, tag_of(version), None, oid)
