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

import bisect
import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, ids_at, values_at
from landstrikes.schema.checkcorpus import article_numbers, article_texts, column
from landstrikes.schema.claim_speakers import speech_quotes_holding
from landstrikes.schema.report import Report

_CLOSERS = "\"'”’»)]"
_CUT = re.compile(f"[.!?][{re.escape(_CLOSERS)}]*" + r"\s+(?![a-z])")
"""A sentence end as `implicit_speakers._CUT` reads one, less its line feed (another check's)."""
_CUT_ARROW = f"[.!?][{re.escape(_CLOSERS)}]*" + r"\s+[^a-z]"
"""The same, as an Arrow regex (RE2 has no look-ahead): picks the rows worth a closer look."""
_SHORT_FORMS = frozenset("""
mr mrs ms dr prof rev hon sen rep gov lt col gen maj capt cmdr adm sgt cpl pvt supt insp det pres
st jr sr no nos vol inc corp co ltd bros dept univ assn est approx vs etc al fig
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev
okla ore pa tenn tex va vt wash wis wyo ave blvd rd mt ft
""".split())
"""Short forms written with a full stop before a capitalised word ("Gov. Newsom", "Lansing, Mich.
Officials"): no sentence ends there. Case-folded."""
_COLUMNS = ("quote_id", "article_id", "start", "end", "speaker_start", "speaker_end", "cue_start", "cue_end", "source")


def check_cue_subjects(tables, report: Report) -> None:
    quotes = arrow_of(tables, "quotes", _COLUMNS)
    if quotes is None or not quotes.num_rows or "articles" not in tables:
        return
    start, end, speaker_start, speaker_end, cue_start, cue_end = (
        pc.fill_null(column(quotes, name).cast(pa.int64()), -1).to_numpy(zero_copy_only=False) for name in _COLUMNS[2:8])
    texts, numbers = article_texts(tables), article_numbers(tables, "quotes")
    lengths = np.where(numbers >= 0, texts.lengths[np.maximum(numbers, 0)] if len(texts.lengths) else 0, -1)
    placed = ((numbers >= 0) & (0 <= start) & (start <= end) & (end <= lengths)
              & (0 <= speaker_start) & (speaker_start <= speaker_end) & (speaker_end <= lengths))
    annotated = pc.fill_null(pc.not_equal(column(quotes, "source"), "auto"), True).to_numpy(zero_copy_only=False)
    judged = np.flatnonzero(placed & annotated)
    if not len(judged):
        return
    _inside_other_quotes(tables, quotes, judged, start, end, speaker_start, speaker_end, report)
    cued = judged[(0 <= cue_start[judged]) & (cue_start[judged] <= cue_end[judged]) & (cue_end[judged] <= lengths[judged])]
    _off_cue_sentence(quotes, cued, texts, numbers, start, end, speaker_start, speaker_end, cue_start, cue_end, report)


def _inside_other_quotes(tables, quotes, rows, start, end, speaker_start, speaker_end, report: Report) -> None:
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


def _off_cue_sentence(quotes, rows, texts, numbers, start, end, speaker_start, speaker_end, cue_start, cue_end,
                      report: Report) -> None:
    if not len(rows):
        return
    words_first = speaker_start[rows] <= cue_start[rows]
    gap_start = np.where(words_first, speaker_end[rows], cue_end[rows])
    gap_end = np.maximum(np.where(words_first, cue_start[rows], speaker_start[rows]), gap_start)
    gaps = texts.slices(numbers[rows], gap_start, gap_end).cast(pa.large_string())
    suspect = pc.fill_null(pc.and_(pc.match_substring_regex(gaps, _CUT_ARROW),
                                   pc.invert(pc.match_substring(gaps, "\n"))), False).to_numpy(zero_copy_only=False)
    if not suspect.any():
        return
    spans = _quote_spans(numbers, start, end)
    bad = []
    for at in np.flatnonzero(suspect).tolist():
        gap = gaps[at].as_py()
        if _ends_a_sentence(gap, int(gap_start[at]), spans.get(int(numbers[rows[at]]), ([], []))):
            bad.append(rows[at])
    bad = np.asarray(bad, dtype=np.int64)
    for row_id, words in zip(ids_at(quotes, "quotes", bad), values_at(quotes, "speaker_start", bad)):
        report.add("quotes", "speaker-off-cue-sentence", "the speaker words are the cue's subject, in the cue's sentence; "
                   "a sentence ends between them (Q6, Q16)", row_id, "speaker_start", words)


def _quote_spans(numbers, start, end) -> dict[int, tuple[list[int], list[int]]]:
    """Each article's quote spans, sorted by start: (starts, ends)."""
    placed = np.flatnonzero((numbers >= 0) & (0 <= start) & (start < end))
    order = placed[np.lexsort((end[placed], start[placed], numbers[placed]))]
    spans: dict[int, tuple[list[int], list[int]]] = {}
    for number, s, e in zip(numbers[order].tolist(), start[order].tolist(), end[order].tolist()):
        starts, ends = spans.setdefault(number, ([], []))
        starts.append(s)
        ends.append(e)
    return spans


def _ends_a_sentence(gap: str, offset: int, spans: tuple[list[int], list[int]]) -> bool:
    """Whether a sentence ends in `gap` (the text at `offset` of its article) outside every quote
    lying wholly inside it. One sweep over those quotes and the stops, in order."""
    starts, ends = spans
    lo, hi = bisect.bisect_left(starts, offset), bisect.bisect_left(starts, offset + len(gap))
    inner = [(starts[i] - offset, ends[i] - offset) for i in range(lo, hi) if ends[i] <= offset + len(gap)]
    at, reach = 0, -1
    for cut in _CUT.finditer(gap):
        stop = cut.start()
        while at < len(inner) and inner[at][0] <= stop:
            reach = max(reach, inner[at][1])
            at += 1
        if stop < reach or _short_form_before(gap, stop):
            continue
        return True
    return False


def _short_form_before(gap: str, stop: int) -> bool:
    """A `.` that closes an initial, a short form or an ellipsis ends no sentence."""
    if gap[stop] != ".":
        return False
    word = stop
    while word > 0 and gap[word - 1].isalpha():
        word -= 1
    if word == stop:
        return word > 0 and gap[word - 1] in ".…"
    return stop - word == 1 or gap[word:stop].casefold() in _SHORT_FORMS
