"""Quotes: every quote row of an article, from three rule sets joined here.

`marked` pairs quotation marks (Q1-Q4, orphans), `indirect` finds reported speech by cue verbs,
`speakers` resolves who spoke (Q6). This module masks quoted words (so no cue or subject is
found inside a quotation), joins the rows, resolves pronouns in text order and nests quotes (Q4).
"""

from __future__ import annotations

import re
from dataclasses import replace

from landstrikes.extract.article_pairs import ArticlePairs, mended
from landstrikes.extract.entities import Mention
from landstrikes.extract.indirect import indirect_quotes
from landstrikes.extract.limits import check_rows
from landstrikes.extract.marked import marked_quotes
from landstrikes.extract.quoterow import Quote, Speaker
from landstrikes.extract.ranker import rank_speakers
from landstrikes.extract.speakers.nominals import with_nominals
from landstrikes.extract.speakers.pronouns import learn_genders, resolve_pronouns
from landstrikes.extract.speakers.words import LOOKBACK
from landstrikes.extract.text import Span, all_sentences, inside_word
from landstrikes.quotemarks import scan_quote_marks

__all__ = ["Quote", "Speaker", "find_quotes"]


def find_quotes(text: str, mentions: list[Mention]) -> list[Quote]:
    """Every quote row, in text order: the rules' rows, each speaker then decided by the ranker."""
    quotes, outside, genders = rule_quotes(text, mentions)
    check_rows("quote", len(quotes))  # the ranker changes no row count: refuse before its work
    ranked = rank_speakers(quotes, text, outside, genders)
    return [r if r is q else _whole_word_speaker(text, r) for r, q in zip(ranked, quotes)]


