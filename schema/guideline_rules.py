"""Rules of ANNOTATION_GUIDELINES.md that a single row can break while every id, span and key
still checks out (attack5: each was VALID). Each rule is decided on Arrow for the whole column,
and rows are walked only when it fails. attack5's other cases (a NAME of another entity, half a
quantity, a flag without its note, a cluster without its reference row) are the false-VALID
census's checks (schema/census_checks.py).

- `pronoun-not-a-pronoun` (M1): a PRONOUN mention is an English pronoun ('he', 'her', 'they'...).
- `speaker-cannot-speak` (Q6): an annotator's speaker is someone who can utter words: never an
  EVENT, a LAW, a LOC (a non-political place) or an OTHER (a poll, a programme; attack55). The
  extractor's rows (source `auto`) are exempt: its entity types are proposals merged across articles ('Mr Law' typed LAW by its last word), a quality matter for
  review, not a corrupt table.
- `claimant-cannot-claim` (C3, guidelines 2.23): an annotator's claimant says or holds its
  proposition, so it is never an EVENT, a LAW, a LOC or an OTHER either, as Q6's speaker and S3's
  holder (attack35: an attributed claim given `maduro-operation` or `national-security-strategy`, both mentioned in
  its article, validated). The extractor's rows are exempt, as for speakers.
- `quantity-unit-unknown` (C5): an annotator's unit comes from the fixed vocabulary `UNITS`
  (the extractor's rows, source `auto`, name the counted noun and are exempt).
- `quantity-unit-not-its-words` (C5 2.31): an annotator's unit names what the claim's words count
  (a share written as one, at most 100 for a share of a whole or a fall; a yearly rate with its year;
  deaths and tons named): the census's swap of a unit to another row's read VALID.
- `record-note-missing` (C9b): a cluster or variant whose record status is `matches` or
  `contradicts` says why in its record note.
- `empty-span` (every span of the schema: mentions, exclusions, claims, segments, quality flags,
  stance evidence, quote cues and speaker words): a span holds text. Quote spans may be empty: Q2 gives an empty pair of marks and a mark ending its paragraph an empty row of
  their own.
- `parent-quote-missing` (Q4): a quotation inside another names the enclosing quote as its parent
  (`parent-quote-not-enclosing` checks a parent that is named; this is the reverse). An orphan
  is the run of text up to a lone mark (Q1), not a quotation: it neither needs nor gives one.
"""
from __future__ import annotations

import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, texts_are_slices
from landstrikes.schema.checkcorpus import arrow_column
from landstrikes.schema.labels import VOICELESS
from landstrikes.schema.quantity_numbers import killing_is_counted
from landstrikes.schema.registry import TABLES
from landstrikes.schema.report import Report
from landstrikes.schema.spankeys import span_order

PRONOUNS = frozenset("""
i me my mine myself we us our ours ourselves you your yours yourself yourselves
he him his himself she her hers herself it its itself they them their theirs themselves
who whom whose which one
""".split())
"""Personal, possessive, reflexive and relative pronouns (M1 lists 'he', 'she', 'her', 'him',
'they' as examples; a pronoun is a closed class, so the whole class is listed)."""

UNITS = frozenset({"deaths/year", "people/year", "percent", "percent_decrease", "percent_increase", "boats", "metric_tons"})
"""C5's fixed vocabulary of quantity units for annotated (gold) claims; a new unit is added here
and in the guideline in one reviewed change."""

