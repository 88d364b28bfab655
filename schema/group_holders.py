"""S3: a `group` stance holder is keyed by `holder_group` from a closed set, each key naming the
words that make it ("`analysts` (security, political analysts), `experts` (experts, legal experts,
international lawyers, legal scholars, health experts), `critics`, `officials` ..."). Where a
group stance's evidence holds the speaker words of an unnamed-source quote (Q16: "the phrase
naming the unnamed source", "Security analysts warn" -> `Security analysts`), those words name the
holder, so its key is the one they give.

attack28: a000's stance of "Security analysts warn that any US land strikes ..." re-keyed
`observers` or `citizens` (stance id re-derived, `group-observers`), validated: the key was
checked against the closed set only [holder-group-mismatch]. In the gold 12 of the 18 group
stances hold such words, each naming its key (`Trump’s former National Security Council staff`:
`officials`, Q9 2.13; `Legal scholars`, `International lawyers and security experts`: `experts`);
so do the releases before. Words naming none of the keys (a coordination of a key's word and
another's accepts either) are not judged; the extractor proposes no stances. Rows meet within
one article (partition-safe)."""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa

from landstrikes.schema.checkcorpus import arrow_column, frame_nulls, frame_strings, is_in, same_article_span_pairs
from landstrikes.schema.report import Report

GROUP_WORDS = {
    "analysts": ("analyst", "analysts"),
    "experts": ("expert", "experts", "lawyer", "lawyers", "scholar", "scholars"),
    "critics": ("critic", "critics"),
    "officials": ("official", "officials", "staff"),
    "observers": ("observer", "observers"),
    "supporters": ("supporter", "supporters"),
    "citizens": ("citizen", "citizens", "poll", "polls"),
}
"""S3's words for each `holder_group` key (and Q9 2.13's former staff: `officials`)."""
_KEY_OF = {word: key for key, words in GROUP_WORDS.items() for word in words}
_WORD = re.compile(r"\w+")


def check_group_holders(tables, report: Report) -> None:
    stances, quotes = tables.get("stances"), tables.get("quotes")
    if stances is None or quotes is None or len(stances) == 0 or len(quotes) == 0:
        return
    if not all(c in stances for c in ("stance_id", "article_id", "holder_kind", "holder_group", "evidence_start", "evidence_end")) or \
            not all(c in quotes for c in ("article_id", "speaker_status", "speaker_start", "speaker_end", "speaker_text")):
        return
    grouped = is_in(stances, "holder_kind", ("group",)) & ~frame_nulls(stances, "holder_group")
    if "source" in stances:
        grouped &= ~is_in(stances, "source", ("auto",))
    unnamed = is_in(quotes, "speaker_status", ("unnamed_source",)) & ~(
        frame_nulls(quotes, "speaker_start") | frame_nulls(quotes, "speaker_end") | frame_nulls(quotes, "speaker_text"))
    stance_rows = np.flatnonzero(grouped & ~frame_nulls(stances, "article_id") & ~frame_nulls(stances, "evidence_start")
                                 & ~frame_nulls(stances, "evidence_end"))
    found = _evidence_holding_speaker_words(stances, stance_rows, quotes, np.flatnonzero(unnamed & ~frame_nulls(quotes, "article_id")))
    if found is None:
        return
    left, right = found
    keys = frame_strings(stances, "holder_group").take(pa.array(left)).to_pylist()
    words = frame_strings(quotes, "speaker_text").take(pa.array(right)).to_pylist()
    named: dict[int, set[str]] = {}
    for row, text in zip(left.tolist(), words):
        named.setdefault(row, set()).update(_KEY_OF[w] for w in _WORD.findall(text.lower()) if w in _KEY_OF)
    ids = arrow_column(tables, "stances", "stance_id", pa.string())
    for row, key in sorted(set(zip(left.tolist(), keys))):
        if named[row] and key not in named[row]:
            report.add("stances", "holder-group-mismatch",
                       f"the evidence names its holder with speaker words of an unnamed source that S3 keys "
                       f"{' or '.join(sorted(named[row]))}, not {key!r} (S3, Q16)", ids[row].as_py(), "holder_group", key)


