"""A web page's labels in capitals are no names (extract71).

Scraped news pages carry labels written in capitals: a line of its own (`RELATED`, `VIEW GALLERY`,
`PROBABLY FALSE`) or a line's opening word before a colon (`MORE:`, `SEE ALSO:`, `UPDATE:`,
`BREAKING:`). Capitals made the entity layer read them as bodies (the one-word default); they name
nothing (dev guidelines: common nouns are not mentions). Only English common words (or function words)
in capitals, so an initialism (`NATO:`, `CNN` alone on a line) stays a name.
"""

from __future__ import annotations

import re

from landstrikes.extract import gazetteer as gz

_LINE_END = re.compile(r"[ \t]*(?:[:.!?]?[ \t]*(?:\n|$)|:)")
"""After a label: the line's end (a stop allowed) or a colon."""
_LOOK_BACK = 40


def is_page_label(text: str, start: int, end: int) -> bool:
    """The name at [start, end) is a label: capitals, common words only, at a line's start, then the
    line's end or a colon."""
    surface = text[start:end]
    if not surface.isupper() or start > 0 and text[start - 1] not in "\n\t ":
        return False
    before = text[max(0, start - _LOOK_BACK):start]
    if before[before.rfind("\n") + 1:].strip() or "\n" not in before and start > _LOOK_BACK:
        return False  # (not the line's first word; the look-back is bounded, so the cost is per name)
    words = [w for w in surface.split() if w.isalpha()]
    if (not words or not all(gz.is_common_word(w) or w.title() in gz.FUNCTION_WORDS for w in words)
            or surface.title() in gz.places() or surface.title() in gz.KNOWN_TYPES or words[-1].title() in gz.ORG_WORDS):
        return False  # (`WHITE HOUSE` alone, a body's head word last, and a known name stay)
    return _LINE_END.match(text, end) is not None
