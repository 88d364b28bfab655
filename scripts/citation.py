"""How a release is cited and licensed: one text shared by its dataset card and its Croissant file."""

from __future__ import annotations

TITLE = "landstrikes: an annotated corpus of news reports on US land strikes against Mexican cartels"
CREATOR = "The landstrikes team"
DESCRIPTION = (
    "Five English news articles (January 2026) on the US President's statement that the US will "
    "'start now hitting land' against drug cartels in Mexico, stored verbatim, with stand-off "
    "annotations of quotes and speakers, entity mentions, claims with cross-article consistency, "
    "stances, segments and article quality flags."
)
ANNOTATIONS_LICENSE = "https://creativecommons.org/licenses/by/4.0/"
LICENSE_NOTE = (
    "Annotations: CC BY 4.0. Article texts: copyright of their publishers, included verbatim for "
    "non-commercial research (DATASHEET.md, Distribution)."
)


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
