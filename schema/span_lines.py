"""A span lies inside one line of its article. Q2 pairs quotation marks paragraph by paragraph,
and a paragraph ends at a line feed (a quotation still open at a paragraph's end is continued,
never carried over it); a name (M1), a definite description, a claim (a statement of the text),
a clause of evidence (S5), a cue word (Q5), the words naming a speaker (Q16) and the minimal
phrase of a flag (AQ1-AQ5, a boilerplate block's "first line") never reach into the next line.
attack27: a NOMINAL widened to "its president.\\n\\nFrom", a spun-text flag and a stance's
evidence widened over a paragraph break onto the next line's first word, text and id re-derived,
all validated. No gold span holds a line feed; the extractor's none either, but its boilerplate
flags, which cover whole blocks ("Leave a Reply\\n\\nYour email ..."): `auto` flags are exempt.

Only texts holding a line feed are looked at further (one Arrow substring scan per column), and
only those with one between their first and last non-space character (a span widened onto the
line feed before it is span-edge-whitespace's) whose text is the article's slice (span-text-mismatch
has the others): one corruption, one finding."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, failing_rows, ids_at, texts_are_slices, values_at
from landstrikes.schema.checkcorpus import article_numbers, article_texts, column
from landstrikes.schema.report import Report
from landstrikes.schema.spantext import ArticleTexts
from landstrikes.schema.stringbytes import holds_ascii

SPANS = (
    ("mentions", ("start", "end", "text")),
    ("mention_exclusions", ("start", "end", "text")),
    ("quotes", ("start", "end", "text")),
    ("quotes", ("cue_start", "cue_end", "cue_text")),
    ("quotes", ("speaker_start", "speaker_end", "speaker_text")),
    ("claims", ("start", "end", "text")),
    ("stances", ("evidence_start", "evidence_end", "evidence_text")),
    ("quality_flags", ("start", "end", "text")),
)
EXTRACTOR_EXEMPT = {"quality_flags"}
"""Tables whose `auto` rows may cross a line (the extractor flags a boilerplate block whole)."""


def check_span_lines(tables, report: Report) -> None:
    for table, spans in SPANS:
        name = spans[2]
        exempt = table in EXTRACTOR_EXEMPT
        rows_table = (exempt and arrow_of(tables, table, spans + ("source",))) or arrow_of(tables, table, spans)
        if rows_table is None or not rows_table.num_rows:
            continue
        texts = column(rows_table, name)
        if not pa.types.is_string(texts.type) and not pa.types.is_large_string(texts.type):
            continue
        crossing = holds_ascii(texts, "\n")  # from the bytes: a substring search per string was 0.03 CPU-s at 10^5 quote rows
        if exempt and "source" in rows_table.column_names:
            crossing &= pc.fill_null(pc.not_equal(column(rows_table, "source"), "auto"), True).to_numpy(zero_copy_only=False)
        rows = failing_rows(crossing)
        if not len(rows):
            continue
        inside = ["\n" in text.strip() for text in values_at(rows_table, name, rows)]  # an edge is span-edge-whitespace's
        rows = rows[np.asarray(inside, bool)]
        rows = rows[texts_are_slices(tables, table, rows_table, rows, spans)]
        for row_id, text in zip(ids_at(rows_table, table, rows), values_at(rows_table, name, rows)):
            report.add(table, "span-crosses-line",
                       "a span lies inside one line: it never holds a line feed (Q2's paragraph; G2)", row_id, name, text)


def annotated_quotes(tables, offsets: tuple[str, ...]):
    """What the speaker and cue rules (Q6) judge: the quotes table (`arrow_of`), its `offsets`
    columns as int64 arrays (null: -1), each row's article number and that article's length (-1:
    no such article), and the rows that are annotated (not `auto`) and of a known article; None
    when there is no row to judge."""
    quotes = arrow_of(tables, "quotes", ("article_id", *offsets, "source"))
    if quotes is None or not quotes.num_rows or "articles" not in tables:
        return None
    values = [pc.fill_null(column(quotes, name).cast(pa.int64()), -1).to_numpy(zero_copy_only=False) for name in offsets]
    texts, numbers = article_texts(tables), article_numbers(tables, "quotes")
    lengths = np.where(numbers >= 0, texts.lengths[np.maximum(numbers, 0)] if len(texts.lengths) else 0, -1)
    annotated = pc.fill_null(pc.not_equal(column(quotes, "source"), "auto"), True).to_numpy(zero_copy_only=False)
    rows = np.flatnonzero(annotated & (numbers >= 0))
    return (quotes, values, numbers, lengths, rows) if len(rows) else None


def speaker_cue_gaps(speaker_start, speaker_end, cue_start, cue_end, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each of `rows`, where the text between its speaker words and its cue starts and ends
    (empty when they touch or overlap), whichever comes first."""
    words_first = speaker_start[rows] <= cue_start[rows]
    gap_start = np.where(words_first, speaker_end[rows], cue_end[rows])
    return gap_start, np.maximum(np.where(words_first, cue_start[rows], speaker_start[rows]), gap_start)


