"""C11: a claim copying a quotation's words is its speaker's: "the quote's claimant is its
speaker". An annotated claim lying inside a direct, partial or indirect quote has the innermost
such quote's `speaker_id` as `claimant_id` (both null for an unnamed source, C14), and inside a
quote whose speaker the text gives (attributed, implicit, unnamed source) it is never the
article's own (`asserted`). attack25: a claimant swapped for another person the article
mentions, or nulled, and a claim made `asserted`, each validated [claimant-not-speaker].
A `multiple` quote (no one speaker) and an orphan's or scare quote's words are not judged; the
extractor's rows are exempt, as from Q6's and C5's rules (it proposes claims in quotes as the
article's own)."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.checkcorpus import article_codes, frame_ints, frame_strings, is_in, known_rows
from landstrikes.schema.report import Report

SPEECH_KINDS = ("direct", "partial", "indirect")
NAMED_SPEAKERS = ("attributed", "implicit", "unnamed_source")
_CLAIM_COLUMNS = ("claim_id", "article_id", "start", "end", "claimant_id", "hedging")
QUOTE_COLUMNS = ("quote_id", "article_id", "start", "end", "kind", "speaker_status", "speaker_id")


def check_claim_speakers(tables, report: Report) -> None:
    claims, quotes = tables.get("claims"), tables.get("quotes")
    if claims is None or quotes is None or not all(c in claims for c in _CLAIM_COLUMNS) \
            or not all(c in quotes for c in QUOTE_COLUMNS):
        return
    claim_rows = np.flatnonzero(known_rows(claims) & _annotated(claims))
    quote_rows = speech_quotes_holding(claims, claim_rows, quotes)
    inside = quote_rows >= 0
    if inside.any():
        _report(claims, quotes, claim_rows[inside], quote_rows[inside], report)


def speech_quotes_holding(claims, claim_rows: np.ndarray, quotes, span: tuple[str, str] = ("start", "end")) -> np.ndarray:
    """For each of `claim_rows` (rows of any span table, its offsets in the `span` columns), the
    row of the innermost direct, partial or indirect quote (of one speaker or group) that holds
    it, or -1."""
    quote_rows = np.flatnonzero(known_rows(quotes) & is_in(quotes, "kind", SPEECH_KINDS)
                                & ~is_in(quotes, "speaker_status", ("multiple",)))
    if not len(claim_rows) or not len(quote_rows):
        return np.full(len(claim_rows), -1, dtype=np.int64)
    enclosing = innermost_enclosing(*_keys(claims, claim_rows, quotes, quote_rows, span))
    return np.where(enclosing >= 0, quote_rows[np.maximum(enclosing, 0)], -1)


def innermost_enclosing(claim_article, claim_start, claim_end, quote_article, quote_start, quote_end) -> np.ndarray:
    """For each claim, the index of the quote of its article with the latest start that encloses
    it (start <= claim start, end >= claim end), or -1. Offsets are ranks (no arithmetic on them
    can overflow); the search is a sort, a search and a walk back over the quotes that start
    before a claim but end inside it, each pass only over the claims still looking."""
    if not len(quote_article):
        return np.full(len(claim_article), -1, dtype=np.int64)
    order = np.lexsort((-quote_end, quote_start, quote_article))
    q_article, q_start, q_end = quote_article[order], quote_start[order], quote_end[order]
    width = np.int64(max(int(q_end.max(initial=0)), int(claim_end.max(initial=0)), int(q_start.max(initial=0)),
                         int(claim_start.max(initial=0))) + 1)
    # the latest quote of the claim's article starting at or before the claim
    last = np.searchsorted(q_article * width + q_start, claim_article * width + claim_start, side="right") - 1
    first = np.searchsorted(q_article, claim_article, side="left")
    # the longest reach of the article's quotes up to each one: a claim is enclosed iff it reaches the claim's end
    reach = np.maximum.accumulate(q_article * width + q_end) - q_article * width
    found = np.full(len(claim_article), -1, dtype=np.int64)
    looking = np.flatnonzero((last >= first) & (reach[np.maximum(last, 0)] >= claim_end))
    found[looking] = _last_reaching(q_end, last[looking], claim_end[looking])
    return np.where(found >= 0, order[np.maximum(found, 0)], -1)


def _last_reaching(ends: np.ndarray, at: np.ndarray, target: np.ndarray) -> np.ndarray:
    """For each query, the greatest p <= at with ends[p] >= target (one is known to exist). The
    walk back one quote at a time, one pass per quote walked over, cost (quotes between a claim
    and its enclosing quote) x (claims): one long quote holding 10^5 claims after 10^5 short
    quotes took 151 s (attack30). Here the run of quotes that fail is skipped in power-of-two
    blocks, each block's greatest end read off a table built once: log(quotes) passes."""
    levels = [ends]
    while (1 << len(levels)) <= len(ends):
        half, previous = 1 << (len(levels) - 1), levels[-1]
        # levels[k][i]: the greatest end of the 2^k quotes ending at i (none before the first: never skipped)
        levels.append(np.r_[np.full(half, np.iinfo(np.int64).max), np.maximum(previous[half:], previous[:-half])])
    at = at.copy()
    for k in range(len(levels) - 1, -1, -1):
        skip = (at >= (1 << k) - 1) & (levels[k][np.maximum(at, 0)] < target)
        at[skip] -= 1 << k
    return at


