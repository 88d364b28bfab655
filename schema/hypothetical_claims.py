"""C8/C9: a claim is `hypothetical` when "the article's own text flags it as hypothetical or the
claim sits in a section that says so", and the build derives that label for every such claim
not `contradicted` (which wins). AQ1 flags self-declared hypothetical material
`hypothetical_content`, so the text that says so carries that flag, and the claims it covers are
those of its section: from the flagged line to the next heading when the flagged line is itself a
heading (a002's "Case Study: 2022 U.S.Drone Strike in Aguascalientes (Hypothetical Reference)" and
its three bullets, up to "Practical Tips for Policymakers and Analysts"), its own line otherwise.

attack28: a002's case-study claim "The strike destroyed 15 metric tons of illicit arms" relabelled
`uncorroborated` (its cluster is stated nowhere else, so every count held), and a002's body claim
"Trump's threat reflects a broader shift toward aggressive rhetoric" relabelled `hypothetical`,
each validated: no check tied the label to the text [claim-hypothetical-mismatch]. The gold holds
the rule in every release that has the case study (7 hypothetical claims in 2.26.0, all in the
section, none of its claims otherwise). The extractor labels no claim `hypothetical` and flags no
hypothetical content, so its rows hold it; flags and claims marked `auto` are left out anyway
(the extractor's layers are proposals, as elsewhere).

A heading is a non-blank line after a blank one (or the article's first), not a list item (a
bullet, a dash, "1." or "1)"), at most _HEADING_CHARS long and ending without a sentence or clause
stop. The section also ends where the flag's segment ends. Rows meet within one article
(partition-safe)."""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa

from landstrikes.schema.checkcorpus import arrow_column, article_numbers, article_texts, frame_ints, frame_nulls, is_in
from landstrikes.schema.misquotation_spans import BOUND, enclosed
from landstrikes.schema.report import Report

_HEADING_CHARS = 150
_LIST_ITEM = re.compile(r"\s*(?:[•◦▪‣\-–—*]|\d+[.)])(?:\s|$)")
_STOPS = ".!?,;"


def check_hypothetical_claims(tables, report: Report) -> None:
    claims, flags, articles = (tables.get(n) for n in ("claims", "quality_flags", "articles"))
    if claims is None or flags is None or articles is None or len(claims) == 0 or "text" not in articles:
        return
    if not all(c in claims for c in ("claim_id", "article_id", "start", "end", "consistency")) or \
            not all(c in flags for c in ("article_id", "flag", "start", "end")):
        return
    flag_rows = np.flatnonzero(is_in(flags, "flag", ("hypothetical_content",)) & ~_unknown(flags) & ~_auto(flags))
    labelled = is_in(claims, "consistency", ("hypothetical",))
    if not len(flag_rows) and not labelled.any():
        return
    # an article whose text is null (Pandera's finding) has no section to judge its rows by
    judged = np.append(~frame_nulls(articles, "text"), False)  # [-1]: no article
    flag_article = article_numbers(tables, "quality_flags")[flag_rows]
    flag_rows, flag_article = flag_rows[judged[flag_article]], flag_article[judged[flag_article]]
    section_article, section_start, section_end = _sections(tables, articles, flag_rows, flag_article)
    rows = np.flatnonzero(~_unknown(claims) & ~_auto(claims))
    claim_article = article_numbers(tables, "claims")[rows]
    rows, claim_article = rows[judged[claim_article]], claim_article[judged[claim_article]]
    inside = enclosed(claim_article, frame_ints(claims, "start")[rows], frame_ints(claims, "end")[rows],
                      section_article, section_start, section_end)
    hypothetical = labelled[rows]
    exempt = is_in(claims, "consistency", ("contradicted",))[rows]  # C9: contradiction wins
    bad = (hypothetical & ~inside) | (inside & ~hypothetical & ~exempt)
    if not bad.any():
        return
    ids = arrow_column(tables, "claims", "claim_id", pa.string())
    labels = arrow_column(tables, "claims", "consistency", pa.string())
    for n in np.flatnonzero(bad):
        row = int(rows[n])
        said = ("lies in no section or line its article flags hypothetical_content" if hypothetical[n]
                else "lies in a section or line its article flags hypothetical_content, so it is hypothetical")
        report.add("claims", "claim-hypothetical-mismatch", f"the claim {said} (C8, C9, AQ1)", ids[row].as_py(), "consistency",
                   labels[row].as_py())


