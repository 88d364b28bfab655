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

import re
import unicodedata
from collections.abc import Iterable, Iterator

from landstrikes.annotations.sources import ArticleSource, Record
from landstrikes.annotations.sourcecheck import CLUSTERS, ENTITIES, TARGETS
from landstrikes.errors import BuildError, short
from landstrikes.schema.free_text import NOT_NORMAL, escaped, first_difference, free_text_problem, named

ALIAS_FORM = "alias-not-the-texts-form"

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


_BLANKS = re.compile(r"\s+")


def _folded(text: str) -> str:
    """A name as M2 and M6 compare it, then with normal forms folded: what a conversion keeps."""
    return _BLANKS.sub(" ", unicodedata.normalize("NFKC", text))


def _spaced(text: str) -> str:
    return _BLANKS.sub(" ", text)


def check_alias_forms(entities: list[Record], sources: dict[str, ArticleSource], texts: dict[str, str]) -> None:
    """An alias is a copy of how the articles write a name (M2), so G7 leaves its form alone; an alias
    that differs from a NAME mention (or an exclusion, M5) of its entity only by normal form, the
    mention being the article's own text, is a converted `entities.yaml` (NFKC folds a002's
    non-breaking hyphen: built, it was `name-mention-not-alias` on the mentions): refused at the
    alias's line, the earliest such [alias-not-the-texts-form]."""
    names: dict[str, tuple[Record, set[str], dict[str, str]]] = {}
    for record in entities:
        aliases = [a for a in record.data.get("aliases") or [] if isinstance(a, str)]
        written = {_spaced(a) for a in aliases} | {_spaced(str(record.data.get("name")))}
        names[record.data.get("id")] = (record, written, {_folded(a): a for a in aliases})
    found: BuildError | None = None
    for name in sorted(sources):
        for layer, kinds in (("mentions", True), ("exclusions", False)):
            for mention in sources[name].layer(layer):
                text, entity = mention.data.get("text"), names.get(mention.data.get("entity"))
                if entity is None or not isinstance(text, str) or kinds and mention.data.get("kind", "NAME") != "NAME":
                    continue
                record, written, folded = entity
                alias = folded.get(_folded(text))
                if alias is None or _spaced(text) in written or text not in texts.get(name, ""):
                    continue
                line = record.line_of("aliases")
                if found is None or (line or 0) < (found.line or 0):
                    at = min(first_difference(alias, text), len(alias) - 1, len(text) - 1)
                    found = BuildError(record.file, f"alias {short(alias)} is not how the articles write it: "
                                       f"{mention.file.name}:{mention.line_of('text')} has {short(text)}, the same but for "
                                       f"{named(alias[at])} where the text has {named(text[at])} "
                                       "(M2: an alias copies the text's characters); was this file converted "
                                       "(NFKC, NFD) outside git?", line, ALIAS_FORM)
    if found is not None:
        raise found


def check_prose_form(path, text: str, what: str) -> None:
    """A prose source of many lines (the dataset card's body) is in NFC as G7 asks, line ends left
    to the reader (Python reads CRLF as LF): an NFD copy built a card of other bytes."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return
    nfc = unicodedata.normalize("NFC", text)
    at = first_difference(text, nfc)
    line = text.count("\n", 0, at) + 1
    raise BuildError(path, f"{what} is not in NFC: '{escaped(text[max(0, at - 20):at + 20])}' (NFC: "
                     f"'{escaped(nfc[max(0, at - 20):at + 20])}'); prose is written in composed characters "
                     "(G7; was the file converted?)", line, NOT_NORMAL)
