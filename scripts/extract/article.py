"""`extract_article`: one article's text in, silver rows for every table out (pure, no I/O).

The rows are built as records, tuples in the order of their table's columns
(`extract_records`): the extract command hands them to Arrow as they are, so no dict is built,
read and freed per row (about 50 rows per news article). `extract_article` is the same rows as
dicts keyed by column name, for every caller that reads rows by name.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import replace

from landstrikes.extract.claims import find_claims
from landstrikes.extract.entities import Mention, find_mentions, slug
from landstrikes.extract.limits import check_rows
from landstrikes.extract.quotes import Quote, find_quotes
from landstrikes.extract.quoterow import Speaker
from landstrikes.extract.segments import segment_spans
from landstrikes.extract.text import inside_word
from landstrikes.schema.article_rules import BOILERPLATE_KINDS, FACTUAL_SLIPS, quality_label_for, title_of
from landstrikes.schema.auto_constants import ARTICLE_CONFIDENCE, AUTO_CLAIM_TYPE, AUTO_CONSISTENCY, AUTO_RECORD_STATUS, segment_confidence
from landstrikes.schema.controls import writable
from landstrikes.schema.final_punctuation import CLAUSE_STOPS, FINAL_PUNCTUATION
from landstrikes.schema.registry import TABLES_BY_NAME

AUTO = "auto"
ARTICLE_TABLES = ("articles", "mentions", "quotes", "claims", "claim_clusters", "segments", "quality_flags")
"""Tables with rows per article; `entities` is merged across articles from the mention rows."""
FIELDS = {table: tuple(TABLES_BY_NAME[table].column_names) for table in ARTICLE_TABLES}
"""Each table's columns in its schema's order: the order of a record's values."""
EVIDENCE_FIELDS = ("entity_id", "name", "type", "mentions", "confidence", "aliases")
"""The order of an `entity_rows` record's values: one article's evidence for one entity (its
aliases a sorted tuple in a record, a list in `extract_article`'s dicts)."""
_NEAR_QUOTES = 16
"""Quotes looked at for a claim's claimant (bounded, so the lookup stays linear)."""


def extract_article(article_id: str, text: str, source_file: str | None = None) -> dict[str, list[dict]]:
    """Silver rows of every per-article table plus `entity_rows` (one per entity seen here), as
    dicts keyed by column name: `extract_records`' records, named."""
    records = extract_records(article_id, text, source_file)
    rows = {table: [dict(zip(FIELDS[table], r)) for r in records[table]] for table in ARTICLE_TABLES}
    rows["entity_rows"] = [dict(zip(EVIDENCE_FIELDS, (*r[:-1], list(r[-1])))) for r in records["entity_rows"]]
    return rows


def extract_records(article_id: str, text: str, source_file: str | None = None) -> dict[str, list[tuple]]:
    """Every per-article table's rows as tuples in the order of `FIELDS[table]`, plus `entity_rows`
    in the order of `EVIDENCE_FIELDS`: what the extract command writes."""
    if not text:
        return {name: [] for name in (*ARTICLE_TABLES, "entity_rows")}
    mentions = find_mentions(text)
    check_rows("mention", len(mentions))
    quotes = find_quotes(text, mentions)
    check_rows("quote", len(quotes))
    all_mentions, quotes = _one_entity_per_span(mentions, quotes)
    spans = segment_spans(text)
    flags = _quality_rows(article_id, text, spans)
    claims, clusters = _claim_rows(article_id, text, quotes, _boilerplate(spans))
    check_rows("claim", len(claims))
    return {
        "articles": [_article_row(article_id, text, source_file, spans, flags)],
        "mentions": [_mention_row(article_id, text, m) for m in all_mentions],
        "quotes": [_quote_row(article_id, text, q) for q in quotes],
        "claims": claims,
        "claim_clusters": clusters,
        "segments": _segment_rows(article_id, text, spans),
        "quality_flags": flags,
        "entity_rows": _entity_rows(text, all_mentions),
    }


def _span_id(article_id: str, code: str, start: int, end: int) -> str:
    return f"{article_id}:{code}:{start}-{end}"


