"""G7: free text is written one way: in NFKC, one line, its only space U+0020 (nfc58).

An annotation source converted outside git (an editor or a tool that writes NFD, NFKC, turns a
no-break space into a space, or keeps a line break inside a value) built ANOTHER dataset that
validated: `claim_clusters.yaml` NFD-normalised changed five propositions and notes, canonically
equal strings (attack54, "Noticed and left"). Spans cannot take a normal-form rule (they are the
raw text's own characters, G1), but what an annotator writes in their own words can: held to
NFKC (which is NFC with no compatibility character), every normal-form conversion of a source
either leaves such a value as it was or makes it break this rule, so the conversion is refused,
never built. The rule on one value, without numpy: build's source loading
(`landstrikes.annotations.freetext`) and validate's table check (`free_text_forms`) share it.
"""

from __future__ import annotations

import unicodedata

from landstrikes.schema.report import visible
from landstrikes.schema.whitespace import PYTHON_WHITESPACE

NOT_NORMAL = "free-text-not-nfc"
WHITESPACE = "free-text-whitespace"
UNTRIMMED = "untrimmed-text"

_ALLOWED_SPACE = " "
OTHER_SPACES = PYTHON_WHITESPACE.replace(_ALLOWED_SPACE, "") + "\u200b\u2060\ufeff"
"""Every character `str.isspace` calls whitespace but U+0020 (a test holds the two equal), then the
zero-width space, word joiner and zero-width no-break space, which it does not count but which
are as invisible: none is free text's."""
_MORE_SPACES = frozenset(OTHER_SPACES[-3:])
_CONTEXT = 24
"""Characters shown either side of what is wrong."""


def escaped(text: str) -> str:
    """`text` as report lines draw it (`report.visible`: controls, line and paragraph separators, every
    space but U+0020 and format characters escaped), combining marks escaped too (`Nicola\\u0301s`: in
    an NFD value the mark is a character of its own, which a reader cannot see)."""
    return "".join(f"\\u{ord(char):04x}" if unicodedata.category(char)[0] == "M" else visible(char) for char in text)


def first_difference(a: str, b: str) -> int:
    """Where two strings first differ (the shorter one's length when one begins the other)."""
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


def _excerpt(value: str, at: int, end: int | None = None, form: str | None = None) -> str:
    """The characters around [at, end) escaped, `…` where cut; in normal form `form` if given (the
    same window, so both excerpts show the same words)."""
    end = at + 1 if end is None else end
    start, stop = max(0, at - _CONTEXT), min(len(value), end + _CONTEXT)
    shown = value[start:stop] if form is None else unicodedata.normalize(form, value[start:stop])
    return ("…" if start else "") + escaped(shown) + ("…" if stop < len(value) else "")


_CONTROL_NAMES = {"\t": "CHARACTER TABULATION", "\n": "LINE FEED", "\x0b": "LINE TABULATION", "\x0c": "FORM FEED",
                  "\r": "CARRIAGE RETURN", "\x85": "NEXT LINE"}


def named(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, None) or _CONTROL_NAMES.get(char, 'a control character')}"


def untrimmed_problem(value: str) -> str | None:
    """G5: whitespace at either end (the zero-width spaces too); None when trimmed."""
    if value != value.strip() or value[:1] in _MORE_SPACES or value[-1:] in _MORE_SPACES:
        shown = value if len(value) <= 2 * _CONTEXT else value[:_CONTEXT] + "…" + value[-_CONTEXT:]
        return f"starts or ends with whitespace: '{escaped(shown)}'; free text is trimmed (G5)"
    return None


def spacing_problem(value: str) -> str | None:
    """What breaks G7's spacing inside a value: a line end, a tab, a space other than U+0020, two
    spaces in a row; None when the value is one line of single spaces."""
    for at, char in enumerate(value):
        if char in OTHER_SPACES:
            kind = "a line end" if char in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029" else "a tab" if char == "\t" else "a space other than U+0020"
            return f"holds {kind}, {named(char)}: '{_excerpt(value, at)}'; free text is one line whose only space is U+0020 (G7)"
    at = value.find("  ")
    if at >= 0:
        shown = _excerpt(value, at, at + 2).replace("  ", "\\x20\\x20", 1)  # a message folds blank runs
        return f"holds two spaces in a row: '{shown}'; words are joined by one space (G7)"
    return None


def normal_form_problem(value: str) -> str | None:
    """What breaks G7's normal form (NFKC), naming the first character that differs; None when
    the value is in NFKC (every ASCII value is)."""
    if value.isascii() or unicodedata.is_normalized("NFKC", value):
        return None
    if not unicodedata.is_normalized("NFC", value):
        nfc = unicodedata.normalize("NFC", value)
        at = first_difference(value, nfc)
        decomposed = unicodedata.normalize("NFD", value) == value
        return (f"is {'NFD' if decomposed else 'not in NFC'}: '{_excerpt(value, at)}' (NFC: '{_excerpt(value, at, form='NFC')}'); "
                "free text is written in composed characters (G7; was the file converted?)")
    for at, char in enumerate(value):
        folded = unicodedata.normalize("NFKC", char)
        if folded != char:
            return (f"holds the compatibility character {named(char)} (NFKC: '{escaped(folded)}'): '{_excerpt(value, at)}'; "
                    "free text is in NFKC: write the plain character (G7)")
    return "is not in NFKC (G7)"  # pragma: no cover - a sequence whose characters are each NFKC


def free_text_problem(value: str, normal_form: bool = True) -> tuple[str, str] | None:
    """(check id, what is wrong) of the first rule `value` breaks: its ends (G5), then its spacing (a
    no-break space is named as a space, not as a compatibility character), then its normal form;
    `normal_form` False for a copy of the article's words (an alias, M2), held to the spacing only."""
    for check, rule in ((UNTRIMMED, untrimmed_problem), (WHITESPACE, spacing_problem),
                        (NOT_NORMAL, normal_form_problem if normal_form else None)):
        problem = rule(value) if rule is not None else None
        if problem is not None:
            return check, problem
    return None
