"""Q6: a quote's speaker words are "the subject of the cue" (and an unnamed source's words, Q16),
so they stand in the cue's sentence and are no part of what someone else is reported to say.
attack52: a quote's speaker, mention, speaker ids, words and offsets, and the claimant of every
claim inside it, all moved to another entity's mention on the cue's line validated in 86 of 136
cases: a mention a sentence before the cue ("... the US will start ... . Former U.S. President
Donald Trump, speaking ..., declared that": speaker `US`), or one inside another quote's words
("Trump argued that Mexican cartels wield enormous power, contending, “The cartels are running
Mexico,”": speaker `Mexican`, inside the indirect speech of "argued"). Two rules, the gold's 90
speaker rows and every release's holding both:

- `speaker-off-cue-sentence`: no sentence ends between the speaker words and the cue. A sentence
  ends at a `.`, `!` or `?` (closing marks after it kept), blanks, then no lower-case letter, as
  `implicit_speakers` cuts it; a `.` after a single letter (`U.S.`, `J.`) or after a short form
  of `_SHORT_FORMS` (`Gov.`, `Calif.`) ends none, nor one after another stop (`...`), nor a stop
  inside quoted words lying between the two (`Trump, who called it “a mess. A disaster,” said`).
  A line feed between them is `speaker-off-cue-line`'s (one corruption, one finding).
- `speaker-inside-other-quote`: the speaker words lie inside a direct, partial or indirect
  quote's words only when that quote holds the quote itself (Q4: a nested quote's speaker, the
  first-person "I" inside its parent). A scare quote or an orphan may hold a name (a group
  called by a quoted name); a `multiple` row is not one speaker's words.

Annotated rows only, as `speaker-off-cue-line`: the extractor pairs cues with names it cannot
parse, and its rows are exempt. Rows meet within one article (partition-safe)."""

from __future__ import annotations

import heapq
import re

import numpy as np

from landstrikes.schema.census_arrow import ids_at, values_at
from landstrikes.schema.checkcorpus import article_text, article_texts
from landstrikes.schema.claim_speakers import speech_quotes_holding
from landstrikes.schema.report import Report
from landstrikes.schema.span_lines import annotated_quotes, bytes_between, speaker_cue_gaps

_CLOSERS = "\"'”’»)]"
_CUT = re.compile(f"[.!?][{re.escape(_CLOSERS)}]*" + r"\s+(?![a-z\s])")
"""A sentence end as `implicit_speakers._CUT` reads one, less its line feed (another check's)."""
_SHORT_FORMS = frozenset("""
mr mrs ms mme dr prof rev fr msgr hon sen rep gov lt col gen maj capt cmdr adm brig sgt cpl pvt pfc spc supt insp det
ofc pres atty amb sec secy treas dep asst assoc ald
st jr sr no nos vol inc corp co ltd bros dept univ assn est approx vs etc al fig
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev
okla ore pa tenn tex va vt wash wis wyo ave blvd rd mt ft
""".split())
"""Short forms written with a full stop before a capitalised word ("Gov. Newsom", "Lansing, Mich.
Officials"): no sentence ends there. Case-folded."""
_OFFSETS = ("start", "end", "speaker_start", "speaker_end", "cue_start", "cue_end")


def check_cue_subjects(tables, report: Report) -> None:
    judged = annotated_quotes(tables, _OFFSETS)
    if judged is None:
        return
    quotes, (start, end, speaker_start, speaker_end, cue_start, cue_end), numbers, lengths, rows = judged
    rows = rows[(0 <= start[rows]) & (start[rows] <= end[rows]) & (end[rows] <= lengths[rows])
                & (0 <= speaker_start[rows]) & (speaker_start[rows] <= speaker_end[rows]) & (speaker_end[rows] <= lengths[rows])]
    if not len(rows):
        return
    _inside_other_quotes(tables, quotes, rows, start, end, report)
    cued = rows[(0 <= cue_start[rows]) & (cue_start[rows] <= cue_end[rows]) & (cue_end[rows] <= lengths[rows])]
    _off_cue_sentence(tables, quotes, cued, numbers, start, end, speaker_start, speaker_end, cue_start, cue_end, report)


def _inside_other_quotes(tables, quotes, rows, start, end, report: Report) -> None:
    frame = tables["quotes"]
    if not all(c in frame for c in ("quote_id", "article_id", "start", "end", "kind", "speaker_status",
                                     "speaker_start", "speaker_end")):
        return
    holder = speech_quotes_holding(frame, rows, frame, ("speaker_start", "speaker_end"))
    # the holder's span must hold the quote's own (Q4's parent); a quote holding its own speaker
    # words is speaker-words-inconsistent's (Q16)
    found = (holder >= 0) & (holder != rows)
    h = np.maximum(holder, 0)
    found &= ~((start[h] <= start[rows]) & (end[rows] <= end[h]))
    bad, holders = rows[found], holder[found]
    for row_id, words, other in zip(ids_at(quotes, "quotes", bad), values_at(quotes, "speaker_start", bad),
                                    ids_at(quotes, "quotes", holders)):
        report.add("quotes", "speaker-inside-other-quote", f"the speaker words lie inside the words of quote {other!r}, "
                   "which does not hold this quote: the cue's subject is no part of what another is reported to say "
                   "(Q6; Q4 nests a quote whose speaker is inside its parent)", row_id, "speaker_start", words)


