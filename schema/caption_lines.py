"""Q2's continued quotation across caption lines, as text: one definition for both mark scanners.

The extractor's scanner (`landstrikes.quotemarks`) and validate's corpus scan (`markscan`) must
pair marks alike, or the extractor's own output fails `quote-mark-coverage` (round 10's caption
rule was first written in the extractor alone: 9 dev-news texts' silver failed). Pure Python and
no numpy: the extract command imports it (tests/test_extract_fast.py).
"""

from __future__ import annotations

import re

MARK_CHARACTERS = "“”\"‘’'"
"""Every quotation mark the scanners visit (double curly, straight double, single curly, apostrophe)."""
MARKS = re.compile("[" + re.escape(MARK_CHARACTERS) + "]")

BLANKS = " \t\r\n"
"""What separates a continued quotation's words from the next opening mark (Q2)."""


def words_end(text: str, pos: int) -> int:
    """The offset after the last non-blank character before `pos` (the blank run is walked
    once: runs before different marks never overlap, so the scan stays linear)."""
    while pos > 0 and text[pos - 1] in BLANKS:
        pos -= 1
    return pos


CAPTION_LINES = 2
"""At most this many caption lines between a quotation paragraph left open and the one continuing it."""
_CAPTION_MAX = 200
_SENTENCE_END = re.compile(r"[.!?…][’'”\")\]]?$")


def captions_only(text: str, start: int, end: int) -> bool:
    """Between two paragraphs of one continued quotation (Q2), [start, end) holds only whole lines
    that end no sentence and carry no quotation mark: a photo caption or a heading the page put in
    the middle (`... his name is <Name>.` / `Cared for: staff looked after <Name> until ...` / `'We
    contacted ...`), at most `CAPTION_LINES` of them, each short."""
    gap = text[start:end]
    if "\n" not in gap or MARKS.search(gap):
        return False
    lines = [ln.strip() for ln in gap.split("\n")[1:-1]]  # (the first and last pieces are the paragraphs' ends)
    words = [ln for ln in lines if ln]
    return (gap.split("\n")[0].strip() == "" and gap.split("\n")[-1].strip() == "" and 0 < len(words) <= CAPTION_LINES
            and all(len(ln) <= _CAPTION_MAX and not _SENTENCE_END.search(ln) for ln in words))


def open_paragraph_end(text: str, last: int, end: int) -> int:
    """Where the paragraph holding the last mark (`last`) ends its words, when that paragraph ends a
    sentence and only caption lines (`captions_only`) stand between it and the next paragraph's
    opening mark (whose words before it end at `end`); else -1."""
    newline = text.find("\n", last, end)
    own = words_end(text, newline) if newline != -1 else -1
    if own <= last or not _SENTENCE_END.search(text, max(0, own - 2), own):
        return -1
    return own if captions_only(text, own, _next_line_start(text, end)) else -1


def _next_line_start(text: str, pos: int) -> int:
    at = text.find("\n", pos)
    return len(text) if at == -1 else at + 1