def _one_entity_per_span(mentions: list[Mention], quotes: list[Quote]) -> tuple[list[Mention], list[Quote]]:
    """The mention rows (one per span, the first found) with each quote's role or pronoun speaker
    added, and the quotes with their speaker as tabled. One span is one mention row, so a quote's
    speaker mention and the row at that span must name one entity. The mention layer and the
    quote layer resolve a role or a pronoun separately; where they disagreed, the quote named one
    entity and its `speaker_mention_id` a mention of another, and the silver failed
    `speaker-mention-mismatch` (after the sixth round's rules, one text in 2,575: `<Country>'s
    President, <Name>, said: ... But he added`). The first quote to read a span read it in its
    reporting clause, so its reading is tabled; a later quote whose speaker shares the span takes
    the tabled one."""
    by_span: dict[tuple[int, int], Mention] = {}
    for m in mentions:
        by_span.setdefault((m.start, m.end), m)
    read_by_a_quote = set()
    out = []
    for q in quotes:
        mine = q.speaker.mention
        if mine is not None and not mine.name:
            # an implicit quote inherits the last speaker's mention before pronouns are resolved: a
            # `he` no person resolved names nobody (its entity would have an empty name)
            q = replace(q, speaker=Speaker("unattributed"))
            mine = None
        if mine is not None:
            span = (mine.start, mine.end)
            tabled_as = by_span.get(span)
            if tabled_as is None:
                if mine.kind != "NAME":  # (a name speaker is one of the mentions already)
                    by_span[span] = mine
            elif tabled_as.name != mine.name:
                if span in read_by_a_quote:
                    q = replace(q, speaker=replace(q.speaker, mention=tabled_as))
                else:
                    by_span[span] = mine  # the quote's reading replaces the mention layer's
            read_by_a_quote.add(span)
        out.append(q)
    return sorted(by_span.values(), key=lambda m: (m.start, m.end)), out


def _mention_row(article_id: str, text: str, m: Mention) -> tuple:
    return (
        _span_id(article_id, "m", m.start, m.end),  # mention_id
        article_id,
        slug(m.name),  # entity_id
        m.start,
        m.end,
        text[m.start:m.end],  # text
        m.kind,
        AUTO,  # source
        round(m.confidence, 4),
    )


def _quote_row(article_id: str, text: str, q: Quote) -> tuple:
    quote_id = _span_id(article_id, "q", q.start, q.end)
    mention = q.speaker.mention
    status = q.speaker.status
    speaker_id = slug(mention.name) if mention is not None and status in ("attributed", "implicit") else None
    cue = q.cue if q.cue and not (inside_word(text, q.cue[0]) or inside_word(text, q.cue[1])) else None
    # a cue regex's \b follows this Python's Unicode tables: glued to a letter they do not know
    # ('said' + U+A7CB), the "cue" is part of a longer word, which validate's newer tables see
    return (
        quote_id,
        article_id,
        q.start,
        q.end,
        text[q.start:q.end],  # text
        q.kind,
        status if speaker_id or status not in ("attributed", "implicit") else "unattributed",  # speaker_status
        speaker_id,
        _span_id(article_id, "m", mention.start, mention.end) if speaker_id and status == "attributed" else None,  # speaker_mention_id
        [speaker_id] if speaker_id else [],  # speaker_ids
        *_speaker_words(text, q, mention if speaker_id and status == "attributed" else None),  # speaker_start, _end, _text
        cue[0] if cue else None,  # cue_start
        cue[1] if cue else None,  # cue_end
        text[cue[0]:cue[1]] if cue else None,  # cue_text
        cue[2] if cue else None,  # cue_lemma
        _span_id(article_id, "q", *q.parent) if q.parent else None,  # parent_quote_id
        None,  # event_id: the speech event (Q14) is left to review
        quote_id,  # cluster_id
        1.0,  # cluster_similarity
        AUTO,  # source
        round(q.confidence, 4),
    )