def check_pronoun_mentions(tables, report: Report) -> None:
    mentions = tables.get("mentions")
    if mentions is None or len(mentions) == 0 or not has_columns(mentions, "kind", "text", "mention_id"):
        return
    pronoun = pc.fill_null(pc.equal(arrow_column(tables, "mentions", "kind", pa.string()), "PRONOUN"), False)
    rows = np.flatnonzero(np.asarray(pronoun.to_numpy(zero_copy_only=False), dtype=bool))
    text = arrow_column(tables, "mentions", "text", pa.string()).take(pa.array(rows, pa.int64()))
    known = pc.is_in(pc.utf8_lower(pc.utf8_trim_whitespace(text)), value_set=pa.array(sorted(PRONOUNS)))
    ids = None
    suspects = [int(rows[i]) for i in _rows(pc.invert(pc.fill_null(known, False)))]
    for row in _as_written(tables, "mentions", suspects):
        ids = ids or arrow_column(tables, "mentions", "mention_id", pa.string()).to_pylist()
        value = arrow_column(tables, "mentions", "text", pa.string())[row].as_py()
        report.add("mentions", "pronoun-not-a-pronoun", f"a PRONOUN mention reads {value!r}, which is no pronoun (M1)",
                   ids[row], "kind", value, value_of="its text")


def check_speakers_can_speak(tables, report: Report) -> None:
    quotes, entities = tables.get("quotes"), tables.get("entities")
    if quotes is None or entities is None or len(quotes) == 0 or not has_columns(entities, "entity_id", "type"):
        return
    if not has_columns(quotes, "quote_id", "speaker_id"):
        return
    kinds = silent_entities(tables)
    if not kinds:
        return
    silent = pa.array(sorted(kinds), pa.string())
    speaker = arrow_column(tables, "quotes", "speaker_id", pa.string())
    columns = [("speaker_id", _annotated(tables, "quotes", _naming(speaker, silent)))]
    if "speaker_ids" in quotes:
        listed = arrow_column(tables, "quotes", "speaker_ids", pa.list_(pa.string()))
        flat_hits = _naming(pc.list_flatten(listed), silent)
        parents = pc.list_parent_indices(listed).to_numpy(zero_copy_only=False)
        row_hits = np.zeros(len(listed), dtype=bool)
        row_hits[parents[np.asarray(flat_hits.to_numpy(zero_copy_only=False), dtype=bool)]] = True
        columns.append(("speaker_ids", _annotated(tables, "quotes", pa.array(row_hits))))
    ids = None
    for column, mask in columns:
        for row in _rows(mask):
            ids = ids or arrow_column(tables, "quotes", "quote_id", pa.string()).to_pylist()
            if column == "speaker_id":
                value = speaker[row].as_py()
            else:
                value = next(s for s in listed[row].as_py() if s in set(silent.to_pylist()))
            report.add("quotes", "speaker-cannot-speak",
                       f"{column} {value!r} is an {kinds[value]} entity, which cannot utter words (Q6)", ids[row], column, value)


def check_claimants_can_claim(tables, report: Report) -> None:
    claims, entities = tables.get("claims"), tables.get("entities")
    if claims is None or entities is None or len(claims) == 0 or not has_columns(entities, "entity_id", "type") \
            or not has_columns(claims, "claim_id", "claimant_id"):
        return
    kinds = silent_entities(tables)
    if not kinds:
        return
    claimant = arrow_column(tables, "claims", "claimant_id", pa.string())
    hits = _annotated(tables, "claims", _naming(claimant, pa.array(sorted(kinds), pa.string())))
    ids = None
    for row in _rows(hits):
        ids = ids or arrow_column(tables, "claims", "claim_id", pa.string()).to_pylist()
        value = claimant[row].as_py()
        report.add("claims", "claimant-cannot-claim",
                   f"claimant_id {value!r} is an {kinds[value]} entity, which states nothing: a claimant says or holds "
                   "its proposition (C3, as Q6's speaker)", ids[row], "claimant_id", value)


def check_quantity_units(tables, report: Report) -> None:
    claims = tables.get("claims")
    if claims is None or len(claims) == 0 or not has_columns(claims, "claim_id", "quantity_unit"):
        return
    unit = arrow_column(tables, "claims", "quantity_unit", pa.string())
    unknown = _annotated(tables, "claims", pc.and_(pc.is_valid(unit), pc.invert(_naming(unit, pa.array(sorted(UNITS))))))
    ids = None
    for row in _rows(unknown):
        ids = ids or arrow_column(tables, "claims", "claim_id", pa.string()).to_pylist()
        value = unit[row].as_py()
        report.add("claims", "quantity-unit-unknown",
                   f"quantity_unit {value!r} is not in the fixed vocabulary of units ({', '.join(sorted(UNITS))}) (C5)",
                   ids[row], "quantity_unit", value)


