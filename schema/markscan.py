"""Quotation-mark pairs and stray marks of every article at once, from the UTF-8 bytes.

The same rules as `landstrikes.quotemarks.scan_quote_marks` (guideline Q2; a test proves the two
agree on arbitrary text), organised for a corpus: marks, their neighbouring characters and the
newlines between them are found with numpy in bounded windows of bytes, apostrophes inside words
are dropped there, and only the remaining marks go through the pairing loop. No article is
turned into a Python string, so a 1 GB article costs its bytes, not four times them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from landstrikes.schema.caption_lines import MARKS as _QUOTE_MARKS, open_paragraph_end as _open_paragraph_end
from landstrikes.schema.spantext import ArticleTexts
from landstrikes.schema.utf8 import NO_CHAR, chars_at, classify, neighbours

_WINDOW = 1 << 20  # bytes examined per numpy step (small: its temporaries reuse the same memory)

# mark kinds, by their UTF-8 bytes
DOUBLE_OPEN, DOUBLE_CLOSE, STRAIGHT_DOUBLE, SINGLE_OPEN, STRAIGHT_SINGLE, SINGLE_CLOSE = range(6)
_CURLY = {0x9C: DOUBLE_OPEN, 0x9D: DOUBLE_CLOSE, 0x98: SINGLE_OPEN, 0x99: SINGLE_CLOSE}  # E2 80 xx
_ASCII = {0x22: STRAIGHT_DOUBLE, 0x27: STRAIGHT_SINGLE}
_STRAIGHT = tuple(_ASCII)
_BLANK = np.zeros(256, dtype=bool)
_BLANK[list(b" \t\r\n")] = True  # quotemarks.BLANKS: between a continued quotation and the next mark


@dataclass(frozen=True)
class MarkScan:
    """Per article number: pairs (open, close) and strays (position, opens), in code points."""

    pair_article: np.ndarray
    pair_open: np.ndarray
    pair_close: np.ndarray
    stray_article: np.ndarray
    stray_position: np.ndarray
    stray_opens: np.ndarray


def scan_corpus_marks(texts: ArticleTexts) -> MarkScan:
    """What `scan_quote_marks` gives for each article, for all articles in one pass."""
    data = texts.data()
    position, kind, newlines = _find_marks(data, texts.multibyte_starts())
    article = texts.article_of(position)
    width = np.where((kind == STRAIGHT_DOUBLE) | (kind == STRAIGHT_SINGLE), 1, 3)  # curly marks: 3 bytes
    before, after = neighbours(data, position, position + width, texts.byte_starts[article], texts.byte_starts[article + 1])
    word_before, word_after = classify(before, str.isalnum), classify(after, str.isalnum)
    blank_before = classify(before, " \t\r\n".__contains__)
    text_after = (after != NO_CHAR) & ~classify(after, " \t\r\n".__contains__)
    line_start = before == ord("\n")
    # an apostrophe inside a word (It’s, don't) is never a mark and leaves the state alone
    closer = (kind == SINGLE_CLOSE) | (kind == STRAIGHT_SINGLE)
    keep = ~(closer & word_before & word_after)
    keep &= ~_elided_decades(data, position, kind, width, word_before, texts.byte_starts[article + 1])  # the '90s
    position, kind, newlines, article = position[keep], kind[keep], newlines[keep], article[keep]
    word_before, word_after = word_before[keep], word_after[keep]
    blank_before, text_after, line_start = blank_before[keep], text_after[keep], line_start[keep]
    simple, rest = _simple_pairs(article, kind, newlines, word_before, word_after, line_start)
    simple_pairs = np.stack([simple[0], position[simple[1]], position[simple[2]]], axis=1).astype(np.int64).reshape(-1, 3)
    article, kind, newlines = article[rest], kind[rest], newlines[rest]
    # a newline since the previous mark of the same article ends the paragraph (Q2)
    new_paragraph = np.ones(len(rest), dtype=bool)
    new_paragraph[1:] = (newlines[1:] != newlines[:-1]) | (article[1:] != article[:-1])
    pairs, strays = _pair(article.tolist(), position[rest].tolist(), kind.tolist(), new_paragraph.tolist(),
                          word_before[rest].tolist(), word_after[rest].tolist(),
                          (blank_before[rest] & text_after[rest]).tolist(), line_start[rest].tolist(), data,
                          texts.byte_starts)
    # the loop's few pairs join the simple ones as arrays: no Python tuple per simple pair
    return _in_code_points(texts, np.concatenate([np.array(pairs, dtype=np.int64).reshape(-1, 3), simple_pairs]), strays)


def _elided_decades(data, position, kind, width, word_before, article_end) -> np.ndarray:
    """`elisions.elides_decade` on the bytes: a ' or ‘ with no word character before it, then two
    ASCII digits and an `s` in its article, and no word character after them."""
    found = np.zeros(len(position), dtype=bool)
    after = position + width
    index = np.flatnonzero(((kind == STRAIGHT_SINGLE) | (kind == SINGLE_OPEN)) & ~word_before & (after + 3 <= article_end))
    if not len(index):
        return found
    after, end = after[index], article_end[index]
    keep = _is_digit(data[after]) & _is_digit(data[after + 1]) & (data[after + 2] == ord("s"))
    index, after, end = index[keep], after[keep], end[keep]
    follow = np.full(len(index), NO_CHAR, dtype=np.int64)
    inner = after + 3 < end
    follow[inner] = chars_at(data, after[inner] + 3)
    found[index[~classify(follow, str.isalnum)]] = True
    return found


def _is_digit(byte: np.ndarray) -> np.ndarray:
    return (byte >= 0x30) & (byte <= 0x39)


def _simple_pairs(article, kind, newlines, word_before, word_after, line_start, rounds: int = 8):
    """Pairs that need no state: an opening mark directly followed, in the same paragraph, by
    a closing mark of its family. Whatever was open before, the pair closes itself and leaves
    that state as it was, so it can be taken out; nested pairs become adjacent and go in the
    next round. Returns (article, open index, close index) and the indices of the other marks.
    A mark that starts its line stays for the loop: it may continue the quotation before it (Q2)."""
    opens_double = (kind == DOUBLE_OPEN) & ~line_start
    closes_double = kind == DOUBLE_CLOSE
    opens_single = ((kind == SINGLE_OPEN) | ((kind == STRAIGHT_SINGLE) & ~word_before & word_after)) & ~line_start
    closes_single = ((kind == SINGLE_CLOSE) | (kind == STRAIGHT_SINGLE)) & ~opens_single & ~word_after
    alive = np.arange(len(kind))
    found = [], [], []
    for _ in range(rounds):
        first, second = alive[:-1], alive[1:]
        same = (newlines[first] == newlines[second]) & (article[first] == article[second])
        pair = same & ((opens_double[first] & closes_double[second]) | (opens_single[first] & closes_single[second]))
        if not pair.any():
            break
        found[0].append(article[first[pair]])
        found[1].append(first[pair])
        found[2].append(second[pair])
        taken = np.zeros(len(alive), dtype=bool)
        taken[:-1] |= pair
        taken[1:] |= pair
        alive = alive[~taken]
    simple = tuple(np.concatenate(parts) if parts else np.zeros(0, np.int64) for parts in found)
    return simple, alive


def _find_marks(data: np.ndarray, multibyte: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Byte position and kind of every quotation mark, and the number of newlines before it.

    `multibyte`: the byte position of every byte >= 0xC0 (the text index's multi-byte characters,
    `ArticleTexts.multibyte_starts`), where a curly mark's E2 lead is looked for instead of in
    every byte; both straight marks are found in one pass (one search of the bytes per mark kind
    and for E2 cost 0.02 of the scan's 0.04 CPU-s at 10^5 quote rows)."""
    positions, kinds, newlines = [], [], []
    seen_newlines = 0
    for begin in range(0, len(data), _WINDOW):
        block = data[begin : begin + _WINDOW + 2]  # two bytes of overlap complete a curly mark
        own = min(_WINDOW, len(data) - begin)
        straight = np.flatnonzero((block[:own] == _STRAIGHT[0]) | (block[:own] == _STRAIGHT[1]))
        found = [straight]
        kind = [np.where(block[straight] == _STRAIGHT[0], _ASCII[_STRAIGHT[0]], _ASCII[_STRAIGHT[1]]).astype(np.int8)]
        if multibyte is None:
            leads = np.flatnonzero(block[:own] == 0xE2)
        else:
            low, high = np.searchsorted(multibyte, (begin, begin + own))
            leads = multibyte[low:high] - begin
            leads = leads[block[leads] == 0xE2]
        leads = leads[leads + 2 < len(block)]
        leads = leads[block[leads + 1] == 0x80]
        third = block[leads + 2]
        for byte, k in _CURLY.items():
            hit = leads[third == byte]
            found.append(hit)
            kind.append(np.full(len(hit), k, dtype=np.int8))
        where = np.concatenate(found)
        order = np.argsort(where, kind="stable")
        where, kind = where[order], np.concatenate(kind)[order]
        breaks = np.flatnonzero(block[:own] == 0x0A)
        positions.append(where + begin)
        kinds.append(kind)
        newlines.append(np.searchsorted(breaks, where) + seen_newlines)
        seen_newlines += len(breaks)
    if not positions:
        return np.zeros(0, np.int64), np.zeros(0, np.int8), np.zeros(0, np.int64)
    return np.concatenate(positions).astype(np.int64), np.concatenate(kinds), np.concatenate(newlines)


