"""Q9: an `implicit` quote's speaker "is clear from context but no mention in the sentence". A
quote whose sentence mentions its speaker outside the quoted words ("..., Trump said") is
attributed to that mention (Q6), never implicit.

attack28: a000's "Trump further alleged that ..." and four other attributed quotes of the gold,
each turned `implicit` (speaker kept; mention and speaker words null, as Q9 and Q16 want of an
implicit row), validated: every rule on implicit rows held, and none asked whether the sentence
named the speaker [implicit-speaker-mentioned]. The gold's one implicit row (a002's bullet
"Follow-up tweet (June 16 2024) - “America will not tolerate ...”") holds the rule; the
extractor's implicit rows do not always (1 of 49 on the BBC dev news: `"...," JP Morgan chief
...`, the company named after the closing mark), so they are exempt, as its speakers are elsewhere.

The sentence is cut generously, at a line feed or at a `.`, `!` or `?` (closing marks after it
kept) followed by a blank, and looked for within _REACH characters of the quote: a cut too many
(an abbreviation, "U.S. President") can only miss a mention, never invent one. A mention inside
the quoted words is the quote's content, not its attribution. Rows meet within one article
(partition-safe)."""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa

from landstrikes.schema.checkcorpus import arrow_column, article_numbers, article_texts, frame_ints, frame_nulls, frame_strings, \
    is_in, shared_codes
from landstrikes.schema.report import Report

_STOPS = ".!?"
_CLOSERS = "\"'”’»)]"
_CUT = re.compile(f"[{re.escape(_STOPS)}][{re.escape(_CLOSERS)}]*" + r"\s+(?![a-z])|\n")
"""A sentence ends at a stop, any closing marks and a space before no lower-case letter, or at a line break."""
_REACH = 2000
"""Characters looked at on each side of the quote for its sentence's ends (a longer sentence is
cut there: a missed mention at worst)."""


