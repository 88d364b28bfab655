"""M3 (2.41): one person's gendered pronouns in one article agree. An annotator's PRONOUN rows of
one entity in one article are all masculine (he, him, his, himself) or all feminine (she, her,
hers, herself): a pronoun of the other gender there refers to someone else. attack55 found a000's
"she" (of `claudia-sheinbaum`) given to `donald-trump`, who has "he" and "him" in that article,
VALID: every other check holds, since Trump is named there too (pronoun-entity-not-in-article).

Annotators' rows only (`source` not `auto`), as M2's coverage is: the extractor's resolution
makes no such promise. Row-local by article, so `validate --engine` judges each partition alone.
Each row of the minority gender (both, when the counts tie) is named, with the pronoun it
disagrees with, so the row that moved is among those shown. Vectorised over the pronoun rows (Arrow
and numpy); Python words only the findings (a loop over every pronoun took 28 ms at 10^5 quote rows)."""

from __future__ import annotations

import collections

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, ids_at
from landstrikes.schema.checkcorpus import column
from landstrikes.schema.report import Report

CHECK = "pronoun-gender-mismatch"
GENDERS = {
    **dict.fromkeys(("he", "him", "his", "himself"), "masculine"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "feminine"),
}
"""The gendered third-person pronouns of M1, lower-cased; "they", "it" and "I" have no gender here."""


def check_pronoun_genders(tables, report: Report) -> None:
    mentions = arrow_of(tables, "mentions", ("article_id", "entity_id", "kind", "text"))
    if mentions is None or not mentions.num_rows:
        return
    kind, text = column(mentions, "kind"), column(mentions, "text")
    if not all(pa.types.is_string(c.type) or pa.types.is_large_string(c.type) for c in (kind, text)):
        return  # (a wrong type is the schema's finding)
    asked = pc.fill_null(pc.equal(kind, "PRONOUN"), False)
    if "source" in mentions.column_names and pa.types.is_string(column(mentions, "source").type):
        asked = pc.and_(asked, pc.fill_null(pc.not_equal(column(mentions, "source"), "auto"), True))
    pronouns = mentions.filter(asked)  # a few rows of the table: the rest is vectorised over them
    if not pronouns.num_rows:
        return
    word = pc.utf8_lower(pc.utf8_trim_whitespace(column(pronouns, "text")))
    gender = np.zeros(pronouns.num_rows, np.int8)
    for code, name in enumerate(_GENDER_NAMES, 1):
        gender[pc.fill_null(pc.is_in(word, value_set=pa.array(_WORDS_OF[name])), False).to_numpy(zero_copy_only=False)] = code
    person, persons = _person_keys(pronouns)
    known = (gender > 0) & (person >= 0)
    counts = [np.bincount(person[known & (gender == code)], minlength=persons) for code in (1, 2)]
    mixed = (counts[0] > 0) & (counts[1] > 0)
    if not mixed.any():
        return
    rows = np.flatnonzero(known & mixed[np.maximum(person, 0)])
    words, entities = column(pronouns, "text").to_pylist(), column(pronouns, "entity_id").to_pylist()
    ids = ids_at(pronouns, "mentions", rows)
    by_person: dict[int, dict[int, list[int]]] = collections.defaultdict(lambda: collections.defaultdict(list))
    for place, row in enumerate(rows.tolist()):
        by_person[int(person[row])][int(gender[row])].append(place)
    for places_of in by_person.values():
        fewest = min(len(places) for places in places_of.values())
        for code, places in places_of.items():
            if len(places) != fewest:
                continue
            other = 3 - code
            example = words[rows[places_of[other][0]]]
            for place in places:
                row = rows[place]
                report.add("mentions", CHECK, f"one person's pronouns in one article agree in gender (M3): {words[row]!r} is "
                           f"{_GENDER_NAMES[code - 1]} where {entities[row]!r} is also {example!r} ({_GENDER_NAMES[other - 1]}) "
                           "in this article", ids[place], "entity_id", entities[row])


_GENDER_NAMES = ("masculine", "feminine")
_WORDS_OF = {name: sorted(w for w, g in GENDERS.items() if g == name) for name in _GENDER_NAMES}


def _person_keys(pronouns: pa.Table) -> tuple[np.ndarray, int]:
    """Each row's (article, entity) as one integer (-1 where either is null), and how many there are."""
    codes = []
    for name in ("article_id", "entity_id"):
        encoded = pc.dictionary_encode(column(pronouns, name))
        codes.append((pc.fill_null(encoded.indices, -1).to_numpy(zero_copy_only=False).astype(np.int64), len(encoded.dictionary)))
    (article, articles), (entity, entities) = codes
    key = np.where((article >= 0) & (entity >= 0), article * max(entities, 1) + entity, -1)
    return key, articles * max(entities, 1)
