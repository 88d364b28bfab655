"""Which files of a dataset's raw/ are articles: every `*.txt` but a hidden one (attack20), and
no `.TXT` (or `.Txt`, ...) passed over unseen.

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


CASE_CHECK = "raw-txt-case"
CASE_REASON = ("the name ends in .txt in other letter case (a Windows or macOS export's `.TXT`); articles are "
               "`*.txt`: rename it to end in .txt, or move it out of raw/")
"""Every reader lists `*.txt`, which on Linux does not match `ARTICLE.TXT`: such a text was no
article for build, extract and validate alike, and nobody was told (attack20 left it open;
session 19). It is refused by name, as a hidden file is."""


def has_txt_in_other_case(name: str) -> bool:
    return name.lower().endswith(".txt") and not name.endswith(".txt")


def txt_in_other_case(folder) -> list:
    """The entries of `folder` named `*.txt` in another letter case, in name order (listed by glob,
    as every reader lists `*.txt`, so a folder that cannot be listed behaves as it did)."""
    return sorted(p for p in folder.glob("*.[tT][xX][tT]") if has_txt_in_other_case(p.name))


NAME_CHECK = "raw-bad-name"
NAME_REASON = ("the file name is not valid UTF-8 (shown as \\xNN bytes), so it gives no article id a table can "
               "hold; rename it in UTF-8")
"""Linux names may hold any bytes, which Python keeps as lone surrogates: `build` ended in
`[internal-error] UnicodeEncodeError` naming no file, and validate's `--json` wrote no report
(attack21). `extract` gives the same file its failure row, `extract-bad-name`."""


def is_undecodable(name: str) -> bool:
    """Whether a name read from the file system holds bytes that are not UTF-8."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def shown_name(name: str) -> str:
    """A name as UTF-8 text for messages and reports: undecodable bytes as `\\xNN` escapes."""
    return name if not is_undecodable(name) else name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


FOLD_CHECK = "raw-name-collision"
FOLD_REASON = ("macOS and Windows hold the two names as one file (they differ only in letter case, Unicode "
               "normalisation or an ignorable joiner or direction mark), so a checkout there keeps one text for "
               "both articles; rename one of them")
"""A clone must be byte-exact on any platform: Linux kept `000_x.txt` beside `000_X.txt`, and
`café.txt` in NFC beside its NFD spelling, as two articles (attack23)."""

_HFS_IGNORED = dict.fromkeys(map(ord, "\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                                      "\u206a\u206b\u206c\u206d\u206e\u206f\ufeff"))
"""The code points HFS+ leaves out when it compares names (the list Git's `.git` guard uses)."""


def folded_name(name: str) -> str:
    """A name as a case-insensitive, normalisation-insensitive file system compares it: the
    characters HFS+ ignores removed, then Unicode's canonical caseless match (NFD, case fold,
    NFD). Full case folding also folds `ﬁ` to `fi`: a pair only some file systems hold as one is
    refused too."""
    import unicodedata

    plain = name.translate(_HFS_IGNORED)
    return unicodedata.normalize("NFD", unicodedata.normalize("NFD", plain).casefold())


def upcased_name(name: str) -> str:
    """A name as Windows compares it: NTFS's `$UpCase` maps each UTF-16 unit to one upper-case unit
    (no normalisation, `ß` stays `ß`), so `ı` (U+0131 dotless i) is `I` as `i` is, a pair Unicode's
    case folding keeps apart (review61)."""
    return "".join(up if len(up := char.upper()) == 1 else char for char in name)


def colliding_names(names) -> list[tuple[str, str]]:
    """Each name that folds to an earlier one's name, with that name, in the order given: as macOS
    compares names (`folded_name`) or as Windows does (`upcased_name`)."""
    first: dict[str, str] = {}
    pairs = []
    for name in names:
        keys = (("mac", folded_name(name)), ("windows", upcased_name(name)))
        other = next((first[key] for key in keys if key in first), None)
        if other is not None:
            pairs.append((name, other))
        else:
            first.update(dict.fromkeys(keys, name))
    return pairs
