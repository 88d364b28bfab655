"""M1's personal pronouns name a person: "he", "she", "her", "him" (and "I", "me", "my" ...)
are PERSON mentions (E2 types people PERSON). attack27: a000's "her" re-pointed at the EVENT
`fox-news-interview-2026`, and a "he" at a GPE, validated [pronoun-type-mismatch]. "it",
"they", "we", "who" may name an organisation, a country or a group, and are not judged. The
extractor's rows (source `auto`) are exempt: its entity types are proposals merged across
articles ("he" typed ORG 8 times in 27,635 mentions of the BBC dev news), as speaker-cannot-speak
exempts them.

Arrow over the PRONOUN rows; Python only on the rows that fail."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, failing_rows, ids_at
from landstrikes.schema.checkcorpus import column
from landstrikes.schema.report import Report

PERSONAL = frozenset("i me my mine myself he him his himself she her hers herself".split())
"""The pronouns only a person is referred to by (first person singular, third singular of a gender)."""


def check_pronoun_types(tables, report: Report) -> None:
    mentions = arrow_of(tables, "mentions", ("entity_id", "kind", "text", "source"))
    entities = arrow_of(tables, "entities", ("type",))
    if mentions is None or entities is None or not mentions.num_rows:
        return
    personal = pc.and_(pc.equal(column(mentions, "kind"), "PRONOUN"),
                       pc.is_in(pc.utf8_lower(pc.utf8_trim_whitespace(column(mentions, "text"))), value_set=pa.array(sorted(PERSONAL))))
    personal = pc.and_(personal, pc.fill_null(pc.not_equal(column(mentions, "source"), "auto"), True))
    people = pc.filter(column(entities, "entity_id"), pc.fill_null(pc.equal(column(entities, "type"), "PERSON"), False))
    catalogued = pc.is_in(column(mentions, "entity_id"), value_set=column(entities, "entity_id"))
    wrong = pc.and_(pc.and_(personal, catalogued), pc.invert(pc.is_in(column(mentions, "entity_id"), value_set=people)))
    rows = failing_rows(wrong)
    if not len(rows):
        return
    types = dict(zip(column(entities, "entity_id").to_pylist(), column(entities, "type").to_pylist()))
    texts = column(mentions, "text").take(pa.array(rows, pa.int64())).to_pylist()
    targets = column(mentions, "entity_id").take(pa.array(rows, pa.int64())).to_pylist()
    for row_id, text, entity in zip(ids_at(mentions, "mentions", rows), texts, targets):
        report.add("mentions", "pronoun-type-mismatch",
                   f"the pronoun {text!r} names a person, but {entity!r} is {types.get(entity)} (M1, E2)", row_id, "entity_id", entity)
