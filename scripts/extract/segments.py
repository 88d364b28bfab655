"""Segment an article into headline, byline, body, headings, boxes and boilerplate (SG1, SG2).

Each non-empty line is classified from its own shape and words; runs of the same kind merge,
and the whitespace after a block belongs to it, so the segments always tile the text.
"""

from __future__ import annotations

import re

from landstrikes.extract.text import Span
from landstrikes.schema.auto_constants import MERGED_SEGMENT_KINDS as _MERGED

_BULLET = re.compile(r"^\s*(?:[•·▪◦*‣–—-]|\d{1,2}[.)])\s+")
_NAVIGATION = re.compile(
    r"^(?:related|read more|read also|see also|you may also like|more from|more on|recommended|trending|"
    r"popular|previous|prev|next|home|tags?:|categories?:|share|back to|related to this topic|latest news)\b|[«»←→]",
    re.IGNORECASE,
)
_PROMPT = re.compile(
    r"\b(?:subscribe|sign up|sign in|log in|newsletter|leave a (?:comment|reply)|post a comment|comments?\b.*\b(?:policy|below)|"
    r"follow us|share this|join the conversation|what do you think|let us know|your email|cancel reply)\b",
    re.IGNORECASE,
)
_ADVERT = re.compile(r"\b(?:advertisement|sponsored|ad ?blocker|adblock|promoted content|paid content)\b", re.IGNORECASE)
_SUMMARY_HEADING = re.compile(
    r"^(?:quick takeaways|key takeaways|takeaways|key points|key facts|highlights|at a glance|summary|tl;?dr|in brief|what we know)\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:by|written by|reporting by|posted by|author:)\s+[A-Z]", re.IGNORECASE)
_DATE_LINE = re.compile(r"^(?:published|updated|posted)\b|^\w+ \d{1,2}, \d{4}$", re.IGNORECASE)
_LINE_BREAK = re.compile("\r\n|[\n\x0b\x0c\r\x85\u2028\u2029]")
"""SG1's line breaks, Unicode's mandatory ones (UAX #14: LF, VT, FF, CR, NEL, U+2028, U+2029; CR LF
is one): a segment may start after each, and a headline or section heading ends at the first
(heading-spans-lines). The other layers read lines at line feeds only (`text.lines`); a text whose
lines end in a CR alone or U+2028 was one line here, and its one headline segment spanned every
line, which validate refused (attack55)."""


def block_lines(text: str) -> list[Span]:
    """Every line of the text without its line break, at SG1's line breaks."""
    out, start = [], 0
    for match in _LINE_BREAK.finditer(text):
        out.append(Span(start, match.start()))
        start = match.end()
    out.append(Span(start, len(text)))
    return out



def segment_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) tiling [0, len(text)); empty text gives no segment."""
    if not text:
        return []
    blocks = [(line, text[line.start:line.end].strip()) for line in block_lines(text)]
    blocks = [(line, content) for line, content in blocks if content]
    if not blocks:
        return [(0, len(text), "body")]
    kinds = classify(blocks)
    starts: list[tuple[int, str]] = []
    for (line, _), kind in zip(blocks, kinds):
        if starts and starts[-1][1] == kind and kind in _MERGED:
            continue
        starts.append((line.start if starts else 0, kind))
    return [(start, starts[i + 1][0] if i + 1 < len(starts) else len(text), kind) for i, (start, kind) in enumerate(starts)]


def classify(blocks: list[tuple[Span, str]]) -> list[str]:
    title = blocks[0][1]
    kinds, in_summary = [], False
    for i, (_, content) in enumerate(blocks):
        nxt = blocks[i + 1][1] if i + 1 < len(blocks) else ""
        kind = _line_kind(content, i, title, nxt)
        if kinds and kinds[-1] == "navigation" and kind in ("body", "section_heading") and _link_like(content):
            kind = "navigation"  # the titles listed under "Next Article", "Related"
        if kind == "summary":
            in_summary = True
        elif in_summary and _BULLET.match(content):
            kind = "summary"
        else:
            in_summary = False
        kinds.append(kind)
    return kinds


def _link_like(content: str) -> bool:
    words = content.split()
    return len(words) <= 20 and content[-1] not in ".!?" and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


def _line_kind(content: str, index: int, title: str, nxt: str) -> str:
    words = content.split()
    short = len(words) <= 12
    if index == 0 or content == title:
        return "headline"
    if len(words) <= 25 and _PROMPT.search(content):  # cheap length test first: body lines are long
        return "prompt" if not (short and _ADVERT.search(content)) else "advertisement"
    if short:
        if _ADVERT.search(content):
            return "advertisement"
        if _NAVIGATION.search(content):
            return "navigation"
        if _BYLINE.match(content) or _DATE_LINE.match(content):
            return "byline"
        if _SUMMARY_HEADING.match(content):
            return "summary"
    if content.count("|") >= 2 or content.count("\t") >= 2:
        return "fact_table"
    if short and content[-1] not in ".!?,;:\"”’" and not _BULLET.match(content) and len(nxt.split()) > len(words):
        return "section_heading"
    return "body"
