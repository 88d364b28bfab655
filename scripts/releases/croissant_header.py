"""croissant.json's `version` and `datePublished`, against the manifest (attack17).

mlcroissant and the Hub read which release a folder holds, and when it was published, from these
two fields; verify compared croissant's digests, label sets and record sets with the manifest,
never them, so a croissant.json stating another version (re-hashed in MANIFEST.json) verified ok.
They must be the manifest's `dataset_version` and `released`, exactly, as releases/croissant.py
writes them.

The `@context` too (attack19): mlcroissant expands the document by it, so the same keys can mean
other things. A context mapping `column` to `cr:fileProperty` (re-hashed) verified ok, since every
field still read `extract: {column: <name>}`, and mlcroissant read no column at all. It must be
the Croissant 1.0 context croissant.py writes (every committed release's)."""

from __future__ import annotations

from landstrikes.releases.manifest import Problem


def header_problems(document, manifest: dict) -> list[Problem]:
    from landstrikes.releases.manifest_checks import _short

    if not isinstance(document, dict):
        return []  # unreadable: reported as such by the caller
    from landstrikes.releases.croissant import CONTEXT

    problems = []
    if document.get("@context") != CONTEXT:  # attack19
        problems.append(Problem("witness-mismatch", "croissant.json#@context",
                                "the JSON-LD context is not the Croissant 1.0 context croissant.py writes: it gives "
                                "every key its meaning, and mlcroissant reads the keys by it"))
    for key, stated in (("version", manifest["dataset_version"]), ("datePublished", manifest.get("released"))):
        value = document.get(key)
        if value != stated:
            problems.append(Problem("witness-mismatch", f"croissant.json#{key}",
                                    f"says {_short(repr(value))}, the manifest {_short(repr(stated))}"))
    return problems
