"""Article columns that are functions of the text or the id: `n_words` (whitespace-separated
tokens, as `str.split()` counts them) and `source_file` (the article id plus '.txt', a plain name
under raw/). Nothing else checked them: a table could state any count or path and still be VALID.

`sha256` is not checked against the text here although it could be: the benchmark corpora
(benchmarks/synthesize.py) replicate texts under a synthetic unique digest, which such a check
would make invalid (left to the lead; see docs/notes/attack2.md).
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.checkcorpus import arrow_column, article_texts, frame_of, pandas_on_demand as pd, strings_of
from landstrikes.schema.report import Report, counted

_BLOCK = 1 << 20
"""Bytes scanned per step. Small blocks keep the masks in memory the allocator hands back on the
next step: fresh pages are dear (a 64 MB block cost more system time in page faults than the
scan's own user time on this benchmark's VM; docs/notes/validate-floor.md)."""
_ASCII_SPACE = np.zeros(256, dtype=bool)
_ASCII_SPACE[[0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20]] = True
_THIRD_AFTER_E2_80 = np.zeros(256, dtype=bool)
_THIRD_AFTER_E2_80[[*range(0x80, 0x8B), 0xA8, 0xA9, 0xAF]] = True
"""U+2000-U+200A, U+2028, U+2029, U+202F: E2 80 xx."""


def _space_mask(window: np.ndarray) -> np.ndarray:
    """True at every byte of a whitespace character (as `str.isspace()` decides): the ASCII ones,
    and the multi-byte ones `str.isspace()` accepts (U+0085, U+00A0, U+1680, U+2000-U+200A,
    U+2028, U+2029, U+202F, U+205F, U+3000), tested only at their possible lead bytes.

    Comparisons, not a table lookup per byte (a gather is several times slower): every ASCII
    space is <= 0x20, and the few control bytes below 0x20 are looked up one by one."""
    space = window <= 0x20
    controls = np.flatnonzero(window < 0x20)
    if len(controls):
        space[controls] = _ASCII_SPACE[window[controls]]
    leads = np.flatnonzero(window >= 0xC2)  # the lead bytes below are all >= 0xC2
    if not len(leads):
        return space
    lead_bytes = window[leads]
    leads = leads[(lead_bytes == 0xC2) | ((lead_bytes >= 0xE1) & (lead_bytes <= 0xE3))]
    if not len(leads):
        return space
    last = len(window) - 1  # a character cut off by the window's end is none of these
    b0, b1, b2 = window[leads], window[np.minimum(leads + 1, last)], window[np.minimum(leads + 2, last)]
    two = (b0 == 0xC2) & ((b1 == 0x85) | (b1 == 0xA0)) & (leads + 1 <= last)
    three = (((b0 == 0xE1) & (b1 == 0x9A) & (b2 == 0x80))
             | ((b0 == 0xE2) & (b1 == 0x80) & _THIRD_AFTER_E2_80[b2])
             | ((b0 == 0xE2) & (b1 == 0x81) & (b2 == 0x9F))
             | ((b0 == 0xE3) & (b1 == 0x80) & (b2 == 0x80))) & (leads + 2 <= last)
    for width, found in ((2, leads[two]), (3, leads[three])):
        for k in range(width):
            space[np.minimum(found + k, len(space) - 1)] = True
    return space


def word_counts(data: np.ndarray, byte_starts: np.ndarray) -> np.ndarray:
    """`len(text.split())` of each text, from the texts' UTF-8 bytes back to back (`byte_starts`
    has one more entry than texts): a word starts at a non-space byte after a space byte or at
    the start of a text. No Python string is made."""
    counts = np.zeros(len(byte_starts) - 1, dtype=np.int64)
    text_starts = byte_starts[:-1]
    previous_space = True
    for begin in range(0, len(data), _BLOCK):
        end = min(begin + _BLOCK, len(data))
        behind = min(2, begin)  # a multi-byte space begun in the previous block marks its tail here
        space = _space_mask(data[begin - behind : end + 2])[behind : behind + end - begin]
        word_start = ~space
        word_start[1:] &= space[:-1]  # a word starts at a non-space byte after a space byte
        word_start[0] &= previous_space
        inside = text_starts[(text_starts >= begin) & (text_starts < end)] - begin
        word_start[inside] = ~space[inside]  # a text's start counts as after a space
        # one sum per stretch of the block between text starts
        bounds = np.unique(np.concatenate([[0], inside]))
        sums = _stretch_sums(word_start, bounds)
        owners = np.searchsorted(byte_starts, bounds + begin, side="right") - 1
        keep = owners < len(counts)
        np.add.at(counts, owners[keep], sums[keep])
        previous_space = bool(space[-1])
    return counts


_FEW_STRETCHES = 512
"""Stretches per block up to which each is counted by its own `count_nonzero` (no temporary at
all; a Python call per article, so only for blocks of a few hundred articles or fewer)."""


def _stretch_sums(word_start: np.ndarray, bounds: np.ndarray) -> np.ndarray:
    """Word starts in each stretch [bounds[i], bounds[i + 1]) of the block (the last to its end).

    Few stretches (articles of kilobytes): `count_nonzero` per stretch, which reads the mask and
    makes nothing. Many (tiny articles): a binary search over the word starts' positions (reduceat
    would first cast the whole block's mask to its accumulator type, 8 bytes per byte for int64)."""
    if len(bounds) <= _FEW_STRETCHES:
        ends = [*bounds[1:].tolist(), len(word_start)]
        return np.array([np.count_nonzero(word_start[a:b]) for a, b in zip(bounds.tolist(), ends)], dtype=np.int64)
    positions = np.flatnonzero(word_start)
    return np.diff(np.append(np.searchsorted(positions, bounds), len(positions)))