SHARE_UNITS = frozenset({"percent", "percent_decrease", "percent_increase"})
"""C5's units of a share: the claim's words give it as a percentage."""

_SHARE_WORDS = re.compile(r"%|\bper ?cent\b", re.IGNORECASE)
_YEAR_WORDS = re.compile(r"\byears?\b|\bannual(?:ly)?\b|\byearly\b", re.IGNORECASE)
_DEATH_WORDS = re.compile(r"\bdeaths?\b|\bdead\b|\bdie[sd]?\b|\bdying\b|\bkill|\bfatal|\blives\b", re.IGNORECASE)
_KILLING_WORDS = re.compile(r"\bdeaths?\b|\bdead\b|\bdie[sd]?\b|\bdying\b|\bkill|\bfatal", re.IGNORECASE)
"""_DEATH_WORDS without 'lives', which is also the verb ("where she lives"): what refuses `people/year`
must name deaths unambiguously (review56)."""


class _CountedKilling:
    """`_KILLING_WORDS` where the claim's number counts them (`quantity_numbers.killing_is_counted`): a
    killing word another word governs ("50,000 people a year flee cartel killings") leaves `people/year`
    (review56's finding 5, extract57). A `search` as the unit table's regexes have."""

    @staticmethod
    def search(text: str):
        return True if _KILLING_WORDS.search(text) is not None and killing_is_counted(text) else None


_COUNTED_KILLING = _CountedKilling()
_TON_WORDS = re.compile(r"\bton(?:ne)?s?\b", re.IGNORECASE)
_FALL_WORDS = re.compile(r"\b(?:reduc|drop|declin|decreas|fall|fell|cut|lower|down\b|plung|plummet|slump|shr[iu]nk|slash|dip|sank|sink|"
                         r"los[est]|lost|knock|disrupt|eliminat|curb)", re.IGNORECASE)
_RISE_WORDS = re.compile(r"\b(?:increas|rise|rose|risen|rising|jump|grow|grew|growth|surg|gain|up\b|higher|soar|climb|doubl|tripl|"
                         r"spike|boost|expan)", re.IGNORECASE)
_CHANGE_AFTER_SHARE = re.compile(r"(?:%|\bper ?cent\b)[\s\u00a0\u202f]*(?:reduction|drop|decline|decrease|fall|cut|increase|rise|"
                                 r"jump|growth|surge|gain|spike)s?\b", re.IGNORECASE)
"""A percentage that is a change ("a 12% reduction", "a roughly 40% drop"), not a share of a whole."""
_UNIT_WORDS = (
    (("deaths/year", "people/year"), _YEAR_WORDS, True, "is a yearly rate, but the claim's words name no year"),
    (("deaths/year",), _DEATH_WORDS, True, "counts deaths, but the claim's words name none"),
    (("metric_tons",), _TON_WORDS, True, "counts tons, but the claim's words name none"),
    # attack55: each swap below validated (the census drew other rows' units, never these)
    (("people/year",), _COUNTED_KILLING, False, "counts people, but the claim's words name deaths or killing: 'deaths/year'"),
    (("percent_decrease",), _FALL_WORDS, True, "counts a fall, but the claim's words name none"),
    (("percent_increase",), _RISE_WORDS, True, "counts a rise, but the claim's words name none"),
    (("percent",), _CHANGE_AFTER_SHARE, False, "is a share of a whole, but the claim's percentage is a change "
     "('a 12% reduction'): 'percent_decrease' or 'percent_increase'"),
)
"""(units, words, whether the words must be there, why not): what each unit's name promises of the words."""


