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
"""

from __future__ import annotations

import os
from pathlib import Path

MANIFEST = "MANIFEST.json"

_judges: list = []


def register(judge) -> None:
    """`judge(folder, pin, report)` adds what `verify` finds in the release `folder` to `report`
    (findings of table `release`) and records what it checked on `report.checked`."""
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


def release_findings(path, report, pin: str | None = None):
    """`report` (a validate Report of `path`) with the release's MANIFEST.json judged, as the CLI
    judges it: nothing for a folder that is no release; with `pin` (the manifest's sha256 a team
    pinned) a folder without MANIFEST.json is unusable, as `validate --pin` refuses it. An unusable
    report is returned as it is."""
    if report is None or report.unusable is not None:
        return report
    folder = release_of(path)
    if pin is not None and not is_sha256(pin):
        report.unusable = f"[unusable-path] pin must be a sha256 (64 hex digits), not {str(pin)[:80]!r}"
        return report
    if folder is None:
        if pin is not None:
            report.unusable = (f"[unusable-path] a pin needs a release folder (or its data/ folder): no {MANIFEST} in "
                               f"{str(path)[:200]} or above its data/")
        return report
    if not _judges:
        report.unusable = f"[release-unchecked] {folder}: holds a {MANIFEST} that nothing here can check"
        return report
    for judge in _judges:
        judge(folder, pin, report)
    return report