def _unknown(frame) -> np.ndarray:
    return frame_nulls(frame, "article_id") | frame_nulls(frame, "start") | frame_nulls(frame, "end")


def _auto(frame) -> np.ndarray:
    return is_in(frame, "source", ("auto",)) if "source" in frame else np.zeros(len(frame), dtype=bool)


def _sections(tables, articles, flag_rows, flag_article) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(article number, start, end) of the text each hypothetical_content flag covers.

    Lines are found in the articles' UTF-8 bytes (a line feed is one byte, never inside another
    character), each flagged article's bytes copied once; only the lines judged as headings are
    decoded, and the positions are turned into code points all at once at the end. Decoding
    every flagged article whole (and encoding it again as UTF-32 to index its line feeds) was
    most of the check's time (971 articles, 16 MB, at 10^5 quote rows)."""
    if not len(flag_rows):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    flags = tables["quality_flags"]
    number = flag_article.astype(np.int64)
    texts = article_texts(tables)
    stated = frame_ints(flags, "start")[flag_rows]
    segment_ends = _segment_ends(tables, flag_article, stated)
    starts = np.clip(stated, 0, texts.lengths[number])
    at = texts.byte_positions(number, starts) - texts.byte_starts[number]  # each flag's start, in its article's bytes
    out = np.zeros((len(flag_rows), 2), dtype=np.int64)
    lines: dict[int, _Lines] = {}  # one article's bytes and lines, read once however many flags it holds (attack30)
    for n, article in enumerate(number.tolist()):
        if article not in lines:
            lines[article] = _Lines(_article_bytes(texts, article))
        text = lines[article]
        line_start = text.line_start(int(at[n]))
        line_end = text.line_end(line_start)
        end = text.next_heading(line_end) if text.is_heading(line_start, line_end) else line_end
        out[n] = line_start, end
    base = texts.byte_starts[number]
    first = texts.cp_starts[number]
    out += base[:, None]
    section_start = texts.code_points(out[:, 0]) - first
    section_end = texts.code_points(out[:, 1]) - first
    section_end = np.where(segment_ends >= 0, np.minimum(section_end, segment_ends), section_end)
    return number, section_start, section_end


def _article_bytes(texts, number: int) -> bytes:
    """Article `number`'s UTF-8 bytes (one copy)."""
    return texts.data()[texts.byte_starts[number]:texts.byte_starts[number + 1]].tobytes()