def unit_against_words(unit: str, text: str, high) -> str | None:
    """Why a claim's unit cannot be what its own words count, or None (C5 2.31: the unit names what
    the words count). Only what a unit's name promises is asked: a share is written as one and a
    share of a whole or a fall is at most 100; a yearly rate says its year; deaths say death; tons say
    tons; since attack55 a fall or a rise names one, a percentage that is a change is no share, and
    words naming deaths count deaths, not people. `boats` asks nothing (a spun text says "vote down dozens"). A span holding a count and a
    percentage both is two propositions (C2), so a percentage in the words asks for a share unit."""
    share = _SHARE_WORDS.search(text) is not None
    if unit in SHARE_UNITS and not share:
        return f"quantity_unit {unit!r} is a share, but the claim's words give no percentage"
    if unit not in SHARE_UNITS and share:
        return f"the claim's words give a percentage, but quantity_unit {unit!r} is no share ({', '.join(sorted(SHARE_UNITS))})"
    if unit in ("percent", "percent_decrease") and high is not None and high == high and high > 100:
        return f"quantity_unit {unit!r} cannot exceed 100, but quantity_high is {high:g}"
    for units, words, wanted, why in _UNIT_WORDS:
        if unit in units and (words.search(text) is not None) != wanted:
            return f"quantity_unit {unit!r} {why}"
    return None


def check_quantity_unit_words(tables, report: Report) -> None:
    claims = tables.get("claims")
    if claims is None or len(claims) == 0 or not has_columns(claims, "claim_id", "quantity_unit", "text"):
        return
    unit = arrow_column(tables, "claims", "quantity_unit", pa.string())
    rows = _rows(_annotated(tables, "claims", pc.and_(pc.is_valid(unit), _naming(unit, pa.array(sorted(UNITS))))))
    if not rows:
        return
    texts = arrow_column(tables, "claims", "text", pa.string())
    highs = arrow_column(tables, "claims", "quantity_high", pa.float64()) if "quantity_high" in claims else None
    ids = arrow_column(tables, "claims", "claim_id", pa.string())
    for row in rows:
        value, text = unit[row].as_py(), texts[row].as_py()
        why = unit_against_words(value, text or "", highs[row].as_py() if highs is not None else None)
        if why is not None:
            report.add("claims", "quantity-unit-not-its-words", f"{why} (C5)", ids[row].as_py(), "quantity_unit", value)


def check_record_notes(tables, report: Report) -> None:
    clusters = tables.get("claim_clusters")
    if clusters is None or len(clusters) == 0 or not has_columns(clusters, "cluster_id", "record_status", "record_note"):
        return
    said = pa.array(["matches", "contradicts"])
    status = arrow_column(tables, "claim_clusters", "record_status", pa.string())
    wrong = pc.and_(pc.fill_null(pc.is_in(status, value_set=said), False),
                    _blank(arrow_column(tables, "claim_clusters", "record_note", pa.string())))
    ids = None
    for row in _rows(wrong):
        ids = ids or arrow_column(tables, "claim_clusters", "cluster_id", pa.string()).to_pylist()
        report.add("claim_clusters", "record-note-missing",
                   f"record_status {status[row].as_py()!r} without a record_note saying why (C9b)", ids[row], "record_note")
    if not has_columns(clusters, "variant_record_statuses", "variant_record_notes"):
        return
    statuses = arrow_column(tables, "claim_clusters", "variant_record_statuses", pa.list_(pa.string()))
    notes = arrow_column(tables, "claim_clusters", "variant_record_notes", pa.list_(pa.string()))
    aligned = pc.fill_null(pc.equal(pc.list_value_length(statuses), pc.list_value_length(notes)), False)
    statuses, notes = statuses.filter(aligned), notes.filter(aligned)  # unequal lists: another check's finding
    rows = np.flatnonzero(np.asarray(aligned.to_numpy(zero_copy_only=False), dtype=bool))
    flat_status = pc.list_flatten(statuses)
    wrong = pc.and_(pc.fill_null(pc.is_in(flat_status, value_set=said), False), _blank(pc.list_flatten(notes)))
    parents = pc.list_parent_indices(statuses).to_numpy(zero_copy_only=False)
    starts = statuses.offsets.to_numpy()[:-1] - statuses.offsets[0].as_py()
    for flat in _rows(wrong):
        row = int(rows[parents[flat]])
        ids = ids or arrow_column(tables, "claim_clusters", "cluster_id", pa.string()).to_pylist()
        report.add("claim_clusters", "record-note-missing",
                   f"variant {flat - starts[parents[flat]]} has record status {flat_status[flat].as_py()!r} without a note saying why (C9b)",
                   ids[row], "variant_record_notes")


