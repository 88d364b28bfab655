"""Every field the builders read, with its type, checked before any builder runs.

The builders trust what they read (`str(...)`, `text.find(...)`, `float(...)`); a list where a
string belongs, a number where an id belongs or an entity the catalogue lacks would otherwise
surface as a traceback somewhere downstream (or, worse, as a coerced value in a table). One
table per source kind says what each field must be; a wrong value is a one-line error at the
line of its key. Fields not listed here are left to the builders' own `check_keys`.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from landstrikes.errors import short
from landstrikes.schema.labels import (
    CLAIM_TYPES,
    ENTITY_FLAGS,
    ENTITY_TYPES,
    FNC_LABELS,
    HEDGING,
    HOLDER_GROUPS,
    MENTION_KINDS,
    QUALITY_FLAGS,
    QUANTITY_BOUNDS,
    QUOTE_KINDS,
    RECORD_STATUSES,
    SEGMENT_KINDS,
    SPEAKER_STATUSES,
    STANCE_CONFIDENCE,
    STANCE_LABELS,
)
from landstrikes.annotations.sources import Record, type_name

Check = Callable[[Record, str, object, "Catalogues"], None]
Catalogues = dict[str, set[str]]


def _wrong(record: Record, key: str, value, expected: str):
    return record.error(f"{key} must be {expected}, not {type_name(value)} {short(value)}", key, "wrong-type")


def text(record, key, value, _cat) -> None:
    """A string with something in it (ids, names, notes, span contexts)."""
    if not isinstance(value, str) or not value.strip():
        raise _wrong(record, key, value, "a non-empty string")


def span_text(record, key, value, _cat) -> None:
    """The exact text of a span: any non-empty string (whitespace is text too)."""
    if not isinstance(value, str) or not value:
        raise _wrong(record, key, value, "a non-empty string")


def occurrence(record, key, value, _cat) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise _wrong(record, key, value, "a whole number from 1 (the occurrence of the text)")


def boolean(record, key, value, _cat) -> None:
    if not isinstance(value, bool):
        raise _wrong(record, key, value, "true or false")


def one_of(labels) -> Check:
    def check(record, key, value, _cat) -> None:
        if not isinstance(value, str) or value not in labels:
            raise record.error(f"{key}={short(value)} is not one of {list(labels)}", key, "label-outside-set")
    return check


def ref(catalogue: str, file: str) -> Check:
    """An id that the named catalogue defines."""
    def check(record, key, value, cat) -> None:
        text(record, key, value, cat)
        if value not in cat[catalogue]:
            raise record.error(f"{key} {short(value)} is not defined in {file}", key, "unknown-reference")
    return check


def strings(record, key, value, _cat) -> None:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _wrong(record, key, value, "a list of non-empty strings")


def entity_list(record, key, value, cat) -> None:
    """A list of catalogued entity ids (the speakers of a `multiple` quote, Q9)."""
    if not isinstance(value, list) or not value:
        raise _wrong(record, key, value, "a non-empty list of entity ids")
    for item in value:
        ref(ENTITIES, "entities.yaml")(record, key, item, cat)


VARIANT_FIELDS: dict[str, Check] = {"id": text, "proposition": text, "record": one_of(RECORD_STATUSES), "note": text}


def variants(record, key, value, cat) -> None:
    """Two or more incompatible versions of a cluster's proposition, each a mapping (C9, C9b)."""
    if not isinstance(value, list) or len(value) < 2 or not all(isinstance(v, dict) for v in value):
        raise _wrong(record, key, value, "a list of two or more mappings {id, proposition, record, note}")
    for item in value:
        check_fields(record.child(item), VARIANT_FIELDS, cat, required={"id", "proposition"}, closed=True)


SPAN_FIELDS: dict[str, Check] = {"text": span_text, "n": occurrence, "in": text}


def span(record, key, value, cat) -> None:
    """A span: its exact text, or a mapping {text, n?, in?}."""
    if isinstance(value, str):
        return span_text(record, key, value, cat)
    if not isinstance(value, dict):
        raise _wrong(record, key, value, "a span (its text, or a mapping {text, n, in})")
    check_fields(record.child(value), SPAN_FIELDS, cat, required={"text"}, closed=True)


