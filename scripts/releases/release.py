"""`landstrikes release X.Y.Z`: an immutable, checksummed snapshot of the validated build.

The release is built from the sources with its own version stamped into every Parquet file,
validated, checked to hold the same rows as the committed dataset/data, compared with the
previous release (the semver rule refuses a bump too small for the change), described
(dataset card, croissant.json, MANIFEST.json) in a staging folder, and only then renamed
into dataset/releases/X.Y.Z: a failure at any step leaves nothing behind.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import stat
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pyarrow

from landstrikes import __version__
from landstrikes.releases import citation
from landstrikes.build import build_tables, dataset_lock, recover_build, write_card, write_dataset
from landstrikes.releases.croissant import croissant
from landstrikes.releases.diff import DatasetDiff, diff_folders
from landstrikes.codesource import git
from landstrikes.errors import ReleaseError, ReleaseIntegrityError, counted, visible
from landstrikes.releases.manifest import MANIFEST, checked, dump_manifest, make_manifest, manifest_sha256, sha256_file, verify
from landstrikes.schema.registry import SCHEMA_VERSION, TABLES
from landstrikes.schema.report import visible as escaped
from landstrikes.schema.tableio import read_arrow
from landstrikes.safety.durable import rename_durably
from landstrikes.safety.faults import fault
from landstrikes.safety.places import still_in_place
from landstrikes.safety.replacefile import current_umask, written_path
from landstrikes.schema.validate import validate
from landstrikes.releases.folders import RELEASES, find_releases, releases_dir  # noqa: F401 (importers of release keep working)
from landstrikes.releases.release_files import RELEASED_DOCUMENTS, is_hidden
from landstrikes.releases.semver import Version, at_least, bump_level, parse_version
CHANGELOG_HEADER = (
    "# Changelog\n\n"
    "One entry per dataset release, appended by `landstrikes release` (newest last). The version\n"
    "rule is in README.md, \"Versions and releases\"; `landstrikes diff OLD NEW` shows every change.\n"
)
CHANGELOG_TITLE = b"# Changelog\n"
"""How every changelog `release` writes begins: a file that does not is not appended to."""


@dataclass
class ReleaseResult:
    path: Path
    manifest: dict
    diff: DatasetDiff | None
    changelog: Path
    repaired: list[str] = field(default_factory=list)


FAULT_ENV = "LANDSTRIKES_FAULT"


def _fault(point: str) -> None:
    """Test hook: `LANDSTRIKES_FAULT=<point>` kills the process right here (as kill -9 would); the
    other actions of `landstrikes.safety.faults` (`@wait=PATH`, `@sleep=`) too."""
    if os.environ.get(FAULT_ENV) == point:
        os.kill(os.getpid(), signal.SIGKILL)
    fault(point)


def _shown(text: str, limit: int = 40) -> str:
    """A user-supplied string in an error message: at most `limit` characters of it."""
    return repr(text) if len(text) <= limit else repr(text[:limit]) + f"… ({len(text)} characters)"


def git_source(path: Path) -> dict:
    """The commit the release is built from and whether the work tree had uncommitted changes."""

    commit = git(path, "rev-parse", "HEAD")
    status = git(path, "status", "--porcelain") if commit else None
    return {
        "git_commit": commit.strip() if commit else None,
        "git_dirty": bool(status.strip()) if status is not None else None,
        "package_version": __version__,
        "pyarrow_version": pyarrow.__version__,
    }


def release(
    dataset_dir: Path,
    version: str,
    changelog: Path | None = None,
    date: str | None = None,
) -> ReleaseResult:
    """Snapshot dataset_dir's validated build as release `version`; ReleaseError if refused.

    Holds the dataset's build lock throughout, so a build cannot swap `data/` while the release
    compares it with what the sources build (LockHeld, exit 2, if one is running), and first
    finishes what an interrupted build left, as `build` would.
    """
    dataset_dir = Path(dataset_dir)
    if not dataset_dir.is_dir():
        raise ReleaseError(f"{dataset_dir}: no such dataset folder")
    with dataset_lock(dataset_dir, what="landstrikes build or release"):
        for line in recover_build(dataset_dir):
            print(escaped(line), file=sys.stderr, flush=True)
        return _release_locked(dataset_dir, version, changelog, date)


def _release_locked(dataset_dir: Path, version: str, changelog: Path | None, date: str | None) -> ReleaseResult:
    new = parse_version(version)
    if new is None:
        raise ReleaseError(f"{_shown(str(version))} is not a version: use X.Y.Z, e.g. 1.0.0")
    root = releases_dir(dataset_dir)
    changelog = Path(changelog) if changelog else dataset_dir.parent / "CHANGELOG.md"
    check_changelog(changelog)  # a broken link first: written_path refuses it as an OSError (attack39)
    changelog = written_path(changelog)  # a link's file (attack34)
    repaired = repair(root, changelog)
    existing = find_releases(root)
    target = root / str(new)
    if target.exists():
        raise ReleaseError(f"release {new} already exists at {target}: releases are never overwritten")
    previous = max(existing) if existing else None
    if previous is not None and bump_level(previous, new) is None:
        raise ReleaseError(f"{new} is not greater than the latest release {previous}")
    date = date or datetime.now(timezone.utc).date().isoformat()
    source = git_source(dataset_dir)  # before anything is written

    linked = linked_document(dataset_dir.parent)
    if linked is not None:
        raise ReleaseError(f"{linked}: a symbolic link (to {os.readlink(linked)}) among the documents a release copies: "
                           "a release holds files, never what a link points to; put the file itself there [symlink-in-release]")
    drifts = document_drift(dataset_dir)
    if drifts:
        raise ReleaseError(
            f"the documents disagree with the tables ({'; '.join(str(d) for d in drifts[:3])}): "
            "run `landstrikes stats`, commit, then release"
        )
    rows = build_tables(dataset_dir)
    root.mkdir(parents=True, exist_ok=True)
    root_fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)  # the folder judged: renamed into (attack69)
    home = os.fstat(root_fd)
    staging = Path(tempfile.mkdtemp(prefix=f".staging-{new}-", dir=root))
    made = os.lstat(staging)
    mark = staging.with_name(staging.name + STAGING_MARK)
    pending_changelog = None
    try:
        fd = os.open(mark, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666)  # never through a planted link
        with open(fd, "wb") as handle:
            handle.write(b"the staging folder beside is a landstrikes release's; the next release removes both if it was killed\n")
        staging.chmod(0o777 & ~current_umask())  # mkdtemp's 0700 became the release's mode: unreadable to others (attack21)
        entries = write_dataset(rows, staging, dataset_version=str(new))
        report = validate(staging)
        if not report.ok:
            raise ReleaseError(f"the build does not validate, nothing released:\n{report.to_text()}")
        stale = stale_tables(staging, dataset_dir)
        if stale:
            raise ReleaseError(
                f"{dataset_dir / 'data'} is not what the sources build (tables: {', '.join(stale)}): "
                "run `landstrikes build`, commit, then release"
            )
        diff = None
        if previous is not None:
            latest = checked(existing[previous])  # the manifest of the one read that was checked
            broken = latest.problems
            if broken:
                raise ReleaseError(
                    f"the latest release {previous} fails verification ({broken[0].path}: {broken[0].check}): "
                    "restore it from git before releasing"
                )
            try:
                diff = diff_folders(existing[previous], staging, str(previous), str(new), old_manifest=latest.manifest)
            except ReleaseIntegrityError as exc:  # a file of it replaced since it was verified (attack42)
                raise ReleaseError(f"the latest release {previous} changed while it was compared: {exc}") from None
            check_bump(previous, new, diff)
        write_descriptions(staging, dataset_dir, entries, str(new), date, previous)
        if previous is not None and not diff.changed_tables and same_documents(existing[previous], staging):
            raise ReleaseError(
                f"nothing changed since release {previous} (same tables, same datasheet, guidelines and "
                "figures): a release must carry a change"
            )
        header = {
            "dataset": "landstrikes",
            "dataset_version": str(new),
            "schema_version": SCHEMA_VERSION,
            "released": date,
            "previous_release": str(previous) if previous else None,
            "bump": bump_level(previous, new) if previous else "initial",
            "required_bump": diff.required_bump()[0] if diff else None,
            "source": source,
        }
        manifest = make_manifest(staging, header, dataset_dir / "raw")
        (staging / MANIFEST).write_text(dump_manifest(manifest), encoding="utf-8")
        problems = verify(staging)
        if problems:
            first = problems[0]
            raise ReleaseError(f"the staged release does not verify: {visible(first.path)}: {first.check} ({visible(first.message)})")
        pending_changelog = stage_changelog(changelog, changelog_entry(manifest, diff, manifest_digest=manifest_sha256(staging)))
        _fault("release:before-rename")
        if not still_in_place(root, home, staging, made):  # (a release written there by path would go elsewhere: attack63)
            raise ReleaseError(f"{root} was moved or replaced while the release was made: nothing was released; "
                               f"its staging folder ({staging.name}) went with it, and the next release there removes it")
        _fault("release:checked")
        try:  # through the releases folder's descriptor: one replaced since the check changes nothing (attack69)
            rename_durably(staging.name, target.name, dir_fd=root_fd)  # atomic; fails if a concurrent release took the name; flushed (attack39)
        except OSError as exc:
            raise ReleaseError(f"could not move the release into {target}: {exc}") from exc
        _fault("release:between-rename-and-changelog")
        rename_durably(pending_changelog, changelog)
        pending_changelog = None
        _fault("release:after-changelog")
    finally:
        os.close(root_fd)
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
        if not staging.exists():
            mark.unlink(missing_ok=True)
        if pending_changelog is not None and pending_changelog.exists():
            pending_changelog.unlink()
    return ReleaseResult(target, manifest, diff, changelog, repaired)


def document_drift(dataset_dir: Path) -> list:
    """What `landstrikes stats --check` would report: documents that disagree with the tables."""
    from landstrikes.documents.blocks import BlockSyntaxError
    from landstrikes.documents.docgen import check, corpus_stats
    from landstrikes.documents.stats import StatsInputError

    try:
        return check(corpus_stats(dataset_dir), dataset_dir.parent, dataset_dir)
    except (StatsInputError, BlockSyntaxError, OSError) as exc:
        raise ReleaseError(f"cannot check the documents against the tables: {exc}") from None


def same_documents(previous: Path, staging: Path) -> bool:
    """The released documents (datasheet, guidelines, figures) are byte-identical to the previous
    release's, but for the datasheet's title, which names each release's own version."""
    for name in RELEASED_DOCUMENTS:
        old, new = previous / name, staging / name
        if name == "DATASHEET.md" and old.is_file() and new.is_file():
            if _untitled(old) != _untitled(new):
                return False
            continue
        old_files = {p.relative_to(old).as_posix(): sha256_file(p) for p in old.rglob("*") if p.is_file()} if old.is_dir() else None
        new_files = {p.relative_to(new).as_posix(): sha256_file(p) for p in new.rglob("*") if p.is_file()} if new.is_dir() else None
        if old_files is None and new_files is None:
            if not (old.is_file() and new.is_file() and sha256_file(old) == sha256_file(new)):
                return False
        elif old_files != new_files:
            return False
    return True