def _words_end(data: np.ndarray, pos: int) -> int:
    """The byte offset after the last non-blank byte before `pos` (quotemarks._words_end)."""
    for i in range(pos - 1, max(-1, pos - 5), -1):  # most runs are one space: no numpy call
        if not _BLANK[data[i]]:
            return i + 1
    pos, step = max(0, pos - 4), 64
    while pos > 0:
        floor = max(0, pos - step)
        found = np.flatnonzero(~_BLANK[data[floor:pos]])
        if len(found):
            return floor + int(found[-1]) + 1
        pos, step = floor, step * 2
    return 0


def _caption_paragraph_end(data: np.ndarray, start: int, stop: int, last: int, end: int) -> int:
    """`quotemarks._open_paragraph_end` on the bytes of one article (`start`..`stop`): where the
    paragraph holding the mark at `last` ends its words when only caption lines stand between it
    and the next paragraph's words ending at `end`, else -1 (byte offsets).

    Rare (an open quotation, then a line of other words, then a paragraph opening with a mark),
    so the few lines concerned are decoded and handed to the per-article rule itself
    (`caption_lines.open_paragraph_end`, which `quotemarks` uses too): one
    definition, no second copy to drift. The slice starts a character before `last` (the rule
    looks back two characters from the paragraph's end) and ends where the line after `end` starts.
    The per-article scanner visits every mark, an apostrophe inside a word or a self-closing pair
    too (this scan has dropped them): its last mark is the paragraph's last, and a mark on a line
    after it had already closed the paragraph there, so no caption follows."""
    low = last
    if low > start:
        low -= 1
        while low > start and 0x80 <= data[low] < 0xC0:  # back to the first byte of that character
            low -= 1
    newline = np.flatnonzero(data[end:stop] == 0x0A)
    high = end + int(newline[0]) + 1 if len(newline) else stop
    piece = bytes(data[low:high]).decode("utf-8")
    head, words_end = len(bytes(data[low:last]).decode("utf-8")), len(bytes(data[low:end]).decode("utf-8"))
    marks = [m.start() for m in _QUOTE_MARKS.finditer(piece, head, words_end)]
    newline = piece.find("\n", head, words_end)
    if newline != -1 and marks[-1] > newline:
        return -1  # the per-article scanner closed the paragraph at that mark (an apostrophe, a pair)
    own = _open_paragraph_end(piece, marks[-1], words_end)
    return -1 if own == -1 else low + len(piece[:own].encode("utf-8"))


