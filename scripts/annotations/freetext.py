"""Every free-text value of the annotation sources held to G7 before anything is built (nfc58).

A source converted outside git (NFD, a line break kept inside a value, a no-break space) built
another dataset that validated, or one whose findings blamed the tables; the rule itself is
`landstrikes.schema.free_text`. Which fields are free text, the annotator's own words, is listed
here per source kind; spans, their contexts (`in`), ids, labels and the cue's `lemma` (judged
against its span, Q3) are not. An alias is a copy of how the articles write a name (M2: the
non-breaking hyphen of `Joint Counter‑Narco Intelligence Center` included), so it is held to the
spacing only, never to a normal form.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from landstrikes.annotations.sources import ArticleSource, Record
from landstrikes.annotations.sourcecheck import CLUSTERS, ENTITIES, TARGETS
from landstrikes.errors import BuildError
from landstrikes.schema.free_text import free_text_problem

WORDS, COPY = True, False
"""A field's kind: the annotator's words (normal form and spacing) or a copy of the text's (spacing)."""

CATALOGUE_TEXT: dict[str, dict[str, bool]] = {
    ENTITIES: {"name": WORDS, "aliases": COPY, "description": WORDS, "flag_note": WORDS},
    TARGETS: {"description": WORDS},
    CLUSTERS: {"proposition": WORDS, "note": WORDS},
}
VARIANT_TEXT = {"proposition": WORDS, "note": WORDS}
LAYER_TEXT: dict[str, dict[str, bool]] = {
    "exclusions": {"reason": WORDS},
    "claims": {"note": WORDS},
    "quality": {"note": WORDS},
}
QUANTITY_TEXT = {"unit": WORDS}


def _fields(record: Record, fields: dict[str, bool]) -> Iterator[tuple[Record, str, str, bool]]:
    for key, words in fields.items():
        value = record.data.get(key)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str):
                yield record, key, item, words


def _catalogue_values(kind: str, records: Iterable[Record]) -> Iterator[tuple[Record, str, str, bool]]:
    for record in records:
        yield from _fields(record, CATALOGUE_TEXT[kind])
        if kind == CLUSTERS and isinstance(record.data.get("variants"), list):
            for variant in record.data["variants"]:
                if isinstance(variant, dict):
                    yield from _fields(record.child(variant), VARIANT_TEXT)


def _layer_values(source: ArticleSource) -> Iterator[tuple[Record, str, str, bool]]:
    for layer, fields in LAYER_TEXT.items():
        for record in source.layer(layer):
            yield from _fields(record, fields)
            if layer == "claims" and isinstance(record.data.get("quantity"), dict):
                yield from _fields(record.child(record.data["quantity"]), QUANTITY_TEXT)


def _first_problem(values: Iterable[tuple[Record, str, str, bool]]) -> BuildError | None:
    """The problem on the earliest line of one file (a file's values, in any order)."""
    found = None
    for record, key, value, words in values:
        problem = free_text_problem(value, normal_form=words)
        if problem is None:
            continue
        line = record.line_of(key)
        if found is None or (line or 0) < (found.line or 0):
            check, reason = problem
            found = BuildError(record.file, f"{key} {reason}", line, check)
    return found


def check_free_text(catalogues: dict[str, list[Record]], sources: dict[str, ArticleSource]) -> None:
    """Raise a BuildError for the first free-text value breaking G7: file by file, in the order the
    corpus loads them (the catalogues, then the articles' sources by name), the earliest line."""
    for kind, records in catalogues.items():
        error = _first_problem(_catalogue_values(kind, records))
        if error is not None:
            raise error
    for name in sorted(sources):
        error = _first_problem(_layer_values(sources[name]))
        if error is not None:
            raise error