def changelog_heading(version: str) -> str:
    return f"## {version} ("


STAGING_NAME = re.compile(r"\.staging-(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)-[a-z0-9_]{8}")
"""The name `tempfile.mkdtemp(prefix=f".staging-{new}-")` gives a release's staging folder."""
STAGING_MARK = ".landstrikes-staging"
"""`<staging folder's name>` + this: the file a release writes beside its staging folder as soon as
it is made, and removes once the folder is renamed into place or removed. A folder of
STAGING_NAME is an interrupted release's only with it (or empty): a name alone is a user's folder
too (attack54, after the build's `.build-20261207` backup). Beside, not inside: the staging folder
is verified as the release and renamed into place whole."""


def _is_mark(path: Path) -> bool:
    return path.is_file() and not path.is_symlink() and STAGING_NAME.fullmatch(path.name.removesuffix(STAGING_MARK)) is not None


def _is_empty(folder: Path) -> bool:
    """A release killed between making its staging folder and marking it left it empty."""
    try:
        return not any(folder.iterdir())
    except OSError:
        return False


def repair(root: Path, changelog: Path) -> list[str]:
    """Finish or undo what an interrupted release left: returns one line per repair made.

    A release is renamed into place before its CHANGELOG entry is; a kill in between leaves a
    verified release without an entry, so the entry is regenerated from its MANIFEST and the diff
    with the release before it. Staging folders and temporary changelogs of a dead run are ours
    (by their prefixes) and are removed.
    """
    check_changelog(changelog)
    changelog = written_path(changelog)  # a link is kept: its file gets the entry (attack34)
    check_changelog(changelog)
    done = []
    if root.is_dir():
        for leftover in sorted(root.glob(".staging-*")):
            # mkdtemp's name of `_release_locked`'s staging folder with its mark beside it, not any
            # `.staging-*` (a user's `.staging-notes` had been removed with its files; attack52), nor a
            # user's folder of that name (attack54)
            if STAGING_NAME.fullmatch(leftover.name) and leftover.is_dir() and not leftover.is_symlink():
                mark = leftover.with_name(leftover.name + STAGING_MARK)
                if _is_mark(mark) or _is_empty(leftover):
                    shutil.rmtree(leftover, ignore_errors=True)
                    if not leftover.exists():
                        mark.unlink(missing_ok=True)
                    done.append(f"removed {leftover.name}, the staging folder of an interrupted release")
                else:
                    done.append(f"kept {leftover.name}: named like a release's staging folder, but no release marked it "
                                f"as its own ({mark.name} is not beside it)")
            elif leftover.name.endswith(STAGING_MARK) and _is_mark(leftover):
                if not os.path.lexists(leftover.with_name(leftover.name.removesuffix(STAGING_MARK))):
                    leftover.unlink()  # its folder was renamed into place or removed before the kill
    if changelog.parent.is_dir():
        for leftover in sorted(changelog.parent.glob(f".{changelog.name}.*")):
            if is_pending_changelog(leftover, changelog) and leftover.is_file() and not leftover.is_symlink():
                leftover.unlink()
                done.append(f"removed {leftover.name}, a changelog an interrupted release did not finish")
    releases = find_releases(root)
    text = changelog.read_text(encoding="utf-8") if changelog.is_file() else ""
    versions = list(releases)
    unlisted = [str(v) for v in versions[:-1] if changelog_heading(str(v)) not in text]
    if unlisted:
        # A kill between a release's rename and its changelog write loses the newest entry only
        # (attack14: a typo'd version with --changelog naming another project's changelog
        # appended this dataset's whole history to it, then was refused).
        raise ReleaseError(
            f"{_shown(str(changelog), 200)} has no entry for release {', '.join(unlisted[:3])}"
            f"{' ...' if len(unlisted) > 3 else ''}, older than the newest: it is not this dataset's changelog "
            "(an interrupted release loses only the newest entry); name the dataset's with --changelog "
            "[unwritable-changelog]")
    for i, version in enumerate(versions):
        if changelog_heading(str(version)) in text:
            continue
        from landstrikes.releases.manifest import checked

        verified = checked(releases[version])  # the manifest and digest of the one read that was checked
        if verified.problems:
            continue
        previous = versions[i - 1] if i else None
        try:
            diff = (diff_folders(releases[previous], releases[version], str(previous), str(version), new_manifest=verified.manifest)
                    if previous else None)
        except ReleaseIntegrityError as exc:  # a file of it replaced since it was checked (attack43: [internal-error])
            raise ReleaseError(f"release {version} changed while its CHANGELOG entry was rebuilt: {exc}") from None
        pending = stage_changelog(changelog, changelog_entry(verified.manifest, diff, manifest_digest=verified.digest))
        rename_durably(pending, changelog)
        text = changelog.read_text(encoding="utf-8")
        done.append(f"added the missing CHANGELOG entry of release {version} (its release was interrupted)")
    return done


