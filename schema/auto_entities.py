"""What the extractor writes of an entity is derived, so an entity row marked `auto` agrees with it
(E3; docs/extraction.md: "The entity catalogue is merged across all articles (majority type and
name, every surface as an alias)"):

- its id is the slug of its name: the name's letters folded to ASCII (NFKD, the rest dropped),
  lower case, every run of other characters one hyphen, no hyphen at either end; a name with no
  ASCII letter or digit gets `u` and the first 12 hex digits of the sha1 of its UTF-8 bytes;
- its description is `auto: <type> named in <n> article(s)`, `n` the articles its (extractor's)
  mentions lie in;
- each alias is the text of one of its NAME mentions, and each text of its NAME mentions is an
  alias (every surface it was named by; the converse written in 2.27) [auto-alias-missing].

attack36: on the extractor's output for dataset/raw, `donald-trump` and `claudia-sheinbaum` swapped
in every table at once, an entity retyped PERSON -> ORG, its article count changed, and an alias no
mention has added each validated: `entity-id-not-its-name` exempts the extractor's rows, whose id
is its own slug [auto-entity-not-derived]. An annotator's rows are not judged (E3's slug is theirs
to shorten, their description free text). The mentions counted are the extractor's (source `auto`),
so the rule reads mentions of every article: `validate --engine` runs it in its corpus-wide pass.

All on Arrow: the slug by Arrow's string kernels (the sha1 only for names with no ASCII letter or
digit, in Python), articles per entity by two group-bys, aliases as `entity<US>alias` keys and one
`is_in`; Python touches only failing rows. Limit: Arrow's NFKD tables are utf8proc's, Python's are
its own Unicode version's; a compatibility character new in one of them folds differently, and
such a name's id is then reported."""

from __future__ import annotations

import hashlib

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, failing_rows, ids_at
from landstrikes.schema.checkcorpus import column
from landstrikes.schema.report import Report

CHECK = "auto-entity-not-derived"
UNLISTED = "auto-alias-missing"
_SEP = "\x1f"


def _strings(values) -> pa.Array:
    return values.cast(pa.large_string())


def _auto(table: pa.Table) -> np.ndarray:
    return pc.fill_null(pc.equal(column(table, "source"), "auto"), False).to_numpy(zero_copy_only=False)


def entity_slugs(names: pa.Array) -> pa.Array:
    """The extractor's `slug` of each name (scripts/extract/entities.py), on Arrow."""
    names = _strings(names.fill_null(""))
    folded = pc.replace_substring_regex(pc.utf8_normalize(names, form="NFKD"), r"[^\x00-\x7f]+", "")
    hyphened = pc.replace_substring_regex(pc.ascii_lower(folded), r"[^a-z0-9]+", "-")
    slugs = pc.utf8_trim(hyphened, characters="-")
    empty = failing_rows(pc.equal(pc.utf8_length(slugs), 0))
    if not len(empty):
        return slugs
    values = slugs.to_pylist()
    for row, name in zip(empty, names.take(pa.array(empty, pa.int64())).to_pylist()):
        values[row] = "u" + hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return pa.array(values, pa.large_string())


