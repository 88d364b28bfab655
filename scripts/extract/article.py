"""`extract_article`: one article's text in, silver rows for every table out (pure, no I/O)."""

from __future__ import annotations

import bisect
import hashlib

from landstrikes.extract.claims import find_claims
from landstrikes.extract.entities import Mention, find_mentions, slug
from landstrikes.extract.limits import check_rows
from landstrikes.extract.quotes import Quote, find_quotes
from landstrikes.extract.segments import CONFIDENCE, segment_spans
from landstrikes.extract.text import inside_word
from landstrikes.schema.article_rules import BOILERPLATE_KINDS, FACTUAL_SLIPS, quality_label_for, title_of

AUTO = "auto"
ARTICLE_TABLES = ("articles", "mentions", "quotes", "claims", "claim_clusters", "segments", "quality_flags")
"""Tables with rows per article; `entities` is merged across articles from the mention rows."""
_NEAR_QUOTES = 16
"""Quotes looked at for a claim's claimant (bounded, so the lookup stays linear)."""


def extract_article(article_id: str, text: str, source_file: str | None = None) -> dict[str, list[dict]]:
    """Silver rows of every per-article table plus `entity_rows` (one per entity seen here)."""
    if not text:
        return {name: [] for name in (*ARTICLE_TABLES, "entity_rows")}
    mentions = find_mentions(text)
    check_rows("mention", len(mentions))
    quotes = find_quotes(text, mentions)
    check_rows("quote", len(quotes))
    speaker_mentions = [q.speaker.mention for q in quotes if q.speaker.mention is not None and q.speaker.mention.kind != "NAME"]
    all_mentions = _unique_mentions(mentions + speaker_mentions)
    segments = _segment_rows(article_id, text)
    flags = _quality_rows(article_id, text, segments)
    claims = _claim_rows(article_id, text, quotes)
    check_rows("claim", len(claims))
    return {
        "articles": [_article_row(article_id, text, source_file, segments, flags)],
        "mentions": [_mention_row(article_id, text, m) for m in all_mentions],
        "quotes": [_quote_row(article_id, text, q) for q in quotes],
        "claims": claims,
        "claim_clusters": [_cluster_row(claim) for claim in claims],
        "segments": segments,
        "quality_flags": flags,
        "entity_rows": _entity_rows(text, all_mentions),
    }


def _span_id(article_id: str, code: str, start: int, end: int) -> str:
    return f"{article_id}:{code}:{start}-{end}"


def _unique_mentions(mentions: list[Mention]) -> list[Mention]:
    seen: dict[tuple[int, int], Mention] = {}
    for m in mentions:
        seen.setdefault((m.start, m.end), m)
    return sorted(seen.values(), key=lambda m: (m.start, m.end))


def _mention_row(article_id: str, text: str, m: Mention) -> dict:
    return {
        "mention_id": _span_id(article_id, "m", m.start, m.end),
        "article_id": article_id,
        "entity_id": slug(m.name),
        "start": m.start,
        "end": m.end,
        "text": text[m.start:m.end],
        "kind": m.kind,
        "source": AUTO,
        "confidence": round(m.confidence, 4),
    }


def _quote_row(article_id: str, text: str, q: Quote) -> dict:
    quote_id = _span_id(article_id, "q", q.start, q.end)
    mention = q.speaker.mention
    status = q.speaker.status
    speaker_id = slug(mention.name) if mention is not None and status in ("attributed", "implicit") else None
    cue = q.cue if q.cue and not (inside_word(text, q.cue[0]) or inside_word(text, q.cue[1])) else None
    # a cue regex's \b follows this Python's Unicode tables: glued to a letter they do not know
    # ('said' + U+A7CB), the "cue" is part of a longer word, which validate's newer tables see
    return {
        "quote_id": quote_id,
        "article_id": article_id,
        "start": q.start,
        "end": q.end,
        "text": text[q.start:q.end],
        "kind": q.kind,
        "speaker_status": status if speaker_id or status not in ("attributed", "implicit") else "unattributed",
        "speaker_id": speaker_id,
        "speaker_mention_id": _span_id(article_id, "m", mention.start, mention.end) if speaker_id and status == "attributed" else None,
        "speaker_ids": [speaker_id] if speaker_id else [],
        **_speaker_words(text, q, mention if speaker_id and status == "attributed" else None),
        "cue_start": cue[0] if cue else None,
        "cue_end": cue[1] if cue else None,
        "cue_text": text[cue[0]:cue[1]] if cue else None,
        "cue_lemma": cue[2] if cue else None,
        "parent_quote_id": _span_id(article_id, "q", *q.parent) if q.parent else None,
        "event_id": None,  # the speech event (Q14) is left to review
        "cluster_id": quote_id,
        "cluster_similarity": 1.0,
        "source": AUTO,
        "confidence": round(q.confidence, 4),
    }


def _speaker_words(text: str, q: Quote, mention: Mention | None) -> dict:
    """Where the text names who spoke (Q16): the speaker mention, or an unnamed source's phrase;
    none for other statuses, a phrase overlapping the quoted words, or one whose edge falls inside
    a word (`analysts` glued to U+A7CB, a letter to validate's newer tables: attack7)."""
    span = (mention.start, mention.end) if mention is not None else q.speaker.phrase if q.speaker.status == "unnamed_source" else None
    if span is None or mention is None and (span[0] < q.end and q.start < span[1] or inside_word(text, span[0]) or inside_word(text, span[1])):
        return {"speaker_start": None, "speaker_end": None, "speaker_text": None}
    return {"speaker_start": span[0], "speaker_end": span[1], "speaker_text": text[span[0]:span[1]]}


