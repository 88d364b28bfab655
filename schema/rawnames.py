"""Which files of a dataset's raw/ are articles: every `*.txt` but a hidden one (attack20).

`raw/*.txt` (pathlib matches a leading `.`) took a macOS AppleDouble `._000_x.txt`, which a copy
onto exFAT or a network drive leaves beside each text, and an editor's hidden copy for articles:
`build` and `extract` made an article of one that decodes as UTF-8, validate called it an article
the table lost. Skipping them silently would let a text someone did name `.x.txt` vanish from the
corpus unseen, so every reader of raw/ (build, extract, validate) refuses such a file by name
under one check id. Numpy-free: the extractor shares it.
"""

from __future__ import annotations

HIDDEN_CHECK = "raw-hidden-file"
HIDDEN_REASON = ("a hidden file (its name starts with '.': a macOS AppleDouble `._` copy, an editor's temporary "
                 "copy) is no article; delete it, or rename it without the leading '.' if it is an article")


def is_hidden(name: str) -> bool:
    return name.startswith(".")
