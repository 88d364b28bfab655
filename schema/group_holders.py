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
import pyarrow.compute as pc

from landstrikes.schema.checkcorpus import arrow_column, article_codes, frame_nulls, frame_strings, is_in, same_article_span_match, \
    same_article_span_pairs
from landstrikes.schema.report import Report, counted

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
    quote_rows = _in_articles_of(stances, stance_rows, quotes, np.flatnonzero(unnamed & ~frame_nulls(quotes, "article_id")))
    if not len(stance_rows) or not len(quote_rows):
        return
    words = pc.dictionary_encode(frame_strings(quotes, "speaker_text").take(pa.array(quote_rows)))
    keys_of_words = [{_KEY_OF[w] for w in _WORD.findall(text.lower()) if w in _KEY_OF} for text in words.dictionary.to_pylist()]
    quote_keys = [keys_of_words[i] for i in words.indices.to_numpy(zero_copy_only=False).tolist()]
    named = [set() for _ in stance_rows]
    for key in sorted(GROUP_WORDS):  # which keys the speaker words an evidence holds give: counted, not paired
        with_key = quote_rows[np.array([key in keys for keys in quote_keys], bool)]
        if not len(with_key):
            continue
        held = _held_counts(stances, stance_rows, quotes, with_key)
        if held is None:
            return
        for at in np.flatnonzero(held > 0):
            named[at].add(key)
    keys = frame_strings(stances, "holder_group").take(pa.array(stance_rows)).to_pylist()
    ids = arrow_column(tables, "stances", "stance_id", pa.string())
    for row, key, keys_named in zip(stance_rows.tolist(), keys, named):
        if keys_named and key not in keys_named:
            report.add("stances", "holder-group-mismatch",
                       f"the evidence names its holder with speaker words of an unnamed source that S3 keys "
                       f"{' or '.join(sorted(keys_named))}, not {key!r} (S3, Q16)", ids[row].as_py(), "holder_group", key)


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
    stance_rows = np.flatnonzero(held)
    quote_rows = _in_articles_of(stances, stance_rows, quotes, np.flatnonzero(named))
    if not len(stance_rows) or not len(quote_rows):
        return
    # doubtful: the evidence holds some speaker's words, none of them its holder's (counted, not paired)
    any_speaker = _held_counts(stances, stance_rows, quotes, quote_rows)
    own_speaker = _held_counts(stances, stance_rows, quotes, quote_rows, also=("holder_id", "speaker_id"))
    if any_speaker is None or own_speaker is None:
        return
    unsure = (any_speaker > 0) & (own_speaker == 0)
    doubtful, held = stance_rows[unsure], any_speaker[unsure]
    if not len(doubtful):
        return
    mention_rows = np.flatnonzero(~(frame_nulls(mentions, "article_id") | frame_nulls(mentions, "start")
                                    | frame_nulls(mentions, "end") | frame_nulls(mentions, "entity_id")))
    if len(mention_rows):
        mentioned = same_article_span_match(stances, doubtful, mentions, mention_rows, "holds", "count",
                                            ("evidence_start", "evidence_end"), also=("holder_id", "entity_id"))
        if mentioned is None:
            return
        doubtful, held = doubtful[mentioned == 0], held[mentioned == 0]
    holders = frame_strings(stances, "holder_id").take(pa.array(doubtful)).to_pylist()
    ids = arrow_column(tables, "stances", "stance_id", pa.string())
    for row, holder, speakers in zip(doubtful.tolist(), holders, _speakers_held(stances, doubtful, quotes, quote_rows, held)):
        report.add("stances", "holder-not-speaker",
                   f"the evidence is a clause the text gives to {speakers} (its speaker words lie in it), "
                   f"and it does not mention {holder!r} (S3, S5)", ids[row].as_py(), "holder_id", holder)


MAX_SPEAKERS_LISTED = 100
"""Past this many quotes held by one evidence, its speakers are found speaker by speaker (counted,
not paired: nested stances over nested quotes would pair the square of their rows), and past
this many distinct speakers too, a finding names the first and the last quote's and the count."""


