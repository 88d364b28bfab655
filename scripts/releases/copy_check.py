"""`validate` of a release copy: what `verify` finds, added to the tables' findings.

validate had read the tables only, so a copy of a release with a row deleted, a file added or its
manifest edited was VALID (attack33), and README's "Validate in your CI" promises "an intact,
complete" release. A pin names which release was meant: a consistent copy of another one was
VALID too. Stdlib only at import: `landstrikes validate` of a dataset folder never pays for it.
"""

from __future__ import annotations

import os
from pathlib import Path

MANIFEST = "MANIFEST.json"


def release_of(path: Path) -> Path | None:
    """The release folder `path` is, or whose data/ folder it is (a MANIFEST.json there); else None."""
    path = Path(path)
    if os.path.lexists(path / MANIFEST):
        return path
    if path.name == "data" and os.path.lexists(path.parent / MANIFEST):
        return path.parent
    return None


def with_manifest_findings(path: Path, report, pin: str | None = None):
    """The report, with each problem `verify` finds added when `path` is a release folder or its data
    folder: a finding of table `release`, row the file it names, check id `verify`'s. Pages and footer
    statistics are validate's own reading; the manifest's statements about them are checked as `load`
    checks them (decode=()). `pin`, the MANIFEST.json sha256 a team pinned, makes a copy of another
    release `manifest-digest-mismatch`. An unusable report is returned as it is."""
    if report is None or report.unusable is not None:
        return report
    folder = release_of(path)
    if folder is not None:
        from landstrikes.releases.manifest import checked

        for problem in checked(folder, pin, decode=()).problems:
            report.add("release", problem.check, problem.message, row_id=problem.path)
    return report