def _keys(claims, claim_rows, quotes, quote_rows, span=("start", "end")):
    """Article codes and offset ranks shared by the claims and quotes chosen."""
    claim_article, quote_article = article_codes((claims, claim_rows), (quotes, quote_rows))
    offsets = [frame_ints(claims, span[0])[claim_rows], frame_ints(claims, span[1])[claim_rows],
               frame_ints(quotes, "start")[quote_rows], frame_ints(quotes, "end")[quote_rows]]
    joined = np.concatenate(offsets)
    ranks = np.split(np.searchsorted(np.unique(joined), joined), np.cumsum([len(o) for o in offsets])[:-1])
    return claim_article, ranks[0], ranks[1], quote_article, ranks[2], ranks[3]



def _annotated(claims) -> np.ndarray:
    if "source" not in claims:
        return np.ones(len(claims), dtype=bool)
    return ~is_in(claims, "source", ("auto",))


def _report(claims, quotes, claim_rows, quote_rows, report: Report) -> None:
    claimant = frame_strings(claims, "claimant_id").take(claim_rows)
    speaker = frame_strings(quotes, "speaker_id").take(quote_rows)
    same = pc.fill_null(pc.equal(claimant, speaker), False).to_numpy(zero_copy_only=False) \
        | (claimant.is_null().to_numpy(zero_copy_only=False) & speaker.is_null().to_numpy(zero_copy_only=False))
    asserted = (is_in(claims, "hedging", ("asserted",))[claim_rows]
                & is_in(quotes, "speaker_status", NAMED_SPEAKERS)[quote_rows])
    wrong = np.flatnonzero(~same | asserted)
    if not len(wrong):
        return
    claim_ids = frame_strings(claims, "claim_id").take(pa.array(claim_rows[wrong])).to_pylist()
    quote_ids = frame_strings(quotes, "quote_id").take(pa.array(quote_rows[wrong])).to_pylist()
    claimants, speakers = claimant.take(pa.array(wrong)).to_pylist(), speaker.take(pa.array(wrong)).to_pylist()
    for n, claim_id, quote_id, have, want in zip(wrong, claim_ids, quote_ids, claimants, speakers):
        if not same[n]:
            report.add("claims", "claimant-not-speaker",
                       f"the claim lies inside quote {quote_id}, whose speaker is {want!r}: the quote's claimant is its speaker (C11)",
                       claim_id, "claimant_id", have)
        else:
            report.add("claims", "claimant-not-speaker",
                       f"the claim lies inside quote {quote_id}, whose words the text gives to a speaker: it is attributed, never the article's own (C11)",
                       claim_id, "hedging", "asserted")
