"""Issue 19, twenty-first helper round (valspeed21): whether a line feed or a stop mark stands
between a quote's speaker words and its cue is read from those gaps' bytes alone when the gaps are
short, not from a search of every text's bytes (`span_lines.bytes_between`), with the same answer
as the plain definition `any(c in text[start:end])` whichever way is taken."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from landstrikes.schema import span_lines
from landstrikes.schema.span_lines import bytes_between
from landstrikes.schema.spantext import ArticleTexts

CHARACTERS = st.sampled_from(["a", "B", " ", "\n", ".", "!", "?", ",", "é", "…", "\u2028", "😀", "\u00a0", "“"])
WANTED = (b"\n", b".!?")


@st.composite
def texts_and_rows(draw):
    texts = draw(st.lists(st.text(CHARACTERS, max_size=40), min_size=1, max_size=6))
    rows = []
    for _ in range(draw(st.integers(0, 30))):
        number = draw(st.integers(0, len(texts) - 1))
        start = draw(st.integers(0, len(texts[number])))
        rows.append((number, start, draw(st.integers(start, len(texts[number])))))
    return texts, rows


def _plain(texts, rows, wanted: bytes) -> list[bool]:
    return [any(chr(b) in texts[n][s:e] for b in wanted) for n, s, e in rows]


def _asked(texts, rows):
    columns = np.array(rows, dtype=np.int64).reshape(-1, 3).T
    return bytes_between(ArticleTexts(pa.array(texts)), columns[0], columns[1], columns[2], *WANTED)


@settings(max_examples=400, deadline=None)
@given(texts_and_rows(), st.sampled_from([(8, 1 << 20), (8, 3), (10**9, 1), (0, 1 << 20)]))
def test_a_byte_between_is_found_exactly_as_in_the_slice_either_way(case, way):
    """Short gaps (read byte by byte, in blocks of any size, a row never split between blocks) and
    long ones (the bytes found in all texts, counted between each row's positions): the same."""
    texts, rows = case
    share, block = way
    saved = span_lines._GAP_SHARE, span_lines._GAP_BLOCK
    span_lines._GAP_SHARE, span_lines._GAP_BLOCK = share, block
    try:
        line_feed, stop_mark = _asked(texts, rows)
    finally:
        span_lines._GAP_SHARE, span_lines._GAP_BLOCK = saved
    assert line_feed.tolist() == _plain(texts, rows, b"\n")
    assert stop_mark.tolist() == _plain(texts, rows, b".!?")


def test_short_gaps_are_read_without_reading_every_text(monkeypatch):
    """The gaps' bytes only: 100 texts of 10,000 characters, a 5-character gap in each."""
    texts = [("Word one two. " * 715)[:9_990] + "Ann\n said." for _ in range(100)]
    rows = [(n, 9_990, 9_995) for n in range(100)]
    compared = []
    holds = span_lines._holds
    monkeypatch.setattr(span_lines, "_holds", lambda data, wanted: compared.append(len(data)) or holds(data, wanted))
    line_feed, stop_mark = _asked(texts, rows)
    assert line_feed.all() and not stop_mark.any()
    assert sum(compared) <= 2 * 5 * 100, compared


LINE_PIECES = st.sampled_from(["Case Study", "é…", "  • Point", "- item", "1. one", "2) two", "Tips", "Done.", "a, b",
                               "😀 emoji", "\u00a0", " ", "", "x" * 160, "Ünïcödé heading"])


@st.composite
def flagged_articles(draw):
    """Articles of lines (headings, bullets, blank lines, long lines, non-ASCII), flags anywhere
    in them (and past their ends), and segments that may cut a section short."""
    texts = ["\n".join(draw(st.lists(LINE_PIECES, min_size=1, max_size=12))) for _ in range(draw(st.integers(1, 3)))]
    flags, segments = [], []
    for n, text in enumerate(texts):
        for k in range(draw(st.integers(0, 4))):
            start = draw(st.integers(-2, len(text) + 2))
            flags.append({"flag_id": f"a{n}:f:{k}", "article_id": f"a{n}", "flag": "hypothetical_content",
                          "start": start, "end": start + 1, "source": "gold"})
        if draw(st.booleans()):
            cut = draw(st.integers(0, len(text)))
            segments += [{"article_id": f"a{n}", "start": 0, "end": cut}, {"article_id": f"a{n}", "start": cut, "end": len(text)}]
    return texts, flags, segments


def _plain_sections(texts, flags, segment_ends):
    """Each flag's section on the Python strings (the definition: hypothetical_claims before valspeed21)."""
    from landstrikes.schema import hypothetical_claims as hypothetical
    out = []
    for flag, segment_end in zip(flags, segment_ends):
        text = texts[int(flag["article_id"][1:])]
        start = min(max(flag["start"], 0), len(text))
        line_start = text.rfind("\n", 0, start) + 1
        line_end = hypothetical._line_end(text, line_start)
        end = hypothetical._next_heading(text, line_end) if hypothetical._is_heading(text, line_start, line_end) else line_end
        out.append((line_start, min(end, segment_end) if segment_end >= 0 else end))
    return out


@settings(max_examples=300, deadline=None)
@given(flagged_articles())
def test_each_flag_covers_the_section_the_text_gives_it(case):
    """The sections found on the articles' bytes are those found on their Python strings."""
    from landstrikes.schema import hypothetical_claims as hypothetical
    from landstrikes.schema.checkcorpus import Corpus, article_numbers
    texts, flags, segments = case
    tables = {"articles": pa.table({"article_id": [f"a{n}" for n in range(len(texts))], "text": texts})}
    if flags:
        tables["quality_flags"] = pa.Table.from_pylist(flags)
    if segments:
        tables["segments"] = pa.Table.from_pylist(segments)
    corpus = Corpus.from_arrow(tables)
    if not flags:
        return
    rows = np.arange(len(flags))
    numbers = article_numbers(corpus, "quality_flags")
    segment_ends = hypothetical._segment_ends(corpus, numbers, np.array([f["start"] for f in flags]))
    article, start, end = hypothetical._sections(corpus, corpus["articles"], rows, numbers)
    assert article.tolist() == [int(f["article_id"][1:]) for f in flags]
    assert list(zip(start.tolist(), end.tolist())) == _plain_sections(texts, flags, segment_ends.tolist())


SENTENCE_PIECES = st.sampled_from(["Ann", "said", "Bob", ". ", "! ", "? ", ".” ", ".) ", "\n", " ", "  ", "a", "é", "…", "😀",
                                   "U.S. ", "“", "”", "\u00a0", "told"])


@st.composite
def implicit_quotes(draw):
    """Articles of words, stops, closing marks and line feeds; mentions of two entities; implicit
    quotes (some out of range, some of an article whose text is null) naming either entity."""
    texts = ["".join(draw(st.lists(SENTENCE_PIECES, max_size=40))) for _ in range(draw(st.integers(1, 3)))]
    if draw(st.booleans()):
        texts.append(None)
    spans = lambda n: st.tuples(st.integers(-1, max(len(texts[n] or ""), 1) + 1), st.integers(0, 12))
    quotes, mentions = [], []
    for k in range(draw(st.integers(1, 10))):
        n = draw(st.integers(0, len(texts) - 1))
        start, width = draw(spans(n))
        quotes.append({"quote_id": f"q{k}", "article_id": f"a{n}", "start": start, "end": start + width,
                       "speaker_status": "implicit", "speaker_id": draw(st.sampled_from(["e0", "e1"])), "source": "gold"})
    for k in range(draw(st.integers(1, 12))):
        n = draw(st.integers(0, len(texts) - 1))
        mentions.append({"mention_id": f"m{k}", "article_id": f"a{n}", "entity_id": draw(st.sampled_from(["e0", "e1", "e2"])),
                         "start": draw(st.integers(0, max(len(texts[n] or ""), 1)))})
    return texts, quotes, mentions


def _plain_mentioned(texts, quotes, mentions) -> list[str]:
    """The implicit rows whose sentence mentions their speaker, each article's whole text read
    (the definition: implicit_speakers before valspeed21)."""
    from landstrikes.schema.implicit_speakers import _sentence
    found = []
    for quote in quotes:
        text = texts[int(quote["article_id"][1:])]
        start, end = quote["start"], quote["end"]
        if text is None or not 0 <= start <= end <= len(text):
            continue
        begin, finish = _sentence(text, start, end)
        if any(m["article_id"] == quote["article_id"] and m["entity_id"] == quote["speaker_id"]
               and (begin <= m["start"] < start or end <= m["start"] < finish) for m in mentions):
            found.append(quote["quote_id"])
    return found


@settings(max_examples=300, deadline=None)
@given(implicit_quotes(), st.sampled_from([2000, 12, 3, 0]))
def test_an_implicit_speaker_is_found_in_its_sentence_as_in_the_whole_text(case, reach):
    """Each quote's sentence read from a window of _REACH characters on each side of it (short
    reaches too, so windows start and end inside the texts) answers as the whole text does."""
    from landstrikes.schema import implicit_speakers
    from landstrikes.schema.checkcorpus import Corpus
    from landstrikes.schema.report import Report
    texts, quotes, mentions = case
    corpus = Corpus.from_arrow({"articles": pa.table({"article_id": [f"a{n}" for n in range(len(texts))],
                                                      "text": pa.array(texts, pa.string())}),
                                "quotes": pa.Table.from_pylist(quotes), "mentions": pa.Table.from_pylist(mentions)})
    saved = implicit_speakers._REACH
    implicit_speakers._REACH = reach
    try:
        report = Report("generated")
        implicit_speakers.check_implicit_speakers(corpus, report)
        assert [f.row_id for f in report.findings] == _plain_mentioned(texts, quotes, mentions)
    finally:
        implicit_speakers._REACH = saved


MARK_BYTES = st.sampled_from([b'"', b"'", "“".encode(), "”".encode(), "‘".encode(), "’".encode(), b"\n", b"a", b" ",
                              "é".encode(), "…".encode(), "〜".encode(), "😀".encode(), b"\xe2\x80", b"\xe3\x80\x9c"])


@settings(max_examples=400, deadline=None)
@given(st.lists(MARK_BYTES, max_size=60), st.sampled_from([1 << 20, 7, 3, 1]))
def test_curly_marks_found_among_the_multibyte_characters_are_those_of_every_byte(pieces, window):
    """The marks' E2 leads looked for among the positions of the bytes >= 0xC0 (the text index's
    multi-byte characters) are those a pass over every byte finds, in windows of any size."""
    from landstrikes.schema import markscan
    data = np.frombuffer(b"".join(pieces), dtype=np.uint8)
    saved = markscan._WINDOW
    markscan._WINDOW = window
    try:
        by_index = markscan._find_marks(data, np.flatnonzero(data >= 0xC0))
        by_bytes = markscan._find_marks(data)
    finally:
        markscan._WINDOW = saved
    assert [a.tolist() for a in by_index] == [a.tolist() for a in by_bytes]
    plain = [(i, k) for i in range(len(data)) for k in [_plain_kind(data, i)] if k is not None]
    assert list(zip(by_bytes[0].tolist(), by_bytes[1].tolist())) == plain


def _plain_kind(data: np.ndarray, i: int):
    """The mark starting at byte i, by its UTF-8 bytes (None: no mark)."""
    from landstrikes.schema import markscan
    raw = bytes(data[i:i + 3])
    if raw[:1] == b'"':
        return markscan.STRAIGHT_DOUBLE
    if raw[:1] == b"'":
        return markscan.STRAIGHT_SINGLE
    return {"“": markscan.DOUBLE_OPEN, "”": markscan.DOUBLE_CLOSE, "‘": markscan.SINGLE_OPEN,
            "’": markscan.SINGLE_CLOSE}.get(raw.decode("utf-8", "replace") if len(raw) == 3 else "")