def check_implicit_speakers(tables, report: Report) -> None:
    quotes, mentions, articles = (tables.get(n) for n in ("quotes", "mentions", "articles"))
    if quotes is None or mentions is None or articles is None or len(quotes) == 0 or len(mentions) == 0:
        return
    if not all(c in quotes for c in ("quote_id", "article_id", "start", "end", "speaker_status", "speaker_id")) or \
            not all(c in mentions for c in ("article_id", "entity_id", "start")) or "text" not in articles:
        return
    implicit = is_in(quotes, "speaker_status", ("implicit",)) & ~(
        frame_nulls(quotes, "speaker_id") | frame_nulls(quotes, "start") | frame_nulls(quotes, "end"))
    if "source" in quotes:
        implicit &= ~is_in(quotes, "source", ("auto",))
    rows = np.flatnonzero(implicit)
    if not len(rows):
        return
    quote_article = article_numbers(tables, "quotes")[rows]
    rows, quote_article = rows[quote_article >= 0], quote_article[quote_article >= 0]
    if not len(rows):
        return
    mention_article = article_numbers(tables, "mentions")
    speaker, entity = shared_codes(frame_strings(quotes, "speaker_id").take(rows), frame_strings(mentions, "entity_id"))
    known = (mention_article >= 0) & (entity >= 0) & ~frame_nulls(mentions, "start")
    # one int64 key per mention: its (article, entity) pair, then its start; the pairs ranked
    # densely first only where the pair numbers times 2^32 would not fit
    width = int(max(entity.max(initial=0), speaker.max(initial=0))) + 1
    span = 1 << 32
    pair = mention_article[known].astype(np.int64) * width + entity[known]
    wanted = quote_article.astype(np.int64) * width + speaker
    if (len(articles) + 1) * width < (1 << 62) // span:
        keys = np.sort(pair * span + np.clip(frame_ints(mentions, "start")[known], 0, span - 1))
        slot = wanted  # a quote's (article, speaker) keys start at slot * span
        has_mentions = np.searchsorted(keys, (wanted + 1) * span) > np.searchsorted(keys, wanted * span)
    else:
        pairs, rank = np.unique(pair, return_inverse=True)
        keys = np.sort(rank.astype(np.int64) * span + np.clip(frame_ints(mentions, "start")[known], 0, span - 1))
        slot = np.minimum(np.searchsorted(pairs, wanted), max(len(pairs) - 1, 0))
        has_mentions = (pairs[slot] == wanted) if len(pairs) else np.zeros(len(rows), dtype=bool)
    starts, ends = frame_ints(quotes, "start")[rows], frame_ints(quotes, "end")[rows]
    ids = arrow_column(tables, "quotes", "quote_id", pa.string())
    speakers = arrow_column(tables, "quotes", "speaker_id", pa.string())
    # each quote's sentence is looked for within _REACH characters of it, so only that window of
    # its article is decoded (the 971 articles decoded whole were a third of the check at 10^5
    # quote rows): `_sentence` reads nothing before `start - _REACH` (a cut holds no look-behind)
    # nor past `end + _REACH` (its search ends there), so the window answers as the whole text
    texts = article_texts(tables)
    asked = np.flatnonzero(has_mentions)
    article = quote_article[asked].astype(np.int64)
    length = texts.lengths[article]
    readable = ~frame_nulls(articles, "text")[article]  # a null text is Pandera's finding
    inside = readable & (0 <= starts[asked]) & (starts[asked] <= ends[asked]) & (ends[asked] <= length)
    judged = asked[inside]  # span-out-of-range names the others
    if not len(judged):
        return
    article, start, end = article[inside], starts[judged], ends[judged]
    low, high = np.maximum(start - _REACH, 0), np.minimum(end + _REACH, length[inside])
    bounds = [_sentence(window, s - lo, e - lo)
              for window, lo, s, e in zip(texts.slices(article, low, high).to_pylist(), low.tolist(), start.tolist(), end.tolist())]
    begin, finish = np.array(bounds, dtype=np.int64).reshape(-1, 2).T + low
    base = slot[judged].astype(np.int64) * span
    # mentions of the speaker in [begin, start) or in [end, finish), all rows at once
    mentioned = (np.searchsorted(keys, base + start) > np.searchsorted(keys, base + begin)) | \
        (np.searchsorted(keys, base + finish) > np.searchsorted(keys, base + end))
    for n in judged[mentioned].tolist():
        row = int(rows[n])
        report.add("quotes", "implicit-speaker-mentioned",
                   f"an implicit quote's speaker has no mention in its sentence (Q9), but {speakers[row].as_py()!r} is "
                   f"mentioned there: the row is attributed to that mention (Q6)", ids[row].as_py(), "speaker_status", "implicit")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The quote's sentence as [begin, finish): from the last cut before the quote (at most _REACH
    back) to the first cut after it (at most _REACH on); a stop the quote ends with ("... the
    Organization.” He said") cuts too, unless a lowercase word goes on ("“Really?” he asked")."""
    begin = last_cut_end(text, max(0, start - _REACH), start)
    cut = _CUT.search(text, max(start, end - 1), min(len(text), end + _REACH))
    return begin, (cut.start() + 1 if cut else min(len(text), end + _REACH))


_STEP = 160
"""Characters scanned at a time, from the quote back (a sentence is rarely longer)."""
_HELD_BY_CUTS = frozenset(_STOPS + _CLOSERS)
"""The characters a cut holds besides spaces (`_CUT`'s own, not a copy)."""


def last_cut_end(text: str, low: int, start: int, step: int = _STEP) -> int:
    """The end of the last cut `_CUT.finditer(text, low, start)` meets, else `low`, scanning back
    from `start` a step at a time (the quote's own sentence, not the _REACH before it: 0.067 of
    0.13 CPU-s at 10^5 quote rows). A step begins right after a character no cut can hold (not a
    stop, closing mark or space): no cut spans it, so a scan begun there meets the cuts a scan from
    `low` meets after it, and a scan ended there reads nothing beyond it."""
    high = start
    while high > low:
        begin = max(low, high - step)
        while begin > low and (text[begin - 1] in _HELD_BY_CUTS or text[begin - 1].isspace()):
            begin -= 1
        last = None
        for last in _CUT.finditer(text, begin, high):
            pass
        if last is not None:
            return last.end()
        high = begin
    return low
