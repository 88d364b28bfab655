"""M3 (2.41): one person's gendered pronouns in one article agree. An annotator's PRONOUN rows of
one entity in one article are all masculine (he, him, his, himself) or all feminine (she, her,
hers, herself): a pronoun of the other gender there refers to someone else. attack55 found a000's
"she" (of `claudia-sheinbaum`) given to `donald-trump`, who has "he" and "him" in that article,
VALID: every other check holds, since Trump is named there too (pronoun-entity-not-in-article).

Annotators' rows only (`source` not `auto`), as M2's coverage is: the extractor's resolution
makes no such promise. Row-local by article, so `validate --engine` judges each partition alone.
Each row of the minority gender (both, when the counts tie) is named, with the pronoun it
disagrees with, so the row that moved is among those shown."""

from __future__ import annotations

import collections

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
    rows = pc.indices_nonzero(asked).to_pylist()
    if not rows:
        return
    pronouns = mentions.take(rows)
    articles, entities = column(pronouns, "article_id").to_pylist(), column(pronouns, "entity_id").to_pylist()
    words = column(pronouns, "text").to_pylist()
    by_person: dict[tuple, dict[str, list[int]]] = collections.defaultdict(lambda: collections.defaultdict(list))
    for place, (article, entity, word) in enumerate(zip(articles, entities, words)):
        gender = GENDERS.get((word or "").strip().lower())
        if gender is not None and article is not None and entity is not None:
            by_person[(article, entity)][gender].append(place)
    for (_, entity), genders in by_person.items():
        if len(genders) < 2:
            continue
        fewest = min(len(places) for places in genders.values())
        for gender, places in genders.items():
            if len(places) != fewest:
                continue
            other = next(g for g in genders if g != gender)
            example = words[genders[other][0]]
            ids = ids_at(pronouns, "mentions", places)
            for row_id, place in zip(ids, places):
                report.add("mentions", CHECK, f"one person's pronouns in one article agree in gender (M3): {words[place]!r} is "
                           f"{gender} where {entity!r} is also {example!r} ({other}) in this article", row_id,
                           "entity_id", entity)