def check_changelog(changelog: Path) -> None:
    """Refuse a `--changelog` that is not a changelog: a mistyped path (a raw article, a source,
    a file inside a release) would get entries appended to it. A missing file is made new. A
    changelog that is a mount point is refused too: it is replaced by a rename (attack37); so is one
    read-only for this user, or in a folder this user may not write (attack39)."""
    from landstrikes.safety.mounts import is_mount_point
    from landstrikes.safety.outdir import unwritable_parent
    from landstrikes.safety.places import dangling_link, dangling_reason, protected_place

    link = dangling_link(changelog)  # a new changelog would be made where a broken link points (attack39)
    problem = dangling_reason(link, changelog) if link is not None else protected_place(changelog)
    if problem is None and changelog.exists() and not changelog.is_file():
        problem = "is not a regular file (a folder, FIFO or device)"
    elif problem is None and changelog.exists() and not os.access(changelog, os.W_OK, effective_ids=os.access in os.supports_effective_ids):
        problem = "is read-only for you, and a rename would replace it all the same"
    elif problem is None and unwritable_parent(changelog):
        problem = unwritable_parent(changelog)
    elif problem is None and changelog.exists() and is_mount_point(Path(os.path.realpath(changelog))):
        # a bind-mounted file: the rename that replaces it fails (EBUSY) after the release is in
        # place, its entry lost, and every later repair of it failed the same way (attack37)
        problem = "is a mount point (a bind-mounted file), which a rename cannot replace; release into a copy, or mount its folder"
    elif problem is None and changelog.exists():
        try:
            with open(changelog, "rb") as handle:
                head = handle.read(len(CHANGELOG_TITLE) + 1)
        except OSError as exc:
            problem = f"cannot be read ({exc.strerror or exc})"
        else:
            if not head.replace(b"\r\n", b"\n").startswith(CHANGELOG_TITLE):
                problem = f"is not a changelog (its first line is not {CHANGELOG_TITLE.decode().strip()!r})"
    if problem:
        raise ReleaseError(f"{_shown(str(changelog), 200)} {problem}: refusing to write into it [unwritable-changelog]")


