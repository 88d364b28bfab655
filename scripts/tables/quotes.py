"""Build `quotes`: spans, speakers, cues, nesting and cross-article clusters (Q1-Q12)."""

from __future__ import annotations

from collections import defaultdict

from landstrikes.annotations.corpus import Corpus
from landstrikes.annotations.spans import span_spec
from landstrikes.errors import short
from landstrikes.schema.labels import QUOTE_KINDS, SPEAKER_STATUSES
from landstrikes.schema.quote_words import word_similarity
from landstrikes.tables.common import choice, layer_records, span_id, span_of, unique_rows

FIELDS = {"text", "n", "in", "kind", "status", "speaker", "speakers", "mention", "speaker_phrase", "cue", "lemma", "parent", "cluster",
          "event"}


def build_quotes(corpus: Corpus) -> list[dict]:
    rows, recs = [], []
    for article, record in layer_records(corpus, "quotes"):
        record.check_keys(FIELDS)
        start, end = span_of(record, article, span_spec(record), "quote")
        speaker, mention = record.get("speaker"), record.get("mention")
        default_status = "attributed" if speaker and mention else None
        status = choice(record, "status", SPEAKER_STATUSES, default=default_status)
        mention_id = None
        words = _speaker_words(record, article, mention, status, (start, end))
        if mention is not None:
            mention_id = span_id(article.article_id, "m", *words)
        cue = record.get("cue")
        cue_start = cue_end = cue_text = lemma = None
        if cue is not None:
            cue_start, cue_end = span_of(record, article, cue, "cue")
            cue_text = article.text[cue_start:cue_end]
            lemma = str(record.require("lemma"))
        parent_id = None
        if record.get("parent") is not None:
            p_start, p_end = span_of(record, article, record.get("parent"), "parent quote")
            parent_id = span_id(article.article_id, "q", p_start, p_end)
        quote_id = span_id(article.article_id, "q", start, end)
        speakers = _speaker_ids(record, status, speaker)
        rows.append(
            {
                "quote_id": quote_id,
                "article_id": article.article_id,
                "start": start,
                "end": end,
                "text": article.text[start:end],
                "kind": choice(record, "kind", QUOTE_KINDS),
                "speaker_status": status,
                "speaker_id": speaker,
                "speaker_mention_id": mention_id,
                "speaker_ids": speakers,
                "speaker_start": words[0] if words else None,
                "speaker_end": words[1] if words else None,
                "speaker_text": article.text[words[0]:words[1]] if words else None,
                "cue_start": cue_start,
                "cue_end": cue_end,
                "cue_text": cue_text,
                "cue_lemma": lemma,
                "parent_quote_id": parent_id,
                "event_id": record.get("event"),
                "cluster_id": record.get("cluster") or quote_id,
                "cluster_similarity": 1.0,
            }
        )
        recs.append(record)
    rows = unique_rows(rows, "quote_id", recs)
    return with_cluster_similarity(rows)


def _speaker_words(record, article, mention, status: str, quote: tuple[int, int]) -> tuple[int, int] | None:
    """Where the text names who spoke (Q16): the speaker mention, or the `speaker_phrase` of a
    speaker with no mention (`Security analysts`, `Both governments`); one of them, never both.
    A phrase the status does not call for, one missing, or words inside the quote are the
    source's error (file:line), not a table that fails validation (attack7)."""
    phrase = record.get("speaker_phrase")
    if mention is not None and phrase is not None:
        raise record.error("a quote gives its speaker's words once: 'mention' (a mention row) or 'speaker_phrase', not both (Q16)")
    if phrase is not None and status not in _NAMED_BY_PHRASE:
        raise record.error(f"only an unnamed_source or multiple quote gives 'speaker_phrase'; this one is {short(status)} (Q16)",
                           "speaker_phrase", "speaker-words-inconsistent")
    if phrase is None and mention is None and status in _NAMED_BY_PHRASE:
        raise record.error(f"a quote with status {status!r} gives the phrase naming its speakers under 'speaker_phrase' (Q16)",
                           "status", "speaker-words-inconsistent")
    words = None
    if mention is not None:
        words = span_of(record, article, mention, "speaker mention")
    elif phrase is not None:
        words = span_of(record, article, phrase, "speaker phrase")
    if words is not None and words[0] < quote[1] and quote[0] < words[1]:
        raise record.error(f"the speaker's words [{words[0]}, {words[1]}) overlap the quoted words [{quote[0]}, {quote[1]}) (Q16)",
                           "speaker_phrase" if phrase is not None else "mention", "speaker-words-inconsistent")
    return words


_NAMED_BY_PHRASE = ("unnamed_source", "multiple")
"""Statuses whose speaker has no mention: the annotator gives the phrase naming them (Q16)."""


def _speaker_ids(record, status: str, speaker: str | None) -> list[str]:
    """[speaker] for one speaker; the listed speakers of a `multiple` row (Q9)."""
    listed = record.get("speakers")
    if status == "multiple":
        if not isinstance(listed, list) or len(listed) < 2 or not all(isinstance(s, str) for s in listed):
            raise record.error("a quote with status 'multiple' lists its two or more speakers under 'speakers' (Q9)")
        return sorted(listed)
    if listed is not None:
        raise record.error("only a quote with status 'multiple' lists 'speakers'")
    return [speaker] if speaker else []


def with_cluster_similarity(rows: list[dict]) -> list[dict]:
    """Score each variant against its cluster's most complete direct variant (Q12)."""
    clusters: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        clusters[row["cluster_id"]].append(row)
    for members in clusters.values():
        reference = max(members, key=lambda r: (r["kind"] == "direct", len(r["text"]), r["quote_id"]))
        for row in members:
            row["cluster_similarity"] = word_similarity(row["text"], reference["text"])
    return rows


