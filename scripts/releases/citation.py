"""How a release is cited and licensed: one text shared by its dataset card and its Croissant file."""

from __future__ import annotations

TITLE = "landstrikes: an annotated corpus of news reports on US land strikes against Mexican cartels"
CREATOR = "landstrikes contributors"
DESCRIPTION = (
    "Five English news articles (January 2026) on the US President's statement that the US will "
    "'start now hitting land' against drug cartels in Mexico, stored verbatim, with stand-off "
    "annotations of quotes and speakers, entity mentions, claims with cross-article consistency, "
    "stances, segments and article quality flags."
)
FIRST_RELEASED = "2026-11-23"
"""Release 1.0.0; CITATION.cff's date, and the year a build's own card cites (a release cites its own)."""
ANNOTATIONS_LICENSE = "https://creativecommons.org/licenses/by/4.0/"
CODE_LICENSE = "https://opensource.org/licenses/MIT"
TEXTS_RIGHTS = (
    "The article texts (dataset/raw/, the `text` column of `articles` and the span texts copied "
    "from them) remain the copyright of their publishers; they are included verbatim for "
    "non-commercial research on the texts themselves and are not covered by CC BY 4.0 "
    "(DATASHEET.md, Distribution)."
)
LICENSE_NOTE = (
    "Annotations: CC BY 4.0. Code: MIT. Article texts: copyright of their publishers, included verbatim for "
    "non-commercial research (DATASHEET.md, Distribution)."
)


def licenses() -> list[dict]:
    """The licence of each part, as schema.org CreativeWorks (Croissant's `license` takes a list).

    One licence for the whole release would be wrong: CC BY 4.0 cannot be granted for texts
    whose rights stay with their publishers.
    """
    return [
        {"@type": "sc:CreativeWork", "name": "CC BY 4.0 (annotations)", "url": ANNOTATIONS_LICENSE,
         "description": "The annotations: every table's rows except the article texts they quote."},
        {"@type": "sc:CreativeWork", "name": "MIT (code)", "url": CODE_LICENSE,
         "description": "The code that builds, validates and loads the corpus (LICENSE)."},
        {"@type": "sc:CreativeWork", "name": "Article texts: rights of the publishers", "description": TEXTS_RIGHTS},
    ]


def bibtex(version: str, year: int) -> str:
    key = f"landstrikes_{version.replace('.', '_')}"
    return (
        f"@misc{{{key},\n"
        f"  title = {{{{{TITLE}}}}},\n"
        f"  author = {{{CREATOR}}},\n"
        f"  year = {{{year}}},\n"
        f"  version = {{{version}}},\n"
        f"  note = {{Dataset release {version}; files verified by MANIFEST.json}}\n"
        f"}}"
    )
