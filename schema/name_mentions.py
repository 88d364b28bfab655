"""A NAME mention is an occurrence of one of its entity's names (M1, M2): its text is the
entity's name or one of its aliases, words joined by any Unicode space separator (M6). An
entity that lists no alias is exempt: its names are all claimed by another entity (E4: the
city `washington-dc` is mentioned as "Washington", an alias of `united-states`). A mention
given another entity, an alias dropped from the catalogue, a nominal relabelled NAME, or a name
span widened onto punctuation passed every other check (census)."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, failing_rows, ids_at, texts_are_slices, values_at
from landstrikes.schema.checkcorpus import column
from landstrikes.schema.report import Report

_SPACES = r"[\p{Zs}\t\n\r\f\v]"
_SEP = pa.scalar("\x1f", pa.large_string())


def check_name_mentions(tables, report: Report) -> None:
    mentions = arrow_of(tables, "mentions", ("article_id", "start", "end", "entity_id", "text", "kind"))
    entities = arrow_of(tables, "entities", ("name", "aliases"))
    if mentions is None or entities is None or not mentions.num_rows:
        return
    entity_ids = column(entities, "entity_id").cast(pa.large_string())
    aliases = column(entities, "aliases")
    if not pa.types.is_list(aliases.type):
        return
    owners = entity_ids.take(pc.list_parent_indices(aliases))
    names = pa.concat_arrays([_spaced(pc.list_flatten(aliases)), _spaced(column(entities, "name"))])
    allowed = pc.binary_join_element_wise(pa.concat_arrays([owners, entity_ids]), names, _SEP)
    listed = pc.unique(owners)  # entities with at least one alias
    entity = column(mentions, "entity_id").cast(pa.large_string())
    keys = pc.binary_join_element_wise(entity, _spaced(column(mentions, "text")), _SEP)
    wrong = pc.and_(pc.and_(pc.equal(column(mentions, "kind"), "NAME"), pc.is_in(entity, value_set=listed)),
                    pc.invert(pc.is_in(keys, value_set=allowed)))
    rows = failing_rows(wrong)
    rows = rows[texts_are_slices(tables, "mentions", mentions, rows, ("start", "end", "text"))]
    for mention_id, entity_id, text in zip(ids_at(mentions, "mentions", rows), values_at(mentions, "entity_id", rows), values_at(mentions, "text", rows)):
        report.add("mentions", "name-mention-not-alias", f"a NAME mention is the name or an alias of its entity; {text!r} is neither for {entity_id!r} (M1, M2)",
                   mention_id, "text", text)


def _spaced(values: pa.Array) -> pa.Array:
    """Every Unicode space separator as U+0020, as alias coverage matches them (M6)."""
    return pc.replace_substring_regex(values.cast(pa.large_string()), _SPACES, " ")