def stale_tables(staging: Path, dataset_dir: Path) -> list[str]:
    """Tables whose rows in dataset/data differ from the fresh build (metadata ignored)."""
    stale = []
    for spec in TABLES:
        built, committed = staging / "data" / spec.name, dataset_dir / "data" / spec.name
        if not committed.is_dir() or not read_arrow(built).equals(read_arrow(committed)):
            stale.append(spec.name)
    return stale


def check_bump(previous: Version, new: Version, diff: DatasetDiff) -> None:
    """Refuse a bump smaller than the change needs (README: Versions and releases)."""
    level = bump_level(previous, new)
    required, reasons = diff.required_bump()
    if not at_least(level, required):
        suggestion = next_version(previous, required)
        raise ReleaseError(
            f"{new} is a {level} bump after {previous}, but the changes need a {required} bump "
            f"({'; '.join(reasons)}): release {suggestion} or higher"
        )


def next_version(previous: Version, level: str) -> Version:
    if level == "major":
        return Version(previous.major + 1, 0, 0)
    if level == "minor":
        return Version(previous.major, previous.minor + 1, 0)
    return Version(previous.major, previous.minor, previous.patch + 1)


def write_descriptions(staging: Path, dataset_dir: Path, entries, version: str, date: str, previous) -> None:
    """croissant.json (with each Parquet file's sha256) and the release's dataset card."""
    specs = [spec for spec, _, _ in entries]
    files = {}
    for spec in specs:
        path = staging / "data" / spec.name / f"{spec.name}.parquet"
        files[spec.name] = (path.relative_to(staging).as_posix(), sha256_file(path))
    document = croissant(version, date, specs, files)
    (staging / "croissant.json").write_text(
        json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    write_card(staging, dataset_dir, entries, release_section(version, date, previous), docs_prefix="", version=version)
    copy_documents(dataset_dir.parent, staging)
    title_the_datasheet(staging / "DATASHEET.md", version)




def _remove_empty_folders(folder: Path) -> None:
    """Folders holding no file, removed bottom-up: git stores none, so a release cut with one would
    differ from its commit, and verify refuses one (`unlisted-folder`, attack13)."""
    for root, _, _ in sorted(os.walk(folder), key=lambda entry: entry[0].count(os.sep), reverse=True):
        if Path(root) != folder and not any(Path(root).iterdir()):
            Path(root).rmdir()


def _hidden_names(_folder, names: list[str]) -> set[str]:
    return {name for name in names if is_hidden(name)}


def linked_document(repo: Path) -> Path | None:
    """The first symbolic link among the documents a release copies (a document, a folder on its
    path, anything visible below docs/figures), else None. copytree follows links, so a link to a
    private file or folder put its bytes into the release, which verify then passed (attack24)."""
    for name in RELEASED_DOCUMENTS:
        parts = Path(name).parts
        for depth in range(1, len(parts) + 1):
            if (repo.joinpath(*parts[:depth])).is_symlink():
                return repo.joinpath(*parts[:depth])
        source = repo / name
        for folder, folders, files in os.walk(source):  # (os.walk does not enter a linked folder)
            folders[:] = [f for f in folders if not is_hidden(f)]  # what copy_documents skips
            for entry in sorted(folders + [f for f in files if not is_hidden(f)]):
                if (Path(folder) / entry).is_symlink():
                    return Path(folder) / entry
    return None


def copy_documents(repo: Path, staging: Path) -> None:
    """A pinned release carries the datasheet, guidelines and figures it was described by."""
    for name in RELEASED_DOCUMENTS:
        source = repo / name
        if source.is_dir():
            shutil.copytree(source, staging / name, ignore=_hidden_names)  # a `.DS_Store` is no document, and verify refuses it
            _remove_empty_folders(staging / name)
        elif source.is_file():
            shutil.copyfile(source, staging / name)
        else:
            raise ReleaseError(f"{source} is missing: a release ships the documents that describe it")


def _untitled(datasheet: Path) -> bytes:
    """A datasheet's bytes with its title block's version set aside (an unreadable one as it is)."""
    from landstrikes.documents.blocks import BlockSyntaxError, with_block

    data = datasheet.read_bytes()
    try:
        return with_block(data.decode("utf-8"), "version", "").encode("utf-8")
    except (UnicodeDecodeError, BlockSyntaxError):
        return data


def title_the_datasheet(datasheet: Path, version: str) -> None:
    """The released datasheet's title block names the release's version, as the card and the tables'
    stamps do: `release X` from a tree whose documents say another version (the package's) shipped a
    datasheet calling itself that version (attack42). Where they agree, no byte changes."""
    from landstrikes.documents.blocks import BlockSyntaxError, with_block

    text = datasheet.read_bytes().decode("utf-8")  # bytes, not text mode: line ends stay as written
    try:
        titled = with_block(text, "version", version, where=str(datasheet))
    except BlockSyntaxError as exc:
        raise ReleaseError(f"cannot title the released datasheet: {exc}") from None
    if titled != text:
        datasheet.write_bytes(titled.encode("utf-8"))


def release_section(version: str, date: str, previous) -> str:
    prev = f"previous release: {previous}" if previous else "first release"
    return (
        f"## Release {version}\n\n"
        f"Released {date}; schema version {SCHEMA_VERSION}; {prev}. Every file in this folder is\n"
        f"listed with its sha256 in `MANIFEST.json`: `landstrikes verify {version}` re-hashes them, and\n"
        f"`landstrikes.load(\"quotes\", version=\"{version}\")` refuses a file that differs. On the\n"
        f"Hugging Face Hub this release is the tag `v{version}`:\n\n"
        f"```python\nload_dataset(REPO, \"quotes\", split=\"train\", revision=\"v{version}\")\n```\n\n"
        f"## License\n\n{citation.LICENSE_NOTE}\n\n"
        f"## Citation\n\n```bibtex\n{citation.bibtex(version, int(date[:4]))}\n```\n"
    )


def changelog_entry(manifest: dict, diff: DatasetDiff | None, per_table: int = 10, manifest_digest: str | None = None) -> str:
    version, source = manifest["dataset_version"], manifest["source"]
    commit = source["git_commit"][:12] if source["git_commit"] else "unknown"
    dirty = {True: ", uncommitted changes", False: "", None: ""}[source["git_dirty"]]
    lines = [f"## {version} ({manifest['released']})", ""]
    if diff is None:
        counts = ", ".join(f"{name} {t['rows']}" for name, t in manifest["tables"].items())
        lines.append(f"- First release. Rows: {counts}.")
    else:
        required, reasons = diff.required_bump()
        lines.append(
            f"- {manifest['bump'].capitalize()} release after {manifest['previous_release']} "
            f"(changes need at least {required}: {escaped('; '.join(reasons))})."
        )
        for t in diff.changed_tables:  # ids come from raw file names: a line break would add lines (a pin, a heading; attack19)
            lines.append(f"- `{escaped(t.table)}`: " + escaped(_table_summary(t)))
            for change in t.changed[:per_table]:
                moved = f" (was `{escaped(change.old_id)}`)" if change.old_id != change.id else ""
                lines.append(f"  - `{escaped(change.id)}`{moved}: {escaped(', '.join(change.columns))}")
            if len(t.changed) > per_table:
                lines.append(f"  - and {counted(len(t.changed) - per_table, 'more changed row')}")
        unchanged = [t.table for t in diff.tables if t.status == "same"]
        if unchanged:
            lines.append(f"- Unchanged: {', '.join(unchanged)}.")
    lines.append(f"- Schema version {manifest['schema_version']}; built from commit {commit}{dirty}.")
    if manifest_digest:
        lines.append(pin_line(version, manifest_digest))
    return "\n".join(lines) + "\n"


def pin_line(version: str, digest: str) -> str:
    """The changelog's statement of a release's MANIFEST.json digest: the anchor users pin."""
    return f"- MANIFEST.json sha256 `{digest}`: pin it (`landstrikes verify {version} --pin {digest}`, `load(..., pin=...)`)."


def _table_summary(t) -> str:
    rows = f"{t.rows_old} -> {counted(t.rows_new, 'row')}; " if t.status == "changed" else ""
    return rows + "; ".join(what for _, what in t.changes())


PENDING_SUFFIX = ".landstrikes-pending"


def is_pending_changelog(path: Path, changelog: Path) -> bool:
    """A temporary changelog of ours: `.NAME.<random>.landstrikes-pending`, or (releases before the
    suffix) `.NAME.<8 random characters>`. Not an editor's `.NAME.swp`, `.NAME.un~`, `.NAME.orig`."""
    rest = path.name.removeprefix(f".{changelog.name}.")
    if rest == path.name:
        return False
    if rest.endswith(PENDING_SUFFIX):
        return True
    # the older name is also a user's backup's (`.CHANGELOG.md.original`, 8 letters: attack52 found
    # one removed): taken only when it holds the changelog with an entry added, as `stage_changelog`
    # wrote it before a kill
    return re.fullmatch(r"[a-z0-9_]{8}", rest) is not None and _changelog_with_an_entry(path, changelog)


def _changelog_with_an_entry(path: Path, changelog: Path) -> bool:
    try:
        if not path.is_file() or path.is_symlink() or path.stat().st_size > 64 * 1024 * 1024:
            return False
        staged = path.read_text(encoding="utf-8")
        old = changelog.read_text(encoding="utf-8") if changelog.is_file() else CHANGELOG_HEADER
    except (OSError, UnicodeDecodeError):
        return False
    start = old.rstrip("\n") + "\n\n"
    return staged.startswith(start) and len(staged) > len(start)


def stage_changelog(changelog: Path, entry: str) -> Path:
    """Write the new changelog next to the old one; the caller renames it into place."""
    old = changelog.read_text(encoding="utf-8") if changelog.is_file() else CHANGELOG_HEADER
    try:  # the changelog's permissions (mkstemp's 0600 had closed a 0644 or 0664 changelog to all but its owner; attack34)
        mode = stat.S_IMODE(changelog.stat().st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~current_umask()
    handle = tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=changelog.parent, prefix=f".{changelog.name}.", suffix=PENDING_SUFFIX, delete=False
    )
    try:
        with handle:
            os.fchmod(handle.fileno(), mode)
            handle.write(old.rstrip("\n") + "\n\n" + entry)
    except OSError as exc:  # a full disk: the partial copy is not left behind, and the error names it (attack46)
        Path(handle.name).unlink(missing_ok=True)
        if exc.filename is None:
            exc.filename = handle.name
        raise
    return Path(handle.name)