def number(record, key, value, _cat) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise _wrong(record, key, value, "a finite number")


QUANTITY_FIELDS: dict[str, Check] = {"low": number, "high": number, "unit": text, "bound": one_of(QUANTITY_BOUNDS)}


def quantity(record, key, value, cat) -> None:
    if not isinstance(value, dict):
        raise _wrong(record, key, value, "a mapping {low, high, unit, bound}")
    check_fields(record.child(value), QUANTITY_FIELDS, cat, required={"low", "unit"}, closed=True)


ENTITIES = "entities"
TARGETS = "stance_targets"
CLUSTERS = "claim_clusters"
ENTITY = ref(ENTITIES, "entities.yaml")

CATALOGUE_FIELDS: dict[str, tuple[dict[str, Check], set[str]]] = {
    ENTITIES: ({"id": text, "name": text, "type": one_of(ENTITY_TYPES), "aliases": strings, "description": text,
                "flag": one_of(ENTITY_FLAGS), "flag_note": text}, {"id", "name", "type", "description"}),
    TARGETS: ({"id": text, "description": text}, {"id", "description"}),
    CLUSTERS: ({"id": text, "proposition": text, "variants": variants, "record": one_of(RECORD_STATUSES),
                "note": text}, {"id", "proposition"}),
}

_SPAN = {"text": span_text, "n": occurrence, "in": text}
LAYER_FIELDS: dict[str, tuple[dict[str, Check], set[str]]] = {
    "mentions": ({**_SPAN, "entity": ENTITY, "kind": one_of(MENTION_KINDS)}, {"text", "entity"}),
    "exclusions": ({**_SPAN, "entity": ENTITY, "reason": text}, {"text", "entity", "reason"}),
    "quotes": ({**_SPAN, "kind": one_of(QUOTE_KINDS), "status": one_of(SPEAKER_STATUSES), "speaker": ENTITY,
                "speakers": entity_list, "mention": span, "speaker_phrase": span, "cue": span, "lemma": text, "parent": span, "cluster": text,
                "event": ENTITY}, {"text", "kind"}),
    "claims": ({**_SPAN, "claimant": ENTITY, "type": one_of(CLAIM_TYPES), "quantity": quantity,
                "hedging": one_of(HEDGING), "cluster": ref(CLUSTERS, "claim_clusters.yaml"), "variant": text,
                "hypothetical": boolean, "note": text}, {"text", "type", "hedging", "cluster"}),
    "stances": ({"holder": ENTITY, "group": one_of(HOLDER_GROUPS), "target": ref(TARGETS, "stance_targets.yaml"),
                 "label": one_of(STANCE_LABELS), "evidence": span, "fnc": one_of(FNC_LABELS),
                 "confidence": one_of(STANCE_CONFIDENCE)}, {"target", "label", "evidence"}),
    "segments": ({"kind": one_of(SEGMENT_KINDS), "from": span_text, "n": occurrence, "in": text}, {"kind", "from"}),
    "quality": ({**_SPAN, "flag": one_of(QUALITY_FLAGS), "note": text}, {"flag", "text", "note"}),
}


def check_fields(record: Record, fields: dict[str, Check], cat: Catalogues, required: set[str] = frozenset(),
                 closed: bool = False) -> None:
    """Each listed field present in record has its type; required ones are present and not null."""
    if closed:
        record.check_keys(set(fields))
    for key in required:
        record.require(key)
    for key, check in fields.items():
        value = record.data.get(key)
        if value is not None:
            check(record, key, value, cat)


def check_catalogue(name: str, records: list[Record]) -> set[str]:
    """Check one catalogue's records; returns the ids it defines."""
    fields, required = CATALOGUE_FIELDS[name]
    for record in records:
        check_fields(record, fields, {}, required)
    return {record.data["id"] for record in records}


def check_layer(name: str, records: list[Record], cat: Catalogues) -> None:
    fields, required = LAYER_FIELDS[name]
    for record in records:
        check_fields(record, fields, cat, required)