def check_article_derived(tables: dict, report: Report) -> None:
    articles = tables.get("articles")
    if articles is None or articles.empty:
        return
    texts = article_texts(tables)
    words = word_counts(texts.data(), texts.byte_starts)
    suspects = _suspect_rows(tables, words)
    if not len(suspects):
        return
    frame = frame_of(articles)  # the plain rules, only where a value may differ, on the values as pandas shows them
    ids, counts, files = (frame[c].to_numpy(dtype=object) for c in ("article_id", "n_words", "source_file"))
    missing = frame["text"].isna().to_numpy()
    for row in suspects.tolist():
        article_id, text, n_words, source_file = ids[row], missing[row], counts[row], files[row]
        if not text and not pd.isna(n_words) and int(n_words) != int(words[row]):  # text: is it null
            report.add("articles", "article-derived-mismatch", f"the text has {counted(int(words[row]), 'whitespace-separated word')}",
                       article_id, "n_words", n_words)
        if isinstance(source_file, str) and isinstance(article_id, str) and source_file != f"{article_id}.txt":
            report.add("articles", "article-derived-mismatch", f"source_file must be {article_id[:60]}.txt (the id is the raw file's name)",
                       article_id, "source_file", source_file)


def _suspect_rows(tables, words: np.ndarray) -> np.ndarray:
    """Rows where n_words may differ from the count or source_file from the id (a superset: a
    row with a null value is a suspect too), on Arrow."""
    try:
        article_ids, source_files = (strings_of(tables, "articles", c) for c in ("article_id", "source_file"))
        stated = arrow_column(tables, "articles", "n_words", pa.int64())
        counted = pc.fill_null(pc.equal(stated, pa.array(words, pa.int64())), False)
        named = pc.fill_null(pc.equal(source_files, pc.binary_join_element_wise(
            article_ids, pa.scalar(".txt", pa.large_string()), pa.scalar("", pa.large_string()))), False)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
        return np.arange(len(words))  # not plain numbers and strings: the plain rules decide alone
    return np.flatnonzero(~pc.and_(counted, named).to_numpy(zero_copy_only=False))