MAY_BE_EMPTY = {("quotes", "start")}
"""A quote's own span may be empty (see the module doc); every other span of the schema holds text."""
SPANS = tuple((spec.name, spec.id_column, start, end) for spec in TABLES for start, end, _ in spec.span_columns
              if (spec.name, start) not in MAY_BE_EMPTY)
"""Every span column pair of the registry but MAY_BE_EMPTY, so a new span column is judged too
(attack7: a quote's speaker words `[s, s)` were VALID; the review after it: an empty stance evidence span too)."""


def check_empty_spans(tables, report: Report) -> None:
    for table, id_column, start_column, end_column in SPANS:
        frame = tables.get(table)
        if frame is None or len(frame) == 0 or not has_columns(frame, id_column, start_column, end_column):
            continue
        start = arrow_column(tables, table, start_column, pa.int64())
        end = arrow_column(tables, table, end_column, pa.int64())
        ids = None
        for row in _rows(pc.fill_null(pc.equal(start, end), False)):
            ids = ids or arrow_column(tables, table, id_column, pa.string()).to_pylist()
            report.add(table, "empty-span", f"span [{start[row].as_py()}, {end[row].as_py()}) holds no text", ids[row], end_column,
                       end[row].as_py())


QUOTATION_KINDS = ("direct", "partial", "scare", "indirect")
"""Quote kinds that nest (Q4); `orphan` rows are a lone mark's run of text (Q1)."""


def check_nested_quote_parents(tables, report: Report) -> None:
    quotes = tables.get("quotes")
    if quotes is None or len(quotes) == 0 or not has_columns(quotes, "quote_id", "article_id", "start", "end", "kind", "parent_quote_id"):
        return
    enclosed = _strictly_enclosed(tables)
    orphaned = enclosed & np.asarray(pc.is_null(arrow_column(tables, "quotes", "parent_quote_id", pa.string())).to_numpy(zero_copy_only=False), dtype=bool)
    if not orphaned.any():
        return
    ids = arrow_column(tables, "quotes", "quote_id", pa.string())
    for row in np.flatnonzero(orphaned).tolist():
        report.add("quotes", "parent-quote-missing", "a quotation inside another names the enclosing quote as its parent (Q4)",
                   ids[row].as_py(), "parent_quote_id", None)


def _strictly_enclosed(tables) -> np.ndarray:
    """Per quote row: whether another quotation of its article encloses it with a different span.

    Sorted by (article, start, -end), a span is enclosed by an earlier distinct span exactly when
    the largest end among the earlier distinct spans of its article reaches its own end; rows with
    the same span share the answer. Rows with a null or negative offset are never enclosed."""
    kind = arrow_column(tables, "quotes", "kind", pa.string())
    article = pc.dictionary_encode(arrow_column(tables, "quotes", "article_id", pa.string()))
    codes = np.asarray(pc.fill_null(article.indices, -1).to_numpy(zero_copy_only=False), dtype=np.int64)
    start, end = (_offsets(tables, "quotes", c) for c in ("start", "end"))
    quoting = np.asarray(pc.fill_null(pc.is_in(kind, value_set=pa.array(QUOTATION_KINDS)), False).to_numpy(zero_copy_only=False), dtype=bool)
    rows = np.flatnonzero(quoting & (codes >= 0) & (start >= 0) & (end >= start))
    enclosed = np.zeros(len(kind), bool)
    if len(rows) < 2:
        return enclosed
    rows = rows[span_order(codes[rows], start[rows], end[rows])]
    a, s, e = codes[rows], start[rows], end[rows]
    first = np.ones(len(rows), bool)
    first[1:] = (a[1:] != a[:-1]) | (s[1:] != s[:-1]) | (e[1:] != e[:-1])
    span = np.cumsum(first) - 1
    end_rank = np.unique(e[first], return_inverse=True)[1].reshape(-1)  # ranks: no int64 overflow at huge ends
    keyed_end = a[first] * (len(end_rank) + 1) + end_rank  # ends of earlier articles never reach this one's
    reach = np.maximum.accumulate(keyed_end)
    enclosed[rows] = np.concatenate([[False], reach[:-1] >= keyed_end[1:]])[span]
    return enclosed