def _claim_rows(article_id: str, text: str, quotes: list[Quote]) -> list[dict]:
    rows = []
    attributed = [q for q in quotes if q.speaker.mention is not None and q.speaker.status == "attributed"]
    starts = [q.start for q in attributed]  # quotes come sorted by start
    for c in find_claims(text):
        claim_id = _span_id(article_id, "c", c.start, c.end)
        claimant = None
        if c.hedging == "attributed":
            # the first attributed quote overlapping the claim, among the last few starting before its end
            last = bisect.bisect_right(starts, c.end)
            near = [q for q in attributed[max(0, last - _NEAR_QUOTES):last] if c.start <= q.end]
            claimant = slug(near[0].speaker.mention.name) if near else None
        rows.append({
            "claim_id": claim_id,
            "article_id": article_id,
            "start": c.start,
            "end": c.end,
            "text": text[c.start:c.end],
            "claimant_id": claimant,
            "claim_type": "statistic",
            "quantity_low": c.low,
            "quantity_high": c.high,
            "quantity_unit": c.unit,
            "quantity_bound": c.bound,
            "hedging": c.hedging,
            "cluster_id": claim_id,
            "variant_id": None,
            "consistency": "uncorroborated",  # cross-article clustering is left to review (C7)
            "contradicted_by": [],
            "record_status": "unknown",  # checking against the public record is left to review (C9b)
            "source": AUTO,
            "confidence": c.confidence,
        })
    return rows


def _cluster_row(claim: dict) -> dict:
    """Each silver claim is its own cluster until a reviewer merges clusters across articles (C7)."""
    return {
        "cluster_id": claim["cluster_id"],
        "proposition": claim["text"],
        "variant_ids": [],
        "variant_propositions": [],
        "record_status": "unknown",
        "record_note": None,
        "variant_record_statuses": [],
        "variant_record_notes": [],
        "n_claims": 1,
        "n_articles": 1,
        "contradicted": False,
        "source": AUTO,
        "confidence": claim["confidence"],
    }


def _segment_rows(article_id: str, text: str) -> list[dict]:
    return [
        {
            "segment_id": _span_id(article_id, "g", start, end),
            "article_id": article_id,
            "start": start,
            "end": end,
            "text": text[start:end],
            "kind": kind,
            "source": AUTO,
            "confidence": CONFIDENCE.get(kind, 0.5),
        }
        for start, end, kind in segment_spans(text)
    ]


def _quality_rows(article_id: str, text: str, segments: list[dict]) -> list[dict]:
    """Only the flags text shape can prove: boilerplate blocks and a repeated headline (AQ1)."""
    rows = []
    for seg in segments:
        flag = "boilerplate" if seg["kind"] in BOILERPLATE_KINDS else None
        if seg["kind"] == "headline" and seg["start"] > 0:
            flag = "duplicate_headline"
        if flag is None:
            continue
        span_text = seg["text"].strip()
        start = seg["start"] + seg["text"].index(span_text[:1]) if span_text else seg["start"]
        end = start + len(span_text)
        rows.append({
            "flag_id": f"{article_id}:f:{flag}:{start}-{end}",
            "article_id": article_id,
            "flag": flag,
            "start": start,
            "end": end,
            "text": text[start:end],
            "note": f"auto: {seg['kind']} block" if flag == "boilerplate" else "auto: the headline line is repeated",
            "source": AUTO,
            "confidence": seg["confidence"],
        })
    return rows


def _article_row(article_id: str, text: str, source_file: str | None, segments: list[dict], flags: list[dict]) -> dict:
    names = [f["flag"] for f in flags]
    noise = sum(s["end"] - s["start"] for s in segments if s["kind"] in BOILERPLATE_KINDS)
    return {
        "article_id": article_id,
        "source_file": source_file or f"{article_id}.txt",
        "sha256": hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        "title": title_of(text, segments),
        "text": text,
        "n_chars": len(text),
        "n_words": len(text.split()),
        "quality_label": quality_label_for(sorted(set(names)), sum(names.count(f) for f in FACTUAL_SLIPS)),
        "quality_flags": sorted(set(names)),
        "boilerplate_share": round(noise / len(text), 6),
        "source": AUTO,
        "confidence": 0.5,
    }


def _entity_rows(text: str, mentions: list[Mention]) -> list[dict]:
    """Per-article evidence for the entity catalogue: id, name, type, surfaces, confidence."""
    by_id: dict[str, dict] = {}
    for m in mentions:
        if m.kind != "NAME":
            continue
        key = slug(m.name)
        row = by_id.get(key)
        if row is None:  # (not setdefault: that would build a dict and a set for every mention)
            row = by_id[key] = {"entity_id": key, "name": m.name, "type": m.type, "aliases": set(), "confidence": 0.0, "mentions": 0}
        row["aliases"].add(text[m.start:m.end])
        row["confidence"] = max(row["confidence"], m.confidence)
        row["mentions"] += 1
    for m in mentions:
        if m.kind != "NAME" and slug(m.name) not in by_id:
            by_id[slug(m.name)] = {"entity_id": slug(m.name), "name": m.name, "type": m.type, "aliases": set(), "confidence": m.confidence, "mentions": 0}
    return [{**r, "aliases": sorted(r["aliases"])} for r in by_id.values()]