def _speaker_words(text: str, q: Quote, mention: Mention | None) -> tuple:
    """Where the text names who spoke (Q16): the speaker mention, or an unnamed source's phrase
    (whole words: quotes._whole_word_speaker); none for other statuses or a phrase overlapping
    the quoted words. (speaker_start, speaker_end, speaker_text)"""
    span = (mention.start, mention.end) if mention is not None else q.speaker.phrase if q.speaker.status == "unnamed_source" else None
    if span is None or mention is None and span[0] < q.end and q.start < span[1]:
        return (None, None, None)
    return (span[0], span[1], text[span[0]:span[1]])


def _boilerplate(spans: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """The navigation, prompt and advertisement segments and the repeats of the headline (a
    headline segment after the first, which `_quality_rows` flags `duplicate_headline`), in text
    order: no claim there (C12; C10: a repeat of the headline is not annotated, its claim is the
    headline's; attack36: "$4bn" in a repeated headline gave a claim `claim-in-repeated-headline`)."""
    return [(start, end) for start, end, kind in spans if kind in BOILERPLATE_KINDS or (kind == "headline" and start > 0)]


def _in_boilerplate(start: int, end: int, boilerplate: list[tuple[int, int]], ends: list[int]) -> bool:
    """True when [start, end) overlaps one of the (sorted, disjoint) boilerplate segments."""
    i = bisect.bisect_right(ends, start)
    return i < len(boilerplate) and boilerplate[i][0] < end


def _claim_rows(article_id: str, text: str, quotes: list[Quote], boilerplate: list[tuple[int, int]] = ()) -> tuple[list[tuple], list[tuple]]:
    """The claims rows and their claim_clusters rows: each silver claim is its own cluster until a
    reviewer merges clusters across articles (C7). None in a navigation, prompt or advertisement
    segment (C12: "Advertisement 20% off", a related article's headline are not the article's claims),
    nor in a repeat of the headline (C10)."""
    claims, clusters = [], []
    attributed = [q for q in quotes if q.speaker.mention is not None and q.speaker.status == "attributed"]
    starts = [q.start for q in attributed]  # quotes come sorted by start
    ends = [end for _, end in boilerplate]
    for c in find_claims(text):
        if _in_boilerplate(c.start, c.end, boilerplate, ends):
            continue
        claim_id = _span_id(article_id, "c", c.start, c.end)
        claimant = None
        if c.hedging == "attributed":
            # the first attributed quote overlapping the claim, among the last few starting before its end
            last = bisect.bisect_right(starts, c.end)
            near = [q for q in attributed[max(0, last - _NEAR_QUOTES):last] if c.start <= q.end]
            claimant = slug(near[0].speaker.mention.name) if near else None
        claim_text = text[c.start:c.end]
        claims.append((
            claim_id,
            article_id,
            c.start,
            c.end,
            claim_text,  # text
            claimant,  # claimant_id
            AUTO_CLAIM_TYPE,  # claim_type
            c.low,  # quantity_low
            c.high,  # quantity_high
            c.unit,  # quantity_unit
            c.bound,  # quantity_bound
            c.hedging,
            claim_id,  # cluster_id
            None,  # variant_id
            AUTO_CONSISTENCY,  # consistency: cross-article clustering is left to review (C7)
            [],  # contradicted_by
            AUTO_RECORD_STATUS,  # record_status: checking against the public record is left to review (C9b)
            AUTO,  # source
            c.confidence,
        ))
        clusters.append((
            claim_id,  # cluster_id
            writable(claim_text).strip(),  # proposition: the claim's words, less what no source may hold (controls), trimmed (G5)
            [],  # variant_ids
            [],  # variant_propositions
            AUTO_RECORD_STATUS,  # record_status
            None,  # record_note
            [],  # variant_record_statuses
            [],  # variant_record_notes
            1,  # n_claims
            1,  # n_articles
            False,  # contradicted
            AUTO,  # source
            c.confidence,
        ))
    return claims, clusters


def _segment_rows(article_id: str, text: str, spans: list[tuple[int, int, str]]) -> list[tuple]:
    return [
        (
            _span_id(article_id, "g", start, end),  # segment_id
            article_id,
            start,
            end,
            text[start:end],  # text
            kind,
            AUTO,  # source
            segment_confidence(kind),  # G6
        )
        for start, end, kind in spans
    ]


def _quality_rows(article_id: str, text: str, spans: list[tuple[int, int, str]]) -> list[tuple]:
    """Only the flags text shape can prove: boilerplate blocks and a repeated headline (AQ1)."""
    rows = []
    for seg_start, seg_end, kind in spans:
        flag = "boilerplate" if kind in BOILERPLATE_KINDS else None
        if kind == "headline" and seg_start > 0:
            flag = "duplicate_headline"
        if flag is None:
            continue
        seg_text = text[seg_start:seg_end]
        span_text = seg_text.strip()
        start = seg_start + seg_text.index(span_text[:1]) if span_text else seg_start
        end = _before_final_punctuation(text, start, start + len(span_text))
        if end <= start and span_text:
            continue  # a block of nothing but stops proves nothing
        rows.append((
            f"{article_id}:f:{flag}:{start}-{end}",  # flag_id
            article_id,
            flag,
            start,
            end,
            text[start:end],  # text
            f"auto: {kind} block" if flag == "boilerplate" else "auto: the headline line is repeated",  # note
            AUTO,  # source
            segment_confidence(kind),  # the segment's confidence (G6)
        ))
    return rows


def _before_final_punctuation(text: str, start: int, end: int) -> int:
    """A flag's evidence ends before its sentence's final punctuation and the clause stop after its
    last word (G2: validate's `flag-evidence-final-punctuation`, 17 dev-news boilerplate blocks
    ended on `.` or `!`; `span-ends-on-clause-stop` since 2.11, a "Related articles:" heading)."""
    while end > start and (text[end - 1] in _EVIDENCE_STOPS or text[end - 1].isspace()):
        end -= 1
    return end


_EVIDENCE_STOPS = FINAL_PUNCTUATION + CLAUSE_STOPS
"""What a flag's evidence never ends on (G2): final punctuation and the clause stops."""

_FLAG = FIELDS["quality_flags"].index("flag")


def _article_row(article_id: str, text: str, source_file: str | None, spans: list[tuple[int, int, str]], flags: list[tuple]) -> tuple:
    names = [f[_FLAG] for f in flags]
    noise = sum(end - start for start, end, kind in spans if kind in BOILERPLATE_KINDS)
    headlines = [{"start": start, "end": end, "kind": kind} for start, end, kind in spans if kind == "headline"]
    return (
        article_id,
        source_file or f"{article_id}.txt",  # source_file
        hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),  # sha256
        title_of(text, headlines),  # title
        text,
        len(text),  # n_chars
        len(text.split()),  # n_words
        quality_label_for(sorted(set(names)), sum(names.count(f) for f in FACTUAL_SLIPS)),  # quality_label
        sorted(set(names)),  # quality_flags
        round(noise / len(text), 6),  # boilerplate_share
        AUTO,  # source
        ARTICLE_CONFIDENCE,  # confidence (G6)
    )