def _offsets(tables, table: str, name: str) -> np.ndarray:
    """An offset column as int64, null (or a column of another type: Pandera's finding) as -1."""
    values = arrow_of(tables, table, (name,)).column(name)
    if not pa.types.is_integer(values.type):
        return np.full(len(values), -1, np.int64)
    if pa.types.is_unsigned_integer(values.type):  # -1 is no uint64; one past int64 is no offset
        values = pc.if_else(pc.greater(values, pa.scalar(np.iinfo(np.int64).max, pa.uint64())), None, values).cast(pa.int64())
    return np.asarray(pc.fill_null(values, -1).to_numpy(zero_copy_only=False), dtype=np.int64)


def _as_written(tables, table: str, rows: list[int]) -> list[int]:
    """The rows (few: a rule's suspects) whose text is the article slice [start, end): a text that
    is not is `span-text-mismatch`'s finding (census_arrow.texts_are_slices decides it)."""
    spans = ("start", "end", "text")
    arrow = arrow_of(tables, table, ("article_id", *spans))
    if not rows or arrow is None:
        return []
    candidates = np.asarray(rows, dtype=np.int64)
    return candidates[texts_are_slices(tables, table, arrow, candidates, spans)].tolist()


def has_columns(frame, *columns: str) -> bool:
    """Every column is in the frame (a rule about missing columns is Pandera's to name)."""
    return all(column in frame for column in columns)


def silent_entities(tables) -> dict[str, str]:
    """Entity id -> type of the entities that can neither utter words (Q6), state a claim (C3) nor
    take a side (S3): EVENT, LAW, LOC and OTHER (`labels.VOICELESS`; LOC and OTHER since attack55)."""
    entity_ids = arrow_column(tables, "entities", "entity_id", pa.string())
    types = arrow_column(tables, "entities", "type", pa.string())
    silent = pc.fill_null(pc.is_in(types, value_set=pa.array(sorted(VOICELESS))), False)
    silent = pc.and_(silent, pc.is_valid(entity_ids))  # a null id (Pandera's finding) names no entity
    return dict(zip(entity_ids.filter(silent).to_pylist(), types.filter(silent).to_pylist()))


def _blank(values: pa.Array) -> pa.Array:
    return pc.fill_null(pc.equal(pc.utf8_trim_whitespace(values), ""), True)


def _naming(values, allowed: pa.Array):
    """Whether each value is one of `allowed` (a null is not)."""
    return pc.fill_null(pc.is_in(values, value_set=allowed), False)


def _annotated(tables, table: str, mask):
    """The mask on an annotator's rows only: the extractor's (source "auto") make proposals, which
    the vocabulary and type rules exempt (Q6, C3, C5)."""
    if "source" not in tables[table]:
        return mask
    return pc.and_(mask, pc.fill_null(pc.not_equal(arrow_column(tables, table, "source", pa.string()), "auto"), True))


def _rows(mask) -> list[int]:
    """Rows where a boolean Arrow mask is true (none walked when the rule holds)."""
    if not pc.any(mask).as_py():
        return []
    return np.flatnonzero(np.asarray(mask.to_numpy(zero_copy_only=False), dtype=bool)).tolist()


GUIDELINE_CHECKS = (check_pronoun_mentions, check_speakers_can_speak, check_claimants_can_claim, check_quantity_units, check_quantity_unit_words, check_record_notes, check_empty_spans,
                    check_nested_quote_parents)