def _in_articles_of(stances, stance_rows: np.ndarray, quotes, quote_rows: np.ndarray) -> np.ndarray:
    """The quote rows of the articles some of the stance rows are in (the others hold none)."""
    if not len(stance_rows) or not len(quote_rows):
        return quote_rows[:0]
    stance_articles, quote_articles = article_codes((stances, stance_rows), (quotes, quote_rows))
    return quote_rows[np.isin(quote_articles, stance_articles)]


def _held_counts(stances, stance_rows: np.ndarray, quotes, quote_rows: np.ndarray, also=None) -> np.ndarray | None:
    """For each stance row, how many of `quote_rows` (of the same article; with `also`, of its own
    entity too) have their speaker words in its evidence span; None when the pairing is undecided."""
    return same_article_span_match(stances, stance_rows, quotes, quote_rows, "holds", "count",
                                   ("evidence_start", "evidence_end"), ("speaker_start", "speaker_end"), also=also)


def _speakers_held(stances, stance_rows: np.ndarray, quotes, quote_rows: np.ndarray, counts: np.ndarray) -> list[str]:
    """The speakers whose words each stance row's evidence holds, spelt for a finding: every one
    (sorted, joined by "or") up to MAX_SPEAKERS_LISTED quotes held, else the first and the last
    quote's speakers and the count (`counts`: the quotes each row holds, `_held_counts`)."""
    spans = ("evidence_start", "evidence_end"), ("speaker_start", "speaker_end")
    few = np.flatnonzero(counts <= MAX_SPEAKERS_LISTED)
    speakers: list[set[str]] = [set() for _ in stance_rows]
    pairs = same_article_span_pairs(stances, stance_rows[few], quotes, quote_rows, *spans, relation="holds")
    names = frame_strings(quotes, "speaker_id").take(pa.array(quote_rows[pairs.right])).to_pylist()
    for at, name in zip(few[pairs.left].tolist(), names):
        speakers[at].add(name)
    spelt = [" or ".join(sorted(names)) for names in speakers]
    many = np.flatnonzero(counts > MAX_SPEAKERS_LISTED)
    if len(many):
        for at, names in zip(many.tolist(), _speakers_held_by_many(stances, stance_rows[many], quotes, quote_rows, counts[many])):
            spelt[at] = names
    return spelt


def _speakers_held_by_many(stances, stance_rows: np.ndarray, quotes, quote_rows: np.ndarray, counts: np.ndarray) -> list[str]:
    """`_speakers_held` for rows holding many quotes: each speaker's quotes counted in turn while
    there are at most MAX_SPEAKERS_LISTED speakers, else the first and the last quote's and the count."""
    spans = ("evidence_start", "evidence_end"), ("speaker_start", "speaker_end")
    quote_rows = _in_articles_of(stances, stance_rows, quotes, quote_rows)  # the speakers of these articles only
    speaker_ids = frame_strings(quotes, "speaker_id").take(pa.array(quote_rows)).to_pylist()
    distinct = sorted(set(speaker_ids))
    if len(distinct) <= MAX_SPEAKERS_LISTED:
        speakers: list[list[str]] = [[] for _ in stance_rows]
        for name in distinct:
            own = quote_rows[np.array([s == name for s in speaker_ids], bool)]
            held = same_article_span_match(stances, stance_rows, quotes, own, "holds", "count", *spans)
            for at in np.flatnonzero(held > 0):
                speakers[at].append(name)
        return [" or ".join(names) for names in speakers]
    first, last = (frame_strings(quotes, "speaker_id").take(pa.array(quote_rows[same_article_span_match(
        stances, stance_rows, quotes, quote_rows, "holds", pick, *spans)])).to_pylist() for pick in ("first", "last"))
    return [f"the speakers of {counted(count, 'quote')} ({one!r} first, {other!r} last)" for count, one, other in zip(counts.tolist(), first, last)]