def _off_cue_sentence(tables, quotes, rows, numbers, start, end, speaker_start, speaker_end, cue_start, cue_end,
                      report: Report) -> None:
    """Only a gap holding a `.`, `!` or `?` can hold a sentence end: those marks' bytes are found
    once in all texts, and only the articles holding such a gap are read, each once (`_stops`), with
    its quotes found by one sort. Reading every article's sentence ends, and masking every quote row
    per article, cost 2.3 user CPU-s at 10^5 quote rows (validate_stages, session 38: as much as all
    other cross checks together)."""
    if not len(rows):
        return
    gap_start, gap_end = speaker_cue_gaps(speaker_start, speaker_end, cue_start, cue_end, rows)
    texts = article_texts(tables)
    # a line feed is speaker-off-cue-line's; the gaps' bytes are read once for both
    line_feed, stop_mark = bytes_between(texts, numbers[rows], gap_start, gap_end, b"\n", b".!?")
    asked = np.flatnonzero(~line_feed & stop_mark)
    if not len(asked):
        return
    spanned = np.flatnonzero((numbers >= 0) & (0 <= start) & (start < end))
    by_article = spanned[np.argsort(numbers[spanned], kind="stable")]
    keys = numbers[by_article]
    asked = asked[np.argsort(numbers[rows[asked]], kind="stable")]
    bad = []
    for mine in np.split(asked, np.flatnonzero(np.diff(numbers[rows[asked]])) + 1):
        number = int(numbers[rows[mine[0]]])
        text = article_text(tables, number)
        if text is None:
            continue
        theirs = by_article[np.searchsorted(keys, number, "left"):np.searchsorted(keys, number, "right")]
        stops = _stops(text, start[theirs], end[theirs])
        bad.extend(rows[mine[_ends_in_gaps(*stops, gap_start[mine], gap_end[mine])]].tolist())
    bad = np.sort(np.asarray(bad, dtype=np.int64))
    for row_id, words in zip(ids_at(quotes, "quotes", bad), values_at(quotes, "speaker_start", bad)):
        report.add("quotes", "speaker-off-cue-sentence", "the speaker words are the cue's subject, in the cue's sentence; "
                   "a sentence ends between them (Q6, Q16)", row_id, "speaker_start", words)


def _ends_in_gaps(stops: np.ndarray, latest_start: np.ndarray, earliest_end: np.ndarray, gap_start: np.ndarray,
                  gap_end: np.ndarray) -> np.ndarray:
    """Per gap, whether a sentence end stands in it outside the words of every quote that does not
    hold the whole gap (a stop inside quoted words ends the sentence only when those words hold
    speaker and cue both, Q4): the stops outside every quote counted once, the rest asked of each gap."""
    lo, hi = np.searchsorted(stops, gap_start, "left"), np.searchsorted(stops, gap_end, "left")
    free = np.concatenate([[0], np.cumsum(latest_start < 0)])  # stops outside every quote, counted
    ends = free[hi] > free[lo]
    for at in np.flatnonzero(~ends & (lo < hi)).tolist():
        ends[at] = ((latest_start[lo[at]:hi[at]] <= gap_start[at]) & (earliest_end[lo[at]:hi[at]] >= gap_end[at])).any()
    return ends


def _gap_ends_a_sentence(text: str, gap_start: int, gap_end: int, quote_starts: np.ndarray,
                         quote_ends: np.ndarray) -> bool:
    """`_ends_in_gaps` of one gap of `text`."""
    return bool(_ends_in_gaps(*_stops(text, quote_starts, quote_ends), np.array([gap_start]), np.array([gap_end]))[0])


def _stops(text: str, quote_starts: np.ndarray, quote_ends: np.ndarray):
    """The article's sentence-ending stops (positions, ascending), and for each the latest start
    and the earliest end of the quotes holding it (-1 and the text's length past any: none)."""
    stops = [cut.start() for cut in _CUT.finditer(text) if not _short_form_before(text, cut.start())]
    latest_start = np.full(len(stops), -1, np.int64)
    earliest_end = np.full(len(stops), len(text) + 1, np.int64)
    order = np.argsort(quote_starts, kind="stable")
    by_start, ends_of = quote_starts[order].tolist(), quote_ends[order].tolist()
    open_starts, open_ends, taken = [], [], 0  # heaps: the quotes begun so far, by start (negated) and by end
    for i, stop in enumerate(stops):
        while taken < len(by_start) and by_start[taken] <= stop:
            heapq.heappush(open_starts, (-by_start[taken], ends_of[taken]))
            heapq.heappush(open_ends, ends_of[taken])
            taken += 1
        while open_starts and open_starts[0][1] <= stop:
            heapq.heappop(open_starts)
        while open_ends and open_ends[0] <= stop:
            heapq.heappop(open_ends)
        if open_ends:
            earliest_end[i] = open_ends[0]
        if open_starts:
            latest_start[i] = -open_starts[0][0]
    return np.asarray(stops, np.int64), latest_start, earliest_end


def _ends_a_sentence(gap: str, offset: int, spans: tuple[list[int], list[int]]) -> bool:
    """Whether a sentence ends in `gap` (the text at `offset` of its article) outside the words of
    every quote (`spans`: starts and ends) that does not hold the whole gap: the rule
    `_off_cue_sentence` applies, on one gap."""
    return _gap_ends_a_sentence(gap, 0, len(gap), np.asarray(spans[0], np.int64) - offset,
                                np.asarray(spans[1], np.int64) - offset)


def _short_form_before(text: str, stop: int) -> bool:
    """A `.` that closes an initial, a short form or an ellipsis ends no sentence."""
    if text[stop] != ".":
        return False
    word = stop
    while word > 0 and text[word - 1].isalpha():
        word -= 1
    if word == stop:
        return word > 0 and text[word - 1] in ".…"
    return stop - word == 1 or text[word:stop].casefold() in _SHORT_FORMS
