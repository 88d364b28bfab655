"""`validate` of a release copy: what `verify` finds, added to the tables' findings.

validate had read the tables only, so a copy of a release with a row deleted, a file added or its
manifest edited was VALID (attack33), and README's "Validate in your CI" promises "an intact,
complete" release. A pin names which release was meant: a consistent copy of another one was
VALID too. The Python function `landstrikes.schema.validate` had still judged the tables alone
(eco39): `judge` is registered with `landstrikes.schema.release_check` by the package, so every way
of validating one folder calls it. Stdlib only at import: `landstrikes validate` of a dataset
folder never pays for it.
"""

from __future__ import annotations

from pathlib import Path


def judge(folder: Path, pin: str | None, report) -> None:
    """Each problem `verify` finds in the release `folder`, added to `report`: a finding of table
    `release`, row the file it names, check id `verify`'s. Pages and footer statistics are
    validate's own reading; the manifest's statements about them are checked as `load` checks them
    (decode=()). `pin`, the MANIFEST.json sha256 a team pinned, makes a copy of another release
    `manifest-digest-mismatch`."""
    from landstrikes.releases.manifest import checked

    result = checked(folder, pin, decode=())
    for problem in result.problems:
        report.add("release", problem.check, problem.message, row_id=problem.path)