def rule_quotes(text: str, mentions: list[Mention]) -> tuple[list[Quote], list[Mention], dict[str, str]]:
    """The rules' rows (pronoun speakers resolved in text order, nested quotes given their parent),
    the mentions outside quotation marks (with role nominals) and the genders learnt: what the
    ranker and its training read. Kinds and spans are final here; the ranker changes only speakers."""
    genders = learn_genders(text, mentions)
    double_marks = text.count("“") + text.count("”") + text.count('"')
    check_rows("quotation mark", double_marks // 2)  # at least this many rows: refuse before pairing
    pairs, strays = scan_quote_marks(text)
    check_rows("quotation mark", len(pairs) + len(strays))
    masked = _masked(text, pairs)
    # a speaker is never inside quoted words: search names and pronouns outside them
    outside = [m for m in mentions if masked[m.start] == text[m.start]]  # blanked = inside quotation marks
    outside = with_nominals(masked, outside, mentions)
    marked = marked_quotes(text, masked, outside, pairs, strays, mentions)
    inside = sorted((q.start, q.end) for q in marked if q.kind != "orphan")
    indirect = _keeping_pairs(text, indirect_quotes(masked, outside, inside, all_sentences(text), text), ArticlePairs(text, pairs))
    taken = {(q.start, q.end) for q in marked}
    indirect = [q for q in indirect if (q.start, q.end) not in taken and not _cuts_a_word(text, q)]
    quotes = resolve_pronouns(sorted(marked + indirect, key=lambda q: (q.start, -q.end)), mentions, genders, text, masked, outside)
    return _with_parents([_whole_word_speaker(text, q) for q in quotes]), outside, genders


def _keeping_pairs(text: str, quotes: list[Quote], pairs: ArticlePairs) -> list[Quote]:
    """Reported speech with every pair of marks it touches whole (G2: a span never breaks a pair;
    validate's `span-breaks-quote-pair` judges indirect quotes against the article's pairs; 52 of
    10,566 dev-news rows broke one). A clause cut at the opening mark of a partial quotation
    (`Wilson fired “`: the quoted words are blanks where the clause was found) runs to its
    closing mark when that is in the same paragraph, as `through_closing_quotation` does for a
    quotation ending the sentence (Q1); otherwise the pair is mended as a claim's is, or the row
    left out."""
    out: dict[tuple[int, int], Quote] = {}
    for q in quotes:
        end = q.end
        for mark, partner in pairs.broken(q.start, q.end):
            if mark == q.end - 1 and partner >= q.end and "\n" not in text[q.end:partner]:
                end = partner + 1
        span = mended(text, Span(q.start, end), pairs)
        if span is not None:
            out.setdefault(span, q if span == (q.start, q.end) else replace(q, start=span.start, end=span.end))
    return list(out.values())


def _cuts_a_word(text: str, q: Quote) -> bool:
    """Reported speech is a clause (S5, Q13): an edge inside a word (`at risk` + U+0301 +
    `according to`, whose `\\b` follows this Python's `\\w`, which no mark is) is no clause edge,
    and validate's `span-splits-word` refuses it (attack8)."""
    return inside_word(text, q.start) or inside_word(text, q.end)


def _whole_word_speaker(text: str, q: Quote) -> Quote:
    """A speaker mention (a pronoun or nominal the speaker rules found) or an unnamed source's
    phrase whose edge cuts a word is part of a longer word (`she`, `analysts` glued to a letter
    this Python's Unicode tables do not know, which validate's newer tables call a letter): such
    a mention gives no speaker, such a phrase no speaker words (attack7)."""
    m, phrase = q.speaker.mention, q.speaker.phrase
    if m is not None and (inside_word(text, m.start) or inside_word(text, m.end)):
        return replace(q, speaker=Speaker("unattributed"))
    if phrase is not None and (inside_word(text, phrase[0]) or inside_word(text, phrase[1])):
        return replace(q, speaker=replace(q.speaker, phrase=None))
    return q


def _masked(text: str, pairs) -> str:
    """The text with every quotation's words blanked (same offsets), for finding cues and subjects.

    Nested pairs are merged first, so every character is blanked once (linear, however deep).
    """
    pieces, done = [], 0
    for p in pairs:  # sorted by opening mark
        start, end = max(p.open + 1, done), p.close
        if end <= start:
            continue
        pieces.append(text[done:start])
        inner = text[start:end]
        pieces.append(_BLANK.sub(" ", inner) if "\n" in inner or "\r" in inner else " " * len(inner))
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


_BLANK = re.compile(r"[^\n\r]")


def _encloses(p: Quote, q: Quote) -> bool:
    return p.start <= q.start and q.end <= p.end and (p.start, p.end) != (q.start, q.end)


def _with_parents(quotes: list[Quote]) -> list[Quote]:
    """A quote inside another (marked or indirect) gets the innermost enclosing one as parent (Q4)."""
    enclosing = _innermost_enclosing(quotes)
    # reported speech inside a quotation is the quoted speaker's wording, not a row of its own
    dropped = {i for i, q in enumerate(quotes) if q.kind == "indirect" and enclosing[i][0] is not None}
    out = []
    for i, q in enumerate(quotes):
        if q.kind == "orphan" or i in dropped:
            if q.kind == "orphan":
                out.append(q)
            continue
        marked_parent, indirect_parent = enclosing[i]
        if indirect_parent is not None and indirect_parent in dropped:
            indirect_parent = None
        candidates = [quotes[j] for j in (marked_parent, indirect_parent) if j is not None]
        parent = min(candidates, key=lambda p: p.end - p.start) if candidates else None
        if parent is not None and q.speaker.status in ("unattributed",) and parent.speaker.mention is not None and q.kind == "direct":
            q = replace(q, speaker=Speaker("implicit", parent.speaker.mention))
        elif parent is not None and parent.kind == "indirect" and q.kind == "scare" and (
                parent.speaker.mention is not None or parent.speaker.status == "unnamed_source"):
            q = replace(q, kind="partial", speaker=parent.speaker, cue=parent.cue, confidence=0.5)  # Q4, Q8
        elif parent is not None and parent.kind == "indirect" and q.kind == "partial" and q.cue is not None \
                and parent.cue is not None and q.cue[0] >= parent.end:
            # a partial quotation inside a report is the report's words (Q4): not the subject of a verb
            # after the report (`said the plan was "a disaster" and promised a review`, newuser48)
            q = replace(q, speaker=parent.speaker, cue=parent.cue)
        span = (parent.start, parent.end) if parent else None
        out.append(q if span == q.parent else replace(q, parent=span))
    return out


def _innermost_enclosing(quotes: list[Quote]) -> list[tuple[int | None, int | None]]:
    """Per quote: (index of the innermost enclosing marked quote, of the innermost enclosing indirect one).

    One sweep in start order. Marked quotes never cross (mark pairing is a stack), so the
    marked quotes still open form a chain and the innermost one enclosing a quote is near its
    top; an indirect quote is one clause of one sentence, so only the last few started are
    looked at (LOOKBACK). Quotes are sorted by (start, -end).
    """
    out: list[tuple[int | None, int | None]] = []
    chain: list[int] = []  # open marked quotes, outermost first
    indirect: list[int] = []
    for i, q in enumerate(quotes):
        if q.kind == "orphan":
            out.append((None, None))
            continue
        while chain and quotes[chain[-1]].end < q.start:
            chain.pop()
        marked_parent = None
        for j in reversed(chain[-LOOKBACK:]):
            if _encloses(quotes[j], q):
                marked_parent = j
                break
        indirect_parent = None
        for j in reversed(indirect[-8:]):  # an indirect quote is one clause: only recent ones can enclose
            if _encloses(quotes[j], q) and (indirect_parent is None or quotes[j].end - quotes[j].start < quotes[indirect_parent].end - quotes[indirect_parent].start):
                indirect_parent = j
        out.append((marked_parent, indirect_parent))
        (indirect if q.kind == "indirect" else chain).append(i)
    return out