def _entity_rows(text: str, mentions: list[Mention]) -> list[tuple]:
    """Per-article evidence for the entity catalogue (EVIDENCE_FIELDS records): id, name, type,
    mentions, best confidence, surfaces (a sorted tuple: a record of strings, numbers and a tuple of
    strings is untracked by the garbage collector at its first collection, so the chunk holds the
    records as they are until it writes them, `catalogue.ChunkEvidence.hold`)."""
    by_id: dict[str, list] = {}  # entity_id -> [name, type, mentions, confidence, aliases]
    for m in mentions:
        if m.kind != "NAME":
            continue
        key = slug(m.name)
        evidence = by_id.get(key)
        if evidence is None:  # (not setdefault: that would build a list and a set for every mention)
            evidence = by_id[key] = [m.name, m.type, 0, 0.0, set()]
        evidence[2] += 1
        evidence[3] = max(evidence[3], m.confidence)
        evidence[4].add(text[m.start:m.end])
    for m in mentions:
        if m.kind != "NAME" and slug(m.name) not in by_id:
            by_id[slug(m.name)] = [m.name, m.type, 0, m.confidence, set()]
    return [(key, name, type_, n, confidence, tuple(sorted(aliases))) for key, (name, type_, n, confidence, aliases) in by_id.items()]