class _Lines:
    """One article's UTF-8 bytes with its line feeds found at most once: a flag's line by
    bisection and each line judged a heading at most once, where `_sections` had scanned the text
    from each flag (rfind to its line's start, `_next_heading` line by line to the next heading)
    and read the article's whole text again for every flag: one article of 10^4 flags was 10^4
    texts (attack30). Positions are byte positions in the article; the answers are those of
    `text.rfind`, `_line_end`, `_is_heading`, `_next_heading` on its text."""

    def __init__(self, raw: bytes) -> None:
        self.raw, self.size = raw, len(raw)
        self._feeds: np.ndarray | None = None  # the line feeds' positions, made on the second ask
        self._asked = 0
        self._heading: dict[int, bool] = {}
        self._next: dict[int, int] = {}
        self._end: dict[int, int] = {}

    def line_start(self, at: int) -> int:
        """text.rfind("\n", 0, at) + 1 (the first ask by rfind; later ones by bisection, so many
        flags on one long line do not each search back to its start)."""
        self._asked += 1
        if self._asked == 1:
            return self.raw.rfind(b"\n", 0, at) + 1
        if self._feeds is None:
            self._feeds = np.flatnonzero(np.frombuffer(self.raw, dtype=np.uint8) == 10)
        before = int(np.searchsorted(self._feeds, at, "left"))
        return int(self._feeds[before - 1]) + 1 if before else 0

    def line_end(self, at: int) -> int:
        """_line_end(text, at), remembered: each line is scanned once however many flags it holds."""
        if at not in self._end:
            end = self.raw.find(b"\n", at)
            self._end[at] = self.size if end < 0 else end
        return self._end[at]

    def is_heading(self, start: int, end: int) -> bool:
        if start not in self._heading:
            self._heading[start] = _is_heading_line(self.raw, start, end)
        return self._heading[start]

    def next_heading(self, at: int) -> int:
        """_next_heading(text, at): the first line starting after `at` that is a heading. The walk
        stops at a line an earlier walk passed, and every line it passes remembers the answer, so
        the lines are walked once however many flags ask (judging every line of the article up
        front cost 0.25 CPU-s at 10^5 quote rows, where most articles ask once, session 28)."""
        passed = []
        while at < self.size:
            if at in self._next:
                found = self._next[at]
                break
            passed.append(at)
            start = at + 1
            end = self.line_end(start)
            if self.is_heading(start, end):
                found = start
                break
            at = end
        else:
            found = self.size
        for line_end in passed:
            self._next[line_end] = found
        return found


def _is_heading_line(raw: bytes, start: int, end: int) -> bool:
    """`_is_heading` of the text whose UTF-8 bytes are `raw`, the line [start, end) in bytes: only
    that line (and the one before it) is decoded."""
    line = raw[start:end].decode("utf-8").strip()
    if not line or len(line) > _HEADING_CHARS or line[-1] in _STOPS or _LIST_ITEM.match(line):
        return False
    if start == 0:
        return True
    previous = raw.rfind(b"\n", 0, start - 1) + 1
    return raw[previous:start - 1].decode("utf-8").strip() == ""


def _segment_ends(tables, article: np.ndarray, start: np.ndarray) -> np.ndarray:
    """The end of the segment holding each flag's start; -1 where none does (or no segments).
    Segments of one article do not overlap (SG1; `segment-overlap` otherwise), so the holder is
    the last segment starting at or before the flag, found by one sorted search."""
    segments = tables.get("segments")
    found = np.full(len(article), -1, dtype=np.int64)
    if segments is None or not all(c in segments for c in ("article_id", "start", "end")) or len(segments) == 0:
        return found
    rows = np.flatnonzero(~_unknown(segments))
    seg_article = article_numbers(tables, "segments")[rows]
    rows, seg_article = rows[seg_article >= 0], seg_article[seg_article >= 0]
    seg_start, seg_end = (np.clip(frame_ints(segments, c)[rows], 0, BOUND - 1) for c in ("start", "end"))
    keys = seg_article.astype(np.int64) * BOUND + seg_start
    order = np.argsort(keys, kind="stable")
    at = np.searchsorted(keys[order], article.astype(np.int64) * BOUND + np.clip(start, 0, BOUND - 1), side="right") - 1
    hit = at >= 0
    holder = order[np.maximum(at, 0)]
    hit &= (seg_article[holder] == article) & (start < seg_end[holder])
    found[hit] = seg_end[holder[hit]]
    return found


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _is_heading(text: str, start: int, end: int) -> bool:
    """The line [start, end) is a heading: after a blank line (or first), no list item, short, no stop at its end."""
    line = text[start:end].strip()
    if not line or len(line) > _HEADING_CHARS or line[-1] in _STOPS or _LIST_ITEM.match(line):
        return False
    if start == 0:
        return True
    previous = text.rfind("\n", 0, start - 1) + 1
    return text[previous:start - 1].strip() == ""


def _next_heading(text: str, at: int) -> int:
    """Where the first heading line after the line ending at `at` starts (the article's end if none)."""
    while at < len(text):
        start = at + 1
        end = _line_end(text, start)
        if _is_heading(text, start, end):
            return start
        at = end
    return len(text)
