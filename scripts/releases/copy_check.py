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

import re
from pathlib import Path

GUIDELINES = "ANNOTATION_GUIDELINES.md"
_GUIDELINES_VERSION = re.compile(r"^Version (\d+\.\d+)\b", re.MULTILINE)


def judge(folder: Path, pin: str | None, report, keep: dict[str, bytes] | None = None) -> None:
    """Each problem `verify` finds in the release `folder`, added to `report`: a finding of table
    `release`, row the file it names, check id `verify`'s. Pages and footer statistics are
    validate's own reading; the manifest's statements about them are checked as `load` checks them
    (decode=()). `pin`, the MANIFEST.json sha256 a team pinned, makes a copy of another release
    `manifest-digest-mismatch`. What was checked goes on `report.checked`: the digest of the
    MANIFEST.json bytes checked, whether it was pinned, the manifest's dataset version, and the
    guidelines version its hashed ANNOTATION_GUIDELINES.md states (eco39). `keep`, if given, gets
    every listed file's bytes as they were hashed (`checked`): validate parses the tables from them,
    and the guidelines version is read from them (eco40: each read a second time could have been
    another file)."""
    from landstrikes.releases.manifest import checked

    result = checked(folder, pin, decode=(), keep=keep)
    for problem in result.problems:
        report.add("release", problem.check, problem.message, row_id=problem.path)
    stated = result.manifest or {}
    report.checked.update(manifest_sha256=result.digest, pinned=pin is not None,
                          release_version=_text(stated.get("dataset_version")),
                          guidelines_version=_guidelines_version(folder, stated, result.problems, keep))


def _text(value) -> str | None:
    return value[:40] if isinstance(value, str) else None


def _guidelines_version(folder: Path, manifest: dict, problems, keep: dict[str, bytes] | None = None) -> str | None:
    """The version the release's ANNOTATION_GUIDELINES.md states, when that file is listed and its
    bytes are the ones the manifest hashes (None otherwise: nothing vouched for states one); read
    from `keep`, the bytes hashed, where they were kept."""
    files = manifest.get("files")
    if not isinstance(files, dict) or GUIDELINES not in files or any(p.path == GUIDELINES for p in problems):
        return None
    if keep is not None and GUIDELINES in keep:
        head = keep[GUIDELINES][:16384].decode("utf-8", errors="replace")[:4096]
    else:
        try:
            with open(folder / GUIDELINES, encoding="utf-8", errors="replace") as handle:
                head = handle.read(4096)
        except OSError:
            return None
    found = _GUIDELINES_VERSION.search(head)
    return found.group(1) if found else None