def line_feed_between(texts: ArticleTexts, article: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Whether `article[start:end]` holds a line feed, per row (offsets in range, start <= end).
    attack52: each row's slice was copied and searched, so one article of n characters and n
    quotes whose speaker words stand at its start and cue at its end cost n^2 bytes (a 280,000-
    character line with 20,000 such quotes: 42 s and 5.7 GB, twice the input four times the cost)."""
    return bytes_between(texts, article, starts, ends, b"\n")


_GAP_SHARE = 8
"""The rows' bytes are read one by one when they are at most 1/_GAP_SHARE of all the texts' bytes."""
_GAP_BLOCK = 1 << 20
"""Gap bytes gathered at once (their positions are int64: 8 MB)."""


def bytes_between(texts: ArticleTexts, article: np.ndarray, starts: np.ndarray, ends: np.ndarray,
                  *wanted: bytes) -> np.ndarray | list[np.ndarray]:
    """Whether `article[start:end]` holds one of the ASCII bytes of `wanted`, per row (offsets in
    range, start <= end); given several byte sets, one such mask per set, the rows' bytes read
    once for all. Where the rows' slices are short (speaker-cue gaps: 1.4 MB of the 31.8 MB of
    texts at 10^5 quote rows) only their bytes are read, in blocks; otherwise (long or
    overlapping slices) each set's bytes are found once in all texts and each row counts those
    between its two byte positions (linear however the slices overlap)."""
    first, last = texts.byte_positions(article, starts), texts.byte_positions(article, ends)
    data = texts.data()
    width = last - first
    if int(width.sum()) * _GAP_SHARE > len(data):
        found = []
        for byte_set in wanted:
            marks = np.flatnonzero(_holds(data, byte_set))
            found.append(np.searchsorted(marks, last, "left") > np.searchsorted(marks, first, "left"))
        return found if len(wanted) > 1 else found[0]
    found = [np.zeros(len(first), dtype=bool) for _ in wanted]
    rows = np.flatnonzero(width > 0)
    reach = np.cumsum(width[rows])  # each row's gap ends here in the gathered bytes
    begin = 0
    while begin < len(rows):
        stop = max(int(np.searchsorted(reach, (reach[begin - 1] if begin else 0) + _GAP_BLOCK, "right")), begin + 1)
        here, w = rows[begin:stop], width[rows[begin:stop]]
        ends_here = np.cumsum(w)
        at = np.arange(int(ends_here[-1]), dtype=np.int64)
        at += np.repeat(first[here] - (ends_here - w), w)  # gathered byte k of a row -> its byte in the texts
        gathered = data[at]
        for byte_set, mask in zip(wanted, found):
            mask[here[np.searchsorted(ends_here, np.flatnonzero(_holds(gathered, byte_set)), "right")]] = True
        begin = stop
    return found if len(wanted) > 1 else found[0]


def _holds(data: np.ndarray, wanted: bytes) -> np.ndarray:
    """Per byte, whether it is one of `wanted` (a comparison per wanted byte, no table gather)."""
    out = data == wanted[0]
    for byte in wanted[1:]:
        out |= data == byte
    return out


def check_speaker_cue_lines(tables, report: Report) -> None:
    """Q6: the speaker mention (and an unnamed source's words, Q16) is the subject of the cue, so
    no line feed stands between speaker words and cue. attack27: a quote given the mention of
    its speaker three paragraphs away, mention id, words and offsets all that mention's,
    validated [speaker-off-cue-line]. Every gold row holds it; the extractor's rows are exempt (on
    adversarial text with stray marks and line feeds it pairs a cue with a name lines away)."""
    judged = annotated_quotes(tables, ("speaker_start", "speaker_end", "cue_start", "cue_end"))
    if judged is None:
        return
    quotes, (speaker_start, speaker_end, cue_start, cue_end), numbers, lengths, rows = judged
    rows = rows[(0 <= speaker_start[rows]) & (speaker_start[rows] <= speaker_end[rows]) & (speaker_end[rows] <= lengths[rows])
                & (0 <= cue_start[rows]) & (cue_start[rows] <= cue_end[rows]) & (cue_end[rows] <= lengths[rows])]
    # the words between the two spans (none when they touch or overlap): a line feed inside either
    # span is span-crosses-line's or span-edge-whitespace's, one corruption, one finding
    gap_start, gap_end = speaker_cue_gaps(speaker_start, speaker_end, cue_start, cue_end, rows)
    rows = rows[line_feed_between(article_texts(tables), numbers[rows], gap_start, gap_end)]
    for row_id, words in zip(ids_at(quotes, "quotes", rows), values_at(quotes, "speaker_start", rows)):
        report.add("quotes", "speaker-off-cue-line", "the speaker words are the cue's subject, in the cue's line; a line feed "
                   "stands between them (Q6, Q16)", row_id, "speaker_start", words)