def _after_mark(data: np.ndarray, pos: int) -> int:
    """The byte after the mark at `pos` (curly marks are 3 bytes): a continued quotation needs words."""
    return pos + (1 if data[pos] < 0x80 else 3)


def _pair(article, position, kind, new_paragraph, word_before, word_after, opens_anyway, line_start, data, byte_starts):
    """The pairing rules of `scan_quote_marks`, over the marks that can change its state.

    `opens_anyway`: a blank before and a non-blank after (a straight double mark there opens);
    `line_start`: the mark follows a newline (it may continue the paragraph before, Q2);
    `byte_starts`: where each article's bytes begin (a caption line is read within its article)."""
    pairs: list[tuple[int, int, int]] = []  # (article, open, close)
    strays: list[tuple[int, int, bool]] = []  # (article, position, opens)
    # the open marks, as two lists (family, position) so that "is a family open" is `in`, not a
    # generator per mark; families: 0 double, 1 straight, 2 single
    families: list[int] = []
    opened: list[int] = []
    current, last = -1, 0

    def close(family: int, pos: int, end: int | None = None) -> None:
        for depth in range(len(families) - 1, -1, -1):
            if families[depth] == family:
                strays.extend((current, inner, True) for inner in opened[depth + 1 :])
                if end is None:
                    pairs.append((current, opened[depth], pos))
                elif end > _after_mark(data, opened[depth]):
                    pairs.append((current, opened[depth], end))
                else:
                    strays.append((current, opened[depth], True))
                del families[depth:], opened[depth:]
                return
        strays.append((current, pos, False))

    for a, pos, k, fresh, prev_word, next_word, opens, starts_line in zip(
        article, position, kind, new_paragraph, word_before, word_after, opens_anyway, line_start
    ):
        if families and fresh:
            single = families[0] == 2  # the next line opens with a mark of the same kind (double or single)
            opens_line = k in (SINGLE_OPEN,) or k == STRAIGHT_SINGLE and next_word if single else k in (DOUBLE_OPEN, STRAIGHT_DOUBLE)
            continues = a == current and starts_line and opens_line
            end = _words_end(data, pos) if continues else -1
            if end > _after_mark(data, opened[0]) and not (data[last:end] == 0x0A).any():
                pairs.append((current, opened.pop(0), end))  # a quotation continued by the next paragraph
            elif end != -1 and (own := _caption_paragraph_end(data, int(byte_starts[a]), int(byte_starts[a + 1]), last, end)) > _after_mark(data, opened[0]):
                pairs.append((current, opened.pop(0), own))  # continued after a caption line
            strays.extend((current, p, True) for p in opened)
            families.clear()
            opened.clear()
        current, last = a, pos
        if k == DOUBLE_OPEN:
            families.append(0)
            opened.append(pos)
        elif k == DOUBLE_CLOSE:  # with no “ open it closes an open straight mark (quotemarks)
            close(0 if 0 in families or 1 not in families else 1, pos)
        elif k == STRAIGHT_DOUBLE:
            if opens and 1 in families:
                close(1, pos, _words_end(data, pos))  # a new quotation continues the open one
                families.append(1)
                opened.append(pos)
            elif families and families[-1] == 1:
                families.pop()
                pairs.append((a, opened.pop(), pos))
            elif 1 in families:
                close(1, pos)
            else:
                families.append(1)
                opened.append(pos)
        elif k == SINGLE_OPEN or (k == STRAIGHT_SINGLE and not prev_word and next_word):
            families.append(2)
            opened.append(pos)
        elif not next_word and 2 in families:  # a closer that can close
            close(2, pos)
    strays.extend((current, p, True) for p in opened)
    return pairs, strays


def _in_code_points(texts: ArticleTexts, pairs: np.ndarray, strays) -> MarkScan:
    strays = np.array(strays, dtype=np.int64).reshape(-1, 3)
    pairs = pairs[np.lexsort((pairs[:, 1], pairs[:, 0]))]
    strays = strays[np.lexsort((strays[:, 1], strays[:, 0]))]
    base = texts.cp_starts
    return MarkScan(
        pair_article=pairs[:, 0],
        pair_open=texts.code_points(pairs[:, 1]) - base[pairs[:, 0]],
        pair_close=texts.code_points(pairs[:, 2]) - base[pairs[:, 0]],
        stray_article=strays[:, 0],
        stray_position=texts.code_points(strays[:, 1]) - base[strays[:, 0]],
        stray_opens=strays[:, 2].astype(bool),
    )
