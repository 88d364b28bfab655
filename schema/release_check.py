"""A release folder's MANIFEST.json, judged for `validate` whichever way it is asked (eco39).

`landstrikes validate PATH` checked a release folder (or its data/ folder) against its MANIFEST.json
as `verify` does, but the Python function `landstrikes.schema.validate(PATH)`, which README offers
to other teams' CI, judged the tables alone: a copy with its datasheet edited, a row dropped with
its manifest untouched, or a file added was INVALID on the command line and VALID in Python. Both
(and `--engine`) now call `release_findings` on the folder they judged.

The manifest checks live in `landstrikes.releases` (they read the card, croissant.json and the
release's history), and `schema/` never imports outside `landstrikes.schema`: the package
`landstrikes` registers its judge here when it is imported, which it always is first (this module
is `landstrikes.schema.release_check`). Were no judge registered, a folder holding a MANIFEST.json
is not vouched for: the report is unusable (`release-unchecked`), never VALID. Stdlib only.

A release is judged before its tables are read (`prejudge`, eco40): every listed file is read
once, hashed against the manifest, and the tables are parsed from those bytes (`Hashed`). The
tables had been read first and the files hashed in a second read: a part swapped between the two
was unseen, VALID (pinned) about bytes that were not the ones hashed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

MANIFEST = "MANIFEST.json"

_judges: list = []


def register(judge) -> None:
    """`judge(folder, pin, report, keep=None)` adds what `verify` finds in the release `folder` to
    `report` (findings of table `release`) and records what it checked on `report.checked`; `keep`,
    a dict, gets the bytes of every listed file it read (relative path -> bytes), as hashed."""
    if judge not in _judges:
        _judges.append(judge)


def is_sha256(pin) -> bool:
    """A pin's shape: 64 hex digits (the sha256 of a MANIFEST.json as its CHANGELOG entry states it)."""
    return isinstance(pin, str) and len(pin) == 64 and not pin.strip("0123456789abcdefABCDEF")


def release_of(path) -> Path | None:
    """The release folder `path` is, or whose data/ folder it is (a MANIFEST.json there); else None.
    As written first, then as the folder it reaches: a data/ folder named through a link of another
    name or through `..` (`REL/data/quotes/..`) was the tables alone, VALID with its release's
    datasheet edited, its pin refused (attack40); the tables read are the release's either way."""
    path = Path(path)
    for each in dict.fromkeys((path, Path(os.path.realpath(path)))):
        if os.path.lexists(each / MANIFEST):
            return each
        if each.name == "data" and os.path.lexists(each.parent / MANIFEST):
            return each.parent
    return None


class Hashed:
    """The bytes of a release's listed files as its judge hashed them, looked up by the path a
    table reader lists (through a link or `..` alike: by real path). A part listed on disk without
    them (a file the judge did not hash: unlisted, or put there after it looked) is noted in
    `unhashed`: `release_findings` names it unless the judge already did."""

    def __init__(self, folder: Path, kept: dict[str, bytes]):
        self.folder = Path(folder)
        self._by_path = {os.path.realpath(self.folder / rel): data for rel, data in kept.items()}
        self.unhashed: list[Path] = []

    def bytes_of(self, path) -> bytes | None:
        data = self._by_path.get(os.path.realpath(path))
        if data is None:
            self.unhashed.append(Path(path))
        return data

    def relative(self, path) -> str:
        """`path` as the manifest names files (relative to the release, `/`-separated)."""
        return Path(os.path.relpath(os.path.realpath(path), os.path.realpath(self.folder))).as_posix()


@dataclass
class Prejudged:
    """A release judged before its tables were read: the judges' findings and what they checked
    (on `report`, added to validate's at the end, in the place they always had), and the bytes
    they hashed (`hashed`)."""

    folder: Path
    report: object
    hashed: Hashed
    kept: dict
    """relative path -> the bytes hashed, of every listed file read."""


def prejudge(path, pin: str | None, report_type) -> Prejudged | None:
    """The release `path` is (or whose data/ folder it is) judged by every registered judge, each
    listed file read once and kept; None for a folder that is no release, a pin that is no sha256
    or no judge (`release_findings` then says so, as before)."""
    folder = release_of(path)
    if folder is None or not _judges or (pin is not None and not is_sha256(pin)):
        return None
    report, kept = report_type(path=str(path)), {}
    for judge in _judges:
        judge(folder, pin, report, kept)
    return Prejudged(folder, report, Hashed(folder, kept), kept)


def release_findings(path, report, pin: str | None = None, prejudged: Prejudged | None = None):
    """`report` (a validate Report of `path`) with the release's MANIFEST.json judged, as the CLI
    judges it: nothing for a folder that is no release; with `pin` (the manifest's sha256 a team
    pinned) a folder without MANIFEST.json is unusable, as `validate --pin` refuses it. An unusable
    report is returned as it is. `prejudged`: the judgement made before the tables were read from
    the bytes it hashed (`prejudge`), added here instead of a second look."""
    if report is None or report.unusable is not None:
        return report
    if prejudged is not None:
        report.findings.extend(prejudged.report.findings)
        report.checked.update(prejudged.report.checked)
        named = {f.row_id for f in prejudged.report.findings}
        for part in dict.fromkeys(prejudged.hashed.unhashed):
            rel = prejudged.hashed.relative(part)
            if rel not in named:  # appeared after the judge looked: read, never hashed
                report.add("release", "unlisted-file", "in the release folder but not among the files hashed against "
                           "the manifest (there since it was checked): its rows were judged unverified", row_id=rel)
        return report
    folder = release_of(path)
    if pin is not None and not is_sha256(pin):
        report.unusable = f"[unusable-path] pin must be a sha256 (64 hex digits), not {str(pin)[:80]!r}"
        return report
    if folder is None:
        if pin is not None:
            report.unusable = (f"[unusable-path] a pin needs a release folder (or its data/ folder): no {MANIFEST} in "
                               f"{str(path)[:200]} or above its data/; a dataset/ or data/ copy (one you edited too): validate it "
                               "without a pin, on its tables alone")
        return report
    if not _judges:
        report.unusable = f"[release-unchecked] {folder}: holds a {MANIFEST} that nothing here can check"
        return report
    for judge in _judges:
        judge(folder, pin, report)
    return report