def check_entity_holders(tables, report: Report) -> None:
    """S5: "A clause the article attributes to others (a quote, ...) is evidence for that holder's
    row (S3)". An entity stance whose evidence holds the speaker words of a quote (Q16: for an
    attributed row, the speaker mention) is a clause the text gives to that speaker, so its holder
    is one of the speakers it names there, or at least an entity the clause mentions ("Sheinbaum
    rejected Trump's claim that ..." holds Trump's words and is Sheinbaum's).

    attack28: a003's "Sheinbaum said Mexico seeks closer coordination with the US, but not foreign
    strikes" given to `sheinbaum-administration`, a001's "She confirmed the idea of US military help
    has been repeatedly offered and rejected" to `cilia-flores` or `colombia`, a004's "Trump's
    declaration that ..." to the Jalisco cartel (each mentioned in its article; id re-derived):
    each validated, `evidence-not-speakers` judging evidence inside a quote only
    [holder-not-speaker]. 8 of the gold's 50 entity stances are judged, all hold."""
    stances, quotes, mentions = tables.get("stances"), tables.get("quotes"), tables.get("mentions")
    if stances is None or quotes is None or mentions is None or len(stances) == 0 or len(quotes) == 0:
        return
    if not all(c in stances for c in ("stance_id", "article_id", "holder_kind", "holder_id", "evidence_start", "evidence_end")) or \
            not all(c in quotes for c in ("article_id", "speaker_status", "speaker_start", "speaker_end", "speaker_id")) or \
            not all(c in mentions for c in ("article_id", "entity_id", "start", "end")):
        return
    held = is_in(stances, "holder_kind", ("entity",)) & ~(frame_nulls(stances, "holder_id") | frame_nulls(stances, "article_id")
                                                          | frame_nulls(stances, "evidence_start") | frame_nulls(stances, "evidence_end"))
    if "source" in stances:
        held &= ~is_in(stances, "source", ("auto",))
    named = is_in(quotes, "speaker_status", ("attributed",)) & ~(
        frame_nulls(quotes, "speaker_start") | frame_nulls(quotes, "speaker_end") | frame_nulls(quotes, "speaker_id") | frame_nulls(quotes, "article_id"))
    found = _evidence_holding_speaker_words(stances, np.flatnonzero(held), quotes, np.flatnonzero(named))
    if found is None:
        return
    left, right = found
    speakers: dict[int, set[str]] = {}
    for row, speaker in zip(left.tolist(), frame_strings(quotes, "speaker_id").take(pa.array(right)).to_pylist()):
        speakers.setdefault(row, set()).add(speaker)
    holders = dict(zip(speakers, frame_strings(stances, "holder_id").take(pa.array(sorted(speakers))).to_pylist()))
    doubtful = sorted(row for row in speakers if holders[row] not in speakers[row])
    if not doubtful:
        return
    mention_rows = np.flatnonzero(~(frame_nulls(mentions, "article_id") | frame_nulls(mentions, "start")
                                    | frame_nulls(mentions, "end") | frame_nulls(mentions, "entity_id")))
    mentioned: dict[int, set[str]] = {}
    if len(mention_rows):
        rows = np.array(doubtful)
        near = same_article_span_pairs(stances, rows, mentions, mention_rows, ("evidence_start", "evidence_end"), relation="holds")
        if near is None:
            return
        within = (near.left_start <= near.right_start) & (near.right_end <= near.left_end)
        entities = frame_strings(mentions, "entity_id").take(pa.array(mention_rows[near.right[within]])).to_pylist()
        for row, entity in zip(rows[near.left[within]].tolist(), entities):
            mentioned.setdefault(row, set()).add(entity)
    ids = arrow_column(tables, "stances", "stance_id", pa.string())
    for row in doubtful:
        if holders[row] not in mentioned.get(row, ()):
            report.add("stances", "holder-not-speaker",
                       f"the evidence is a clause the text gives to {' or '.join(sorted(speakers[row]))} (its speaker words lie in it), "
                       f"and it does not mention {holders[row]!r} (S3, S5)", ids[row].as_py(), "holder_id", holders[row])


def _evidence_holding_speaker_words(stances, stance_rows: np.ndarray, quotes, quote_rows: np.ndarray):
    """(stance rows, quote rows), table positions paired, where a stance's evidence span holds a
    quote's speaker words in the same article; None when no pair does."""
    if not len(stance_rows) or not len(quote_rows):
        return None
    pairs = same_article_span_pairs(stances, stance_rows, quotes, quote_rows, ("evidence_start", "evidence_end"),
                                    ("speaker_start", "speaker_end"), relation="holds")
    if pairs is None:
        return None
    inside = (pairs.left_start <= pairs.right_start) & (pairs.right_end <= pairs.left_end)
    if not inside.any():
        return None
    return stance_rows[pairs.left[inside]], quote_rows[pairs.right[inside]]
