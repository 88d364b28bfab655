"""croissant.json's `version` and `datePublished`, against the manifest (attack17).

mlcroissant and the Hub read which release a folder holds, and when it was published, from these
two fields; verify compared croissant's digests, label sets and record sets with the manifest,
never them, so a croissant.json stating another version (re-hashed in MANIFEST.json) verified ok.
They must be the manifest's `dataset_version` and `released`, exactly, as releases/croissant.py
writes them."""

from __future__ import annotations

from landstrikes.releases.manifest import Problem


def header_problems(document, manifest: dict) -> list[Problem]:
    from landstrikes.releases.manifest_checks import _short

    if not isinstance(document, dict):
        return []  # unreadable: reported as such by the caller
    problems = []
    for key, stated in (("version", manifest["dataset_version"]), ("datePublished", manifest.get("released"))):
        value = document.get(key)
        if value != stated:
            problems.append(Problem("witness-mismatch", f"croissant.json#{key}",
                                    f"says {_short(repr(value))}, the manifest {_short(repr(stated))}"))
    return problems