def check_auto_entities(tables, report: Report) -> None:
    entities = arrow_of(tables, "entities", ("name", "type", "aliases", "description", "source"))
    if entities is None or not entities.num_rows:
        return
    auto = _auto(entities)
    if not auto.any():
        return
    ids, names = column(entities, "entity_id"), column(entities, "name")
    types, descriptions, aliases = column(entities, "type"), column(entities, "description"), column(entities, "aliases")
    if not all(pa.types.is_string(a.type) or pa.types.is_large_string(a.type) for a in (ids, names, types, descriptions)) \
            or not (pa.types.is_list(aliases.type) or pa.types.is_large_list(aliases.type)):
        return
    rows = np.flatnonzero(auto)
    take = pa.array(rows, pa.int64())
    ids, names, types, descriptions = (_strings(a.take(take)) for a in (ids, names, types, descriptions))
    aliases = aliases.take(take)
    known = pc.is_valid(ids).to_numpy(zero_copy_only=False)

    # the id
    wrong_id = known & pc.fill_null(pc.not_equal(ids, entity_slugs(names)), True).to_numpy(zero_copy_only=False)
    for row_id in ids_at(entities, "entities", rows[wrong_id]):
        report.add("entities", CHECK, "the extractor's entity id is the slug of its name (E3; lower case ASCII, words joined by "
                   "single hyphens): this one is not", row_id, "entity_id", row_id)

    # the description: its type and the articles its mentions lie in
    mentions = arrow_of(tables, "mentions", ("article_id", "entity_id", "text", "kind", "source"))
    counts = pa.array(np.zeros(len(rows), np.int64))
    surfaces = pa.array([], pa.large_string())
    if mentions is not None and mentions.num_rows:
        by_auto = pa.table({name: _strings(column(mentions, name)) for name in ("article_id", "entity_id", "text", "kind")}) \
            .filter(pa.array(_auto(mentions)))
        pairs = by_auto.group_by(["entity_id", "article_id"]).aggregate([])
        per_entity = pairs.group_by("entity_id").aggregate([("article_id", "count")])
        where = pc.index_in(ids, value_set=per_entity.column("entity_id").combine_chunks())
        counts = pc.fill_null(per_entity.column("article_id_count").combine_chunks().take(where), 0)
        named = by_auto.filter(pc.equal(by_auto.column("kind"), "NAME"))
        surfaces = pc.binary_join_element_wise(named.column("entity_id").combine_chunks(), named.column("text").combine_chunks(),
                                               pa.scalar(_SEP, pa.large_string()))
    expected = pc.binary_join_element_wise(pa.scalar("auto: ", pa.large_string()), types.fill_null("?"),
                                           pa.scalar(" named in ", pa.large_string()), pc.cast(counts, pa.large_string()),
                                           pa.scalar(" article(s)", pa.large_string()), pa.scalar("", pa.large_string()))
    wrong = known & ~wrong_id & pc.fill_null(pc.not_equal(descriptions, expected), True).to_numpy(zero_copy_only=False)
    for row, row_id in zip(np.flatnonzero(wrong), ids_at(entities, "entities", rows[wrong])):
        report.add("entities", CHECK, f"the extractor describes an entity by its type and the articles its mentions lie in: "
                   f"'{expected[int(row)].as_py()}' (E1, E3)", row_id, "description", descriptions[int(row)].as_py())

    # the aliases: every surface it was named by, and nothing else
    flat = _strings(pc.list_flatten(aliases))
    _check_surfaces_listed(report, entities, rows, ids, names, aliases, flat, known & ~wrong_id, named if len(surfaces) else None, surfaces)
    if len(flat):
        owners = ids.take(pc.list_parent_indices(aliases))
        keys = pc.binary_join_element_wise(owners, flat, pa.scalar(_SEP, pa.large_string()))
        unused = pc.invert(pc.is_in(keys, value_set=surfaces)).to_numpy(zero_copy_only=False)
        unused &= pc.is_valid(owners).to_numpy(zero_copy_only=False)
        parents = pc.list_parent_indices(aliases).to_numpy(zero_copy_only=False)
        bad = np.unique(parents[unused])
        bad = bad[known[bad] & ~wrong_id[bad]]
        for row, row_id in zip(bad, ids_at(entities, "entities", rows[bad])):
            first = flat.filter(pa.array(unused & (parents == row))).to_pylist()[0]
            report.add("entities", CHECK, f"every alias of the extractor's entity is the text of one of its NAME mentions; "
                       f"'{first}' is none", row_id, "aliases", first, value_of="an item")


def _check_surfaces_listed(report: Report, entities: pa.Table, rows: np.ndarray, ids: pa.Array, names: pa.Array, aliases: pa.Array,
                           flat: pa.Array, judged: np.ndarray, named: pa.Table | None, surfaces: pa.Array) -> None:
    """The converse of the alias rule (E3 2.27): every surface an extractor entity was named by (the
    text of each of its extractor NAME mentions) is one of its aliases. A surface that is neither
    its name nor an alias is `name-mention-not-alias`'s finding already (the mention's); judged here:
    a surface that is the entity's name, and any surface of an entity listing no alias."""
    if named is None or not len(surfaces):
        return
    owners = ids.take(pc.list_parent_indices(aliases))
    listed = pc.binary_join_element_wise(owners, flat, pa.scalar(_SEP, pa.large_string())) if len(flat) else pa.array([], pa.large_string())
    unlisted = np.flatnonzero(pc.invert(pc.is_in(surfaces, value_set=listed)).to_numpy(zero_copy_only=False))
    if not len(unlisted):
        return
    at = pa.array(unlisted, pa.int64())
    position = {entity_id: row for row, entity_id in enumerate(ids.to_pylist()) if judged[row]}
    seen = set()
    for entity_id, text in zip(named.column("entity_id").take(at).to_pylist(), named.column("text").take(at).to_pylist()):
        row = position.get(entity_id)
        if row is None or (entity_id, text) in seen:
            continue  # not an extractor entity, or one whose id is already a finding
        seen.add((entity_id, text))
        if text != names[row].as_py() and len(aliases[row]):
            continue  # neither its name nor an alias: the mention's finding
        report.add("entities", UNLISTED, f"the extractor lists every surface its entity was named by as an alias (E3): "
                   f"'{text}' names it and is no alias", ids_at(entities, "entities", rows[[row]])[0], "aliases", text,
                   value_of="the name not listed")
