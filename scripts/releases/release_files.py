"""A release holds only the files `release` writes: any other listed file is refused by its class.

attack19 left a `.gitattributes` listed in a re-hashed MANIFEST.json verifying ok, though git and
the Hub obey it on every checkout (`* text eol=crlf` rewrites the texts whose bytes the offsets
count). The name is one of a class: a hidden file or folder anywhere (`.git/`, `.gitignore`,
`.DS_Store`, an AppleDouble `._x`), a top-level file `release` never writes (a `<name>.py`
loading script, `requirements.txt`), a file in a folder no release has. What `release` writes is
short, so it is the rule: README.md, croissant.json, the released documents (figures: visible
files under docs/figures/), and table parts under data/<table>/ (whose names `part_names` holds).
MANIFEST.json itself is never listed.
"""

from __future__ import annotations

from landstrikes.releases.manifest import Problem

RELEASED_DOCUMENTS = ("DATASHEET.md", "ANNOTATION_GUIDELINES.md", "docs/figures")
"""What `release` copies from beside the dataset folder into every release."""
TOP_FILES = frozenset({"README.md", "croissant.json", *(d for d in RELEASED_DOCUMENTS if "/" not in d)})
FOLDERS = ("data/", *(d + "/" for d in RELEASED_DOCUMENTS if "/" in d))


def is_hidden(name: str) -> bool:
    """A name git, the Hub, macOS or an editor gives a meaning of its own, never a release file."""
    return name.startswith(".")


def foreign_files(listed) -> list[Problem]:
    """unexpected-file for each listed path that is not of a class `release` writes."""
    problems = []
    for rel in sorted(listed):
        parts = rel.split("/")
        if parts[0] == "data" and len(parts) >= 3:
            continue  # a table folder's entries: part_names judges them
        if any(is_hidden(part) for part in parts):
            why = "a hidden file or folder: git, the Hub or an OS gives it a meaning (.gitattributes rewrites checkouts)"
        elif len(parts) == 1 and rel not in TOP_FILES:
            why = f"release writes no such top-level file (only {', '.join(sorted(TOP_FILES))})"
        elif len(parts) > 1 and not rel.startswith(FOLDERS):
            why = f"release writes files only under {', '.join(FOLDERS)}"
        elif parts[0] == "data":
            why = "release writes a table's parts in its folder data/<table>/, never data/ itself"
        else:
            continue
        problems.append(Problem("unexpected-file", rel, f"{why}; a release holds only what `release` writes"))
    return problems
